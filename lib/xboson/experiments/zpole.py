"""Z-pole observables with one-loop X corrections: Chiang et al. Sec. VII, Eqs. (19)-(20).

All masses and widths in GeV. The X boson modifies the Z e e (Z nu nu) vertex and the
electron (neutrino) self-energy at one loop; Chiang Eq. (19) writes the effective chiral
couplings as

    C'_e = (g gbar_C / c_w) (1 + F(delta) g_Ce^2),   C = L, R,   delta = m_X^2 / m_Z^2,

with the complex loop function F(delta) of Eq. (19), and Eq. (20) for Gamma(Z -> nu nu-bar).
The SM parts are tree level with g_eff = 0.6517 and s^2_w,eff = 0.23146 (Chiang Sec. VII).

Numerics of F (see ``book/_parts/errata_chiang_sec7.md``):

* ``delta <= 2``: the printed form, with Li2(-1/delta) rewritten by the inversion formula
  Li2(-1/d) = -pi^2/6 - ln^2(d)/2 - Li2(-d) and ln(d/(1+d)) = ln d - log1p(d), so no term
  needs a dilogarithm of a huge argument and nothing cancels for small delta.
* ``delta > 2``: the printed form cancels (terms of order delta ln delta cancel to leave
  O(ln(delta)/delta)); there we use the exact convergent expansion in u = 1/delta derived
  from Eq. (19),

      16 pi^2 F = -2 sum_{n>=1} (c_n ln u + e_n) u^n + 2 i pi sum_{n>=1} c_n u^n,
      c_n = 2 (-1)^(n+1) / (n (n+1) (n+2)),
      e_n = (-1)^n [1/n^2 - 2/(n+1)^2 + 1/(n+2)^2],

  i.e. F -> [(11/9 + (2/3) ln delta) + i pi (2/3)] / (16 pi^2 delta) for delta -> infinity.

Both branches are tested against a 50-digit mpmath evaluation of the printed Eq. (19).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from scipy.special import spence

from ..errors import InputError
from ..constants import G_EFF_ZPOLE, M_Z, SIN2_W_EFF_ZPOLE
from ..couplings import SINGLE_COUPLINGS
from ..data import load_yaml
from ..intervals import IntervalSet, quadratic_between
from ..limits import Limit
from ..validation import choice, in_range, mass, positive
from ..validation import coupling as valid_coupling

__all__ = ["LIMITS", "GBAR_L_EFF", "GBAR_R_EFF", "COS2_W_EFF", "li2", "loop_function", "loop_function_printed",
           "delta_of", "gamma_ee", "a_e", "gamma_nunu", "sm_values", "ranges", "allowed_set", "limit"]

#: tree-level SM chiral couplings at the Z pole (Chiang Eq. 3 with s^2_w,eff)
GBAR_L_EFF = -0.5 + SIN2_W_EFF_ZPOLE
GBAR_R_EFF = SIN2_W_EFF_ZPOLE
COS2_W_EFF = 1.0 - SIN2_W_EFF_ZPOLE
#: g_eff^2 m_Z / (24 pi c_w^2) [GeV]: Gamma(Z -> e e) = K_ZEE (|L'|^2 + |R'|^2) / (g/c_w)^2 ...
_K = G_EFF_ZPOLE**2 * M_Z / (24.0 * math.pi * COS2_W_EFF)

_NSERIES = 60
_N = np.arange(1, _NSERIES + 1, dtype=float)
_SIGN = np.where(_N % 2 == 1, 1.0, -1.0)            # (-1)^(n+1)
_C = 2.0 * _SIGN / (_N * (_N + 1) * (_N + 2))
_E = -_SIGN * (1.0 / _N**2 - 2.0 / (_N + 1) ** 2 + 1.0 / (_N + 2) ** 2)
_SWITCH = 2.0


def li2(z: float | np.ndarray) -> float | np.ndarray:
    """Real dilogarithm Li2(z) for real z <= 1 (finite), via scipy: Li2(z) = spence(1 - z).

    (scipy's ``spence(x)`` is ``-int_1^x ln t / (t - 1) dt`` = Li2(1 - x).)"""
    z = np.asarray(in_range("z", z, hi=1.0), dtype=float)
    return spence(1.0 - z)


def _f_direct(d):
    L = np.log(d)
    l1 = np.log1p(d)
    # ln(d) ln(d/(1+d)) + Li2(-1/d), rewritten with the inversion formula
    bracket = 0.5 * L * L - L * l1 - math.pi**2 / 6.0 - li2(-d)
    re = -3.5 - 2.0 * d - (3.0 + 2.0 * d) * L - 2.0 * (1.0 + d) ** 2 * bracket
    im = -math.pi * (3.0 + 2.0 * d + 2.0 * (1.0 + d) ** 2 * (L - l1))
    return re + 1j * im


def _f_series(d):
    u = 1.0 / d
    lu = np.log(u)
    pw = u[:, None] ** _N[None, :]
    re = -2.0 * ((_C[None, :] * lu[:, None] + _E[None, :]) * pw).sum(axis=1)
    im = 2.0 * math.pi * (_C[None, :] * pw).sum(axis=1)
    return re + 1j * im


def loop_function(delta: float | np.ndarray) -> complex | np.ndarray:
    """Chiang Eq. (19): the complex one-loop factor F(delta), delta = m_X^2/m_Z^2 > 0.

    Dimensionless; accepts a scalar or an array. Numerically stable for all finite delta > 0
    (relative error ~1e-14 against a 50-digit evaluation of the printed formula)."""
    d = np.atleast_1d(positive("delta", delta)).astype(float)
    out = np.empty(d.shape, dtype=complex)
    lo = d <= _SWITCH
    if lo.any():
        out[lo] = _f_direct(d[lo])
    if (~lo).any():
        out[~lo] = _f_series(d[~lo])
    out /= 16.0 * math.pi**2
    return complex(out[0]) if np.ndim(delta) == 0 else out


def loop_function_printed(delta: float | np.ndarray) -> complex | np.ndarray:
    """Chiang Eq. (19) exactly as printed (for the errata page and tests): cancels badly for
    large delta. Dimensionless; delta in [1e-20, 1e8] (where the printed form is representable)."""
    d = np.asarray(in_range("delta", delta, 1e-20, 1e8), dtype=float)
    L = np.log(d)
    lr = np.log(d / (1.0 + d))
    re = -3.5 - 2 * d - (3 + 2 * d) * L - 2 * (1 + d) ** 2 * (L * lr + li2(-1.0 / d))
    im = -math.pi * (3 + 2 * d + 2 * (1 + d) ** 2 * lr)
    return (re + 1j * im) / (16 * math.pi**2)


def delta_of(m_x: float | np.ndarray) -> float | np.ndarray:
    """delta = m_X^2 / m_Z^2 for m_x [GeV] in [1e-6, 1e4] (Chiang Eq. 19)."""
    return (mass("m_x", m_x) / M_Z) ** 2


def _q(F, g):
    """|1 + F g^2|^2."""
    return abs(1.0 + F * g * g) ** 2


def gamma_ee(m_x: float | np.ndarray, g_le: float | np.ndarray = 0.0,
             g_re: float | np.ndarray = 0.0) -> float | np.ndarray:
    """Gamma(Z -> e+ e-) [GeV], Chiang Eq. (19) with the tree-level SM at g_eff, s^2_w,eff:
    g^2 m_Z / (24 pi c_w^2) [gbar_L^2 |1 + F g_Le^2|^2 + gbar_R^2 |1 + F g_Re^2|^2].
    Domain: m_x in [1e-6, 1e4] GeV, |g_le|, |g_re| <= 4 pi."""
    F = loop_function(delta_of(m_x))
    g_le, g_re = valid_coupling("g_le", g_le), valid_coupling("g_re", g_re)
    return _K * (GBAR_L_EFF**2 * _q(F, g_le) + GBAR_R_EFF**2 * _q(F, g_re))


def a_e(m_x: float | np.ndarray, g_le: float | np.ndarray = 0.0,
        g_re: float | np.ndarray = 0.0) -> float | np.ndarray:
    """A_e = (|L'|^2 - |R'|^2) / (|L'|^2 + |R'|^2), Chiang Sec. VII (dimensionless).
    Domain: m_x in [1e-6, 1e4] GeV, |g_le|, |g_re| <= 4 pi."""
    F = loop_function(delta_of(m_x))
    g_le, g_re = valid_coupling("g_le", g_le), valid_coupling("g_re", g_re)
    lft = GBAR_L_EFF**2 * _q(F, g_le)
    rgt = GBAR_R_EFF**2 * _q(F, g_re)
    return (lft - rgt) / (lft + rgt)


def gamma_nunu(m_x: float | np.ndarray,
               g_nu: float | Sequence[float] | np.ndarray = (0.0, 0.0, 0.0)) -> float | np.ndarray:
    """Gamma(Z -> nu nu-bar) summed over e, mu, tau [GeV], Chiang Eq. (20):
    g^2 m_Z / (96 pi c_w^2) sum_i |1 + F g_{nu_i nu_i}^2|^2. ``g_nu``: one value per flavour
    (a scalar means one flavour coupled, the other two zero). Domain: m_x in [1e-6, 1e4] GeV,
    |g_nu| <= 4 pi."""
    F = loop_function(delta_of(m_x))
    g = np.atleast_1d(valid_coupling("g_nu", g_nu)).astype(float)
    if g.size > 3:
        raise InputError("g_nu must have at most three entries (e, mu, tau)")
    g = np.concatenate([g, np.zeros(3 - g.size)])
    return _K / 4.0 * sum(_q(F, gi) for gi in g)


def sm_values() -> dict:
    """Tree-level SM at g_eff = 0.6517, s^2_w,eff = 0.23146 [GeV]: Gamma_ee, A_e, Gamma_nunu."""
    s = GBAR_L_EFF**2 + GBAR_R_EFF**2
    return {"gamma_ee": _K * s, "a_e": (GBAR_L_EFF**2 - GBAR_R_EFF**2) / s, "gamma_nunu": 3 * _K / 4}


def ranges() -> dict:
    """The 90% CL ranges of Chiang Sec. VII and footnote 5 (data/zpole.yaml) [GeV]."""
    return load_yaml("zpole.yaml")["range_90cl"]


def _q_ranges(coupling: str) -> list[tuple[float, float]]:
    """Ranges [lo, hi] that |1 + F x|^2 (x = coupling^2) must lie in, one per observable."""
    r = ranges()
    gl2, gr2 = GBAR_L_EFF**2, GBAR_R_EFF**2
    (glo, ghi), (alo, ahi), (nlo, nhi) = r["gamma_ee"], r["a_e"], r["gamma_nunu"]
    if coupling == "gLe":      # Gamma = K (gl2 q + gr2); A = (gl2 q - gr2)/(gl2 q + gr2), increasing in q
        return [((glo / _K - gr2) / gl2, (ghi / _K - gr2) / gl2),
                (gr2 * (1 + alo) / (gl2 * (1 - alo)), gr2 * (1 + ahi) / (gl2 * (1 - ahi)))]
    if coupling == "gRe":      # Gamma = K (gl2 + gr2 q); A decreasing in q
        return [((glo / _K - gl2) / gr2, (ghi / _K - gl2) / gr2),
                (gl2 * (1 - ahi) / (gr2 * (1 + ahi)), gl2 * (1 - alo) / (gr2 * (1 + alo)))]
    if coupling in ("gVe", "gAe"):  # g_Le = +-g_Re = g: both chiralities get q, A_e is unchanged
        return [(glo / (_K * (gl2 + gr2)), ghi / (_K * (gl2 + gr2)))]
    if coupling == "gnu":      # one flavour: Gamma = K/4 (2 + q)
        return [(4 * nlo / _K - 2, 4 * nhi / _K - 2)]
    raise AssertionError(coupling)


def allowed_set(coupling: str, m_x: float) -> IntervalSet:
    """Exact allowed set of x = coupling^2 >= 0 at m_x [GeV] from the Z-pole ranges (each
    observable is a quadratic in x: |1 + F x|^2 = 1 + 2 Re F x + |F|^2 x^2)."""
    choice("coupling", coupling, SINGLE_COUPLINGS)
    F = loop_function(delta_of(m_x))
    s = IntervalSet(((0.0, math.inf),))
    for lo, hi in _q_ranges(coupling):
        s = s & quadratic_between(abs(F) ** 2, 2.0 * F.real, 1.0, lo, hi)
    return s


def limit(coupling: str, m_x: float) -> Limit:
    """Z-pole limit on one coupling (all others zero) at m_x [GeV], Chiang Fig. 6 dotted curves.

    ``upper`` is the edge of the allowed region that contains zero coupling. Because the
    observables are quadratic in g^2 the constraint can re-open at larger couplings (where
    1 + F g^2 swings round to the same modulus); ``allowed`` lists every allowed interval in
    |g| so that the re-opened branch is visible; an interval open above ends in math.inf
    (null in JSON, with ``allowed_open_above``). ``upper`` is None (unbounded) when the
    component containing zero is itself open above. Domain: m_x in [1e-6, 1e4] GeV."""
    s = allowed_set(coupling, m_x)
    comp = s.component_containing(0.0)
    if comp is None:  # pragma: no cover - the SM point lies inside every printed range
        raise InputError("zero coupling is outside the Z-pole ranges")
    allowed = tuple((math.sqrt(lo), math.sqrt(hi)) for lo, hi in s.intervals)
    return Limit(math.sqrt(comp[1]) if math.isfinite(comp[1]) else None, allowed=allowed)


#: Chiang Fig. 6 dotted curves: the Z-pole limit on one Sec. VII coupling (xboson.limits)
LIMITS = {"zpole": limit}
