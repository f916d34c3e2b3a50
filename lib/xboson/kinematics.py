"""Two-body kinematics of (anti)neutrino-electron scattering in the lab frame
(electron at rest). Energies in GeV."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .errors import InputError
from .constants import M_E
from .validation import in_range

__all__ = ["E_NU_MIN", "E_NU_MAX", "t_max_recoil", "e_min_for_recoil", "check_recoil", "mandelstam",
           "invariants_unchecked"]

E_NU_MIN = 1e-9  #: GeV: smallest (anti)neutrino energy accepted (1 eV)
E_NU_MAX = 1e6   #: GeV: largest (anti)neutrino energy and recoil accepted


def t_max_recoil(e_nu: ArrayLike) -> float | np.ndarray:
    """Largest electron recoil kinetic energy T_max = 2 E^2 / (2 E + m_e), Chiang Eq. (A7).

    e_nu: (anti)neutrino energy [GeV] in [1e-9, 1e6]. Returns T_max [GeV].
    """
    e = in_range("e_nu", e_nu, E_NU_MIN, E_NU_MAX, unit="GeV")
    return 2.0 * e**2 / (2.0 * e + M_E)


def e_min_for_recoil(t: ArrayLike) -> float | np.ndarray:
    """Smallest (anti)neutrino energy that can give recoil T: 2 E_min = T + sqrt(2 m_e T + T^2),
    Chiang Eq. (A8). t: recoil kinetic energy [GeV] in [0, 1e6]. Returns E_min [GeV]."""
    t = in_range("t", t, 0.0, E_NU_MAX, unit="GeV")
    return 0.5 * (t + np.sqrt(2.0 * M_E * t + t * t))


def check_recoil(e_nu: ArrayLike, t: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Validate 1e-9 <= E <= 1e6 GeV and 0 <= T <= T_max(E) (Chiang Eq. A7); return (E, T) as
    broadcast arrays."""
    e = in_range("e_nu", e_nu, E_NU_MIN, E_NU_MAX, unit="GeV")
    t = in_range("t", t, 0.0, E_NU_MAX, unit="GeV")
    e, t = np.broadcast_arrays(np.asarray(e, float), np.asarray(t, float))
    tmax = 2.0 * e**2 / (2.0 * e + M_E)          # Eq. (A7); e already checked
    if np.any(t > tmax * (1.0 + 1e-12)):
        raise InputError("t: recoil energy above the kinematic limit T_max = 2E^2/(2E + m_e) "
                         "(Chiang Eq. A7) for the given e_nu")
    return e, t


def mandelstam(e_nu: ArrayLike, t: ArrayLike) -> tuple[float | np.ndarray, float | np.ndarray, float | np.ndarray]:
    """Lab-frame invariants minus m_e^2, Chiang Eq. (A6): returns (s - m_e^2, t_mandelstam,
    u - m_e^2) = (2 E m_e, -2 m_e T, -2 m_e (E - T)) in GeV^2, computed without cancellation."""
    return invariants_unchecked(*check_recoil(e_nu, t))


def invariants_unchecked(e: float | np.ndarray,
                         t: float | np.ndarray) -> tuple[float | np.ndarray, float | np.ndarray, float | np.ndarray]:
    """:func:`mandelstam` for (E, T) already checked by :func:`check_recoil` (hot paths)."""
    return 2.0 * e * M_E, -2.0 * M_E * t, -2.0 * M_E * (e - t)
