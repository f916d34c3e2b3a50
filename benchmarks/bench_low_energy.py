"""Timings for the low-energy constraints (Chiang Secs. III-V, VIII): `make bench`.

Targets (issue 3): every low-energy region for one m_X in < 0.5 s; the Fig. 3 curve set
(4 couplings x 100 masses) in < 30 s. Caches are cleared before each round so the numbers
include building the flux-averaged quadratic forms from scratch.
"""

import numpy as np

from xboson.experiments import charm2, low_energy, reactors
from xboson.limits import limit_curves


def _clear_caches():
    reactors.sigma_bar.cache_clear()
    reactors._constraint.cache_clear()
    charm2._constraint.cache_clear()
    low_energy._lampf.cache_clear()
    low_energy._constraint.cache_clear()


def _all_regions(m_x):
    con = low_energy.constraint(m_x)
    pairs = ["ee", "emu", "etau"] + (["mumu", "mutau"] if m_x >= 1.0 else [])
    return {p: con.region(p).extremes() for p in pairs}


def test_bench_all_low_energy_regions_one_mass(benchmark):
    out = benchmark.pedantic(_all_regions, args=(0.005,), setup=_clear_caches, rounds=10, iterations=1)
    assert out["ee"]["x_min"] < 0


def test_bench_all_low_energy_regions_heavy(benchmark):
    out = benchmark.pedantic(_all_regions, args=(5.0,), setup=_clear_caches, rounds=10, iterations=1)
    assert "mumu" in out


def test_bench_fig3_curves_100_masses(benchmark):
    masses = np.logspace(-3, 2, 100)

    def run():
        _clear_caches()
        names = ("Lee", "Ree", "Vee", "Aee")
        return [limit_curves("low-energy", names, masses, sign=s) for s in (+1, -1)]

    curves = benchmark.pedantic(run, rounds=1, iterations=1)
    assert all(np.all(np.isfinite(v)) for signed in curves for v in signed.values())
