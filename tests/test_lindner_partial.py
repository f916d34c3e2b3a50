"""Lindner App. C: partial cross sections in stable form vs 40-digit quadrature."""

import math

import mpmath as mp
import numpy as np
import pytest

from xboson.constants import G_F, M_E
from xboson.kinematics import t_max_recoil
from xboson.lindner import cross_sections as cs
from xboson.lindner import partial as pa
from xboson.units import MeV, keV

CASES = [
    (5 * MeV, 3 * MeV, t_max_recoil(5 * MeV), 1e-3),
    (8 * MeV, 3 * MeV, 7.7 * MeV, 1.0),          # m_Z'^2 >> 2 m_e T: printed C.7, C.11 fail
    (9 * MeV, 3 * MeV, 8 * MeV, 10.0),
    (2 * MeV, 3 * keV, 25 * keV, 1e-4),
    (2 * MeV, 3 * keV, 4 * keV, 0.3),             # narrow GEMMA bin, heavy Z'
    (23.7, 3.0, 23.6, 0.05),
    (19.1, 3.0, 19.0, 10.0),
    (6 * MeV, 3 * MeV, 3.001 * MeV, 1e-2),        # narrow window
]


def _reference(e, t1, t2, m):
    out = np.zeros((4, 4))
    with mp.workdps(40):
        E, m2, me, gf = mp.mpf(e), mp.mpf(m) ** 2, mp.mpf(M_E), mp.mpf(G_F)

        def k(i, j, t):
            u = m2 + 2 * me * t
            y2 = (E - t) ** 2 / E**2
            return {(0, 0): me * y2 / (4 * mp.pi), (0, 1): -me**2 * t / (4 * mp.pi * E**2),
                    (0, 2): me * y2 / (2 * mp.pi * gf * u), (0, 3): -me**2 * t / (4 * mp.pi * E**2 * gf * u),
                    (1, 1): me / (4 * mp.pi), (1, 2): -me**2 * t / (4 * mp.pi * E**2 * gf * u),
                    (1, 3): me / (2 * mp.pi * gf * u), (2, 2): me * y2 / (4 * mp.pi * gf**2 * u**2),
                    (2, 3): -me**2 * t / (4 * mp.pi * E**2 * gf**2 * u**2),
                    (3, 3): me / (4 * mp.pi * gf**2 * u**2)}[(i, j)]

        for i in range(4):
            for j in range(i, 4):
                out[i, j] = float(mp.quad(lambda t: k(i, j, t), [mp.mpf(t1), mp.mpf(t2)]))
    return out


@pytest.mark.parametrize("case", CASES)
def test_partial_matrix_vs_mpmath(case):
    got = pa.partial_matrix(*case)
    ref = _reference(*case)
    nz = ref != 0
    np.testing.assert_allclose(got[nz], ref[nz], rtol=1e-11)
    assert np.all(got[~nz] == 0)


def test_kernel_matrix_matches_reference_integrand():
    e, t, m = 6 * MeV, 4 * MeV, 2e-3
    k = pa.kernel_matrix(e, t, m)
    assert k[0, 1] == pytest.approx(-M_E**2 * t / (4 * math.pi * e**2))   # K12, missing in print
    assert k[1, 2] == k[0, 3]                                             # I23 = I14


def test_printed_C7_C11_fail_for_heavy_zprime():
    e, t1, t2, m = 8 * MeV, 3 * MeV, 7.7 * MeV, 1.0
    ref = _reference(e, t1, t2, m)
    assert abs(pa.printed_I13(e, t1, t2, m) / ref[0, 2] - 1) > 1.0
    assert abs(pa.printed_I33(e, t1, t2, m) / ref[2, 2] - 1) > 1.0
    # ... and are fine for a light Z'
    e, t1, t2, m = 5 * MeV, 3 * MeV, 4.5 * MeV, 1e-3
    ref = _reference(e, t1, t2, m)
    assert pa.printed_I13(e, t1, t2, m) == pytest.approx(ref[0, 2], rel=1e-10)
    assert pa.printed_I33(e, t1, t2, m) == pytest.approx(ref[2, 2], rel=1e-10)


@pytest.mark.parametrize("anti", [False, True])
@pytest.mark.parametrize("flavour", ["e", "mu"])
def test_partial_cross_section_equals_integrated_low_energy_form(anti, flavour):
    p = cs.U1XPoint("F", 2e-5, 3e-3, 1e-4, -2e-4)
    e, t1, t2 = 7 * MeV, 3 * MeV, 8 * MeV            # T2 clipped at T_max (Eq. 4.6)
    tb2 = float(t_max_recoil(e))
    x, w = np.polynomial.legendre.leggauss(80)
    t = t1 + 0.5 * (tb2 - t1) * (x + 1)
    num = 0.5 * (tb2 - t1) * np.sum(w * cs.dsigma_dT_low_energy(p, e, t, flavour, anti))
    assert pa.partial_cross_section(p, e, t1, t2, flavour, anti) == pytest.approx(num, rel=1e-12)
    assert pa.partial_cross_section(p, 2 * MeV, 3 * MeV, 8 * MeV, flavour, anti) == 0.0


def test_dropping_I14_changes_texono_prediction():
    """The missing I14 matters (the interference of g_1^0 with b_2 r)."""
    p = cs.U1XPoint("B-L", 1e-5, 1e-3)
    e, t1, t2 = 6 * MeV, 3 * MeV, 5 * MeV
    i = pa.partial_matrix(e, t1, t2, p.m_zp)
    g1, g2 = cs.g_sm(0.0, "e")
    b1, b2 = cs.b12(p)
    x = pa.x_vector(g1, g2, b1, b2, anti=True)
    full = x @ i @ x
    i[0, 3] = 0.0
    sm = x[:2] @ i[:2, :2] @ x[:2]
    assert abs((x @ i @ x - full) / (full - sm)) > 1e-3


def test_partial_bad_input():
    with pytest.raises(ValueError, match="t2"):
        pa.partial_matrix(5 * MeV, 3 * MeV, 6 * MeV, 1e-3)
    with pytest.raises(ValueError, match="m_zp"):
        pa.partial_matrix(5 * MeV, 3 * MeV, 4 * MeV, -1e-3)
    with pytest.raises(ValueError, match="e_nu"):
        pa.partial_matrix(float("nan"), 3 * MeV, 4 * MeV, 1e-3)
