"""Upper limits on single couplings versus m_X, from any source.

Modules in :mod:`xboson.experiments` publish ``LIMITS = {constraint_name: function}`` with
``function(coupling: str, m_x: float) -> Limit``. The registry is the explicit table
:data:`xboson.experiments.LIMIT_MODULES` (modules imported only when used).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .validation import choice, mass

__all__ = ["Limit", "limit", "sources"]


@dataclass(frozen=True)
class Limit:
    """The limit on one coupling (all others zero) from one source at one m_X.

    upper: the largest coupling allowed next to zero coupling (the edge of the allowed interval
        containing 0), or None where the source does not bound the coupling at this mass
        (no reach, or the coupling does not enter).
    lower: for a closed excluded band (beam dumps), the coupling above which the band ends and
        couplings are allowed again; None otherwise.
    bands: every excluded interval [(lo, hi), ...] where the source gives several (beam dumps).
    allowed: every allowed interval [(lo, hi), ...] in |g| where the allowed set re-opens (Z pole);
        an interval open above ends in math.inf.
    gamma_x: the X width [GeV] at which the limit was evaluated, for width-dependent sources (LEP).
    """

    upper: float | None
    lower: float | None = None
    bands: tuple[tuple[float, float], ...] | None = None
    allowed: tuple[tuple[float, float], ...] | None = None
    gamma_x: float | None = None

    @property
    def unbounded(self) -> bool:
        """True where the source does not bound the coupling at this mass."""
        return self.upper is None

    def as_json(self) -> dict:
        """The JSON record of ``xboson limit`` (keys of the fields a source sets, plus
        ``unbounded``; an interval open above is written [lo, null] with ``allowed_open_above``)."""
        out: dict = {"upper": self.upper}
        if self.lower is not None:
            out["lower"] = self.lower
        if self.bands is not None:
            out["bands"] = [list(b) for b in self.bands]
        if self.allowed is not None:
            out["allowed"] = [[lo, hi if math.isfinite(hi) else None] for lo, hi in self.allowed]
            out["allowed_open_above"] = bool(self.allowed) and math.isinf(self.allowed[-1][1])
        if self.gamma_x is not None:
            out["gamma_x"] = self.gamma_x
        out["unbounded"] = self.unbounded
        return out


def sources() -> list[str]:
    """Names of all registered limit sources."""
    from .experiments import LIMIT_MODULES

    return sorted(LIMIT_MODULES)


def limit(coupling: str, constraint: str, m_x: float) -> Limit:
    """The :class:`Limit` on ``coupling`` from source ``constraint`` at m_x [GeV].

    Domain: m_x in [1e-6, 1e4] GeV. ``upper`` is None where the source does not reach.
    """
    from .experiments import lookup

    choice("constraint", constraint, sources())
    return lookup("LIMITS", constraint)(coupling, mass("m_x", m_x))
