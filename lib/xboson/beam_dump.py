"""Electron beam-dump and fixed-target exclusions on g_Ve (Chiang Sec. VII, Fig. 6 light-green
and light-orange regions, footnotes 6-7). Units: GeV inside, lengths in metres at the edges.

**Approximate** (say so wherever it is drawn): a first-principles re-computation with the
Bjorken-Essig-Schuster-Toro (BEST, PRD 80, 075018 (2009)) thick-target estimate, not the
published curves of Andreas et al. (Chiang's Ref. [53]) that Chiang used.

Yield of X bosons decaying between the end of the shield (L_sh) and the end of the decay
volume (L_sh + L_dec), for N_e electrons of energy E_0 on a thick target:

    N = N_e (N_A X_0 / A) int dE_e T(E_e) int dx dsigma/dx(x; E_e) P(x E_e),

* T(E_e) dE_e = (1/b) V(y) e^{-y} dy, y = ln(E_0/E_e): the track length (in radiation lengths)
  of the primary electron, Tsai's I_e(E_0, E_e, t) = (1/E_0) y^{bt-1}/Gamma(bt) (b = 4/3)
  integrated over t to infinity; V(y) = int_0^inf y^{s-1}/Gamma(s) ds.
* dsigma/dx: BEST's Weizsaecker-Williams cross section for e Z -> e Z X integrated over the X
  angle, x = E_X/E_e,
      dsigma/dx = 8 alpha^2 (g^2/4pi) chi [(1 - x + x^2/2)/(2 U) - x(1-x) m^2/(12 U^2)],
      U = m^2 (1-x)/x + m_e^2 x,
  (-> 4 alpha^2 (g^2/4pi) chi x [1 + x^2/(3(1-x))]/m^2 for m_e -> 0, BEST's form) with the
  effective photon flux chi(m, E_e) of BEST App. A (elastic + inelastic atomic/nuclear form
  factors, t_min = (m^2/2E_e)^2, t_max = m^2).
* P = exp(-L_sh/l) (1 - exp(-L_dec/l)), l = p_X hbar c / (m Gamma_X).

Excluded: N > n_up (the 95% CL upper number of events, data/beam_dumps.yaml).

Decays (Chiang footnote 6): Gamma(X -> l l) = g^2 m (1 + 2 m_l^2/m^2)(1 - 4 m_l^2/m^2)^{1/2}/(12 pi).
Two treatments:

* ``mode="chiang"`` (default, what Chiang did): compute the exclusion for a dark photon
  (Gamma_X = Gamma_ee S^2, B(X -> ee) = 1/S^2) and lower the coupling by
  S = [1 + Gamma_mumu (1 + R)/Gamma_ee]^{1/2} above 2 m_mu (footnotes 6-7), with
  R = beta_pi^3 |F_pi(m^2)|^2 / 4 from a rho-dominance pion form factor;
* ``mode="direct"``: an X that couples only to electrons (Gamma_X = Gamma_ee, B = 1) directly.
"""

from __future__ import annotations

import functools
import math

import numpy as np
from scipy.integrate import quad
from scipy.interpolate import CubicSpline
from scipy.optimize import brentq
from scipy.special import gammaln

from .constants import ALPHA_0, GAMMA_RHO, M_E, M_MU, M_PI, M_RHO
from .data import load_yaml
from .units import HBARC2_GEV2_CM2, HBARC_GEV_M
from .validation import choice, positive

AVOGADRO = 6.02214129e23  #: mol^-1 (CODATA 2010, as in PDG 2012)
B_TSAI = 4.0 / 3.0        #: b in Tsai's I_e (thick-target electron energy distribution)
E_CHARGE = math.sqrt(4 * math.pi * ALPHA_0)
M_P = 0.938272046         #: proton mass [GeV] (PDG 2012)
MU_P = 2.792847356        #: proton magnetic moment [nuclear magnetons] (PDG 2012)
MODES = ("chiang", "direct")


# --- decays and the rescaling factor S (Chiang footnotes 6-7) -------------------------------------
def width_ll(g, m, m_l):
    """Gamma(X -> l+ l-) [GeV] for vector coupling g, mass m [GeV], lepton mass m_l (footnote 6)."""
    if m <= 2 * m_l:
        return 0.0
    r = (m_l / m) ** 2
    return g * g * m * (1 + 2 * r) * math.sqrt(1 - 4 * r) / (12 * math.pi)


