"""Input checks shared by every public function: bad input raises
:class:`xboson.errors.InputError` (a ValueError) naming the parameter and the allowed range,
never returns garbage.

Declared domains used across the package (each function's docstring states its own):

* masses m_X, m_Z' in [:data:`M_X_MIN`, :data:`M_X_MAX`] GeV (1 keV to 1e4 TeV);
* total widths 0 < Gamma_X <= m_X;
* couplings |g| <= :data:`G_MAX` = 4 pi (perturbativity), coupling products |C| <= G_MAX^2;
* U(1)_X charges finite with |q| <= :data:`Q_MAX` = 1e6.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from numpy.typing import ArrayLike

from .errors import InputError

__all__ = ["InputError", "M_X_MIN", "M_X_MAX", "G_MAX", "C_MAX", "Q_MAX", "finite", "positive",
           "non_negative", "in_range", "choice", "mass", "width", "WIDTH_RATIO_MIN", "coupling", "coupling_product",
           "charge", "show"]

M_X_MIN = 1e-6            #: GeV: smallest X (Z') mass accepted (1 keV)
M_X_MAX = 1e4             #: GeV: largest X (Z') mass accepted (10 TeV)
G_MAX = 4.0 * math.pi     #: largest |coupling| accepted (perturbative unitarity scale)
C_MAX = G_MAX**2          #: largest |coupling product| g_nu g_e accepted
Q_MAX = 1e6               #: largest |U(1)_X charge| accepted


def show(value: object) -> str:
    """A short one-line rendering of an input value for error messages."""
    if isinstance(value, np.ndarray) or (isinstance(value, (list, tuple)) and len(value) > 6):
        try:
            text = np.array2string(np.asarray(value), threshold=6, edgeitems=2, max_line_width=10**6)
        except (TypeError, ValueError):
            text = repr(value)
    else:
        text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= 120 else text[:117] + "..."


_BIG = 1.7976931348623157e308   # largest finite double


def _checked(name, value):
    """(array, min, max) of a real, finite, non-empty ``value`` (min/max detect NaN and inf)."""
    if type(value) is float or type(value) is int:          # fast path: a plain number
        if not abs(value) <= _BIG:                            # NaN, +-inf (or an int beyond doubles)
            raise InputError(f"{name} must be finite (got {show(value)})")
        v = float(value)
        return np.asarray(v), v, v
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise InputError(f"{name} must be a real number (got {show(value)})") from None
    if arr.size == 0:
        raise InputError(f"{name} must not be empty (got {show(value)})")
    amin, amax = (float(arr), float(arr)) if arr.ndim == 0 else (float(arr.min()), float(arr.max()))
    if not (-_BIG <= amin and amax <= _BIG):                  # NaN propagates into min/max
        raise InputError(f"{name} must be finite (got {show(value)})")
    return arr, amin, amax


def _out(arr):
    return float(arr) if arr.ndim == 0 else arr


def finite(name: str, value: ArrayLike) -> float | np.ndarray:
    """Return ``value`` as float/array after checking it is real, finite and not empty."""
    return _out(_checked(name, value)[0])


def positive(name: str, value: ArrayLike) -> float | np.ndarray:
    """Return ``value`` after checking it is finite and strictly positive."""
    arr, amin, _ = _checked(name, value)
    if not amin > 0:
        raise InputError(f"{name} must be positive (got {show(value)})")
    return _out(arr)


def non_negative(name: str, value: ArrayLike) -> float | np.ndarray:
    """Return ``value`` after checking it is finite and >= 0."""
    arr, amin, _ = _checked(name, value)
    if not amin >= 0:
        raise InputError(f"{name} must be non-negative (got {show(value)})")
    return _out(arr)


def in_range(name: str, value: ArrayLike, lo: float = -math.inf, hi: float = math.inf, *, lo_open: bool = False,
             hi_open: bool = False, unit: str = "") -> float | np.ndarray:
    """Return ``value`` after checking lo <= value <= hi (open ends if requested)."""
    arr, amin, amax = _checked(name, value)
    bad_lo = amin <= lo if lo_open else amin < lo
    bad_hi = amax >= hi if hi_open else amax > hi
    if bad_lo or bad_hi:
        lb = "(" if lo_open else "["
        rb = ")" if hi_open else "]"
        u = f" {unit}" if unit else ""
        raise InputError(f"{name} must lie in {lb}{lo:g}, {hi:g}{rb}{u} (got {show(value)})")
    return _out(arr)


def choice(name: str, value: object, options: Iterable[str]) -> str:
    """Return ``value`` after checking it is one of ``options``."""
    options = list(options)
    if not isinstance(value, str) or value not in options:
        raise InputError(f"unknown {name} {value!r}; expected one of: {', '.join(map(str, options))}")
    return value


def mass(name: str, value: ArrayLike, lo: float = M_X_MIN, hi: float = M_X_MAX) -> float | np.ndarray:
    """A boson mass [GeV] in the declared domain [lo, hi] (default 1e-6 .. 1e4 GeV)."""
    return in_range(name, value, lo, hi, unit="GeV")


#: smallest Gamma_X / m_X accepted: below it the Eq. (17) width band, Gamma_X^2 / 4, leaves the
#: range where the LEP pole integrals (~1/(m_X Gamma_X)) are computed to full precision
WIDTH_RATIO_MIN = 1e-10


def width(name: str, value: ArrayLike, m_x: float) -> float | np.ndarray:
    """A total width Gamma [GeV] with WIDTH_RATIO_MIN m_x <= Gamma <= m_x (a resonance)."""
    m_x = positive("m_x", m_x)
    return in_range(name, value, WIDTH_RATIO_MIN * m_x, m_x,
                    unit=f"GeV (1e-10 m_X <= Gamma_X <= m_X, m_X = {m_x:g} GeV)")


def coupling(name: str, value: ArrayLike) -> float | np.ndarray:
    """A dimensionless coupling with |g| <= 4 pi."""
    return in_range(name, value, -G_MAX, G_MAX)


def coupling_product(name: str, value: ArrayLike) -> float | np.ndarray:
    """A coupling product g_nu g_e with |C| <= (4 pi)^2."""
    return in_range(name, value, -C_MAX, C_MAX)


def charge(name: str, value: ArrayLike) -> float | np.ndarray:
    """A U(1)_X charge: finite with |q| <= 1e6."""
    return in_range(name, value, -Q_MAX, Q_MAX)
