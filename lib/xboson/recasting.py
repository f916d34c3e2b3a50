"""Recast both papers to any model: the upper limit on a model's overall coupling g from every
constraint of Chiang et al. (arXiv:1204.6296) and Lindner et al. (arXiv:1803.00060), at each X mass.

    >>> from xboson import recast
    >>> res = recast("B-L", [0.01, 1.0])          # or a Model, or a YAML file
    >>> res.rows()[0]["coupling_upper"]

How each constraint sees a model (:class:`~xboson.models.base.Model`: vertex couplings per unit g):

* Coupling-product constraints (LAMPF/LSND, reactors, CHARM-II bands, their intersection
  ``low-energy``, LEP with the width condition of Chiang Eq. 17): the products are C = g^2 d
  (:meth:`Model.direction`); every band's :class:`~xboson.quadform.QuadraticForm` is substituted
  onto the line c = t d (t = g^2, :meth:`QuadraticForm.substitute`) and solved exactly.
  ``coupling_upper`` is the largest allowed |g| (Chiang Sec. IV: limits from the extreme allowed
  values); for a sign-free model (Chiang's products) the weaker of the two signs.
* Z pole (Chiang Eqs. 19-20): Gamma_ee, A_e and Gamma_nunu with all of the model's g_Le, g_Re and
  g_{nu_i nu_i} at once; each is a quadratic in g^2. ``coupling_upper`` is the edge of the allowed
  interval containing g = 0 (Chiang Fig. 6); ``allowed`` shows where it re-opens.
* g-2 (Chiang Eqs. 21-22): a_e^X = g^2 m_e^2 / (4 pi^2 m_X^2) [g_Ve^2 f_V + g_Ae^2 f_A].
* Beam dumps, fixed target (Chiang Sec. VII, approximate): limits on g_Ve for a vector electron
  coupling (g_Ae = 0). Fixed target: the published level moved up by B^(-1/2) with
  B = Gamma_ee / (Gamma_ee + Gamma_nunu) (Chiang Sec. VII). Beam dumps: the yield computed with the
  total width Gamma_ee + Gamma_nunu (shorter decay length) times B(X -> ee)
  (:func:`xboson.experiments.beam_dump.limit` with ``invisible_over_ee`` = Gamma_nunu / Gamma_ee of the model).
* Lindner's chi^2 fits (TEXONO, CHARM-II, GEMMA, combined; Lindner Sec. 5): the model enters as
  U(1)_X charges Q = 2 x (vertex per unit g) of the scattered neutrino flavour (nu_e for
  TEXONO/GEMMA, nu_mu for CHARM-II), so Lindner's g_X *is* the model's g; kinetic and mass mixing
  (epsilon, alpha = R g) are passed on. ``coupling_upper``: first crossing of Delta chi^2 = 2.706
  above the best fit (Lindner Sec. 5).

Coupling-product and separate-coupling constraints assume no Z-X mixing; for a model with mixing
they report ``applies = False`` (the effective couplings then depend on the recoil, Lindner App. B).

Momentum transfer: each source declares the q^2 it probes (:attr:`Source.q2`: -2 m_e T_max for
nu-e scattering, m_X^2 for an X produced or decaying on shell, m_Z^2 for LEP and the Z pole). A
model whose couplings hold only in a q^2 range (:attr:`Model.q2_range`, e.g. the loop-induced
electron coupling of ``Lmu-Ltau-loop``) gets ``applies = False`` from sources outside it; models
with fixed couplings (every other) hold at every q^2.

Every row carries an explicit ``status``: ``limit`` (finite ``coupling_upper``), ``unbounded``
(the constraint applies but sets no upper limit here: no reach at this mass, or Delta chi^2 never
reaches 2.706 for g <= 10), ``excluded`` (no nonzero coupling allowed; ``coupling_upper`` 0, or
null if even g = 0 fails) or ``not-applicable`` (``applies`` false, ``coupling_upper`` null).
Masses in GeV.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import constraints as constraints_mod
from .experiments import g_minus_2, zpole
from .constants import G_EFF_ZPOLE, M_E, M_MU, M_Z
from .errors import InputError
from .intervals import IntervalSet, quadratic_between
from .models import Model, resolve
from .region import interval_along
from .validation import positive

__all__ = ["M_X_RANGE", "STATUSES", "RecastLimit", "RecastResult", "Source", "SOURCES", "recast",
           "source_names"]

M_X_RANGE = (1e-4, 100.0)   #: GeV; the union of the papers' plotted ranges (Lindner 1e-4-10, Chiang 1e-3-100)
STATUSES = ("limit", "unbounded", "excluded", "not-applicable")
MAX_MASSES = 10_000


@dataclass(frozen=True)
class RecastLimit:
    """One constraint at one mass. ``coupling_upper``: upper limit on the model's overall coupling
    (None unless ``status`` is 'limit' or 'excluded'); ``allowed``: allowed intervals of |g| where
    the constraint gives an exact set (in :meth:`as_dict` an interval without upper end has None);
    ``reopens_above``: a closed excluded band (beam dumps)."""

    constraint: str
    m_x: float
    coupling_upper: float | None
    applies: bool
    status: str
    note: str
    paper: str
    limit_kind: str
    allowed: tuple[tuple[float, float], ...] | None = None
    reopens_above: float | None = None
    gamma_x: float | None = None

    def __post_init__(self):
        if self.status not in STATUSES:
            raise InputError(f"status {self.status!r}: expected one of {STATUSES}")

    def as_dict(self) -> dict:
        return {"constraint": self.constraint, "m_x": self.m_x, "coupling_upper": self.coupling_upper,
                "applies": self.applies, "status": self.status, "note": self.note, "paper": self.paper,
                "limit_kind": self.limit_kind,
                "allowed": None if self.allowed is None else [[lo, hi if math.isfinite(hi) else None]
                                                              for lo, hi in self.allowed],
                "reopens_above": self.reopens_above, "gamma_x": self.gamma_x}


@dataclass(frozen=True)
class RecastResult:
    """Every constraint at every mass for one model."""

    model: Model
    masses: tuple[float, ...]
    gamma_x: float | None
    limits: tuple[RecastLimit, ...]

    def rows(self) -> list[dict]:
        """One dict per (constraint, mass) with the model's name, coupling label and notes added."""
        extra = {"model": self.model.name, "coupling": self.model.coupling,
                 "model_note": "; ".join(self.model.notes)}
        return [dict(r.as_dict(), **extra) for r in self.limits]

    def constraint_names(self) -> list[str]:
        return list(dict.fromkeys(r.constraint for r in self.limits))

    def curve(self, constraint: str) -> np.ndarray:
        """coupling_upper over ``masses`` for one constraint (NaN where there is none)."""
        if constraint not in self.constraint_names():
            raise InputError(f"unknown constraint {constraint!r}; expected one of: {', '.join(self.constraint_names())}")
        by_m = {r.m_x: r.coupling_upper for r in self.limits if r.constraint == constraint}
        return np.array([np.nan if by_m[m] is None else by_m[m] for m in self.masses])

    def applicable(self) -> list[str]:
        """Constraints that apply to the model at one or more masses."""
        return list(dict.fromkeys(r.constraint for r in self.limits if r.applies))


