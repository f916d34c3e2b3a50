"""Timing of the Fig. 6 beam-dump computation (issue 13 target: <= 10 s on the 2-core CI machine):
the excluded g_Ve band of every beam dump (E137, E141, E774, KEK, Orsay) at 200 log-spaced masses
2 m_e < m_X < 2 GeV, with detector acceptance, from cold caches. Run with ``make bench``."""

import numpy as np

from xboson.experiments import beam_dump

MASSES = np.geomspace(1.03e-3, 2.0, 200)


def _clear():
    beam_dump.clear_caches()


def _all_bands(acceptance):
    return {n: [beam_dump.excluded_band(n, float(m), acceptance=acceptance) for m in MASSES]
            for n in beam_dump.experiments()}


def test_bench_fig6_beam_dumps_200_masses_detector(benchmark):
    out = benchmark.pedantic(_all_bands, args=("detector",), setup=_clear, rounds=2, iterations=1)
    assert set(out) == {"E137", "E141", "E774", "KEK", "Orsay"}
    assert all(any(b is not None for b in bands) for bands in out.values())


def test_bench_fig6_beam_dumps_200_masses_no_acceptance(benchmark):
    out = benchmark.pedantic(_all_bands, args=("none",), setup=_clear, rounds=1, iterations=1)
    assert len(out["E137"]) == MASSES.size
