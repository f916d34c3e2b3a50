"""Band coefficients of an allowed region on one flavour pair's plane, as the browser reads them.

A :class:`~xboson.quadform.Band` restricted to the (L_pair, R_pair) plane (all other couplings
zero; coordinates rho^{L,R} of Chiang Eq. (13) or the coupling products themselves) is

    lo <= c0 + c1 x + c2 y + c3 x^2 + c4 x y + c5 y^2 <= hi,

so each band is 8 numbers. :func:`plane_bands` gives the bands of
:meth:`xboson.constraints.Constraint.region` (same band selection; each band divided by a positive
number, which leaves its allowed set unchanged), computed for all bands at once;
:func:`region_mask` is the per-pixel test the browser runs.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .. import couplings
from ..constraints import Constraint
from ..errors import InputError
from ..validation import finite, show

__all__ = ["plane_bands", "pixel_centres", "region_mask"]


def plane_bands(constraint: Constraint, pair: str, *, rho: bool = True) -> np.ndarray:
    """(n, 8) array of the bands of ``constraint.region(pair, rho=rho)``; (0, 8) if no band
    involves ``pair`` (no data for that plane). Unknown pair names raise ValueError."""
    i, j = (couplings.INDEX[n] for n in couplings.plane(pair))
    s = couplings.rho_scale(constraint.m_x) if rho else 1.0
    if not constraint.bands:
        return np.zeros((0, 8))
    lin = np.array([b.form.linear for b in constraint.bands])
    quad = np.array([b.form.quad for b in constraint.bands])
    out = np.column_stack([
        [b.form.const for b in constraint.bands],
        lin[:, i] * s, lin[:, j] * s,
        quad[:, i, i] * s * s, 2.0 * quad[:, i, j] * s * s, quad[:, j, j] * s * s,
        [b.lo for b in constraint.bands], [b.hi for b in constraint.bands]])
    out = out[np.any(out[:, 1:6] != 0.0, axis=1)]
    # divide each band by a positive number of its own size (the allowed set is unchanged) so
    # that cross sections of 1e-43 cm^2 do not fall below float32's range in the browser
    size = np.max(np.abs(np.where(np.isfinite(out), out, 0.0)), axis=1)
    return out / np.where(size > 0, size, 1.0)[:, None]


def pixel_centres(window: Sequence[float], nx: int, ny: int) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) of pixel centres, rows from the top, as the browser lays out its canvas; ``window``
    (x0, x1, y0, y1) finite with x0 < x1, y0 < y1; nx, ny whole numbers in [1, 10^4]."""
    win = finite("window", window)
    if np.shape(win) != (4,) or not (win[0] < win[1] and win[2] < win[3]):
        raise InputError(f"window must be (x0, x1, y0, y1) with x0 < x1 and y0 < y1 (got {show(window)})")
    for name, n in (("nx", nx), ("ny", ny)):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= 10_000:
            raise InputError(f"{name} must be a whole number in [1, 10000] (got {show(n)})")
    x0, x1, y0, y1 = (float(v) for v in win)
    x = x0 + (np.arange(nx) + 0.5) * (x1 - x0) / nx
    y = y1 - (np.arange(ny) + 0.5) * (y1 - y0) / ny
    return np.meshgrid(x, y)


def region_mask(bands: np.ndarray, window: Sequence[float], nx: int = 300, ny: int = 300) -> np.ndarray:
    """Boolean (ny, nx) mask: every band satisfied at the pixel centre (the browser's test). ``bands``:
    (n, 8) numbers (a NaN coefficient fails every pixel, as in the browser; an infinite bound is open)."""
    xx, yy = pixel_centres(window, nx, ny)
    try:
        bands = np.asarray(bands, dtype=float).reshape(-1, 8)
    except (TypeError, ValueError):
        raise InputError(f"bands must be an (n, 8) array of numbers (got {show(bands)})") from None
    ok = np.ones(xx.shape, dtype=bool)
    with np.errstate(over="ignore", invalid="ignore"):     # inf/NaN coefficients: as the browser reads them
        for c0, c1, c2, c3, c4, c5, lo, hi in bands:
            v = c0 + c1 * xx + c2 * yy + c3 * xx * xx + c4 * xx * yy + c5 * yy * yy
            ok &= (v >= lo) & (v <= hi)
    return ok
