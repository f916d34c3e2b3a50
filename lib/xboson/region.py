"""Allowed regions: intersections of measurement bands, solved exactly.

A :class:`~xboson.quadform.Band` restricted to a plane (two coordinates x, y, for
instance Chiang's (rho^L, rho^R)) is the set between two conics. The allowed region is the
intersection of all bands. Its extremes are found exactly, with no grid:

* along a line every band is a quadratic inequality in one variable
  (:func:`interval_along`);
* in the plane, the feasible set of y at fixed x changes only at *critical* x values --
  vertical tangents and asymptotes of each boundary conic and the intersections of pairs
  of conics (roots of a resultant of degree <= 4). Testing one x between each pair of
  neighbouring critical values gives the x-extent of the region exactly; swapping the
  axes gives the y-extent.

The same mechanism serves every section (LAMPF/LSND, reactors, CHARM-II, LEP, the X
width condition).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from numpy.polynomial import polynomial as P

from .errors import InputError
from .intervals import IntervalSet, quadratic_between
from .quadform import Band

__all__ = ["RHO_EXTREME_KEYS", "rho_extremes", "interval_along", "AllowedRegion"]

_SWAP = np.array([[0.0, 1.0], [1.0, 0.0]])

#: Chiang's names of the extremes of a (rho^L, rho^R) region (Eq. 13; the ``xboson region`` JSON
#: keys) -> the keys of :meth:`AllowedRegion.extremes` (x = rho^L, y = rho^R).
RHO_EXTREME_KEYS = {"rhoL_min": "x_min", "rhoL_max": "x_max", "rhoR_min": "y_min", "rhoR_max": "y_max"}


def rho_extremes(extremes: dict[str, float] | None) -> dict[str, float]:
    """The extremes {x_min, x_max, y_min, y_max} of a (rho^L, rho^R) region
    (:meth:`AllowedRegion.extremes`) under Chiang's names {rhoL_min, rhoL_max, rhoR_min, rhoR_max}."""
    if extremes is None:
        raise InputError("the region is empty: it has no extremes")
    return {rho: extremes[xy] for rho, xy in RHO_EXTREME_KEYS.items()}


def interval_along(bands: Iterable[Band], direction: ArrayLike) -> IntervalSet:
    """Exact set of t with every band satisfied at c = t * direction."""
    s = IntervalSet.everything()
    for band in bands:
        q0, q1, q2 = band.form.along(direction)
        s = s & quadratic_between(q2, q1, q0, band.lo, band.hi)
        if s.is_empty:
            break
    return s


def _plane_coefficients(band: Band):
    """(c, b1, b2, a11, a12, a22) with Q = c + b1 x + b2 y + a11 x^2 + 2 a12 x y + a22 y^2."""
    f = band.form
    if len(f.basis) != 2:
        raise InputError("a plane region needs bands on exactly two coordinates")
    return (f.const, f.linear[0], f.linear[1], f.quad[0, 0], f.quad[0, 1], f.quad[1, 1])


def _y_poly(coef, level):
    """Boundary conic Q = level as A y^2 + B(x) y + C(x) with B, C polynomials in x."""
    c, b1, b2, a11, a12, a22 = coef
    return a22, np.array([b2, 2.0 * a12]), np.array([c - level, b1, a11])


def _trim(p):
    p = np.atleast_1d(np.asarray(p, dtype=float))
    nz = np.nonzero(p)[0]
    return p[: nz[-1] + 1] if nz.size else np.zeros(1)


def _real_roots(p) -> list[float]:
    p = _trim(p)
    if p.size <= 1:
        return []
    roots = P.polyroots(p)
    return [float(r.real) for r in roots if abs(r.imag) <= 1e-7 * (1.0 + abs(r))]


def _conic_critical_x(conic) -> list[float]:
    A, B, C = conic
    if A != 0.0:
        return _real_roots(P.polysub(P.polymul(B, B), 4.0 * A * C))
    if np.any(_trim(B)):
        return _real_roots(B)
    return _real_roots(C)


