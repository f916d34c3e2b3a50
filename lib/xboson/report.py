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


def ledger_html(rows) -> str:
    """The ledger as an HTML table, one row per claim, coloured by status."""
    head = ("<tr><th>id</th><th>source</th><th>quantity</th><th>paper</th><th>ours</th>"
            "<th>tolerance</th><th>status</th><th>note</th></tr>")
    body = []
    for r in rows:
        style = _STATUS_STYLE.get(r.status, "")
        body.append(
            f"<tr><td><code>{html.escape(r.id)}</code></td><td>{html.escape(r.source)}</td>"
            f"<td>{html.escape(r.quantity)}</td><td>{_fmt(r.paper_value)}</td><td>{_fmt(r.our_value)}</td>"
            f"<td>{_fmt(r.tolerance)}</td><td style='{style}'><b>{r.status}</b></td>"
            f"<td>{html.escape(r.note)}</td></tr>")
    return f"<table class='ledger'>{head}{''.join(body)}</table>"


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
