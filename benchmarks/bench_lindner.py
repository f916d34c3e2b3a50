"""Timing of a full Lindner Sec. 5 limit curve: 100 masses, one model, one experiment
(target < 10 s). Run with ``make bench`` (pytest-benchmark)."""

import numpy as np
import pytest

from xboson.lindner import fits

MASSES = np.logspace(-4, 1, 100)


@pytest.mark.parametrize("experiment", ["texono", "charm2", "gemma", "combined"])
def test_limit_curve_100_masses(benchmark, experiment):
    curve = benchmark.pedantic(fits.limit_curve, args=("B-L", experiment, MASSES), rounds=1, iterations=1)
    assert np.all(np.isfinite(curve))
