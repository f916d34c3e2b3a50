"""X contribution to the electron anomalous magnetic moment: Chiang et al. Eqs. (21)-(22).

    a_e^X = m_e^2 / (4 pi^2 m_X^2) [g_Ve^2 f_V(r) + g_Ae^2 f_A(r)],   r = m_e^2 / m_X^2,

with g_Ve,Ae = (g_Le +- g_Re)/2 (dimensionless), masses in GeV.

Numerics (``book/_parts/errata_chiang_sec7.md``): the printed integrands of Eq. (22) are
ratios whose numerator and denominator both vanish at x -> 1 as r -> 0 (a peak of width r
next to x = 1). Dividing out exactly,

    f_V(r) = 1/3  - r int_0^1 x^4 / D dx,
    f_A(r) = -5/3 - r int_0^1 x^3 (x - 2) / D dx,       D = 1 - x + r x^2,

so the r -> 0 limits 1/3 and -5/3 are explicit and the remainder, O(r ln r), is a small,
smooth correction integrated adaptively in t = 1 - x with a break point at t = r.
Tested against a 30-digit mpmath quadrature of the printed integrands.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.integrate import quad

from ..constants import M_E
from ..couplings import SINGLE_COUPLINGS
from ..data import load_yaml
from ..limits import Limit
from ..validation import choice, in_range, mass
from ..validation import coupling as valid_coupling

__all__ = ["LIMITS", "R_MAX", "f_v", "f_a", "a_e_x", "a_e_range", "limit"]

R_MAX = 1e6   #: largest r = m_e^2 / m_X^2 accepted (m_X down to ~0.5 keV)


def _remainder(r: float, poly) -> float:
    """int_0^1 poly(x) / (1 - x + r x^2) dx, integrated in t = 1 - x."""
    if r < 1e-20:
        # r * remainder = r (ln(1/r) + O(1)) < 1e-18: the leading log is exact to double precision
        return -poly(1.0) * math.log(r)

    def f(t):
        x = 1.0 - t
        return poly(x) / (t + r * x * x)

    pts = [min(r, 0.5)] if r < 0.5 else None
    val, _ = quad(f, 0.0, 1.0, points=pts, epsabs=0.0, epsrel=1e-12, limit=200)
    return val


def f_v(r: float | np.ndarray) -> float | np.ndarray:
    """f_V(r) of Chiang Eq. (22), dimensionless, r = m_e^2/m_X^2 in (0, 1e6]; f_V(0) = 1/3 (the
    heavy-X limit, reached smoothly: the correction is O(r ln r))."""
    r = in_range("r", r, 0.0, R_MAX, lo_open=True)
    if np.ndim(r):
        return np.array([f_v(float(x)) for x in r])
    return 1.0 / 3.0 - r * _remainder(r, lambda x: x**4)


def f_a(r: float | np.ndarray) -> float | np.ndarray:
    """f_A(r) of Chiang Eq. (22), dimensionless, r = m_e^2/m_X^2 in (0, 1e6]; f_A(0) = -5/3."""
    r = in_range("r", r, 0.0, R_MAX, lo_open=True)
    if np.ndim(r):
        return np.array([f_a(float(x)) for x in r])
    return -5.0 / 3.0 - r * _remainder(r, lambda x: x**3 * (x - 2.0))


def a_e_x(m_x: float | np.ndarray, g_ve: float | np.ndarray = 0.0,
          g_ae: float | np.ndarray = 0.0) -> float | np.ndarray:
    """a_e^X of Chiang Eq. (21) (dimensionless) for m_x [GeV] in [1e-6, 1e4] and couplings g_Ve,
    g_Ae with |g| <= 4 pi."""
    m_x = mass("m_x", m_x)
    g_ve, g_ae = valid_coupling("g_ve", g_ve), valid_coupling("g_ae", g_ae)
    r = (M_E / m_x) ** 2
    return M_E**2 / (4 * math.pi**2 * m_x**2) * (g_ve**2 * f_v(r) + g_ae**2 * f_a(r))


def a_e_range() -> tuple[float, float]:
    """The 90% CL range of a_e^X, Chiang Sec. VII (data/g_minus_2.yaml)."""
    lo, hi = load_yaml("g_minus_2.yaml")["range_90cl"]
    return float(lo), float(hi)


def _weight(coupling: str, r: float) -> float | None:
    """a_e^X = K c^2 w(r) for a single coupling c (K = m_e^2/(4 pi^2 m_X^2))."""
    if coupling == "gVe":
        return f_v(r)
    if coupling == "gAe":
        return f_a(r)
    if coupling in ("gLe", "gRe"):   # g_Ve = g_Le/2, g_Ae = +-g_Le/2
        return 0.25 * (f_v(r) + f_a(r))
    return None                        # gnu: no one-loop contribution to a_e


def limit(coupling: str, m_x: float) -> Limit:
    """g-2 limit on one coupling (others zero) at m_x [GeV], Chiang Fig. 6 solid curves:
    ``upper`` = |g|_max. ``gnu`` does not enter a_e: ``upper`` None (unbounded)."""
    choice("coupling", coupling, SINGLE_COUPLINGS)
    m_x = mass("m_x", m_x)
    r = (M_E / m_x) ** 2
    w = _weight(coupling, r)
    if w is None:
        return Limit(None)
    lo, hi = a_e_range()
    k = M_E**2 / (4 * math.pi**2 * m_x**2)
    bound = hi if w > 0 else lo
    return Limit(math.sqrt(bound / (k * w)))


#: Chiang Fig. 6 solid curves: the electron g-2 limit on one Sec. VII coupling (xboson.limits)
LIMITS = {"g-2": limit}
