"""HTML renderings of the ledger and of the data provenance for the book's pages."""

from __future__ import annotations

import html
from pathlib import Path

import yaml

from .data import DATA_DIR

_STATUS_STYLE = {"agrees": "background:#d4edda", "differs": "background:#fff3cd",
                 "not-reproduced": "background:#e2e3e5"}


def _fmt(v) -> str:
    if v is None:
        return "&ndash;"
    if isinstance(v, float):
        return f"{v:.6g}"
    return html.escape(str(v))


def ledger_html(rows, notes: bool = True) -> str:
    """The ledger as compact HTML tables, one per source section, coloured by status; each note
    sits on its own line under its claim so the table fits the page."""
    groups: dict[str, list] = {}
    for r in rows:
        groups.setdefault(r.source.split(",")[0].split(" after")[0], []).append(r)
    style = ("<style>table.ledger{font-size:0.82em;border-collapse:collapse;width:100%}"
             "table.ledger td,table.ledger th{padding:2px 6px;vertical-align:top;border-top:1px solid #ddd}"
             "table.ledger tr.note td{border-top:none;color:#555;font-style:italic;padding-bottom:6px}"
             "table.ledger code{font-size:0.9em}</style>")
    head = ("<tr><th>claim</th><th>paper</th><th>ours</th><th>tolerance</th><th>status</th></tr>")
    out = [style]
    for section, items in groups.items():
        body = []
        for r in items:
            colour = _STATUS_STYLE.get(r.status, "")
            body.append(
                f"<tr><td>{html.escape(r.quantity)}<br><code>{html.escape(r.id)}</code> "
                f"<small>({html.escape(r.source)})</small></td><td>{_fmt(r.paper_value)}</td>"
                f"<td>{_fmt(r.our_value)}</td><td>{_fmt(r.tolerance)}</td>"
                f"<td style='{colour}'><b>{r.status}</b></td></tr>")
            if notes and r.note:
                body.append(f"<tr class='note'><td colspan='5'>{html.escape(r.note)}</td></tr>")
        out.append(f"<h3>{html.escape(section)}</h3><table class='ledger'>{head}{''.join(body)}</table>")
    return "".join(out)


def status_summary(rows) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in rows:
        out[r.status] = out.get(r.status, 0) + 1
    return out


def data_files(directory: Path = DATA_DIR) -> list[dict]:
    """Every file in data/ with its citation: YAML ``meta`` blocks or CSV ``# key: value`` headers."""
    out = []
    for path in sorted(directory.iterdir()):
        if path.suffix in (".yaml", ".yml"):
            meta = (yaml.safe_load(path.read_text()) or {}).get("meta", {})
        elif path.suffix == ".csv":
            meta = {}
            for line in path.read_text().splitlines():
                if not line.startswith("#"):
                    break
                key, _, val = line.lstrip("# ").partition(":")
                if val:
                    meta[key.strip()] = val.strip()
        else:
            continue
        out.append({"file": path.name, **meta})
    return out


def provenance_html(directory: Path = DATA_DIR) -> str:
    rows = []
    for d in data_files(directory):
        rows.append("<tr>" + "".join(f"<td>{_fmt(d.get(k, ''))}</td>" for k in
                                     ("file", "source", "table_or_figure", "units", "notes")) + "</tr>")
    head = "<tr><th>file</th><th>source</th><th>table / figure</th><th>units</th><th>notes</th></tr>"
    return f"<table class='provenance'>{head}{''.join(rows)}</table>"
