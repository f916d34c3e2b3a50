"""Lindner Sec. 3 / App. B cross sections, and the Chiang limit through one code path."""

import numpy as np
import pytest

from xboson import scattering
from xboson.kinematics import t_max_recoil
from xboson.lindner import cross_sections as cs
from xboson.lindner.models import MODEL_NAMES, custom_model, get_model

RNG = np.random.default_rng(11)


@pytest.mark.parametrize("model", MODEL_NAMES)
@pytest.mark.parametrize("flavour", ["e", "mu"])
@pytest.mark.parametrize("anti", [False, True])
def test_no_mixing_equals_chiang_A1_A3(model, flavour, anti):
    """Lindner's exact G_+- cross section = Chiang's A1-A5 with L_ee = g_X^2 Q_nu Q_eL / 4,
    R_ee = g_X^2 Q_nu Q_eR / 4 (m_Z = m_W / c_W in both)."""
    m = get_model(model)
    pair = "ee" if flavour == "e" else "mumu"
    for g_x, m_zp in ((3e-6, 1e-4), (1e-4, 0.01), (2e-2, 3.0)):
        p = cs.U1XPoint(m, g_x, m_zp)
        for e in ([0.004, 0.006, 0.009], [20.0, 23.7, 19.1]):
            e, t = np.asarray(e), t_max_recoil(np.asarray(e)) * np.array([0.01, 0.3, 0.97])
            ours = cs.dsigma_dT(p, e, t, flavour, anti)
            prods = m.chiang_products(g_x)
            chiang = scattering.dsigma_dT(e, t, m_zp, flavour=flavour, anti=anti,
                                          **{f"L_{pair}": prods["L"], f"R_{pair}": prods["R"]})
            np.testing.assert_allclose(ours, chiang, rtol=1e-9)


def test_effective_couplings_in_no_mixing_limit_are_chiang_products():
    m = get_model("F")
    p = cs.U1XPoint(m, 1e-3, 0.02)
    c = cs.chiang_couplings(p, np.array([1e-3, 2.0]), "e")
    from xboson.couplings import INDEX
    assert np.allclose(c[INDEX["L_ee"]], 1e-6 * 9 / 4, rtol=1e-13)
    assert np.allclose(c[INDEX["R_ee"]], 1e-6 * 12 / 4, rtol=1e-13)
    assert np.count_nonzero(c) == 4


@pytest.mark.parametrize("model", ["B-L", "C", "F"])
def test_general_mixing_lindner_equals_chiang_path(model):
    """With epsilon, alpha != 0: G_+- of Eq. B.20 (corrected currents) = Chiang's A1-A5 with the
    effective couplings (Z' term + Z change moved onto the Z' propagator)."""
    for _ in range(10):
        p = cs.U1XPoint(model, 10 ** RNG.uniform(-5, -0.5), 10 ** RNG.uniform(-4, 1),
                        RNG.uniform(-0.5, 0.5), RNG.uniform(-0.5, 0.5))
        for flavour in ("e", "mu"):
            for anti in (False, True):
                e = np.array([0.003, 0.008, 25.0])
                t = t_max_recoil(e) * np.array([0.2, 0.9, 0.5])
                np.testing.assert_allclose(cs.dsigma_dT(p, e, t, flavour, anti),
                                           cs.dsigma_dT_chiang(p, e, t, flavour, anti), rtol=1e-9)


def test_low_energy_g12_form_equals_G_pm_low_energy():
    for _ in range(10):
        p = cs.U1XPoint("E", 10 ** RNG.uniform(-5, -1), 10 ** RNG.uniform(-4, 1),
                        RNG.uniform(-0.3, 0.3), RNG.uniform(-0.3, 0.3))
        e, t = 0.007, 0.004
        for fl in ("e", "mu"):
            for anti in (False, True):
                a = cs.dsigma_dT_low_energy(p, e, t, fl, anti)
                b = cs.dsigma_dT(p, e, t, fl, anti, exact=False)
                assert a == pytest.approx(b, rel=1e-12)


