"""Access to the project's ``data/`` files (each carries its own citation)."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

#: The data directory: ``data/`` at the repository root (an editable install), overridable
#: with the XBOSON_DATA environment variable.
DATA_DIR = Path(__import__("os").environ.get("XBOSON_DATA", Path(__file__).resolve().parents[2] / "data"))


@functools.lru_cache(maxsize=None)
def load_yaml(name: str) -> dict:
    """Parsed ``data/<name>`` (YAML). Raises ValueError for an unknown file."""
    path = DATA_DIR / name
    if not path.is_file():
        raise ValueError(f"unknown data file {name!r} (looked in {DATA_DIR})")
    with path.open() as fh:
        return yaml.safe_load(fh)
