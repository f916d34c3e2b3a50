"""Draw figure data (:mod:`xboson.figures.model`) with matplotlib: one matplotlib figure per
panel, so that every panel stays legible in a narrow page; SVG for the page.

No physics here: every number comes from the figure data. Figure-specific touches (legend
placement, tick format, labels) live in :mod:`.chiang` and :mod:`.lindner` and are looked up
by figure id in :data:`DRAWERS`.
"""

from __future__ import annotations

import base64
import html
import io

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure as MplFigure
from matplotlib.patches import PathPatch
from matplotlib.path import Path

from ..figures.model import Curve, ExcludedBand, Figure, Panel, Region, Table

__all__ = ["LINESTYLES", "PANEL_SIZE", "fill_region", "draw_band", "draw_curve", "setup_axes", "draw_panel",
           "legend_below", "new_figure", "default_drawer", "DRAWERS", "draw", "svg", "FigureHTML",
           "TableHTML", "show"]

LINESTYLES = {"solid": "-", "dashed": "--", "dotted": ":", "dashdot": "-."}
#: Drawn size of one panel [inches]: ~460 px wide in SVG, shown at >= 75% on a 1280 px page
#: (two per row) and on a 400 px phone (one per row).
PANEL_SIZE = (4.8, 4.0)
_RC = {"svg.fonttype": "path", "svg.hashsalt": "xboson", "font.size": 10.0, "axes.titlesize": 10.5,
       "legend.fontsize": 8.5}


def _compound_path(rings) -> Path:
    verts = np.concatenate(rings)
    codes = np.concatenate([[Path.MOVETO] + [Path.LINETO] * (len(r) - 2) + [Path.CLOSEPOLY] for r in rings])
    return Path(verts, codes)


def fill_region(ax: Axes, region: Region, *, alpha: float = 1.0, edge: str = "black") -> None:
    """Fill one :class:`~xboson.figures.model.Region` (outer rings minus holes)."""
    if region.rings:
        ax.add_patch(PathPatch(_compound_path(region.rings), facecolor=region.colour, edgecolor=edge, lw=0.4,
                               alpha=alpha))
    ax.fill([], [], color=region.colour, alpha=alpha, label=region.label)


def draw_band(ax: Axes, band: ExcludedBand, *, ytop: float, label: str | None = None) -> None:
    """Fill one :class:`~xboson.figures.model.ExcludedBand` (NaN = nothing excluded)."""
    lower = np.asarray(band.lower, float)
    upper = np.full_like(lower, ytop) if band.upper is None else np.asarray(band.upper, float)
    ok = np.isfinite(lower) & np.isfinite(upper)
    if ok.any():
        ax.fill_between(band.x, np.where(ok, lower, np.nan), np.where(ok, upper, np.nan), where=ok,
                        color=band.colour, alpha=0.85, lw=0, label=label)


def draw_curve(ax: Axes, curve: Curve, *, lw: float = 1.5, zorder: float = 3) -> None:
    """Plot one :class:`~xboson.figures.model.Curve` in its caption line style."""
    ax.plot(curve.x, curve.y, LINESTYLES.get(curve.style, "-"), color=curve.colour, lw=lw, label=curve.label,
            zorder=zorder)


def setup_axes(ax: Axes, panel: Panel, *, title: bool = True) -> None:
    """Scales, limits, labels and a light grid from the panel's axes."""
    for axis, setter in ((panel.x, "x"), (panel.y, "y")):
        if axis.scale == "symlog":
            getattr(ax, f"set_{setter}scale")("symlog", linthresh=1.0)
        else:
            getattr(ax, f"set_{setter}scale")(axis.scale)
        if axis.limits:
            getattr(ax, f"set_{setter}lim")(*axis.limits)
        unit = f" [{axis.unit}]" if axis.unit and "[" not in axis.label else ""
        getattr(ax, f"set_{setter}label")(axis.label + unit)
    if title and panel.title:
        ax.set_title(panel.title)
    ax.grid(True, which="major", lw=0.3, color="0.85")


def draw_panel(ax: Axes, panel: Panel, *, title: bool = True) -> None:
    """Draw every element of ``panel`` on ``ax``: regions, excluded bands, curves, points."""
    setup_axes(ax, panel, title=title)
    for r in panel.regions:
        fill_region(ax, r)
    if panel.regions and panel.x.scale == "linear":
        ax.axhline(0, color="0.6", lw=0.5, zorder=0.5)
        ax.axvline(0, color="0.6", lw=0.5, zorder=0.5)
    top = ax.get_ylim()[1]
    for b in panel.bands:
        draw_band(ax, b, ytop=top)
    for c in panel.curves:
        draw_curve(ax, c)
    for p in panel.points:
        ax.plot(p.x, p.y, "o", ms=3, color=p.colour, ls="none", zorder=4)


def legend_below(ax: Axes, ncol: int = 2) -> None:
    """A legend under the axes (never over the data)."""
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=ncol, frameon=False)