def _pair_critical_x(k1, k2) -> list[float]:
    (A1, B1, C1), (A2, B2, C2) = k1, k2
    d1 = 2 if A1 != 0.0 else (1 if np.any(_trim(B1)) else 0)
    d2 = 2 if A2 != 0.0 else (1 if np.any(_trim(B2)) else 0)
    if d1 < d2:
        return _pair_critical_x(k2, k1)
    mul, sub = P.polymul, P.polysub
    if d2 == 0:          # second curve is a set of vertical lines: handled on its own
        return []
    if d1 == 2 and d2 == 2:
        u = sub(A1 * C2, A2 * C1)
        v = sub(A1 * B2, A2 * B1)
        w = sub(mul(B1, C2), mul(B2, C1))
        res = sub(mul(u, u), mul(v, w))
    elif d1 == 2:        # y = -C2/B2 substituted into the first conic, times B2^2
        res = P.polyadd(sub(A1 * mul(C2, C2), mul(mul(B1, B2), C2)), mul(C1, mul(B2, B2)))
    else:                # two curves linear in y
        res = sub(mul(B1, C2), mul(B2, C1))
    return _real_roots(res)


def _feasible_y(coefs, bands, x: float) -> IntervalSet:
    s = IntervalSet.everything()
    for (c, b1, b2, a11, a12, a22), band in zip(coefs, bands):
        s = s & quadratic_between(a22, b2 + 2.0 * a12 * x, c + b1 * x + a11 * x * x,
                                  band.lo, band.hi)
        if s.is_empty:
            break
    return s


def _x_extent(bands) -> tuple[float, float] | None:
    coefs = [_plane_coefficients(b) for b in bands]
    conics = [_y_poly(cf, lev) for cf, b in zip(coefs, bands)
              for lev in (b.lo, b.hi) if math.isfinite(lev)]
    crit = set()
    for k in conics:
        crit.update(_conic_critical_x(k))
    for k1, k2 in itertools.combinations(conics, 2):
        crit.update(_pair_critical_x(k1, k2))
    xs = np.unique(np.array(sorted(crit), dtype=float))
    if xs.size == 0:
        return (-math.inf, math.inf) if not _feasible_y(coefs, bands, 0.0).is_empty else None
    span = 1.0 + np.max(np.abs(xs))
    probes = np.concatenate([[xs[0] - span], 0.5 * (xs[1:] + xs[:-1]), [xs[-1] + span]])
    edges = np.concatenate([[-math.inf], xs, [math.inf]])
    feasible = [not _feasible_y(coefs, bands, float(x)).is_empty for x in probes]
    idx = [i for i, ok in enumerate(feasible) if ok]
    if not idx:
        return None
    return float(edges[idx[0]]), float(edges[idx[-1] + 1])


@dataclass(frozen=True)
class AllowedRegion:
    """The intersection of bands on a plane with coordinates (x, y) = form.basis."""

    bands: tuple[Band, ...]

    def __post_init__(self):
        object.__setattr__(self, "bands", tuple(self.bands))
        if not self.bands:
            raise InputError("an allowed region needs at least one band")
        for b in self.bands:
            if len(b.form.basis) != 2:
                raise InputError("AllowedRegion bands must live on a plane (two coordinates)")

    @property
    def names(self) -> tuple[str, str]:
        return self.bands[0].form.basis

    def __and__(self, other: AllowedRegion) -> AllowedRegion:
        return AllowedRegion(self.bands + other.bands)

    def contains(self, x: ArrayLike, y: ArrayLike) -> np.ndarray:
        """Vectorised membership test at points (x, y) of any matching shapes."""
        pts = np.stack(np.broadcast_arrays(np.asarray(x, float), np.asarray(y, float)), axis=-1)
        ok = np.ones(pts.shape[:-1], dtype=bool)
        for b in self.bands:
            ok &= b.contains(pts)
        return ok

    def extremes(self) -> dict[str, float] | None:
        """Exact {x_min, x_max, y_min, y_max} of the region (None if it is empty)."""
        xr = _x_extent(self.bands)
        if xr is None:
            return None
        swapped = [b.substitute(_SWAP, self.names[::-1]) for b in self.bands]
        yr = _x_extent(swapped)
        return {"x_min": xr[0], "x_max": xr[1], "y_min": yr[0], "y_max": yr[1]}

    def slice_at(self, x: float, axis: str = "x") -> IntervalSet:
        """Exact allowed set of the other coordinate at fixed x (or fixed y with axis='y')."""
        bands = self.bands if axis == "x" else [b.substitute(_SWAP, self.names[::-1]) for b in self.bands]
        return _feasible_y([_plane_coefficients(b) for b in bands], bands, float(x))

    def along(self, direction: ArrayLike) -> IntervalSet:
        """Exact allowed set of t on the line (x, y) = t * direction."""
        return interval_along(self.bands, direction)
