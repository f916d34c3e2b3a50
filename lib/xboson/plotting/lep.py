"""Figure helpers for Chiang Sec. VI (Figs. 5, dotted curves of Fig. 3, Table II) and Fig. 8.

No physics here: regions come from :func:`xboson.experiments.lep.constraint`, limits from
:func:`xboson.experiments.lep.limit_curves`, cross sections from :mod:`xboson.lep.xsec`.
Each helper draws on a given Axes.
"""

from __future__ import annotations

import numpy as np

from ..experiments import lep
from ..units import GeV, keV, pb
from . import draw_region, rho_axes

LEP_BLUE = "#4f81bd"
#: (m_X [GeV], Gamma_X [GeV]) of the top row of Chiang Fig. 5 and of Fig. 8.
FIG5_TOP = lep.FIG5_TOP


def _window(con, pair, pad=1.35):
    """A symmetric plotting window from the allowed ranges along the two axes (fast)."""
    r = con.region(pair)
    ext = []
    for d in ((1.0, 0.0), (0.0, 1.0)):
        lo, hi = r.along(d).bounds
        ext.append(max(abs(lo), abs(hi)))
    half = pad * max(ext)
    return (-half, half), (-half, half)


def draw_lep_region(ax, m_x, gamma_x, pair="ee", *, xlim=None, ylim=None, n=301, color=LEP_BLUE,
                    title=True, exact=False):
    """Blue LEP + Eq. (17) region in the (rho^L, rho^R) plane of ``pair`` (Chiang Figs. 5, 8).

    m_x, gamma_x in GeV. Returns the exact extremes if ``exact`` (slower, ~0.3 s), else None.
    """
    con = lep.constraint(m_x, gamma_x)
    if xlim is None or ylim is None:
        wx, wy = _window(con, pair)
        xlim, ylim = xlim or wx, ylim or wy
    region = con.region(pair)
    draw_region(ax, region, xlim, ylim, color=color, n=n)
    rho_axes(ax, pair, xlim, ylim)
    if title:
        ax.set_title(rf"$m_X$ = {m_x / GeV:g} GeV, $\Gamma_X$ = {gamma_x / keV:.3g} keV", fontsize="medium")
    return region.extremes() if exact else None


def fig5(axes, pair="ee", n=301):
    """Chiang Fig. 5 on a 2x3 array of Axes: top row Gamma_X = 0.05, 25, 300 keV at
    m_X = 0.01, 5, 100 GeV; bottom row twice those widths. Returns the extremes per panel."""
    axes = np.asarray(axes).reshape(2, 3)
    out = {}
    for row, factor in enumerate((1.0, 2.0)):
        for col, (m, g) in enumerate(FIG5_TOP):
            out[(m, factor * g)] = draw_lep_region(axes[row, col], m, factor * g, pair, n=n, exact=True)
    return out


def fig8(axes, n=301):
    """Chiang Fig. 8: rho_mue^{L,R} = rho_emu^{L,R} allowed by LEP + Eq. (17) at the Fig. 5
    top-row (m_X, Gamma_X), both charge-conjugate final states included."""
    axes = np.atleast_1d(axes).ravel()
    return {m: draw_lep_region(ax, m, g, "emu", n=n, exact=True) for ax, (m, g) in zip(axes, FIG5_TOP)}


def dotted_curve_limits(masses, names=("Lee", "Ree", "Vee", "Aee")) -> dict:
    """The dotted (LEP) curves of Chiang Fig. 3: |C|^(1/2) upper limits at masses [GeV], with
    Gamma_X/m_X as in the top row of Fig. 5 (:func:`xboson.experiments.lep.fig3_width`)."""
    return lep.limit_curves(masses, names)


def draw_fig3_dotted(ax, masses, name="Lee", *, color="k", label="LEP (dotted)", limits=None):
    """Overlay one dotted LEP curve of Chiang Fig. 3 on ``ax`` (masses in GeV on the x axis).
    ``limits``: precomputed output of :func:`dotted_curve_limits` to avoid recomputation."""
    lim = limits if limits is not None else dotted_curve_limits(masses, (name,))
    ax.plot(masses, lim[name], ls=":", color=color, lw=1.6, label=label)
    return lim[name]


def draw_table2(ax, ours_pb, *, band=0.10):
    """Table II comparison: ratio of our SM sigma to the paper's per row, with a +-10% band.
    ``ours_pb``: our values in pb in Table II order (e.g. ``sigma_sm() / pb``)."""
    from ..lep import table2

    rows = table2.rows()
    paper = np.array([r.sigma_sm / pb for r in rows])
    ratio = np.asarray(ours_pb) / paper
    colours = {"ALEPH": "C0", "DELPHI": "C1", "L3": "C2", "OPAL": "C3"}
    idx = np.arange(len(rows))
    for exp, c in colours.items():
        sel = [r.index for r in rows if r.experiment == exp]
        ax.plot(idx[sel], ratio[sel], "o", color=c, label=exp)
    ax.axhspan(1 - band, 1 + band, color="0.9", zorder=0)
    ax.axhline(1, color="0.5", lw=0.8)
    ax.set_xticks(idx)
    ax.set_xticklabels([f"{r.sqrt_s:g}" for r in rows], rotation=90, fontsize="x-small")
    ax.set_xlabel(r"Table II row ($\sqrt{s}$ in GeV)")
    ax.set_ylabel(r"$\sigma_{SM}$ ours / paper")
    ax.legend(fontsize="small", ncol=4)
    return ratio
