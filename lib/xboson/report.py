"""HTML renderings of the ledger and of the data provenance for the book's pages.

Both are lists of small cards (no wide tables), so they read on a 400 px phone as well as at
1280 px. Math is written as ``\\( ... \\)`` for the book's MathJax.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import yaml

from .data import DATA_DIR
from .ledger import Row, by_section

__all__ = ["ROOT_FROM_LEDGER", "ERRATA_PAGE", "tex_html", "ledger_summary_html", "ledger_html",
           "status_summary", "data_files", "provenance_html"]

#: Book-relative links from the ledger page (book/ledger.html) to the other pages.
ROOT_FROM_LEDGER = "../"
ERRATA_PAGE = "errata.html"

_STATUS_LABEL = {"agrees": "agrees", "differs": "differs", "not-reproduced": "not reproduced"}

_STYLE = """<style>
.xb-summary table{border-collapse:collapse;margin:0.3em 0 0.8em}
.xb-summary td,.xb-summary th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}
.xb-summary td:first-child,.xb-summary th:first-child{text-align:left;white-space:nowrap}
.xb-summary li{margin-bottom:0.35em}
.xb-row{border:1px solid #ccc;border-left-width:6px;border-radius:4px;padding:6px 10px;margin:0 0 10px;
  overflow-wrap:anywhere}
