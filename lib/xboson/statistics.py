"""Combining measurements."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .errors import InputError
from .validation import finite, positive

__all__ = ["weighted_average"]


def weighted_average(values: ArrayLike, errors: ArrayLike) -> tuple[float, float, float]:
    """Unconstrained weighted average with the PDG scale-factor prescription
    (PDG 2012, Introduction, Sec. 5.2.1): returns (mean, error, S).

    The error is (sum 1/sigma_i^2)^(-1/2), scaled by S = sqrt(chi^2/(N-1)) only if S > 1.
    values, errors: non-empty arrays of equal length in the same units (finite values,
    errors > 0), scaled so that 1/sigma^2 and values/sigma^2 are finite doubles.
    """
    x = np.atleast_1d(finite("values", values))     # finite, not empty
    s = np.atleast_1d(positive("errors", errors))
    if x.shape != s.shape:
        raise InputError("values and errors must have the same length")
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        w = 1.0 / s**2
        mean = float(np.sum(w * x) / np.sum(w))
        err = float(np.sum(w) ** -0.5)
        chi2 = float(np.sum(w * (x - mean) ** 2))
    if not (np.all(np.isfinite(w)) and np.isfinite(mean) and np.isfinite(err) and np.isfinite(chi2)):
        raise InputError("values, errors: 1/sigma^2 or values/sigma^2 overflow; rescale both (same units)")
    scale = 1.0
    if x.size > 1:
        scale = max(1.0, (chi2 / (x.size - 1)) ** 0.5)
    return mean, err * scale, scale
