"""Boundaries of allowed regions as ordered rings (for export and drawing).

The membership of an :class:`~xboson.region.AllowedRegion` is sampled on a grid over the
panel window and its boundary traced with contourpy (the contouring library matplotlib
uses). The exact extremes come from the region itself; the rings are a display and export
approximation whose resolution is the grid step.
"""

from __future__ import annotations

import numpy as np
from contourpy import FillType, contour_generator

from ..region import AllowedRegion
from ..validation import in_range

__all__ = ["rings"]

_MOVETO = 1


def _signed_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))


def rings(region: AllowedRegion, xlim: tuple[float, float], ylim: tuple[float, float],
          grid: int = 301) -> tuple[tuple[np.ndarray, ...], tuple[bool, ...]]:
    """Closed boundary rings of ``region`` inside the window xlim x ylim sampled on a
    grid x grid mesh: (rings, holes). Outer rings run counter-clockwise, holes clockwise;
    each ring repeats its first point last. grid in [11, 4001]."""
    grid = int(in_range("grid", grid, 11, 4001))
    x = np.linspace(*xlim, grid)
    y = np.linspace(*ylim, grid)
    xx, yy = np.meshgrid(x, y)
    mask = region.contains(xx, yy).astype(float)
    out, holes = [], []
    if not mask.any():
        return (), ()
    gen = contour_generator(x, y, mask, fill_type=FillType.OuterCode)
    points, codes = gen.filled(0.5, 1.5)
    for pts, code in zip(points, codes):
        starts = list(np.flatnonzero(code == _MOVETO)) + [len(code)]
        for k, (a, b) in enumerate(zip(starts[:-1], starts[1:])):
            ring = np.array(pts[a:b], dtype=float)
            if not np.array_equal(ring[0], ring[-1]):
                ring = np.vstack([ring, ring[:1]])
            is_hole = k > 0
            if (_signed_area(ring) > 0) == is_hole:    # outer CCW (> 0), holes CW
                ring = ring[::-1]
            out.append(np.round(ring, 12))
            holes.append(is_hole)
    return tuple(out), tuple(holes)
