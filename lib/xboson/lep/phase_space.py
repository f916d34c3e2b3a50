"""Three-body kinematics of e+ e- -> nu nubar gamma (Chiang Eq. 12 and Eqs. A9-A11).

Frame: e+e- centre of mass, e- along +z, e+ along -z. A phase-space point is given by

* x = 2 E_gamma / sqrt(s)  (so s' = s (1 - x)),
* y = cos theta_gamma, the photon angle to the e- beam (azimuth 0; the phi_gamma integral
  is the factor 2 pi already inside the prefactor of Eq. 12),
* (cos theta*, phi*) of the neutrino in the nu nubar rest frame, axes parallel to the lab axes.

With these variables Eq. (12) reads (massless neutrinos, E_gamma dE_gamma = s x dx / 4)

    sigma = 1 / (8 (4 pi)^4) * int x dx dy dOmega*  sum |M|^2 .

All momenta are four-vectors in GeV with the metric (+,-,-,-); arrays carry the phase-space
points in their leading axes and the Lorentz index last.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..validation import finite, in_range

__all__ = ["dot", "levi", "Point", "momenta", "Invariants", "invariants"]


def dot(a: np.ndarray, b: np.ndarray) -> float | np.ndarray:
    """Minkowski product a.b (metric +,-,-,-) over the last axis [GeV^2]."""
    return a[..., 0] * b[..., 0] - a[..., 1] * b[..., 1] - a[..., 2] * b[..., 2] - a[..., 3] * b[..., 3]


def levi(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> float | np.ndarray:
    """epsilon_{mu nu rho sigma} a^mu b^nu c^rho d^sigma with epsilon_{0123} = +1.

    This is the convention in which Chiang Eq. (A12) is right (errata page; checked
    against an explicit evaluation of the Feynman diagrams in tests/test_lep_amplitudes.py).
    With lower-index epsilon_{0123} = +1 the contraction with contravariant components is the
    determinant of the 4x4 matrix whose rows are a, b, c, d.
    """
    a, b, c, d = np.broadcast_arrays(a, b, c, d)
    # Laplace expansion in 2x2 minors of rows (a, b) and (c, d)
    def m2(u, v, i, j):
        return u[..., i] * v[..., j] - u[..., j] * v[..., i]
    return (m2(a, b, 0, 1) * m2(c, d, 2, 3) - m2(a, b, 0, 2) * m2(c, d, 1, 3)
            + m2(a, b, 0, 3) * m2(c, d, 1, 2) + m2(a, b, 1, 2) * m2(c, d, 0, 3)
            - m2(a, b, 1, 3) * m2(c, d, 0, 2) + m2(a, b, 2, 3) * m2(c, d, 0, 1))


@dataclass(frozen=True)
class Point:
    """Momenta [GeV] at a set of phase-space points: p1 = e-, p2 = e+, q1 = nu, q2 = nubar, k = gamma."""

    p1: np.ndarray
    p2: np.ndarray
    q1: np.ndarray
    q2: np.ndarray
    k: np.ndarray


def momenta(sqrt_s: float, x: float | np.ndarray, y: float | np.ndarray, cos_star: float | np.ndarray,
            phi_star: float | np.ndarray) -> Point:
    """Four-momenta for e-(p1) e+(p2) -> nu(q1) nubar(q2) gamma(k) (Chiang Eq. 12 variables).

    sqrt_s [GeV]; x = 2E_gamma/sqrt(s) in (0, 1); y = cos theta_gamma (to the e- beam);
    (cos_star, phi_star): neutrino direction in the nu nubar rest frame. Arrays broadcast.
    Domain: sqrt_s in (0, 1e4] GeV, 0 < x <= 1, |y| <= 1, |cos_star| <= 1, phi_star finite.
    """
    sqrt_s = in_range("sqrt_s", sqrt_s, 0.0, 1e4, lo_open=True, unit="GeV")
    x = in_range("x", x, 0.0, 1.0, lo_open=True)
    y = in_range("y", y, -1.0, 1.0)
    cos_star = in_range("cos_star", cos_star, -1.0, 1.0)
    phi_star = finite("phi_star", phi_star)
    x, y, cs, ph = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (x, y, cos_star, phi_star)))
    e = 0.5 * sqrt_s
    shape = x.shape
    one = np.ones(shape)
    zero = np.zeros(shape)
    p1 = np.stack([e * one, zero, zero, e * one], axis=-1)
    p2 = np.stack([e * one, zero, zero, -e * one], axis=-1)
    eg = x * e
    sy = np.sqrt(np.clip(1.0 - y * y, 0.0, None))
    k = np.stack([eg, eg * sy, zero, eg * y], axis=-1)
    # nu nubar system: Q = p1 + p2 - k, mass^2 s' = s (1 - x)
    q0 = sqrt_s - eg
    qv = -k[..., 1:]
    m_q = np.sqrt(np.clip(sqrt_s**2 * (1.0 - x), 0.0, None))
    ss = np.sqrt(np.clip(1.0 - cs * cs, 0.0, None))
    n = np.stack([ss * np.cos(ph), ss * np.sin(ph), cs], axis=-1)
    half = 0.5 * m_q
    # boost (half, +-half n) from the Q rest frame to the lab: velocity beta = qv / q0
    gam = q0 / np.where(m_q > 0, m_q, 1.0)
    bv = qv / q0[..., None]
    b2 = np.sum(bv * bv, axis=-1)
    bp = np.sum(bv * n, axis=-1) * half       # beta . p* for the neutrino
    fac = np.where(b2 > 0, (gam - 1.0) / np.where(b2 > 0, b2, 1.0), 0.0)

    def boost(sign):
        pe = gam * (half + sign * bp)
        pv = sign * half[..., None] * n + (fac * sign * bp)[..., None] * bv + (gam * half)[..., None] * bv
        return np.concatenate([pe[..., None], pv], axis=-1)

    q1 = boost(+1.0)
    q2 = boost(-1.0)
    return Point(p1, p2, q1, q2, k)


@dataclass(frozen=True)
class Invariants:
    """The invariants of Chiang Eqs. (A9)-(A11) [GeV^2] and the two epsilon contractions of
    Eq. (A12): eps_m = eps(p_e-, p_nu, p_nubar, p_gamma), eps_p = eps(p_e+, p_nu, p_nubar, p_gamma)."""

    s: np.ndarray
    t: np.ndarray
    u: np.ndarray
    sp: np.ndarray
    tp: np.ndarray
    up: np.ndarray
    kp: np.ndarray
    km: np.ndarray
    kpp: np.ndarray
    kmp: np.ndarray
    eps_m: np.ndarray
    eps_p: np.ndarray


def invariants(pt: Point) -> Invariants:
    """Chiang Eqs. (A9)-(A11): s = (p_e+ + p_e-)^2, t = (p_e+ - p_nubar)^2, u = (p_e+ - p_nu)^2,
    s' = (p_nubar + p_nu)^2, t' = (p_e- - p_nu)^2, u' = (p_e- - p_nubar)^2,
    kappa_+- = 2 p_e+- . p_gamma, kappa'_+ = 2 p_nubar . p_gamma, kappa'_- = 2 p_nu . p_gamma."""
    p1, p2, q1, q2, k = pt.p1, pt.p2, pt.q1, pt.q2, pt.k
    return Invariants(
        s=2.0 * dot(p1, p2),
        t=-2.0 * dot(p2, q2),
        u=-2.0 * dot(p2, q1),
        sp=2.0 * dot(q1, q2),
        tp=-2.0 * dot(p1, q1),
        up=-2.0 * dot(p1, q2),
        kp=2.0 * dot(p2, k),
        km=2.0 * dot(p1, k),
        kpp=2.0 * dot(q2, k),
        kmp=2.0 * dot(q1, k),
        eps_m=levi(p1, q1, q2, k),
        eps_p=levi(p2, q1, q2, k),
    )
