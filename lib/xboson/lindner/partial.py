"""Partial cross sections sigma(E, T1, T2) = int_T1^T2 dsigma/dT dT, Lindner App. C.

Eq. (C.2): sigma = G_F^2 x^T I x with x of Eq. (C.3) and I_ij = int K_ij dT (Eq. C.4, upper
triangular). The printed list misses K_12 = -m_e^2 T / (4 pi E^2) in row 1 of (C.4) and the
integral I_14 (= I_23); C.11 lacks its overall 1/(8 pi E^2 G_F^2 m_e^2); C.12's "m^2" is m_Z'^2.

The printed C.7 and C.11 cancel catastrophically for m_Z'^2 >> 2 m_e T (a large logarithm
against a large polynomial). Here every I_ij is a sum of non-negative terms or a difference of
non-negative antiderivatives evaluated with series near their zeros:

* with P = m_Z'^2 + 2 m_e E and z = 2 m_e (E - T) / P in [0, 1):
  int (E-T)^2 / u dT   = P^2 / (8 m_e^3) [phi(z_1) - phi(z_2)],  phi(z) = -ln(1-z) - z - z^2/2,
  int (E-T)^2 / u^2 dT = P / (8 m_e^3) [psi(z_1) - psi(z_2)],    psi(z) = z + 2 ln(1-z) + z/(1-z);
* with u = m_Z'^2 + 2 m_e T and w = (u_2 - u_1) / u_1 = 2 m_e (T_2 - T_1) / u_1:
  int T / u dT   = [2 m_e T_1 w + m_Z'^2 (w - ln(1+w))] / (4 m_e^2),
  int T / u^2 dT = [ln(1+w) - w/(1+w) + (2 m_e T_1 / u_1) w/(1+w)] / (4 m_e^2).

Tested against mpmath quadrature at 50 digits. Energies in GeV; I_ij in the units that make
G_F^2 x^T I x a cross section in GeV^-2.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from ..errors import InputError
from ..constants import G_F, M_E
from ..kinematics import E_NU_MAX, E_NU_MIN, check_recoil, t_max_recoil
from ..validation import in_range, mass, non_negative

if TYPE_CHECKING:
    from .cross_sections import U1XPoint

__all__ = ["partial_matrix", "kernel_matrix", "printed_I13", "printed_I33", "x_vector",
           "partial_cross_section"]

_SERIES_MAX = 0.3
_K = np.arange(1, 80, dtype=float)


def _series(z, coef):
    """sum_k coef_k z^k for |z| <= _SERIES_MAX (Horner, vectorised)."""
    out = np.zeros_like(z)
    for c in coef[::-1]:
        out = out * z + c
    return out


def _phi(z):
    """-ln(1-z) - z - z^2/2 = sum_{k>=3} z^k / k, z in [0, 1)."""
    z = np.asarray(z, float)
    coef = np.concatenate([[0.0, 0.0, 0.0], 1.0 / _K[2:]])          # k = 3..79
    small = np.abs(z) <= _SERIES_MAX
    zs = np.where(small, z, 0.0)
    zl = np.where(small, 0.5, z)
    return np.where(small, _series(zs, coef), -np.log1p(-zl) - zl - 0.5 * zl**2)


def _psi(z):
    """z + 2 ln(1-z) + z/(1-z) = sum_{k>=2} (k-1) z^(k+1) / (k+1), z in [0, 1)."""
    z = np.asarray(z, float)
    k = _K[1:]                                                         # k = 2..79
    coef = np.concatenate([[0.0, 0.0, 0.0], (k - 1) / (k + 1)])        # powers 3..80
    small = np.abs(z) <= _SERIES_MAX
    zs = np.where(small, z, 0.0)
    zl = np.where(small, 0.5, z)
    return np.where(small, _series(zs, coef), zl + 2 * np.log1p(-zl) + zl / (1 - zl))


def _x_minus_log1p(w):
    """w - ln(1+w) = sum_{k>=2} (-1)^k w^k / k, w >= 0."""
    w = np.asarray(w, float)
    coef = np.concatenate([[0.0, 0.0], [(-1.0) ** k / k for k in _K[1:]]])
    small = w <= _SERIES_MAX
    ws = np.where(small, w, 0.0)
    wl = np.where(small, 1.0, w)
    return np.where(small, _series(ws, coef), wl - np.log1p(wl))


def _log1p_minus_frac(w):
    """ln(1+w) - w/(1+w) = sum_{k>=2} (-1)^k (k-1) w^k / k, w >= 0."""
    w = np.asarray(w, float)
    coef = np.concatenate([[0.0, 0.0], [(-1.0) ** k * (k - 1) / k for k in _K[1:]]])
    small = w <= _SERIES_MAX
    ws = np.where(small, w, 0.0)
    wl = np.where(small, 1.0, w)
    return np.where(small, _series(ws, coef), np.log1p(wl) - wl / (1 + wl))


def partial_matrix(e_nu: ArrayLike, t1: ArrayLike, t2: ArrayLike, m_zp: float) -> np.ndarray:
    """I_ij = int_{T1}^{T2} K_ij dT of Lindner Eq. (C.4) (with K_12 restored), upper triangular,
    shape (*broadcast, 4, 4). e_nu in [1e-9, 1e6], 0 <= t1 <= t2 <= T_max(E), m_zp in [1e-6, 1e4]
    (all GeV). Stable for all m_Z' in the domain."""
    e = in_range("e_nu", e_nu, E_NU_MIN, E_NU_MAX, unit="GeV")
    t1 = non_negative("t1", t1)
    t2 = non_negative("t2", t2)
    m = mass("m_zp", m_zp)
    e, t1, t2 = np.broadcast_arrays(np.asarray(e, float), np.asarray(t1, float), np.asarray(t2, float))
    if np.any(t2 < t1):
        raise InputError("t2 must be >= t1")
    if np.any(t2 > t_max_recoil(e) * (1 + 1e-12)):
        raise InputError("t2 above T_max(E): clip the window first (Lindner Eq. 4.6)")
    m2 = m * m
    dt = t2 - t1
    u1 = m2 + 2 * M_E * t1
    u2 = m2 + 2 * M_E * t2
    w = 2 * M_E * dt / u1
    pp = m2 + 2 * M_E * e
    z1 = 2 * M_E * (e - t1) / pp
    z2 = 2 * M_E * np.maximum(e - t2, 0.0) / pp
    e2 = e * e
    pi = math.pi
    out = np.zeros(e.shape + (4, 4))
    wa, wb = e - t1, e - t2
    out[..., 0, 0] = M_E / (4 * pi * e2) * dt * (wa * wa + wa * wb + wb * wb) / 3
    out[..., 0, 1] = -M_E**2 * dt * (t1 + t2) / (8 * pi * e2)
    int_w2_u = pp**2 / (8 * M_E**3) * (_phi(z1) - _phi(z2))
    out[..., 0, 2] = M_E / (2 * pi * e2 * G_F) * int_w2_u
    int_t_u = (2 * M_E * t1 * w + m2 * _x_minus_log1p(w)) / (4 * M_E**2)
    out[..., 0, 3] = -M_E**2 / (4 * pi * e2 * G_F) * int_t_u
    out[..., 1, 1] = M_E * dt / (4 * pi)
    out[..., 1, 2] = out[..., 0, 3]                                   # I_23 = I_14
    out[..., 1, 3] = np.log1p(w) / (4 * pi * G_F)
    int_w2_u2 = pp / (8 * M_E**3) * (_psi(z1) - _psi(z2))
    out[..., 2, 2] = M_E / (4 * pi * e2 * G_F**2) * int_w2_u2
    int_t_u2 = (_log1p_minus_frac(w) + (2 * M_E * t1 / u1) * w / (1 + w)) / (4 * M_E**2)
    out[..., 2, 3] = -M_E**2 / (4 * pi * e2 * G_F**2) * int_t_u2
    out[..., 3, 3] = M_E * dt / (4 * pi * G_F**2 * u1 * u2)
    return out


