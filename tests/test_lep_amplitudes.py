"""Chiang Eqs. (A12)-(A16): the printed squared amplitudes (with the known-issue corrections)
against an explicit evaluation of the Feynman diagrams (xboson.lep.reference)."""

import numpy as np
import pytest

from xboson.lep import amplitudes as A
from xboson.lep import phase_space as K
from xboson.lep import reference as R


def _points(n=4, seed=7, sqrt_s=189.0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.05, 0.98, n)
    y = rng.uniform(-0.97, 0.97, n)
    cs = rng.uniform(-1, 1, n)
    ph = rng.uniform(0, 2 * np.pi, n)
    return K.momenta(sqrt_s, x, y, cs, ph)


def _moms(pt, i):
    return [a[i] for a in (pt.p1, pt.p2, pt.q1, pt.q2, pt.k)]


def test_kinematics_conservation_and_invariants():
    pt = _points(6)
    tot = pt.p1 + pt.p2 - pt.q1 - pt.q2 - pt.k
    assert np.abs(tot).max() < 1e-10
    for v in (pt.q1, pt.q2, pt.k):
        assert np.abs(K.dot(v, v)).max() < 1e-8
    inv = K.invariants(pt)
    x = 2 * pt.k[:, 0] / 189.0
    assert inv.sp == pytest.approx(189.0**2 * (1 - x), rel=1e-10)
    # s + t + u ... identities for massless 2 -> 3: s = s' + kappa'_+ + kappa'_-
    assert inv.s == pytest.approx(inv.sp + inv.kpp + inv.kmp, rel=1e-10)


def test_levi_civita_is_determinant():
    r = np.random.default_rng(1).normal(size=(5, 4, 4))
    assert K.levi(r[:, 0], r[:, 1], r[:, 2], r[:, 3]) == pytest.approx(np.linalg.det(r), abs=1e-12)


def test_spinor_completeness():
    p = np.array([3.0, 1.0, -2.0, 2.0])
    p[0] = np.linalg.norm(p[1:])
    us = R.spinors(p)
    s = sum(np.outer(u, R.bar(u)) for u in us)
    assert np.allclose(s, R.slash(p), atol=1e-12)


def test_w_graphs_gauge_invariant_only_with_one_vertex_sign():
    pt = _points(2, seed=3)
    for i in range(2):
        assert R.ward_residual(*_moms(pt, i), www_sign=-1.0) < 1e-12
        assert R.ward_residual(*_moms(pt, i), www_sign=+1.0) > 0.1


@pytest.mark.parametrize("seed", [11, 12])
def test_a12_equals_explicit_diagrams(seed):
    """Corrected A12 (u-hat^2 on lines 2-3, epsilon_0123 = +1) = sum of the 7 diagrams, with
    W, Z and X widths and both X chiralities; the printed-variant readings fail."""
    pt = _points(3, seed=seed)
    inv = K.invariants(pt)
    gl = A.g_coupling(inv.sp, "L", 3e-4, 40.0, 2.0, True)
    gr = A.g_coupling(inv.sp, "R", -2e-4, 40.0, 2.0, True)
    ours = A.msq_ee(inv, gl, gr)
    eps_flip = A.msq_ee(inv, gl, gr, eps_sign=-1.0)
    swapped = A.msq_ee(inv, gl, gr, swap_lines23=True)
    for i in range(3):
        ref = R.msq(*_moms(pt, i), gl[i], gr[i])
        assert ours[i] == pytest.approx(ref, rel=1e-10)
        assert abs(eps_flip[i] / ref - 1) > 1e-6
        assert abs(swapped[i] / ref - 1) > 1e-3


def test_a13_a14_equal_explicit_diagrams():
    """A13 (Z + X, nu_mu) and A14 (X only, nu_e nubar_mu; |G_R|^2 as in A13) from the diagrams
    without W exchange; the printed |G_R| (unsquared) in A14 fails."""
    pt = _points(3, seed=5)
    inv = K.invariants(pt)
    for diagonal in (True, False):
        gl = A.g_coupling(inv.sp, "L", 2e-4, 60.0, 1.0, diagonal)
        gr = A.g_coupling(inv.sp, "R", 3e-4, 60.0, 1.0, diagonal)
        ours = A.msq_jj(inv, gl, gr)
        printed = (2 * A.E2 * A.G4 / (inv.km * inv.kp)
                   * (np.abs(gl) ** 2 * (inv.u**2 + inv.up**2) + np.abs(gr) * (inv.t**2 + inv.tp**2)) * inv.sp)
        for i in range(3):
            ref = R.msq(*_moms(pt, i), gl[i], gr[i], w_on=False)
            assert ours[i] == pytest.approx(ref, rel=1e-10)
            if not diagonal:
                assert abs(printed[i] / ref - 1) > 1e-2


def test_kernel_decomposition_is_exact():
    """|G_L|^2 KL + |G_R|^2 KR + Re(conj(G_L) KB) + KP = A12 for arbitrary complex G."""
    pt = _points(5, seed=9)
    inv = K.invariants(pt)
    ker = A.kernels(inv)
    rng = np.random.default_rng(2)
    gl = (rng.normal(size=5) + 1j * rng.normal(size=5)) * 1e-4
    gr = (rng.normal(size=5) + 1j * rng.normal(size=5)) * 1e-4
    lhs = (np.abs(gl) ** 2 * ker["KL"] + np.abs(gr) ** 2 * ker["KR"] + np.real(np.conj(gl) * ker["KB"])
           + ker["KP"])
    assert lhs == pytest.approx(A.msq_ee(inv, gl, gr), rel=1e-11)
    assert np.abs(gl) ** 2 * ker["KL"] + np.abs(gr) ** 2 * ker["KR"] == pytest.approx(
        A.msq_jj(inv, gl, gr), rel=1e-12)
