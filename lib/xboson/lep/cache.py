"""On-disk cache of the LEP kernel tables (:mod:`xboson.lep.xsec`).

A cache file is named by a SHA-256 of everything the tables depend on: the source code of the
modules that compute them, the Table II data file, the constants and the resolution. A change
in any of them changes the name, so a stale table can never be read. The directory is
``$XBOSON_CACHE`` if set, else ``.cache/xboson-lep`` at the repository root (git-ignored),
else ``$XDG_CACHE_HOME/xboson`` (``~/.cache/xboson``). Failing to write is not an error.

The cache stores named arrays and knows nothing of what they mean (no import of
:mod:`xboson.lep.xsec`, which calls it): a file that cannot be read, lacks an array, or holds a
non-finite number is ignored and rebuilt; a temporary file is never left behind.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .. import constants
from ..data import DATA_DIR

if TYPE_CHECKING:       # for annotations only: xsec imports this module
    from .xsec import Resolution

__all__ = ["cache_dir", "key", "cached_arrays"]

_HERE = Path(__file__).resolve().parent
_SOURCES = [_HERE / n for n in ("phase_space.py", "amplitudes.py", "xsec.py", "table2.py", "cache.py")]
#: what an unreadable or truncated .npz raises from np.load / indexing
_READ_ERRORS = (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile)


def cache_dir() -> Path:
    env = os.environ.get("XBOSON_CACHE")
    if env:
        return Path(env)
    root = _HERE.parents[2]
    if (root / "pyproject.toml").is_file():
        return root / ".cache" / "xboson-lep"
    xdg = os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache"))
    return Path(xdg) / "xboson"


def key(res: Resolution) -> str:
    """Content hash naming the cache file for resolution ``res`` (anything with ``.key()``)."""
    h = hashlib.sha256()
    for p in _SOURCES:
        h.update(p.read_bytes())
    h.update((DATA_DIR / "lep_table2.yaml").read_bytes())
    h.update(repr(sorted((k, v) for k, v in vars(constants).items()
                         if k.isupper() and isinstance(v, float))).encode())
    h.update(repr(res.key()).encode())
    return h.hexdigest()[:24]


def _read(path: Path, names) -> dict | None:
    """The arrays ``names`` of a cache file, or None if it is unreadable, incomplete or not finite."""
    try:
        with np.load(path) as z:
            out = {n: np.array(z[n]) for n in names}
    except _READ_ERRORS:
        return None
    for a in out.values():
        if a.dtype.kind in "fc" and not np.all(np.isfinite(a)):
            return None
    return out


def _write(path: Path, arrays: dict) -> None:
    """Write atomically (temporary file + rename); on any failure remove the temporary file."""
    tmp = path.with_suffix(f".{os.getpid()}.tmp.npz")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(tmp, **arrays)
        os.replace(tmp, path)
    except OSError:
        pass
    finally:
        tmp.unlink(missing_ok=True)


def cached_arrays(res: Resolution, names: Iterable[str], build: Callable[[], dict]) -> dict:
    """Arrays ``names`` for resolution ``res``: from the cache file if it is valid, else ``build()``
    (written to the cache when every float in it is finite)."""
    path = cache_dir() / f"lep-tables-{key(res)}.npz"
    arrays = None
    if path.is_file():
        arrays = _read(path, names)
    if arrays is None:
        arrays = build()
        if all(np.all(np.isfinite(a)) for a in arrays.values() if np.asarray(a).dtype.kind in "fc"):
            _write(path, arrays)
    return arrays
