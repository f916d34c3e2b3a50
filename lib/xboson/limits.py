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
    """Limit on ``coupling`` from source ``constraint`` at m_x [GeV]: {"upper": ..., ...}.

    Domain: m_x in [1e-6, 1e4] GeV. ``upper`` is None where the source does not reach.
    """
    from .experiments import lookup

    choice("constraint", constraint, sources())
    return lookup("LIMITS", constraint)(coupling, mass("m_x", m_x))
