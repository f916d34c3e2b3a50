"""Upper limits on single couplings versus m_X, from any source.

Modules in :mod:`xboson.experiments` publish ``LIMITS = {constraint_name: function}``
with ``function(coupling: str, m_x: float) -> dict`` returning at least ``{"upper": x}``
(``None`` where the source has no reach at that mass) and optionally ``"lower"`` for a
closed excluded band. Discovered automatically, like :mod:`xboson.constraints`.
"""

from __future__ import annotations

import importlib
import pkgutil

from .validation import choice, positive


def _providers() -> dict:
    from . import experiments

    out = {}
    for info in sorted(pkgutil.iter_modules(experiments.__path__), key=lambda m: m.name):
        mod = importlib.import_module(f"{experiments.__name__}.{info.name}")
        for name, fn in getattr(mod, "LIMITS", {}).items():
            if name in out:
                raise RuntimeError(f"limit source {name!r} defined twice")
            out[name] = fn
    return out


def sources() -> list[str]:
    return sorted(_providers())


def limit(coupling: str, constraint: str, m_x: float) -> dict:
    """Limit on ``coupling`` from source ``constraint`` at m_x [GeV]: {"upper": ..., ...}."""
    providers = _providers()
    choice("constraint", constraint, sorted(providers))
    return providers[constraint](coupling, positive("m_x", m_x))
