"""Observables: every predicted quantity of both papers, as a quadratic form in couplings.

An :class:`Observable` is a named function ``(m_x, gamma_x, **kinematics) -> QuadraticForm`` (or a
tuple of forms, one per bin or table row) with its coordinates, units and equation. Most live on
the coupling basis :data:`xboson.couplings.BASIS` (C = g_nu g_Ce products); the Z-pole widths,
g-2 and Lindner's U(1)_X cross sections are exact quadratic forms in their own declared
coordinates (``coordinates`` names them). Measurements (:mod:`xboson.measurements`) compare one
of these with data; constraints (:mod:`xboson.experiments`) turn that comparison into bands; models
(:mod:`xboson.models`) reach the basis through :meth:`~xboson.quadform.QuadraticForm.substitute`.

The registry is the explicit table :data:`OBSERVABLES` (grep here to see what exists); each
entry imports the module that computes it only when called.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import couplings
from .errors import InputError
from .quadform import QuadraticForm
from .validation import choice, mass
from .validation import width as valid_width

__all__ = ["Observable", "OBSERVABLES", "names", "get", "evaluate", "ZPOLE_EE_BASIS", "ZPOLE_NU_BASIS",
           "G2_BASIS", "zpole_gamma_ee_form", "zpole_gamma_nunu_form", "a_e_form", "coordinates", "PREDICTED_BY", "predicted_by"]

#: coordinates of the Z-pole observables (Chiang Eqs. 19-20): the squared couplings
ZPOLE_EE_BASIS = ("g_Le^2", "g_Re^2")
ZPOLE_NU_BASIS = ("g_nu_ee^2", "g_nu_mumu^2", "g_nu_tautau^2")
#: coordinates of a_e^X (Chiang Eq. 21): the vector and axial electron couplings
G2_BASIS = ("g_Ve", "g_Ae")


@dataclass(frozen=True)
class Observable:
    """A predicted quantity: ``form(m_x, gamma_x, **kinematics)`` in ``units`` on ``coordinates``.

    kinematics: names of the extra keyword arguments (e.g. the recoil window); needs_width: whether
    the prediction depends on Gamma_X (then gamma_x is required); rows: whether it returns a tuple of
    forms (one per bin or table row) rather than one form."""

    name: str
    description: str
    equation: str
    units: str
    coordinates: str
    form: Callable[..., QuadraticForm | tuple[QuadraticForm, ...]]
    kinematics: tuple[str, ...] = ()
    needs_width: bool = False
    rows: bool = False


# --- the Z pole and g-2 in their own coordinates ----------------------------------------------------

def _zpole_pieces(m_x: float):
    from .experiments import zpole

    f = zpole.loop_function(zpole.delta_of(m_x))
    sm = zpole.sm_values()
    k = sm["gamma_ee"] / (zpole.GBAR_L_EFF**2 + zpole.GBAR_R_EFF**2)     # g^2 m_Z / (24 pi c_w^2)
    return f, k, zpole.GBAR_L_EFF**2, zpole.GBAR_R_EFF**2


def zpole_gamma_ee_form(m_x: float) -> QuadraticForm:
    """Gamma(Z -> e+ e-) [GeV] of Chiang Eq. (19) as an exact quadratic form in (g_Le^2, g_Re^2):
    K [gbar_L^2 |1 + F x_L|^2 + gbar_R^2 |1 + F x_R|^2], x_C = g_Ce^2, i.e. const K (gbar_L^2 + gbar_R^2),
    linear 2 K gbar_C^2 Re F, quadratic K gbar_C^2 |F|^2 (F = F(m_X^2/m_Z^2) of Eq. 19)."""
    f, k, gl2, gr2 = _zpole_pieces(mass("m_x", m_x))
    w = np.array([gl2, gr2])
    return QuadraticForm(k * w.sum(), 2 * k * w * f.real, np.diag(k * w * abs(f) ** 2), ZPOLE_EE_BASIS)


def zpole_gamma_nunu_form(m_x: float) -> QuadraticForm:
    """Gamma(Z -> nu nubar) summed over flavours [GeV] of Chiang Eq. (20) as an exact quadratic form
    in (g_nu_ee^2, g_nu_mumu^2, g_nu_tautau^2): (K/4) sum_i |1 + F x_i|^2, x_i = g_{nu_i nu_i}^2."""
    f, k, _, _ = _zpole_pieces(mass("m_x", m_x))
    q = k / 4.0
    return QuadraticForm(3 * q, np.full(3, 2 * q * f.real), np.eye(3) * q * abs(f) ** 2, ZPOLE_NU_BASIS)


def a_e_form(m_x: float) -> QuadraticForm:
    """a_e^X of Chiang Eq. (21) as a quadratic form in (g_Ve, g_Ae) (dimensionless):
    m_e^2 / (4 pi^2 m_X^2) [f_V(r) g_Ve^2 + f_A(r) g_Ae^2], r = m_e^2 / m_X^2 (Eq. 22)."""
    from .experiments import g_minus_2
    from .constants import M_E

    m_x = mass("m_x", m_x)
    r = (M_E / m_x) ** 2
    k = M_E**2 / (4 * math.pi**2 * m_x**2)
    return QuadraticForm(0.0, np.zeros(2), np.diag([k * g_minus_2.f_v(r), k * g_minus_2.f_a(r)]), G2_BASIS)


# --- wrappers on the modules that compute the scattering and LEP observables ------------------------

def _lampf_lsnd(m_x, gamma_x=None):
    from .experiments import lampf_lsnd

    return lampf_lsnd.sigma_bar(m_x)


def _reactor(m_x, gamma_x=None, *, t_lo, t_hi):
    from .experiments import reactors

    return reactors.sigma_bar(mass("m_x", m_x), t_lo, t_hi)


def _charm2(m_x, gamma_x=None, *, chirality):
    from .experiments import charm2

    return charm2.combination_form(chirality, mass("m_x", m_x))


def _lep(m_x, gamma_x=None):
    from .lep import xsec

    return tuple(xsec.x_forms(m_x, gamma_x))


def _width_product(m_x, gamma_x=None):
    from .experiments import lep

    return lep.width_product_form(m_x)


def _lindner_window(m_x, gamma_x=None, *, source, flavour, anti, t_lo, t_hi):
    from .lindner import fits

    return fits.window_forms(source, m_x, flavour, anti, [(t_lo, t_hi)])[0]


_CHIANG = "Chiang et al., arXiv:1204.6296"
_LINDNER = "Lindner et al., arXiv:1803.00060"

#: Every observable: name -> Observable. Grep here to see what exists.
OBSERVABLES = {o.name: o for o in (
    Observable("lampf-lsnd.sigma_bar", "flux-averaged sigma(nu_e e) for the mu-decay-at-rest nu_e spectrum",
               f"{_CHIANG} Eq. (9) with (A1)-(A5)", "cm^2", "couplings.BASIS", _lampf_lsnd),
    Observable("reactor.sigma_bar", "flux-averaged sigma(nubar_e e) per fission, recoil T in [t_lo, t_hi] GeV",
               f"{_CHIANG} Eq. (10) with (A1)-(A5), s <-> u", "GeV^-2 per fission", "couplings.BASIS",
               _reactor, kinematics=("t_lo", "t_hi")),
    Observable("charm2.g_squared", "(g_V + g_A)^2 (chirality 'L') or (g_V - g_A)^2 ('R') of nu_mu e scattering",
               f"{_CHIANG} Eqs. (13)-(16), contact limit", "1", "couplings.BASIS", _charm2,
               kinematics=("chirality",)),
    Observable("lep.sigma_x", "X part of sigma(e+e- -> nu nubar gamma), one form per Table II row",
               f"{_CHIANG} Sec. VI, Table II", "GeV^-2", "couplings.BASIS", _lep, needs_width=True, rows=True),
    Observable("x.width_product", "Gamma(X -> e e) sum_ij Gamma(X -> nu_i nubar_j)",
               f"{_CHIANG} Eq. (18)", "GeV^2", "couplings.BASIS", _width_product),
    Observable("zpole.gamma_ee", "Gamma(Z -> e+ e-) with the one-loop X vertex and self-energy",
               f"{_CHIANG} Eq. (19)", "GeV", "ZPOLE_EE_BASIS", lambda m_x, gamma_x=None: zpole_gamma_ee_form(m_x)),
    Observable("zpole.gamma_nunu", "Gamma(Z -> nu nubar), three flavours, with the one-loop X correction",
               f"{_CHIANG} Eq. (20)", "GeV", "ZPOLE_NU_BASIS", lambda m_x, gamma_x=None: zpole_gamma_nunu_form(m_x)),
    Observable("g-2.a_e", "X contribution to the electron anomalous magnetic moment",
               f"{_CHIANG} Eqs. (21)-(22)", "1", "G2_BASIS", lambda m_x, gamma_x=None: a_e_form(m_x)),
    Observable("lindner.window_xsec", "flux-averaged partial cross section int dE phi int dT dsigma/dT over a "
               "recoil window, for a Z' of U(1)_X (source: a Spectrum or a beam energy in GeV)",
               f"{_LINDNER} Eqs. (4.3), (4.4), (4.6)", "GeV^-2 x the source's units",
               "lindner.cross_sections.EXT_BASIS", _lindner_window,
               kinematics=("source", "flavour", "anti", "t_lo", "t_hi")),
)}


#: What each measured quantity of :mod:`xboson.measurements` is compared with: measured quantity ->
#: (observable of :data:`OBSERVABLES` whose prediction it tests, how). None: quoted by a paper but
#: not used as a constraint on X (the "how" says why).
PREDICTED_BY = {
    "flux_averaged_xsec": ("lampf-lsnd.sigma_bar", "Chiang Sec. III: the quoted average minus the SM value bounds the X part"),
    "xsec_over_energy": (None, "the LAMPF/LSND slope sigma/E_nu is quoted but not used (Chiang Sec. III uses the average)"),
    "ratio_to_v_minus_a": ("reactor.sigma_bar", "divided by sigma_V-A, the W-mediated diagram alone (Chiang Table I)"),
    "absolute_xsec": ("reactor.sigma_bar", "per fission (Chiang Table I)"),
    "rate_ratio_to_sm": ("reactor.sigma_bar", "divided by its SM value; Lindner's TEXONO term uses lindner.window_xsec"),
    "g_v_plus_g_a_squared": ("charm2.g_squared", "chirality 'L' (Chiang Eq. 16)"),
    "g_v_minus_g_a_squared": ("charm2.g_squared", "chirality 'R' (Chiang Eq. 16)"),
    "neutrino_magnetic_moment": ("lindner.window_xsec", "GEMMA: the Z' excess per 1-keV bin against that of mu_nu "
                                 "at the limit (our reconstruction, lindner.fits)"),
    "sin2_theta_w": (None, "the experiments' own SM fit; both papers constrain X with the rates instead"),
    "event_count": (None, "TEXONO's event count; the ratio to the SM carries the same information"),
}


def predicted_by(quantity: str) -> Observable | None:
    """The observable a measured quantity is compared with (None: not used as a constraint)."""
    choice("measured quantity", quantity, list(PREDICTED_BY))
    name = PREDICTED_BY[quantity][0]
    return None if name is None else OBSERVABLES[name]


def names() -> list[str]:
    """Names of the registered observables."""
    return list(OBSERVABLES)


def get(name: str) -> Observable:
    """The observable ``name``; unknown names raise ValueError listing the registry."""
    choice("observable", name, names())
    return OBSERVABLES[name]


def evaluate(name: str, m_x: float, gamma_x: float | None = None,
             **kinematics: object) -> QuadraticForm | tuple[QuadraticForm, ...]:
    """The prediction of observable ``name`` at m_x [GeV] (and gamma_x [GeV] if it needs the width):
    a QuadraticForm, or a tuple of forms for a per-row observable. Domain: m_x in [1e-6, 1e4] GeV,
    gamma_x in [1e-10 m_x, m_x]; the kinematic arguments are those the observable declares."""
    obs = get(name)
    m_x = mass("m_x", m_x)
    if obs.needs_width:
        if gamma_x is None:
            raise InputError(f"gamma_x is required for observable {name!r} (X total width in GeV)")
        gamma_x = valid_width("gamma_x", gamma_x, m_x)
    unknown = set(kinematics) - set(obs.kinematics)
    missing = set(obs.kinematics) - set(kinematics)
    if unknown or missing:
        raise InputError(f"observable {name!r} takes the kinematic arguments {', '.join(obs.kinematics) or 'none'}"
                         f" (unknown: {', '.join(sorted(unknown)) or 'none'}; missing: {', '.join(sorted(missing)) or 'none'})")
    return obs.form(m_x, gamma_x, **kinematics)


def coordinates(name: str) -> tuple[str, ...]:
    """The coordinate names of observable ``name``."""
    from .lindner.cross_sections import EXT_BASIS

    spaces = {"couplings.BASIS": couplings.BASIS, "ZPOLE_EE_BASIS": ZPOLE_EE_BASIS, "ZPOLE_NU_BASIS": ZPOLE_NU_BASIS,
              "G2_BASIS": G2_BASIS, "lindner.cross_sections.EXT_BASIS": EXT_BASIS}
    return spaces[get(name).coordinates]
