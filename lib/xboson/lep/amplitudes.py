"""Squared amplitudes of e+ e- -> nu_i nubar_j gamma: Chiang Eqs. (A12)-(A16).

Spin-averaged |M|^2 (dimensionless) as printed in Chiang App. A, with these corrections
(book/_parts/errata_chiang_sec6.md, checked against the explicit diagrams):

* Eq. (A12), 2nd and 3rd lines: the factors printed ``u^2`` and ``u'^2`` are the invariants
  u-hat^2 and u-hat'^2 of Eqs. (A9)-(A10);
* the Levi-Civita symbol has epsilon_{0123} = +1 (:func:`xboson.lep.phase_space.levi`);
* Eq. (A14): |G_R^{jl}| is squared, as in (A13).

All three are checked against an explicit evaluation of the seven Feynman diagrams with Dirac
matrices (:mod:`xboson.lep.reference`, tests/test_lep_amplitudes.py).

Parameters (Chiang App. A): alpha = 1/128, G_F = 1.166e-5 GeV^-2, sin^2 theta_W = 0.23,
g^2 = 4 sqrt(2) G_F m_W^2; m_W, Gamma_W, m_Z, Gamma_Z from PDG 2012 (:mod:`xboson.constants`).

For the quadratic-form machinery the flavour-summed |M|^2 is split into pieces whose
coefficients depend on s' only (:func:`kernels`).
"""

from __future__ import annotations

import math

import numpy as np

from ..validation import coupling_product, finite, mass, width
from ..constants import ALPHA_LEP, COS2_W, G2_WEAK, GAMMA_W, GAMMA_Z, GBAR_L, GBAR_R, M_W, M_Z
from .phase_space import Invariants

__all__ = ["E2", "G2", "G4", "w_prop", "d_prop", "z_part", "g_coupling", "msq_ee", "msq_jj", "kernels"]

#: e^2 = 4 pi alpha with alpha = 1/128 (Chiang App. A).
E2 = 4.0 * math.pi * ALPHA_LEP
#: g^2 = 4 sqrt(2) G_F m_W^2 (Chiang after Eq. A16).
G2 = G2_WEAK
G4 = G2 * G2


def w_prop(t: float | np.ndarray, m_w: float = M_W, gamma_w: float = GAMMA_W) -> complex | np.ndarray:
    """Chiang Eq. (A15): W = t - m_W^2 + i Gamma_W m_W [GeV^2] (t in GeV^2)."""
    return t - m_w**2 + 1j * gamma_w * m_w


def d_prop(sp: float | np.ndarray, m: float, gamma: float) -> complex | np.ndarray:
    """Denominator s' - m^2 + i Gamma m [GeV^2] of Chiang Eq. (A16)."""
    return sp - m * m + 1j * gamma * m


def z_part(sp: float | np.ndarray, chirality: str) -> complex | np.ndarray:
    """Z term of Chiang Eq. (A16): gbar_C / (2 c_W^2 (s' - m_Z^2 + i Gamma_Z m_Z)) [GeV^-2]."""
    gbar = GBAR_L if chirality == "L" else GBAR_R
    return gbar / (2.0 * COS2_W * d_prop(sp, M_Z, GAMMA_Z))


def g_coupling(sp: float | np.ndarray, chirality: str, coupling: float, m_x: float, gamma_x: float,
               diagonal: bool) -> complex | np.ndarray:
    """Chiang Eq. (A16): G_C^{ll'} = delta_ll' gbar_C/(2 c_W^2 D_Z) + C_ll'/(g^2 D_X) [GeV^-2].

    ``coupling`` is the real product C_ll' (dimensionless, |C| <= (4 pi)^2); m_x in [1e-6, 1e4]
    GeV, gamma_x in [1e-10 m_x, m_x]; sp [GeV^2] finite.
    """
    m_x = mass("m_x", m_x)
    gamma_x = width("gamma_x", gamma_x, m_x)
    coupling = coupling_product("coupling", coupling)
    sp = finite("sp", sp)
    out = coupling / (G2 * d_prop(sp, m_x, gamma_x))
    if diagonal:
        out = out + z_part(sp, chirality)
    return out


