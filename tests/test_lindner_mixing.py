"""Lindner Sec. 2 / App. A: exact Z-Z' mixing vs numerical diagonalisation (errata checks)."""

import math

import mpmath as mp
import numpy as np
import pytest
import scipy.linalg as sl

from xboson.constants import M_Z_TREE, SIN2_W
from xboson.lindner import mixing as mx
from xboson.lindner.models import get_model


def _random_point(rng):
    z = M_Z_TREE**2 * rng.uniform(0.5, 2.0)
    x = 10 ** rng.uniform(-6, 5)
    eps = rng.uniform(-0.95, 0.95)
    delta = rng.uniform(-0.95, 0.95) * math.sqrt(z * x)
    return z, x, delta, eps


def test_kinetic_matrix_from_L_epsilon():
    eps = 0.37
    lt = mx.L_epsilon(eps)
    assert np.allclose(lt @ lt.T, [[1, 0, 0], [0, 1, eps], [0, eps, 1]], atol=1e-15)


def test_photon_is_massless_direction():
    m = mx.mass_matrix_intermediate(M_Z_TREE**2, 3.0, 1.2, 0.3)
    s, c = math.sqrt(SIN2_W), math.sqrt(1 - SIN2_W)
    assert np.allclose(m @ [s, c, 0], 0, atol=1e-10)


def test_masses_and_alpha_vs_generalised_eigenproblem():
    rng = np.random.default_rng(1)
    for _ in range(300):
        z, x, delta, eps = _random_point(rng)
        res = mx.diagonalise(z, x, delta, eps)
        lt = mx.L_epsilon(eps)
        w, v = sl.eigh(mx.mass_matrix_fundamental(z, x, delta), lt @ lt.T)
        scale = w[-1]
        assert abs(w[0]) < 1e-9 * scale
        ours = sorted([res.m_z2, res.m_zp2])
        assert abs(ours[0] - w[1]) < 1e-9 * scale and abs(ours[1] - w[2]) < 1e-9 * scale
        # U(alpha) diagonalises M (Eq. 2.13) with Z first and |alpha| <= pi/4
        u = mx.U_alpha(res.alpha)
        d = u.T @ mx.mass_matrix_intermediate(z, x, delta, eps) @ u
        assert abs(d[1, 2]) < 1e-12 * scale
        assert d[1, 1] == pytest.approx(res.m_z2, rel=1e-9, abs=1e-12 * scale)
        assert abs(res.alpha) <= math.pi / 4 + 1e-15
        # the eigenvectors: U columns = L^T v (normalised), up to sign
        for k, col in ((1, 1), (2, 2)):
            idx = 1 + int(np.argmin(abs(w[1:] - d[col, col])))
            vec = lt.T @ v[:, idx]
            vec /= np.linalg.norm(vec)
            assert abs(abs(vec @ u[:, col]) - 1) < 1e-8


def test_tiny_mixing_light_zprime_against_mpmath():
    z, x, delta, eps = M_Z_TREE**2, (1e-3) ** 2, 1e-8, 1e-6
    res = mx.diagonalise(z, x, delta, eps)
    with mp.workdps(50):
        s = mp.sqrt(mp.mpf(SIN2_W))
        e = mp.mpf(eps)
        eta2 = 1 - e**2
        a = mp.mpf(z)
        b = (mp.mpf(delta) + a * s * e) / mp.sqrt(eta2)
        d = (mp.mpf(x) + 2 * mp.mpf(delta) * s * e + a * s * s * e * e) / eta2
        ev, _ = mp.eigsy(mp.matrix([[a, b], [b, d]]))
        light, heavy = float(min(ev)), float(max(ev))
        alpha = float(mp.atan(2 * b / (d - a)) / 2)
    assert res.m_zp2 == pytest.approx(light, rel=1e-13)
    assert res.m_z2 == pytest.approx(heavy, rel=1e-13)
    assert res.alpha == pytest.approx(alpha, rel=1e-12)
    # Eq. 2.14: the stable rewrite agrees; the printed form returns 0 (catastrophic cancellation)
    assert mx.tan_alpha(res.m_z2, res.m_zp2, delta, eps) == pytest.approx(math.tan(alpha), rel=1e-10)
    assert abs(mx.tan_alpha_eq_2_14(res.m_z2, res.m_zp2, delta, eps)) < 0.5 * abs(math.tan(alpha))
    # Eq. A.16 as printed loses the light mass (relative error >> 1e-8 here)
    printed_light = mx.masses_printed_A15_A16(z, x, delta, eps)[1]
    assert abs(printed_light / light - 1) > 1e-8
    assert mx.masses_stable_light(z, x, delta, eps) == pytest.approx(light, rel=1e-13)


