"""Z-Z' mixing in SU(2)_L x U(1)_Y x U(1)_X, Lindner Sec. 2 and App. A.

Bases (Lindner Eqs. 2.3-2.6), restricted to the neutral block (W3, B, X) -- the W^+- sector
is untouched: fundamental X^ (kinetic mixing epsilon), intermediate X = L_eps^T X^
(canonical kinetic terms), physical Z = U^T X (mass eigenstates A, Z, Z').

Mass parameters z, x, delta (GeV^2) are those of Eq. (2.9)/(A.11)-(A.12). Everything here is
exact (no small-epsilon expansion); the forms are chosen to stay accurate in double precision
for tiny epsilon, delta and a light Z', where the printed Eqs. (2.14) and (A.16) cancel
catastrophically (see :func:`tan_alpha_eq_2_14` and :func:`masses_printed_A15_A16`).

Coupling conventions: ``g`` is the SU(2) coupling (``sqrt(G2_WEAK)``), s_W^2 = ``SIN2_W``
(Chiang's 0.23, so that the SM limit is Chiang's), and the U(1)_X coupling enters as
g_X Q_X / 2 (Lindner Eq. 2.2).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from ..errors import InputError
from ..constants import G2_WEAK, SIN2_W
from ..validation import G_MAX, finite, in_range, non_negative

__all__ = ["G_WEAK", "MASS2_MAX", "check_epsilon", "L_epsilon", "U_W", "U_alpha", "mass_matrix_fundamental",
           "mass_matrix_intermediate", "Mixing", "diagonalise", "tan_alpha", "tan_alpha_eq_2_14",
           "masses_printed_A15_A16", "masses_stable_light", "mass_parameters", "mass_matrix_A7", "FERMIONS",
           "current_couplings", "current_couplings_matrix"]

G_WEAK = math.sqrt(G2_WEAK)  #: SU(2) gauge coupling g (tree level, from G_F and m_W)


#: GeV^2: largest |mass-matrix entry| accepted, (1e4 GeV)^2 (the declared mass domain squared)
MASS2_MAX = 1e8


def check_epsilon(epsilon: ArrayLike) -> float | np.ndarray:
    """Validate the kinetic mixing: real, finite, |epsilon| < 1 (Lindner Eq. 2.8 needs
    sqrt(1 - epsilon^2) > 0). Returns it as float/array."""
    return in_range("epsilon", epsilon, -1.0, 1.0, lo_open=True, hi_open=True)


def _sc(s2w):
    s2w = in_range("s2w", s2w, 0.0, 1.0, lo_open=True, hi_open=True)
    return math.sqrt(s2w), math.sqrt(1.0 - s2w)


def L_epsilon(epsilon: float) -> np.ndarray:
    """Lindner Eq. (2.8), neutral block on (W3, B, X): L L^T is the kinetic matrix
    [[1,0,0],[0,1,eps],[0,eps,1]] of Eq. (2.7). Dimensionless."""
    eps = check_epsilon(epsilon)
    return np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, eps, math.sqrt(1.0 - eps * eps)]])


def U_W(s2w: float = SIN2_W) -> np.ndarray:
    """Weinberg rotation, Lindner Eq. (2.10) (neutral block of A.13); columns (A, Z^, X^)."""
    s, c = _sc(s2w)
    return np.array([[s, c, 0.0], [c, -s, 0.0], [0.0, 0.0, 1.0]])


def U_alpha(alpha: float, s2w: float = SIN2_W) -> np.ndarray:
    """Lindner Eq. (2.12): columns are the photon, Z and Z' in the intermediate basis."""
    a = finite("alpha", alpha)
    s, c = _sc(s2w)
    ca, sa = math.cos(a), math.sin(a)
    return np.array([[s, c * ca, c * sa], [c, -ca * s, -s * sa], [0.0, -sa, ca]])


def mass_matrix_fundamental(z: float, x: float, delta: float, s2w: float = SIN2_W) -> np.ndarray:
    """M^_{3x3} of Lindner Eq. (2.9) in GeV^2 from z, x, delta (GeV^2)."""
    z = in_range("z", z, 0.0, MASS2_MAX, unit="GeV^2")
    x = in_range("x", x, 0.0, MASS2_MAX, unit="GeV^2")
    delta = in_range("delta", delta, -MASS2_MAX, MASS2_MAX, unit="GeV^2")
    u = U_W(s2w)
    return u @ np.array([[0.0, 0, 0], [0, z, delta], [0, delta, x]]) @ u.T