@dataclass(frozen=True)
class Source:
    """A recastable constraint. ``evaluate(source, model, m_x, gamma_x, cache) -> RecastLimit``;
    ``q2(m_x)``: the momentum transfer q^2 [GeV^2] it probes (negative: spacelike), the value
    furthest from 0; call :meth:`limit`."""

    name: str
    paper: str
    limit_kind: str
    evaluate: Callable = field(repr=False)
    q2: Callable[[float], float] = field(repr=False, default=lambda m_x: 0.0)

    def limit(self, model: Model, m_x: float, gamma_x: float | None = None, cache: dict | None = None) -> RecastLimit:
        """This constraint's limit on the overall coupling of ``model`` at m_x [GeV]."""
        if model.q2_range is not None:
            q2 = self.q2(m_x)
            if not model.holds_at(q2):
                lo, hi = model.q2_range
                return _na(self, m_x, f"probes q^2 ~ {q2:.3g} GeV^2, outside the range [{lo:.3g}, {hi:.3g}] GeV^2 "
                           "where the model's couplings hold (loop-induced couplings depend on q^2)")
        return self.evaluate(self, model, m_x, gamma_x, {} if cache is None else cache)


# --- helpers ------------------------------------------------------------------------------------

def _row(src: Source, m_x, upper, status, note, **kw) -> RecastLimit:
    return RecastLimit(src.name, m_x, upper, status != "not-applicable", status, note, src.paper,
                       src.limit_kind, **kw)


