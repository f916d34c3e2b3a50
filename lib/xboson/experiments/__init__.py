"""Experiments, one module each. A module publishes ``CONSTRAINTS = {name: factory}``
(see :mod:`xboson.constraints`) and, where it provides coupling limits,
``LIMITS = {name: function}`` (see :mod:`xboson.limits`). Both registries are discovered
here, so adding an experiment touches no shared file."""

from __future__ import annotations

import importlib
import pkgutil


def discover(attr: str) -> dict:
    """Merge the dicts named ``attr`` of every module in this package (names must be unique)."""
    out: dict = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        mod = importlib.import_module(f"{__name__}.{info.name}")
        for name, obj in getattr(mod, attr, {}).items():
            if name in out:
                raise RuntimeError(f"{attr} entry {name!r} defined twice")
            out[name] = obj
    return out
