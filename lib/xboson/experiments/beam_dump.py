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

Detector acceptance (``acceptance="detector"``, the default; :mod:`xboson.experiments.beam_dump_acceptance`,
data/beam_dump_acceptance.yaml): the x integral starts at the energy threshold, dsigma/dx is restricted
to X emitted towards the detector (the Weizsaecker-Williams angular distribution), P is split over six
bins of the decay volume, each weighted with the fraction of e+ e- decays whose required daughters reach
the detector, and a flat efficiency multiplies the yield. ``acceptance="none"`` keeps the acceptance-free
estimate above (every decay in the decay volume counts) for comparison.

Excluded: N > n_up (the 95% CL upper number of events, data/beam_dumps.yaml).

Decays (Chiang footnote 6): Gamma(X -> l l) = g^2 m (1 + 2 m_l^2/m^2)(1 - 4 m_l^2/m^2)^{1/2}/(12 pi).
Two treatments:

* ``mode="chiang"`` (default, what Chiang did): compute the exclusion for a dark photon
  (Gamma_X = Gamma_ee S^2, B(X -> ee) = 1/S^2) and lower the coupling by
  S = [1 + Gamma_mumu (1 + R)/Gamma_ee]^{1/2} above 2 m_mu (footnotes 6-7), with
  R = beta_pi^3 |F_pi(m^2)|^2 / 4 from a rho-dominance pion form factor;
* ``mode="direct"``: an X that couples only to electrons (Gamma_X = Gamma_ee, B = 1) directly.

Invisible decays (``invisible_over_ee`` = r = Gamma(X -> nu nubar) / Gamma(X -> e+ e-) at the same
coupling, 0 <= r <= 1e12; default 0 = the numbers above): an X that also couples to neutrinos has
Gamma_X = Gamma_ee (V + r) and B(X -> e+ e-) = 1 / (V + r), with V = S^2 ("chiang") or 1 ("direct")
the visible part. Both shorten the decay length and lower the e+ e- branching, so at fixed coupling
the yield falls as r grows: with P = exp(-L_sh/l)(1 - exp(-L_dec/l)) and 1/l proportional to V + r,
B P = exp(-a u)(1 - exp(-b u)) / u (u = V + r) decreases in u. The excluded band shrinks from
above (decays in the shield); its lower edge, where N ~ g^2 B L_dec / l ~ g^4 Gamma_ee, barely moves.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

import numpy as np
from scipy.integrate import quad
from scipy.interpolate import CubicSpline
from scipy.optimize import brentq, minimize_scalar
from scipy.special import gammaln

from ..constants import ALPHA_0, GAMMA_RHO, M_E, M_MU, M_PI, M_RHO
from . import beam_dump_acceptance as acc
from ..couplings import SINGLE_COUPLINGS
from ..data import load_yaml
from ..limits import Limit
from ..units import HBARC2_GEV2_CM2, HBARC_GEV_M
from ..validation import G_MAX, M_X_MAX, choice, in_range, mass, positive
from ..errors import InputError

__all__ = ["LIMITS", "AVOGADRO", "B_TSAI", "E_CHARGE", "M_P", "MU_P", "MODES", "E_E_MAX", "INVISIBLE_MAX", "width_ll",
           "r_ratio", "s_factor", "log_track_length_v", "track_length_v", "chi", "dsigma_dx", "experiment",
           "experiments", "clear_caches", "events", "soft_fraction", "excluded_band", "combined_band",
           "mass_reach", "limit", "fixed_target_levels", "fixed_target_limit"]

AVOGADRO = 6.02214129e23  #: mol^-1 (CODATA 2010, as in PDG 2012)
B_TSAI = 4.0 / 3.0        #: b in Tsai's I_e (thick-target electron energy distribution)
E_CHARGE = math.sqrt(4 * math.pi * ALPHA_0)
M_P = 0.938272046         #: proton mass [GeV] (PDG 2012)
MU_P = 2.792847356        #: proton magnetic moment [nuclear magnetons] (PDG 2012)
MODES = ("chiang", "direct")
E_E_MAX = 1e6             #: GeV: largest electron energy accepted by the production ingredients
INVISIBLE_MAX = 1e12      #: largest Gamma(X -> nu nubar) / Gamma(X -> e+ e-) accepted


