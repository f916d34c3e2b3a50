"""The numbers behind every figure as files: CSV (commented header), JSON and a HEPData
submission, plus a sources page. Layout under the output folder, per figure id::

    <id>/<id>.csv  <id>/<id>.json  <id>/hepdata/submission.yaml (+ one table per panel)
    <id>/<id>-hepdata.tar.gz  <id>/sources.html

Exporting the same figure twice gives byte-identical files.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Sequence
from pathlib import Path

from .. import figures
from ..figures.model import Figure, Table
from ..validation import choice
from .to_csv import write_csv
from .to_hepdata import write_hepdata
from .to_json import write_json
from .sources import write_sources

__all__ = ["FORMATS", "export", "export_all", "paths"]

FORMATS = ("csv", "json", "hepdata")
_WRITERS = {"csv": write_csv, "json": write_json, "hepdata": write_hepdata}


def paths(figure_id: str) -> dict[str, str]:
    """Relative paths (POSIX) of the files of ``figure_id`` under an export folder."""
    return {"csv": f"{figure_id}/{figure_id}.csv", "json": f"{figure_id}/{figure_id}.json",
            "hepdata": f"{figure_id}/{figure_id}-hepdata.tar.gz", "sources": f"{figure_id}/sources.html"}


def export(data: Figure | Table, out: Path, formats: Sequence[str] = FORMATS) -> list[Path]:
    """Write figure ``data`` (a Figure or Table from :mod:`xboson.figures`) in ``formats`` under
    ``out/<id>/``, with its sources page. Returns the files written."""
    for f in formats:
        choice("format", f, FORMATS)
    folder = Path(out) / data.id
    folder.mkdir(parents=True, exist_ok=True)
    written = [_WRITERS[f](data, folder) for f in formats]
    written.append(write_sources(data, folder, formats))
    return written


def export_all(out: Path, ids: Iterable[str] | None = None, formats: Sequence[str] = FORMATS,
               **resolution: int | float | str) -> list[Path]:
    """Export every figure id (or ``ids``) in ``formats`` under ``out``."""
    written = []
    for fid in ids or figures.ids():
        written += export(figures.get(fid, **_resolution_for(fid, resolution)), out, formats)
    return written


def _resolution_for(fid: str, resolution: dict) -> dict:
    """Keep only the resolution keywords the figure function of ``fid`` accepts."""
    params = inspect.signature(figures.FIGURES[fid]).parameters
    return {k: v for k, v in resolution.items() if k in params}
