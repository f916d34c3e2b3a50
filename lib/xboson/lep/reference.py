"""Independent check of Chiang Eqs. (A12)-(A14): the tree diagrams of
e-(p1) e+(p2) -> nu(q1) nubar(q2) gamma(k) evaluated numerically with explicit Dirac matrices
and massless helicity spinors, summed over spins and the two physical photon polarisations.

Slow (a Python loop over 32 helicity/polarisation states per point) and meant for tests only.
Feynman rules from Chiang Eqs. (1)-(2) (metric +,-,-,-; Weyl representation; P_L = (1-g5)/2):

* neutral exchange V = Z, X (s'-channel), photon from the e- or e+ line: together
  e g^2 sum_C G_C J_nu^mu  vbar(p2) [ g_mu P_C (p1-k)slash eps/kappa_- + eps (k-p2)slash g_mu P_C/kappa_+ ] u(p1)
  with G_C of Eq. (A16) (the Z and X couplings enter only through G_C);
* W exchange (t-channel), photon from e-, e+ or the W line, with the Fermi-statistics sign
  -1 relative to the s'-channel diagrams (as between the s- and t-channel graphs of Bhabha
  scattering); the sign of the W W gamma vertex is fixed by gauge invariance (k . M = 0),
  which :func:`ward_residual` checks (``www_sign=-1`` with the vertex convention of
  :func:`amplitude`; ``+1`` violates the Ward identity at O(1)).
"""

from __future__ import annotations

import numpy as np

from .amplitudes import E2, G2, w_prop

__all__ = ["GAMMA", "G5", "PL", "PR", "METRIC", "slash", "spinors", "bar", "polarisations", "amplitude",
           "msq", "ward_residual"]

_S0 = np.eye(2, dtype=complex)
_S = [np.array([[0, 1], [1, 0]], complex), np.array([[0, -1j], [1j, 0]], complex),
      np.array([[1, 0], [0, -1]], complex)]
_Z2 = np.zeros((2, 2), complex)
GAMMA = [np.block([[_Z2, _S0], [_S0, _Z2]])] + [np.block([[_Z2, s], [-s, _Z2]]) for s in _S]
G5 = np.diag([-1, -1, 1, 1]).astype(complex)
PL = 0.5 * (np.eye(4) - G5)
PR = 0.5 * (np.eye(4) + G5)
METRIC = np.diag([1.0, -1.0, -1.0, -1.0])


def slash(p: np.ndarray) -> np.ndarray:
    """gamma^mu p_mu for a real four-vector p (contravariant components) [GeV]."""
    return GAMMA[0] * p[0] - GAMMA[1] * p[1] - GAMMA[2] * p[2] - GAMMA[3] * p[3]


def spinors(p: np.ndarray) -> list[np.ndarray]:
    """The two massless helicity spinors of momentum p; sum_s u ubar = pslash (both for u and v)."""
    e = p[0]
    th = np.arccos(np.clip(p[3] / e, -1, 1))
    ph = np.arctan2(p[2], p[1])
    xp = np.array([np.cos(th / 2), np.exp(1j * ph) * np.sin(th / 2)])
    xm = np.array([-np.exp(-1j * ph) * np.sin(th / 2), np.cos(th / 2)])
    r = np.sqrt(2 * e)
    return [np.concatenate([r * xm, [0, 0]]), np.concatenate([[0, 0], r * xp])]


def bar(u: np.ndarray) -> np.ndarray:
    return u.conj() @ GAMMA[0]


def polarisations(k: np.ndarray) -> list[np.ndarray]:
    """Two real transverse polarisation four-vectors of a photon of momentum k."""
    kh = k[1:] / np.linalg.norm(k[1:])
    a = np.array([1.0, 0, 0]) if abs(kh[0]) < 0.9 else np.array([0, 1.0, 0])
    e1 = np.cross(kh, a)
    e1 /= np.linalg.norm(e1)
    e2 = np.cross(kh, e1)
    return [np.concatenate([[0.0], e1]), np.concatenate([[0.0], e2])]


def _mdot(a, b):
    return a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3]