# --- decays and the rescaling factor S (Chiang footnotes 6-7) -------------------------------------
def width_ll(g: float, m: float, m_l: float) -> float:
    """Gamma(X -> l+ l-) [GeV] for vector coupling 0 < g <= 4 pi, mass m in [1e-6, 1e4] GeV (the declared
    m_X domain, :mod:`xboson.validation`), lepton mass 0 <= m_l <= 1e4 GeV (Chiang footnote 6); 0 where the
    channel is closed (m <= 2 m_l)."""
    g = in_range("g", g, 0.0, G_MAX, lo_open=True)
    m, m_l = mass("m_x", m), in_range("m_l", m_l, 0.0, M_X_MAX, unit="GeV")
    if m <= 2 * m_l:
        return 0.0
    r = (m_l / m) ** 2
    return g * g * m * (1 + 2 * r) * math.sqrt(1 - 4 * r) / (12 * math.pi)


def r_ratio(m: float) -> float:
    """R(s = m^2) = sigma(ee -> hadrons)/sigma(ee -> mumu) below ~1 GeV from pi+ pi- only:
    beta_pi^3 |F_pi(s)|^2 / 4 with the rho-dominance form factor m_rho^2/(m_rho^2 - s - i m_rho Gamma_rho),
    m in [1e-6, 1e4] GeV. Dimensionless; 0 below 2 m_pi. sigma(ee -> pi+ pi-) = pi alpha^2 beta_pi^3 |F_pi|^2/(3 s)
    against sigma(ee -> mumu) = 4 pi alpha^2/(3 s) (e.g. F. Jegerlehner, A. Nyffeler, Phys. Rep. 477, 1
    (2009), arXiv:0902.3360); rho parameters PDG 2012. Approximate above ~0.6 GeV (no omega, no
    higher resonances); Chiang's S uses it below 2 GeV."""
    s = mass("m_x", m) ** 2
    if s <= 4 * M_PI**2:
        return 0.0
    beta = math.sqrt(1 - 4 * M_PI**2 / s)
    fpi = M_RHO**2 / complex(M_RHO**2 - s, -M_RHO * GAMMA_RHO)
    return beta**3 * abs(fpi) ** 2 / 4.0


def s_factor(m: float) -> float:
    """Chiang's S = [1 + Gamma_mumu (1 + R)/Gamma_ee]^{1/2} (footnote 6) for m = m_X in [1e-6, 1e4] GeV;
    1 below 2 m_mu."""
    m = mass("m_x", m)
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


def _log_v(ln_y):
    return _v_spline()(np.arcsinh(ln_y))


def log_track_length_v(ln_y: float | np.ndarray) -> np.ndarray:
    """ln V(y) for ln y in [-3000, 3.5], V(y) = int_0^inf y^(s-1)/Gamma(s) ds (dimensionless); Tsai's
    track length of the primary electron (module docstring). Vectorised."""
    return _log_v(in_range("ln_y", ln_y, -3000.0, 3.5))


def track_length_v(y: float | np.ndarray) -> float | np.ndarray:
    """V(y) = int_0^inf y^(s-1)/Gamma(s) ds (dimensionless) for 1e-300 <= y <= e^3.5 (V ~ 1/(y ln^2 y) grows
    without bound as y -> 0: y = 0 is refused, use :func:`log_track_length_v` for smaller y), spline of a
    table (rel. error < 1e-6). Vectorised."""
    y = positive("y", y)
    in_range("y", y, 1e-300, math.exp(3.5))
    return np.exp(_log_v(np.log(y)))


