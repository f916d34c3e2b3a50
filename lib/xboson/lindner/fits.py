"""Sec. 5 of Lindner et al.: chi^2 fits of nu-e scattering data and 90% CL limits on U(1)_X
parameters (g_X, epsilon, alpha) versus m_Z'.

Every prediction goes through Chiang's exact cross section (:mod:`xboson.scattering`) with the
effective couplings of :func:`xboson.lindner.cross_sections.chiang_couplings`: at fixed m_Z'
each observable is a quadratic form in (L0, R0, L1, R1) (:data:`~.cross_sections.EXT_BASIS`),
built once per mass by :func:`window_forms`; a scan over g_X (or epsilon, alpha) is then cheap.

Data actually available (``data/lindner_experiments.yaml``, ``data/charm2.yaml``) -- *summary*
measurements, not the binned spectra Lindner et al. fitted:

* ``texono``: the ratio to the SM of the reactor nu-bar_e e rate for 3 < T < 8 MeV,
  1.08 +- 0.26 (stat and sys in quadrature);
* ``charm2``: (g_V + g_A)^2 = 0.289 +- 0.026 and (g_V - g_A)^2 = 0.219 +- 0.023, interpreted as
  the effective couplings that reproduce the nu_mu e and nu-bar_mu e cross sections at the mean
  energies 23.7 / 19.1 GeV in the window 3 < T < 24 GeV;
* ``gemma``: our reconstruction -- the Z' excess over the SM in 1-keV bins over 3-25 keV may be no
  larger, in sum of squares (a chi^2 against a flat background), than that of mu_nu = 3.2e-11 mu_B:
  chi^2 = 2.706 sum_i Dsigma_i^2 / sum_i sigma_mu,i^2.

:class:`BinnedMeasurement` implements the paper's own chi^2 (Eqs. 4.1-4.3) for binned spectra, so
files ``data/lindner_binned_<name>.yaml`` dropped in later become experiments automatically.

Limits: 90% CL for one parameter, Delta chi^2 = 2.706 above the minimum of the scan (the scan
parameter is >= 0; all observables are even in it). Units: masses in GeV, cross sections GeV^-2.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from ..errors import InputError
from ..averaging import energy_nodes, gauss_legendre, recoil_nodes
from ..constants import ALPHA_0, G_F, GBAR_L, GBAR_R, M_E
from ..data import DATA_DIR, load_yaml
from ..kinematics import t_max_recoil
from ..quadform import QuadraticForm
from ..reactor import reactor_spectrum
from ..scattering import dsigma_dT_terms
from ..spectra import Spectrum
from ..units import MeV, keV
from ..validation import choice, finite, in_range, mass, positive
from .cross_sections import EXT_BASIS, ext_couplings, propagator_factor
from .models import get_model

DCHI2_90 = 2.705543454095404   #: chi^2 quantile for 90% CL, one parameter
N_E = 48
N_T = 48
SCANS = ("g_x", "epsilon", "alpha")
SCAN_MAX = {"g_x": 10.0, "epsilon": 0.999, "alpha": 1.5}


def _energy_nodes(source, t1, t2, n_e):
    """(E nodes, weights) for a Spectrum (pdf folded in) or a fixed energy (weight 1)."""
    if not isinstance(source, Spectrum):
        e = positive("energy", source)
        return np.array([e]), np.array([1.0])
    return energy_nodes(source, (t1, t2), n_e)


def window_forms(source, m_zp, flavour, anti, windows, n_e=N_E, n_t=N_T) -> list[QuadraticForm]:
    """Flux-averaged partial cross sections int dE phi(E) int_{T1bar}^{T2bar} dT dsigma/dT
    (Lindner Eqs. 4.3, 4.4, 4.6) as quadratic forms on (L0, R0, L1, R1), one per recoil window.

    source: a :class:`~xboson.spectra.Spectrum` or a beam energy [GeV]; m_zp [GeV]; windows:
    [(T1, T2), ...] in GeV. Uses Chiang's exact coefficients (:func:`xboson.scattering.dsigma_dT_terms`)
    and the quadrature nodes of :func:`xboson.averaging.recoil_nodes`. Units: GeV^-2 times the
    spectrum's units. Domain: m_zp in [1e-6, 1e4] GeV.
    """
    m_zp = mass("m_zp", m_zp)
    out = []
    for t1, t2 in windows:
        e, we = _energy_nodes(source, t1, t2, n_e)
        hi = np.minimum(t2, t_max_recoil(e))
        live = hi > t1
        if not np.any(live):
            out.append(QuadraticForm(0.0, np.zeros(4), np.zeros((4, 4)), EXT_BASIS))
            continue
        e, we, hi = e[live], we[live], hi[live]
        t, wt = recoil_nodes(np.full_like(e, t1), hi, m_zp, n_t)
        terms = dsigma_dT_terms(e[:, None], t, m_zp, flavour, anti)
        f = propagator_factor(m_zp, t)

        def integ(a, k=0):
            return float(np.sum(we * np.sum(a * wt * f**k, axis=-1)))

        lin = np.array([integ(terms.int_l), integ(terms.int_r), integ(terms.int_l, 1), integ(terms.int_r, 1)])
        q = np.zeros((4, 4))
        for (i, j), arr, k, half in [((0, 0), terms.x_ll, 0, 1), ((1, 1), terms.x_rr, 0, 1),
                                     ((0, 1), terms.x_lr, 0, 0.5), ((2, 2), terms.x_ll, 2, 1),
                                     ((3, 3), terms.x_rr, 2, 1), ((2, 3), terms.x_lr, 2, 0.5),
                                     ((0, 2), terms.x_ll, 1, 1), ((1, 3), terms.x_rr, 1, 1),
                                     ((0, 3), terms.x_lr, 1, 0.5), ((1, 2), terms.x_lr, 1, 0.5)]:
            v = half * integ(arr, k)
            q[i, j] += v
            if i != j:
                q[j, i] += v
        out.append(QuadraticForm(integ(terms.sm), lin, q, EXT_BASIS))
    return out


def _eval(form: QuadraticForm, p):
    return form.const + p @ form.linear + np.einsum("...i,ij,...j->...", p, form.quad, p)


# --- experiments -----------------------------------------------------------------------------------

@dataclass
class Prepared:
    """An experiment's chi^2 at one m_Z': ``chi2(p)`` for ext couplings p of shape (..., 4)."""

    name: str
    label: str
    chi2: object


def _inputs():
    return load_yaml("lindner_experiments.yaml")


def prepare_texono(m_zp) -> Prepared:
    """TEXONO summary: chi^2 = ((R - 1.08) / 0.264)^2, R = sigma(3-8 MeV) / sigma_SM (reactor nu-bar_e)."""
    d = _inputs()["texono"]
    t1, t2 = (v * MeV for v in d["recoil_window_mev"])
    form = window_forms(reactor_spectrum(), m_zp, "e", True, [(t1, t2)])[0]
    err = math.hypot(d["error_stat"], d["error_sys"])
    return Prepared("texono", "TEXONO ratio to SM, 3-8 MeV (summary)",
                    lambda p: ((_eval(form, p) / form.const - d["ratio"]) / err) ** 2)


def _charm2_design(e, t1, t2):
    """Contact-form integrals J0 = int dT, J2 = int (1-T/E)^2 dT, J1 = int m_e T / E^2 dT [GeV]."""
    hi = min(t2, float(t_max_recoil(e)))
    j0 = hi - t1
    j2 = ((e - t1) ** 3 - (e - hi) ** 3) / (3 * e * e)
    j1 = M_E * (hi * hi - t1 * t1) / (2 * e * e)
    return j0, j2, j1


def prepare_charm2(m_zp) -> Prepared:
    """CHARM-II summary: the nu_mu e and nu-bar_mu e cross sections at the mean energies in
    3 < T < 24 GeV, turned into effective (g_V +- g_A)^2 = 4 g_{L,R}^2 by inverting the contact
    formula (Chiang Eq. 14 / Lindner Eq. 3.10); chi^2 against 0.289 +- 0.026, 0.219 +- 0.023."""
    d = load_yaml("charm2.yaml")
    t1, t2 = d["recoil_window_gev"]
    e_nu, e_nb = d["mean_energy_numu_gev"], d["mean_energy_numubar_gev"]
    f_nu = window_forms(e_nu, m_zp, "mu", False, [(t1, t2)])[0]
    f_nb = window_forms(e_nb, m_zp, "mu", True, [(t1, t2)])[0]
    n = 2 * G_F**2 * M_E / math.pi
    a0, a2, a1 = _charm2_design(e_nu, t1, t2)
    b0, b2, b1 = _charm2_design(e_nb, t1, t2)
    inv = np.linalg.inv(np.array([[a0, a2], [b2, b0]]))
    cross = GBAR_L * GBAR_R
    plus, minus = d["g_v_plus_g_a_squared"], d["g_v_minus_g_a_squared"]

    def chi2(p):
        s_nu = _eval(f_nu, p) / n + cross * a1
        s_nb = _eval(f_nb, p) / n + cross * b1
        gl2 = inv[0, 0] * s_nu + inv[0, 1] * s_nb
        gr2 = inv[1, 0] * s_nu + inv[1, 1] * s_nb
        return (((4 * gl2 - plus["value"]) / plus["error"]) ** 2
                + ((4 * gr2 - minus["value"]) / minus["error"]) ** 2)

    return Prepared("charm2", "CHARM-II (g_V +- g_A)^2 at the mean energies (summary)", chi2)


def gemma_bins():
    """The 1-keV bins over 3-25 keV (GeV)."""
    d = _inputs()["gemma"]
    lo, hi = d["recoil_window_kev"]
    edges = np.arange(lo, hi + 0.5 * d["bin_width_kev"], d["bin_width_kev"]) * keV
    return list(zip(edges[:-1], edges[1:]))


@functools.lru_cache(maxsize=2)
def _gemma_mu_excess():
    """sigma_mu,i: flux-averaged magnetic-moment cross section per bin [GeV^-2 per fission],
    dsigma/dT = pi alpha^2 mu^2 / m_e^2 (1/T - 1/E), mu = 3.2e-11 mu_B."""
    mu = _inputs()["gemma"]["mu_nu_limit_bohr"]
    out = []
    spec = reactor_spectrum()
    xt, wt = gauss_legendre(N_T)
    for t1, t2 in gemma_bins():
        e, we = _energy_nodes(spec, t1, t2, N_E)
        hi = np.minimum(t2, t_max_recoil(e))
        t = t1 + 0.5 * (hi - t1)[:, None] * (xt + 1)
        w = 0.5 * (hi - t1)[:, None] * wt
        ds = math.pi * ALPHA_0**2 * mu**2 / M_E**2 * (1 / t - 1 / e[:, None])
        out.append(float(np.sum(we * np.sum(ds * w, axis=-1))))
    return np.array(out)


def prepare_gemma(m_zp) -> Prepared:
    """GEMMA, magnetic-moment-equivalent reconstruction (ours; see module doc)."""
    forms = window_forms(reactor_spectrum(), m_zp, "e", True, gemma_bins())
    mu2 = float(np.sum(_gemma_mu_excess() ** 2))

    def chi2(p):
        tot = 0.0
        for f in forms:
            tot = tot + (_eval(f, p) - f.const) ** 2
        return DCHI2_90 * tot / mu2

    return Prepared("gemma", "GEMMA: excess <= that of mu_nu = 3.2e-11 mu_B, 3-25 keV (reconstruction)", chi2)


# --- the paper's binned format ----------------------------------------------------------------------

@dataclass
class BinnedMeasurement:
    """A binned recoil spectrum in the format Lindner et al. fit (Eqs. 4.1-4.3):
    chi^2 = sum_i ((R_i - R_i^0) / Delta R_i)^2 with R_i = a N(T_1i, T_2i) / (T_2i - T_1i).

    bins [GeV], rate and error (any consistent units), source: 'reactor' or a beam energy [GeV],
    flavour, anti; the factor a is ``scale`` if given, else calibrated so that the SM prediction
    matches ``sm_rate`` (the SM histogram of the experimental figure) in the least-squares sense.
    """

    name: str
    bins: list
    rate: np.ndarray
    error: np.ndarray
    source: object
    flavour: str = "e"
    anti: bool = True
    scale: float | None = None
    sm_rate: np.ndarray | None = None

    @classmethod
    def from_dict(cls, name, d):
        """From a YAML mapping with keys bins_gev (or bins_mev / bins_kev) [[lo, hi], ...], rate, error,
        source ('reactor' or {energy_gev: E}), flavour, anti, and scale or sm_rate."""
        for key, unit in (("bins_gev", 1.0), ("bins_mev", MeV), ("bins_kev", keV)):
            if key in d:
                bins = [(float(a) * unit, float(b) * unit) for a, b in d[key]]
                break
        else:
            raise InputError(f"binned data {name!r}: need bins_gev, bins_mev or bins_kev")
        src = d.get("source", "reactor")
        src = reactor_spectrum() if src == "reactor" else positive("energy_gev", src["energy_gev"])
        rate = np.asarray(finite("rate", d["rate"]), float)
        err = np.asarray(positive("error", d["error"]), float)
        if not (len(bins) == rate.size == err.size):
            raise InputError(f"binned data {name!r}: bins, rate and error differ in length")
        sm = d.get("sm_rate")
        return cls(name, bins, rate, err, src, d.get("flavour", "e"), bool(d.get("anti", True)),
                   d.get("scale"), None if sm is None else np.asarray(sm, float))

    def prepare(self, m_zp) -> Prepared:
        forms = window_forms(self.source, m_zp, self.flavour, self.anti, self.bins)
        widths = np.array([b - a for a, b in self.bins])
        sm_n = np.array([f.const for f in forms]) / widths
        if self.scale is not None:
            a = float(self.scale)
        elif self.sm_rate is not None:
            a = float(np.sum(self.sm_rate * sm_n) / np.sum(sm_n * sm_n))
        else:
            raise InputError(f"binned data {self.name!r}: need scale or sm_rate")

        def chi2(p):
            tot = 0.0
            for f, wd, r0, dr in zip(forms, widths, self.rate, self.error):
                tot = tot + ((a * _eval(f, p) / wd - r0) / dr) ** 2
            return tot

        return Prepared(self.name, f"{self.name} (binned, Lindner Eqs. 4.1-4.3)", chi2)


def binned_experiments() -> dict:
    """Binned data files ``data/lindner_binned_<name>.yaml`` (none are shipped yet)."""
    out = {}
    for path in sorted(DATA_DIR.glob("lindner_binned_*.yaml")):
        name = path.stem.removeprefix("lindner_binned_")
        d = load_yaml(path.name)
        out[name] = BinnedMeasurement.from_dict(name, d).prepare
    return out


SUMMARY = {"texono": prepare_texono, "charm2": prepare_charm2, "gemma": prepare_gemma}


def experiment_names() -> list[str]:
    return list(SUMMARY) + sorted(binned_experiments()) + ["combined"]


def prepare(experiment, m_zp) -> list[Prepared]:
    """Prepared chi^2 terms of ``experiment`` ('texono', 'charm2', 'gemma', a binned file's name, or
    'combined' = the three summary measurements) at m_Z' [GeV] in [1e-6, 1e4]."""
    m_zp = mass("m_zp", m_zp)
    registry = dict(SUMMARY, **binned_experiments())
    choice("experiment", experiment, list(registry) + ["combined"])
    if experiment == "combined":
        return [SUMMARY[k](m_zp) for k in SUMMARY]
    return [registry[experiment](m_zp)]


