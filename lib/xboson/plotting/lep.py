"""The LEP region at any (m_X, Gamma_X) on a given Axes (the Sec. VI explorer); the paper's
Figs. 5 and 8 are drawn by :mod:`.chiang` from :mod:`xboson.figures.chiang`."""

from __future__ import annotations

from ..figures.chiang import lep_panel
from .render import draw_panel


def draw_lep_region(ax, m_x: float, gamma_x: float, pair: str = "ee", *, n: int = 301):
    """Blue LEP + Eq. (17) region in the (rho^L, rho^R) plane of ``pair`` at m_x, gamma_x [GeV]
    (boundary traced on an n x n grid). Returns the panel data."""
    panel = lep_panel("", m_x, gamma_x, pair, n)
    draw_panel(ax, panel)
    ax.set_aspect("equal", adjustable="box")
    return panel
