"""Sec. 5 of Lindner et al.: chi^2 fits of nu-e scattering data and 90% CL limits on U(1)_X
parameters (g_X, epsilon, alpha) versus m_Z'.

Every prediction goes through Chiang's exact cross section (:mod:`xboson.scattering`) with the
effective couplings of :func:`xboson.lindner.cross_sections.chiang_couplings`: at fixed m_Z'
each observable is a quadratic form in (L0, R0, L1, R1) (:data:`~.cross_sections.EXT_BASIS`),
built once per mass by :func:`window_forms`; a scan over g_X (or epsilon, alpha) is then cheap.

The data are records of ``data/measurements.yaml`` (:mod:`xboson.measurements`) -- *summary*
measurements, not the binned spectra Lindner et al. fitted -- and each chi^2 term is the record's
own :meth:`~xboson.measurements.Measurement.chi2` (the same record and arithmetic that give
Chiang's bands):

* ``texono``: record ``texono.ratio_to_sm``, the ratio to the SM of the reactor nu-bar_e e rate
  for 3 < T < 8 MeV, 1.08 +- 0.264 (Lindner quote stat 0.21 and sys 0.16: added in quadrature);
* ``charm2``: records ``charm2.g_v_plus_g_a_squared`` = 0.289 +- 0.026 and
  ``charm2.g_v_minus_g_a_squared`` = 0.219 +- 0.023 (Chiang Eq. 16), interpreted as the effective
  couplings that reproduce the nu_mu e and nu-bar_mu e cross sections at the mean energies
  23.7 / 19.1 GeV in the window 3 < T < 24 GeV;
* ``gemma``: record ``gemma.mu_nu`` (mu_nu < 3.2e-11 mu_B at 90% CL) and our reconstruction --
  the Z' excess over the SM in 1-keV bins over 3-25 keV may be no larger, in sum of squares (a
  chi^2 against a flat background), than that of mu_nu at the limit: the equivalent moment
  mu_eff = mu_lim (sum_i Dsigma_i^2 / sum_i sigma_mu,i^2)^(1/2) enters the record's chi^2,
  chi^2 = 2.706 (mu_eff / mu_lim)^2.

:class:`BinnedMeasurement` implements the paper's own chi^2 (Eqs. 4.1-4.3) for binned spectra;
a file ``data/lindner_binned_<name>.yaml`` becomes an experiment when its name is listed in
:data:`BINNED` (the registry is explicit: :data:`SUMMARY` plus :data:`BINNED`).

Limits: 90% CL for one parameter, Delta chi^2 = 2.706 above the minimum of the scan (the scan
parameter is >= 0; all observables are even in it). Units: masses in GeV, cross sections GeV^-2.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from scipy.optimize import brentq

from ..errors import DataFileError, InputError
from ..averaging import energy_nodes, gauss_legendre, recoil_nodes
from ..constants import ALPHA_0, G_F, GBAR_L, GBAR_R, M_E
from ..data import load_yaml
from ..kinematics import t_max_recoil
from ..measurements import DCHI2_90, WINDOW_UNITS, measurement
from ..quadform import QuadraticForm
from ..spectra import reactor_spectrum
from ..scattering import dsigma_dT_terms
from ..spectra import Spectrum
from ..units import MeV, keV
from ..validation import choice, finite, in_range, mass, positive
from .cross_sections import EXT_BASIS, ext_couplings, propagator_factor
from .models import Model, get_model

__all__ = ["DCHI2_90", "N_E", "N_T", "SCANS", "SCAN_MAX", "BLOCK_POINTS", "SUMMARY", "BINNED", "window_forms", "Prepared",
           "prepare_texono", "prepare_charm2", "prepare_gemma", "gemma_bins", "BinnedMeasurement",
           "binned_experiments", "registry", "experiment_names", "prepare", "scan_couplings", "ScanLimit", "scan_limit",
           "upper_limit", "limit_curve", "limit_curves", "paper_to_gq", "m_zp_threshold", "r_at_zero", "ALPHA_OVER_GX_MAX"]

N_E = 48
N_T = 48
SCANS = ("g_x", "epsilon", "alpha")
SCAN_MAX = {"g_x": 10.0, "epsilon": 0.999, "alpha": 1.5}
PAPER = "lindner"          #: whose error combination and CL convention the chi^2 terms use

#: the records each summary experiment fits (data/measurements.yaml)
TEXONO = "texono.ratio_to_sm"
CHARM2 = ("charm2.g_v_plus_g_a_squared", "charm2.g_v_minus_g_a_squared")
GEMMA = "gemma.mu_nu"


@dataclass(frozen=True)
class _Nodes:
    """Energy nodes of a set of recoil windows, flattened over windows (independent of m_Z'):
    E, weight phi(E) dE, the recoil range [t1, hi] at each node and the node's window index."""

    e: np.ndarray
    we: np.ndarray
    t1: np.ndarray
    hi: np.ndarray
    window: np.ndarray
    n_windows: int


@functools.lru_cache(maxsize=32)
def _window_nodes(source, windows: tuple, n_e: int) -> _Nodes:
    """Nodes for ``windows`` ((T1, T2), ... in GeV) over a Spectrum (pdf folded in, E split where
    T_max(E) = T2 -- :func:`xboson.averaging.energy_nodes`) or a fixed energy (weight 1); nodes
    whose recoil range is empty (T_max(E) <= T1) are dropped."""
    parts = []
    for k, (t1, t2) in enumerate(windows):
        if isinstance(source, Spectrum):
            e, we = energy_nodes(source, (t1, t2), n_e)
        else:
            e, we = np.array([source]), np.array([1.0])
        hi = np.minimum(t2, t_max_recoil(e))
        live = hi > t1
        parts.append((e[live], we[live], np.full(int(live.sum()), t1), hi[live], np.full(int(live.sum()), k)))
    cat = [np.concatenate([p[i] for p in parts]) for i in range(5)]
    for a in cat:
        a.setflags(write=False)
    return _Nodes(cat[0], cat[1], cat[2], cat[3], cat[4].astype(int), len(windows))


#: (const, linear, quad) assembly of a window form from the integrals I[array, k] of
#: int dE phi int dT array f^k: arrays 0 sm, 1 int_l, 2 int_r, 3 x_ll, 4 x_rr, 5 x_lr
_QUAD = [((0, 0), 3, 0, 1.0), ((1, 1), 4, 0, 1.0), ((0, 1), 5, 0, 0.5), ((2, 2), 3, 2, 1.0),
         ((3, 3), 4, 2, 1.0), ((2, 3), 5, 2, 0.5), ((0, 2), 3, 1, 1.0), ((1, 3), 4, 1, 1.0),
         ((0, 3), 5, 1, 0.5), ((1, 2), 5, 1, 0.5)]


def window_forms(source: Spectrum | float, m_zp: float, flavour: str, anti: bool,
                 windows: Iterable[tuple[float, float]], n_e: int = N_E, n_t: int = N_T) -> list[QuadraticForm]:
    """Flux-averaged partial cross sections int dE phi(E) int_{T1bar}^{T2bar} dT dsigma/dT
    (Lindner Eqs. 4.3, 4.4, 4.6) as quadratic forms on (L0, R0, L1, R1), one per recoil window.

    source: a :class:`~xboson.spectra.Spectrum` or a beam energy [GeV]; m_zp [GeV]; windows:
    [(T1, T2), ...] in GeV. Uses Chiang's exact coefficients (:func:`xboson.scattering.dsigma_dT_terms`)
    and the quadrature nodes of :func:`xboson.averaging.recoil_nodes`, all windows in one array
    evaluation (cached per mass: repeated scans at the same masses reuse the forms). Units:
    GeV^-2 times the spectrum's units. Domain: m_zp in [1e-6, 1e4] GeV.
    """
    m_zp = mass("m_zp", m_zp)
    if not isinstance(source, Spectrum):
        source = positive("energy", source)
    choice("flavour", flavour, ("e", "mu", "tau"))
    key = tuple((float(a), float(b)) for a, b in windows)
    return list(_window_forms(source, float(m_zp), flavour, bool(anti), key, int(n_e), int(n_t)))


#: quadrature points evaluated per array pass: blocks of this size keep numpy's temporaries in
#: the CPU cache (a speed choice only; the sums are the same)
BLOCK_POINTS = 1 << 14


def _node_integrals(nodes: _Nodes, sl: slice, m_zp, flavour, anti, n_t) -> np.ndarray:
    """For the nodes ``sl``: we * int dT array * f^k for the six coefficient arrays (sm, int_l,
    int_r, x_ll, x_rr, x_lr) and k = 0, 1, 2, shape (6, 3, n_nodes)."""
    t, wt = recoil_nodes(nodes.t1[sl], nodes.hi[sl], m_zp, n_t)
    terms = dsigma_dT_terms(nodes.e[sl, None], t, m_zp, flavour, anti)
    f = propagator_factor(m_zp, t)
    wf = wt * f
    w = np.stack([wt, wf, wf * f])
    arrs = (terms.sm, terms.int_l, terms.int_r, terms.x_ll, terms.x_rr, terms.x_lr)
    return np.stack([np.einsum("nj,knj->kn", a, w) for a in arrs]) * nodes.we[sl]


@functools.lru_cache(maxsize=1024)
def _window_forms(source, m_zp, flavour, anti, windows, n_e, n_t) -> tuple[QuadraticForm, ...]:
    nodes = _window_nodes(source, windows, n_e)
    tot = np.zeros((6, 3, nodes.n_windows))
    if nodes.e.size:
        rows = max(1, BLOCK_POINTS // n_t)
        per_node = np.concatenate([_node_integrals(nodes, slice(a, a + rows), m_zp, flavour, anti, n_t)
                                   for a in range(0, nodes.e.size, rows)], axis=-1)
        live = np.unique(nodes.window)               # nodes are grouped by window, in order
        starts = np.searchsorted(nodes.window, live)
        tot[:, :, live] = np.add.reduceat(per_node, starts, axis=-1)
    out = []
    for k in range(nodes.n_windows):
        i = tot[:, :, k]
        q = np.zeros((4, 4))
        for (a, b), arr, kk, half in _QUAD:
            v = half * i[arr, kk]
            q[a, b] += v
            if a != b:
                q[b, a] += v
        form = QuadraticForm(float(i[0, 0]), np.array([i[1, 0], i[2, 0], i[1, 1], i[2, 1]]), q, EXT_BASIS)
        form.linear.setflags(write=False)        # cached: shared by every caller at this mass
        form.quad.setflags(write=False)
        out.append(form)
    return tuple(out)


def _eval(form: QuadraticForm, p):
    return form.const + p @ form.linear + np.einsum("...i,ij,...j->...", p, form.quad, p)


def _stack(forms):
    """(linear (n, 4), quad (n, 4, 4)) of ``forms``: their X parts evaluated together."""
    return np.array([f.linear for f in forms]), np.array([f.quad for f in forms])


def _x_parts(lin, quad, p):
    """The X parts (form minus its SM constant) of stacked forms at p (..., 4): shape (..., n)."""
    return p @ lin.T + np.einsum("...i,nij,...j->...n", p, quad, p)


# --- experiments -----------------------------------------------------------------------------------

@dataclass
class Prepared:
    """An experiment's chi^2 at one m_Z': ``chi2(p)`` for ext couplings p of shape (..., 4)."""

    name: str
    label: str
    chi2: Callable


def _inputs():
    """Our fits' set-up (data/lindner_experiments.yaml): fluxes, the GEMMA binning, Table 2."""
    return load_yaml("lindner_experiments.yaml")


def prepare_texono(m_zp: float) -> Prepared:
    """TEXONO summary: chi^2 = record chi^2 of R = sigma(3-8 MeV) / sigma_SM (reactor nu-bar_e),
    ((R - 1.08) / 0.264)^2."""
    rec = measurement(TEXONO)
    form = window_forms(reactor_spectrum(), m_zp, "e", True, [rec.recoil_window.gev])[0]
    return Prepared("texono", "TEXONO ratio to SM, 3-8 MeV (summary)",
                    lambda p: rec.chi2(_eval(form, p) / form.const, PAPER))


def _charm2_design(e, t1, t2):
    """Contact-form integrals J0 = int dT, J2 = int (1-T/E)^2 dT, J1 = int m_e T / E^2 dT [GeV]."""
    hi = min(t2, float(t_max_recoil(e)))
    j0 = hi - t1
    j2 = ((e - t1) ** 3 - (e - hi) ** 3) / (3 * e * e)
    j1 = M_E * (hi * hi - t1 * t1) / (2 * e * e)
    return j0, j2, j1


def prepare_charm2(m_zp: float) -> Prepared:
    """CHARM-II summary: the nu_mu e and nu-bar_mu e cross sections at the mean energies in
    3 < T < 24 GeV, turned into effective (g_V +- g_A)^2 = 4 g_{L,R}^2 by inverting the contact
    formula (Chiang Eq. 14 / Lindner Eq. 3.10); chi^2 = the two records' chi^2 against
    0.289 +- 0.026, 0.219 +- 0.023 (the records of Chiang's CHARM-II bands)."""
    plus, minus = (measurement(i) for i in CHARM2)
    t1, t2 = plus.recoil_window.gev
    e_nu, e_nb = plus.process.beam(False).mean_energy_gev, plus.process.beam(True).mean_energy_gev
    f_nu = window_forms(e_nu, m_zp, "mu", False, [(t1, t2)])[0]
    f_nb = window_forms(e_nb, m_zp, "mu", True, [(t1, t2)])[0]
    n = 2 * G_F**2 * M_E / math.pi
    a0, a2, a1 = _charm2_design(e_nu, t1, t2)
    b0, b2, b1 = _charm2_design(e_nb, t1, t2)
    inv = np.linalg.inv(np.array([[a0, a2], [b2, b0]]))
    cross = GBAR_L * GBAR_R

    def chi2(p):
        s_nu = _eval(f_nu, p) / n + cross * a1
        s_nb = _eval(f_nb, p) / n + cross * b1
        gl2 = inv[0, 0] * s_nu + inv[0, 1] * s_nb
        gr2 = inv[1, 0] * s_nu + inv[1, 1] * s_nb
        return plus.chi2(4 * gl2, PAPER) + minus.chi2(4 * gr2, PAPER)

    return Prepared("charm2", "CHARM-II (g_V +- g_A)^2 at the mean energies (summary)", chi2)


def gemma_bins() -> list[tuple[float, float]]:
    """The 1-keV bins over the GEMMA window, 3-25 keV (GeV)."""
    w = measurement(GEMMA).recoil_window
    unit = WINDOW_UNITS[w.unit]
    width = _inputs()["gemma"]["bin_width_kev"] * keV / unit      # in the window's unit
    edges = np.arange(w.lo, w.hi + 0.5 * width, width) * unit
    return list(zip(edges[:-1], edges[1:]))


@functools.lru_cache(maxsize=2)
def _gemma_mu_excess():
    """sigma_mu,i: flux-averaged magnetic-moment cross section per bin [GeV^-2 per fission],
    dsigma/dT = pi alpha^2 mu^2 / m_e^2 (1/T - 1/E), mu = the GEMMA limit (3.2e-11 mu_B)."""
    mu = measurement(GEMMA).value
    out = []
    spec = reactor_spectrum()
    xt, wt = gauss_legendre(N_T)
    for t1, t2 in gemma_bins():
        e, we = energy_nodes(spec, (t1, t2), N_E)
        hi = np.minimum(t2, t_max_recoil(e))
        t = t1 + 0.5 * (hi - t1)[:, None] * (xt + 1)
        w = 0.5 * (hi - t1)[:, None] * wt
        ds = math.pi * ALPHA_0**2 * mu**2 / M_E**2 * (1 / t - 1 / e[:, None])
        out.append(float(np.sum(we * np.sum(ds * w, axis=-1))))
    return np.array(out)


def prepare_gemma(m_zp: float) -> Prepared:
    """GEMMA, magnetic-moment-equivalent reconstruction (ours; see module doc): the record's chi^2
    of mu_eff = mu_lim (sum_i Dsigma_i^2 / sum_i sigma_mu,i^2)^(1/2)."""
    rec = measurement(GEMMA)
    lin, quad = _stack(window_forms(reactor_spectrum(), m_zp, "e", True, gemma_bins()))
    mu2 = float(np.sum(_gemma_mu_excess() ** 2))

    def chi2(p):
        tot = np.sum(_x_parts(lin, quad, np.asarray(p, float)) ** 2, axis=-1)
        return rec.chi2(rec.value * np.sqrt(tot / mu2), PAPER)

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
    def from_dict(cls, name: str, d: dict[str, Any]) -> BinnedMeasurement:
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

    def prepare(self, m_zp: float) -> Prepared:
        forms = window_forms(self.source, m_zp, self.flavour, self.anti, self.bins)
        widths = np.array([b - a for a, b in self.bins])
        sm_n = np.array([f.const for f in forms]) / widths
        if self.scale is not None:
            a = float(self.scale)
        elif self.sm_rate is not None:
            a = float(np.sum(self.sm_rate * sm_n) / np.sum(sm_n * sm_n))
        else:
            raise InputError(f"binned data {self.name!r}: need scale or sm_rate")

        const = np.array([f.const for f in forms])
        lin, quad = _stack(forms)

        def chi2(p):
            rate = a * (const + _x_parts(lin, quad, np.asarray(p, float))) / widths
            return np.sum(((rate - self.rate) / self.error) ** 2, axis=-1)

        return Prepared(self.name, f"{self.name} (binned, Lindner Eqs. 4.1-4.3)", chi2)


#: the summary experiments (records of data/measurements.yaml); 'combined' is their sum
SUMMARY: dict[str, Callable[[float], Prepared]] = {
    "texono": prepare_texono, "charm2": prepare_charm2, "gemma": prepare_gemma}

#: binned experiments: name -> data file in Lindner's binned format (:meth:`BinnedMeasurement.from_dict`).
#: None is shipped: the spectra Lindner et al. fitted are not available as text. Register a file
#: here, e.g. ``{"texono_binned": "lindner_binned_texono.yaml"}``, to make it an experiment.
BINNED: dict[str, str] = {}


def binned_experiments(binned: dict[str, str] | None = None) -> dict[str, Callable[[float], Prepared]]:
    """The registered binned experiments (:data:`BINNED`, or ``binned``) as name -> preparer. A
    name that collides with a summary experiment or 'combined' raises DataFileError; a missing
    file InputError; a malformed one DataFileError or InputError naming it."""
    out = {}
    for name, file in (BINNED if binned is None else binned).items():
        if name in SUMMARY or name == "combined":
            raise DataFileError(f"binned data file {file!r}: name {name!r} is already an experiment")
        out[name] = BinnedMeasurement.from_dict(name, load_yaml(file)).prepare
    return out


def registry() -> dict[str, Callable[[float], Prepared]]:
    """Every experiment's preparer: :data:`SUMMARY` then the registered binned files."""
    return dict(SUMMARY, **binned_experiments())


def experiment_names() -> list[str]:
    """The experiments :func:`prepare` accepts, 'combined' last."""
    return list(registry()) + ["combined"]


def prepare(experiment: str, m_zp: float) -> list[Prepared]:
    """Prepared chi^2 terms of ``experiment`` ('texono', 'charm2', 'gemma', a registered binned
    experiment, or 'combined' = the three summary measurements) at m_Z' [GeV] in [1e-6, 1e4]."""
    m_zp = mass("m_zp", m_zp)
    reg = registry()
    choice("experiment", experiment, list(reg) + ["combined"])
    if experiment == "combined":
        return [SUMMARY[k](m_zp) for k in SUMMARY]
    return [reg[experiment](m_zp)]


# --- scans and limits ---------------------------------------------------------------------------------

def scan_couplings(model: Model | str, scan: str, lam: ArrayLike, alpha_over_gx: ArrayLike = 0.0,
                   epsilon: ArrayLike = 0.0) -> np.ndarray:
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


def scan_limit(model: Model | str, experiment: str, m_zp: float, scan: str = "g_x", alpha_over_gx: float = 0.0,
               epsilon: float = 0.0, prepared: Sequence[Prepared] | None = None) -> ScanLimit:
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


def upper_limit(model: Model | str, experiment: str, m_zp: float, scan: str = "g_x", alpha_over_gx: float = 0.0,
                epsilon: float = 0.0, prepared: Sequence[Prepared] | None = None) -> float | None:
    """The limit of :func:`scan_limit` alone: a float, or None when there is none ('unbounded' or
    'excluded' -- ask :func:`scan_limit` which)."""
    return scan_limit(model, experiment, m_zp, scan, alpha_over_gx, epsilon, prepared).upper


def limit_curve(model: Model | str, experiment: str, masses: ArrayLike, scan: str = "g_x",
                alpha_over_gx: float = 0.0, epsilon: float = 0.0) -> np.ndarray:
    """Upper limits at each m_Z' in ``masses`` [GeV] (array; NaN where none)."""
    out = []
    for m in np.atleast_1d(masses):
        v = upper_limit(model, experiment, float(m), scan, alpha_over_gx, epsilon)
        out.append(np.nan if v is None else v)
    return np.array(out)


def limit_curves(models: Iterable[Model | str], experiments: Collection[str], masses: ArrayLike, scan: str = "g_x",
                 alpha_over_gx: float = 0.0, epsilon: float = 0.0) -> dict[tuple[str, str], np.ndarray]:
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


def paper_to_gq(g_x: ArrayLike) -> float | np.ndarray:
    """Lindner's g_X (covariant derivative g_X Q_X / 2) expressed in the g Q convention: g = g_X / 2.
    g_x finite (scalar or array)."""
    return 0.5 * np.asarray(finite("g_x", g_x), float)


def m_zp_threshold(t_min: float) -> float:
    """m_Z'^min = sqrt(2 m_e T_min), Lindner Eq. (3.15) [GeV]."""
    return math.sqrt(2 * M_E * positive("t_min", t_min))


def r_at_zero(t_min: ArrayLike) -> float | np.ndarray:
    """r(m_Z' = 0) = 1 / (2 m_e T_min G_F) at the recoil threshold t_min [GeV], Lindner Eq. (3.14)
    (dimensionless): how much a massless Z' is enhanced over a contact interaction."""
    return 1.0 / (2 * M_E * positive("t_min", t_min) * G_F)
