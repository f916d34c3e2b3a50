"""Reactor antineutrino spectrum, Chiang Eq. (11): phi(E) = sum_k a_k S_k(E), with the
Mueller et al. (2011) per-fission spectra S_k and Chiang's fission fractions a_k
(``data/reactor_spectra.yaml``).

The parametrisation is fitted on 2-8 MeV; we use it as printed from E_min(T) up to
E_max = 10 MeV (Chiang: the spectrum "extends essentially to 10 MeV").
:func:`reactor_spectrum` can freeze it below a given energy for the sensitivity study.
"""

from __future__ import annotations

import functools

import numpy as np

from .data import load_yaml
from .spectra import Spectrum
from .units import MeV
from .validation import choice, in_range, positive

__all__ = ["E_MAX", "E_FIT_MAX", "isotope_spectrum", "reactor_spectrum"]

E_MAX = 10.0 * MeV   #: upper end of the reactor spectrum used (Chiang Sec. II)
E_FIT_MAX = 0.1      #: GeV: largest energy accepted by :func:`isotope_spectrum`


def _isotopes():
    return load_yaml("reactor_spectra.yaml")["isotopes"]


def isotope_spectrum(isotope: str, e):
    """Mueller S_k(E) [antineutrinos / GeV / fission] for isotope 'U235', 'U238', 'Pu239',
    'Pu241' at energies e [GeV] in [0, 0.1] (the fit holds for 2-8 MeV; beyond 0.1 GeV the
    exponential of the polynomial is zero to double precision anyway)."""
    iso = _isotopes()
    choice("isotope", isotope, list(iso))
    e = in_range("e", e, 0.0, E_FIT_MAX, unit="GeV")
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
    return Spectrum(name, pdf, 0.0, E_MAX, "antineutrinos per GeV per fission")
