"""(Anti)neutrino-electron elastic scattering nu_i e -> nu_j e with W, Z and X exchange.

Exact tree-level squared amplitudes of Chiang App. A, Eqs. (A1)-(A5) (antineutrinos by
s <-> u), and the low-energy forms Eqs. (5)-(8) and (14). The cross section is a quadratic
form in the real coupling products C_ij (:mod:`xboson.couplings`):

    dsigma/dT = SM + int_L C^L_ii + int_R C^R_ii
                + sum_j [x_LL (C^L_ji)^2 + x_RR (C^R_ji)^2 + x_LR C^L_ji C^R_ji],

the SM-X interference entering only for j = i. :class:`ScatteringTerms` holds these six
kinematic coefficients; integrating them over T and E (:mod:`xboson.averaging`) and then
assembling the form keeps every observable a quadratic form.

Units: energies in GeV, dsigma/dT in GeV^-3, sigma in GeV^-2.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import ArrayLike

from . import couplings
from .constants import COS2_W, G2_WEAK, G_F, GBAR_L, GBAR_R, M_E, M_W, M_Z_TREE
from .kinematics import E_NU_MAX, E_NU_MIN, check_recoil, invariants_unchecked
from .quadform import QuadraticForm
from .validation import choice, in_range, mass

__all__ = ["INCOMING", "ScatteringTerms", "dsigma_dT_terms", "dsigma_dT", "dsigma_dT_effective",
           "sigma_nue_eq8"]

INCOMING = ("e", "mu", "tau")


@dataclass(frozen=True)
class ScatteringTerms:
    """Kinematic coefficients of the quadratic form for an incoming nu_i (see module doc).

    Each field is an array (or float) in the units of the quantity it builds
    (GeV^-3 for dsigma/dT, GeV^-2 for sigma, times spectrum units after averaging).
    """

    sm: np.ndarray
    int_l: np.ndarray
    int_r: np.ndarray
    x_ll: np.ndarray
    x_rr: np.ndarray
    x_lr: np.ndarray
    flavour: str

    def map(self, fn: Callable[[np.ndarray], float | np.ndarray]) -> ScatteringTerms:
        """Apply ``fn`` (e.g. an integration) to every coefficient array."""
        kw = {f.name: fn(getattr(self, f.name)) for f in fields(self) if f.name != "flavour"}
        return ScatteringTerms(flavour=self.flavour, **kw)

    def form(self) -> QuadraticForm:
        """The quadratic form in :data:`xboson.couplings.BASIS` (scalar coefficients)."""
        n = couplings.DIM
        lin = np.zeros(n)
        quad = np.zeros((n, n))
        i = self.flavour
        lin[couplings.index("L", couplings.pair_of(i, i))] = self.int_l
        lin[couplings.index("R", couplings.pair_of(i, i))] = self.int_r
        for j in couplings.FLAVOURS:
            p = couplings.pair_of(i, j)
            kl, kr = couplings.index("L", p), couplings.index("R", p)
            quad[kl, kl] += self.x_ll
            quad[kr, kr] += self.x_rr
            quad[kl, kr] += 0.5 * self.x_lr
            quad[kr, kl] += 0.5 * self.x_lr
        return QuadraticForm(float(self.sm), lin, quad)

    def at(self, c: np.ndarray) -> float | np.ndarray:
        """Evaluate at one coupling vector ``c`` (pointwise in the coefficient arrays)."""
        i = self.flavour
        pii = couplings.pair_of(i, i)
        val = self.sm + self.int_l * c[couplings.index("L", pii)] + self.int_r * c[couplings.index("R", pii)]
        for j in couplings.FLAVOURS:
            p = couplings.pair_of(i, j)
            cl, cr = c[couplings.index("L", p)], c[couplings.index("R", p)]
            val = val + self.x_ll * cl**2 + self.x_rr * cr**2 + self.x_lr * cl * cr
        return val


def _squared_amplitude_terms(sm_, t, um, m_x, flavour, anti):
    """Spin-averaged |M|^2 pieces of Chiang Eqs. (A2), (A3), (A5) in GeV^0.

    sm_, t, um are s - m_e^2, t, u - m_e^2 [GeV^2]; antineutrinos swap s <-> u (App. A).
    """
    if anti:
        sm_, um = um, sm_
    omega = 1.0 if flavour == "e" else 0.0
    me2 = M_E**2
    g2, c2 = G2_WEAK, COS2_W
    u_w = um + me2 - M_W**2            # U_W = u - m_W^2 (s - m_W^2 for antineutrinos)
    t_z = t - M_Z_TREE**2              # T_Z, Eq. (A4)
    t_x = t - m_x**2                   # T_X, Eq. (A4)
    s2, u2 = sm_**2, um**2
    w_l = s2 + me2**2 * t / (2 * M_W**2)          # W-line structures of (A2), (A3)
    w_r = me2 * (t + u2 / (2 * M_W**2))
    sm_part = (omega * g2**2 / (2 * u_w**2) * (s2 + me2**2 * t / M_W**2 + me2**2 * u2 / (4 * M_W**4))
               + omega * g2**2 / (c2 * u_w * t_z) * (GBAR_L * w_l + GBAR_R * w_r)
               + g2**2 / (2 * c2**2 * t_z**2) * (GBAR_L**2 * s2 + GBAR_R**2 * u2 + 2 * GBAR_L * GBAR_R * me2 * t))
    int_l = omega * 2 * g2 / (u_w * t_x) * w_l + 2 * g2 / (c2 * t_z * t_x) * (GBAR_L * s2 + GBAR_R * me2 * t)
    int_r = omega * 2 * g2 / (u_w * t_x) * w_r + 2 * g2 / (c2 * t_z * t_x) * (GBAR_R * u2 + GBAR_L * me2 * t)
    x_ll = 2 * s2 / t_x**2
    x_rr = 2 * u2 / t_x**2
    x_lr = 4 * me2 * t / t_x**2
    return sm_part, int_l, int_r, x_ll, x_rr, x_lr


def dsigma_dT_terms(e_nu: ArrayLike, t: ArrayLike, m_x: float, flavour: str = "e",
                    anti: bool = False) -> ScatteringTerms:
    """Exact dsigma/dT coefficients for nu_i e -> nu e (anti: nubar_i e -> nubar e).

    Chiang Eq. (4) with the squared amplitudes (A1)-(A5); antineutrinos by s <-> u.
    e_nu: incoming energy [GeV] in [1e-9, 1e6]; t: electron recoil kinetic energy [GeV],
    0 <= T <= T_max (Eq. A7); m_x: X mass [GeV] in [1e-6, 1e4]; flavour: 'e', 'mu' or 'tau'
    (incoming); anti: bool. Couplings (elsewhere in this module): |C| <= (4 pi)^2.
    Returns :class:`ScatteringTerms` in GeV^-3.
    """
    choice("flavour", flavour, INCOMING)
    m_x = mass("m_x", m_x)
    e, tt = check_recoil(e_nu, t)
    # the invariants on the inputs' own shapes (e.g. E (N, 1) against T (N, n)): factors that
    # depend on E alone stay small; the terms are broadcast to the common shape at the end
    e0, t0 = np.asarray(e_nu, float), np.asarray(t, float)
    sm_, t_m, um = invariants_unchecked(e0, t0)
    parts = _squared_amplitude_terms(sm_, t_m, um, m_x, flavour, anti)
    norm = 1.0 / (32.0 * math.pi * e0**2 * M_E)
    terms = (norm * p for p in parts)
    return ScatteringTerms(*(x if np.shape(x) == e.shape else np.broadcast_to(x, e.shape).copy() for x in terms),
                           flavour=flavour)


def dsigma_dT(e_nu: ArrayLike, t: ArrayLike, m_x: float, c: ArrayLike | None = None, flavour: str = "e",
              anti: bool = False, **named: float) -> float | np.ndarray:
    """Exact dsigma/dT [GeV^-3] at couplings ``c`` (a :func:`xboson.couplings.vector`) or
    named couplings, e.g. ``dsigma_dT(0.03, 0.01, 0.005, L_ee=1e-12)``. Chiang Eqs. (4), (A1)-(A5)."""
    cvec = couplings.vector(named) if c is None else couplings.as_vector(c)
    return dsigma_dT_terms(e_nu, t, m_x, flavour, anti).at(cvec)


def dsigma_dT_effective(e_nu: ArrayLike, t: ArrayLike, m_x: float, c: ArrayLike | None = None, flavour: str = "e",
                        anti: bool = False, finite_mass: bool = True, **named: float) -> float | np.ndarray:
    """Low-energy dsigma/dT [GeV^-3], Chiang Eqs. (5)-(7) (antineutrinos: 1 + gbar_L <-> gbar_R
    and L <-> R, as stated after Eq. 11; Eq. 14 is its SM part).

    With ``finite_mass`` the X propagator is kept, rho -> rho m_X^2 / (m_X^2 + 2 m_e T);
    otherwise the contact (heavy-X) form of the paper. Units as :func:`dsigma_dT_terms`.
    """
    choice("flavour", flavour, INCOMING)
    m_x = mass("m_x", m_x)
    e, tt = check_recoil(e_nu, t)
    cvec = couplings.vector(named) if c is None else couplings.as_vector(c)
    prop = m_x**2 + 2 * M_E * tt if finite_mass else m_x**2 + 0 * tt   # m_X^2 - t
    omega = 1.0 if flavour == "e" else 0.0
    pii = couplings.pair_of(flavour, flavour)
    gl = omega + GBAR_L + cvec[couplings.index("L", pii)] / (2 * math.sqrt(2) * G_F * prop)
    gr = GBAR_R + cvec[couplings.index("R", pii)] / (2 * math.sqrt(2) * G_F * prop)
    y = 1.0 - tt / e
    cross = M_E * tt / e**2
    if anti:
        fd = gr**2 + gl**2 * y**2 - gl * gr * cross
    else:
        fd = gl**2 + gr**2 * y**2 - gl * gr * cross
    out = 2 * G_F**2 * M_E / math.pi * fd
    for j in couplings.FLAVOURS:
        if j == flavour:
            continue
        p = couplings.pair_of(flavour, j)
        cl, cr = cvec[couplings.index("L", p)], cvec[couplings.index("R", p)]
        a, b = (cr, cl) if anti else (cl, cr)
        out = out + M_E / (4 * math.pi * prop**2) * (a**2 + b**2 * y**2 - cl * cr * cross)
    return out


def sigma_nue_eq8(e_nu: ArrayLike, m_x: float, c: ArrayLike | None = None, **named: float) -> float | np.ndarray:
    """Total nu_e e cross section [GeV^-2] in the contact approximation, Chiang Eq. (8).

    Valid for E >> m_e and m_X^2 >> 2 m_e T_max; accurate to O(m_e/E) only.
    e_nu [GeV], m_x [GeV].
    """
    e = in_range("e_nu", e_nu, E_NU_MIN, E_NU_MAX, unit="GeV")
    m_x = mass("m_x", m_x)
    cvec = couplings.vector(named) if c is None else couplings.as_vector(c)
    rl = cvec[couplings.index("L", "ee")] / (2 * math.sqrt(2) * G_F * m_x**2)
    rr = cvec[couplings.index("R", "ee")] / (2 * math.sqrt(2) * G_F * m_x**2)
    fc = sum(cvec[couplings.index("L", p)] ** 2 + cvec[couplings.index("R", p)] ** 2 / 3
             for p in ("emu", "etau"))
    return (2 * G_F**2 * e * M_E / math.pi * ((1 + GBAR_L + rl) ** 2 + (GBAR_R + rr) ** 2 / 3)
            + e * M_E / (4 * math.pi * m_x**4) * fc)
