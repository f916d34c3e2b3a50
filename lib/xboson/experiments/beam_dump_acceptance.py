"""Detector acceptance of the electron beam dumps (Chiang Fig. 6, light green): which X -> e+ e- decays
the experiments could have seen. Geometry, thresholds and efficiencies: data/beam_dump_acceptance.yaml
(each with its citation, or marked as our reading where no number is published).

Three factors, all evaluated per quadrature node (E_e, x = E_X/E_e) of the yield in
:mod:`xboson.experiments.beam_dump`:

* **X direction.** The fraction of the Weizsaecker-Williams cross section with the X emitted within
  theta_acc = R/L_det of the beam axis (R: radius of the disc with the detector's sensitive area, L_det:
  distance from the front of the target to the detector), from the angular form of the Weizsaecker-Williams
  cross section in Bjorken-Essig-Schuster-Toro, PRD 80, 075018 (2009), arXiv:0906.0580, App. A (whose
  theta integral gives the dsigma/dx of :mod:`xboson.experiments.beam_dump`):
  dsigma/(dx dcos theta) ~ x chi [A/V^2 - B a theta^2/V^4], V = a theta^2 + U_0, a = E_e^2 x,
  U_0 = m^2 (1-x)/x + m_e^2 x, A = 1 - x + x^2/2, B = x (1-x) m^2, which integrates in closed form
  (:func:`angular_fraction`).
* **Decay products.** X -> e+ e- isotropic in the X rest frame (cos theta* uniform); a daughter with
  rest-frame angle theta* has lab energy (E_X/2)(1 + beta cos theta*) and reaches the detector if its angle
  to the X line of flight is below R/d, d the distance from the decay point to the detector. The rule
  ("pair": both; "any": at least one; "positron": the positron) and the daughter energy window are data
  (:func:`daughter_fraction`).
* **Efficiency.** A flat factor where the experiment states one.

Approximations (documented on the errata page, entry "Beam dumps"): the X-direction and daughter conditions are
applied as a product (each relative to the detector centre) -- for E137's "any" rule this underestimates
the joint acceptance by 5-25% (a Monte Carlo of the joint geometry in tests/test_beam_dump_acceptance.py),
the conservative direction; the decay point is binned in six bins of the decay volume with the daughter
acceptance at each bin centre; multiple scattering of the primary electron (<~1 mrad for E_e > 10 GeV
after one radiation length) is neglected.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np

from ..constants import M_E
from ..data import load_yaml
from ..validation import choice, in_range, mass, show
from ..errors import InputError

__all__ = ["RULES", "ACCEPTANCES", "DECAY_BIN_EDGES", "Detector", "E_MAX", "X_MIN", "L_MAX", "detector",
           "angular_fraction", "daughter_fraction", "decay_bins"]

RULES = ("pair", "any", "positron")
ACCEPTANCES = ("none", "detector")
#: fractions of the decay volume at the edges of the decay-point bins (finer near the shield, where
#: short-lived X decay)
DECAY_BIN_EDGES = (0.0, 0.02, 0.1, 0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class Detector:
    """What one beam-dump experiment could see (data/beam_dump_acceptance.yaml).

    distance [m] target front to detector; radius [m] of the equal-area disc; e_min [GeV] threshold on
    E_X (the pair energy); e_daughter_min [GeV] threshold on each detected daughter; rule: "pair", "any" or
    "positron"; efficiency: flat detection efficiency (dimensionless)."""

    name: str
    distance: float
    radius: float
    e_min: float
    e_daughter_min: float
    rule: str
    efficiency: float

    @property
    def theta_acc(self) -> float:
        """Angular half-aperture R/L_det [rad] seen from the target."""
        return self.radius / self.distance


#: largest electron or X energy [GeV] and length [m] accepted (far beyond any beam dump)
E_MAX = 1e6
X_MIN = 1e-12             #: smallest energy fraction x = E_X/E_e accepted
L_MAX = 1e6


def _angle(name, value):
    """An angular aperture (angle or tangent): >= 0, NaN refused, +inf allowed (no geometric cut)."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        arr = np.asarray(math.nan)
    if arr.size == 0 or np.isnan(arr).any() or (arr < 0).any():
        raise InputError(f"{name} must be a non-negative angle or +inf (got {show(value)})")
    return arr


def _value(entry):
    return float(entry["value"]) if isinstance(entry, dict) else float(entry)


@functools.lru_cache(maxsize=None)
def detector(name: str) -> Detector:
    """The :class:`Detector` of beam dump ``name`` (E137, E141, E774, KEK, Orsay)."""
    d = load_yaml("beam_dump_acceptance.yaml")["experiments"]
    choice("experiment", name, sorted(d))
    e = d[name]
    det = Detector(name=name, distance=_value(e["distance"]), radius=_value(e["radius"]),
                   e_min=_value(e["e_min"]), e_daughter_min=_value(e["e_daughter_min"]),
                   rule=e["rule"]["value"] if isinstance(e["rule"], dict) else e["rule"],
                   efficiency=_value(e["efficiency"]))
    choice("rule", det.rule, RULES)
    in_range("efficiency", det.efficiency, 0.0, 1.0, lo_open=True)
    for field in ("distance", "radius"):
        if not getattr(det, field) > 0:
            raise InputError(f"{name}: {field} must be positive (got {getattr(det, field)!r})")
    for field in ("e_min", "e_daughter_min"):
        in_range(f"{name} {field}", getattr(det, field), 0.0)
    return det


