"""Named experimental constraints and how they become allowed regions and limits.

A *constraint* is a set of :class:`~xboson.quadform.Band` objects on the full coupling
space (:data:`xboson.couplings.BASIS`) at a given m_X (and Gamma_X where it matters).
Experiment modules in :mod:`xboson.experiments` publish factories in a module-level dict
``CONSTRAINTS = {name: factory}``; the registry is the explicit table
:data:`xboson.experiments.CONSTRAINT_MODULES` (one line per constraint; each module is imported
only when its constraint is used). A constraint in :data:`xboson.experiments.WIDTH_DEPENDENT`
(LEP) has ``factory(m_x, gamma_x) -> Constraint`` and needs Gamma_X; every other one is
width-free, ``factory(m_x) -> Constraint``, and its Constraint has ``gamma_x`` None.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import InputError
from . import couplings
from .intervals import IntervalSet
from .quadform import Band
from .region import AllowedRegion, interval_along
from .validation import choice, mass, width

__all__ = ["Constraint", "get", "names", "needs_width"]


@dataclass(frozen=True)
class Constraint:
    """Bands on the full coupling space, valid at one m_X [GeV] (and Gamma_X [GeV] for a
    width-dependent constraint; None for a width-free one)."""

    name: str
    bands: tuple[Band, ...]
    m_x: float
    gamma_x: float | None = None

    def __and__(self, other: Constraint) -> Constraint:
        return Constraint(f"{self.name}+{other.name}", self.bands + other.bands, self.m_x,
                          self.gamma_x if self.gamma_x is not None else other.gamma_x)

    def involves(self, pair: str) -> bool:
        """Whether any band depends on the (L, R) couplings of ``pair``."""
        idx = [couplings.INDEX[n] for n in couplings.plane(pair)]
        return any(np.any(b.form.linear[idx]) or np.any(b.form.quad[idx]) for b in self.bands)

    def region(self, pair: str, *, rho: bool = True) -> AllowedRegion:
        """Allowed region in the (L, R) plane of ``pair`` with all other couplings zero.

        With ``rho=True`` the coordinates are (rho^L, rho^R) of Chiang Eq. (13); otherwise
        the coupling products (L, R) themselves.
        """
        if not self.involves(pair):
            raise InputError(f"constraint {self.name!r} does not involve pair {pair!r} at "
                             f"m_x = {self.m_x:g} GeV (no measurement in it depends on those couplings)")
        scale = couplings.rho_scale(self.m_x) if rho else 1.0
        names = ("rhoL", "rhoR") if rho else couplings.plane(pair)
        plane = couplings.plane(pair)
        return AllowedRegion(tuple(
            Band(b.form.on_plane(pair, scale, names), b.lo, b.hi, b.label) for b in self.bands
            if np.any(b.form.restrict(plane).linear) or np.any(b.form.restrict(plane).quad)))

    def along(self, direction: dict[str, float]) -> IntervalSet:
        """Exact allowed set of t for couplings c = t * direction (others zero).

        ``direction`` maps coupling names to components, e.g. {'L_ee': 1, 'R_ee': 1}
        for V_ee-type directions.
        """
        return interval_along(self.bands, couplings.vector(direction))


def names() -> list[str]:
    """Names of all registered constraints."""
    from .experiments import CONSTRAINT_MODULES

    return sorted(CONSTRAINT_MODULES)


def needs_width(name: str) -> bool:
    """Whether constraint ``name`` depends on the X total width (then :func:`get` needs gamma_x)."""
    from .experiments import WIDTH_DEPENDENT

    choice("constraint", name, names())
    return name in WIDTH_DEPENDENT


def get(name: str, m_x: float, gamma_x: float | None = None) -> Constraint:
    """Build the constraint ``name`` at mass m_x [GeV] (width gamma_x [GeV] where needed).

    gamma_x is required for a width-dependent constraint (:func:`needs_width`: LEP) and raises
    ValueError naming gamma_x if missing; for a width-free one it is checked against its domain
    and otherwise not used (the Constraint has gamma_x None).
    Domain: m_x in [1e-6, 1e4] GeV; gamma_x in [1e-10 m_x, m_x] (:mod:`xboson.validation`).
    """
    from .experiments import lookup

    width_dependent = needs_width(name)
    m_x = mass("m_x", m_x)
    if gamma_x is not None:
        gamma_x = width("gamma_x", gamma_x, m_x)
    if not width_dependent:
        return lookup("CONSTRAINTS", name)(m_x)
    if gamma_x is None:
        raise InputError(f"gamma_x is required for the {name} constraint (X total width in GeV)")
    return lookup("CONSTRAINTS", name)(m_x, gamma_x)