def r_ratio(m):
    """R(s = m^2) = sigma(ee -> hadrons)/sigma(ee -> mumu) below ~1 GeV from pi+ pi- only:
    beta_pi^3 |F_pi(s)|^2 / 4 with the rho-dominance form factor m_rho^2/(m_rho^2 - s - i m_rho Gamma_rho).
    Dimensionless. (external-inputs.md section 4; approximate above ~0.6 GeV.)"""
    s = m * m
    if s <= 4 * M_PI**2:
        return 0.0
    beta = math.sqrt(1 - 4 * M_PI**2 / s)
    fpi = M_RHO**2 / complex(M_RHO**2 - s, -M_RHO * GAMMA_RHO)
    return beta**3 * abs(fpi) ** 2 / 4.0


def s_factor(m):
    """Chiang's S = [1 + Gamma_mumu (1 + R)/Gamma_ee]^{1/2} (footnote 6); 1 below 2 m_mu."""
    positive("m_x", m)
    if m <= 2 * M_MU:
        return 1.0
    return math.sqrt(1 + width_ll(1.0, m, M_MU) * (1 + r_ratio(m)) / width_ll(1.0, m, M_E))


# --- production ingredients -------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _v_table():
    """(asinh(ln y), ln V(y)) on a grid, V(y) = int_0^inf y^(s-1)/Gamma(s) ds (Tsai track length).
    ln V = -ln y + ln int_0^inf exp(s ln y - lnGamma(s)) ds avoids overflow for tiny y."""
    uu = np.linspace(math.asinh(-3000.0), math.asinh(3.5), 700)
    out = []
    for u in uu:
        ly = math.sinh(u)
        y = math.exp(ly)
        f = lambda s, ly=ly: math.exp(s * ly - gammaln(s)) if s > 0 else 0.0  # noqa: E731
        knot = min(1.0, 1.0 / max(-ly, 1e-3)) if ly < 0 else max(y, 1.0)
        smax = y + 12 * math.sqrt(y) + 60 if ly > -1 else 100.0 * knot
        v, _ = quad(f, 0.0, knot, limit=200, epsabs=0.0, epsrel=1e-11)
        v2, _ = quad(f, knot, smax, limit=200, epsabs=1e-13 * v, epsrel=1e-11)
        out.append(-ly + math.log(v + v2))
    return uu, np.array(out)


@functools.lru_cache(maxsize=1)
def _v_spline():
    return CubicSpline(*_v_table())


def log_track_length_v(ln_y):
    """ln V(y) for ln y in [-3000, 3.5], V(y) = int_0^inf y^(s-1)/Gamma(s) ds (dimensionless)."""
    return _v_spline()(np.arcsinh(ln_y))


def track_length_v(y):
    """V(y) = int_0^inf y^(s-1)/Gamma(s) ds (dimensionless), spline of a table (rel. error < 1e-6)."""
    return np.exp(log_track_length_v(np.log(y)))


_GL_T = np.polynomial.legendre.leggauss(64)
_GL_Y = np.polynomial.legendre.leggauss(40)
_GL_X = np.polynomial.legendre.leggauss(40)


def chi(m, e_e, z, a):
    """BEST App. A effective photon flux chi(m, E_e) [dimensionless] for nucleus (Z, A):
    int_{tmin}^{tmax} dt (t - tmin)/t^2 G_2(t), elastic + inelastic form factors,
    t_min = (m^2/2E_e)^2, t_max = m^2. Vectorised in e_e [GeV]."""
    e_e = np.atleast_1d(e_e).astype(float)
    tmin = (m * m / (2 * e_e)) ** 2
    tmax = m * m
    ok = tmin < tmax
    out = np.zeros_like(e_e)
    if not ok.any():
        return out
    lo, hi = np.log(tmin[ok]), math.log(tmax)
    xg, wg = _GL_T
    lt = 0.5 * (hi - lo)[:, None] * (xg[None, :] + 1) + lo[:, None]
    t = np.exp(lt)
    ael = 111.0 * z ** (-1 / 3) / M_E
    d = 0.164 * a ** (-2 / 3)
    ain = 773.0 * z ** (-2 / 3) / M_E
    g_el = (ael**2 * t / (1 + ael**2 * t)) ** 2 / (1 + t / d) ** 2 * z * z
    g_in = (ain**2 * t / (1 + ain**2 * t)) ** 2 * ((1 + t * (MU_P**2 - 1) / (4 * M_P**2)) / (1 + t / 0.71) ** 4) ** 2 * z
    integrand = (t - tmin[ok][:, None]) / t**2 * (g_el + g_in) * t  # dt = t dlnt
    out[ok] = 0.5 * (hi - lo) * (integrand * wg[None, :]).sum(axis=1)
    return out


