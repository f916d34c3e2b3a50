"""JSON export: the full figure data (axes, units, elements, qualifiers, parameters, sources);
NaN as null. Deterministic (fixed key order, ``repr`` floats)."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import numpy as np

from ..figures.model import Figure, Source, Table

__all__ = ["to_json", "write_json"]


def _plain(x):
    if isinstance(x, Source):
        return {**dataclasses.asdict(x), "url": x.url}
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: _plain(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, np.ndarray):
        return _plain(x.tolist())
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, (float, np.floating)):
        return None if math.isnan(x) else float(x)
    if isinstance(x, np.integer):
        return int(x)
    return x


def to_json(data: Figure | Table) -> str:
    """The JSON text of a Figure or Table."""
    return json.dumps({"format": "xboson figure data 1", **_plain(data)}, indent=1, ensure_ascii=False,
                      allow_nan=False) + "\n"


def write_json(data: Figure | Table, folder: Path) -> Path:
    """Write ``folder/<id>.json``."""
    path = Path(folder) / f"{data.id}.json"
    path.write_text(to_json(data), encoding="utf-8")
    return path
