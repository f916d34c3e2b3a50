"""Neutrino source spectra. Energies in GeV; a spectrum's pdf is per GeV.

:class:`Spectrum` is a weight function on [e_min, e_max]; flux averages in
:mod:`xboson.averaging` integrate against it. Experiment modules add their own sources
(e.g. the reactor spectra of Chiang Eq. 11).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .constants import M_E, M_MU
from .validation import finite

__all__ = ["E_NU_MAX_MU_DECAY", "Spectrum", "MU_DECAY_NUE"]

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
