"""Showing a recast (:func:`xboson.recasting.recast`): upper limits on the model's overall coupling
against m_X, one curve per constraint that applies. Draws on a given Axes; no global state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from .recasting import RecastResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["draw_limits", "plt_colours", "summary_table"]

_DASHED = ("beam-dump", "fixed-target")   # approximate (Chiang Sec. VII)


def draw_limits(ax: Axes, result: RecastResult, constraints: Sequence[str] | None = None) -> Axes:
    """Plot coupling_upper [dimensionless] vs m_X [GeV] (log-log) for every constraint that gives a
    limit at one or more masses (or for ``constraints``). Approximate ones are dashed; curves with
    few points get markers. The legend goes below the axes. Returns ax."""
    names = constraints or [n for n in result.constraint_names() if np.any(np.isfinite(result.curve(n)))]
    m = np.asarray(result.masses)
    colours = plt_colours(len(names))
    for name, colour in zip(names, colours):
        y = result.curve(name)
        style = "--" if name in _DASHED else "-"
        marker = "o" if np.count_nonzero(np.isfinite(y)) < 4 else None
        ax.plot(m, y, style, marker=marker, color=colour, label=name)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(r"$m_X$ [GeV]")
    ax.set_ylabel(f"upper limit on {result.model.coupling}")
    ax.set_title(f"{result.model.name}: 90% CL upper limits (dashed: approximate)", fontsize="medium")
    if names:
        ax.legend(fontsize="small", ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.16))
    return ax


def plt_colours(n: int) -> list[tuple[float, float, float, float]]:
    """n distinguishable colours (matplotlib's tab20 palette, dark shades first)."""
    from matplotlib import colormaps

    cmap = colormaps["tab20"]
    order = list(range(0, 20, 2)) + list(range(1, 20, 2))
    return [cmap(order[k % 20]) for k in range(n)]


def summary_table(result: RecastResult, m_x: float) -> str:
    """A Markdown table of the constraints that apply at the recast mass nearest to ``m_x`` [GeV]
    (status, upper limit on the overall coupling, note), then those that do not, each with the reason."""
    masses = np.asarray(result.masses)
    m = float(masses[np.argmin(np.abs(np.log(masses / float(m_x))))])
    rows = [r for r in result.limits if r.m_x == m]
    lines = [f"**{result.model.name}** at m_X = {m:.3g} GeV (upper limits on {result.model.coupling})", "",
             "| constraint | status | upper limit | note |", "|---|---|---|---|"]
    for r in rows:
        if r.applies:
            up = "" if r.coupling_upper is None else f"{r.coupling_upper:.3g}"
            lines.append(f"| {r.constraint} | {r.status} | {up} | {r.note.replace('|', chr(92) + '|')} |")
    skipped = [r for r in rows if not r.applies]
    if skipped:
        lines += ["", "Not applicable at this mass: " + "; ".join(f"{r.constraint} ({r.note})" for r in skipped) + "."]
    return "\n".join(lines)
