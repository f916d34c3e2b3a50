"""CHARM-II nu_mu e and anti-nu_mu e scattering, Chiang Sec. V (Eqs. 15-16, Fig. 4) and its
use for flavour-changing couplings in Sec. VIII (Fig. 7).

Chiang Eq. (15): dsigma/dy = (G_F^2 E m_e / 2 pi) [(g_V + g_A)^2 + (g_V - g_A)^2 (1 - y)^2],
y = T/E, for nu_mu e (g_A -> -g_A for anti-nu_mu). Compared with the low-energy cross section
of Chiang Eqs. (5)-(7) for i = mu (omega = 0; the m_e T/E^2 term is O(m_e/E) ~ 2e-5 at
CHARM-II energies and is dropped, as in Eq. 15), the measured combinations are

    (g_V + g_A)^2 / 4 = (gbar_L + rho^L_mumu)^2 + (rho^L_emu)^2 + (rho^L_mutau)^2,
    (g_V - g_A)^2 / 4 = (gbar_R + rho^R_mumu)^2 + (rho^R_emu)^2 + (rho^R_mutau)^2,

with rho = C / (2 sqrt2 G_F m_X^2) (Eq. 13): the flavour-diagonal X exchange adds coherently
to the Z (Eq. 6), the flavour-changing nu_mu e -> nu_e e, nu_tau e (Eq. 7) add incoherently,
m_e/(4 pi m_X^4) C^2 = (2 G_F^2 m_e / pi) rho^2. Antineutrinos swap L <-> R together with
g_A -> -g_A, so the same two combinations describe both beams.

Contact limit. The X propagator is taken at t = 0 (m_X^2 - t -> m_X^2): with T <= 24 GeV the
momentum transfer is |t|^(1/2) <= (2 m_e T_max)^(1/2) = 0.16 GeV, so for m_X >= 1 GeV the
error is below 2 m_e T_max / m_X^2 = 2.5% at the largest T and smaller on average (Chiang
Sec. V: "valid for m_X >~ 1 GeV with errors below ~2%"). Below 1 GeV the paper derives no
bound (the CHARM-II spectrum and flux averages are not available), and neither do we:
:func:`constraint` raises ValueError for m_x < 1 GeV.

Bands: the 90% CL ranges (1.64 sigma) of Eq. (16) on the full (SM + X) combinations, the SM
part with Chiang's sin^2 theta_W = 0.23 ("g_V,A^exp consist of SM and X terms"). The two
numbers are the records ``charm2.g_v_plus_g_a_squared`` and ``charm2.g_v_minus_g_a_squared`` of
data/measurements.yaml -- the same records Lindner's chi^2 uses (:mod:`xboson.lindner.fits`).
"""

from __future__ import annotations

import functools

import numpy as np

from ..errors import InputError
from .. import couplings
from ..constants import GBAR_L, GBAR_R
from ..constraints import Constraint
from ..measurements import N_SIGMA_90, Measurement, measurement
from ..quadform import QuadraticForm
from ..validation import in_range, mass, positive

__all__ = ["M_X_MIN", "COMBINATIONS", "combination", "inputs", "combination_form", "constraint", "rho_max",
           "CONSTRAINTS"]

M_X_MIN = 1.0    #: GeV; Chiang Sec. V: the contact treatment holds for m_X >~ 1 GeV
#: chirality -> the Eq. (16) record: 'L' (g_V + g_A)^2, 'R' (g_V - g_A)^2
COMBINATIONS = {"L": "charm2.g_v_plus_g_a_squared", "R": "charm2.g_v_minus_g_a_squared"}


def combination(chirality: str) -> Measurement:
    """The Eq. (16) record measuring (g_V + g_A)^2 ('L') or (g_V - g_A)^2 ('R')."""
    if chirality not in COMBINATIONS:
        raise InputError(f"unknown chirality {chirality!r}; expected 'L' or 'R'")
    return measurement(COMBINATIONS[chirality])