def angular_fraction(theta_max: float | np.ndarray, x: float | np.ndarray, m: float,
                     e_e: float | np.ndarray) -> float | np.ndarray:
    """Fraction of BEST's Weizsaecker-Williams dsigma/dx (e Z -> e Z X) with the X emitted within
    theta_max [rad] of the electron direction; x = E_X/E_e, m = m_X [GeV], e_e = E_e [GeV]. Domain:
    theta_max >= 0 (+inf: every direction), 1e-12 <= x < 1, m in [1e-6, 1e4] GeV, 1e-6 <= e_e <= 1e6 GeV. In [0, 1];
    vectorised. Closed form of the theta integral of BEST App. A (module docstring)."""
    theta_max = np.asarray(_angle("theta_max", theta_max), dtype=float)
    x = np.asarray(in_range("x", x, X_MIN, 1.0, hi_open=True), dtype=float)
    m = mass("m_x", m)
    e_e = np.asarray(in_range("e_e", e_e, 1e-6, E_MAX, unit="GeV"), dtype=float)
    u0 = m * m * (1 - x) / x + M_E**2 * x
    big_a = 1 - x + 0.5 * x * x
    b_over_u0 = x * (1 - x) * m * m / u0
    with np.errstate(over="ignore"):                       # theta_max = inf (or huge): r = 0, all accepted
        r = u0 / (u0 + e_e * e_e * x * theta_max**2)      # U_0 / V(theta_max), in [0, 1]
    num = big_a * (1 - r) - b_over_u0 * (1 - r) ** 2 * (1 + 2 * r) / 6
    den = big_a - b_over_u0 / 6
    return np.clip(num / den, 0.0, 1.0)


def _cos_star_min(tan_max, e_x, m):
    """Smallest rest-frame cos theta* for which a massless daughter of an X with energy e_x [GeV] and
    mass m [GeV] leaves within angle arctan(tan_max) of the X direction."""
    gamma = e_x / m
    beta = np.sqrt(np.clip(1 - 1 / gamma**2, 0.0, 1.0))
    t = np.minimum(tan_max, 1e100)                 # an unbounded aperture (tan_max = inf) accepts c > -beta
    q2 = (t * gamma) ** 2
    c_plus = (np.sqrt(1 + t * t) - q2 * beta) / (1 + q2)
    return np.clip(np.maximum(c_plus, -beta), -1.0, 1.0), beta


def daughter_fraction(tan_max: float | np.ndarray, e_x: float | np.ndarray, m: float, rule: str,
                      e_daughter_min: float = 0.0) -> float | np.ndarray:
    """Fraction of X -> e+ e- decays (isotropic in the X rest frame) in which the daughters required by
    ``rule`` ("pair": both, "any": at least one, "positron": the positron) leave within angle
    arctan(tan_max) of the X line of flight with lab energy >= e_daughter_min [GeV]. Dimensionless, in
    [0, 1]; vectorised in tan_max (>= 0, +inf: no geometric cut) and e_x [GeV] (m <= e_x <= 1e6 GeV);
    m in [1e-6, 1e4] GeV; 0 <= e_daughter_min <= 1e6 GeV."""
    choice("rule", rule, RULES)
    tan_max = _angle("tan_max", tan_max)
    m = mass("m_x", m)
    if np.ndim(m):
        raise InputError(f"m_x must be a single mass (got {show(m)})")
    e_x = in_range("e_x", e_x, m * (1 - 1e-9), E_MAX, unit=f"GeV (E_X >= m_X = {m:g} GeV)")
    e_daughter_min = in_range("e_daughter_min", e_daughter_min, 0.0, E_MAX, unit="GeV")
    c_ang, beta = _cos_star_min(np.asarray(tan_max, dtype=float), np.asarray(e_x, dtype=float), m)
    # lab energy (E_X/2)(1 + beta c) >= e_daughter_min  <=>  c >= (2 e_min/E_X - 1)/beta
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):   # beta -> 0: c_en -> +-inf, exact
        c_en = np.where(beta > 0, (2 * e_daughter_min / np.asarray(e_x, dtype=float) - 1) / np.maximum(beta, 1e-300),
                        np.where(e_daughter_min <= 0.5 * np.asarray(e_x, dtype=float), -1.0, 2.0))
    lo = np.clip(np.maximum(c_ang, c_en), -1.0, 1.0)       # positron accepted for cos theta* in [lo, 1]
    length = 1.0 - lo
    both = np.clip(-lo - lo, 0.0, None)                    # [lo, 1] and [-1, -lo] overlap: [lo, -lo]
    if rule == "positron":
        acc = length
    elif rule == "pair":
        acc = both
    else:
        acc = 2 * length - both
    return np.clip(acc / 2.0, 0.0, 1.0)


def decay_bins(l_sh: float, l_dec: float) -> tuple[np.ndarray, np.ndarray]:
    """Edges [m] of the decay-point bins along the decay volume [l_sh, l_sh + l_dec] and their centres;
    0 <= l_sh <= 1e6 m, 1e-6 m <= l_dec <= 1e6 m."""
    l_sh = in_range("l_sh", l_sh, 0.0, L_MAX, unit="m")
    l_dec = in_range("l_dec", l_dec, 1e-6, L_MAX, unit="m")
    edges = l_sh + l_dec * np.asarray(DECAY_BIN_EDGES)
    return edges, 0.5 * (edges[1:] + edges[:-1])
