"""The sources page of an exported figure: title, caption, citations with links, the
parameters used, notes and the list of files (a small self-contained HTML page)."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path

from ..figures.model import Figure, Table

__all__ = ["sources_html", "write_sources"]

_LABELS = {"csv": "CSV (commented header)", "json": "JSON (full figure data)",
           "hepdata": "HEPData submission (.tar.gz; the same files unpacked in hepdata/)"}


def sources_html(data: Figure | Table, formats: Iterable[str]) -> str:
    """HTML text of the sources page of ``data``."""
    e = html.escape
    cites = "".join(
        f"<li>{e(s.citation)}" + (f', <a href="{e(s.url)}">{e("arXiv:" + s.arxiv if s.arxiv else s.doi)}</a>'
                                  if s.url else "")
        + (f", doi:{e(s.doi)}" if s.doi and s.arxiv else "") + f" &mdash; {e(s.detail)}</li>" for s in data.sources)
    files = {"csv": f"{data.id}.csv", "json": f"{data.id}.json", "hepdata": f"{data.id}-hepdata.tar.gz"}
    links = "".join(f'<li><a href="{files[f]}">{e(_LABELS[f])}</a></li>' for f in formats)
    notes = "".join(f"<li>{e(n)}</li>" for n in data.notes)
    params = e(json.dumps(data.parameters, indent=1, sort_keys=True, ensure_ascii=False))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{e(data.title)}: sources</title>"
            "<style>body{font-family:sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.45}"
            "pre{white-space:pre-wrap;background:#f6f6f6;padding:0.5rem}</style></head><body>"
            f"<h1>{e(data.title)}</h1><p>{e(data.caption)}</p><h2>Sources</h2><ul>{cites}</ul>"
            f"<h2>Files</h2><ul>{links}</ul><h2>Parameters</h2><pre>{params}</pre>"
            + (f"<h2>Notes</h2><ul>{notes}</ul>" if notes else "")
            + "<p>Numbers recomputed by the xboson package from the papers' equations and inputs; "
              "they are not the authors' own data.</p></body></html>\n")


def write_sources(data: Figure | Table, folder: Path, formats: Iterable[str]) -> Path:
    """Write ``folder/sources.html``."""
    path = Path(folder) / "sources.html"
    path.write_text(sources_html(data, formats), encoding="utf-8")
    return path
