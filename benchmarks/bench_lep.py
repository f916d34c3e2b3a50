"""Timings for Chiang Sec. VI (issue targets on a 2-core machine):

* sigma^X coefficients of all 39 Table II rows at a new (m_X, Gamma_X): < 0.1 s;
* SM sigma for all 39 rows to 1%, from scratch (no cached tables): < 1 s;
* the 'lep' constraint (40 bands) at a new mass, and one slider redraw's worth of work.

Run with ``make bench`` (pytest benchmarks --benchmark-enable --benchmark-only).
"""

import itertools

import numpy as np

from xboson.experiments import lep
from xboson.lep import xsec

_masses = itertools.cycle(np.geomspace(0.01, 100.0, 97))


def test_x_coefficients_new_mass(benchmark):
    xsec.tables(xsec.DEFAULT)              # cached kernel tables (built once per code version)

    def run():
        m = next(_masses)
        return xsec.x_coefficients(m, 5e-6 * m)

    xc = benchmark(run)
    assert len(xc.quad_L) == 39


def test_sm_all_rows_fast_from_scratch(benchmark):
    sm = benchmark(xsec.sigma_sm_fast)
    assert np.max(np.abs(sm / xsec.sigma_sm() - 1)) < 0.01


def test_lep_constraint_new_mass(benchmark):
    xsec.tables(xsec.DEFAULT)

    def run():
        m = next(_masses)
        return lep.constraint(m, 5e-6 * m)

    con = benchmark(run)
    assert len(con.bands) == 40


def test_slider_redraw_mask(benchmark):
    """What a Fig. 5 slider redraw computes: the constraint and a 201x201 membership mask."""
    xsec.tables(xsec.DEFAULT)

    def run():
        m = next(_masses)
        reg = lep.constraint(m, 5e-6 * m).region("ee")
        x = np.linspace(-1, 1, 201)
        xx, yy = np.meshgrid(x, x)
        return reg.contains(xx, yy)

    benchmark(run)