_GL_T = np.polynomial.legendre.leggauss(64)
_GL_Y = np.polynomial.legendre.leggauss(40)
_GL_X = np.polynomial.legendre.leggauss(40)
#: smaller rules for the detector yield (six decay-point bins per node); they agree with the 40-point
#: rules to < 1% (tests/test_beam_dump_acceptance.py)
_GL_Y_DET = np.polynomial.legendre.leggauss(16)
_GL_X_DET = np.polynomial.legendre.leggauss(16)


def chi(m: float, e_e: float | np.ndarray, z: float, a: float) -> np.ndarray:
    """BEST App. A effective photon flux chi(m, E_e) [dimensionless] for nucleus (Z, A):
    int_{tmin}^{tmax} dt (t - tmin)/t^2 G_2(t), elastic + inelastic form factors,
    t_min = (m^2/2E_e)^2, t_max = m^2; m in [1e-6, 1e4] GeV, 1 <= Z <= 200, 0 < A <= 500. Vectorised in
    e_e [GeV], 1e-6 <= e_e <= 1e6 GeV; 0 where t_min >= t_max (E_e <= m/2)."""
    m = mass("m_x", m)
    e_e = np.atleast_1d(in_range("e_e", e_e, 1e-6, E_E_MAX, unit="GeV")).astype(float)
    in_range("z", z, 1.0, 200.0)
    in_range("a", a, 0.0, 500.0, lo_open=True)
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


def dsigma_dx(x: float | np.ndarray, m: float, e_e: float | np.ndarray, chi_val: float | np.ndarray,
              g: float = 1.0) -> float | np.ndarray:
    """BEST Weizsaecker-Williams dsigma/dx for e Z -> e Z X [GeV^-2] (see module docstring):
    1e-12 <= x < 1, m = m_X in [1e-6, 1e4] GeV, 1e-6 <= e_e <= 1e6 GeV (enters only through chi_val),
    0 <= chi_val <= 1e8, 0 < g <= 4 pi. Vectorised."""
    in_range("x", x, 1e-12, 1.0, hi_open=True)
    mass("m_x", m)
    in_range("e_e", e_e, 1e-6, E_E_MAX, unit="GeV")
    in_range("chi_val", chi_val, 0.0, 1e8)
    in_range("g", g, 0.0, G_MAX, lo_open=True)
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
    """Names of the beam dumps in data/beam_dumps.yaml, sorted."""
    return sorted(load_yaml("beam_dumps.yaml")["experiments"])


