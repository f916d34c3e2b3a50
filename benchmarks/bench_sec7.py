"""Timings for Chiang Sec. VII (Fig. 6): `make bench`.

Target (issue 4): all Fig. 6 curves -- Z pole, g-2, beam-dump bands (5 experiments), fixed-target
levels -- at 200 masses each in < 10 s, from cold caches.
"""

from xboson.experiments import beam_dump
from xboson.figures.chiang import fig6


def _clear():
    beam_dump.clear_caches()


def test_bench_fig6_all_curves_200_masses(benchmark):
    out = benchmark.pedantic(fig6, kwargs={"n": 200}, setup=_clear, rounds=3, iterations=1)
    assert out.panels[0].curves[0].x.size == 200 and len(out.panels[0].bands) >= 5


def test_bench_one_mass_all_limits(benchmark):
    from xboson.limits import limit

    def run():
        return [limit(c, s, 0.05) for c in ("gLe", "gVe") for s in ("zpole", "g-2")] + [limit("gVe", "beam-dump", 0.05)]

    benchmark.pedantic(run, setup=_clear, rounds=5, iterations=1)