def kernel_matrix(e_nu: float, t: float, m_zp: float) -> np.ndarray:
    """K_ij(T) of Lindner Eq. (C.4) with K_12 restored (upper triangular), for tests. Scalars:
    e_nu in [1e-9, 1e6], 0 <= t <= T_max(E), m_zp in [1e-6, 1e4] (GeV)."""
    e, t = (float(v) for v in check_recoil(e_nu, t))
    m2 = mass("m_zp", m_zp) ** 2
    u = m2 + 2 * M_E * t
    y2 = (e - t) ** 2 / e**2
    k = np.zeros((4, 4))
    k[0, 0] = M_E * y2 / (4 * math.pi)
    k[0, 1] = -M_E**2 * t / (4 * math.pi * e**2)
    k[0, 2] = M_E * y2 / (2 * math.pi * G_F * u)
    k[0, 3] = -M_E**2 * t / (4 * math.pi * e**2 * G_F * u)
    k[1, 1] = M_E / (4 * math.pi)
    k[1, 2] = k[0, 3]
    k[1, 3] = M_E / (2 * math.pi * G_F * u)
    k[2, 2] = M_E * y2 / (4 * math.pi * G_F**2 * u**2)
    k[2, 3] = -M_E**2 * t / (4 * math.pi * e**2 * G_F**2 * u**2)
    k[3, 3] = M_E / (4 * math.pi * G_F**2 * u**2)
    return k