@functools.lru_cache(maxsize=8192)
def _spectrum(name: str, m: float, acceptance: str = "none"):
    """Quadrature nodes of the yield: (E_X [GeV], weight, daughter acceptance per decay-point bin) with
    N(g) = g^2 sum_n w_n sum_b P_b(E_X; g) D_nb. With acceptance "detector" the x range starts at the
    energy threshold, the weight carries the X-direction fraction and the efficiency, and D_nb is the
    daughter acceptance for a decay in bin b (:mod:`xboson.experiments.beam_dump_acceptance`); with "none" D = 1."""
    e = experiment(name)
    e0 = e["E0"]
    det = acc.detector(name) if acceptance == "detector" else None
    e_lo = max(m, det.e_min) if det else m        # lowest accepted E_X [GeV]
    ymax = math.log(e0 / (e_lo + 2 * M_E))
    if ymax <= 1e-6:
        return np.empty(0), np.empty(0), np.empty((0, 1))
    norm = e["n_e"] * AVOGADRO * e["X0_g_cm2"] / e["A"] * HBARC2_GEV2_CM2 / B_TSAI
    # y nodes: [0, y1] in v = -1/ln y (V(y) ~ 1/(y ln^2 y) there), [y1, ymax] Gauss-Legendre
    y1 = min(0.3, ymax)
    xg, wg = _GL_Y_DET if det else _GL_Y
    v1 = -1.0 / math.log(y1)
    v = 0.5 * v1 * (xg + 1)
    lya = -1.0 / v
    # dy V(y) = dv V(y) y / v^2, evaluated in logs (y underflows for the smallest v)
    ys, ws = [np.exp(lya)], [0.5 * v1 * wg * np.exp(_log_v(lya) + lya) / v**2]
    if ymax > y1:
        yb = 0.5 * (ymax - y1) * (xg + 1) + y1
        ys.append(yb)
        ws.append(0.5 * (ymax - y1) * wg * np.exp(_log_v(np.log(yb))))
    y = np.concatenate(ys)
    wy = np.concatenate(ws) * np.exp(-y)
    e_e = e0 * np.exp(-y)
    keep = e_e > (e_lo + 2 * M_E)
    y, wy, e_e = y[keep], wy[keep], e_e[keep]
    chis = chi(m, e_e, e["Z"], e["A"])
    # x nodes in s = ln(1 - x) between x_min = E_lo/E_e and x_max = 1 - m_e/E_e
    xq, wq = _GL_X_DET if det else _GL_X
    s_lo = np.log(M_E / e_e)
    s_hi = np.log1p(-e_lo / e_e)
    s = 0.5 * (s_hi - s_lo)[:, None] * (xq[None, :] + 1) + s_lo[:, None]
    one_minus_x = np.exp(s)
    x = 1 - one_minus_x
    wx = 0.5 * (s_hi - s_lo)[:, None] * wq[None, :] * one_minus_x
    ds = dsigma_dx(x, m, e_e[:, None], chis[:, None])
    w = norm * wy[:, None] * wx * np.clip(ds, 0.0, None)
    ex = x * e_e[:, None]
    if det is None:
        return ex.ravel(), w.ravel(), np.ones((ex.size, 1))
    w = w * det.efficiency * acc.angular_fraction(det.theta_acc, x, m, e_e[:, None])
    _, centres = acc.decay_bins(e["L_sh"], e["L_dec"])
    tan_max = det.radius / (det.distance - centres)
    d = acc.daughter_fraction(tan_max[None, :], ex.ravel()[:, None], m, det.rule, det.e_daughter_min)
    ex, w = ex.ravel(), w.ravel()
    live = w * d.max(axis=1) > 0
    ex, w, d = ex[live], w[live], d[live]
    if np.all(d == d[:, :1]):       # acceptance independent of the decay point: one bin suffices
        d = d[:, :1]
    return ex, w, d


def _check_mass(m_x) -> float:
    """m_x [GeV] checked: in the declared domain (<= 1e4 GeV) and above the e+ e- threshold 2 m_e (the only
    decay the beam dumps see)."""
    m = in_range("m_x", m_x, 0.0, M_X_MAX, lo_open=True, unit="GeV")
    if m <= 2 * M_E:
        raise InputError(f"m_x must exceed 2 m_e = {2 * M_E:.6g} GeV for X -> e+ e- (got {m_x!r})")
    return m


def _invisible(r) -> float:
    return float(in_range("invisible_over_ee", r, 0.0, INVISIBLE_MAX))


@functools.lru_cache(maxsize=8192)
def _decay_nodes(name: str, m: float, mode: str, acceptance: str, invisible: float):
    """The coupling-independent part of the yield at one mass: (E_X per node [GeV], 1/l at g = 1 per
    node [1/m], B(X -> e+ e-), decay-point bin edges [m] or None for one bin, node weights times the
    daughter acceptance). ``invisible`` = Gamma(X -> nu nubar) / Gamma(X -> e+ e-) (module docstring)."""
    e = experiment(name)
    ex, w, d = _spectrum(name, m, acceptance)
    if ex.size == 0:
        return ex, ex, 1.0, None, ex
    gam1 = width_ll(1.0, m, M_E)
    visible = s_factor(m) ** 2 if mode == "chiang" else 1.0    # Gamma_visible / Gamma_ee
    gam1 *= visible + invisible                                # total width at g = 1
    branching = 1.0 / (visible + invisible)                    # B(X -> e+ e-)
    p = np.sqrt(np.clip(ex * ex - m * m, 0.0, None))
    # decay length l = p hbar c / (m Gamma), Gamma = g^2 gam1
    inv_l0 = m * gam1 / (np.maximum(p, 1e-9 * m) * HBARC_GEV_M)   # 1/l at g = 1 [1/m]
    if d.shape[1] == 1:             # acceptance "none", or independent of the decay point
        return ex, inv_l0, branching, None, w * d[:, 0]
    edges, _ = acc.decay_bins(e["L_sh"], e["L_dec"])
    return ex, inv_l0, branching, edges, d * w[:, None]


