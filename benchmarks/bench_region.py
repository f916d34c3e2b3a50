"""Benchmarks (``make bench``), not timed tests: the exact region for one m_X.

Target (issue 2): under 0.2 s per m_X on the 2-core CI machine.
"""

from xboson import constraints


def _region_extremes(m_x):
    return constraints.get("lampf-lsnd", m_x).region("ee").extremes()


def test_lampf_lsnd_region_one_mass(benchmark):
    benchmark(_region_extremes, 0.005)


def test_lampf_lsnd_fig1_all_masses(benchmark):
    benchmark(lambda: [_region_extremes(m) for m in (0.001, 0.002, 0.005, 0.01, 0.05)])
