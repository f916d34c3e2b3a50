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
themselves), V = (L + R)/2 (only V nonzero: L = R = V) or A = (L - R)/2 (L = A, R = -A), named
as in :func:`xboson.couplings.direction` ('Lee', 'V_ee', ...). No measurement here depends on
Gamma_X: the constraint is width-free.
"""

from __future__ import annotations

import functools
import math

from ..errors import InputError
from .. import couplings
from ..constraints import Constraint
from ..limits import Limit
from ..validation import mass
from . import charm2, lampf_lsnd, reactors

__all__ = ["parts", "applicable", "constraint", "coupling_range", "limit", "rho_range", "CONSTRAINTS",
           "LIMITS"]


@functools.lru_cache(maxsize=256)
def _lampf(m_x: float) -> Constraint:
    return lampf_lsnd.constraint(m_x)


def parts(m_x: float) -> dict[str, Constraint]:
    """The individual constraints that enter 'low-energy' at m_x [GeV], by name."""
    m_x = mass("m_x", m_x)
    out = {"lampf-lsnd": _lampf(float(m_x)), "reactors": reactors.constraint(m_x)}
    if m_x >= charm2.M_X_MIN * (1 - 1e-9):
        out["charm2"] = charm2.constraint(m_x)
    return out


def applicable(pair: str, m_x: float) -> list[str]:
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


def constraint(m_x: float) -> Constraint:
    """The intersection of every low-energy measurement at m_x [GeV] in [1e-6, 1e4]."""
    return _constraint(float(mass("m_x", m_x)))


def coupling_range(coupling: str, m_x: float) -> tuple[float, float]:
    """(C_min, C_max) allowed for the combination ``coupling`` alone at m_x [GeV]
    (dimensionless coupling products; exact, Constraint.along). Raises ValueError if no
    low-energy measurement constrains it at this mass."""
    _, pair = couplings.combination(coupling)
    con = constraint(m_x)
    if not con.involves(pair):
        raise InputError(f"coupling {coupling!r}: no low-energy measurement constrains it at "
                         f"m_x = {float(m_x):g} GeV (CHARM-II needs m_x >= 1 GeV)")
    return con.along(couplings.direction(coupling)).bounds


def limit(coupling: str, m_x: float) -> Limit:
    """``upper`` = |C|^(1/2)_max for ``coupling`` (Lee, Ree, Vee, Aee, ...) at m_x [GeV], from the
    extreme allowed values of +-C (``product_range``) with all other couplings zero (Chiang
    Fig. 3 solid/dashed: :meth:`~xboson.limits.Limit.upper_for_sign`)."""
    lo, hi = coupling_range(coupling, m_x)
    return Limit(math.sqrt(max(abs(lo), abs(hi))), product_range=(lo, hi))


def rho_range(coupling: str, m_x: float) -> tuple[float, float]:
    """(rho_min, rho_max) of Eq. (13) for the combination alone at m_x [GeV]."""
    lo, hi = coupling_range(coupling, m_x)
    s = couplings.rho_scale(m_x)
    return lo / s, hi / s


CONSTRAINTS = {"low-energy": constraint}
LIMITS = {"low-energy": limit}