def clear_caches() -> None:
    """Forget the per-mass yield ingredients (:func:`_spectrum`, :func:`_decay_nodes`): for benchmarks
    timed from cold caches and for tests that change a detector."""
    _spectrum.cache_clear()
    _decay_nodes.cache_clear()


def _node_events(name: str, m: float, g: np.ndarray, mode: str, acceptance: str, invisible: float = 0.0):
    """(E_X per node [GeV], expected seen decays per coupling and node, shape (g, node))."""
    ex, inv_l0, branching, edges, wd = _decay_nodes(name, float(m), mode, acceptance, invisible)
    if ex.size == 0:
        return ex, np.zeros((g.size, 0))
    inv_l = inv_l0[None, :] * (g * g)[:, None]
    scale = (branching * g * g)[:, None]
    if edges is None:
        e = experiment(name)
        prob = np.exp(-e["L_sh"] * inv_l) * (-np.expm1(-e["L_dec"] * inv_l))
        return ex, scale * prob * wd[None, :]
    # P(decay in bin b) = exp(-z_b/l) (1 - exp(-(z_(b+1) - z_b)/l)), written without cancellations
    lam = inv_l[:, :, None]
    prob = np.exp(-lam * edges[None, None, :-1]) * -np.expm1(-lam * np.diff(edges)[None, None, :])
    return ex, scale * np.einsum("gnb,nb->gn", prob, wd)


def _check_events_args(name, m_x, g, mode, acceptance):
    choice("experiment", name, experiments())
    choice("mode", mode, MODES)
    choice("acceptance", acceptance, acc.ACCEPTANCES)
    return positive("m_x", m_x), np.atleast_1d(in_range("g", g, 0.0, G_MAX, lo_open=True)).astype(float)


def events(name: str, m_x: float, g: float | np.ndarray, *, mode: str = "chiang", acceptance: str = "detector",
           invisible_over_ee: float = 0.0) -> np.ndarray:
    """Expected number of X -> e+e- decays seen by beam dump ``name`` for coupling g (g_Ve of a
    dark-photon-like X in mode "chiang", of an electron-only X in "direct") and mass m_x [GeV].
    ``acceptance="detector"`` (default) counts decays in the decay volume that the detector accepts
    (geometry, energy threshold, efficiency: :mod:`xboson.experiments.beam_dump_acceptance`); ``"none"`` counts
    every decay in the decay volume (the acceptance-free thick-target estimate). ``invisible_over_ee``:
    Gamma(X -> nu nubar) / Gamma(X -> e+ e-) in [0, 1e12] (module docstring; 0 = no neutrino decays).
    2 m_e < m_x <= 1e4 GeV, 0 < g <= 4 pi; dimensionless; vectorised in g. Approximate (module docstring)."""
    m, g = _check_events_args(name, _check_mass(m_x), g, mode, acceptance)
    return _node_events(name, m, g, mode, acceptance, _invisible(invisible_over_ee))[1].sum(axis=1)