# --- scans and limits ---------------------------------------------------------------------------------

def scan_couplings(model, scan, lam, alpha_over_gx=0.0, epsilon=0.0):
    """(L0, R0, L1, R1) along a scan: 'g_x' (alpha = r g_X, fixed epsilon; Figs. 1-2),
    'epsilon' (g_X = alpha = 0; Fig. 3) or 'alpha' (g_X = epsilon = 0; Fig. 4)."""
    choice("scan", scan, SCANS)
    lam = np.asarray(lam, float)
    if scan == "g_x":
        return ext_couplings(model, lam, epsilon, alpha_over_gx * lam)
    if scan == "epsilon":
        return ext_couplings(model, 0.0 * lam, lam, 0.0)
    return ext_couplings(model, 0.0 * lam, 0.0, lam)


#: largest |alpha / g_X| accepted for the g_x scan (alpha = R g_X stays a small mixing angle
#: times O(1e3) at most; beyond, the scan leaves the range where Lindner Eq. 2.11 is used)
ALPHA_OVER_GX_MAX = 1e3


@dataclass(frozen=True)
class ScanLimit:
    """Result of a one-parameter scan: ``upper`` (the 90% CL limit, or None) and ``status``:
    'limit' (Delta chi^2 reached 2.706 at ``upper``), 'unbounded' (it never did up to
    :data:`SCAN_MAX`; ``upper`` is None) or 'excluded' (the whole scan line, including its zero,
    lies more than 2.706 above the SM chi^2 -- e.g. a fixed epsilon already excluded -- so every
    value of the scanned parameter is excluded; ``upper`` is None)."""

    upper: float | None
    status: str


