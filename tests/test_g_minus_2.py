"""Chiang Eqs. (21)-(22): f_V, f_A against mpmath quadrature of the printed integrands."""

import math

import mpmath as mp
import pytest

from xboson.experiments import g_minus_2 as g2
from xboson.constants import M_E


def f_mp(r, kind):
    with mp.workdps(30):
        r = mp.mpf(r)
        if kind == "V":
            f = lambda x: (x**2 - x**3) / (1 - x + r * x**2)  # noqa: E731
        else:
            f = lambda x: (-4 * x + 5 * x**2 - x**3 - 2 * r * x**3) / (1 - x + r * x**2)  # noqa: E731
        pts = [0, 1 - min(r, mp.mpf(1) / 2), 1 - min(r, mp.mpf(1) / 2) / 100, 1] if r < 0.5 else [0, 1]
        pts = sorted(set(pts))
        return float(mp.quad(f, pts))


@pytest.mark.parametrize("r", [1e-15, 1e-11, 1e-8, 1e-5, 1e-3, 0.05, 0.26, 1.0, 30.0])
def test_fv_fa_against_mpmath(r):
    assert g2.f_v(r) == pytest.approx(f_mp(r, "V"), rel=1e-10)
    assert g2.f_a(r) == pytest.approx(f_mp(r, "A"), rel=1e-10)


def test_limits_r_to_zero():
    assert g2.f_v(1e-300) == pytest.approx(1 / 3, rel=1e-14)
    assert g2.f_a(1e-300) == pytest.approx(-5 / 3, rel=1e-14)


def test_a_e_x_formula():
    m = 0.5
    r = (M_E / m) ** 2
    want = M_E**2 / (4 * math.pi**2 * m**2) * (0.01**2 * g2.f_v(r) + 0.02**2 * g2.f_a(r))
    assert g2.a_e_x(m, 0.01, 0.02) == pytest.approx(want, rel=1e-14)


def test_range():
    assert g2.a_e_range() == (-2.4e-12, 0.3e-12)


@pytest.mark.parametrize("c", ["gLe", "gRe", "gVe", "gAe"])
@pytest.mark.parametrize("m", [1e-3, 0.03, 1.0, 100.0])
def test_limit_saturates_range(c, m):
    g = g2.limit(c, m).upper
    gv, ga = {"gVe": (g, 0), "gAe": (0, g), "gLe": (g / 2, g / 2), "gRe": (g / 2, -g / 2)}[c]
    a = g2.a_e_x(m, gv, ga)
    assert a == pytest.approx(0.3e-12 if c == "gVe" else -2.4e-12, rel=1e-10)


def test_gle_gre_equal_and_gnu_none():
    assert g2.limit("gLe", 2.0) == g2.limit("gRe", 2.0)
    assert g2.limit("gnu", 2.0).upper is None and g2.limit("gnu", 2.0).unbounded


@pytest.mark.parametrize("bad", [0.0, -2.0, float("nan")])
def test_bad_input(bad):
    with pytest.raises(ValueError, match="m_x"):
        g2.limit("gVe", bad)
    with pytest.raises(ValueError, match="r"):
        g2.f_v(bad)


def test_unknown_coupling():
    with pytest.raises(ValueError, match="coupling"):
        g2.limit("Lee", 1.0)
