"""Schemas of the files in ``data/``, checked when a file is loaded (:func:`xboson.data.load_yaml`).

Each file has a schema: the keys it must have, their types, units (stated in the file's ``meta``
block and in the key names, e.g. ``t_min_mev``) and the signs and ranges of its numbers. A file
that does not match raises :class:`xboson.errors.DataFileError` naming the file, the key (as a
path, e.g. ``rows[3].stat``) and what was expected. Files without a specific schema must still
be a mapping with a ``meta`` block and finite numbers only.

The schema language is a handful of small classes: :class:`Num`, :class:`Str`, :class:`Bool`,
:class:`Seq`, :class:`Map`, :class:`Table` (a list of rows under a ``columns`` header).
"""

from __future__ import annotations

import fnmatch
import math
from dataclasses import dataclass, field
from typing import Any

from .errors import DataFileError

__all__ = ["validate", "SCHEMAS", "Num", "Str", "Bool", "Seq", "Map", "Table", "PositiveOrInfinite"]


class _Fail(Exception):
    """Internal: a mismatch at ``path`` (turned into DataFileError by :func:`validate`)."""

    def __init__(self, path: str, expected: str, got):
        super().__init__(path, expected, got)
        self.path, self.expected, self.got = path, expected, got


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


@dataclass(frozen=True)
class Num:
    """A real number (an int is accepted) with lo <= v <= hi (``lo_open``/``hi_open`` for strict)."""

    lo: float = -math.inf
    hi: float = math.inf
    lo_open: bool = False
    hi_open: bool = False
    integer: bool = False

    def describe(self) -> str:
        kind = "an integer" if self.integer else "a finite number"
        if self.lo == -math.inf and self.hi == math.inf:
            return kind
        lb, rb = ("(" if self.lo_open else "["), (")" if self.hi_open else "]")
        return f"{kind} in {lb}{self.lo:g}, {self.hi:g}{rb}"

    def check(self, v: Any, path: str) -> None:
        if not _is_number(v) or not math.isfinite(v) or (self.integer and v != int(v)):
            raise _Fail(path, self.describe(), v)
        if (v <= self.lo if self.lo_open else v < self.lo) or (v >= self.hi if self.hi_open else v > self.hi):
            raise _Fail(path, self.describe(), v)


POS = Num(0.0, lo_open=True)          #: strictly positive
NONNEG = Num(0.0)                     #: >= 0 (errors, counts)
FRACTION = Num(0.0, 1.0)              #: in [0, 1]
ANY = Num()                           #: any finite number


@dataclass(frozen=True)
class Str:
    """A string (optionally one of ``options``)."""

    options: tuple = ()

    def check(self, v: Any, path: str) -> None:
        if not isinstance(v, str):
            raise _Fail(path, "a string", v)
        if self.options and v not in self.options:
            raise _Fail(path, f"one of {', '.join(self.options)}", v)


@dataclass(frozen=True)
class Bool:
    def check(self, v: Any, path: str) -> None:
        if not isinstance(v, bool):
            raise _Fail(path, "true or false", v)


@dataclass(frozen=True)
class Seq:
    """A list of items of one schema; ``length`` fixes its size; ``increasing`` for numbers."""

    item: object
    length: int | None = None
    min_length: int = 1
    increasing: bool = False

    def check(self, v: Any, path: str) -> None:
        if not isinstance(v, list):
            raise _Fail(path, "a list", v)
        if self.length is not None and len(v) != self.length:
            raise _Fail(path, f"a list of {self.length} entries", v)
        if len(v) < self.min_length:
            raise _Fail(path, f"a list of at least {self.min_length} entries", v)
        for k, x in enumerate(v):
            self.item.check(x, f"{path}[{k}]")
        if self.increasing and any(b <= a for a, b in zip(v, v[1:])):
            raise _Fail(path, "strictly increasing numbers", v)


