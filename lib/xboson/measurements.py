"""Measurements: one uniform record per measured number, shared by both papers.

Every measurement either paper uses (``data/measurements.yaml``) is a :class:`Measurement`:
experiment, observable, process (neutrino flavour, antineutrino or not, source), recoil window,
value, errors (stat, sys and the combination a paper prints), citation and ``quoted_by`` -- which
paper uses it where, with which error combination and which confidence-level convention
(:class:`ClConvention`, e.g. Chiang's 90% CL = 1.64 sigma, Sec. III).

One code path turns a record into a constraint for both papers:

* :meth:`Measurement.pull` = (prediction - value) / sigma, sigma the paper's error;
* :meth:`Measurement.chi2` = pull^2 (Lindner's chi^2 terms, Sec. 4);
* :meth:`Measurement.band` = the set |pull| <= n_sigma as a :class:`~xboson.quadform.Band` on a
  quadratic-form prediction (Chiang's 90% CL ranges, Secs. III-V).

So ``band.contains(c)`` <=> ``chi2(form(c)) <= n_sigma**2`` for the same record (a test checks it).
An upper limit at confidence level CL (``kind: upper_limit``, GEMMA) is read as a Gaussian at zero
with sigma = limit / sqrt(Delta chi^2(CL)).

The registry: :func:`registry` returns the records keyed by ``id`` (loaded from the one file and
validated once), :func:`measurement` one of them, :func:`quoted_by` the records a paper uses. :data:`N_SIGMA_90` is Chiang's 90% CL half-width, read from the ``chiang_90cl`` record.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .data import load_yaml
from .errors import InputError
from .quadform import Band, QuadraticForm, measurement_band
from .units import GeV, MeV, keV

if TYPE_CHECKING:
    import numpy as np

__all__ = ["ClConvention", "Uncertainty", "Beam", "Process", "RecoilWindow", "Use", "Measurement",
           "registry", "measurement", "quoted_by", "cl_convention", "N_SIGMA_90", "N_SIGMA_FOOTNOTE2",
           "DCHI2_90", "PAPERS"]

PAPERS = ("chiang", "lindner")          #: arXiv:1204.6296 and arXiv:1803.00060
ERROR_RULES = ("total", "quadrature", "limit")
WINDOW_UNITS = {"keV": keV, "MeV": MeV, "GeV": GeV}
FILE = "measurements.yaml"


@dataclass(frozen=True)
class ClConvention:
    """A paper's confidence-level rule: a band of ``n_sigma`` standard deviations (Chiang) or a
    chi^2 threshold ``delta_chi2`` above the minimum (Lindner), at confidence level ``cl``."""

    name: str
    cl: float
    where: str
    n_sigma: float | None = None
    delta_chi2: float | None = None


@functools.lru_cache(maxsize=None)
def _conventions() -> dict[str, ClConvention]:
    return {k: ClConvention(k, v["cl"], v["where"], v.get("n_sigma"), v.get("delta_chi2"))
            for k, v in load_yaml(FILE)["cl_conventions"].items()}


def cl_convention(name: str) -> ClConvention:
    """The confidence-level convention ``name`` ('chiang_90cl', 'chiang_footnote2', 'lindner_90cl')."""
    conv = _conventions()
    if name not in conv:
        raise InputError(f"cl convention: expected one of {', '.join(conv)} (got {name!r})")
    return conv[name]


#: Chiang's 90% CL half-width in standard deviations, 1.64 (Chiang Sec. III; Secs. IV-VI reuse it)
N_SIGMA_90: float = cl_convention("chiang_90cl").n_sigma
#: Chiang Table II footnote 2: 2 sigma for the two LEP entries whose 90% CL ranges do not overlap
N_SIGMA_FOOTNOTE2: float = cl_convention("chiang_footnote2").n_sigma
#: Lindner's 90% CL threshold for one parameter, Delta chi^2 = 2.706 (Sec. 5)
DCHI2_90: float = cl_convention("lindner_90cl").delta_chi2


@dataclass(frozen=True)
class Uncertainty:
    """Errors of a measurement in the units of its value: ``stat``, ``sys`` and ``total`` (the
    combination as printed, possibly rounded); any may be None where the source gives none."""

    stat: float | None = None
    sys: float | None = None
    total: float | None = None

    def combined(self, rule: str) -> float:
        """'total': the printed combination; 'quadrature': sqrt(stat^2 + sys^2)."""
        if rule == "total" and self.total is not None:
            return self.total
        if rule == "quadrature" and self.stat is not None and self.sys is not None:
            return math.hypot(self.stat, self.sys)
        raise InputError(f"error rule {rule!r} needs {'total' if rule == 'total' else 'stat and sys'}")


@dataclass(frozen=True)
class Beam:
    """One neutrino beam of a measurement: antineutrinos or not, and its mean energy [GeV] where
    the paper uses one fixed energy (CHARM-II) -- None for a spectrum (reactor, mu decay at rest)."""

    anti: bool
    mean_energy_gev: float | None = None


@dataclass(frozen=True)
class Process:
    """nu_flavour e -> nu e: ``flavour`` 'e' or 'mu', ``source`` 'reactor', 'mu_decay_at_rest' or
    'accelerator', and its ``beams``."""

    flavour: str
    source: str
    beams: tuple[Beam, ...]

    def beam(self, anti: bool) -> Beam:
        """The (anti)neutrino beam."""
        for b in self.beams:
            if b.anti == anti:
                return b
        raise InputError(f"process: no {'anti' if anti else ''}neutrino beam in this measurement")


@dataclass(frozen=True)
class RecoilWindow:
    """Electron recoil window lo < T < hi in ``unit`` ('keV', 'MeV' or 'GeV')."""

    lo: float
    hi: float
    unit: str

    @property
    def gev(self) -> tuple[float, float]:
        """(T_1, T_2) in GeV."""
        f = WINDOW_UNITS[self.unit]
        return self.lo * f, self.hi * f

    def __str__(self) -> str:
        return f"{self.lo:g}-{self.hi:g} {self.unit}"


@dataclass(frozen=True)
class Use:
    """Where a paper uses a measurement: ``paper`` ('chiang' or 'lindner'), ``where`` (section,
    table or equation), the error combination ``error`` ('total', 'quadrature' or 'limit') and the
    confidence-level convention ``cl`` (a :func:`cl_convention` name)."""

    paper: str
    where: str
    error: str
    cl: str


@dataclass(frozen=True)
class Measurement:
    """One measured number (see the module doc). ``kind`` is 'central' (value +- error) or
    'upper_limit' (value is the limit at ``confidence_level``)."""

    id: str
    experiment: str
    observable: str
    process: Process
    recoil_window: RecoilWindow | None
    value: float
    value_unit: str
    error: Uncertainty
    citation: dict
    quoted_by: tuple[Use, ...]
    kind: str = "central"
    confidence_level: float | None = None
    notes: str = ""

    @property
    def label(self) -> str:
        """A short unique label, e.g. 'Savannah River 1.5-3 MeV'."""
        return f"{self.experiment} {self.recoil_window}" if self.recoil_window else self.experiment

    def use(self, paper: str | None = None) -> Use:
        """How ``paper`` ('chiang' or 'lindner') uses this measurement; None: the only paper that
        uses it (InputError if both do)."""
        if paper is None:
            if len(self.quoted_by) != 1:
                raise InputError(f"measurement {self.id!r}: used by {', '.join(u.paper for u in self.quoted_by)}; "
                                 "say which paper's convention (paper='chiang' or 'lindner')")
            return self.quoted_by[0]
        for u in self.quoted_by:
            if u.paper == paper:
                return u
        raise InputError(f"measurement {self.id!r}: not used by {paper!r} "
                         f"(used by {', '.join(u.paper for u in self.quoted_by)})")

    @property
    def central(self) -> float:
        """The central value compared with predictions (0 for an upper limit)."""
        return 0.0 if self.kind == "upper_limit" else self.value

    def sigma(self, paper: str | None = None) -> float:
        """The one-sigma error ``paper`` uses (units of the value): the printed total, stat and sys
        in quadrature, or for an upper limit value / sqrt(Delta chi^2) of the paper's convention."""
        u = self.use(paper)
        if u.error == "limit":
            return self.value / math.sqrt(cl_convention(u.cl).delta_chi2)
        return self.error.combined(u.error)

    def n_sigma(self, paper: str | None = None) -> float:
        """Half-width of ``paper``'s band in standard deviations (its CL convention)."""
        conv = cl_convention(self.use(paper).cl)
        if conv.n_sigma is None:
            return math.sqrt(conv.delta_chi2)
        return conv.n_sigma

    def pull(self, prediction: float | np.ndarray, paper: str | None = None) -> float | np.ndarray:
        """(prediction - central) / sigma(paper); prediction in the units of the value (scalar or array)."""
        return (prediction - self.central) / self.sigma(paper)

    def chi2(self, prediction: float | np.ndarray, paper: str | None = None) -> float | np.ndarray:
        """pull^2: this measurement's chi^2 term (Lindner Eqs. 4.1-4.2 for one datum)."""
        return self.pull(prediction, paper) ** 2

    def interval(self, paper: str | None = None, n_sigma: float | None = None) -> tuple[float, float]:
        """(central - n_sigma sigma, central + n_sigma sigma): the values with |pull| <= n_sigma
        (units of the value); n_sigma defaults to the paper's convention."""
        n = self.n_sigma(paper) if n_sigma is None else n_sigma
        s = self.sigma(paper)
        return self.central - n * s, self.central + n * s

    def band(self, form: QuadraticForm, paper: str | None = "chiang", n_sigma: float | None = None,
             unit: float = 1.0, label: str | None = None) -> Band:
        """The set |pull| <= n_sigma as a Band on ``form`` (the prediction in units of ``unit``
        times the value's unit): central +- n_sigma sigma, each times ``unit``. n_sigma defaults
        to the paper's convention (Chiang: 1.64)."""
        n = self.n_sigma(paper) if n_sigma is None else n_sigma
        return measurement_band(form, self.central * unit, self.sigma(paper) * unit, n,
                                label=self.label if label is None else label)