def _first_crossing(fn, lam_max, chi2_sm):
    grid = np.concatenate([[0.0], np.logspace(-10, math.log10(lam_max), 241)])
    c = fn(grid)
    if not (np.all(np.isfinite(c)) and math.isfinite(chi2_sm)):
        raise FloatingPointError("non-finite chi^2 inside the declared domain (a bug)")
    ibest = int(np.argmin(c))
    cmin = float(c[ibest])
    if cmin - chi2_sm > DCHI2_90:
        return ScanLimit(None, "excluded")
    above = np.nonzero(c[ibest:] - cmin > DCHI2_90)[0]
    if above.size == 0:
        return ScanLimit(None, "unbounded")
    i = ibest + int(above[0])
    a, b = grid[i - 1], grid[i]
    root = brentq(lambda x: float(fn(np.array([x]))[0]) - cmin - DCHI2_90, a, b, xtol=1e-300, rtol=1e-10)
    return ScanLimit(float(root), "limit")


def scan_limit(model, experiment, m_zp, scan="g_x", alpha_over_gx=0.0, epsilon=0.0, prepared=None) -> ScanLimit:
    """90% CL upper limit on the scanned parameter at m_Z' [GeV] with its status (:class:`ScanLimit`):
    g_X in Lindner's g_X Q_X / 2 convention; epsilon; alpha in rad.

    The limit is the first crossing of Delta chi^2 = 2.706 above the best fit of the scan line;
    for couplings with destructive interference a second allowed island at larger values can exist
    beyond it. Domain: m_zp in [1e-6, 1e4] GeV, |alpha_over_gx| <= 1e3, |epsilon| < 1, model
    charges |q| <= 1e6.
    """
    model = get_model(model)
    choice("scan", scan, SCANS)
    m_zp = mass("m_zp", m_zp)
    r = in_range("alpha_over_gx", alpha_over_gx, -ALPHA_OVER_GX_MAX, ALPHA_OVER_GX_MAX)
    eps = in_range("epsilon", epsilon, -1, 1, lo_open=True, hi_open=True)
    if scan != "g_x" and (r != 0 or eps != 0):
        raise InputError(f"scan {scan!r}: --alpha-over-gx and --epsilon apply to the g_x scan only")
    terms = prepared if prepared is not None else prepare(experiment, m_zp)

    def fn(lam, eps=eps):
        p = scan_couplings(model, scan, lam, r, eps)
        return sum(t.chi2(p) for t in terms)

    chi2_sm = float(fn(np.array([0.0]), eps=0.0)[0])      # g_X = epsilon = alpha = 0
    return _first_crossing(fn, SCAN_MAX[scan], chi2_sm)


