"""Drawing a recast (:func:`xboson.recasting.recast`): upper limits on the model's overall coupling
against m_X, one curve per constraint that applies. Draws on a given Axes; no global state."""

from __future__ import annotations

import numpy as np

from .recasting import RecastResult

__all__ = ["draw_limits"]

_DASHED = ("beam-dump", "fixed-target")   # approximate (Chiang Sec. VII)


def draw_limits(ax, result: RecastResult, constraints=None):
    """Plot coupling_upper [dimensionless] vs m_X [GeV] (log-log) for every constraint that gives a
    limit at one or more masses (or for ``constraints``). Approximate ones are dashed. Returns ax."""
    names = constraints or [n for n in result.constraint_names() if np.any(np.isfinite(result.curve(n)))]
    m = np.asarray(result.masses)
    for name in names:
        y = result.curve(name)
        style = "--" if name in _DASHED else "-"
        marker = "o" if m.size < 4 else None
        ax.plot(m, y, style, marker=marker, label=name)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(r"$m_X$ [GeV]")
    ax.set_ylabel(f"upper limit on {result.model.coupling}")
    ax.set_title(f"{result.model.name}: 90% CL upper limits (dashed: approximate)")
    if names:
        ax.legend(fontsize="small", ncol=2)
    return ax
