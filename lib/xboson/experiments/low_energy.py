"""Every low-energy (anti)neutrino-electron measurement at once: Chiang Secs. III-V and VIII
(Figs. 2(b), 3 solid/dashed, 4, 7(c)).

``low-energy`` at m_X is the intersection of

* LAMPF E225 + LSND nu_e e (Sec. III, :mod:`xboson.experiments.lampf_lsnd`),
* the six reactor anti-nu_e e entries of Table I (Sec. IV, :mod:`.reactors`),
* CHARM-II nu_mu e and anti-nu_mu e (Sec. V, :mod:`.charm2`) when m_X >= 1 GeV.

Because each band lives on the full coupling space and ``Constraint.region(pair)`` keeps
only the bands that involve the pair, this one constraint is, pair by pair, exactly what
the paper uses: ee -> LAMPF/LSND + reactors (Fig. 2(b)); emu -> those plus CHARM-II for
m_X >= 1 GeV (Fig. 7(c); nu_e e -> nu_mu e and nu_mu e -> nu_e e through L_emu, R_emu);
etau -> LAMPF/LSND + reactors (Sec. VIII); mumu and mutau -> CHARM-II (m_X >= 1 GeV).

Limits (Fig. 3 solid/dashed): the upper limit on |C|^(1/2) for one coupling combination
C at a time, from the extreme allowed values of +-C with all others zero (Chiang Sec. IV),
computed exactly along the line with ``Constraint.along``. C = L, R (the products
themselves), V = (L + R)/2 (only V nonzero: L = R = V) or A = (L - R)/2 (L = A, R = -A).
"""

from __future__ import annotations

import functools
import math
import re

import numpy as np

from ..errors import InputError
from .. import couplings
from ..constraints import Constraint
from ..validation import mass, positive
from . import charm2, lampf_lsnd, reactors

@functools.lru_cache(maxsize=256)
def _lampf(m_x: float) -> Constraint:
    return lampf_lsnd.constraint(m_x)


def parts(m_x) -> dict[str, Constraint]:
    """The individual constraints that enter 'low-energy' at m_x [GeV], by name."""
    m_x = mass("m_x", m_x)
    out = {"lampf-lsnd": _lampf(float(m_x)), "reactors": reactors.constraint(m_x)}
    if m_x >= charm2.M_X_MIN * (1 - 1e-9):
        out["charm2"] = charm2.constraint(m_x)
    return out


def applicable(pair: str, m_x) -> list[str]:
    """Names of the constraints that bound the (L, R) couplings of ``pair`` at m_x [GeV]."""
    couplings.plane(pair)   # validates the pair name
    return [name for name, c in parts(m_x).items() if c.involves(pair)]


@functools.lru_cache(maxsize=256)
def _constraint(m_x: float) -> Constraint:
    cons = list(parts(m_x).values())
    out = cons[0]
    for c in cons[1:]:
        out = out & c
    return Constraint("low-energy", out.bands, m_x)


def constraint(m_x, gamma_x=None) -> Constraint:
    """The intersection of every low-energy measurement at m_x [GeV] in [1e-6, 1e4] (gamma_x
    unused)."""
    return _constraint(float(mass("m_x", m_x)))


_COUPLING = re.compile(r"^([LRVA])_?(ee|mumu|tautau|emu|etau|mutau)$")


def direction(coupling: str) -> dict[str, float]:
    """Direction in coupling space of a named combination, e.g. 'Lee' -> {'L_ee': 1},
    'Vee' -> {'L_ee': 1, 'R_ee': 1} (V = (L+R)/2 alone means L = R = V), 'Aee' ->
    {'L_ee': 1, 'R_ee': -1} (A = (L-R)/2 alone means L = -R = A). Names: [LRVA] + pair."""
    m = _COUPLING.match(str(coupling))
    if not m:
        raise InputError(f"unknown coupling {coupling!r}; expected one of Lee, Ree, Vee, Aee "
                         "(or L/R/V/A followed by mumu, emu, etau, tautau, mutau)")
    kind, pair = m.groups()
    lk, rk = couplings.plane(pair)
    return {"L": {lk: 1.0}, "R": {rk: 1.0}, "V": {lk: 1.0, rk: 1.0},
            "A": {lk: 1.0, rk: -1.0}}[kind]


def coupling_range(coupling: str, m_x) -> tuple[float, float]:
    """(C_min, C_max) allowed for the combination ``coupling`` alone at m_x [GeV]
    (dimensionless coupling products; exact, Constraint.along). Raises ValueError if no
    low-energy measurement constrains it at this mass."""
    d = direction(coupling)
    pair = next(iter(d))[2:]
    con = constraint(m_x)
    if not con.involves(pair):
        raise InputError(f"coupling {coupling!r}: no low-energy measurement constrains it at "
                         f"m_x = {float(m_x):g} GeV (CHARM-II needs m_x >= 1 GeV)")
    return con.along(d).bounds


def limit(coupling: str, m_x) -> dict:
    """{"upper": |C|^(1/2)_max} for ``coupling`` (Lee, Ree, Vee, Aee, ...) at m_x [GeV], from
    the extreme allowed values of +-C with all other couplings zero (Chiang Fig. 3)."""
    lo, hi = coupling_range(coupling, m_x)
    return {"upper": math.sqrt(max(abs(lo), abs(hi)))}


def limit_curves(masses, names=("Lee", "Ree", "Vee", "Aee")) -> dict[str, np.ndarray]:
    """Fig. 3 solid/dashed curves: |C|^(1/2) upper limits at each mass [GeV] in ``masses``,
    one array per name (same order as masses)."""
    masses = np.atleast_1d(positive("masses", masses))
    return {n: np.array([limit(n, float(m))["upper"] for m in masses]) for n in names}


def signed_limit_curves(masses, names=("Lee", "Ree", "Vee", "Aee")) -> dict:
    """Fig. 3 solid and dashed curves: for each name, (sqrt(max(C_max, 0)), sqrt(max(-C_min, 0)))
    as two arrays over ``masses`` [GeV] -- the limits from the largest allowed +C and -C."""
    masses = np.atleast_1d(positive("masses", masses))
    out = {}
    for n in names:
        rng = np.array([coupling_range(n, float(m)) for m in masses])
        out[n] = (np.sqrt(np.maximum(rng[:, 1], 0.0)), np.sqrt(np.maximum(-rng[:, 0], 0.0)))
    return out


def rho_range(coupling: str, m_x) -> tuple[float, float]:
    """(rho_min, rho_max) of Eq. (13) for the combination alone at m_x [GeV]."""
    lo, hi = coupling_range(coupling, m_x)
    s = couplings.rho_scale(m_x)
    return lo / s, hi / s


CONSTRAINTS = {"low-energy": constraint}
LIMITS = {"low-energy": limit}
