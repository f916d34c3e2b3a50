"""The explorer widget: precomputed physics states that the browser draws without a kernel.

An :class:`Explorer` holds a grid of *states* (the Cartesian product of its parameters' grids,
e.g. m_X x Gamma_X x flavour pair), one data row per state and a few named numbers per state.
Its front-end (``explorer.js``, an anywidget ES module saved with the widget state) draws the
nearest state when there is no kernel; with a kernel, the widget observes its own parameter
traits and pushes exact data for the slider's value (``live``). Sliders are ordinary ipywidgets
linked to the parameter traits with :func:`ipywidgets.jslink`, so they also work in the static
page.

Data rows (float32; the ``table`` trait):

* ``kind="region"``: per layer ``[n_bands, band_0, band_1, ...]`` padded to ``n_bands`` bands of
  8 numbers ``(c0, c1, c2, c3, c4, c5, lo, hi)`` meaning
  ``lo <= c0 + c1 x + c2 y + c3 x^2 + c4 x y + c5 y^2 <= hi`` (see :mod:`.bands`);
* ``kind="curves"``: ``n_series`` curves sampled at ``spec["x_points"]`` (NaN = gap).

Identical rows are stored once (``row_of_state``, -1 = no data for that state), and columns that
are constant over all rows are stored once in the spec.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import anywidget
import numpy as np
import traitlets

from ..errors import InputError
from ..validation import choice, finite, in_range

__all__ = ["NB", "PARAM_TRAITS", "Param", "states", "Explorer"]

#: floats per band
NB = 8
#: the traits a slider or dropdown can drive (the explorer's parameters)
PARAM_TRAITS = ("m_x", "gamma_x", "alpha", "option")


@dataclass(frozen=True)
class Param:
    """One explorer parameter: a numeric grid (``values``, in ``unit``; ``log``: nearest state in
    log space) or a list of ``options``. ``name`` is the trait it drives (:data:`PARAM_TRAITS`)."""

    name: str
    label: str
    values: tuple = ()
    options: tuple = ()
    unit: str = ""
    log: bool = True

    def __post_init__(self):
        if self.name not in PARAM_TRAITS:
            raise InputError(f"unknown explorer parameter {self.name!r}; expected one of: {', '.join(PARAM_TRAITS)}")
        if self.options:
            if len(self.values):
                raise InputError(f"{self.name}: give a grid of values or a list of options, not both")
            if len(set(self.options)) != len(self.options) or not all(isinstance(o, str) for o in self.options):
                raise InputError(f"{self.name} options must be distinct strings (got {self.options!r})")
            return
        if not isinstance(self.values, (tuple, list, np.ndarray)) or len(self.values) == 0:
            raise InputError(f"{self.name} grid must be a non-empty list of numbers (got {self.values!r})")
        vals = np.asarray(finite(f"{self.name} grid", self.values))
        if vals.ndim != 1:
            raise InputError(f"{self.name} grid must be a non-empty list of numbers (got {self.values!r})")
        if self.log and np.any(vals <= 0):
            raise InputError(f"{self.name} grid must be positive (got {self.values!r})")
        if np.any(np.diff(vals) <= 0):
            raise InputError(f"{self.name} grid must be sorted in increasing order without repeats "
                             f"(got {self.values!r})")
        object.__setattr__(self, "values", tuple(float(v) for v in vals))

    @property
    def size(self) -> int:
        return len(self.options) if self.options else len(self.values)

    def to_json(self) -> dict:
        d = {"name": self.name, "label": self.label, "unit": self.unit, "log": self.log}
        if self.options:
            d["options"] = list(self.options)
        else:
            d["values"] = list(self.values)
        return d


def states(params: Sequence[Param]) -> list[dict]:
    """Every state of the grid as {trait: value}, in storage order (last parameter fastest)."""
    import itertools

    axes = [p.options if p.options else p.values for p in params]
    return [dict(zip((p.name for p in params), combo)) for combo in itertools.product(*axes)]


def _pack(rows: list, row_length: int, kind: str):
    """Deduplicate rows; drop columns constant over all rows. Returns (table, row_of_state, spec)."""
    index, unique, row_of_state = {}, [], []
    for r in rows:
        if r is None:
            row_of_state.append(-1)
            continue
        r = np.asarray(r, dtype=np.float32)
        if r.shape != (row_length,):
            raise InputError(f"explorer rows must have {row_length} numbers (got shape {r.shape})")
        if kind == "region" and np.isnan(r).any():
            raise InputError("band coefficients contain NaN (every coefficient and bound must be a number)")
        key = r.tobytes()
        if key not in index:
            index[key] = len(unique)
            unique.append(r)
        row_of_state.append(index[key])
    if not unique:
        raise InputError("explorer has no data for any state (every row is missing)")
    tab = np.vstack(unique)
    const = [k for k in range(row_length) if np.all((tab[:, k] == tab[0, k]) | (np.isnan(tab[:, k]) & np.isnan(tab[0, k])))]
    var = [k for k in range(row_length) if k not in set(const)]
    extra = {"full_row_length": row_length, "row_length": len(var),
             "const_columns": [[k, _json_float(tab[0, k])] for k in const], "var_columns": var}
    return np.ascontiguousarray(tab[:, var]).tobytes(), np.asarray(row_of_state, np.int32).tobytes(), extra


def _json_float(v):
    """A float for the JSON spec; non-finite values as the strings JavaScript's Number() reads."""
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