def amplitude(p1: np.ndarray, p2: np.ndarray, q1: np.ndarray, q2: np.ndarray, k: np.ndarray, eps: np.ndarray,
              sp_e: np.ndarray, sp_p: np.ndarray, sp_n: np.ndarray, sp_nb: np.ndarray, gl: complex, gr: complex, *,
              w_on: bool = True, www_sign: float = -1.0,
              parts: bool = False) -> complex | tuple[complex, complex, complex, complex]:
    """M for one helicity configuration and photon polarisation vector ``eps`` (may be k).

    gl, gr: G_L^ee, G_R^ee [GeV^-2] (Eq. A16); w_on: include the three W diagrams (nu_e final
    state). Returns the dimensionless amplitude (or the pieces if ``parts``).
    """
    e = np.sqrt(E2)
    g2 = G2
    u1 = sp_e                 # u(p1), e-
    vb2 = bar(sp_p)           # vbar(p2), e+
    ub_n = bar(sp_n)          # ubar(q1), nu
    v_nb = sp_nb              # v(q2), nubar
    es = slash(eps)
    km = 2 * _mdot(p1, k)
    kp = 2 * _mdot(p2, k)
    s1 = slash(p1 - k)
    s2 = slash(k - p2)
    jn = np.array([ub_n @ GAMMA[m] @ PL @ v_nb for m in range(4)])    # J_nu^mu
    jn_low = METRIC @ jn
    neutral = 0.0
    for gc, pc in ((gl, PL), (gr, PR)):
        for m in range(4):
            gm = GAMMA[m]
            line = vb2 @ (gm @ pc @ s1 @ es / km + es @ s2 @ gm @ pc / kp) @ u1
            neutral = neutral + e * g2 * gc * jn_low[m] * line
    if not w_on:
        return neutral
    t = _mdot(p2 - q2, p2 - q2)
    tp = _mdot(p1 - q1, p1 - q1)
    w, wp = w_prop(t), w_prop(tp)
    cw = -1.0 * e * g2 / 2.0          # Fermi-statistics sign relative to the s'-channel graphs
    j1a = np.array([ub_n @ GAMMA[m] @ PL @ s1 @ es @ u1 for m in range(4)]) / km    # photon on e-
    j2 = np.array([vb2 @ GAMMA[m] @ PL @ v_nb for m in range(4)])
    j1 = np.array([ub_n @ GAMMA[m] @ PL @ u1 for m in range(4)])
    j2b = np.array([vb2 @ es @ s2 @ GAMMA[m] @ PL @ v_nb for m in range(4)]) / kp     # photon on e+
    mc = cw * _mdot(j1a, j2) / w
    md = cw * _mdot(j1, j2b) / wp
    k1, k2, k3 = p1 - q1, p2 - q2, -k
    vtx = (_mdot(j1, j2) * _mdot(k1 - k2, eps) + _mdot(j2, eps) * _mdot(k2 - k3, j1)
           + _mdot(eps, j1) * _mdot(k3 - k1, j2))
    me = www_sign * cw * vtx / (w * wp)
    if parts:
        return neutral, mc, md, me
    return neutral + mc + md + me


def msq(p1: np.ndarray, p2: np.ndarray, q1: np.ndarray, q2: np.ndarray, k: np.ndarray, gl: complex, gr: complex, *,
        w_on: bool = True, www_sign: float = -1.0) -> float:
    """Spin-averaged, polarisation-summed |M|^2 (dimensionless) at one phase-space point."""
    tot = 0.0
    pols = polarisations(k)
    for se in spinors(p1):
        for spp in spinors(p2):
            for sn in spinors(q1):
                for snb in spinors(q2):
                    for eps in pols:
                        a = amplitude(p1, p2, q1, q2, k, eps, se, spp, sn, snb, gl, gr, w_on=w_on,
                                      www_sign=www_sign)
                        tot += abs(a) ** 2
    return tot / 4.0


def ward_residual(p1: np.ndarray, p2: np.ndarray, q1: np.ndarray, q2: np.ndarray, k: np.ndarray, *,
                  www_sign: float = -1.0) -> float:
    """max |M(eps -> k)| / max |M(eps)| for the W graphs alone (zero when gauge invariant)."""
    res, ref = 0.0, 0.0
    pols = polarisations(k)
    for se in spinors(p1):
        for spp in spinors(p2):
            for sn in spinors(q1):
                for snb in spinors(q2):
                    _, mc, md, me = amplitude(p1, p2, q1, q2, k, k, se, spp, sn, snb, 0.0, 0.0,
                                              www_sign=www_sign, parts=True)
                    res = max(res, abs(mc + md + me))
                    for eps in pols:
                        _, mc, md, me = amplitude(p1, p2, q1, q2, k, eps, se, spp, sn, snb, 0.0, 0.0,
                                                  www_sign=www_sign, parts=True)
                        ref = max(ref, abs(mc + md + me))
    return res / ref