def test_eq_2_14_printed_ok_for_large_mixing():
    z, x, delta, eps = M_Z_TREE**2, 30.0**2, 200.0, 0.2
    res = mx.diagonalise(z, x, delta, eps)
    t = math.tan(res.alpha)
    assert mx.tan_alpha_eq_2_14(res.m_z2, res.m_zp2, delta, eps) == pytest.approx(t, rel=1e-9)
    assert mx.tan_alpha(res.m_z2, res.m_zp2, delta, eps) == pytest.approx(t, rel=1e-12)


def test_heavier_zprime_labelled_by_zlike_state():
    res = mx.diagonalise(M_Z_TREE**2, 500.0**2, 10.0, 0.01)
    assert res.m_zp2 > res.m_z2
    assert abs(res.m_z2 / M_Z_TREE**2 - 1) < 1e-3


def test_currents_closed_form_equal_matrix_product():
    q = get_model("F").charges
    rng = np.random.default_rng(3)
    for _ in range(20):
        g_x, eps, alpha = rng.uniform(-1, 1), rng.uniform(-0.9, 0.9), rng.uniform(-1, 1)
        closed = mx.current_couplings(q, g_x, eps, alpha)
        mat = mx.current_couplings_matrix(q, g_x, eps, alpha)
        for f in q:
            assert closed["Z"][f] == pytest.approx(mat[f][1], abs=1e-14)
            assert closed["Zp"][f] == pytest.approx(mat[f][2], abs=1e-14)
            # photon couplings unchanged: g s_W Q_em (charge -1 for e, 0 for nu)
            qem = 0.0 if f == "nu" else -1.0
            assert mat[f][0] == pytest.approx(mx.G_WEAK * math.sqrt(SIN2_W) * qem, abs=1e-14)


def test_sm_limit_of_currents():
    v = mx.current_couplings(get_model("B-L").charges, 0.0, 0.0, 0.0)
    c = math.sqrt(1 - SIN2_W)
    assert v["Z"]["nu"] == pytest.approx(mx.G_WEAK / (2 * c))
    assert v["Z"]["eR"] == pytest.approx(mx.G_WEAK * SIN2_W / c)
    assert v["Zp"]["nu"] == 0 and v["Zp"]["eL"] == 0


@pytest.mark.parametrize("eps", [1.0, -1.0, 1.5, float("nan")])
def test_bad_epsilon(eps):
    with pytest.raises(ValueError, match="epsilon"):
        mx.diagonalise(M_Z_TREE**2, 1.0, 0.0, eps)
    with pytest.raises(ValueError, match="epsilon"):
        mx.L_epsilon(eps)


def test_bad_masses():
    with pytest.raises(ValueError, match="x"):
        mx.diagonalise(M_Z_TREE**2, -1.0, 0.0, 0.0)
    with pytest.raises(ValueError, match="tachyonic"):
        mx.diagonalise(1.0, 1.0, 2.0, 0.0)


def test_A11_block_diagonalisation_of_A7():
    """A two-Higgs-doublet + singlet example: Eq. (A.7) = U_W diag(0, z, delta; delta, x) U_W^T (A.11-A.12)."""
    v1, v2, vs = 200.0**2, 150.0**2, 3000.0**2
    q1, q2, qs = 1.0, -2.0, 0.5
    vsum, vx, vxx = v1 + v2, q1 * v1 + q2 * v2, q1**2 * v1 + q2**2 * v2 + qs**2 * vs
    g_x = 0.01
    z, x, delta = mx.mass_parameters(vsum, vx, vxx, g_x)
    np.testing.assert_allclose(mx.mass_matrix_A7(vsum, vx, vxx, g_x), mx.mass_matrix_fundamental(z, x, delta),
                               rtol=1e-12, atol=1e-9)
    res = mx.diagonalise(z, x, delta, 0.0)
    assert res.m_z2 > res.m_zp2 > 0