class Explorer(anywidget.AnyWidget):
    """A live explorer (see module doc). Build it with the section helpers of
    :mod:`xboson.explore`; ``compute(params) -> (row, values)`` recomputes one state exactly
    (used when a kernel is attached). ``initial``: {parameter: value} inside the parameter's grid
    range (or one of its options); anything else raises InputError."""

    _esm = Path(__file__).with_name("explorer.js")

    m_x = traitlets.Float(1.0).tag(sync=True)
    gamma_x = traitlets.Float(1.0).tag(sync=True)
    alpha = traitlets.Float(0.0).tag(sync=True)
    option = traitlets.Int(0).tag(sync=True)     #: index into the options (a Dropdown's ``index``)

    spec = traitlets.Dict().tag(sync=True)
    table = traitlets.Bytes().tag(sync=True)
    row_of_state = traitlets.Bytes().tag(sync=True)
    values = traitlets.Bytes().tag(sync=True)
    live = traitlets.Dict().tag(sync=True)

    def __init__(self, *, params, spec: dict, rows: list, values, row_length: int, compute=None,
                 initial: dict | None = None):
        params = tuple(params)
        if not params:
            raise InputError("params must list at least one explorer parameter")
        if len({p.name for p in params}) != len(params):
            raise InputError("params must not repeat a parameter")
        n_states = int(np.prod([p.size for p in params]))
        if len(rows) != n_states:
            raise InputError(f"rows: need one row per state ({n_states}), got {len(rows)}")
        names = list(spec.get("value_names", []))
        vals = np.asarray(values, dtype=float)
        if vals.size != n_states * len(names):
            raise InputError(f"values: need {len(names)} number(s) per state for {n_states} states (got {vals.size})")
        vals = vals.reshape(n_states, len(names))
        table, row_of, extra = _pack(rows, row_length, spec["kind"])
        full = dict(spec, params=[p.to_json() for p in params], value_names=names, **extra)
        self._params = params
        self._compute = compute
        init = {}
        for p in params:
            v = (initial or {}).get(p.name, p.options[0] if p.options else p.values[0])
            init[p.name] = (p.options.index(choice(p.name, v, p.options)) if p.options
                            else in_range(p.name, v, p.values[0], p.values[-1], unit=p.unit))
        super().__init__(spec=full, table=table, row_of_state=row_of, values=vals.astype(np.float64).tobytes(),
                         live={}, **init)
        if compute is not None:
            self.observe(self._recompute, names=[p.name for p in params])

    @property
    def params(self) -> tuple[Param, ...]:
        return self._params

    def state_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, row_of_state, values) decoded: full rows (n_unique, row_length) float32,
        row index per state (-1: no data), values (n_states, n_values) float64."""
        spec = self.spec
        row_of = np.frombuffer(self.row_of_state, dtype=np.int32)
        n_unique = int(row_of.max()) + 1      # every column constant (e.g. one state): row_length 0
        var = np.frombuffer(self.table, dtype=np.float32).reshape(n_unique, spec["row_length"])
        full = np.empty((var.shape[0], spec["full_row_length"]), dtype=np.float32)
        for k, v in spec["const_columns"]:
            full[:, k] = float(v.replace("Infinity", "inf")) if isinstance(v, str) else v
        full[:, spec["var_columns"]] = var
        vals = np.frombuffer(self.values, dtype=np.float64).reshape(row_of.size, len(spec["value_names"]))
        return full, row_of, vals

    def current(self) -> dict:
        """The parameters' current values (option names rather than indices)."""
        return {p.name: p.options[getattr(self, p.name)] if p.options else getattr(self, p.name)
                for p in self._params}

    def _recompute(self, change=None):
        pv = {p.name: getattr(self, p.name) for p in self._params}
        row, values = self._compute(self.current())
        live = {"params": pv, "values": np.asarray(values, np.float64).tobytes()}
        if row is not None:
            live["row"] = np.asarray(row, np.float32).tobytes()
        self.live = live