def inputs() -> dict:
    """Chiang Eq. (16) and the CHARM-II kinematics as one mapping, read from the records:
    ``g_v_plus_g_a_squared`` / ``g_v_minus_g_a_squared`` ({value, error}), ``recoil_window_gev``,
    ``mean_energy_numu_gev``, ``mean_energy_numubar_gev`` and ``n_sigma_90cl`` (Chiang's 1.64)."""
    plus, minus = combination("L"), combination("R")
    return {"g_v_plus_g_a_squared": {"value": plus.value, "error": plus.sigma("chiang")},
            "g_v_minus_g_a_squared": {"value": minus.value, "error": minus.sigma("chiang")},
            "recoil_window_gev": list(plus.recoil_window.gev),
            "mean_energy_numu_gev": plus.process.beam(False).mean_energy_gev,
            "mean_energy_numubar_gev": plus.process.beam(True).mean_energy_gev,
            "n_sigma_90cl": N_SIGMA_90}


def combination_form(chirality: str, m_x: float) -> QuadraticForm:
    """(g_V +- g_A)^2 (dimensionless) as a quadratic form in the couplings at m_x [GeV]:
    4 [(gbar + C_mumu/s)^2 + (C_emu/s)^2 + (C_mutau/s)^2], s = 2 sqrt2 G_F m_X^2 (Eq. 13);
    chirality 'L' gives (g_V + g_A)^2, 'R' gives (g_V - g_A)^2."""
    if chirality not in ("L", "R"):
        raise InputError(f"unknown chirality {chirality!r}; expected 'L' or 'R'")
    s = couplings.rho_scale(m_x)
    gbar = GBAR_L if chirality == "L" else GBAR_R
    n = couplings.DIM
    lin = np.zeros(n)
    quad = np.zeros((n, n))
    k = couplings.index(chirality, "mumu")
    lin[k] = 4.0 * 2.0 * gbar / s
    for p in ("mumu", "emu", "mutau"):
        j = couplings.index(chirality, p)
        quad[j, j] = 4.0 / s**2
    return QuadraticForm(4.0 * gbar**2, lin, quad)


@functools.lru_cache(maxsize=256)
def _constraint(m_x: float, n_sigma: float) -> Constraint:
    bands = tuple(combination(chir).band(combination_form(chir, m_x), "chiang", n_sigma, label=label)
                  for chir, label in (("L", "CHARM-II (g_V+g_A)^2"), ("R", "CHARM-II (g_V-g_A)^2")))
    return Constraint("charm2", bands, m_x)


def constraint(m_x: float, *, n_sigma: float | None = None) -> Constraint:
    """CHARM-II bands (Chiang Eq. 16 at 90% CL) at m_x [GeV] in [1, 1e4] (width-free).

    Constrains (L, R) of the pairs mumu (Fig. 4), emu (Fig. 7, with nu_mu e -> nu_e e) and
    mutau. n_sigma defaults to Chiang's 90% CL, 1.64 (:data:`xboson.measurements.N_SIGMA_90`).
    """
    m_x = mass("m_x", m_x)
    if m_x < M_X_MIN * (1 - 1e-9):
        raise InputError(f"m_x: the CHARM-II constraint (Chiang Sec. V) holds only for m_x >= "
                         f"{M_X_MIN:g} GeV (got {m_x:g} GeV)")
    n_sigma = positive("n_sigma", N_SIGMA_90 if n_sigma is None else n_sigma)
    return _constraint(float(m_x), float(n_sigma))


def rho_max(chirality: str, pair: str = "mumu", n_sigma: float | None = None) -> float:
    """Largest |rho^C_pair| allowed by CHARM-II alone (others zero), closed form from Eq. (16):
    mumu: |gbar| + sqrt(hi/4); emu, mutau: sqrt(hi/4 - gbar^2). Independent of m_X (>= 1 GeV).
    chirality 'L' or 'R'; n_sigma in (0, 10] (default Chiang's 90% CL, 1.64)."""
    rec = combination(chirality)
    n_sigma = N_SIGMA_90 if n_sigma is None else in_range("n_sigma", n_sigma, 0.0, 10.0, lo_open=True)
    hi = rec.interval("chiang", n_sigma)[1]
    gbar = GBAR_L if chirality == "L" else GBAR_R
    if pair == "mumu":
        return abs(gbar) + (hi / 4.0) ** 0.5
    if pair in ("emu", "mutau"):
        if hi / 4.0 < gbar**2:
            raise InputError(f"n_sigma = {n_sigma:g}: the CHARM-II range excludes zero {pair} coupling")
        return (hi / 4.0 - gbar**2) ** 0.5
    raise InputError(f"pair: CHARM-II constrains mumu, emu, mutau (got {pair!r})")


CONSTRAINTS = {"charm2": constraint}