@dataclass(frozen=True)
class Map:
    """A mapping with ``required`` and ``optional`` keys (name -> schema); ``values`` is the schema
    of every value of a mapping keyed by free names (e.g. isotope names). ``closed``: no other
    key is allowed (an unknown field is refused, naming it)."""

    required: dict = field(default_factory=dict)
    optional: dict = field(default_factory=dict)
    values: object | None = None
    closed: bool = False

    def check(self, v: Any, path: str) -> None:
        if not isinstance(v, dict):
            raise _Fail(path, "a mapping", v)
        if self.closed:
            known = list(self.required) + list(self.optional)
            for k in v:
                if k not in known:
                    raise _Fail(_join(path, str(k)), f"no such field (known: {', '.join(known)})", v[k])
        for k, sch in self.required.items():
            if k not in v:
                raise _Fail(_join(path, k), "a required key (missing)", "nothing")
            sch.check(v[k], _join(path, k))
        for k, sch in self.optional.items():
            if k in v:
                sch.check(v[k], _join(path, k))
        if self.values is not None:
            if not v:
                raise _Fail(path, "at least one entry", v)
            for k, x in v.items():
                if k not in self.required and k not in self.optional:
                    self.values.check(x, _join(path, str(k)))


@dataclass(frozen=True)
class Table:
    """``columns: [...]`` plus ``rows: [[...], ...]``: each row has one entry per column, each
    checked by ``cells[column]``. Used for data transcribed as a printed table."""

    cells: dict

    def check(self, v: Any, path: str) -> None:
        Map({"columns": Seq(Str()), "rows": Seq(Seq(_AnyCell()))}).check(v, path)
        cols = v["columns"]
        if list(cols) != list(self.cells):
            raise _Fail(_join(path, "columns"), f"[{', '.join(self.cells)}]", cols)
        for k, row in enumerate(v["rows"]):
            if len(row) != len(cols):
                raise _Fail(f"{_join(path, 'rows')}[{k}]", f"{len(cols)} entries ({', '.join(cols)})", row)
            for c, x in zip(cols, row):
                self.cells[c].check(x, f"{_join(path, 'rows')}[{k}].{c}")


class _AnyCell:
    def check(self, v, path):
        pass


def _join(path, key):
    return f"{path}.{key}" if path else str(key)


def _finite_everywhere(v, path, infinite_ok=()):
    """Every number anywhere in the file is finite (YAML's .nan / .inf are never data), except
    +inf at the key paths matching a pattern of ``infinite_ok`` (documented "no cut" markers)."""
    if isinstance(v, float) and not math.isfinite(v):
        if not (v == math.inf and any(fnmatch.fnmatchcase(path, p) for p in infinite_ok)):
            raise _Fail(path, "a finite number", v)
    if isinstance(v, dict):
        for k, x in v.items():
            _finite_everywhere(x, _join(path, str(k)), infinite_ok)
    elif isinstance(v, list):
        for k, x in enumerate(v):
            _finite_everywhere(x, f"{path}[{k}]", infinite_ok)


@dataclass(frozen=True)
class PositiveOrInfinite:
    """A number > 0, where +inf (YAML ``.inf``) means "no limit" (e.g. no geometric cut)."""

    def check(self, v: Any, path: str) -> None:
        if not _is_number(v) or math.isnan(v) or v <= 0:
            raise _Fail(path, "a number > 0 (or .inf for no cut)", v)


# ----------------------------------------------------------------------------- per-file schemas
def _entry(value):
    """``{value: ..., status: published|derived|reading, source: "..."}`` (beam-dump detectors)."""
    return Map({"value": value, "status": Str(("published", "derived", "reading")), "source": Str()})


#: key paths where +inf is a documented value ("no geometric cut")
INFINITE_OK = {"beam_dump_acceptance.yaml": ("experiments.*.radius.value",)}

META = Map({"source": Str()}, {"table_or_figure": Str(), "units": Str(), "notes": Str(),
                               "confidence": Str(), "approximations": Str()})
VALUE_ERROR = Map({"value": ANY, "error": NONNEG})
WINDOW = Seq(NONNEG, length=2, increasing=True)
N_SIGMA = Num(0.0, 10.0, lo_open=True)

#: one record of data/measurements.yaml (see xboson.measurements); every map is closed
MEASUREMENT = Map({
    "id": Str(), "experiment": Str(), "observable": Str(),
    "process": Map({"flavour": Str(("e", "mu")), "source": Str(("reactor", "mu_decay_at_rest", "accelerator")),
                    "beams": Seq(Map({"anti": Bool()}, {"mean_energy_gev": POS}, closed=True))}, closed=True),
    "value": POS, "value_unit": Str(),
    "citation": Map({"reference": Str()}, {"arxiv": Str(), "doi": Str()}, closed=True),
    "quoted_by": Seq(Map({"paper": Str(("chiang", "lindner")), "where": Str(),
                          "error": Str(("total", "quadrature", "limit")), "cl": Str()}, closed=True)),
}, {
    "kind": Str(("central", "upper_limit")),
    "recoil_window": Map({"lo": NONNEG, "hi": POS, "unit": Str(("keV", "MeV", "GeV"))}, closed=True),
    "error": Map(optional={"stat": POS, "sys": POS, "total": POS}, closed=True),
    "confidence_level": Num(0.0, 1.0, True, True),
    "notes": Str(),
}, closed=True)


