"""Shared pieces of the fuzz tests (tests/test_fuzz_*.py): input strategies that mix the
declared domains with their edges and with hostile values, and the one rule every public entry
point must obey -- a finite result, a documented marker, or our own InputError."""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
from dataclasses import fields, is_dataclass

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from xboson.cli.main import main
from xboson.errors import InputError
from xboson.intervals import IntervalSet
from xboson.quadform import Band, QuadraticForm

#: examples per fuzz test: 25 in the default run (a fixed seed, the whole fuzz run < 60 s); the
#: slow profile (tests/test_fuzz_library.py::test_fuzz_slow_profile) sets XBOSON_FUZZ_EXAMPLES and
#: XBOSON_FUZZ_RANDOM to run more examples with fresh random seeds
FAST = settings(max_examples=int(os.environ.get("XBOSON_FUZZ_EXAMPLES", "25")), deadline=None,
                derandomize=not os.environ.get("XBOSON_FUZZ_RANDOM"), database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

HOSTILE = [0.0, -0.0, -1.0, math.nan, math.inf, -math.inf, 5e-324, 1e-300, 1e-200, 1e-70, 1e-7,
           1e5, 1e6, 1e100, 1e155, 1e160, 1e300, 1.7976931348623157e308]


def log_uniform(lo: float, hi: float):
    """Floats spread evenly in log between lo > 0 and hi."""
    return st.floats(math.log10(lo), math.log10(hi)).map(lambda e: 10.0 ** e)


def real(lo: float = 1e-6, hi: float = 1e4, *, signed: bool = False):
    """Mostly in-domain (log-uniform in [lo, hi], the edges, just outside), sometimes hostile."""
    inside = log_uniform(lo, hi)
    if signed:
        inside = st.one_of(inside, inside.map(lambda v: -v), st.just(0.0))
    edges = st.sampled_from([lo, hi, lo * (1 - 1e-12), hi * (1 + 1e-12), lo * 0.5, hi * 2.0])
    return st.one_of(inside, inside, edges, st.sampled_from(HOSTILE), st.floats())


MASS = real(1e-6, 1e4)
COUPLING = real(1e-12, 4 * math.pi, signed=True)


def check_finite(x, *, allow_inf=False, path="result"):
    """Every number in ``x`` is finite (or +-inf where ``allow_inf`` -- the documented way an
    interval or region end reports 'open'); None only where the caller documents it."""
    if isinstance(x, (bool, str)) or x is None:
        return
    if isinstance(x, (int, float, complex, np.number)):
        v = complex(x)
        ok = math.isfinite(v.real) and math.isfinite(v.imag)
        if not ok and allow_inf and not (math.isnan(v.real) or math.isnan(v.imag)):
            return
        assert ok, f"{path} = {x!r} is not finite"
        return
    if isinstance(x, np.ndarray):
        arr = np.asarray(x)
        if arr.dtype.kind in "fc":
            bad = ~np.isfinite(arr)
            if allow_inf:
                bad &= np.isnan(arr)
            assert not np.any(bad), f"{path} has non-finite entries: {arr[bad][:5]}"
        return
    if isinstance(x, IntervalSet):
        for lo, hi in x.intervals:
            assert not (math.isnan(lo) or math.isnan(hi)), f"{path} has a NaN end"
        return
    if isinstance(x, Band):              # a band's ends may be infinite (one-sided), never NaN
        check_finite(x.form, path=f"{path}.form")
        assert not (math.isnan(x.lo) or math.isnan(x.hi)), f"{path} has a NaN end"
        return
    if isinstance(x, QuadraticForm):
        for name in ("const", "linear", "quad"):
            check_finite(getattr(x, name), path=f"{path}.{name}")
        return
    if isinstance(x, dict):
        for k, v in x.items():
            check_finite(v, allow_inf=allow_inf, path=f"{path}[{k!r}]")
        return
    if isinstance(x, (list, tuple)):
        for k, v in enumerate(x):
            check_finite(v, allow_inf=allow_inf, path=f"{path}[{k}]")
        return
    if is_dataclass(x):
        for f in fields(x):
            check_finite(getattr(x, f.name), allow_inf=allow_inf, path=f"{path}.{f.name}")
        return
    raise AssertionError(f"{path}: unexpected result type {type(x).__name__}")


def outcome(fn, *args, allow_inf=False, **kwargs):
    """Call ``fn``; return its (checked finite) result, or None if it raised our InputError. Any
    other exception propagates and fails the test."""
    try:
        out = fn(*args, **kwargs)
    except InputError as exc:
        msg = str(exc)
        assert msg and "\n" not in msg.strip(), f"InputError message must be one line: {msg!r}"
        return None
    check_finite(out, allow_inf=allow_inf)
    return out


def run_cli(argv):
    """Run ``xboson argv`` in-process: (exit status, stdout, stderr). Exceptions propagate."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main(list(argv))
        except SystemExit as exc:      # argparse (usage errors: 2; --help: 0)
            rc = exc.code
    return rc, out.getvalue(), err.getvalue()


def check_cli(argv):
    """The CLI rule: exit 0 with strict JSON (no NaN/inf; null only next to an explicit marker),
    or exit 2 with one line on stderr."""
    rc, out, err = run_cli(argv)
    if rc == 2:
        assert out == "", out
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("xboson: error:"), err
        return None
    assert rc == 0, (rc, err)
    if "--json" in argv:
        data = json.loads(out, parse_constant=lambda c: (_ for _ in ()).throw(AssertionError(c)))
        return data
    return out