.xb-row.agrees{border-left-color:#2e7d32}.xb-row.differs{border-left-color:#c77700}
.xb-row.not-reproduced{border-left-color:#777}
.xb-row:target{box-shadow:0 0 0 3px #1a73e8}
.xb-q{font-weight:600}
.xb-vals{display:flex;flex-wrap:wrap;gap:2px 16px;margin:3px 0}
.xb-badge{font-weight:700}.agrees .xb-badge{color:#2e7d32}.differs .xb-badge{color:#b26a00}
.not-reproduced .xb-badge{color:#555}
.xb-meta{font-size:0.85em;color:#555}.xb-meta code{font-size:0.95em;word-break:break-all}
.xb-note{font-size:0.9em;margin-top:3px}
.xb-card{border:1px solid #ccc;border-radius:4px;padding:6px 10px;margin:0 0 12px;overflow-wrap:anywhere}
.xb-card h3{font-size:1.05em;margin:0.2em 0}
.xb-card dl{margin:0}.xb-card dt{font-weight:600;margin-top:4px}.xb-card dd{margin:0 0 0 1em}
</style>"""


def _fmt(v) -> str:
    if v is None:
        return "&ndash;"
    if isinstance(v, float):
        return html.escape(f"{v:.6g}")
    return html.escape(str(v))


def tex_html(text: str) -> str:
    """Text with inline ``$...$`` math as HTML with MathJax ``\\( ... \\)`` delimiters."""
    parts = text.split("$")
    if len(parts) % 2 == 0:
        raise ValueError(f"text: unbalanced $ in {text!r}")
    return "".join(html.escape(p) if k % 2 == 0 else rf"\({html.escape(p)}\)" for k, p in enumerate(parts))


def _tolerance(r) -> str:
    if r.tolerance_kind in ("absolute", "relative"):
        value = str(r.tolerance).split()[0]
        if r.tolerance_kind == "relative":
            return f"&plusmn;{float(value) * 100:g}% (relative)"
        return f"&plusmn;{html.escape(value)} (absolute)"
    return _fmt(r.tolerance)


def _row_html(r, root: str) -> str:
    quantity = tex_html(r.quantity_tex) if r.quantity_tex else html.escape(r.quantity)
    links = []
    if r.page:
        where = f"section page ({r.figure})" if r.figure else "section page"
        target = f"{root}{r.page}.html" + (f"#{r.anchor}" if r.anchor else "")
        links.append(f"<a href='{target}'>{html.escape(where)}</a>")
    if r.errata:
        links.append(f"<a href='{ERRATA_PAGE}#{r.errata}'>errata entry</a>")
    links.append(f"<a href='#{html.escape(r.id)}' title='link to this row'>&para;</a>")
    alias = (" &middot; formerly " + ", ".join(f"<code>{html.escape(a)}</code>" for a in r.aliases)
             if r.aliases else "")
    note = f"<div class='xb-note'>{html.escape(r.note)}</div>" if r.note else ""
    return (f"<div class='xb-row {r.status}' id='{html.escape(r.id)}'>"
            f"<div class='xb-q'>{quantity}</div>"
            f"<div class='xb-vals'><span>paper: <b>{_fmt(r.paper_value)}</b></span>"
            f"<span>ours: <b>{_fmt(r.our_value)}</b></span>"
            f"<span>tolerance: {_tolerance(r)}</span>"
            f"<span class='xb-badge'>{_STATUS_LABEL[r.status]}</span></div>"
            f"<div class='xb-meta'><code>{html.escape(r.id)}</code>{alias} &middot; {html.escape(r.source)}"
            f" &middot; {' &middot; '.join(links)}</div>{note}</div>")


def ledger_summary_html(rows: Sequence[Row]) -> str:
    """Counts per section and status, then every row that differs or is not reproduced with its
    one-line reason, each linked to its anchor."""
    sections = {name: {k: sum(r.status == k for r in items) for k in _STATUS_LABEL}
                for name, items in by_section(rows).items()}
    total = status_summary(rows)
    head = "<tr><th>section</th>" + "".join(f"<th>{v}</th>" for v in _STATUS_LABEL.values()) + "</tr>"
    body = "".join("<tr><td>" + html.escape(s) + "</td>" + "".join(f"<td>{c[k]}</td>" for k in _STATUS_LABEL)
                   + "</tr>" for s, c in sections.items())
    foot = ("<tr><th>all</th>" + "".join(f"<th>{total.get(k, 0)}</th>" for k in _STATUS_LABEL) + "</tr>")
    items = []
    for r in (r for group in by_section(rows).values() for r in group):
        if r.status != "agrees":
            items.append(f"<li><a href='#{html.escape(r.id)}'><code>{html.escape(r.id)}</code></a> "
                         f"(<b>{_STATUS_LABEL[r.status]}</b>): {html.escape(r.reason)}</li>")
    counts = ", ".join(f"{total.get(k, 0)} {v}" for k, v in _STATUS_LABEL.items())
    return (f"{_STYLE}<div class='xb-summary'><p><b>{len(rows)} claims</b>: {counts}.</p>"
            f"<table>{head}{body}{foot}</table>"
            f"<p><b>Rows that differ or are not reproduced</b> (the full note is on the row):</p>"
            f"<ul>{''.join(items)}</ul></div>")


def ledger_html(rows: Iterable[Row], notes: bool = True, root: str = ROOT_FROM_LEDGER) -> str:
    """The ledger as one card per row (anchor = row id), grouped by paper section; each card
    links to its section page (``root`` + page + ``.html``) and its errata entry."""
    # mathjax_process: Sphinx's MathJax skips the page body except elements with this class
    out = [_STYLE, "<div class='xb-ledger mathjax_process'>"]
    for section, items in by_section(rows).items():
        out.append(f"<h3>{html.escape(section)}</h3>")
        out.extend(_row_html(r if notes else replace(r, note=""), root) for r in items)
    return "".join(out) + "</div>"


def status_summary(rows: Iterable[Row]) -> dict[str, int]:
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


_ARXIV = re.compile(r"arXiv:(\d{4}\.\d{4,5}|[a-z-]+/\d{7})")
_DOI = re.compile(r"(?:doi:|DOI )(10\.\d{4,9}/[^\s,;]+[^\s,;.)])")


def _linked(text: str) -> str:
    """Escaped text with arXiv identifiers and DOIs linked to their pages."""
    out = html.escape(str(text))
    out = _ARXIV.sub(lambda m: f"<a href='https://arxiv.org/abs/{m.group(1)}'>arXiv:{m.group(1)}</a>", out)
    return _DOI.sub(lambda m: f"<a href='https://doi.org/{m.group(1)}'>doi:{m.group(1)}</a>", out)


_FIELDS = (("source", "Source"), ("table_or_figure", "Table / figure"), ("units", "Units"),
           ("confidence", "Confidence"), ("approximations", "Approximations"), ("notes", "Notes"))


def provenance_html(directory: Path = DATA_DIR) -> str:
    """One card per data file: its title, then source, table/figure, units, confidence and notes
    as a definition list (with arXiv and DOI links)."""
    cards = []
    for d in data_files(directory):
        stem = Path(d["file"]).stem
        title = d.get("title") or d["file"]
        items = [f"<dt>{label}</dt><dd>{_linked(d[key])}</dd>" for key, label in _FIELDS if d.get(key)]
        refs = d.get("references")
        if isinstance(refs, dict) and refs:
            items.append("<dt>References</dt><dd><ul>" + "".join(
                f"<li>[{html.escape(str(k))}] {_linked(v)}</li>" for k, v in refs.items()) + "</ul></dd>")
        cards.append(f"<div class='xb-card' id='data-{html.escape(stem)}'><h3>{html.escape(title)}</h3>"
                     f"<div class='xb-meta'>file <code>data/{html.escape(d['file'])}</code></div>"
                     f"<dl>{''.join(items)}</dl></div>")
    return _STYLE + "".join(cards)