def _check_measurements(data):
    """Cross-field rules of data/measurements.yaml: unique ids, windows lo < hi, each use's error
    rule available (total printed; stat and sys for quadrature; an upper limit for 'limit') and its
    CL convention defined, an upper limit's confidence level equal to its convention's."""
    conv = data["cl_conventions"]
    for name, c in conv.items():
        if ("n_sigma" in c) == ("delta_chi2" in c):
            raise _Fail(f"cl_conventions.{name}", "exactly one of n_sigma, delta_chi2", c)
    seen = set()
    for k, m in enumerate(data["measurements"]):
        at = f"measurements[{k}]"
        if m["id"] in seen:
            raise _Fail(f"{at}.id", "an id not used before", m["id"])
        seen.add(m["id"])
        w = m.get("recoil_window")
        if w is not None and not w["hi"] > w["lo"]:
            raise _Fail(f"{at}.recoil_window.hi", f"> lo = {w['lo']}", w["hi"])
        limit = m.get("kind") == "upper_limit"
        err = m.get("error", {})
        if limit and "confidence_level" not in m:
            raise _Fail(f"{at}.confidence_level", "a required key for an upper limit (missing)", "nothing")
        if not limit and not err:
            raise _Fail(f"{at}.error", "a required key (missing)", "nothing")
        for j, u in enumerate(m["quoted_by"]):
            where = f"{at}.quoted_by[{j}]"
            if u["cl"] not in conv:
                raise _Fail(f"{where}.cl", f"one of the cl_conventions ({', '.join(conv)})", u["cl"])
            need = {"total": ("total",), "quadrature": ("stat", "sys"), "limit": ()}[u["error"]]
            if (u["error"] == "limit") != limit or any(e not in err for e in need):
                raise _Fail(f"{where}.error", "a rule the record supports ('limit' for an upper limit, "
                            "'total' with error.total, 'quadrature' with error.stat and error.sys)", u["error"])
            if limit and abs(conv[u["cl"]]["cl"] - m["confidence_level"]) > 1e-12:
                raise _Fail(f"{where}.cl", f"a convention at the limit's CL {m['confidence_level']}", u["cl"])

