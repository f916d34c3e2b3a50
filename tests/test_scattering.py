"""(Anti)neutrino-electron cross sections: Chiang Eqs. (4)-(8), (14), (A1)-(A8)."""

import math

import numpy as np
import pytest
from scipy import integrate

from xboson import couplings
from xboson.averaging import flux_averaged_cross_section, recoil_integrated_terms
from xboson.constants import G_F, GBAR_L, GBAR_R, M_E
from xboson.kinematics import e_min_for_recoil, t_max_recoil
from xboson.scattering import dsigma_dT, dsigma_dT_effective, dsigma_dT_terms, sigma_nue_eq8
from xboson.spectra import E_NU_MAX_MU_DECAY, MU_DECAY_NUE
from xboson.units import MeV

RNG = np.random.default_rng(7)


def random_couplings(m_x, size=1.0):
    """Couplings of size ~ the SM at this mass (|rho| ~ size)."""
    scale = couplings.rho_scale(m_x)
    return RNG.normal(size=couplings.DIM) * size * scale


@pytest.mark.parametrize("flavour", ["e", "mu"])
@pytest.mark.parametrize("anti", [False, True])
@pytest.mark.parametrize("m_x", [0.5 * MeV, 3 * MeV, 40 * MeV, 2.0])
def test_exact_equals_low_energy_with_propagator(flavour, anti, m_x):
    """Known issue: A1-A5 equal Eqs. (6)-(7) with rho -> rho m_X^2/(m_X^2 + 2 m_e T), FC included."""
    c = random_couplings(m_x)
    for e in (1 * MeV, 8 * MeV, 50 * MeV):
        t = np.linspace(0, t_max_recoil(e), 9)
        exact = dsigma_dT(e, t, m_x, c, flavour, anti)
        low = dsigma_dT_effective(e, t, m_x, c, flavour, anti)
        assert np.allclose(exact, low, rtol=2e-7, atol=0), (exact / low - 1)


def test_heavy_x_limit_is_the_contact_form():
    m_x = 500.0
    c = random_couplings(m_x)
    e = 30 * MeV
    t = np.linspace(0, t_max_recoil(e), 7)
    assert np.allclose(dsigma_dT(e, t, m_x, c), dsigma_dT_effective(e, t, m_x, c, finite_mass=False), rtol=1e-7)


def test_sm_limit_is_eq6_and_eq14():
    e = 5 * MeV
    t = np.linspace(0, t_max_recoil(e), 5)
    y = 1 - t / e
    nu = 2 * G_F**2 * M_E / math.pi * ((1 + GBAR_L) ** 2 + GBAR_R**2 * y**2 - (1 + GBAR_L) * GBAR_R * M_E * t / e**2)
    nubar = 2 * G_F**2 * M_E / math.pi * ((1 + GBAR_L) ** 2 * y**2 + GBAR_R**2 - (1 + GBAR_L) * GBAR_R * M_E * t / e**2)
    assert np.allclose(dsigma_dT(e, t, 1.0), nu, rtol=1e-7)
    assert np.allclose(dsigma_dT(e, t, 1.0, anti=True), nubar, rtol=1e-7)   # Eq. (14)


def test_numu_has_no_w_exchange():
    e = 5 * MeV
    t = 1 * MeV
    gl, gr = GBAR_L, GBAR_R
    y = 1 - t / e
    expect = 2 * G_F**2 * M_E / math.pi * (gl**2 + gr**2 * y**2 - gl * gr * M_E * t / e**2)
    assert dsigma_dT(e, t, 1.0, flavour="mu") == pytest.approx(expect, rel=1e-7)


@pytest.mark.parametrize("anti", [False, True])
def test_cross_section_is_positive_for_any_couplings(anti):
    for m_x in (1 * MeV, 30 * MeV, 5.0):
        for _ in range(20):
            c = random_couplings(m_x, size=10 ** RNG.uniform(-2, 2))
            e = 10 ** RNG.uniform(-3.5, -1.3)
            t = np.linspace(0, t_max_recoil(e), 11)
            assert np.all(dsigma_dT(e, t, m_x, c, "e", anti) >= 0)