def upper_limit(model, experiment, m_zp, scan="g_x", alpha_over_gx=0.0, epsilon=0.0, prepared=None):
    """The limit of :func:`scan_limit` alone: a float, or None when there is none ('unbounded' or
    'excluded' -- ask :func:`scan_limit` which)."""
    return scan_limit(model, experiment, m_zp, scan, alpha_over_gx, epsilon, prepared).upper


def limit_curve(model, experiment, masses, scan="g_x", alpha_over_gx=0.0, epsilon=0.0):
    """Upper limits at each m_Z' in ``masses`` [GeV] (array; NaN where none)."""
    out = []
    for m in np.atleast_1d(masses):
        v = upper_limit(model, experiment, float(m), scan, alpha_over_gx, epsilon)
        out.append(np.nan if v is None else v)
    return np.array(out)


def limit_curves(models, experiments, masses, scan="g_x", alpha_over_gx=0.0, epsilon=0.0) -> dict:
    """{(model, experiment): limits} sharing the per-mass preparation (fast for Figs. 1-4).
    ``experiments`` may include 'combined'."""
    masses = np.atleast_1d(np.asarray(masses, float))
    models = [get_model(m) for m in models]
    out = {(m.name, x): np.full(masses.size, np.nan) for m in models for x in experiments}
    for k, mz in enumerate(masses):
        prep = {x: prepare(x, mz)[0] for x in SUMMARY if x in experiments or "combined" in experiments}
        for x in experiments:
            terms = list(prep.values()) if x == "combined" else ([prep[x]] if x in prep else prepare(x, mz))
            for m in models:
                v = upper_limit(m, x, mz, scan, alpha_over_gx, epsilon, prepared=terms)
                if v is not None:
                    out[(m.name, x)][k] = v
    return out


def paper_to_gq(g_x):
    """Lindner's g_X (covariant derivative g_X Q_X / 2) expressed in the g Q convention: g = g_X / 2.
    g_x finite (scalar or array)."""
    return 0.5 * np.asarray(finite("g_x", g_x), float)


def m_zp_threshold(t_min):
    """m_Z'^min = sqrt(2 m_e T_min), Lindner Eq. (3.15) [GeV]."""
    return math.sqrt(2 * M_E * positive("t_min", t_min))
