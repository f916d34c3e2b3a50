"""CSV export: one long-format file per figure with a commented header (figure, caption,
citation, parameters, axes and units, columns). Floats are written with ``repr`` so that
reading them back gives the same numbers; an empty cell means no value (NaN)."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

from ..figures.model import Figure, Table

__all__ = ["COLUMNS", "number", "figure_csv", "table_csv", "write_csv", "read_csv"]

COLUMNS = ("panel", "kind", "element", "ring", "hole", "x", "y", "y_upper")


def number(v: float | None) -> str:
    """Exact text of a number (``repr``), empty for None or NaN."""
    if v is None:
        return ""
    v = float(v)
    return "" if math.isnan(v) else repr(v)


def _header(data, lines: list[str]) -> list[str]:
    head = [f"figure: {data.id} -- {data.title}", f"caption: {data.caption}"]
    for s in data.sources:
        ref = f", arXiv:{s.arxiv}" if s.arxiv else ""
        ref += f", doi:{s.doi}" if s.doi else ""
        head.append(f"citation: {s.citation}{ref} -- {s.detail}")
    head.append("parameters: " + json.dumps(data.parameters, sort_keys=True))
    head += [f"note: {n}" for n in data.notes]
    return ["# " + h.replace("\n", " ") for h in head + lines]


def _unit(axis) -> str:
    return axis.header if axis.unit else f"{axis.name} (dimensionless)"


def _figure_rows(fig: Figure):
    for p in fig.panels:
        for c in p.curves:
            for x, y in zip(c.x, c.y):
                yield (p.key, "curve", c.name, "", "", number(x), number(y), "")
        for r in p.regions:
            for k, (ring, hole) in enumerate(zip(r.rings, r.holes)):
                for x, y in ring:
                    yield (p.key, "region", r.name, str(k), "1" if hole else "0", number(x), number(y), "")
        for b in p.bands:
            up = [None] * len(b.x) if b.upper is None else b.upper
            for x, lo, hi in zip(b.x, b.lower, up):
                yield (p.key, "band", b.name, "", "", number(x), number(lo), number(hi))
        for pt in p.points:
            for x, y in zip(pt.x, pt.y):
                yield (p.key, "points", pt.name, "", "", number(x), number(y), "")


def figure_csv(fig: Figure) -> str:
    """The CSV text of a figure (see module doc)."""
    lines = []
    for p in fig.panels:
        lines.append(f"panel {p.key or '-'}: {p.title.replace('$', '')}; x = {_unit(p.x)}, y = {_unit(p.y)} "
                     f"({p.x.scale}/{p.y.scale} axes)" + (f"; {p.note}" if p.note else ""))
        for r in p.regions:
            q = json.dumps(r.qualifiers, sort_keys=True)
            ext = "" if r.extremes is None else "; exact extremes " + ", ".join(
                f"{k} = {number(v)}" for k, v in r.extremes.items())
            lines.append(f"  region {r.name}: {q}; boundary traced on a {r.grid} x {r.grid} grid{ext}")
        for e in p.curves + p.bands + p.points:
            lines.append(f"  {type(e).__name__.lower()} {e.name}: {json.dumps(e.qualifiers, sort_keys=True)}")
    lines += ["columns: panel (figure panel key, '-' if single), kind (curve | region | band | points), element "
              "(name), ring (region boundary ring index), hole (1 = ring is a hole, clockwise; 0 = outer, "
              "counter-clockwise), x, y (band: lower edge), y_upper (band: upper edge; empty = excluded up to the "
              "top of the plot)", "units: as given per panel above; empty cell = no value"]
    buf = io.StringIO()
    buf.write("\n".join(_header(fig, lines)) + "\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for row in _figure_rows(fig):
        w.writerow((row[0] or "-",) + row[1:])
    return buf.getvalue()


def table_csv(table: Table) -> str:
    """The CSV text of a paper table (units in the column headers)."""
    buf = io.StringIO()
    buf.write("\n".join(_header(table, ["units: in the column headers [unit]"])) + "\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([c.header for c in table.columns])
    for r in table.rows:
        w.writerow([number(v) if isinstance(v, float) else ("" if v is None else str(v)) for v in r])
    return buf.getvalue()


def write_csv(data: Figure | Table, folder: Path) -> Path:
    """Write ``folder/<id>.csv``."""
    path = Path(folder) / f"{data.id}.csv"
    text = table_csv(data) if isinstance(data, Table) else figure_csv(data)
    path.write_text(text, encoding="utf-8")
    return path


def read_csv(path: Path) -> list[dict]:
    """Rows of an exported CSV (header comments skipped) as dicts of strings."""
    with Path(path).open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))
