"""Figure helpers for Chiang Figs. 2, 3 (solid/dashed), 4 and 7: each draws on a given Axes.

No physics here: regions come from :mod:`xboson.experiments` (reactors, charm2,
low_energy, lampf_lsnd), limits from :func:`xboson.experiments.low_energy.signed_limit_curves`.
"""

from __future__ import annotations

import numpy as np

from ..experiments import charm2, lampf_lsnd, low_energy, reactors
from ..units import GeV, MeV
from . import HEAVY_COLOUR, MASS_COLOURS_MEV, draw_region, rho_axes

FIG_MASSES_MEV = (1.0, 2.0, 5.0, 10.0, 50.0)   #: Chiang Figs. 1, 2, 7
HEAVY_GEV = 1.0                                  #: the green 'm_X >~ 1 GeV' areas of Fig. 7


def _padded_limits(extremes: list[dict], pad=0.08):
    xs = [e["x_min"] for e in extremes] + [e["x_max"] for e in extremes]
    ys = [e["y_min"] for e in extremes] + [e["y_max"] for e in extremes]
    dx = pad * (max(xs) - min(xs)) or 0.1
    dy = pad * (max(ys) - min(ys)) or 0.1
    return (min(xs) - dx, max(xs) + dx), (min(ys) - dy, max(ys) + dy)


def draw_regions(ax, regions: dict, pair="ee", xlim=None, ylim=None, n=401, title=None):
    """Overlay regions {label_mass: (AllowedRegion, colour, label)} in the given order (first
    drawn at the bottom) on (rho^L, rho^R) axes; limits from the exact extremes if not given.
    Returns {label_mass: extremes}."""
    ext = {k: r.extremes() for k, (r, _, _) in regions.items()}
    live = [e for e in ext.values() if e is not None]
    if xlim is None or ylim is None:
        auto_x, auto_y = _padded_limits(live) if live else ((-1, 1), (-1, 1))
        xlim, ylim = xlim or auto_x, ylim or auto_y
    for k, (r, colour, label) in regions.items():
        if ext[k] is not None:
            draw_region(ax, r, xlim, ylim, color=colour, label=label, n=n)
    rho_axes(ax, pair, xlim, ylim)
    ax.set_aspect("auto")
    ax.legend(loc="lower left", fontsize="small", framealpha=0.9)
    if title:
        ax.set_title(title, fontsize="medium")
    return ext


def _mass_label(m_mev):
    return f"$m_X$ = {m_mev:g} MeV"


def fig2(ax, panel="b", masses_mev=FIG_MASSES_MEV, highlight_mev=None, **kw):
    """Chiang Fig. 2: (a) reactor data only, (b) overlap with LAMPF/LSND (Fig. 1), rho_ee plane.

    masses_mev: X masses [MeV] to overlay (lightest first, Chiang's colours);
    highlight_mev: an extra mass [MeV] (e.g. the slider's) drawn as a black outline region.
    """
    if panel not in ("a", "b"):
        raise ValueError(f"panel must be 'a' or 'b' (got {panel!r})")
    regions = {}
    for m in list(masses_mev) + ([highlight_mev] if highlight_mev is not None else []):
        con = reactors.constraint(m * MeV)
        if panel == "b":
            con = con & lampf_lsnd.constraint(m * MeV)
        colour = MASS_COLOURS_MEV.get(float(m), "0.25")
        label = _mass_label(m) + (" (slider)" if m == highlight_mev else "")
        regions[("hl", m) if m == highlight_mev else m] = (con.region("ee"), colour, label)
    title = ("(a) reactor $\\bar\\nu_e e$ data" if panel == "a"
             else "(b) reactors $\\cap$ LAMPF/LSND")
    return draw_regions(ax, regions, "ee", title=title, **kw)


def fig4(ax, m_x_gev=1.0, **kw):
    """Chiang Fig. 4: CHARM-II allowed (rho^L_mumu, rho^R_mumu) for m_X >~ 1 GeV (contact limit).
    m_x_gev: X mass [GeV] (>= 1; the region in rho is m_X-independent)."""
    r = charm2.constraint(m_x_gev * GeV).region("mumu")
    kw.setdefault("xlim", (-0.1, 0.65))
    kw.setdefault("ylim", (-0.55, 0.1))
    return draw_regions(ax, {m_x_gev: (r, HEAVY_COLOUR, f"CHARM-II, $m_X$ = {m_x_gev:g} GeV")},
                        "mumu", title="CHARM-II $\\nu_\\mu e$, $\\bar\\nu_\\mu e$", **kw)