def dsigma_dx(x, m, e_e, chi_val, g=1.0):
    """BEST Weizsaecker-Williams dsigma/dx for e Z -> e Z X [GeV^-2] (see module docstring)."""
    u = m * m * (1 - x) / x + M_E**2 * x
    return 8 * ALPHA_0**2 * g * g / (4 * math.pi) * chi_val * (
        (1 - x + 0.5 * x * x) / (2 * u) - x * (1 - x) * m * m / (12 * u * u))


@functools.lru_cache(maxsize=None)
def experiment(name: str) -> dict:
    """Parameters of one beam dump (data/beam_dumps.yaml) with its material merged in."""
    d = load_yaml("beam_dumps.yaml")
    choice("experiment", name, sorted(d["experiments"]))
    e = dict(d["experiments"][name])
    e.update(d["materials"][e["target"]])
    return e


def experiments() -> list[str]:
    return sorted(load_yaml("beam_dumps.yaml")["experiments"])


@functools.lru_cache(maxsize=4096)
def _spectrum(name: str, m: float):
    """Quadrature nodes (E_X [GeV], weight) with N(g) = g^2 sum w P(E_X; g) for the yield."""
    e = experiment(name)
    e0 = e["E0"]
    ymax = math.log(e0 / (m + 2 * M_E))
    if ymax <= 1e-6:
        return np.empty(0), np.empty(0)
    norm = e["n_e"] * AVOGADRO * e["X0_g_cm2"] / e["A"] * HBARC2_GEV2_CM2 / B_TSAI
    # y nodes: [0, y1] in v = -1/ln y (V(y) ~ 1/(y ln^2 y) there), [y1, ymax] Gauss-Legendre
    y1 = min(0.3, ymax)
    xg, wg = _GL_Y
    v1 = -1.0 / math.log(y1)
    v = 0.5 * v1 * (xg + 1)
    lya = -1.0 / v
    # dy V(y) = dv V(y) y / v^2, evaluated in logs (y underflows for the smallest v)
    ys, ws = [np.exp(lya)], [0.5 * v1 * wg * np.exp(log_track_length_v(lya) + lya) / v**2]
    if ymax > y1:
        yb = 0.5 * (ymax - y1) * (xg + 1) + y1
        ys.append(yb)
        ws.append(0.5 * (ymax - y1) * wg * track_length_v(yb))
    y = np.concatenate(ys)
    wy = np.concatenate(ws) * np.exp(-y)
    e_e = e0 * np.exp(-y)
    keep = e_e > (m + 2 * M_E)
    y, wy, e_e = y[keep], wy[keep], e_e[keep]
    chis = chi(m, e_e, e["Z"], e["A"])
    # x nodes in s = ln(1 - x) between x_min = m/E_e and x_max = 1 - m_e/E_e
    xq, wq = _GL_X
    s_lo = np.log(M_E / e_e)
    s_hi = np.log1p(-m / e_e)
    s = 0.5 * (s_hi - s_lo)[:, None] * (xq[None, :] + 1) + s_lo[:, None]
    one_minus_x = np.exp(s)
    x = 1 - one_minus_x
    wx = 0.5 * (s_hi - s_lo)[:, None] * wq[None, :] * one_minus_x
    ds = dsigma_dx(x, m, e_e[:, None], chis[:, None])
    w = norm * wy[:, None] * wx * np.clip(ds, 0.0, None)
    ex = x * e_e[:, None]
    return ex.ravel(), w.ravel()


def events(name: str, m_x: float, g, *, mode: str = "chiang"):
    """Expected number of X -> e+e- decays in the decay volume of ``name`` for coupling g
    (g_Ve of a dark-photon-like X in mode "chiang", of an electron-only X in "direct")
    and mass m_x [GeV]. Dimensionless; vectorised in g. Approximate (module docstring)."""
    choice("mode", mode, MODES)
    m = positive("m_x", m_x)
    g = np.atleast_1d(positive("g", g)).astype(float)
    if m <= 2 * M_E:
        return np.zeros_like(g)
    e = experiment(name)
    ex, w = _spectrum(name, float(m))
    if ex.size == 0:
        return np.zeros_like(g)
    gam1 = width_ll(1.0, m, M_E)
    branching = 1.0
    if mode == "chiang":
        s2 = s_factor(m) ** 2
        gam1 *= s2
        branching = 1.0 / s2
    p = np.sqrt(np.clip(ex * ex - m * m, 0.0, None))
    # decay length l = p hbar c / (m Gamma), Gamma = g^2 gam1
    inv_l0 = m * gam1 / (np.maximum(p, 1e-9 * m) * HBARC_GEV_M)   # 1/l at g = 1 [1/m]
    a = e["L_sh"] * inv_l0[None, :] * (g * g)[:, None]
    b = e["L_dec"] * inv_l0[None, :] * (g * g)[:, None]
    prob = np.exp(-a) * (-np.expm1(-b))
    return branching * g * g * (prob * w[None, :]).sum(axis=1)


