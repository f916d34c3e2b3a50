"""Drawing: figure data (:mod:`xboson.figures`) to matplotlib/SVG, tables to HTML. No
physics here and no global plotting state.

* :func:`show` -- notebook display of a figure (SVG panels with alt text) or a paper table;
* :func:`draw` -- the matplotlib figures (one per panel) of a figure's data;
* :func:`html_table`, :func:`extremes_table` -- HTML tables with units in the headers;
* :func:`draw_region`, :func:`rho_axes` -- shade an AllowedRegion on a given Axes (explorers).
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from ..figures.model import Figure, Table
from ..region import AllowedRegion
from . import chiang as _chiang  # noqa: F401  (registers the drawers)
from . import lindner as _lindner  # noqa: F401
from .render import FigureHTML, TableHTML, draw, draw_panel, svg
from .tables import extremes_table, html_table, region_table, table_html

__all__ = ["show", "draw", "draw_panel", "svg", "html_table", "extremes_table", "region_table",
           "table_html", "draw_region", "rho_axes", "region_grid"]


def show(data: Figure | Table) -> FigureHTML | TableHTML:
    """Display object for a notebook cell: a figure's panels as SVG, or a paper table as HTML."""
    if isinstance(data, Table):
        return TableHTML(data, draw(data))
    return FigureHTML(data, draw(data))


def region_grid(region: AllowedRegion, xlim: tuple[float, float], ylim: tuple[float, float],
                n: int = 401) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Membership mask of ``region`` on an n x n grid: returns (x, y, mask)."""
    x = np.linspace(*xlim, n)
    y = np.linspace(*ylim, n)
    xx, yy = np.meshgrid(x, y)
    return x, y, region.contains(xx, yy)


def draw_region(ax: Axes, region: AllowedRegion, xlim: tuple[float, float], ylim: tuple[float, float], *,
                color: str, label: str | None = None, n: int = 401, alpha: float = 1.0,
                edge: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shade an allowed region on ``ax`` (and outline it). Returns the mask grid."""
    x, y, mask = region_grid(region, xlim, ylim, n)
    m = mask.astype(float)
    ax.contourf(x, y, m, levels=[0.5, 1.5], colors=[color], alpha=alpha)
    if edge and mask.any():
        ax.contour(x, y, m, levels=[0.5], colors=["k"], linewidths=0.4)
    if label:
        ax.fill([], [], color=color, alpha=alpha, label=label)
    return x, y, mask


def rho_axes(ax: Axes, pair: str = "ee", xlim: tuple[float, float] | None = None,
             ylim: tuple[float, float] | None = None) -> None:
    """Label a (rho^L, rho^R) plane, Chiang Eq. (13)."""
    sub = {"ee": "ee", "mumu": r"\mu\mu", "tautau": r"\tau\tau", "emu": r"\mu e",
           "etau": r"e\tau", "mutau": r"\mu\tau"}[pair]
    ax.set_xlabel(rf"$\rho^L_{{{sub}}}$")
    ax.set_ylabel(rf"$\rho^R_{{{sub}}}$")
    if xlim:
        ax.set_xlim(*xlim)
    if ylim:
        ax.set_ylim(*ylim)
    ax.axhline(0, color="0.6", lw=0.5)
    ax.axvline(0, color="0.6", lw=0.5)
    ax.set_aspect("equal", adjustable="box")