def _fig7_constraint(panel: str, m_x: float):
    parts = []
    if panel in ("a", "c"):
        parts.append(lampf_lsnd.constraint(m_x))
    if panel in ("b", "c"):
        parts.append(reactors.constraint(m_x))
    if m_x >= charm2.M_X_MIN:
        parts.append(charm2.constraint(m_x))
    out = parts[0]
    for p in parts[1:]:
        out = out & p
    return out


def fig7(ax, panel="c", masses_mev=FIG_MASSES_MEV, heavy_gev=HEAVY_GEV, highlight_mev=None,
         pair="emu", **kw):
    """Chiang Fig. 7: (rho^L_mue, rho^R_mue) allowed by (a) nu_{e,mu} e data (LAMPF/LSND, and
    CHARM-II for m_X >= 1 GeV), (b) anti-nu_{e,mu} e data (reactors, and CHARM-II for m_X >= 1
    GeV), (c) all of them; the green area is m_X = heavy_gev (>= 1 GeV). pair='etau' drops
    CHARM-II automatically (it does not involve e-tau)."""
    if panel not in ("a", "b", "c"):
        raise ValueError(f"panel must be 'a', 'b' or 'c' (got {panel!r})")
    regions = {}
    for m in masses_mev:
        regions[m] = (_fig7_constraint(panel, m * MeV).region(pair),
                      MASS_COLOURS_MEV.get(float(m), "0.5"), _mass_label(m))
    if heavy_gev is not None:
        regions["heavy"] = (_fig7_constraint(panel, heavy_gev * GeV).region(pair), HEAVY_COLOUR,
                            f"$m_X \\gtrsim$ {heavy_gev:g} GeV")
    if highlight_mev is not None:
        regions["hl"] = (_fig7_constraint(panel, highlight_mev * MeV).region(pair), "0.25",
                         _mass_label(highlight_mev) + " (slider)")
    title = {"a": "(a) $\\nu_{e,\\mu} e$ data", "b": "(b) $\\bar\\nu_{e,\\mu} e$ data",
             "c": "(c) all $\\nu e$, $\\bar\\nu e$ data"}[panel]
    return draw_regions(ax, regions, pair, title=title, **kw)


FIG3_PANELS = {"a": "Lee", "b": "Ree", "c": "Vee", "d": "Aee"}
_FIG3_LABEL = {"Lee": "|L_{ee}|", "Ree": "|R_{ee}|", "Vee": "|V_{ee}|", "Aee": "|A_{ee}|"}


def fig3(ax, coupling, masses_gev, curves, mark_m_x_gev=None):
    """Chiang Fig. 3 (low-energy curves): upper limit on |C|^(1/2) vs m_X [GeV], solid from
    the largest allowed +C, dashed from the largest allowed -C (``curves`` from
    :func:`xboson.experiments.low_energy.signed_limit_curves`). mark_m_x_gev marks the slider."""
    pos, neg = curves[coupling]
    ax.loglog(masses_gev, pos, "k-", label="from $+C$ (max)")
    ax.loglog(masses_gev, neg, "k--", label="from $-C$ (min)")
    if mark_m_x_gev is not None:
        lim = low_energy.limit(coupling, mark_m_x_gev)["upper"]
        ax.axvline(mark_m_x_gev, color="tab:blue", lw=0.8)
        ax.plot([mark_m_x_gev], [lim], "o", color="tab:blue",
                label=f"$m_X$ = {mark_m_x_gev:g} GeV: {lim:.2g}")
    ax.set_xlabel("$m_X$ [GeV]")
    ax.set_ylabel(f"${_FIG3_LABEL.get(coupling, coupling)}^{{1/2}}$ upper limit")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(loc="upper left", fontsize="small")


def fig3_grid(axes, masses_gev, curves, mark_m_x_gev=None):
    """All four Fig. 3 panels (a-d) on a 2x2 array of Axes."""
    for ax, (panel, name) in zip(np.ravel(axes), FIG3_PANELS.items()):
        fig3(ax, name, masses_gev, curves, mark_m_x_gev)
        ax.set_title(f"({panel})", fontsize="medium")