def excluded_band(name: str, m_x: float, *, mode: str = "chiang"):
    """Excluded coupling band (g_lo, g_hi) of g_Ve [dimensionless] at m_x [GeV] for one beam dump,
    or None if the experiment has no reach. In mode "chiang" the dark-photon band is lowered by
    S (Chiang footnote 7)."""
    e = experiment(name)
    m = positive("m_x", m_x)
    if m <= 2 * M_E:
        return None
    n_up = e["n_up"]
    lg = np.linspace(math.log(1e-11), math.log(1.0), 45)
    f = lambda lng: math.log(events(name, m, math.exp(lng), mode=mode)[0] + 1e-300) - math.log(n_up)  # noqa: E731
    vals = np.log(events(name, m, np.exp(lg), mode=mode) + 1e-300) - math.log(n_up)
    i = int(np.argmax(vals))
    if vals[i] <= 0:
        return None
    lo, hi = math.exp(lg[0]), math.exp(lg[-1])
    j = i
    while j > 0 and vals[j - 1] > 0:
        j -= 1
    if j > 0:
        lo = math.exp(brentq(f, lg[j - 1], lg[j], xtol=1e-8))
    k = i
    while k + 1 < lg.size and vals[k + 1] > 0:
        k += 1
    if k + 1 < lg.size:
        hi = math.exp(brentq(f, lg[k], lg[k + 1], xtol=1e-8))
    scale = 1.0 / s_factor(m) if mode == "chiang" else 1.0
    return (lo * scale, hi * scale)


def combined_band(m_x: float, *, mode: str = "chiang", names=None):
    """Union over the beam dumps of the excluded g_Ve bands at m_x [GeV]: a list of (lo, hi)
    intervals (merged where they overlap)."""
    bands = []
    for n in names or experiments():
        b = excluded_band(n, m_x, mode=mode)
        if b:
            bands.append(b)
    bands.sort()
    merged = []
    for lo, hi in bands:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def limit(coupling: str, m_x: float) -> dict:
    """Beam-dump limit on g_Ve (Chiang Fig. 6(b); = g_Le = g_Re of Fig. 6(a)) at m_x [GeV]:
    {"upper": lowest excluded coupling, "lower": highest excluded coupling} of the excluded band
    that reaches down furthest -- the coupling is allowed below "upper" or above "lower";
    {"upper": None} outside the reach. "bands" lists all excluded intervals. Approximate."""
    choice("coupling", coupling, ("gLe", "gRe", "gnu", "gVe", "gAe"))
    if coupling != "gVe":
        raise ValueError(f"coupling {coupling!r}: the beam-dump limits apply to gVe only (g_Ae = 0, B(X->ee) = 1)")
    bands = combined_band(positive("m_x", m_x))
    if not bands:
        return {"upper": None}
    return {"upper": bands[0][0], "lower": bands[0][1], "bands": [list(b) for b in bands]}


# --- fixed target (A1, APEX): published ranges at published levels -----------------------------------
def fixed_target_levels(m_x: float) -> dict:
    """{experiment: g_Ve level} at m_x [GeV] for A1 and APEX (flat published levels, g = e eps / S,
    Chiang footnote 6); experiments whose mass range does not contain m_x are omitted."""
    m = positive("m_x", m_x)
    out = {}
    for name, e in load_yaml("fixed_target.yaml")["experiments"].items():
        if e["m_min"] <= m <= e["m_max"]:
            out[name] = E_CHARGE * e["epsilon"] / s_factor(m)
    return out


def fixed_target_limit(coupling: str, m_x: float) -> dict:
    """A1/APEX limit on g_Ve at m_x [GeV]: {"upper": level} (excluded above), None outside
    175-300 MeV. Approximate (flat published levels)."""
    choice("coupling", coupling, ("gLe", "gRe", "gnu", "gVe", "gAe"))
    if coupling != "gVe":
        raise ValueError(f"coupling {coupling!r}: the fixed-target limits apply to gVe only (g_Ae = 0, B(X->ee) = 1)")
    lv = fixed_target_levels(m_x)
    return {"upper": min(lv.values()) if lv else None}