def mass_matrix_intermediate(z: float, x: float, delta: float, epsilon: float, s2w: float = SIN2_W) -> np.ndarray:
    """M_{3x3} = L_eps^-1 M^ L_eps^-T, Lindner Eq. (2.11), GeV^2."""
    li = np.linalg.inv(L_epsilon(epsilon))
    return li @ mass_matrix_fundamental(z, x, delta, s2w) @ li.T


@dataclass(frozen=True)
class Mixing:
    """Result of the exact diagonalisation: physical masses squared (GeV^2) and alpha (rad).

    ``m_z2`` belongs to the state that is mostly the SM Z (|alpha| <= pi/4), whichever is
    heavier -- Eq. (A.15) as printed always calls the heavier state "Z".
    """

    m_z2: float
    m_zp2: float
    alpha: float
    epsilon: float

    @property
    def m_z(self) -> float:
        return math.sqrt(self.m_z2)

    @property
    def m_zp(self) -> float:
        return math.sqrt(self.m_zp2)


def _reduced_matrix(z, x, delta, eps, s):
    """The 2x2 mass matrix on (e_Z, e_X) of the intermediate basis (exact):
    [[z, (delta + z s eps)/eta], [., (x + 2 delta s eps + z s^2 eps^2)/eta^2]], eta^2 = 1 - eps^2."""
    eta2 = (1.0 - eps) * (1.0 + eps)
    eta = math.sqrt(eta2)
    b = (delta + z * s * eps) / eta
    d = (x + 2.0 * delta * s * eps + z * s * s * eps * eps) / eta2
    # d - a without cancelling the z's: (x - z + 2 delta s eps + z eps^2 (1 + s^2)) / eta2
    d_minus_a = (x - z + 2.0 * delta * s * eps + z * eps * eps * (1.0 + s * s)) / eta2
    return z, b, d, d_minus_a, eta2


def diagonalise(z: float, x: float, delta: float, epsilon: float = 0.0, s2w: float = SIN2_W) -> Mixing:
    """Exact physical masses (Lindner Eqs. A.15-A.17) and mixing angle alpha (Eqs. 2.12-2.14).

    z, x in [0, 1e8] GeV^2, |delta| <= 1e8 GeV^2, |epsilon| < 1. Stable for tiny epsilon, delta and a light
    Z': alpha = atan(2b / (d - a)) / 2 on the 2x2 block, the heavier eigenvalue from
    (a + d)/2 + sqrt(((a - d)/2)^2 + b^2) (a sum of positive terms) and the lighter one from
    det / heavier = (z x - delta^2) / ((1 - eps^2) m_heavy^2).
    """
    eps = check_epsilon(epsilon)
    z = in_range("z", z, 0.0, MASS2_MAX, unit="GeV^2")
    x = in_range("x", x, 0.0, MASS2_MAX, unit="GeV^2")
    delta = in_range("delta", delta, -MASS2_MAX, MASS2_MAX, unit="GeV^2")
    s, _ = _sc(s2w)
    a, b, d, dma, eta2 = _reduced_matrix(z, x, delta, eps, s)
    det = (z * x - delta * delta) / eta2
    if det < 0:
        raise InputError("z x - delta^2 must be >= 0 (a tachyonic state otherwise)")
    half = 0.5 * dma
    heavy = 0.5 * (a + d) + math.hypot(half, b)
    light = det / heavy if heavy > 0 else 0.0
    if dma == 0.0:
        alpha = math.copysign(math.pi / 4, b) if b != 0 else 0.0
    else:
        alpha = 0.5 * math.atan(2.0 * b / dma)
    z_heavier = dma < 0 or (dma == 0 and b < 0)
    m_z2, m_zp2 = (heavy, light) if z_heavier else (light, heavy)
    return Mixing(m_z2, m_zp2, alpha, eps)