def _checked_window(e_nu, t1, t2, m_zp):
    """(E, m_Z'^2) after the checks of :func:`partial_matrix` (scalars)."""
    partial_matrix(e_nu, t1, t2, m_zp)
    return float(e_nu), float(m_zp) ** 2


def printed_I13(e_nu: float, t1: float, t2: float, m_zp: float) -> float:
    """Lindner Eq. (C.7) exactly as printed (double precision), for the errata tests. Domain as
    :func:`partial_matrix`."""
    e, m2 = _checked_window(e_nu, t1, t2, m_zp)
    lg = math.log((m2 + 2 * M_E * t2) / (m2 + 2 * M_E * t1))
    return (lg * (m2 + 2 * e * M_E) ** 2 + 2 * M_E * (m2 + M_E * (4 * e - t1 - t2)) * (t1 - t2)) / (
        16 * math.pi * e**2 * G_F * M_E**2)


def printed_I33(e_nu: float, t1: float, t2: float, m_zp: float) -> float:
    """Lindner Eq. (C.11) as printed, with its missing overall 1/(8 pi E^2 G_F^2 m_e^2) restored.
    Domain as :func:`partial_matrix`."""
    e, m2 = _checked_window(e_nu, t1, t2, m_zp)
    u1, u2 = m2 + 2 * M_E * t1, m2 + 2 * M_E * t2
    lg = math.log(u2 / u1)
    num = -(0.5 * lg * (m2 + 2 * e * M_E)
            + M_E * (t1 - t2) * (m2**2 + M_E * (2 * e + t1 + t2) * m2 + 2 * M_E**2 * (e**2 + t1 * t2)) / (u1 * u2))
    return num / (8 * math.pi * e**2 * G_F**2 * M_E**2)


def x_vector(g1_0: float | np.ndarray, g2_0: float | np.ndarray, b1: float | np.ndarray, b2: float | np.ndarray,
             anti: bool = False) -> np.ndarray:
    """x of Lindner Eq. (C.3), g^0 = g^SM + a: (g_1^0, g_2^0, b_1, b_2) for neutrinos and
    (g_2^0, g_1^0, b_2, b_1) for antineutrinos (K_11 multiplies (1 - T/E)^2, K_22 the flat term)."""
    return np.array([g2_0, g1_0, b2, b1]) if anti else np.array([g1_0, g2_0, b1, b2])


def partial_cross_section(point: U1XPoint, e_nu: float, t1: float, t2: float, flavour: str = "e",
                          anti: bool = False) -> float:
    """sigma(E, T1bar, T2bar) = G_F^2 x^T I x [GeV^-2], Lindner Eqs. (C.2), (4.4), (4.6)
    (T_i clipped at T_max(E)), in the low-energy approximation of Eq. (B.32).
    point: :class:`~xboson.lindner.cross_sections.U1XPoint`."""
    from .cross_sections import a12, b12, g_sm

    e = in_range("e_nu", e_nu, E_NU_MIN, E_NU_MAX, unit="GeV")
    tmax = t_max_recoil(e)
    tb1, tb2 = min(t1, tmax), min(t2, tmax)
    if tb2 <= tb1:
        return 0.0
    g1sm, g2sm = g_sm(point.alpha, flavour)
    a1, a2 = a12(point)
    b1, b2 = b12(point)
    x = x_vector(g1sm + a1, g2sm + a2, b1, b2, anti)
    i = partial_matrix(e, tb1, tb2, point.m_zp)
    return float(G_F**2 * x @ i @ x)
