"""Chiang Eqs. (19)-(20): F(delta) against 50-digit mpmath, the dilogarithm convention, SM checks."""

import math

import mpmath as mp
import numpy as np
import pytest

from xboson.experiments import zpole
from xboson.constants import M_Z
from xboson.units import MeV


def f_mp(delta, dps=50):
    """Chiang Eq. (19) as printed, evaluated with 50 significant digits."""
    with mp.workdps(dps):
        d = mp.mpf(delta)
        L = mp.log(d)
        lr = mp.log(d / (1 + d))
        re = -mp.mpf(7) / 2 - 2 * d - (3 + 2 * d) * L - 2 * (1 + d) ** 2 * (L * lr + mp.polylog(2, -1 / d))
        im = -mp.pi * (3 + 2 * d + 2 * (1 + d) ** 2 * lr)
        return complex(mp.mpc(re, im) / (16 * mp.pi**2))


def test_spence_convention():
    # scipy.special.spence(1 - z) = Li2(z)
    for z in (-1e6, -100.0, -1.0, -0.3, 0.0, 0.5, 1.0):
        assert zpole.li2(z) == pytest.approx(float(mp.polylog(2, z)), rel=1e-13, abs=1e-15)
    assert zpole.li2(-1.0) == pytest.approx(-math.pi**2 / 12, rel=1e-14)
    assert zpole.li2(1.0) == pytest.approx(math.pi**2 / 6, rel=1e-14)


@pytest.mark.parametrize("m_x", np.geomspace(1e-3, 100.0, 25))
def test_f_against_mpmath_fig6_range(m_x):
    d = (m_x / M_Z) ** 2
    ours, ref = zpole.loop_function(d), f_mp(d)
    assert abs(ours.real - ref.real) <= 1e-12 * abs(ref.real)
    assert abs(ours.imag - ref.imag) <= 1e-12 * abs(ref.imag)


@pytest.mark.parametrize("d", [1e-14, 1e-6, 0.3, 1.999, 2.0, 2.001, 5.0, 1e2, 1e4, 1e8, 1e12])
def test_f_against_mpmath_all_delta(d):
    ours, ref = zpole.loop_function(d), f_mp(d)
    assert abs(ours - ref) <= 1e-12 * abs(ref)


def test_printed_form_cancels_for_large_delta():
    d = 1e6
    ref = f_mp(d)
    assert abs(zpole.loop_function_printed(d) - ref) > 1.0 * abs(ref)   # printed form: garbage
    assert abs(zpole.loop_function(d) - ref) < 1e-13 * abs(ref)


def test_large_delta_asymptotics():
    d = 1e9
    F = zpole.loop_function(d) * 16 * math.pi**2 * d
    assert F.real == pytest.approx(11 / 9 + 2 / 3 * math.log(d), rel=1e-6)
    assert F.imag == pytest.approx(2 * math.pi / 3, rel=1e-6)


def test_continuity_at_switch():
    a, b = zpole.loop_function(2.0 * (1 - 1e-12)), zpole.loop_function(2.0 * (1 + 1e-12))
    assert abs(a - b) < 1e-10 * abs(a)   # delta differs by 2e-12 relative


def test_re_f_changes_sign_near_25_gev():
    re = [zpole.loop_function((m / M_Z) ** 2).real for m in (24.0, 26.5)]
    assert re[0] < 0 < re[1]


def test_sm_checks():
    sm = zpole.sm_values()
    assert sm["gamma_ee"] / MeV == pytest.approx(84.01, rel=1e-3)
    assert sm["a_e"] == pytest.approx(0.1475, rel=1e-3)
    assert sm["gamma_nunu"] / MeV == pytest.approx(501.26, rel=1e-3)
    assert zpole.gamma_ee(1.0) == pytest.approx(sm["gamma_ee"], rel=1e-15)
    assert zpole.gamma_nunu(1.0) == pytest.approx(sm["gamma_nunu"], rel=1e-15)


def test_ranges_contain_sm_and_match_text():
    r = zpole.ranges()
    assert r["gamma_ee"] == [0.08371, 0.08411]
    assert r["a_e"] == [0.1459, 0.1546]
    assert r["gamma_nunu"] == [0.497, 0.502]


@pytest.mark.parametrize("c", ["gLe", "gRe", "gnu", "gVe", "gAe"])
@pytest.mark.parametrize("m", [1e-3, 0.1, 10.0, 100.0])
def test_limit_is_edge_of_allowed_region(c, m):
    up = zpole.limit(c, m).upper
    kw = {"gLe": lambda g: dict(g_le=g), "gRe": lambda g: dict(g_re=g), "gVe": lambda g: dict(g_le=g, g_re=g),
          "gAe": lambda g: dict(g_le=g, g_re=-g)}

    def ok(g):
        if c == "gnu":
            return 0.497 <= zpole.gamma_nunu(m, g) <= 0.502
        k = kw[c](g)
        return 0.08371 <= zpole.gamma_ee(m, **k) <= 0.08411 and 0.1459 <= zpole.a_e(m, **k) <= 0.1546

    assert ok(up * (1 - 1e-7)) and ok(0.5 * up) and not ok(up * (1 + 1e-6))


def test_reopening_documented():
    lim = zpole.limit("gLe", 1.0)
    assert len(lim.allowed) == 2 and lim.allowed[0] == (0.0, lim.upper) and lim.allowed[1][0] > lim.upper


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), float("inf")])
def test_bad_delta(bad):
    with pytest.raises(ValueError, match="delta"):
        zpole.loop_function(bad)
    with pytest.raises(ValueError, match="m_x"):
        zpole.limit("gLe", bad)


def test_unknown_coupling():
    with pytest.raises(ValueError, match="coupling"):
        zpole.limit("gXe", 1.0)
