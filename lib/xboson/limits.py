"""Upper limits on single couplings versus m_X, from any source.

Modules in :mod:`xboson.experiments` publish ``LIMITS = {constraint_name: function}`` with
``function(coupling: str, m_x: float) -> Limit``. The registry is the explicit table
:data:`xboson.experiments.LIMIT_MODULES` (modules imported only when used). Coupling names
follow :mod:`xboson.couplings`: combinations of products ('Lee', 'V_emu', ...) for the
low-energy and LEP sources, :data:`xboson.couplings.SINGLE_COUPLINGS` ('gLe', ...) for the
Sec. VII sources. :func:`limit_curves` evaluates any source over a mass grid (the curves of
Chiang Figs. 3 and 6).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .errors import InputError
from .validation import choice, mass

__all__ = ["Limit", "limit", "limit_curves", "sources"]


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
    product_range: for a combination C of coupling products, which can have either sign
        (low-energy, LEP; Chiang Sec. IV): (C_min, C_max), the extreme allowed values of C with
        all other couplings zero; then ``upper`` = max(|C_min|, |C_max|)^(1/2) (Chiang Fig. 3).
        Library only: not part of the CLI's JSON record.
    """

    upper: float | None
    lower: float | None = None
    bands: tuple[tuple[float, float], ...] | None = None
    allowed: tuple[tuple[float, float], ...] | None = None
    gamma_x: float | None = None
    product_range: tuple[float, float] | None = None

    @property
    def unbounded(self) -> bool:
        """True where the source does not bound the coupling at this mass."""
        return self.upper is None

    def upper_for_sign(self, sign: int) -> float:
        """|C|^(1/2) upper limit from the largest allowed +C (``sign`` = +1) or -C (-1) alone,
        0 where that sign is excluded: the solid (dashed) curves of Chiang Fig. 3. Needs
        ``product_range`` (a source of limits on coupling products)."""
        _check_sign(sign)
        if self.product_range is None:
            raise InputError("sign: this limit is not on a signed coupling product (no product_range)")
        lo, hi = self.product_range
        return math.sqrt(max(hi if sign > 0 else -lo, 0.0))

    def as_json(self) -> dict:
        """The JSON record of ``xboson limit`` (keys of the fields a source sets except
        ``product_range``, plus ``unbounded``; an interval open above is written [lo, null] with
        ``allowed_open_above``)."""
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


def _check_sign(sign) -> None:
    if sign not in (1, -1):
        raise InputError(f"sign must be +1 or -1 (got {sign!r})")


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


def limit_curves(source: str, couplings: Sequence[str], masses: ArrayLike, *,
                 sign: int | None = None) -> dict[str, np.ndarray]:
    """Upper limits from ``source`` on each coupling in ``couplings`` (one nonzero at a time) at
    each mass in ``masses`` [GeV]: {coupling: array over masses}, NaN where the source does not
    bound the coupling (``Limit.upper`` None). With ``sign`` (+1 or -1) the limit from the largest
    allowed +C or -C alone (:meth:`Limit.upper_for_sign`, coupling products only).

    Domain: masses in [1e-6, 1e4] GeV; coupling names and sources as for :func:`limit`.
    """
    if sign is not None:
        _check_sign(sign)
    if isinstance(couplings, str):
        couplings = (couplings,)
    ms = np.atleast_1d(np.asarray(mass("masses", masses), dtype=float))
    if ms.ndim != 1:
        raise InputError(f"masses must be a scalar or a one-dimensional sequence (got shape {ms.shape})")

    def value(lim: Limit) -> float:
        if sign is not None:
            return lim.upper_for_sign(sign)
        return math.nan if lim.upper is None else lim.upper

    return {c: np.array([value(limit(c, source, float(m))) for m in ms], dtype=float) for c in couplings}