def _na(src: Source, m_x, why: str, gamma_x=None) -> RecastLimit:
    return _row(src, m_x, None, "not-applicable", why, gamma_x=gamma_x)


def _merge(ivs):
    out = []
    for lo, hi in sorted(ivs):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return tuple(out)


def _g_intervals(t_set: IntervalSet, sign: float) -> list[tuple[float, float]]:
    """Allowed |g| for couplings t = sign g^2 in ``t_set``."""
    out = []
    for lo, hi in t_set.intervals:
        a, b = (lo, hi) if sign > 0 else (-hi, -lo)
        a, b = max(a, 0.0), b
        if b >= a:
            out.append((math.sqrt(a), math.sqrt(b) if math.isfinite(b) else math.inf))
    return out


def _largest_allowed(src, m_x, sets_by_sign, note, gamma_x=None) -> RecastLimit:
    """Row for 'largest allowed |g|' from the allowed set of t along the model's direction d
    (c = t d), read as t = +g^2 and, for a sign-free model, also as t = -g^2."""
    ivs = _merge(iv for s, ts in sets_by_sign for iv in _g_intervals(ts, s))
    if not ivs:
        return _row(src, m_x, None, "excluded", note + "; no coupling, not even g = 0, passes at this CL",
                    allowed=(), gamma_x=gamma_x)
    top = ivs[-1][1]
    if not math.isfinite(top):
        return _row(src, m_x, None, "unbounded", note + "; allowed for arbitrarily large g", allowed=ivs,
                    gamma_x=gamma_x)
    # Chiang's convention: sqrt of the largest |t| allowed (the same float as sqrt(max(|lo|, |hi|)))
    tmax = max((ts.intervals[-1][1] if s > 0 else -ts.intervals[0][0])
               for s, ts in sets_by_sign if not ts.is_empty)
    upper = math.sqrt(max(tmax, 0.0))
    status = "limit" if upper > 0 else "excluded"
    return _row(src, m_x, upper, status, note, allowed=ivs, gamma_x=gamma_x)


# --- coupling-product constraints (Chiang Secs. III-VI, VIII) ------------------------------------

def _constraint(name: str, m_x: float, gamma_x: float | None):
    """The named constraint at m_x; the parts of 'low-energy' come from its per-mass cache
    (:func:`xboson.experiments.low_energy.parts`, the same objects the registry would build)."""
    if name in ("lampf-lsnd", "reactors", "charm2"):
        from .experiments import low_energy

        return low_energy.parts(m_x)[name]
    return constraints_mod.get(name, m_x, gamma_x)


def _along(name: str, m_x: float, gamma_x: float | None, d: np.ndarray, cache: dict):
    """(bands that depend on the direction d, exact allowed set of t along c = t d) of one constraint,
    kept in the recast's cache: 'low-energy' is the intersection of its parts' sets (the same set as
    solving all its bands at once: intersections only pick endpoints)."""
    key = ("along", name, m_x, gamma_x, d.tobytes())
    if key not in cache:
        con = _constraint(name, m_x, gamma_x)
        cache[key] = ([b for b in con.bands if np.any(b.form.along(d)[1:])], interval_along(con.bands, d))
    return cache[key]


