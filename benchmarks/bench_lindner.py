"""Timing of Lindner Sec. 5: preparing the three experiments' chi^2 (TEXONO, CHARM-II, GEMMA) at
100 masses, cold (the per-mass forms computed afresh) and warm (reused, as when the figures and the
ledger scan the same masses again), and full limit curves (target < 10 s). Run with ``make bench``
(pytest-benchmark)."""

import numpy as np
import pytest

from xboson.lindner import fits

MASSES = np.logspace(-4, 1, 100)


def _cold():
    fits._window_forms.cache_clear()


def _prepare_all():
    for m in MASSES:
        fits.prepare("combined", float(m))


def test_prepare_three_experiments_100_masses_cold(benchmark):
    benchmark.pedantic(_prepare_all, setup=_cold, rounds=3, iterations=1)


def test_prepare_gemma_one_mass_cold(benchmark):
    benchmark.pedantic(fits.prepare_gemma, args=(0.01,), setup=_cold, rounds=10, iterations=1)


def test_prepare_three_experiments_100_masses_warm(benchmark):
    _prepare_all()
    benchmark.pedantic(_prepare_all, rounds=3, iterations=1)


@pytest.mark.parametrize("experiment", ["texono", "charm2", "gemma", "combined"])
def test_limit_curve_100_masses(benchmark, experiment):
    curve = benchmark.pedantic(fits.limit_curve, args=("B-L", experiment, MASSES), setup=_cold,
                               rounds=1, iterations=1)
    assert np.all(np.isfinite(curve))