def soft_fraction(name: str, m_x: float, g: float | np.ndarray, e_x_max: float, *, mode: str = "chiang",
                  acceptance: str = "none") -> np.ndarray:
    """Fraction of the expected decays of :func:`events` carried by X with energy below e_x_max [GeV]
    (dimensionless, in [0, 1]; vectorised in g; NaN where no decay is expected). Shows which X make
    the long-lifetime edge of the acceptance-free estimate."""
    m, g = _check_events_args(name, _check_mass(m_x), g, mode, acceptance)
    positive("e_x_max", e_x_max)
    ex, n = _node_events(name, m, g, mode, acceptance)
    total = n.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        frac = np.minimum(n[:, ex < e_x_max].sum(axis=1) / total, 1.0)   # a partial sum can round above total
        return np.where(total > 0, frac, np.nan)


def excluded_band(name: str, m_x: float, *, mode: str = "chiang", acceptance: str = "detector",
                  invisible_over_ee: float = 0.0) -> tuple[float, float] | None:
    """Excluded coupling band (g_lo, g_hi) of g_Ve [dimensionless] at m_x [GeV] (> 2 m_e) for one beam
    dump: events(...) > n_up inside; None if the experiment has no reach at m_x. In mode "chiang" the
    dark-photon band is lowered by S (Chiang footnote 7). ``acceptance``, ``invisible_over_ee``: as in
    :func:`events`."""
    choice("experiment", name, experiments())
    choice("mode", mode, MODES)
    choice("acceptance", acceptance, acc.ACCEPTANCES)
    m = _check_mass(m_x)
    inv = _invisible(invisible_over_ee)
    n_up = experiment(name)["n_up"]

    def n_events(g):     # = events(...); the arguments are checked above
        return _node_events(name, m, np.atleast_1d(np.asarray(g, float)), mode, acceptance, inv)[1].sum(axis=1)

    def log_excess(lng):
        return math.log(n_events(math.exp(lng))[0] + 1e-300) - math.log(n_up)

    lg = np.linspace(math.log(1e-11), math.log(1.0), 45 if acceptance == "none" else 24)
    vals = np.log(n_events(np.exp(lg)) + 1e-300) - math.log(n_up)
    i = int(np.argmax(vals))
    if vals[i] <= 0 < vals[i] + 4.0 and 0 < i < lg.size - 1:
        # near the tip the band can be narrower than the grid: locate the maximum of N(g)
        best = minimize_scalar(lambda u: -log_excess(u), bounds=(lg[i - 1], lg[i + 1]), method="bounded",
                               options={"xatol": 1e-4})
        if -best.fun > 0:
            pos = i + int(best.x > lg[i])
            lg, vals = np.insert(lg, pos, best.x), np.insert(vals, pos, -best.fun)
            i = pos
    if vals[i] <= 0:
        return None
    lo, hi = math.exp(lg[0]), math.exp(lg[-1])
    j = i
    while j > 0 and vals[j - 1] > 0:
        j -= 1
    if j > 0:
        lo = math.exp(brentq(log_excess, lg[j - 1], lg[j], xtol=1e-7))
    k = i
    while k + 1 < lg.size and vals[k + 1] > 0:
        k += 1
    if k + 1 < lg.size:
        hi = math.exp(brentq(log_excess, lg[k], lg[k + 1], xtol=1e-7))
    scale = 1.0 / s_factor(m) if mode == "chiang" else 1.0
    return (lo * scale, hi * scale)


def combined_band(m_x: float, *, mode: str = "chiang", names: Iterable[str] | None = None,
                  acceptance: str = "detector", invisible_over_ee: float = 0.0) -> list[tuple[float, float]]:
    """Union over the beam dumps (default: all) of the excluded g_Ve bands at m_x [GeV]: a list of
    (lo, hi) intervals (merged where they overlap); empty outside the reach, including m_x <= 2 m_e
    (no X -> e+ e- decay). ``invisible_over_ee``: as in :func:`events`."""
    m = positive("m_x", m_x)
    names = experiments() if names is None else list(names)
    for n in names:
        choice("experiment", n, experiments())
    choice("acceptance", acceptance, acc.ACCEPTANCES)
    inv = _invisible(invisible_over_ee)
    if m <= 2 * M_E:
        return []
    bands = []
    for n in names:
        b = excluded_band(n, m, mode=mode, acceptance=acceptance, invisible_over_ee=inv)
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