def tan_alpha(m_z2: float, m_zp2: float, delta: float, epsilon: float, s2w: float = SIN2_W) -> float:
    """Lindner Eq. (2.14) rewritten without cancellation (the printed root, for m_Z > m_Z'):

        tan alpha = -2 (delta + eps s_W m_Z^2) / (sqrt(P) + sqrt(1 - eps^2) (m_Z^2 - m_Z'^2)),
        P = (1 - eps^2)(m_Z^2 - m_Z'^2)^2 - 4 (delta + eps m_Z^2 s_W)(delta + eps s_W m_Z'^2),

    algebraically identical to the printed numerator/denominator (multiply by the conjugate).
    Masses squared in GeV^2; valid when the heavier state is mostly the SM Z: m_zp2 < m_z2 and
    P >= 0 (real mixing angle); outside, InputError naming the parameters.
    """
    eps = check_epsilon(epsilon)
    m_z2 = in_range("m_z2", m_z2, 0.0, MASS2_MAX, lo_open=True, unit="GeV^2")
    m_zp2 = in_range("m_zp2", m_zp2, 0.0, MASS2_MAX, unit="GeV^2")
    delta = in_range("delta", delta, -MASS2_MAX, MASS2_MAX, unit="GeV^2")
    s, _ = _sc(s2w)
    eta = math.sqrt((1 - eps) * (1 + eps))
    p1 = delta + eps * m_z2 * s
    p2 = delta + eps * s * m_zp2
    if not m_zp2 < m_z2:
        raise InputError(f"m_zp2 must be < m_z2 for Lindner Eq. (2.14) (got m_zp2 = {m_zp2:g}, m_z2 = {m_z2:g})")
    big = (1 - eps) * (1 + eps) * (m_z2 - m_zp2) ** 2 - 4 * p1 * p2
    if not big >= 0:
        raise InputError(f"delta, epsilon: (1 - eps^2)(m_Z^2 - m_Z'^2)^2 - 4 (delta + eps s_W m_Z^2)"
                         f"(delta + eps s_W m_Z'^2) must be >= 0 for a real mixing angle (got {big:g})")
    return -2.0 * p1 / (math.sqrt(big) + eta * (m_z2 - m_zp2))


def tan_alpha_eq_2_14(m_z2: float, m_zp2: float, delta: float, epsilon: float, s2w: float = SIN2_W) -> float:
    """Lindner Eq. (2.14) exactly as printed (for the errata tests): cancels catastrophically
    for small epsilon, delta and a light Z'."""
    eps = float(epsilon)
    s = math.sqrt(s2w)
    p1 = delta + eps * m_z2 * s
    p2 = delta + eps * s * m_zp2
    big = (1 - eps**2) * (m_z2 - m_zp2) ** 2 - 4 * p1 * p2
    return (math.sqrt(big) + math.sqrt(1 - eps**2) * (m_zp2 - m_z2)) / (2 * p2)


def masses_printed_A15_A16(z: float, x: float, delta: float, epsilon: float,
                           s2w: float = SIN2_W) -> tuple[float, float]:
    """Lindner Eqs. (A.15)-(A.17) as printed: (m_heavy^2, m_light^2) in GeV^2 (errata tests)."""
    eps = float(epsilon)
    s = math.sqrt(s2w)
    c2 = 1 - s2w
    big = ((1 - c2 * eps**2) * (4 * delta**2 + 4 * delta * s * z * eps + z**2 - c2 * z**2 * eps**2)
           + 2 * (1 + s2w) * x * z * eps**2 + 4 * delta * s * x * eps + x**2 - 2 * x * z)
    tr = x + z + 2 * delta * s * eps - c2 * z * eps**2
    return (tr + math.sqrt(big)) / (2 * (1 - eps**2)), (tr - math.sqrt(big)) / (2 * (1 - eps**2))


def masses_stable_light(z: float, x: float, delta: float, epsilon: float, s2w: float = SIN2_W) -> float:
    """The cancellation-free form of Lindner Eq. (A.16) for the light state: (z x - delta^2) / ((1 - eps^2) m_Z^2)
    with m_Z^2 from (A.15). GeV^2."""
    return diagonalise(z, x, delta, epsilon, s2w).m_zp2


def mass_parameters(v2: ArrayLike, v_x2: ArrayLike, v_xx2: ArrayLike, g_x: ArrayLike, s2w: float = SIN2_W,
                    g: float = G_WEAK) -> tuple[float | np.ndarray, float | np.ndarray, float | np.ndarray]:
    """z, delta, x of Lindner Eq. (A.12) from the scalar VEVs (GeV^2): v2 = sum_doublets v^2 (A.8),
    v_x2 = sum_doublets Q_X v^2 (A.9), v_xx2 = sum_all (Q_X v)^2 (A.10). Returns (z, x, delta) in GeV^2."""
    v2 = non_negative("v2", v2)
    v_x2 = finite("v_x2", v_x2)
    v_xx2 = non_negative("v_xx2", v_xx2)
    g_x = finite("g_x", g_x)
    s, c = _sc(s2w)
    gz = g / c                                   # sqrt(g^2 + g'^2)
    return 0.25 * v2 * gz * gz, 0.25 * g_x * g_x * v_xx2, -0.25 * g_x * v_x2 * gz


