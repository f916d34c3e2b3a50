"""Upper limits on single couplings versus m_X, from any source.

Modules in :mod:`xboson.experiments` publish ``LIMITS = {constraint_name: function}``
with ``function(coupling: str, m_x: float) -> dict`` returning at least ``{"upper": x}``
(``None`` where the source has no reach at that mass) and optionally ``"lower"`` for a
closed excluded band. The registry is the explicit table
:data:`xboson.experiments.LIMIT_MODULES` (modules imported only when used).
"""

from __future__ import annotations

from .validation import choice, mass


def sources() -> list[str]:
    """Names of all registered limit sources."""
    from .experiments import LIMIT_MODULES

    return sorted(LIMIT_MODULES)


def limit(coupling: str, constraint: str, m_x: float) -> dict:
from .validation import choice, mass
