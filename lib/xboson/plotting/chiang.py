"""Chiang et al. figures in the paper's style (captions of Figs. 1-8): drawers registered in
:data:`xboson.plotting.render.DRAWERS`. No physics: everything comes from
:mod:`xboson.figures.chiang`."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure as MplFigure
from matplotlib.ticker import MaxNLocator

from ..figures.model import Figure, Table
from .render import DRAWERS, default_drawer, draw_panel, legend_below, new_figure

__all__ = ["draw_fig1", "draw_fig2", "draw_fig4", "draw_lep", "draw_fig7", "draw_fig3", "draw_fig6",
           "draw_table2_ratio"]


def _regions(data, *, legend_panel=0, ncol=3, equal=False, lean_ticks=False):
    out = []
    for k, panel in enumerate(data.panels):
        fig, ax = new_figure()
        draw_panel(ax, panel)
        if equal:
            ax.set_aspect("equal", adjustable="box")
        if lean_ticks:   # few, short tick labels (no -60000-40000 overlaps)
            for axis in (ax.xaxis, ax.yaxis):
                axis.set_major_locator(MaxNLocator(5, symmetric=True))
            ax.ticklabel_format(style="sci", scilimits=(-2, 3), useMathText=True)
        if k == legend_panel:
            legend_below(ax, ncol)
        out.append(fig)
    return out


def draw_fig1(data: Figure) -> list[MplFigure]:
    """Fig. 1: the rings of LAMPF + LSND, one legend."""
    return _regions(data, equal=True)


def draw_fig2(data: Figure) -> list[MplFigure]:
    """Fig. 2 (a), (b): one legend (the mass colours), under panel (a)."""
    return _regions(data)


def draw_fig4(data: Figure) -> list[MplFigure]:
    """Fig. 4: the CHARM-II patches."""
    return _regions(data, legend_panel=-1)


def draw_lep(data: Figure) -> list[MplFigure]:
    """Figs. 5 and 8: one panel per (m_X, Gamma_X), compact tick labels, no legend (the title says it)."""
    return _regions(data, legend_panel=-1, equal=True, lean_ticks=True)


def draw_fig7(data: Figure) -> list[MplFigure]:
    """Fig. 7 (a)-(c): the mass colours once, under panel (a)."""
    return _regions(data, ncol=3)


def draw_fig3(data: Figure) -> list[MplFigure]:
    """Fig. 3 (a)-(d): solid/dashed low-energy, dotted LEP; the line-style legend under (a) only."""
    return default_drawer(data, ncol=1)


def _label_bands(ax, panel):
    """Name each excluded patch once, in dark text on a white box just right of its tip
    (beam dumps) or above its level (fixed target)."""
    placed = []
    for b in panel.bands:
        lo = np.asarray(b.lower, float)
        hi = lo * 30.0 if b.upper is None else np.asarray(b.upper, float)
        ok = np.flatnonzero(np.isfinite(lo) & np.isfinite(hi))
        if not ok.size:
            continue
        i = ok[-1] if b.upper is not None else ok[len(ok) // 2]
        x, y = b.x[i] * (1.1 if b.upper is not None else 1.0), float(np.sqrt(lo[i] * hi[i]))
        for px, py in placed:   # move down when a previous label is close (log distance)
            if abs(np.log10(px / x)) < 0.6 and abs(np.log10(py / y)) < 0.4:
                y = py / 3.5
        placed.append((x, y))
        ax.annotate(b.label, (x, y), fontsize=8, color="#0b3d0b", ha="left" if b.upper is not None else "center",
                    va="center", bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85), zorder=5)


def draw_fig6(data: Figure) -> list[MplFigure]:
    """Fig. 6 (a), (b): dotted Z pole, solid g-2, light-orange FT and light-green BD patches
    (named on the plot); legend under each panel (the curves differ between panels)."""
    out = []
    for panel in data.panels:
        fig, ax = new_figure((4.8, 4.6))
        draw_panel(ax, panel)
        ax.fill_between([], [], color=panel.bands[0].colour if panel.bands else "0.8", label="beam dump (approx.)")
        ft = [b for b in panel.bands if b.upper is None]
        if ft:
            ax.fill_between([], [], color=ft[0].colour, label="fixed target (approx.)")
        _label_bands(ax, panel)
        ax.set_ylabel("upper limit on |coupling|")
        legend_below(ax, 2)
        out.append(fig)
    return out


def draw_table2_ratio(table: Table, *, band: float = 0.10) -> list[MplFigure]:
    """Table II: ratio of our SM cross section to the paper's per row, +-10% band shaded."""
    cols = [c.name for c in table.columns]
    i_exp, i_s, i_ratio = cols.index("experiment"), cols.index("sqrt(s)"), cols.index("ours / paper")
    fig, ax = new_figure((5.8, 3.6))
    idx = np.arange(len(table.rows))
    colours = {"ALEPH": "C0", "DELPHI": "C1", "L3": "C2", "OPAL": "C3"}
    for exp, c in colours.items():
        sel = [k for k, r in enumerate(table.rows) if r[i_exp] == exp]
        ax.plot(idx[sel], [table.rows[k][i_ratio] for k in sel], "o", color=c, label=exp)
    ax.axhspan(1 - band, 1 + band, color="0.9", zorder=0)
    ax.axhline(1, color="0.5", lw=0.8)
    ax.set_xticks(idx)
    ax.set_xticklabels([f"{r[i_s]:g}" for r in table.rows], rotation=90, fontsize=7)
    ax.set_xlabel(r"Table II row ($\sqrt{s}$ in GeV)")
    ax.set_ylabel(r"$\sigma_{SM}$ ours / paper")
    ax.legend(ncol=4, loc="upper left")
    return [fig]


DRAWERS.update({"chiang-fig1": draw_fig1, "chiang-fig2": draw_fig2, "chiang-fig3": draw_fig3,
                "chiang-fig4": draw_fig4, "chiang-fig5": draw_lep, "chiang-fig6": draw_fig6,
                "chiang-fig7": draw_fig7, "chiang-fig8": draw_lep, "chiang-table2": draw_table2_ratio})
