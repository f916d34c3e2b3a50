"""Figure helpers for Chiang Sec. VI and Fig. 8 draw without error on given Axes."""

import matplotlib.pyplot as plt
import numpy as np

from xboson.lep import xsec
from xboson.plotting import lep as figs
from xboson.units import pb


def test_fig5_fig8_table_and_dotted():
    fig, axs = plt.subplots(2, 3)
    ext = figs.fig5(axs, n=61)
    assert len(ext) == 6 and all(e is not None for e in ext.values())
    plt.close(fig)
    fig, axs = plt.subplots(1, 3)
    ext8 = figs.fig8(axs, n=61)
    assert set(ext8) == {0.01, 5.0, 100.0}
    plt.close(fig)
    fig, ax = plt.subplots()
    ratio = figs.draw_table2(ax, xsec.sigma_sm() / pb)
    assert len(ratio) == 39
    plt.close(fig)
    fig, ax = plt.subplots()
    m = np.array([0.01, 1.0, 100.0])
    y = figs.draw_fig3_dotted(ax, m, "Vee")
    assert np.all(np.isfinite(y)) and len(ax.lines) == 1
    plt.close(fig)


def test_slider_redraw_is_fast():
    import time

    fig, ax = plt.subplots()
    t = time.perf_counter()
    figs.draw_lep_region(ax, 7.0, 3e-5, "mumu", n=201)
    assert time.perf_counter() - t < 1.0
    plt.close(fig)