def test_form_assembly_matches_direct_evaluation():
    m_x = 7 * MeV
    terms = dsigma_dT_terms(20 * MeV, 4 * MeV, m_x, "e", False)
    terms = terms.map(float)
    c = random_couplings(m_x)
    assert terms.form()(c) == pytest.approx(terms.at(c), rel=1e-12)


def test_recoil_range_a7_and_a8():
    e = np.array([0.5, 3.0, 52.8]) * MeV
    tmax = t_max_recoil(e)
    assert np.allclose(e_min_for_recoil(tmax), e, rtol=1e-12)     # (A8) inverts (A7)
    with pytest.raises(ValueError, match="T_max"):
        dsigma_dT(e[0], tmax[0] * 1.01, 1.0)
    with pytest.raises(ValueError, match="e_nu"):
        dsigma_dT(-1.0, 0.0, 1.0)
    with pytest.raises(ValueError, match="m_x"):
        dsigma_dT(0.01, 0.001, 0.0)
    with pytest.raises(ValueError, match="m_x"):
        dsigma_dT(0.01, 0.001, float("nan"))
    with pytest.raises(ValueError, match="t"):
        dsigma_dT(0.01, -0.001, 1.0)
    with pytest.raises(ValueError, match="flavour"):
        dsigma_dT(0.01, 0.001, 1.0, flavour="x")


@pytest.mark.parametrize("m_x", [0.3 * MeV, 2 * MeV, 30 * MeV, 100.0])
def test_recoil_quadrature_against_adaptive_integration(m_x):
    c = random_couplings(m_x)
    for e in (2 * MeV, 40 * MeV):
        terms = recoil_integrated_terms(np.array([e]), 0.0, math.inf, m_x)
        ours = terms.map(lambda a: float(a[0])).at(c)
        ref, _ = integrate.quad(lambda t: dsigma_dT(e, t, m_x, c), 0, t_max_recoil(e),
                                epsabs=0, epsrel=1e-12, limit=200, points=[min(m_x**2 / M_E, t_max_recoil(e) / 2)])
        assert ours == pytest.approx(ref, rel=1e-8)


def test_flux_average_against_adaptive_integration():
    m_x = 2 * MeV
    c = random_couplings(m_x)
    form = flux_averaged_cross_section(MU_DECAY_NUE, m_x)

    def sigma(e):
        return integrate.quad(lambda t: dsigma_dT(e, t, m_x, c), 0, t_max_recoil(e), epsrel=1e-11, limit=200)[0]

    ref = integrate.quad(lambda e: MU_DECAY_NUE(e) * sigma(e), 0, E_NU_MAX_MU_DECAY, epsrel=1e-10, limit=200)[0]
    assert form(c) == pytest.approx(ref, rel=1e-8)


def test_eq8_error_is_order_me_over_E():
    """Known issue: Eq. (8) is accurate to O(m_e/E) relative (3.3% at 10 MeV, 0.6% at 52.8 MeV)."""
    errs = []
    for e in (10 * MeV, 52.8 * MeV):
        exact = recoil_integrated_terms(np.array([e]), 0.0, math.inf, 1000.0).sm[0]
        errs.append(sigma_nue_eq8(e, 1000.0) / exact - 1)
    assert 0.025 < errs[0] < 0.04 and 0.004 < errs[1] < 0.008
    assert errs[0] / errs[1] == pytest.approx(5.28, rel=0.25)     # ~ 1/E


def test_reactor_window_kinematics():
    from xboson.spectra import reactor_spectrum
    with pytest.raises(ValueError, match="t_window"):
        flux_averaged_cross_section(reactor_spectrum(), 1.0, anti=True, t_window=(12 * MeV, 20 * MeV))
    with pytest.raises(ValueError, match="t_window"):
        flux_averaged_cross_section(reactor_spectrum(), 1.0, anti=True, t_window=(3 * MeV, 2 * MeV))