def _band_constraint(name: str, gamma_needed: bool = False):
    def evaluate(src, model: Model, m_x: float, gamma_x, cache) -> RecastLimit:
        from .experiments import charm2, lep

        g = None
        if gamma_needed:
            g = lep.fig3_width(m_x) if gamma_x is None else gamma_x
        if model.has_mixing:
            return _na(src, m_x, "Z-X mixing makes the effective couplings recoil-dependent (Lindner App. B); "
                       "only Lindner's fits treat it", g)
        d = model.direction()
        if not np.any(d):
            return _na(src, m_x, "no coupling product g_nu g_e: no tree-level X exchange in this process", g)
        if name == "charm2" and m_x < charm2.M_X_MIN * (1 - 1e-9):
            return _na(src, m_x, "Chiang Sec. V derives no CHARM-II bound below m_X = 1 GeV")
        if name == "low-energy":      # the intersection of its parts: reuse their sets along d
            from .experiments import low_energy

            pieces = [_along(part, m_x, None, d, cache) for part in low_energy.parts(m_x)]
            live = [b for piece_live, _ in pieces for b in piece_live]
            t_set = pieces[0][1]
            for _, piece_set in pieces[1:]:
                t_set = t_set & piece_set
        else:
            live, t_set = _along(name, m_x, g, d, cache)
        if not live:
            return _na(src, m_x, "no measurement in it depends on this model's coupling products", g)
        sets = [(s, t_set) for s in model.signs()]
        note = f"{len(live)} band(s); largest allowed |g|"
        if gamma_needed:
            note += (f"; Gamma_X = {g:.3g} GeV" + (" (Chiang Fig. 3 choice, Fig. 5 top row)" if gamma_x is None else ""))
        if model.sign_free:
            note += "; weaker of the two signs of the coupling product"
        return _largest_allowed(src, m_x, sets, note, gamma_x=g)

    return evaluate


# --- Z pole (Chiang Eqs. 19-20) -------------------------------------------------------------------

def _zpole(src, model: Model, m_x: float, gamma_x, cache) -> RecastLimit:
    if model.has_mixing:
        return _na(src, m_x, "Z-X mixing changes the tree-level Z couplings; Chiang Eqs. (19)-(20) assume none")
    a2, b2 = model.g_le**2, model.g_re**2
    c2 = [model.nu(p) ** 2 for p in ("ee", "mumu", "tautau")]
    if a2 == 0 and b2 == 0 and not any(c2):
        return _na(src, m_x, "no flavour-diagonal coupling to the electron or the neutrinos")
    F = zpole.loop_function(zpole.delta_of(m_x))
    re, ab2 = 2.0 * F.real, abs(F) ** 2
    k = G_EFF_ZPOLE**2 * M_Z / (24.0 * math.pi * zpole.COS2_W_EFF)
    gl2, gr2 = zpole.GBAR_L_EFF**2, zpole.GBAR_R_EFF**2
    r = zpole.ranges()
    # |1 + F y x|^2 = 1 + 2 Re F y x + |F|^2 y^2 x^2 for x = g^2 and y = a coupling^2 per unit g^2
    s = IntervalSet(((0.0, math.inf),))
    (glo, ghi), (alo, ahi), (nlo, nhi) = r["gamma_ee"], r["a_e"], r["gamma_nunu"]
    if a2 or b2:
        quad = k * (gl2 * ab2 * a2**2 + gr2 * ab2 * b2**2)
        lin = k * (gl2 * re * a2 + gr2 * re * b2)
        s = s & quadratic_between(quad, lin, k * (gl2 + gr2), glo, ghi)
        for lim, sign in ((alo, 1.0), (ahi, -1.0)):   # A_e >= alo and A_e <= ahi, denominators > 0
            cl, cr = gl2 * (1 - lim), gr2 * (1 + lim)
            s = s & quadratic_between(sign * (cl * ab2 * a2**2 - cr * ab2 * b2**2),
                                      sign * (cl * re * a2 - cr * re * b2), sign * (cl - cr), 0.0, math.inf)
    if any(c2):
        s = s & quadratic_between(k / 4 * ab2 * sum(c * c for c in c2), k / 4 * re * sum(c2), 3 * k / 4, nlo, nhi)
    note = "Gamma_ee, A_e, Gamma_nunu with all couplings at once"
    if model.flavour_changing:
        note += "; flavour-changing neutrino couplings not included (Chiang Eq. 20 is flavour-diagonal)"
    ivs = tuple((math.sqrt(lo), math.sqrt(hi) if math.isfinite(hi) else math.inf) for lo, hi in s.intervals)
    comp = s.component_containing(0.0)
    if comp is None:
        return _row(src, m_x, None, "excluded", note + "; g = 0 outside the ranges", allowed=ivs)
    if not math.isfinite(comp[1]):
        return _row(src, m_x, None, "unbounded", note, allowed=ivs)
    if len(ivs) > 1:
        note += "; re-opens at larger g (see allowed)"
    return _row(src, m_x, math.sqrt(comp[1]), "limit", note, allowed=ivs)


