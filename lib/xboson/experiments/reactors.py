"""Reactor anti-nu_e e -> anti-nu e scattering, Chiang Sec. IV (Table I, Figs. 2(a), 2(b)).

Observable of each Table I entry: the flux-averaged cross section of Chiang Eq. (10)
over its recoil window, with the reactor spectrum of Eq. (11) (Mueller 2011 x Chiang's
fission fractions, :mod:`xboson.spectra`) and the *exact* squared amplitudes (A1)-(A5) for
antineutrinos (s <-> u), so the X propagator 1/(m_X^2 + 2 m_e T) is kept for any m_X.
Units inside: GeV^-2 per fission.

How each measurement (a :class:`xboson.measurements.Measurement` record of
data/measurements.yaml quoted by Chiang Table I) becomes a band on the X contribution
(:meth:`~xboson.measurements.Measurement.band`, 90% CL = 1.64 sigma, Chiang Sec. IV "we adopt
again the 90%-CL ranges"):

* The X contribution sigma_X(c) (X-SM interference plus pure X, the non-constant part of the
  exact form) is isolated by subtracting "the pure SM part given by the usual
  approximation", Chiang Eq. (14), integrated over the same window and spectrum
  (:func:`sm_integrals`). The exact SM constant agrees with Eq. (14) to ~1e-9 (corrections
  s/m_W^2), a test checks it.
* ``absolute_xsec`` (Krasnoyarsk, Rovno; cm^2/fission): sigma_exp -/+ 1.64 err - sigma_SM(14)
  bounds sigma_X.
* ``rate_ratio_to_sm`` (MUNU, TEXONO): R/R_SM = 1 + sigma_X / sigma_SM(14); the rate ratio is the
  cross-section ratio (same flux, same detector, same window).
* ``ratio_to_v_minus_a`` (Savannah River): sigma = r sigma_V-A, where sigma_V-A is "the
  corresponding cross section in the SM from the W-mediated diagram alone" (Table I
  footnote). We compute it from the low-energy formula Eq. (14) with gbar_L = gbar_R = 0,
  i.e. dsigma_V-A/dT = (2 G_F^2 m_e / pi) (1 - T/E)^2 (a pure V-A charged current: only the
  "1" of 1 + gbar_L survives). Then sigma_X in [r_lo sigma_V-A - sigma_SM, r_hi sigma_V-A -
  sigma_SM].

Sensitivities (:func:`sensitivity`): freezing the spectrum below 2 MeV (the Mueller fit is
valid for 2-8 MeV only) and 1.645 instead of 1.64 sigma.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

import numpy as np

from ..errors import InputError
from ..averaging import energy_nodes, flux_averaged_cross_section
from ..constants import G_F, GBAR_L, GBAR_R, M_E
from ..constraints import Constraint
from ..kinematics import t_max_recoil
from ..measurements import N_SIGMA_90, Measurement, measurement, quoted_by
from ..quadform import Band, QuadraticForm
from ..spectra import reactor_spectrum
from ..units import cm2
from ..validation import choice, mass, positive

__all__ = ["measurements", "entry_label", "sm_integrals", "sigma_sm_eq14", "sigma_v_minus_a", "sigma_bar",
           "band_for", "constraint", "sensitivity", "N_SIGMA_90", "KINDS", "CONSTRAINTS"]

E46 = 1e-46             #: unit of the 'absolute_xsec' Table I records, cm^2 (per fission)
N_E_SM = 96             #: Gauss-Legendre nodes per E piece for the Eq. (14) integrals
KINDS = ("ratio_to_v_minus_a", "absolute_xsec", "rate_ratio_to_sm")   #: Table I observables


def measurements() -> list[Measurement]:
    """Chiang Table I: the reactor records of data/measurements.yaml Chiang quotes, in the
    table's order (values of 'absolute_xsec' in 1e-46 cm^2/fission, recoil windows in MeV)."""
    return quoted_by("chiang", KINDS)


def entry_label(m: Measurement) -> str:
    """A short unique label, e.g. 'Savannah River 1.5-3 MeV'."""
    return m.label


def _spectrum(freeze_below_mev):
    return reactor_spectrum(None if freeze_below_mev is None else float(freeze_below_mev))


def sm_integrals(t_window: tuple[float, float], freeze_below_mev: float | None = None, n_e: int = N_E_SM) -> dict:
    """The three kinematic integrals of Chiang Eq. (14) over the reactor spectrum (Eq. 10).

    With u(E) = min(T_2, T_max(E)) (Eq. A7) and E >= E_min(T_1) (Eq. A8):
    ``I0`` = int dE phi int dT 1, ``I1`` = int dE phi int dT (1 - T/E)^2,
    ``Ix`` = int dE phi int dT m_e T / E^2, each in GeV per fission (the T integrals are done
    analytically). t_window = (T_1, T_2) in GeV.
    """
    t1, t2 = (float(t) for t in t_window)
    positive("t_window[0]", t1)
    if not t2 > t1:
        raise InputError(f"t_window: need T_2 > T_1 (got {t_window!r})")
    spec = _spectrum(freeze_below_mev)
    e, wt = energy_nodes(spec, (t1, t2), n_e)
    u = np.minimum(t2, t_max_recoil(e))
    u = np.maximum(u, t1)
    i0 = u - t1
    i1 = e / 3.0 * ((1.0 - t1 / e) ** 3 - (1.0 - u / e) ** 3)
    ix = M_E / e**2 * 0.5 * (u**2 - t1**2)
    return {"I0": float(np.sum(wt * i0)), "I1": float(np.sum(wt * i1)), "Ix": float(np.sum(wt * ix))}