SCHEMAS: dict[str, Map] = {
    "constants.yaml": Map({
        "meta": META,
        "paper_conventions": Map({"G_F": POS, "SIN2_W": Num(0, 1, True, True), "ALPHA_LEP": POS,
                                  "G_EFF_ZPOLE": POS, "SIN2_W_EFF_ZPOLE": Num(0, 1, True, True)}),
        "pdg_2012": Map(values=POS),
    }),
    "g_minus_2.yaml": Map({
        "meta": META,
        "delta_a_e": Map({"value": ANY, "error": POS}),
        "range_90cl": Seq(Num(-1e-6, 1e-6), length=2, increasing=True),
    }),
    "lampf_lsnd.yaml": Map({"meta": META, "sm_sigma_bar_quoted": POS},
                           {"sm_slope_quoted": POS, "flux_averaged_energy_quoted_mev": POS}),
    "measurements.yaml": Map({
        "meta": META,
        "cl_conventions": Map(values=Map({"cl": Num(0.0, 1.0, True, True), "where": Str()},
                                         {"n_sigma": N_SIGMA, "delta_chi2": POS}, closed=True)),
        "measurements": Seq(MEASUREMENT),
    }, closed=True),
    "zpole.yaml": Map({
        "meta": META,
        "range_90cl": Map({"gamma_ee": Seq(POS, length=2, increasing=True),
                           "a_e": Seq(Num(-1, 1, True, True), length=2, increasing=True),
                           "gamma_nunu": Seq(POS, length=2, increasing=True)}),
    }, {"sm_prediction": Map(values=Map({"value": ANY, "error": NONNEG})),
        "measurement": Map(values=Map({"value": ANY, "error": NONNEG})),
        "sm_tree_level_quoted": Map(values=ANY)}),
    "fixed_target.yaml": Map({
        "meta": META,
        "experiments": Map(values=Map({"m_min": POS, "m_max": POS, "epsilon": Num(0, 1, True)},
                                      {"alpha_ratio": POS})),
    }),
    "reactor_spectra.yaml": Map({
        "meta": META,
        "isotopes": Map(values=Map({"coefficients": Seq(ANY, length=6), "fission_fraction": FRACTION})),
    }, {"valid_range_mev": WINDOW, "used_range_mev": WINDOW}),
    "lep_table2.yaml": Map({
        "meta": META,
        "cut_sets": Map(values=Map({"printed": Str(), "boxes": Seq(Map(optional={
            "e_min": POS, "et_min": POS, "x_min": FRACTION, "x_max": FRACTION, "xt_min": FRACTION,
            "y_abs_min": FRACTION, "y_abs_max": FRACTION}))})),
        "rows": _AnyCell(),     # checked as a Table below (shares the top level with 'columns')
    }, {"columns": _AnyCell()}),
    "lindner_experiments.yaml": Map({
        "meta": META,
        "texono": Map({}, {"flux_cm2_s": POS}, closed=True),
        "gemma": Map({"bin_width_kev": POS}, {"flux_cm2_s": POS}, closed=True),
    }, {"table2": Map(values=Map({"t_min_mev": POS, "m_zp_min_mev": POS, "r_at_zero": POS}))}),
    "lindner_models.yaml": Map({
        "meta": META,
        "models": Map(values=Map({"l_L": Num(-1e6, 1e6), "e_R": Num(-1e6, 1e6)},
                                 {"u": Num(-1e6, 1e6), "d": Num(-1e6, 1e6), "note": Str()})),
    }),
    "beam_dump_acceptance.yaml": Map({
        "meta": META,
        "experiments": Map(values=Map({
            "distance": _entry(POS), "radius": _entry(PositiveOrInfinite()), "e_min": _entry(NONNEG),
            "e_daughter_min": _entry(NONNEG), "rule": _entry(Str(("pair", "any", "positron"))),
            "efficiency": _entry(Num(0.0, 1.0, lo_open=True))})),
    }),
    "beam_dumps.yaml": Map({
        "meta": META,
        "experiments": Map(values=Map({"E0": POS, "n_e": POS, "target": Str(), "L_sh": POS,
                                       "L_dec": POS, "n_up": POS})),
    }),
}

#: the Table II columns of lep_table2.yaml [pb, GeV]
LEP_TABLE2_ROWS = Table({
    "experiment": Str(), "reference": Str(), "sqrt_s": Num(10.0, 1000.0), "sigma_exp": POS,
    "stat": POS, "syst": NONNEG, "sigma_sm": POS, "sm_error": NONNEG, "cuts": Str(),
    "footnote2": Bool()})

#: files whose numbers are ledger claims (checked generically: meta block, finite numbers)
GENERIC = Map({"meta": META})


def validate(name: str, data: Any) -> None:
    """Check the parsed content of ``data/<name>`` against its schema; raise DataFileError naming
    the file, the key and what was expected."""
    try:
        schema = SCHEMAS.get(name, GENERIC)
        schema.check(data, "")
        _finite_everywhere(data, "", INFINITE_OK.get(name, ()))
        if name == "lep_table2.yaml":
            LEP_TABLE2_ROWS.check({"columns": data.get("columns"), "rows": data["rows"]}, "")
            cuts = set(data["cut_sets"])
            for k, row in enumerate(data["rows"]):
                if row[8] not in cuts:
                    raise _Fail(f"rows[{k}].cuts", f"one of the cut_sets ({', '.join(sorted(cuts))})", row[8])
        if name == "measurements.yaml":
            _check_measurements(data)
        if name == "fixed_target.yaml":
            for k, e in data["experiments"].items():
                if not e["m_max"] > e["m_min"]:
                    raise _Fail(f"experiments.{k}.m_max", f"> m_min = {e['m_min']}", e["m_max"])
    except _Fail as f:
        raise DataFileError(f"data file {name!r}: key {f.path or '(top level)'!r}: expected "
                            f"{f.expected}, got {f.got!r}") from None
