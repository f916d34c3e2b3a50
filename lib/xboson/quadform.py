"""Observables as quadratic forms in the couplings.

Every observable the papers use (a flux-averaged cross section, a ratio to the SM, a
LEP cross section, a width product) is, at fixed m_X (and Gamma_X), exactly

    O(c) = O_SM + b . c + c^T A c,

with c the real coupling vector of :mod:`xboson.couplings`. The coefficients are computed
once per mass; a measurement band ``lo <= O(c) <= hi`` then becomes an allowed region by
the single mechanism in :mod:`xboson.region`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

from .errors import InputError
from . import couplings

__all__ = ["QuadraticForm", "Band", "measurement_band"]


@dataclass(frozen=True)
class QuadraticForm:
    """O(c) = const + linear . c + c^T quad c over the coordinates ``basis``.

    ``quad`` is stored symmetric. Units are whatever the observable's are (documented
    by the function that builds it); the coordinates are dimensionless couplings.
    """

    const: float
    linear: np.ndarray
    quad: np.ndarray
    basis: tuple[str, ...] = field(default=couplings.BASIS)

    def __post_init__(self):
        n = len(self.basis)
        lin = np.asarray(self.linear, dtype=float).reshape(n)
        quad = np.asarray(self.quad, dtype=float).reshape(n, n)
        object.__setattr__(self, "linear", lin)
        object.__setattr__(self, "quad", 0.5 * (quad + quad.T))
        object.__setattr__(self, "const", float(self.const))

    # -- construction ---------------------------------------------------------------
    @classmethod
    def zero(cls, basis: Sequence[str] = couplings.BASIS) -> QuadraticForm:
        n = len(basis)
        return cls(0.0, np.zeros(n), np.zeros((n, n)), tuple(basis))

    # -- evaluation -------------------------------------------------------------------
    def __call__(self, c) -> np.ndarray:
        """Evaluate at coupling vectors ``c`` of shape (..., n)."""
        c = np.asarray(c, dtype=float)
        return self.const + c @ self.linear + np.einsum("...i,ij,...j->...", c, self.quad, c)

    @property
    def x_part(self) -> QuadraticForm:
        """The new-physics part: the form without its SM constant."""
        return QuadraticForm(0.0, self.linear, self.quad, self.basis)

    # -- algebra ------------------------------------------------------------------------
    def _check_basis(self, other: QuadraticForm):
        if other.basis != self.basis:
            raise InputError("quadratic forms live on different coupling bases")

    def __add__(self, other):
        if isinstance(other, QuadraticForm):
            self._check_basis(other)
            return QuadraticForm(self.const + other.const, self.linear + other.linear,
                                 self.quad + other.quad, self.basis)
        return QuadraticForm(self.const + float(other), self.linear, self.quad, self.basis)

    __radd__ = __add__

    def __sub__(self, other):
        return self + (-1.0) * other

    def __mul__(self, factor):
        f = float(factor)
        return QuadraticForm(f * self.const, f * self.linear, f * self.quad, self.basis)

    __rmul__ = __mul__

    def __truediv__(self, factor):
        return self * (1.0 / float(factor))

    # -- changes of variables ---------------------------------------------------------
    def substitute(self, matrix: ArrayLike, basis: Sequence[str], offset: ArrayLike | None = None) -> QuadraticForm:
        """The form in new coordinates p with c = matrix @ p (+ offset).

        ``matrix`` has shape (len(self.basis), len(basis)).
        """
        m = np.asarray(matrix, dtype=float)
        c0 = np.zeros(len(self.basis)) if offset is None else np.asarray(offset, dtype=float)
        const = self(c0)
        lin = m.T @ (self.linear + 2.0 * self.quad @ c0)
        quad = m.T @ self.quad @ m
        return QuadraticForm(const, lin, quad, tuple(basis))

    def restrict(self, names: Sequence[str]) -> QuadraticForm:
        """The form on the coordinates ``names``, all other couplings set to zero."""
        idx = [self.basis.index(n) for n in names]
        return QuadraticForm(self.const, self.linear[idx], self.quad[np.ix_(idx, idx)], tuple(names))

    def on_plane(self, pair: str, scale: float = 1.0, names: Sequence[str] | None = None) -> QuadraticForm:
        """The form on the (L_pair, R_pair) plane, coordinates multiplied by ``scale``.

        With ``scale = couplings.rho_scale(m_x)`` the new coordinates are (rho^L, rho^R) of
        Chiang Eq. (13); ``names`` labels them (default: the coupling names).
        """
        sub = self.restrict(couplings.plane(pair))
        return sub.substitute(np.eye(2) * scale, tuple(names or couplings.plane(pair)))

    def along(self, direction: ArrayLike) -> np.ndarray:
        """Coefficients (q0, q1, q2) with O(t * direction) = q0 + q1 t + q2 t^2."""
        d = np.asarray(direction, dtype=float)
        return np.array([self.const, d @ self.linear, d @ self.quad @ d])


@dataclass(frozen=True)
class Band:
    """A measurement turned into ``lo <= form(c) <= hi`` (either end may be infinite)."""

    form: QuadraticForm
    lo: float = -np.inf
    hi: float = np.inf
    label: str = ""

    def __post_init__(self):
        if np.isnan(self.lo) or np.isnan(self.hi) or self.lo > self.hi:
            raise InputError(f"band {self.label!r}: need lo <= hi (got {self.lo}, {self.hi})")

    def contains(self, c: ArrayLike) -> np.ndarray | np.bool_:
        v = self.form(c)
        return (v >= self.lo) & (v <= self.hi)

    def substitute(self, matrix: ArrayLike, basis: Sequence[str], offset: ArrayLike | None = None) -> Band:
        return Band(self.form.substitute(matrix, basis, offset), self.lo, self.hi, self.label)

    def restrict(self, names: Sequence[str]) -> Band:
        return Band(self.form.restrict(names), self.lo, self.hi, self.label)


def measurement_band(form: QuadraticForm, central: float, error: float, n_sigma: float,
                     sm_subtracted: float | None = None, label: str = "") -> Band:
    """Band from a measurement ``central +- n_sigma * error`` on the observable ``form``.

    If ``sm_subtracted`` is given, the SM part of the prediction is replaced by that number
    before comparison (the X contribution is isolated by subtracting a quoted SM value, as in
    Chiang Sec. III); otherwise the full prediction ``form`` is compared. central, error >= 0,
    n_sigma > 0 and sm_subtracted are finite numbers in the units of ``form``.
    """
    if not (math.isfinite(central) and math.isfinite(error) and math.isfinite(n_sigma)):
        raise InputError(f"band {label!r}: central, error and n_sigma must be finite "
                         f"(got {central!r}, {error!r}, {n_sigma!r})")
    if error < 0 or n_sigma <= 0:
        raise InputError(f"band {label!r}: error must be >= 0 and n_sigma > 0")
    if sm_subtracted is not None and not math.isfinite(sm_subtracted):
        raise InputError(f"band {label!r}: sm_subtracted must be finite (got {sm_subtracted!r})")
    f = form if sm_subtracted is None else form.x_part + sm_subtracted
    return Band(f, central - n_sigma * error, central + n_sigma * error, label)
