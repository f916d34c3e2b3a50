"""Chiang Table II (LEP e+e- -> nu nubar gamma) and its cuts, from ``data/lep_table2.yaml``.

The printed cut column is partly garbled; our reading (errata page) is stored in the
data file as boxes in the (x, |y|) plane, x = 2 E_gamma / sqrt(s), y = cos theta_gamma:

    x_min <= x <= x_max,  x sqrt(1 - y^2) >= x_T,min,  y_abs_min <= |y| <= y_abs_max,

with E_gamma >= E_min and E_gammaT >= E_T,min converted to x_min = 2 E_min/sqrt(s) and
x_T,min = 2 E_T,min/sqrt(s). A row's acceptance is a union of disjoint boxes.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..validation import in_range
from ..data import load_yaml
from ..measurements import N_SIGMA_90, N_SIGMA_FOOTNOTE2    # Chiang Sec. III (1.64) and Table II footnote 2 (2)
from ..units import pb

if TYPE_CHECKING:       # for annotations only (Box.contains imports numpy when called)
    import numpy as np

__all__ = ["Box", "Row", "rows", "combined_error", "footnote2_rows", "n_sigma"]


@dataclass(frozen=True)
class Box:
    """One acceptance box (dimensionless cut values, see module doc)."""

    x_min: float = 0.0
    x_max: float = 1.0
    xt_min: float = 0.0
    y_abs_min: float = 0.0
    y_abs_max: float = 1.0

    def contains(self, x: float | np.ndarray, y: float | np.ndarray) -> np.ndarray | np.bool_:
        """Vectorised acceptance test at photon (x, y)."""
        import numpy as np

        x = np.asarray(x, float)
        ay = np.abs(np.asarray(y, float))
        return ((x >= self.x_min) & (x <= self.x_max) & (ay >= self.y_abs_min) & (ay <= self.y_abs_max)
                & (x * np.sqrt(np.clip(1 - ay * ay, 0, None)) >= self.xt_min))


@dataclass(frozen=True)
class Row:
    """One line of Chiang Table II. Cross sections in GeV^-2 (use ``/ pb`` to print)."""

    index: int
    experiment: str
    reference: str
    sqrt_s: float
    sigma_exp: float
    stat: float
    syst: float
    sigma_sm: float
    sm_error: float
    cuts: str
    cuts_printed: str
    boxes: tuple[Box, ...]
    footnote2: bool

    @property
    def s(self) -> float:
        return self.sqrt_s**2

    @property
    def exp_error(self) -> float:
        """stat and syst in quadrature [GeV^-2], 1 sigma."""
        return math.hypot(self.stat, self.syst)

    @property
    def label(self) -> str:
        return f"{self.experiment} {self.sqrt_s:g} GeV ({self.cuts})"


def _box(spec: dict, sqrt_s: float) -> Box:
    x_min = spec.get("x_min", 0.0)
    if "e_min" in spec:
        x_min = max(x_min, 2.0 * spec["e_min"] / sqrt_s)
    xt = spec.get("xt_min", 0.0)
    if "et_min" in spec:
        xt = max(xt, 2.0 * spec["et_min"] / sqrt_s)
    return Box(x_min=x_min, x_max=spec.get("x_max", 1.0), xt_min=xt,
               y_abs_min=spec.get("y_abs_min", 0.0), y_abs_max=spec.get("y_abs_max", 1.0))


@functools.lru_cache(maxsize=1)
def rows() -> tuple[Row, ...]:
    """The 39 rows of Chiang Table II in printed order."""
    d = load_yaml("lep_table2.yaml")
    cols = d["columns"]
    out = []
    for i, vals in enumerate(d["rows"]):
        r = dict(zip(cols, vals))
        cs = d["cut_sets"][r["cuts"]]
        out.append(Row(index=i, experiment=r["experiment"], reference=r["reference"],
                       sqrt_s=float(r["sqrt_s"]), sigma_exp=r["sigma_exp"] * pb, stat=r["stat"] * pb,
                       syst=r["syst"] * pb, sigma_sm=r["sigma_sm"] * pb, sm_error=r["sm_error"] * pb,
                       cuts=r["cuts"], cuts_printed=cs["printed"],
                       boxes=tuple(_box(b, float(r["sqrt_s"])) for b in cs["boxes"]),
                       footnote2=bool(r["footnote2"])))
    return tuple(out)


def combined_error(row: Row, n_sigma: float) -> float:
    """sqrt(delta_exp^2 + delta_SM^2) with both errors scaled to ``n_sigma`` [GeV^-2]
    (Chiang Sec. VI, constraint after Table II is introduced). n_sigma in (0, 10]."""
    n_sigma = in_range("n_sigma", n_sigma, 0.0, 10.0, lo_open=True)
    return n_sigma * math.hypot(row.exp_error, row.sm_error)


def footnote2_rows() -> list[int]:
    """Indices of the rows whose 90% CL ranges of sigma_exp and sigma_SM do not overlap with the
    errors added in quadrature, |sigma_exp - sigma_SM| > 1.64 sqrt(d_exp^2 + d_SM^2) (Chiang
    footnote 2). Expected: OPAL 136.2 GeV and DELPHI 196.8 GeV (x >= 0.06)."""
    return [r.index for r in rows()
            if abs(r.sigma_exp - r.sigma_sm) > combined_error(r, N_SIGMA_90)]


def n_sigma(row: Row) -> float:
    """1.64 for 90% CL, 2 for the footnote-2 rows (Chiang footnote 2)."""
    return N_SIGMA_FOOTNOTE2 if row.footnote2 else N_SIGMA_90
