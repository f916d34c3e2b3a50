"""(Anti)neutrino-electron scattering in a general U(1)_X model, Lindner Sec. 3 and App. B,
and the bridge to Chiang's X couplings.

Two independent routes to dsigma/dT:

1. Lindner's own: G_+- of Eq. (B.20) (from the vertex couplings of the corrected currents,
   :func:`xboson.lindner.mixing.current_couplings`) in Eqs. (B.24)/(B.25) with
   dsigma/dT = |M|^2 / (32 pi m_e E^2) (Eq. B.23 with E -> E^2); exact propagators
   chi_W = (s or u) - m_W^2, chi_Z = t - m_Z^2, chi_Z' = t - m_Z'^2, or the low-energy
   forms (B.32): :func:`G_pm`, :func:`dsigma_dT`, and the decomposition
   g_1,2 = g^SM_1,2 + a_1,2 + b_1,2 r (Eqs. 3.9-3.20): :func:`g12`, :func:`a12`, :func:`b12`.

2. Chiang's exact A1-A5 (:mod:`xboson.scattering`) with *effective chiral couplings* at mass
   m_X = m_Z' (:func:`chiang_couplings`). Exchanging Z and Z' with couplings h (L = -h V f-bar gamma f)
   is exactly Chiang's SM plus an X of mass m_Z' with

       C_i(T) = h^Z'_nu h^Z'_i + [h^Z_nu h^Z_i - h^SM_nu h^SM_i] f(T),
       f(T) = (m_Z'^2 + 2 m_e T) / (m_Z^2 + 2 m_e T),  i = L, R,

   the second term being the change of the Z couplings moved onto the Z' propagator. Without
   mixing C is g_X^2 Q_nu Q_i / 4 and T-independent (Chiang's case); the fits use this route so
   that every observable stays a quadratic form in (L0, R0, L1, R1) = (C0_L, C0_R, C1_L, C1_R).

The Z mass is the tree-level m_W / c_W (``M_Z_TREE``) throughout, as in Chiang's code and in
Lindner's Eq. (B.32). Energies in GeV; G_+- in GeV^-2; dsigma/dT in GeV^-3.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .. import couplings
from ..constants import COS2_W, G2_WEAK, G_F, GBAR_L, GBAR_R, M_E, M_W, M_Z_TREE, SIN2_W
from ..kinematics import check_recoil
from ..scattering import dsigma_dT_terms
from ..validation import choice, coupling, finite, mass, non_negative
from .mixing import G_WEAK, check_epsilon, current_couplings
from .models import Model, get_model

__all__ = ["FLAVOURS", "EXT_BASIS", "U1XPoint", "G_pm", "dsigma_dT", "r_factor", "g_sm", "a12", "b12", "g12",
           "dsigma_dT_low_energy", "a12_printed", "b12_printed", "ab_from_B38", "pair_for", "ext_couplings",
           "propagator_factor", "chiang_couplings", "dsigma_dT_chiang"]

FLAVOURS = ("e", "mu", "tau")
EXT_BASIS = ("L0", "R0", "L1", "R1")  #: coordinates of the fits' quadratic forms (see module doc)


@dataclass(frozen=True)
class U1XPoint:
    """A point of a U(1)_X model: charges, g_X (|g_X| <= 4 pi), m_Z' [GeV] in [1e-6, 1e4],
    epsilon (|eps| < 1), alpha [rad] (finite)."""

    model: Model
    g_x: float
    m_zp: float
    epsilon: float = 0.0
    alpha: float = 0.0

    def __post_init__(self):
        object.__setattr__(self, "model", get_model(self.model))
        object.__setattr__(self, "g_x", coupling("g_x", self.g_x))
        object.__setattr__(self, "m_zp", mass("m_zp", self.m_zp))
        object.__setattr__(self, "epsilon", check_epsilon(self.epsilon))
        object.__setattr__(self, "alpha", finite("alpha", self.alpha))

    def vertices(self) -> dict:
        """{'Z': {'nu', 'eL', 'eR'}, 'Zp': {...}} couplings of the corrected Eqs. (2.17)-(2.22)."""
        return current_couplings(self.model.charges, self.g_x, self.epsilon, self.alpha)


def _sm_products():
    """h^SM_nu h^SM_eL and h^SM_nu h^SM_eR: (g / 2 c_W)(g gbar / c_W) = g^2 gbar / (2 c_W^2)."""
    return G2_WEAK * GBAR_L / (2 * COS2_W), G2_WEAK * GBAR_R / (2 * COS2_W)


def _omega(flavour):
    choice("flavour", flavour, FLAVOURS)
    return 1.0 if flavour == "e" else 0.0


# --- route 1: Lindner's G_+- -------------------------------------------------------------------

def G_pm(point: U1XPoint, e_nu: ArrayLike, t: ArrayLike, flavour: str = "e", anti: bool = False,
         exact: bool = True) -> tuple[float | np.ndarray, float | np.ndarray]:
    """(G_+, G_-) of Lindner Eq. (B.20) [GeV^-2]: G_+ = sum_V h_nu h_eR / chi_V,
    G_- = sum_V h_nu h_eL / chi_V + omega g^2 / (2 chi_W) (W only for nu_e, after Fierz).

    exact: chi_W = s - m_W^2 (anti) or u - m_W^2 (nu), chi_Z(') = t - m^2 (Eq. B.16);
    otherwise the low-energy forms of Eq. (B.32). e_nu, t in GeV.
    """
    omega = _omega(flavour)
    e, tt = check_recoil(e_nu, t)
    v = point.vertices()
    q2 = -2.0 * M_E * tt                       # Mandelstam t
    if exact:
        s = M_E**2 + 2 * e * M_E
        u = M_E**2 - 2 * M_E * (e - tt)
        chi_w = (s if anti else u) - M_W**2
        chi_z = q2 - M_Z_TREE**2
    else:
        chi_w = -math.sqrt(2) * G2_WEAK / (8 * G_F) + 0 * e
        chi_z = -math.sqrt(2) * G2_WEAK / (8 * G_F * COS2_W) + 0 * e
    chi_zp = q2 - point.m_zp**2
    gp = v["Z"]["nu"] * v["Z"]["eR"] / chi_z + v["Zp"]["nu"] * v["Zp"]["eR"] / chi_zp
    gm = (omega * G2_WEAK / (2 * chi_w) + v["Z"]["nu"] * v["Z"]["eL"] / chi_z
          + v["Zp"]["nu"] * v["Zp"]["eL"] / chi_zp)
    return gp, gm


def _lindner_bracket(gp, gm, e, t, anti):
    y = 1.0 - t / e
    cross = M_E * t / e**2
    if anti:
        return gp**2 + gm**2 * y**2 - gp * gm * cross      # Eq. (B.24)
    return gm**2 + gp**2 * y**2 - gp * gm * cross          # Eq. (B.25)


def dsigma_dT(point: U1XPoint, e_nu: ArrayLike, t: ArrayLike, flavour: str = "e", anti: bool = False,
              exact: bool = True) -> float | np.ndarray:
    """Lindner Eqs. (B.24)/(B.25): dsigma/dT = (m_e / 4 pi)[...] [GeV^-3], from
    |M|^2 / (32 pi m_e E^2) (Eq. B.23 with the misprinted E_nu -> E_nu^2)."""
    e, tt = check_recoil(e_nu, t)
    gp, gm = G_pm(point, e, tt, flavour, anti, exact)
    return M_E / (4 * math.pi) * _lindner_bracket(gp, gm, e, tt, anti)


def r_factor(m_zp: float, t: ArrayLike) -> float | np.ndarray:
    """r = 1 / ((2 m_e T + m_Z'^2) G_F), Lindner Eq. (3.14) (dimensionless). m_zp in [1e-6, 1e4]
    GeV, t >= 0 GeV."""
    m_zp, t = mass("m_zp", m_zp), non_negative("t", t)
    return 1.0 / ((2 * M_E * np.asarray(t, float) + m_zp**2) * G_F)


def g_sm(alpha: ArrayLike, flavour: str = "e") -> tuple[float | np.ndarray, float | np.ndarray]:
    """(g_1^SM, g_2^SM) of Lindner Eq. (3.13) (with the c_alpha^2 of the Z exchange)."""
    omega = _omega(flavour)
    c2a = np.cos(alpha) ** 2
    return -2 * math.sqrt(2) * SIN2_W * c2a, math.sqrt(2) * c2a * (1 - 2 * SIN2_W) - 2 * math.sqrt(2) * omega


def a12(point: U1XPoint) -> tuple[float, float]:
    """(a_1, a_2): the Z-exchange change, from the vertex couplings: g_1 (Z part) =
    -4 sqrt2 c_W^2 h^Z_nu h^Z_eR / g^2 = g_1^SM + a_1 (low-energy chi_Z of Eq. B.32)."""
    v = point.vertices()["Z"]
    g1sm, g2sm = g_sm(point.alpha, "mu")
    k = -4 * math.sqrt(2) * COS2_W / G2_WEAK
    return k * v["nu"] * v["eR"] - g1sm, k * v["nu"] * v["eL"] - g2sm


def b12(point: U1XPoint) -> tuple[float, float]:
    """(b_1, b_2) = (-h^Z'_nu h^Z'_eR, -h^Z'_nu h^Z'_eL); in the no-mixing limit
    -g_X^2 Q_nu Q_e^{R,L} / 4 (the sign after Eq. 3.20 is misprinted)."""
    v = point.vertices()["Zp"]
    return -v["nu"] * v["eR"], -v["nu"] * v["eL"]


def g12(point: U1XPoint, t: ArrayLike, flavour: str = "e") -> tuple[float | np.ndarray, float | np.ndarray]:
    """(g_1, g_2) = g^SM + a + b r, Lindner Eq. (3.12) (low energy; dimensionless)."""
    g1sm, g2sm = g_sm(point.alpha, flavour)
    a1, a2 = a12(point)
    b1, b2 = b12(point)
    r = r_factor(point.m_zp, t)
    return g1sm + a1 + b1 * r, g2sm + a2 + b2 * r


def dsigma_dT_low_energy(point: U1XPoint, e_nu: ArrayLike, t: ArrayLike, flavour: str = "e",
                         anti: bool = False) -> float | np.ndarray:
    """Lindner Eqs. (3.9)/(3.10): (m_e G_F^2 / 4 pi)[g_1^2 + g_2^2 y^2 - g_1 g_2 m_e T / E^2] for
    antineutrinos (g_1 <-> g_2 for neutrinos; the sentence after Eq. 3.11 swaps the two). GeV^-3."""
    e, tt = check_recoil(e_nu, t)
    g1, g2 = g12(point, tt, flavour)
    return M_E * G_F**2 / (4 * math.pi) * _lindner_bracket(g1, g2, e, tt, anti)


# --- printed formulas (for the errata tests) ------------------------------------------------------

def _pp(point):
    m = point.model
    s2 = SIN2_W
    s, c = math.sqrt(s2), math.sqrt(1 - s2)
    return (m.q_nu, m.q_el, m.q_er, point.g_x, point.epsilon, math.sin(point.alpha),
            math.cos(point.alpha), s, c, G_WEAK, math.sqrt(1 - point.epsilon**2))


def a12_printed(point: U1XPoint) -> tuple[float, float]:
    """Lindner Eqs. (3.17), (3.18) as printed."""
    qn, ql, qr, gx, e, sa, ca, s, c, g, eta = _pp(point)
    r2, em1 = math.sqrt(2), e * e - 1
    a1 = (sa**2 * (gx**2 * r2 * c**2 * qn * qr / (g**2 * em1) + e * gx * r2 * s * c * (2 * qn + qr) / (g * em1)
                   + e**2 * 2 * r2 * s**2 / em1)
          + ca * sa * (-gx * r2 * eta * c * (2 * s**2 * qn + qr) / (g * em1) - e * 2 * r2 * eta * s * (s**2 + 1) / em1))
    a2 = (sa**2 * (gx**2 * r2 * c**2 * qn * ql / (g**2 * em1) + e * gx * r2 * c * s * (ql + qn) / (g * em1)
                   + e**2 * r2 * s**2 / em1)
          + ca * sa * (-gx * r2 * eta * c * ((2 * s**2 - 1) * qn + ql) / (g * em1) - e * 2 * r2 * eta * s**3 / em1))
    return a1, a2


def b12_printed(point: U1XPoint) -> tuple[float, float]:
    """Lindner Eqs. (3.19), (3.20) as printed."""
    qn, ql, qr, gx, e, sa, ca, s, c, g, eta = _pp(point)
    em1 = e * e - 1
    b1 = (ca**2 * (g**2 * e**2 * s**2 / (2 * em1 * c**2) + g * e * gx * s * qn / (2 * em1 * c)
                   + g * e * gx * s * qr / (4 * em1 * c) + gx**2 * qn * qr / (4 * em1))
          + ca * sa * (e * g**2 * eta * s * (s**2 + 1) / (2 * em1 * c**2) + gx * g * eta * (2 * s**2 * qn + qr) / (4 * em1 * c))
          + sa**2 * (-g**2 * s**2 / (2 * c**2)))
    b2 = (ca**2 * (e**2 * g**2 * s**2 / (4 * em1 * c**2) + gx * e * g * s * (ql + qn) / (4 * em1 * c)
                   + gx**2 * qn * ql / (4 * em1))
          + ca * sa * (-e * g**2 * s**3 / (2 * eta * c**2) - gx * g * ((2 * s**2 - 1) * qn + ql) / (4 * eta * c))
          + sa**2 * (g**2 * (1 - 2 * s**2) / (4 * c**2)))
    return b1, b2


def ab_from_B38(point: U1XPoint) -> tuple[float, float, float, float]:
    """(a_1, a_2, b_1, b_2) from Lindner Eqs. (B.28)-(B.31) and (B.38)-(B.39), with the
    misprint "eps_W" in (B.28) read as eps c_W."""
    qn, ql, qr, gx, e, sa, ca, s, c, g, eta = _pp(point)
    om = 1 - e * e
    a_p = (g * e * c * gx * s * (2 * qn + qr) + c**2 * gx**2 * qn * qr + 2 * g**2 * e**2 * s**2) / (2 * om)
    b_p = (-g * eta * c * gx * (2 * s**2 * qn + qr) - 2 * g**2 * e * eta * s**3 - 2 * g**2 * e * eta * s) / (2 * om)
    a_m = (-c * gx * ql - g * e * s) * (c * gx * qn + g * e * s) / (2 * (e * e - 1))
    b_m = g * eta * (c * gx * (-qn + 2 * s**2 * qn + ql) + 2 * g * e * s**3) / (2 * (e * e - 1))
    r2 = math.sqrt(2)
    a1 = -2 * r2 * (a_p * sa**2 + b_p * ca * sa) / g**2
    b1 = -(g**2 * sa**2 * s**2 + a_p * ca**2 - b_p * ca * sa) / (2 * c**2)
    a2 = -2 * r2 * (a_m * sa**2 + b_m * ca * sa) / g**2
    b2 = -(g**2 * sa**2 * (s**2 - 0.5) + a_m * ca**2 - b_m * ca * sa) / (2 * c**2)
    return a1, a2, b1, b2


# --- route 2: effective chiral couplings for Chiang's code ----------------------------------------

def pair_for(flavour: str) -> str:
    choice("flavour", flavour, FLAVOURS)
    return couplings.pair_of(flavour, flavour)


def ext_couplings(model: Model | str, g_x: ArrayLike, epsilon: ArrayLike = 0.0, alpha: ArrayLike = 0.0) -> np.ndarray:
    """(L0, R0, L1, R1) of the module doc for arrays g_x, epsilon, alpha (broadcast); shape
    (..., 4). Flavour-universal charges: the same for nu_e and nu_mu. Dimensionless."""
    model = get_model(model)
    v = current_couplings(model.charges, g_x, epsilon, alpha)
    sm_l, sm_r = _sm_products()
    zp, z = v["Zp"], v["Z"]
    out = np.stack(np.broadcast_arrays(zp["nu"] * zp["eL"], zp["nu"] * zp["eR"],
                                       z["nu"] * z["eL"] - sm_l, z["nu"] * z["eR"] - sm_r), axis=-1)
    return out


def propagator_factor(m_zp: float, t: ArrayLike) -> float | np.ndarray:
    """f(T) = (m_Z'^2 + 2 m_e T) / (m_Z^2 + 2 m_e T), m_Z = M_Z_TREE (dimensionless); m_zp in
    [1e-6, 1e4] GeV, t >= 0 GeV."""
    m_zp, t = mass("m_zp", m_zp), non_negative("t", t)
    q = 2 * M_E * np.asarray(t, float)
    return (m_zp**2 + q) / (M_Z_TREE**2 + q)


def chiang_couplings(point: U1XPoint, t: ArrayLike, flavour: str = "e") -> np.ndarray:
    """Chiang coupling vector(s) (:data:`xboson.couplings.BASIS`, shape (12, *t.shape)) that make
    Chiang's exact A1-A5 with m_X = m_Z' reproduce this U(1)_X point at recoil T [GeV]."""
    pair = pair_for(flavour)
    c0l, c0r, c1l, c1r = ext_couplings(point.model, point.g_x, point.epsilon, point.alpha)
    f = propagator_factor(point.m_zp, t)
    c = np.zeros((couplings.DIM,) + np.shape(f))
    c[couplings.index("L", pair)] = c0l + c1l * f
    c[couplings.index("R", pair)] = c0r + c1r * f
    return c


def dsigma_dT_chiang(point: U1XPoint, e_nu: ArrayLike, t: ArrayLike, flavour: str = "e",
                     anti: bool = False) -> float | np.ndarray:
    """dsigma/dT [GeV^-3] through Chiang's exact Eqs. (A1)-(A5) (:mod:`xboson.scattering`) with
    the effective couplings of :func:`chiang_couplings`."""
    e, tt = check_recoil(e_nu, t)
    terms = dsigma_dT_terms(e, tt, point.m_zp, flavour, anti)
    return terms.at(chiang_couplings(point, tt, flavour))