def msq_ee(inv: Invariants, gl: complex | np.ndarray, gr: complex | np.ndarray, *, eps_sign: float = 1.0,
           swap_lines23: bool = False) -> float | np.ndarray:
    """Chiang Eq. (A12) (corrected, see module doc): spin-averaged |M|^2 for
    e+e- -> nu_e nubar_e gamma (dimensionless).

    gl, gr: G_L^ee, G_R^ee of Eq. (A16) [GeV^-2] (arrays broadcasting with the invariants).
    ``eps_sign=-1`` uses epsilon_{0123} = -1 and ``swap_lines23=True`` multiplies lines 2-3 by
    u-hat'^2, u-hat^2 instead; both exist only for the errata tests, which show that these
    readings disagree with the explicit diagrams.
    """
    w = w_prop(inv.t)
    wp = w_prop(inv.tp)
    a = 2.0 * gl + 1.0 / w
    ap = 2.0 * gl + 1.0 / wp
    u2, up2 = inv.u**2, inv.up**2
    n1 = inv.km * inv.sp - inv.kpp * inv.tp + inv.kmp * inv.up + 4j * eps_sign * inv.eps_m
    n2 = inv.kp * inv.sp - inv.kmp * inv.t + inv.kpp * inv.u + 4j * eps_sign * inv.eps_p
    ww = w * wp
    f2, f3 = (up2, u2) if swap_lines23 else (u2, up2)
    brace = ((np.abs(a) ** 2 * u2 + np.abs(ap) ** 2 * up2 + 4.0 * np.abs(gr) ** 2 * (inv.t**2 + inv.tp**2)) * inv.sp
             - np.real(np.conj(a) * n1 / ww) * f2
             - np.real(np.conj(ap) * n2 / ww) * f3
             - (inv.km * inv.kpp * inv.tp * u2 + inv.kp * inv.kmp * inv.t * up2) / np.abs(ww) ** 2)
    return E2 * G4 / (2.0 * inv.km * inv.kp) * brace


def msq_jj(inv: Invariants, gl: complex | np.ndarray, gr: complex | np.ndarray) -> float | np.ndarray:
    """Chiang Eq. (A13) (also A14, read with |G_R|^2 as in A13; see the errata page): |M|^2 for nu_j nubar_l gamma
    without W exchange (j = l = mu, tau, or j != l). gl, gr [GeV^-2]; dimensionless result."""
    return (2.0 * E2 * G4 / (inv.km * inv.kp)
            * (np.abs(gl) ** 2 * (inv.u**2 + inv.up**2) + np.abs(gr) ** 2 * (inv.t**2 + inv.tp**2)) * inv.sp)


def kernels(inv: Invariants) -> dict:
    """The s'-independent-coefficient decomposition of Eqs. (A12)-(A14) at each point.

    With G_C^{ll'} = delta_ll' z_C(s') + C_ll' h(s') / g^2 (h = 1/(s' - m_X^2 + i Gamma_X m_X)),
    the flavour-summed |M|^2 entering Eq. (12) is exactly

        sum_{i,j} |M_ij|^2 = sum_{j=e,mu,tau} ( |G_L^jj|^2 KL + |G_R^jj|^2 KR )
                             + Re( conj(G_L^ee) KB ) + KP
                             + 2 sum_{pairs j<l} ( |G_L^jl|^2 KL + |G_R^jl|^2 KR ),

    the last line counting both charge-conjugate final states nu_j nubar_l and nu_l nubar_j
    (Chiang Sec. VIII) with real symmetric C_jl = C_lj. Returns KL, KR [GeV^4], KB [GeV^2],
    complex, and KP (pure W exchange, dimensionless), all without the G factors.
    """
    pre = E2 * G4 / (2.0 * inv.km * inv.kp)
    w = w_prop(inv.t)
    wp = w_prop(inv.tp)
    ww = w * wp
    u2, up2 = inv.u**2, inv.up**2
    n1 = inv.km * inv.sp - inv.kpp * inv.tp + inv.kmp * inv.up + 4j * inv.eps_m
    n2 = inv.kp * inv.sp - inv.kmp * inv.t + inv.kpp * inv.u + 4j * inv.eps_p
    kl = 4.0 * pre * (u2 + up2) * inv.sp
    kr = 4.0 * pre * (inv.t**2 + inv.tp**2) * inv.sp
    kb = pre * (4.0 * (u2 / w + up2 / wp) * inv.sp - 2.0 * (n1 * u2 + n2 * up2) / ww)
    kp = pre * ((u2 / np.abs(w) ** 2 + up2 / np.abs(wp) ** 2) * inv.sp
                - np.real(np.conj(1.0 / w) * n1 / ww) * u2
                - np.real(np.conj(1.0 / wp) * n2 / ww) * up2
                - (inv.km * inv.kpp * inv.tp * u2 + inv.kp * inv.kmp * inv.t * up2) / np.abs(ww) ** 2)
    return {"KL": kl, "KR": kr, "KB": kb, "KP": kp}
