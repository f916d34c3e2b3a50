"""Explorer helpers for the low-energy figures on a given Axes: one Fig. 3 panel with a
marked mass, one Fig. 7 panel at chosen masses. The paper figures themselves are drawn by
:mod:`.chiang` from :mod:`xboson.figures.chiang`."""

from __future__ import annotations

import numpy as np

from ..figures.chiang import FIG3_PANELS, HEAVY_COLOUR, MASS_COLOURS, fig7_constraint
from ..units import GeV, MeV
from . import draw_region, rho_axes
from .render import draw_panel


def fig3(ax, coupling: str, masses_gev, data, mark_m_x_gev: float | None = None):
    """The Fig. 3 panel of ``coupling`` (Lee, Ree, Vee, Aee) from ``data`` =
    ``figures.get("chiang-fig3")``; ``mark_m_x_gev`` marks a mass [GeV] on the solid curve
    (log-log interpolation of the drawn curve). ``masses_gev`` is unused (kept for callers)."""
    key = {v: k for k, v in FIG3_PANELS.items()}[coupling]
    panel = data.panel(key)
    draw_panel(ax, panel)
    if mark_m_x_gev is not None:
        c = panel.curves[0]
        y = float(np.exp(np.interp(np.log(mark_m_x_gev), np.log(c.x), np.log(c.y))))
        ax.axvline(mark_m_x_gev, color="tab:blue", lw=0.8)
        ax.plot([mark_m_x_gev], [y], "o", color="tab:blue", label=f"$m_X$ = {mark_m_x_gev:g} GeV")
    ax.legend(loc="upper left", fontsize="small")


def fig7(ax, panel="c", masses_mev=(1.0,), heavy_gev=1.0, highlight_mev=None, pair="emu", n=201,
         xlim=(-1.5, 1.5), ylim=(-0.8, 0.8)):
    """One Fig. 7 panel at chosen masses [MeV] (and the heavy mass [GeV]), with an extra mass
    ``highlight_mev`` [MeV] in dark grey, shaded on an n x n grid."""
    items = [(m * MeV, MASS_COLOURS.get(float(m), "0.5"), f"$m_X$ = {m:g} MeV") for m in masses_mev]
    if heavy_gev is not None:
        items.append((heavy_gev * GeV, HEAVY_COLOUR, rf"$m_X \gtrsim$ {heavy_gev:g} GeV"))
    if highlight_mev is not None:
        items.append((highlight_mev * MeV, "0.25", f"$m_X$ = {highlight_mev:.3g} MeV"))
    for m, colour, label in items:
        draw_region(ax, fig7_constraint(panel, m).region(pair), xlim, ylim, color=colour, label=label, n=n)
    rho_axes(ax, pair, xlim, ylim)
    ax.legend(loc="lower left", fontsize="small", framealpha=0.9)
