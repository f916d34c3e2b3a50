"""Figure helpers for Chiang Fig. 6 (Sec. VII): draw precomputed curves on a given Axes.

Input: the dict of :func:`xboson.experiments.separate_couplings.fig6_curves` (masses in GeV,
couplings dimensionless). Dotted = Z pole, solid = g-2, light orange = fixed target (A1, APEX,
flat published levels), light green = beam dumps (BEST estimate). FT and BD are approximate.
"""

from __future__ import annotations

import numpy as np

FT_COLOUR = "#ffc987"   # light orange
BD_COLOUR = "#b6e3a8"   # light green
COLOURS = {"gLe": "tab:blue", "gRe": "tab:red", "gnu": "tab:green", "gVe": "tab:purple", "gAe": "tab:orange"}
LABELS = {"gLe": r"$|g_{Le}|$", "gRe": r"$|g_{Re}|$", "gnu": r"$|g_{\nu_i\nu_i}|$",
          "gVe": r"$|g_{Ve}|$", "gAe": r"$|g_{Ae}|$"}


def _axes(ax, ylim):
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(1e-3, 100.0)
    ax.set_ylim(*ylim)
    ax.set_xlabel(r"$m_X$ [GeV]")
    ax.grid(True, which="major", lw=0.3, alpha=0.5)


def draw_patches(ax, curves, *, ytop=10.0, label=True):
    """Light-orange FT patches (A1, APEX: excluded above their level) and light-green BD bands."""
    m = curves["m"]
    first = True
    for name, (lo, hi) in curves["beam-dump"].items():
        ok = np.isfinite(lo)
        if ok.any():
            ax.fill_between(m, lo, hi, where=ok, color=BD_COLOUR, alpha=0.8, lw=0,
                            label="BD (approx.)" if label and first else None)
            first = False
            i = np.nanargmin(lo)
            ax.annotate(name, (m[i], np.sqrt(lo[i] * hi[i])), fontsize=6, color="darkgreen", ha="center")
    first = True
    for name, lev in curves["fixed-target"].items():
        ok = np.isfinite(lev)
        if ok.any():
            ax.fill_between(m, lev, ytop, where=ok, color=FT_COLOUR, alpha=0.8, lw=0,
                            label="FT (approx.)" if label and first else None)
            first = False


def draw_fig6a(ax, curves, ylim=(1e-9, 3.0)):
    """Chiang Fig. 6(a): |g_Le|, |g_Re|, |g_nu_i nu_i| (Z pole, dotted), g-2 on g_Le = g_Re
    (solid; the two coincide), FT/BD patches for g_Le = g_Re (g_Ae = 0, B(X->ee) = 1)."""
    m = curves["m"]
    draw_patches(ax, curves, ytop=ylim[1])
    for c in ("gLe", "gRe", "gnu"):
        ax.plot(m, curves["zpole"][c], ":", color=COLOURS[c], lw=1.8, label=f"{LABELS[c]} Z pole")
    ax.plot(m, curves["g-2"]["gLe"], "-", color="k", lw=1.2, label=r"$|g_{Le}|=|g_{Re}|$ $g_e-2$")
    _axes(ax, ylim)
    ax.set_ylabel("upper limit on |coupling|")
    ax.set_title("Chiang Fig. 6(a)")


def draw_fig6b(ax, curves, ylim=(1e-9, 3.0)):
    """Chiang Fig. 6(b): |g_Ve|, |g_Ae| (Z pole dotted: the two coincide; g-2 solid) and the
    FT/BD patches for g_Ve."""
    m = curves["m"]
    draw_patches(ax, curves, ytop=ylim[1])
    ax.plot(m, curves["zpole"]["gVe"], ":", color="k", lw=1.8, label=r"$|g_{Ve}|=|g_{Ae}|$ Z pole")
    for c in ("gVe", "gAe"):
        ax.plot(m, curves["g-2"][c], "-", color=COLOURS[c], lw=1.2, label=f"{LABELS[c]} $g_e-2$")
    _axes(ax, ylim)
    ax.set_ylabel("upper limit on |coupling|")
    ax.set_title("Chiang Fig. 6(b)")


def mark_mass(ax, m_x, values: dict):
    """Mark m_x [GeV] on ``ax``: a vertical line and a dot at each finite value in ``values``
    ({label: coupling}). Returns the artists (so a slider can remove them)."""
    arts = [ax.axvline(m_x, color="0.3", lw=0.8, ls="--")]
    for v in values.values():
        if v is not None and np.isfinite(v):
            arts.append(ax.plot([m_x], [v], "o", ms=4, color="k")[0])
    return arts
