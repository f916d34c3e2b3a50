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


def test_sec3_slider_redraw(benchmark):
    """One slider move in the Sec. III notebook: exact ring + shaded redraw (Agg). Target << 1 s."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from xboson.plotting import draw_region, rho_axes

    lims = ((-6.5, 1.5), (-4.8, 3.6))
    heavy = constraints.get("lampf-lsnd", 1e3).region("ee")

    def redraw(m_x):
        fig, ax = plt.subplots(figsize=(5.6, 5.2))
        draw_region(ax, heavy, *lims, color="0.85")
        region = constraints.get("lampf-lsnd", m_x).region("ee")
        draw_region(ax, region, *lims, color="tab:blue")
        rho_axes(ax, "ee")
        fig.canvas.draw()
        plt.close(fig)
        return region.extremes()

    benchmark(redraw, 0.003)