# --- g-2 (Chiang Eqs. 21-22) -----------------------------------------------------------------------

def _g_minus_2(src, model: Model, m_x: float, gamma_x, cache) -> RecastLimit:
    if model.has_mixing:
        return _na(src, m_x, "computed for a pure X exchange (Chiang Eq. 21); the model has Z-X mixing")
    v, a = model.g_ve, model.g_ae
    if v == 0 and a == 0:
        return _na(src, m_x, "no coupling to the electron")
    r = (M_E / m_x) ** 2
    w = v * v * g_minus_2.f_v(r) + a * a * g_minus_2.f_a(r)
    if w == 0:
        return _row(src, m_x, None, "unbounded", "vector and axial contributions cancel")
    lo, hi = g_minus_2.a_e_range()
    kk = M_E**2 / (4 * math.pi**2 * m_x**2)
    bound = hi if w > 0 else lo
    return _row(src, m_x, math.sqrt(bound / (kk * w)), "limit",
                f"a_e^X = g^2 x {kk * w:.3g}; 90% CL range [{lo:g}, {hi:g}]")


# --- beam dumps and fixed target (Chiang Sec. VII, approximate) -----------------------------------

def _vector_electron(src, model: Model, m_x):
    if model.has_mixing:
        return _na(src, m_x, "Z-X mixing: not the vector-like X the searches assume")
    if model.g_ve == 0:
        return _na(src, m_x, "no vector coupling to the electron")
    if model.g_ae != 0:
        return _na(src, m_x, "axial electron coupling: the searches assume g_Ae = 0 (Chiang Sec. VII)")
    return None


def _beam_dump(src, model: Model, m_x: float, gamma_x, cache) -> RecastLimit:
    from .experiments import beam_dump

    na = _vector_electron(src, model, m_x)
    if na:
        return na
    ee = model.width_ee(m_x)
    inv = model.width_invisible(m_x) / ee if ee > 0 else 0.0    # below 2 m_e there is no reach anyway
    lim = beam_dump.limit("gVe", m_x, invisible_over_ee=inv)
    extra = f"; X -> nu nubar: Gamma_nunu / Gamma_ee = {inv:.3g} shortens the decay length and lowers B(X -> ee)" if inv else ""
    if lim.upper is None:
        return _row(src, m_x, None, "unbounded", "no beam-dump reach at this mass (approximate, BEST estimate)" + extra)
    v = abs(model.g_ve)
    return _row(src, m_x, lim.upper / v, "limit",
                "excluded band: allowed below coupling_upper or above reopens_above (approximate, BEST estimate)"
                + extra, reopens_above=lim.lower / v)


def _fixed_target(src, model: Model, m_x: float, gamma_x, cache) -> RecastLimit:
    from .experiments import beam_dump

    na = _vector_electron(src, model, m_x)
    if na:
        return na
    lim = beam_dump.fixed_target_limit("gVe", m_x)
    if lim.upper is None:
        return _row(src, m_x, None, "unbounded", "outside the A1/APEX mass range (0.175-0.300 GeV)")
    b = model.branching_ee_vs_invisible(m_x)
    note = "A1/APEX flat published levels (approximate)"
    if b < 1:
        note += f"; moved up by B^(-1/2), B = {b:.3g} from X -> nu nubar (Chiang Sec. VII)"
    return _row(src, m_x, lim.upper / abs(model.g_ve) / math.sqrt(b), "limit", note)