def test_low_energy_close_to_exact_at_reactor_energies():
    p = cs.U1XPoint("B-L", 1e-5, 1e-3)
    e, t = 0.005, 0.004
    assert cs.dsigma_dT(p, e, t, "e", True, exact=False) == pytest.approx(cs.dsigma_dT(p, e, t, "e", True), rel=1e-6)


def test_printed_a_b_formulas_agree_with_currents():
    """Eqs. 3.17-3.20 and B.28-B.31/B.38-B.39 (with eps_W -> eps c_W) agree with the vertex couplings."""
    for name in MODEL_NAMES:
        for _ in range(5):
            p = cs.U1XPoint(name, RNG.uniform(-0.5, 0.5), 0.1, RNG.uniform(-0.8, 0.8), RNG.uniform(-1, 1))
            a, b = np.array(cs.a12(p)), np.array(cs.b12(p))
            np.testing.assert_allclose(cs.a12_printed(p), a, atol=1e-13)
            np.testing.assert_allclose(cs.b12_printed(p), b, atol=1e-13)
            np.testing.assert_allclose(cs.ab_from_B38(p), np.concatenate([a, b]), atol=1e-13)


def test_b_sign_in_no_mixing_limit():
    """After Eq. 3.20 the text says b_1,2 -> +g_X^2 Q Q / 4; the formulas give -g_X^2 Q Q / 4."""
    m = get_model("D")
    p = cs.U1XPoint(m, 0.01, 1.0)
    b1, b2 = cs.b12(p)
    assert b1 == pytest.approx(-1e-4 * m.q_nu * m.q_er / 4, rel=1e-13)
    assert b2 == pytest.approx(-1e-4 * m.q_nu * m.q_el / 4, rel=1e-13)
    assert cs.b12_printed(p)[0] == pytest.approx(b1, rel=1e-12)


def test_sm_limit_and_neutrino_antineutrino_assignment():
    """Eq. 3.13 at alpha = 0; nu e uses g_2 for the flat term (Eq. 3.10), nu-bar e uses g_1 --
    the sentence after Eq. 3.11 has them the other way round."""
    p = cs.U1XPoint("B-L", 0.0, 1.0)
    e, t = 0.006, 0.001
    g1, g2 = cs.g12(p, t, "e")
    assert g1 == pytest.approx(-2 * np.sqrt(2) * 0.23)
    assert g2 == pytest.approx(np.sqrt(2) * (1 - 2 * 0.23) - 2 * np.sqrt(2))
    nu = scattering.dsigma_dT_effective(e, t, 1.0, flavour="e", anti=False)
    nub = scattering.dsigma_dT_effective(e, t, 1.0, flavour="e", anti=True)
    assert cs.dsigma_dT_low_energy(p, e, t, "e", False) == pytest.approx(nu, rel=1e-12)
    assert cs.dsigma_dT_low_energy(p, e, t, "e", True) == pytest.approx(nub, rel=1e-12)


def test_custom_model_and_validation():
    m = custom_model(-1, -1, name="mine")
    p = cs.U1XPoint(m, 1e-5, 1e-3)
    q = cs.U1XPoint("B-L", 1e-5, 1e-3)
    assert cs.dsigma_dT(p, 0.005, 0.003, "e", True) == pytest.approx(cs.dsigma_dT(q, 0.005, 0.003, "e", True))
    with pytest.raises(ValueError, match="model"):
        cs.U1XPoint("Z9", 1e-5, 1e-3)
    with pytest.raises(ValueError, match="m_zp"):
        cs.U1XPoint("B-L", 1e-5, -1e-3)
    with pytest.raises(ValueError, match="epsilon"):
        cs.U1XPoint("B-L", 1e-5, 1e-3, epsilon=1.0)
    with pytest.raises(ValueError, match="g_x"):
        cs.U1XPoint("B-L", float("nan"), 1e-3)
    with pytest.raises(ValueError, match="flavour"):
        cs.dsigma_dT(q, 0.005, 0.003, "x")
    with pytest.raises(ValueError, match="t"):
        cs.dsigma_dT(q, 0.005, 0.006)
