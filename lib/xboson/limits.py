"""Upper limits on single couplings versus m_X, from any source.

Modules in :mod:`xboson.experiments` publish ``LIMITS = {constraint_name: function}``
with ``function(coupling: str, m_x: float) -> dict`` returning at least ``{"upper": x}``
(``None`` where the source has no reach at that mass) and optionally ``"lower"`` for a
closed excluded band. Discovered automatically, like :mod:`xboson.constraints`.
"""

from __future__ import annotations


from .validation import choice, mass


def _providers() -> dict:
    from .experiments import discover

    return discover("LIMITS")


def sources() -> list[str]:
    return sorted(_providers())


def limit(coupling: str, constraint: str, m_x: float) -> dict:
    """Limit on ``coupling`` from source ``constraint`` at m_x [GeV]: {"upper": ..., ...}.

    Domain: m_x in [1e-6, 1e4] GeV. ``upper`` is None where the source does not reach.
    """
    providers = _providers()
    choice("constraint", constraint, sorted(providers))
    return providers[constraint](coupling, mass("m_x", m_x))