def new_figure(size: tuple[float, float] = PANEL_SIZE) -> tuple[MplFigure, Axes]:
    """A pyplot-free matplotlib figure with one Axes (nothing is shown implicitly)."""
    fig = MplFigure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def default_drawer(data: Figure, ncol: int = 2) -> list[MplFigure]:
    """One figure per panel, legend (``ncol`` columns) under the first panel."""
    out = []
    for k, panel in enumerate(data.panels):
        fig, ax = new_figure()
        draw_panel(ax, panel)
        if k == 0:
            legend_below(ax, ncol)
        out.append(fig)
    return out


#: figure id -> function(data) -> list of matplotlib figures (one per panel); filled by
#: :mod:`.chiang` and :mod:`.lindner`.
DRAWERS: dict = {}


def draw(data: Figure | Table) -> list[MplFigure]:
    """The matplotlib figures (one per panel) of a figure's data, in the figure's own style; for a
    table, its comparison plot if it has one (none: an empty list)."""
    if isinstance(data, Table) and data.id not in DRAWERS:
        return []
    with mpl.rc_context(_RC):
        return DRAWERS.get(data.id, default_drawer)(data)


def svg(fig: MplFigure) -> str:
    """SVG text of ``fig`` (deterministic: no date, fixed ids)."""
    buf = io.StringIO()
    with mpl.rc_context(_RC):
        fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return buf.getvalue()


_CSS = """<style>
.xb-figure{display:flex;flex-wrap:wrap;gap:0.6rem;margin:0.5rem 0}
.xb-panel{flex:0 0 calc(50% - 0.3rem);max-width:480px;margin:0}
.xb-panel.xb-single{flex-basis:100%}
.xb-panel.xb-wide{flex-basis:100%;max-width:880px}
@media (max-width:720px){.xb-panel{flex-basis:100%}}
.xb-panel img{width:100%;height:auto;cursor:zoom-in;background:#fff}
.xb-zoom{position:absolute;opacity:0;width:1px;height:1px}
.xb-zoom:focus-visible + img{outline:2px solid #1f6feb}
.xb-zoom:checked + img{position:fixed;inset:0;width:100vw;height:100vh;object-fit:contain;z-index:3000;
cursor:zoom-out;padding:1rem;box-sizing:border-box}
.xb-caption{flex-basis:100%;font-size:0.9em;color:#333;margin:0}
</style>"""


def _plain(text: str) -> str:
    return text.replace("$", "").replace("\\", "")


def _img(fig: MplFigure, label: str, alt: str) -> str:
    src = base64.b64encode(svg(fig).encode()).decode()
    return (f'<figure class="xb-panel"><label><input type="checkbox" class="xb-zoom" aria-label="enlarge '
            f'{html.escape(label)}"><img alt="{html.escape(alt)}" src="data:image/svg+xml;base64,{src}"></label></figure>')


class FigureHTML:
    """Rich display of a figure in a notebook: the panels as SVG images with alt text, side by
    side where the page is wide and stacked on a phone; click (or space) enlarges a panel."""

    def __init__(self, data: Figure, figures: list[MplFigure]):
        self.data = data
        self.figures = figures

    def _repr_html_(self) -> str:
        d = self.data
        parts = [_CSS, f'<div class="xb-figure" role="group" aria-label="{html.escape(d.title)}">']
        for panel, fig in zip(d.panels, self.figures):
            label = f"{d.title}" + (f", panel {_plain(panel.title)}" if panel.key else "")
            img = _img(fig, label, f"{label}. {d.alt}")
            parts.append(img if len(d.panels) > 1 else img.replace('"xb-panel"', '"xb-panel xb-single"'))
        parts.append(f'<p class="xb-caption"><strong>{html.escape(d.title)}.</strong> {html.escape(d.caption)}</p>')
        parts.append("</div>")
        return "".join(parts)

    def __repr__(self) -> str:
        return f"<{self.data.title}: {len(self.figures)} panel(s)>"


class TableHTML:
    """Rich display of a paper table: its comparison plot if it has one (SVG, alt text, click to
    enlarge) and the table itself (HTML, units in the headers)."""

    #: the columns shown on the page, per table (the exported files have every column; default all)
    COLUMNS = {"chiang-table2": ("experiment", "sqrt(s)", "cuts (as printed)", "sigma_exp", "sigma_SM paper",
                                 "sigma_SM ours", "ours / paper")}
    #: the alt text of a table's comparison plot
    ALT = {"chiang-table2": "ratio of our SM cross section to the paper's, row by row, with the +-10% band shaded."}

    def __init__(self, table: Table, figures: list[MplFigure]):
        self.table = table
        self.figures = figures

    def _repr_html_(self) -> str:
        from .tables import table_html

        t = self.table
        alt = f"{t.title}: {self.ALT.get(t.id, 'comparison plot')}"
        imgs = "".join(_img(f, t.title, alt) for f in self.figures)
        plot = f'<div class="xb-figure">{imgs.replace("xb-panel", "xb-panel xb-wide")}</div>' if imgs else ""
        columns = self.COLUMNS.get(t.id, tuple(c.name for c in t.columns))
        return _CSS + plot + table_html(t, columns)._repr_html_()

    def __repr__(self) -> str:
        return f"<{self.table.title}: {len(self.table.rows)} rows>"


def show(data: Figure) -> FigureHTML:
    """Display object for a notebook cell: ``show(figures.get("chiang-fig5"))``."""
    return FigureHTML(data, draw(data))
