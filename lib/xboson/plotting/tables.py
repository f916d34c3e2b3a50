"""Tables as rendered HTML for the pages: units in the headers, compact on a phone (a
horizontal scroll container is only the fallback for very wide tables)."""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence

from ..figures.model import Figure, Table

__all__ = ["HTMLTable", "html_table", "table_html", "extremes_table", "region_table"]

_CSS = """<style>
.xb-table-wrap{overflow-x:auto;max-width:100%;margin:0.5rem 0}
.xb-table{border-collapse:collapse;font-size:0.85em}
.xb-table th,.xb-table td{padding:0.15rem 0.45rem;border-bottom:1px solid #ddd;text-align:right}
.xb-table th{vertical-align:bottom;background:#f4f4f4}
.xb-table td.xb-text,.xb-table th.xb-text{text-align:left}
.xb-table td.xb-text{min-width:7em}
.xb-table caption{caption-side:top;text-align:left;font-size:0.95em;padding-bottom:0.3rem}
</style>"""


def _cell(v, fmt: str) -> tuple[str, bool]:
    """(text, is_text) of one table cell; None and NaN print as an en dash."""
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "&ndash;", False
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return html.escape(fmt.format(v)), False
    return html.escape(str(v)), True


class HTMLTable:
    """Notebook display object of a table (``_repr_html_``)."""

    def __init__(self, headers: Iterable[str], rows: Iterable[Iterable[object]], caption: str = "",
                 fmt: str | Sequence[str] = "{:.4g}"):
        self.headers = [str(h) for h in headers]
        self.rows = [list(r) for r in rows]
        if any(len(r) != len(self.headers) for r in self.rows):
            raise ValueError("rows must have one value per header")
        self.caption = caption
        self.fmts = [fmt] * len(self.headers) if isinstance(fmt, str) else list(fmt)
        if len(self.fmts) != len(self.headers):
            raise ValueError("fmt must be one format string or one per header")

    def __repr__(self) -> str:
        return f"<table: {self.caption or ', '.join(self.headers)}; {len(self.rows)} rows>"

    def _repr_html_(self) -> str:
        text_cols = [all(_cell(r[j], self.fmts[j])[1] for r in self.rows if r[j] is not None) and bool(self.rows)
                     for j in range(len(self.headers))]
        head = "".join(f'<th scope="col"{" class=xb-text" if t else ""}>{html.escape(h)}</th>'
                       for h, t in zip(self.headers, text_cols))
        body = []
        for r in self.rows:
            cells = []
            for v, f in zip(r, self.fmts):
                s, is_text = _cell(v, f)
                cells.append(f'<td class="xb-text">{s}</td>' if is_text else f"<td>{s}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
        cap = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return (f'{_CSS}<div class="xb-table-wrap"><table class="xb-table">{cap}<thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(body)}</tbody></table></div>')


def html_table(headers: Iterable[str], rows: Iterable[Iterable[object]], caption: str = "",
               fmt: str | Sequence[str] = "{:.4g}") -> HTMLTable:
    """A table for a notebook cell: ``headers`` with units (e.g. "m_X [MeV]"), ``rows`` of
    values (numbers formatted with ``fmt``, one format or one per column; None/NaN shown as a
    dash)."""
    return HTMLTable(headers, rows, caption, fmt)


def table_html(table: Table, columns: Iterable[str] | None = None, fmt: str = "{:.4g}") -> HTMLTable:
    """The display table of a paper :class:`~xboson.figures.model.Table`, optionally only the
    named ``columns`` (all columns are in the exported files)."""
    names = [c.name for c in table.columns]
    keep = list(range(len(names))) if columns is None else [names.index(c) for c in columns]
    return HTMLTable([table.columns[j].header for j in keep], [[r[j] for j in keep] for r in table.rows],
                     table.title, fmt)


def extremes_table(extremes_by_key: dict, key_header: str = "m_X [MeV]", fmt: str = "{:.3f}") -> HTMLTable:
    """Exact extremes of allowed regions, {key: {'x_min', 'x_max', 'y_min', 'y_max'}} (rho is
    dimensionless, Chiang Eq. 13)."""
    rows = [[k] + ([e["x_min"], e["x_max"], e["y_min"], e["y_max"]] if e else [None] * 4)
            for k, e in extremes_by_key.items()]
    return HTMLTable([key_header, "ρ^L min", "ρ^L max", "ρ^R min", "ρ^R max"], rows, fmt=["{:g}"] + [fmt] * 4)


def region_table(figure: Figure, panel_key: str = "", mass_unit: str = "MeV") -> HTMLTable:
    """Exact extremes of the regions of one panel of a region figure, by m_X in ``mass_unit``
    (MeV or GeV)."""
    scale = {"MeV": 1e3, "GeV": 1.0}[mass_unit]
    return extremes_table({r.qualifiers["m_X [GeV]"] * scale: r.extremes for r in figure.panel(panel_key).regions},
                          f"m_X [{mass_unit}]")
