"""Neutrino source spectra. Energies in GeV; a spectrum's pdf is per GeV.

:class:`Spectrum` is a weight function on [e_min, e_max]; flux averages in
:mod:`xboson.averaging` integrate against it. The sources: the nu_e of mu+ decay at rest
(:data:`MU_DECAY_NUE`, LAMPF/LSND) and reactor antineutrinos (:func:`reactor_spectrum`, Chiang Eq. 11).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from .constants import M_E, M_MU
from .data import load_yaml
from .units import MeV
from .validation import choice, finite, in_range, positive

__all__ = ["E_NU_MAX_MU_DECAY", "Spectrum", "MU_DECAY_NUE", "REACTOR_E_MAX", "REACTOR_E_FIT_MAX",
           "isotope_spectrum", "reactor_spectrum"]

#: Endpoint of the nu_e spectrum from mu+ decay at rest, (m_mu^2 - m_e^2) / (2 m_mu)
#: (Chiang after Eq. 9; neutrino masses neglected): 52.83 MeV.
E_NU_MAX_MU_DECAY = (M_MU**2 - M_E**2) / (2.0 * M_MU)


@dataclass(frozen=True)
class Spectrum:
    """A source spectrum ``pdf(E)`` on [e_min, e_max] (GeV); ``units`` says what the pdf counts
    (e.g. 'probability per GeV' or 'antineutrinos per GeV per fission')."""

    name: str
    pdf: Callable[[np.ndarray], np.ndarray]
    e_min: float
    e_max: float
    units: str

    def __call__(self, e):
        """pdf(E) inside [e_min, e_max], zero outside; e [GeV] finite."""
        e = np.asarray(finite("e_nu", e), float)
        inside = (e >= self.e_min) & (e <= self.e_max)
        if np.all(inside):
            return self.pdf(e)
        out = np.zeros(e.shape)
        out[inside] = self.pdf(e[inside])
        return out if e.ndim else float(out)


def _mu_decay_nue(e):
    x = e / E_NU_MAX_MU_DECAY
    return 12.0 * (1.0 - x) * x**2 / E_NU_MAX_MU_DECAY


#: nu_e spectrum from mu+ decay at rest, phi(E) = 12 (E_max - E) E^2 / E_max^4,
#: normalised to one (Chiang after Eq. 9, from Kayser et al. [29]); the LAMPF/LSND source.
MU_DECAY_NUE = Spectrum("mu+ decay at rest, nu_e", _mu_decay_nue, 0.0, E_NU_MAX_MU_DECAY,
                        "probability per GeV")

# --- reactor antineutrinos, Chiang Eq. (11) --------------------------------------------------------
# phi(E) = sum_k a_k S_k(E), with the Mueller et al. (2011) per-fission spectra S_k and Chiang's
# fission fractions a_k (data/reactor_spectra.yaml). The parametrisation is fitted on 2-8 MeV; we use
# it as printed from E_min(T) up to E_max = 10 MeV (Chiang: the spectrum "extends essentially to
# 10 MeV"). :func:`reactor_spectrum` can freeze it below a given energy for the sensitivity study.

REACTOR_E_MAX = 10.0 * MeV   #: upper end of the reactor spectrum used (Chiang Sec. II)
REACTOR_E_FIT_MAX = 0.1      #: GeV: largest energy accepted by :func:`isotope_spectrum`


def _isotopes():
    return load_yaml("reactor_spectra.yaml")["isotopes"]


def isotope_spectrum(isotope: str, e: ArrayLike) -> float | np.ndarray:
    """Mueller S_k(E) [antineutrinos / GeV / fission] for isotope 'U235', 'U238', 'Pu239',
    'Pu241' at energies e [GeV] in [0, 0.1] (the fit holds for 2-8 MeV; beyond 0.1 GeV the
    exponential of the polynomial is zero to double precision anyway)."""
    iso = _isotopes()
    choice("isotope", isotope, list(iso))
    e = in_range("e", e, 0.0, REACTOR_E_FIT_MAX, unit="GeV")
    a = iso[isotope]["coefficients"]
    e_mev = np.asarray(e, float) / MeV
    return np.exp(np.polynomial.polynomial.polyval(e_mev, a)) / MeV


@functools.lru_cache(maxsize=8)
def reactor_spectrum(freeze_below_mev: float | None = None) -> Spectrum:
    """phi(E) = sum_k a_k S_k(E), Chiang Eq. (11), on [0, 10 MeV], per GeV per fission.

    ``freeze_below_mev``: if given, phi(E) = phi(E_freeze) below that energy (a sensitivity
    study of the unmeasured low-energy part; the fit is valid only for 2-8 MeV).
    """
    iso = _isotopes()
    if freeze_below_mev is not None:
        positive("freeze_below_mev", freeze_below_mev)

    def pdf(e):
        e = np.asarray(e, float)
        if freeze_below_mev is not None:
            e = np.maximum(e, freeze_below_mev * MeV)
        return sum(v["fission_fraction"] * isotope_spectrum(k, e) for k, v in iso.items())

    name = "reactor (Mueller 2011, Chiang fractions)"
    if freeze_below_mev is not None:
        name += f", frozen below {freeze_below_mev:g} MeV"
    return Spectrum(name, pdf, 0.0, REACTOR_E_MAX, "antineutrinos per GeV per fission")