def mass_matrix_A7(v2: float, v_x2: float, v_xx2: float, g_x: float, s2w: float = SIN2_W,
                   g: float = G_WEAK) -> np.ndarray:
    """The neutral 3x3 block of Lindner Eq. (A.7) on (W3, B, X), GeV^2 (for tests of A.11)."""
    s, c = _sc(s2w)
    gp = g * s / c
    return 0.25 * np.array([[g * g * v2, -g * gp * v2, -g * g_x * v_x2],
                            [-g * gp * v2, gp * gp * v2, g_x * gp * v_x2],
                            [-g * g_x * v_x2, g_x * gp * v_x2, g_x * g_x * v_xx2]])


# --- physical currents, Lindner Eqs. (2.17)-(2.22) with the known-issue corrections ---------

#: (t3, Q_em, Q_Y) of the fermions entering nu-e scattering; Q = t3 + Q_Y / 2.
FERMIONS = {"nu": (0.5, 0.0, -1.0), "eL": (-0.5, -1.0, -1.0), "eR": (0.0, -1.0, -2.0)}


def current_couplings(q_x: Mapping[str, float], g_x: ArrayLike, epsilon: ArrayLike = 0.0, alpha: ArrayLike = 0.0,
                      s2w: float = SIN2_W, g: float = G_WEAK) -> dict[str, dict[str, float | np.ndarray]]:
    """Couplings h of L = -h_Z Z f-bar gamma f - h_Z' Z' f-bar gamma f for f = nu_L, e_L, e_R.

    Lindner Eqs. (2.17)-(2.22) corrected: J_Z = c_a J_NC - s_a J_X, J_Z' = s_a J_NC + c_a J_X
    (no extra g; J_NC of Eq. 2.21 already carries g / c_W), and J_X has the coefficient
    (c_W g_X Q_X - g eps Q_Y s_W) / (2 c_W sqrt(1 - eps^2)) (the 1/c_W is missing on the first
    line of Eq. 2.22).

    q_x: dict {'nu': Q_nu^L, 'eL': Q_e^L, 'eR': Q_e^R}; g_x, epsilon, alpha may be arrays
    (broadcast); |g_x| <= 4 pi, |epsilon| < 1, alpha finite [rad], |Q_X| <= 1e6. Returns
    {'Z': {f: h}, 'Zp': {f: h}} (dimensionless).
    """
    eps = check_epsilon(epsilon)
    g_x = in_range("g_x", g_x, -G_MAX, G_MAX)
    alpha = finite("alpha", alpha)
    s, c = _sc(s2w)
    eta = np.sqrt((1 - eps) * (1 + eps))
    ca, sa = np.cos(alpha), np.sin(alpha)
    out = {"Z": {}, "Zp": {}}
    for f, (t3, q, y) in FERMIONS.items():
        j_nc = g / c * (t3 - s * s * q)
        j_x = (c * g_x * q_x[f] - g * eps * y * s) / (2 * c * eta)
        out["Z"][f] = ca * j_nc - sa * j_x
        out["Zp"][f] = sa * j_nc + ca * j_x
    return out


def current_couplings_matrix(q_x: Mapping[str, float], g_x: float, epsilon: float = 0.0, alpha: float = 0.0,
                             s2w: float = SIN2_W, g: float = G_WEAK) -> dict[str, np.ndarray]:
    """The same couplings from the matrix product U^T L_eps^-1 (g t3, g' Q_Y/2, g_X Q_X/2)^T
    (Lindner, text before Eq. 2.17): rows (A, Z, Z'). Scalars only; for tests."""
    s, c = _sc(s2w)
    gp = g * s / c
    li = np.linalg.inv(L_epsilon(epsilon))
    u = U_alpha(alpha, s2w)
    out = {}
    for f, (t3, q, y) in FERMIONS.items():
        out[f] = u.T @ li @ np.array([g * t3, gp * y / 2, g_x * q_x[f] / 2])
    return out