def sigma_sm_eq14(t_window: tuple[float, float], freeze_below_mev: float | None = None) -> float:
    """SM flux-averaged cross section [GeV^-2 per fission] from the low-energy formula,
    Chiang Eq. (14) integrated as in Eq. (10). t_window = (T_1, T_2) [GeV]."""
    i = sm_integrals(t_window, freeze_below_mev)
    pre = 2.0 * G_F**2 * M_E / math.pi
    return pre * ((1.0 + GBAR_L) ** 2 * i["I1"] + GBAR_R**2 * i["I0"] - (1.0 + GBAR_L) * GBAR_R * i["Ix"])


def sigma_v_minus_a(t_window: tuple[float, float], freeze_below_mev: float | None = None) -> float:
    """sigma_V-A [GeV^-2 per fission]: the SM W-mediated diagram alone (Chiang Table I
    footnote), i.e. Eq. (14) with gbar_L = gbar_R = 0: (2 G_F^2 m_e/pi) int (1 - T/E)^2.
    t_window = (T_1, T_2) [GeV]."""
    i = sm_integrals(t_window, freeze_below_mev)
    return 2.0 * G_F**2 * M_E / math.pi * i["I1"]


@functools.lru_cache(maxsize=512)
def sigma_bar(m_x: float, t_lo: float, t_hi: float, freeze_below_mev: float | None = None) -> QuadraticForm:
    """Exact flux-averaged anti-nu_e e cross section over T in [t_lo, t_hi] (GeV), Chiang
    Eq. (10) with (A1)-(A5), s <-> u; a quadratic form in GeV^-2 per fission. m_x [GeV]."""
    return flux_averaged_cross_section(_spectrum(freeze_below_mev), m_x, "e", anti=True,
                                       t_window=(t_lo, t_hi))


def band_for(m: Measurement, m_x: float, n_sigma: float = N_SIGMA_90,
             freeze_below_mev: float | None = None) -> Band:
    """The 90% CL band on the X contribution for one Table I record ``m`` (see module doc).

    The band is on sigma_X(c) + sigma_SM(Eq. 14) [GeV^-2 per fission], compared with the
    measured range converted to the same units (the record's value times ``unit``: 1e-46 cm^2,
    sigma_SM(Eq. 14) or sigma_V-A), so all six bands share units.
    """
    choice("observable", m.observable, KINDS)
    window = m.recoil_window.gev
    form = sigma_bar(float(m_x), window[0], window[1], freeze_below_mev)
    sm = sigma_sm_eq14(window, freeze_below_mev)
    if m.observable == "absolute_xsec":
        unit = E46 * cm2
    elif m.observable == "rate_ratio_to_sm":
        unit = sm
    else:
        unit = sigma_v_minus_a(window, freeze_below_mev)
    return m.band(form.x_part + sm, "chiang", n_sigma, unit)


@functools.lru_cache(maxsize=256)
def _constraint(m_x: float, n_sigma: float, freeze_below_mev, subset) -> Constraint:
    ms = measurements()
    if subset is not None:
        ms = [m for m in ms if m.experiment in subset]
        if not ms:
            raise InputError(f"experiments: none of {subset!r} is in Chiang Table I")
    bands = tuple(band_for(m, m_x, n_sigma, freeze_below_mev) for m in ms)
    return Constraint("reactors", bands, m_x)


def constraint(m_x: float, *, n_sigma: float = N_SIGMA_90, freeze_below_mev: float | None = None,
               experiments: Iterable[str] | None = None) -> Constraint:
    """All Table I bands at m_x [GeV] in [1e-6, 1e4] (width-free): Chiang Sec. IV, Fig. 2(a).

    n_sigma: half-width of each band in standard deviations (1.64 = the paper's 90% CL);
    freeze_below_mev: freeze the spectrum below this energy (sensitivity study);
    experiments: optional iterable of experiment names (e.g. ['TEXONO']) to keep.
    """
    m_x = mass("m_x", m_x)
    n_sigma = positive("n_sigma", n_sigma)
    if freeze_below_mev is not None:
        freeze_below_mev = positive("freeze_below_mev", freeze_below_mev)
    subset = None if experiments is None else tuple(sorted(experiments))
    return _constraint(float(m_x), float(n_sigma), freeze_below_mev, subset)


def sensitivity(m_x: float, pair: str = "ee") -> dict:
    """Shifts of the Fig. 2(a) (reactors only) and Fig. 2(b) (with LAMPF/LSND) extremes at
    m_x [GeV] when the spectrum is frozen below 2 MeV and when 1.645 sigma replaces 1.64.

    Returns {'baseline': ext, 'freeze_2mev': ext, 'n_sigma_1645': ext} for both
    'reactors' and 'combined', each ext a dict (rhoL_min, rhoL_max, rhoR_min, rhoR_max).
    """
    from ..region import rho_extremes
    from . import lampf_lsnd

    def ext(con):
        return rho_extremes(con.region(pair).extremes())

    lampf = lampf_lsnd.constraint(m_x)
    variants = {"baseline": constraint(m_x), "freeze_2mev": constraint(m_x, freeze_below_mev=2.0),
                "n_sigma_1645": constraint(m_x, n_sigma=1.645)}
    out = {"reactors": {k: ext(v) for k, v in variants.items()}}
    comb = {k: v & lampf for k, v in variants.items()}
    # 1.645 everywhere: also widen the LAMPF/LSND band consistently
    b = lampf.bands[0]
    wide_band = measurement(lampf_lsnd.AVERAGE).band(b.form, "chiang", 1.645, lampf_lsnd.E43, b.label)
    wide = Constraint("lampf-lsnd", (wide_band,), lampf.m_x)
    comb["n_sigma_1645"] = variants["n_sigma_1645"] & wide
    out["combined"] = {k: ext(v) for k, v in comb.items()}
    return out


CONSTRAINTS = {"reactors": constraint}