# --- Lindner's chi^2 fits (Lindner Sec. 5) ----------------------------------------------------------

_LINDNER_FLAVOUR = {"texono": "ee", "charm2": "mumu", "gemma": "ee"}


def _lindner(experiment: str):
    def evaluate(src, model: Model, m_x: float, gamma_x, cache) -> RecastLimit:
        from .lindner import fits
        from .lindner.models import Model as ChargeModel

        parts = list(_LINDNER_FLAVOUR) if experiment == "combined" else [experiment]
        flavours = {_LINDNER_FLAVOUR[p] for p in parts}
        q_el, q_er = 2.0 * model.g_le, 2.0 * model.g_re
        if not model.has_mixing and all(model.nu(f) * q_el == 0 and model.nu(f) * q_er == 0 for f in flavours):
            return _na(src, m_x, "no coupling product of the scattered neutrino flavour and the electron")
        if len({model.nu(f) for f in flavours}) > 1:
            return _na(src, m_x, "the combined fit needs one neutrino charge for nu_e and nu_mu "
                       "(see the separate experiments)")
        q_nu = 2.0 * model.nu(next(iter(flavours)))
        prepared = cache.setdefault(("lindner", m_x), {})     # shared by the four Lindner sources
        for p in parts:
            if p not in prepared:
                prepared[p] = fits.prepare(p, m_x)[0]
        terms = [prepared[p] for p in parts]
        best = None
        for s in model.signs():
            cm = ChargeModel(model.name, s * q_nu, q_el, q_er)
            v = fits.upper_limit(cm, experiment, m_x, "g_x", model.alpha_over_g, model.epsilon, prepared=terms)
            if v is None:
                return _row(src, m_x, None, "unbounded",
                            f"Delta chi^2 never reaches 2.706 for g <= {fits.SCAN_MAX['g_x']:g} (scan range)")
            best = v if best is None else max(best, v)
        note = "summary measurements (not the paper's binned spectra); charges Q = 2 x vertex per unit g"
        if model.has_mixing:
            note += f"; epsilon = {model.epsilon:g}, alpha = {model.alpha_over_g:g} g"
        return _row(src, m_x, best, "limit", note)

    return evaluate


# --- momentum transfer probed by each source (q^2 in GeV^2; negative = spacelike) ------------------

def _q2_reactor(m_x: float) -> float:
    """nu-bar_e e scattering at reactors: |q^2| = 2 m_e T <= 2 m_e E_max (spectrum end, Chiang Eq. 11)."""
    from .spectra import reactor_spectrum

    return -2 * M_E * reactor_spectrum().e_max


def _q2_lampf(m_x: float) -> float:
    """LAMPF/LSND: neutrinos from muon decay at rest, E <= m_mu / 2."""
    return -2 * M_E * M_MU / 2


def _q2_charm2(m_x: float) -> float:
    """CHARM-II: recoil up to the top of its window (the Chiang Eq. 16 record), |q^2| = 2 m_e T_max."""
    from .experiments import charm2

    return -2 * M_E * charm2.inputs()["recoil_window_gev"][1]


def _q2_on_shell(m_x: float) -> float:
    """An X produced or decaying on shell (beam dumps, fixed target): q^2 = m_X^2."""
    return m_x * m_x


def _q2_loop(m_x: float) -> float:
    """g-2: the X in the vertex loop, Euclidean momenta ~ max(m_X, m_e)."""
    return -max(m_x, M_E) ** 2


def _q2_z(m_x: float) -> float:
    """LEP and the Z pole: e+ e- at sqrt(s) >= m_Z."""
    return M_Z**2


_LARGEST = "largest allowed |g| (Chiang Sec. IV, extreme allowed values)"
_ZERO = "edge of the allowed interval containing g = 0 (Chiang Fig. 6)"
_CHI2 = "first Delta chi^2 = 2.706 crossing above the best fit (Lindner Sec. 5, 90% CL)"
_CHIANG = "Chiang et al. arXiv:1204.6296"
_LINDNER = "Lindner et al. arXiv:1803.00060"

