"""Timings for the figure layer (``make bench``): what ``make book`` adds to write the data of
every figure (CSV, JSON, HEPData) at the resolution the pages show."""

from xboson import figures
from xboson.export import export_all


def test_bench_export_every_figure_full_resolution(benchmark, tmp_path):
    out = benchmark.pedantic(lambda: export_all(tmp_path / "data"), rounds=1, iterations=1)
    assert len(out) == 4 * len(figures.ids())


def test_bench_fig5_data(benchmark):
    benchmark.pedantic(figures.get, args=("chiang-fig5",), rounds=2, iterations=1)