def mass_reach(name: str, *, mode: str = "chiang", acceptance: str = "detector", m_lo: float = 1.1e-3,
               m_hi: float = 2.0, rel_tol: float = 1e-3) -> float:
    """Largest m_X [GeV] of the region excluded by beam dump ``name`` (its mass reach), found on a
    log grid in [m_lo, m_hi] and refined by bisection to ``rel_tol``; NaN if nothing is excluded."""
    choice("experiment", name, experiments())
    m_lo, m_hi = _check_mass(m_lo), positive("m_hi", m_hi)
    if m_hi <= m_lo:
        raise InputError(f"m_hi must exceed m_lo (got m_lo={m_lo!r}, m_hi={m_hi!r})")
    in_range("rel_tol", rel_tol, 1e-8, 0.5)

    def excluded(m):
        return excluded_band(name, m, mode=mode, acceptance=acceptance) is not None

    ms = np.geomspace(m_lo, m_hi, 41)
    hits = [i for i, m in enumerate(ms) if excluded(float(m))]
    if not hits:
        return math.nan
    i = hits[-1]
    if i == ms.size - 1:
        return float(ms[-1])
    a, b = math.log(ms[i]), math.log(ms[i + 1])
    while b - a > rel_tol:
        c = 0.5 * (a + b)
        a, b = (c, b) if excluded(math.exp(c)) else (a, c)
    return math.exp(a)


def limit(coupling: str, m_x: float, *, acceptance: str = "detector", invisible_over_ee: float = 0.0) -> Limit:
    """Beam-dump limit on g_Ve (Chiang Fig. 6(b); = g_Le = g_Re of Fig. 6(a)) at m_x [GeV]:
    ``upper`` = lowest and ``lower`` = highest excluded coupling of the excluded band that reaches
    down furthest -- the coupling is allowed below ``upper`` or above ``lower``; ``upper`` None
    outside the reach (and for m_x <= 2 m_e). ``bands`` lists all excluded intervals.
    ``invisible_over_ee`` = Gamma(X -> nu nubar) / Gamma(X -> e+ e-) in [0, 1e12] (default 0: no
    neutrino decays; module docstring). Approximate (module docstring)."""
    choice("coupling", coupling, SINGLE_COUPLINGS)
    if coupling != "gVe":
        raise InputError(f"coupling {coupling!r}: the beam-dump limits apply to gVe only (g_Ae = 0, B(X->ee) = 1)")
    bands = combined_band(positive("m_x", m_x), acceptance=acceptance, invisible_over_ee=invisible_over_ee)
    if not bands:
        return Limit(None)
    return Limit(bands[0][0], lower=bands[0][1], bands=tuple((float(a), float(b)) for a, b in bands))


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


def fixed_target_limit(coupling: str, m_x: float) -> Limit:
    """A1/APEX limit on g_Ve at m_x [GeV]: ``upper`` = the level (excluded above), None outside
    175-300 MeV. Approximate (flat published levels)."""
    choice("coupling", coupling, SINGLE_COUPLINGS)
    if coupling != "gVe":
        raise InputError(f"coupling {coupling!r}: the fixed-target limits apply to gVe only (g_Ae = 0, B(X->ee) = 1)")
    lv = fixed_target_levels(m_x)
    return Limit(min(lv.values()) if lv else None)


#: Chiang Fig. 6 light-green (beam dumps, BEST thick-target estimate with acceptance) and light-orange
#: (A1/APEX at their published levels): limits on g_Ve, approximate (xboson.limits)
LIMITS = {"beam-dump": limit, "fixed-target": fixed_target_limit}
