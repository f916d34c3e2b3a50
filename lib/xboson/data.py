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
    """Parsed ``data/<name>`` (YAML), checked against its schema (:mod:`xboson.schemas`).
    Raises InputError for an unknown file, DataFileError for one that does not parse or match."""
    from .errors import DataFileError, InputError
    from .schemas import validate

    path = DATA_DIR / name
    if not path.is_file():
        raise InputError(f"unknown data file {name!r} (looked in {DATA_DIR})")
    with path.open() as fh:
        try:
            data = yaml.safe_load(fh)
        except yaml.YAMLError as exc:
            raise DataFileError(f"data file {name!r} is not valid YAML: {str(exc).splitlines()[0]}") from None
    validate(name, data)
    return data
