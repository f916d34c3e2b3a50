"""Input checks shared by every public function: bad input raises ValueError naming the
parameter, never returns garbage."""

import math
from collections.abc import Iterable

import numpy as np


def _as_array(name, value):
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a real number (got {value!r})") from None
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite (got {value!r})")
    return arr


def finite(name, value):
    """Return ``value`` as float/array after checking it is real and finite."""
    arr = _as_array(name, value)
    return float(arr) if arr.ndim == 0 else arr


def positive(name, value):
    """Return ``value`` after checking it is finite and strictly positive."""
    arr = _as_array(name, value)
    if np.any(arr <= 0):
        raise ValueError(f"{name} must be positive (got {value!r})")
    return float(arr) if arr.ndim == 0 else arr


def non_negative(name, value):
    """Return ``value`` after checking it is finite and >= 0."""
    arr = _as_array(name, value)
    if np.any(arr < 0):
        raise ValueError(f"{name} must be non-negative (got {value!r})")
    return float(arr) if arr.ndim == 0 else arr


def in_range(name, value, lo=-math.inf, hi=math.inf, *, lo_open=False, hi_open=False):
    """Return ``value`` after checking lo <= value <= hi (open ends if requested)."""
    arr = _as_array(name, value)
    bad_lo = arr <= lo if lo_open else arr < lo
    bad_hi = arr >= hi if hi_open else arr > hi
    if np.any(bad_lo) or np.any(bad_hi):
        lb = "(" if lo_open else "["
        rb = ")" if hi_open else "]"
        raise ValueError(f"{name} must lie in {lb}{lo:g}, {hi:g}{rb} (got {value!r})")
    return float(arr) if arr.ndim == 0 else arr


def choice(name, value, options: Iterable[str]):
    """Return ``value`` after checking it is one of ``options``."""
    options = list(options)
    if value not in options:
        raise ValueError(f"unknown {name} {value!r}; expected one of: {', '.join(map(str, options))}")
    return value
