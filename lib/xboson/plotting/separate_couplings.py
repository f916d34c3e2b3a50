"""Explorer helpers for Chiang Fig. 6 on given Axes: the panels of ``figures.get("chiang-fig6")``
and a marked mass. The paper figure itself is drawn by :mod:`.chiang`."""

from __future__ import annotations

import numpy as np

from .chiang import _label_bands
from .render import draw_panel


def _draw(ax, data, key):
    panel = data.panel(key)
    draw_panel(ax, panel)
    _label_bands(ax, panel)
    ax.legend(fontsize="x-small", loc="lower right")


def draw_fig6a(ax, data):
    """Chiang Fig. 6(a) on ``ax`` from the figure data."""
    _draw(ax, data, "a")


def draw_fig6b(ax, data):
    """Chiang Fig. 6(b) on ``ax`` from the figure data."""
    _draw(ax, data, "b")


def mark_mass(ax, m_x, values: dict):
    """Mark m_x [GeV] on ``ax``: a vertical line and a dot at each finite value in ``values``
    ({label: coupling}). Returns the artists (so a slider can remove them)."""
    arts = [ax.axvline(m_x, color="0.3", lw=0.8, ls="--")]
    for v in values.values():
        if v is not None and np.isfinite(v):
            arts.append(ax.plot([m_x], [v], "o", ms=4, color="k")[0])
    return arts
