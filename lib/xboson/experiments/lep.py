"""Chiang Sec. VI: LEP e+e- -> nu nubar gamma (Table II) plus the X-width requirement
(Eqs. 17-18), as a :class:`~xboson.constraints.Constraint`.

Per Table II row i (Chiang Sec. VI):

    | sigma_exp - sigma_SM - sigma^X_i(c) | <= sqrt(delta_exp^2 + delta_SM^2),

with the printed central values, the 90% CL errors (1.64 sigma; 2 sigma for the two
footnote-2 rows, :func:`xboson.lep.table2.footnote2_rows`) and sigma^X_i the quadratic form of
:func:`xboson.lep.xsec.x_forms` (X terms and X-SM interference). The SM value subtracted is the
paper's (Table II), not ours. The width band is Eq. (17) with Eq. (18):

    Gamma_{X->ee} sum_{i,j} Gamma_{X->nu_i nubar_j} <= Gamma_X^2 / 4,

both orderings (i, j) and (j, i) counted for the flavour-changing pairs (Sec. VIII). Each band
is divided by its half-width so that all bands are O(1) numbers (the allowed set is unchanged).
"""

from __future__ import annotations

import functools
import math

import numpy as np

from ..errors import InputError
from .. import couplings
from ..constants import M_E
from ..constraints import Constraint
from ..limits import Limit
from ..quadform import Band, QuadraticForm
from ..validation import mass, positive
from ..validation import width as valid_width

__all__ = ["width_product_form", "width_band", "lep_bands", "constraint", "CONSTRAINTS", "WIDTH_OVER_MASS",
           "default_width", "coupling_range", "limit", "LIMITS"]


def width_product_form(m_x: float) -> QuadraticForm:
    """Chiang Eq. (18) summed over i, j: Gamma_{X->ee} sum_ij Gamma_{X->nu_i nubar_j} [GeV^2]
    as a quadratic form in the couplings (m_x in GeV). Zero below the e+e- threshold."""
    m_x = mass("m_x", m_x)
    quad = np.zeros((couplings.DIM, couplings.DIM))
    if m_x > 2 * M_E:
        pref = math.sqrt(m_x**2 - 4 * M_E**2) / (576 * math.pi**2 * m_x)
        for pair in couplings.PAIRS:
            mult = 1.0 if pair in ("ee", "mumu", "tautau") else 2.0
            li, ri = couplings.index("L", pair), couplings.index("R", pair)
            quad[li, li] += mult * pref * (m_x**2 - M_E**2)
            quad[ri, ri] += mult * pref * (m_x**2 - M_E**2)
            quad[li, ri] += mult * pref * 3 * M_E**2     # 6 L R m_e^2, split symmetrically
            quad[ri, li] += mult * pref * 3 * M_E**2
    return QuadraticForm(0.0, np.zeros(couplings.DIM), quad)


def width_band(m_x: float, gamma_x: float) -> Band:
    """Eq. (17): width product <= Gamma_X^2 / 4 (normalised by Gamma_X^2 / 4)."""
    m_x = mass("m_x", m_x)
    gamma_x = valid_width("gamma_x", gamma_x, m_x)
    scale = gamma_x**2 / 4
    return Band(width_product_form(m_x) / scale, -np.inf, 1.0, "Gamma_X requirement, Chiang Eq. (17)")


def lep_bands(m_x: float, gamma_x: float) -> tuple[Band, ...]:
    """One band per Table II row (see module doc), normalised by its half-width."""
    from ..lep import table2, xsec

    forms = xsec.x_forms(m_x, gamma_x)
    out = []
    for row, form in zip(table2.rows(), forms):
        half = table2.combined_error(row, table2.n_sigma(row))
        centre = (row.sigma_exp - row.sigma_sm) / half
        f = form / half
        lo = centre - 1.0
        # the X form is a positive-definite diagonal quadratic plus a linear term: its global
        # minimum over all couplings is -sum b_k^2 / (4 q_k). A lower bound below it can never
        # bind; dropping it leaves the allowed set unchanged and halves the conics to solve.
        q = np.diag(f.quad)
        active = q > 0
        fmin = -np.sum(f.linear[active] ** 2 / (4 * q[active]))
        if np.all(f.linear[~active] == 0) and lo < fmin:
            lo = -np.inf
        out.append(Band(f, lo, centre + 1.0, f"LEP {row.label}"))
    return tuple(out)


