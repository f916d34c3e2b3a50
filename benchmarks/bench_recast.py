"""Timing of the recast (issue 11 target: one model at 100 masses across all constraints <= 5 s).
Run with ``make bench``.

Each round uses a fresh mass grid (shifted by a tiny factor) so the per-mass caches of the
experiments do not hide the work; data files and the LEP tables on disk are warm, as after any
first use.
"""

import itertools

import numpy as np
import pytest

from xboson.recasting import recast, source_names

MASSES = np.geomspace(1e-3, 99.0, 100)
_shift = itertools.count(1)


def _fresh():
    return (MASSES * (1 - 1e-7 * next(_shift)),), {}


@pytest.mark.parametrize("model", ["B-L", "dark-photon", "V_ee"])
def test_recast_100_masses_all_constraints(benchmark, model):
    recast(model, MASSES[:2])     # warm the data files and on-disk tables
    res = benchmark.pedantic(lambda m: recast(model, m), setup=_fresh, rounds=3, iterations=1)
    assert len(res.limits) == 100 * len(source_names())