#: Every recastable constraint, in output order. Grep here to see what the recast covers.
SOURCES: tuple[Source, ...] = (
    Source("lampf-lsnd", _CHIANG + " Sec. III", _LARGEST, _band_constraint("lampf-lsnd"), _q2_lampf),
    Source("reactors", _CHIANG + " Sec. IV (Table I)", _LARGEST, _band_constraint("reactors"), _q2_reactor),
    Source("charm2", _CHIANG + " Sec. V", _LARGEST, _band_constraint("charm2"), _q2_charm2),
    Source("low-energy", _CHIANG + " Secs. III-V (Fig. 3)", _LARGEST, _band_constraint("low-energy"), _q2_charm2),
    Source("lep", _CHIANG + " Sec. VI (Table II, Eq. 17)", _LARGEST, _band_constraint("lep", gamma_needed=True),
           _q2_z),
    Source("zpole", _CHIANG + " Sec. VII (Eqs. 19-20)", _ZERO, _zpole, _q2_z),
    Source("g-2", _CHIANG + " Sec. VII (Eqs. 21-22)", "upper edge of the a_e^X range", _g_minus_2, _q2_loop),
    Source("beam-dump", _CHIANG + " Sec. VII (approximate)", "lower edge of the excluded band", _beam_dump,
           _q2_on_shell),
    Source("fixed-target", _CHIANG + " Sec. VII (approximate)", "published level", _fixed_target, _q2_on_shell),
    Source("lindner-texono", _LINDNER + " Sec. 5", _CHI2, _lindner("texono"), _q2_reactor),
    Source("lindner-charm2", _LINDNER + " Sec. 5", _CHI2, _lindner("charm2"), _q2_charm2),
    Source("lindner-gemma", _LINDNER + " Sec. 5", _CHI2, _lindner("gemma"), _q2_reactor),
    Source("lindner-combined", _LINDNER + " Sec. 5", _CHI2, _lindner("combined"), _q2_charm2),
)


def source_names() -> list[str]:
    return [s.name for s in SOURCES]


def _masses(masses) -> tuple[float, ...]:
    arr = np.atleast_1d(np.asarray(positive("masses (m_x)", masses), dtype=float))
    if arr.ndim != 1 or arr.size == 0 or arr.size > MAX_MASSES:
        raise InputError(f"masses (m_x): need 1 to {MAX_MASSES} values (got shape {arr.shape})")
    lo, hi = M_X_RANGE
    bad = arr[(arr < lo) | (arr > hi)]
    if bad.size:
        raise InputError(f"masses (m_x) must lie in [{lo:g}, {hi:g}] GeV (got {bad[0]:g})")
    return tuple(float(m) for m in arr)


def recast(model: Model | str | Path, masses: Sequence[float] | np.ndarray, gamma_x: float | None = None,
           constraints: Sequence[str] | None = None) -> RecastResult:
    """Upper limits on the overall coupling of ``model`` (a :class:`~xboson.models.base.Model`, a
    registered name or a YAML file) from every constraint of both papers at each mass [GeV] in
    ``masses`` (within :data:`M_X_RANGE`). ``gamma_x`` [GeV]: X total width for LEP (default: the
    Chiang Fig. 3 choice; 1e-10 m_X <= gamma_x <= m_X where LEP needs it). ``constraints``: optional
    non-empty subset of :func:`source_names` (one name or a list)."""
    model = resolve(model)
    ms = _masses(masses)
    if gamma_x is not None:
        gamma_x = positive("gamma_x", gamma_x)
    chosen = SOURCES
    if constraints is not None:
        wanted = [constraints] if isinstance(constraints, str) else list(constraints)
        if not wanted:
            raise InputError(f"constraints: give at least one of: {', '.join(source_names())} (or None for all)")
        for c in wanted:
            if c not in source_names():
                raise InputError(f"unknown constraint {c!r}; expected one of: {', '.join(source_names())}")
        chosen = tuple(s for s in SOURCES if s.name in wanted)
    cache: dict = {}
    rows = [src.limit(model, m, gamma_x, cache) for src in chosen for m in ms]
    return RecastResult(model, ms, gamma_x, tuple(rows))