def constraint(m_x: float, gamma_x: float, *, width: bool = True) -> Constraint:
    """LEP Table II bands (and, if ``width``, the Eq. 17 band) at m_x, gamma_x [GeV]: the one
    width-dependent constraint (:data:`xboson.experiments.WIDTH_DEPENDENT`).
    Domain: m_x in [1e-6, 1e4], gamma_x in [1e-10 m_x, m_x] (required)."""
    m_x = mass("m_x", m_x)
    if gamma_x is None:
        raise InputError("gamma_x is required for the lep constraint (X total width in GeV)")
    gamma_x = valid_width("gamma_x", gamma_x, m_x)
    bands = lep_bands(m_x, gamma_x)
    if width:
        bands = bands + (width_band(m_x, gamma_x),)
    return Constraint("lep", bands, m_x, gamma_x)


CONSTRAINTS = {"lep": constraint}


# ----------------------------------------------------------------------------- limits on one coupling
#: Gamma_X / m_X at which the LEP limits on one coupling are quoted (Chiang Fig. 3, dotted: "the
#: Gamma_X choices, as in the top plots of Fig. 5"): (m_X [GeV], Gamma_X / m_X) at 5 and 100 GeV.
WIDTH_OVER_MASS = ((5.0, 5e-6), (100.0, 3e-6))


def default_width(m_x: float) -> float:
    """Gamma_X [GeV] at which :func:`limit` (so the Fig. 3 dotted curves) is evaluated at m_x [GeV].

    Chiang's Fig. 5 top row has Gamma_X/m_X = 5e-6 (0.01 and 5 GeV) and 3e-6 (100 GeV); we take
    Gamma_X/m_X = 5e-6 up to 5 GeV, interpolate log(Gamma_X/m_X) linearly in log m_X between 5 and
    100 GeV, and keep 3e-6 above (our choice; the paper does not say how it chose widths between
    its three masses).
    """
    m_x = positive("m_x", m_x)
    (m1, r1), (m2, r2) = WIDTH_OVER_MASS
    if m_x <= m1:
        r = r1
    elif m_x >= m2:
        r = r2
    else:
        f = math.log(m_x / m1) / math.log(m2 / m1)
        r = math.exp((1 - f) * math.log(r1) + f * math.log(r2))
    return r * m_x


#: The name used by the Fig. 3 errata entry and its test.
fig3_width = default_width


@functools.lru_cache(maxsize=256)
def _default_width_constraint(m_x: float) -> Constraint:
    """The constraint at m_x [GeV] with Gamma_X = :func:`default_width` (shared by the limits on
    every coupling at that mass)."""
    return constraint(m_x, default_width(m_x))


def coupling_range(coupling: str, m_x: float, gamma_x: float | None = None) -> tuple[float, float]:
    """(min, max) of the coupling combination alone (others zero) allowed by LEP + Eq. (17)
    at m_x [GeV] and gamma_x [GeV] (default :func:`default_width`). Names as
    :func:`xboson.couplings.direction`: V = (L+R)/2 and A = (L-R)/2 as in Chiang Sec. IV (V alone
    means L = R = V; A alone, L = -R = A)."""
    d = couplings.direction(coupling)
    m_x = mass("m_x", m_x)
    con = _default_width_constraint(float(m_x)) if gamma_x is None else constraint(m_x, gamma_x)
    return con.along(d).bounds


def limit(coupling: str, m_x: float) -> Limit:
    """The dotted curves of Chiang Fig. 3: ``upper`` = |C|^(1/2)_max from the extreme allowed
    values of +-C (``product_range``), evaluated at ``gamma_x`` = :func:`default_width`."""
    lo, hi = coupling_range(coupling, m_x)
    return Limit(math.sqrt(max(abs(lo), abs(hi))), gamma_x=default_width(m_x), product_range=(lo, hi))


LIMITS = {"lep": limit}
