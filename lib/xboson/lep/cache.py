"""On-disk cache of the LEP kernel tables (:mod:`xboson.lep.xsec`).

A cache file is named by a SHA-256 of everything the tables depend on: the source code of the
modules that compute them, the Table II data file, the constants and the resolution. A change
in any of them changes the name, so a stale table can never be read. The directory is
``$XBOSON_CACHE`` if set, else ``.cache/xboson-lep`` at the repository root (git-ignored),
else ``$XDG_CACHE_HOME/xboson`` (``~/.cache/xboson``). Failing to write is not an error.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

from .. import constants
from ..data import DATA_DIR

_HERE = Path(__file__).resolve().parent
_SOURCES = [_HERE / n for n in ("kinematics.py", "amplitudes.py", "xsec.py", "table2.py", "cache.py")]


def cache_dir() -> Path:
    env = os.environ.get("XBOSON_CACHE")
    if env:
        return Path(env)
    root = _HERE.parents[2]
    if (root / "pyproject.toml").is_file():
        return root / ".cache" / "xboson-lep"
    xdg = os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache"))
    return Path(xdg) / "xboson"


def key(res) -> str:
    h = hashlib.sha256()
    for p in _SOURCES:
        h.update(p.read_bytes())
    h.update((DATA_DIR / "lep_table2.yaml").read_bytes())
    h.update(repr(sorted((k, v) for k, v in vars(constants).items()
                         if k.isupper() and isinstance(v, float))).encode())
    h.update(repr(res.key()).encode())
    return h.hexdigest()[:24]


def cached_tables(res):
    from .xsec import Tables, tabulate

    path = cache_dir() / f"lep-tables-{key(res)}.npz"
    if path.is_file():
        try:
            z = np.load(path)
            return Tables(res, z["row_of_piece"], z["xa"], z["xb"], z["sqrt_map"], z["s"], z["values"],
                          int(z["n_rows"])).prepare()
        except Exception:  # unreadable file: recompute
            pass
    tab = tabulate(res)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp.npz")
        np.savez(tmp, row_of_piece=tab.row_of_piece, xa=tab.xa, xb=tab.xb, sqrt_map=tab.sqrt_map, s=tab.s,
                 values=tab.values, n_rows=tab.n_rows)
        os.replace(tmp, path)
    except OSError:
        pass
    return tab
