"""Access to the project's data files (each carries its own citation).

The files live in ``data/`` at the repository root. An installed wheel carries them as the
package resource ``xboson/_data`` (in the source tree ``lib/xboson/_data`` is a symlink to
``data/``); where that resource is missing (a checkout without symlinks) the source tree's
``data/`` is used. The XBOSON_DATA environment variable overrides both.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
from pathlib import Path

import yaml

__all__ = ["DATA_DIR", "load_yaml"]


def _data_dir() -> Path:
    if os.environ.get("XBOSON_DATA"):
        return Path(os.environ["XBOSON_DATA"])
    packaged = Path(str(importlib.resources.files(__package__) / "_data"))
    if packaged.is_dir():
        return packaged.resolve()
    return Path(__file__).resolve().parents[2] / "data"


#: The directory holding the data files (see the module docstring).
DATA_DIR = _data_dir()


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