def _record(d: dict) -> Measurement:
    p = d["process"]
    w = d.get("recoil_window")
    return Measurement(
        id=d["id"], experiment=d["experiment"], observable=d["observable"],
        process=Process(p["flavour"], p["source"],
                        tuple(Beam(b["anti"], b.get("mean_energy_gev")) for b in p["beams"])),
        recoil_window=None if w is None else RecoilWindow(w["lo"], w["hi"], w["unit"]),
        value=float(d["value"]), value_unit=d["value_unit"],
        error=Uncertainty(**d.get("error", {})), citation=dict(d["citation"]),
        quoted_by=tuple(Use(u["paper"], u["where"], u["error"], u["cl"]) for u in d["quoted_by"]),
        kind=d.get("kind", "central"), confidence_level=d.get("confidence_level"), notes=d.get("notes", ""))


@functools.lru_cache(maxsize=None)
def registry() -> dict[str, Measurement]:
    """Every measurement of ``data/measurements.yaml`` keyed by id (validated on load)."""
    return {d["id"]: _record(d) for d in load_yaml(FILE)["measurements"]}


def measurement(id: str) -> Measurement:
    """The record ``id`` (e.g. 'texono.ratio_to_sm'); InputError naming the known ids otherwise."""
    reg = registry()
    if id not in reg:
        raise InputError(f"measurement: unknown id {id!r}; known: {', '.join(reg)}")
    return reg[id]


def quoted_by(paper: str, observables: tuple[str, ...] | None = None) -> list[Measurement]:
    """The records ``paper`` uses (in file order), optionally only those of ``observables``."""
    if paper not in PAPERS:
        raise InputError(f"paper: expected one of {', '.join(PAPERS)} (got {paper!r})")
    return [m for m in registry().values() if any(u.paper == paper for u in m.quoted_by)
            and (observables is None or m.observable in observables)]
