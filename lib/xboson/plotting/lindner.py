"""Lindner et al. figures (Figs. 1-4) and the Delta chi^2 panel of the explorer: drawers
registered in :data:`xboson.plotting.render.DRAWERS`. No physics: the data come from
:mod:`xboson.figures.lindner`."""

from __future__ import annotations

from matplotlib.figure import Figure as MplFigure

from ..figures.lindner import EXPERIMENT_COLOURS, EXPERIMENT_LABELS
from ..figures.model import Figure
from .render import DRAWERS, draw_curve, draw_panel, legend_below, new_figure, setup_axes

__all__ = ["EXPERIMENT_COLOURS", "EXPERIMENT_LABELS", "draw_fig1", "draw_limits", "draw_delta_chi2"]


def _combined_under(ax, panel):
    """Curves with 'combined' drawn first, thick and light, the experiments dashed on top, so a
    curve equal to the combined one (where that experiment dominates) stays visible."""
    for c in sorted(panel.curves, key=lambda c: c.name != "combined"):
        if c.name == "combined":
            ax.plot(c.x, c.y, "-", color="0.6", lw=4.0, label=c.label, zorder=2)
        else:
            draw_curve(ax, c, lw=1.5, zorder=3)
    for p in panel.points:
        ax.plot(p.x, p.y, "o", ms=2.5, color=p.colour, ls="none", zorder=4)


def draw_limits(data: Figure) -> list[MplFigure]:
    """Limit panels (Figs. 3-4, panel (b) of Figs. 1-2): experiments dashed over the combined
    limit (thick grey), dots mark the dominant experiment; legend under each panel. Panels
    without a combined curve (Fig. 2(a)) are drawn as they are."""
    out = []
    for panel in data.panels:
        fig, ax = new_figure((4.8, 4.6))
        if any(c.name == "combined" for c in panel.curves):
            setup_axes(ax, panel)
            _combined_under(ax, panel)
        else:
            draw_panel(ax, panel)
        legend_below(ax, 2)
        out.append(fig)
    return out


def draw_fig1(data: Figure) -> list[MplFigure]:
    """Fig. 1: one curve per model with its l_L and e_R charges listed in the legend (as the
    caption lists them beside the plot); panel (b): B-L by experiment."""
    figs = []
    a = data.panels[0]
    fig, ax = new_figure((4.8, 5.0))
    draw_panel(ax, a)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=1, frameon=False,
              title=r"model: U(1)$_X$ charges of $\ell_L$, $e_R$ (Table 1)")
    figs.append(fig)
    figs += draw_limits(type(data)(data.id, data.title, data.caption, data.alt, data.panels[1:], data.parameters,
                                   data.sources, data.notes))
    return figs


def draw_delta_chi2(data: Figure) -> list[MplFigure]:
    """Delta chi^2(g_X) per experiment: combined drawn first (thick, light), the experiments
    dashed on top so that a curve equal to the combined one (e.g. TEXONO) stays visible."""
    panel = data.panels[0]
    fig, ax = new_figure((5.6, 4.2))
    setup_axes(ax, panel)
    _combined_under(ax, panel)
    legend_below(ax, 2)
    return [fig]


DRAWERS.update({"lindner-fig1": draw_fig1, "lindner-fig2": draw_limits, "lindner-fig3": draw_limits,
                "lindner-fig4": draw_limits, "lindner-dchi2": draw_delta_chi2})
