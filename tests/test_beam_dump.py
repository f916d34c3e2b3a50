"""Beam-dump (BEST thick-target estimate) and fixed-target pieces of Chiang Sec. VII. Approximate physics;
the tests check the numerical ingredients and the structure of the exclusion."""

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xboson.experiments import beam_dump as bd
from xboson.constants import M_E, M_MU


@pytest.mark.parametrize("y", [1e-200, 1e-10, 1e-3, 0.1, 1.0, 5.0, 12.0])
def test_track_length_v_against_mpmath(y):
    with mp.workdps(30):
        yy = mp.mpf(y)
        ref = mp.quad(lambda s: yy ** (s - 1) / mp.gamma(s), [0, 1 / max(-mp.log(yy), 1), mp.inf])
    assert bd.track_length_v(np.array([y]))[0] == pytest.approx(float(ref), rel=1e-6)


def test_tsai_normalisation():
    # int_0^E0 I_e(E0, E, t) dE = 1 for any t (y ~ Gamma(bt, 1))
    from scipy.integrate import quad
    from scipy.special import gammaln
    for t in (0.1, 1.0, 5.0):
        s = bd.B_TSAI * t
        val, _ = quad(lambda y: math.exp(-y + (s - 1) * math.log(y) - gammaln(s)), 0, 200, limit=200)
        assert val == pytest.approx(1.0, rel=1e-6)


def test_dsigma_dx_massless_limit():
    # m_e -> 0 form: 4 alpha^2 (g^2/4pi) chi x (1 + x^2/(3(1-x))) / m^2 (BEST)
    m, x = 0.1, 0.6
    want = 4 * bd.ALPHA_0**2 / (4 * math.pi) * 1.0 * x * (1 + x * x / (3 * (1 - x))) / m**2
    assert bd.dsigma_dx(x, m, 10.0, 1.0) == pytest.approx(want, rel=1e-4)


def test_chi_scales_like_z2():
    c_al = bd.chi(0.05, np.array([10.0]), 13, 26.98)[0] / 13**2
    c_w = bd.chi(0.05, np.array([10.0]), 74, 183.84)[0] / 74**2
    assert 3 < c_w < 20 and 3 < c_al < 20


def test_widths_and_s_factor():
    m = 0.25
    r = (M_E / m) ** 2
    assert bd.width_ll(0.01, m, M_E) == pytest.approx(1e-4 * m * (1 + 2 * r) * math.sqrt(1 - 4 * r) / (12 * math.pi))
    assert bd.s_factor(0.2) == 1.0                          # below 2 m_mu
    assert bd.s_factor(2 * M_MU * 1.0001) == pytest.approx(1.0, abs=0.02)
    assert bd.r_ratio(0.25) == 0.0 and 0 < bd.r_ratio(0.3) < 0.02
    assert 1.3 < bd.s_factor(0.3) < 1.4


def test_events_scaling_small_coupling():
    # long-lived regime: N ~ g^4
    n1, n2 = bd.events("E137", 0.05, np.array([1e-10, 2e-10]))
    assert n2 / n1 == pytest.approx(16.0, rel=1e-3)


@pytest.mark.parametrize("name", ["E137", "E141", "E774", "KEK", "Orsay"])
def test_band_edges_hit_n_up(name):
    m = 0.005
    lo, hi = bd.excluded_band(name, m, mode="direct")
    n_up = bd.experiment(name)["n_up"]
    assert bd.events(name, m, lo, mode="direct")[0] == pytest.approx(n_up, rel=1e-6)
    assert bd.events(name, m, hi, mode="direct")[0] == pytest.approx(n_up, rel=1e-6)
    assert bd.events(name, m, math.sqrt(lo * hi), mode="direct")[0] > n_up


def test_modes_agree_below_dimuon_threshold():
    assert bd.excluded_band("E137", 0.1, mode="chiang") == pytest.approx(bd.excluded_band("E137", 0.1, mode="direct"))


def test_no_reach_below_2me_and_at_high_mass():
    assert bd.limit("gVe", 1.0e-3).upper is None       # m_X < 2 m_e: no e+e- decay
    assert bd.limit("gVe", 5.0).upper is None


def test_e137_band_order_of_magnitude():
    lo, hi = bd.excluded_band("E137", 0.05)
    eps_lo, eps_hi = lo / bd.E_CHARGE, hi / bd.E_CHARGE
    assert 1e-8 < eps_lo < 1e-7 and 1e-6 < eps_hi < 1e-4


def test_fixed_target_levels():
    lv = bd.fixed_target_levels(0.22)
    assert set(lv) == {"A1", "APEX"}
    assert lv["A1"] == pytest.approx(bd.E_CHARGE * 9e-4 / bd.s_factor(0.22))
    assert bd.fixed_target_limit("gVe", 0.1).upper is None


@pytest.mark.parametrize("bad", [0.0, -0.1, float("nan")])
def test_bad_input(bad):
    with pytest.raises(ValueError, match="m_x"):
        bd.limit("gVe", bad)
    with pytest.raises(ValueError, match="g"):
        bd.events("E137", 0.05, bad)


def test_wrong_coupling_and_unknown_experiment():
    with pytest.raises(ValueError, match="gVe only"):
        bd.limit("gLe", 0.05)
    with pytest.raises(ValueError, match="coupling"):
        bd.limit("gZZ", 0.05)
    with pytest.raises(ValueError, match="experiment"):
        bd.excluded_band("NA64", 0.05)
    with pytest.raises(ValueError, match="mode"):
        bd.events("E137", 0.05, 1e-7, mode="guess")


# --- X -> nu nubar: the invisible width (invisible_over_ee = Gamma_nunu / Gamma_ee) ---------------

#: limit("gVe", m) and two yields before the invisible width existed (commit 0415f37), to all digits
_BEFORE = {0.01: (1.6829582971316968e-08, 0.00021389236275021057),
           0.05: (1.8598675096795936e-08, 4.54201898824628e-06),
           0.1: (2.1725602144844958e-08, 1.544748132706169e-06)}


@pytest.mark.parametrize("m", sorted(_BEFORE))
def test_no_invisible_width_reproduces_the_dark_photon_numbers_exactly(m):
    for lim in (bd.limit("gVe", m), bd.limit("gVe", m, invisible_over_ee=0.0)):
        assert (lim.upper, lim.lower) == _BEFORE[m]
    assert bd.events("E137", 0.05, [1e-7, 1e-6]).tolist() == [1976.8676613339148, 31733.044434510306]
    assert bd.events("E141", 0.01, [1e-5], mode="direct", acceptance="none").tolist() == [87880.14251970049]


@pytest.mark.parametrize("m", [0.01, 0.05, 0.1])
def test_invisible_decays_shrink_the_band_from_above(m):
    """Shorter lifetime and smaller B(X -> ee): the upper edge (decays in the shield) comes down,
    the lower edge (N ~ g^4 Gamma_ee, independent of Gamma_nunu) stays put."""
    base = bd.limit("gVe", m)
    with_nu = bd.limit("gVe", m, invisible_over_ee=1.5)      # B-L: Gamma_nunu / Gamma_ee = 3/2
    assert with_nu.lower < 0.6 * base.lower
    assert base.upper <= with_nu.upper < 1.02 * base.upper


def test_long_lived_yield_does_not_depend_on_the_invisible_width():
    """N ~ g^2 B(X -> ee) L_dec / l = g^2 (Gamma_ee / Gamma) L_dec m Gamma / p: Gamma cancels."""
    n0, n1 = (bd.events("E137", 0.05, 1e-10, invisible_over_ee=r)[0] for r in (0.0, 3.0))
    assert n1 == pytest.approx(n0, rel=1e-3)


def test_invisible_width_in_the_direct_mode_is_a_change_of_width_and_branching():
    """direct mode, no acceptance: N(g; r) = N computed by hand with Gamma = (1 + r) Gamma_ee, B = 1/(1 + r)."""
    m, g, r = 0.02, 3e-6, 4.0
    e = bd.experiment("E141")
    ex, w, _ = bd._spectrum("E141", m, "none")
    p = np.sqrt(ex**2 - m**2)
    inv_l = m * (1 + r) * bd.width_ll(g, m, M_E) / (p * bd.HBARC_GEV_M)
    want = g * g / (1 + r) * np.sum(w * np.exp(-e["L_sh"] * inv_l) * -np.expm1(-e["L_dec"] * inv_l))
    got = bd.events("E141", m, g, mode="direct", acceptance="none", invisible_over_ee=r)[0]
    assert got == pytest.approx(want, rel=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["E137", "E141", "E774", "KEK", "Orsay"]), st.sampled_from([0.005, 0.05, 0.3]),
       st.floats(-11, 0), st.floats(0, 6), st.floats(0, 6), st.sampled_from(["detector", "none"]),
       st.sampled_from(bd.MODES))
def test_yield_falls_as_the_invisible_width_grows(name, m, log_g, log_r1, log_r2, acceptance, mode):
    r1, r2 = sorted((10**log_r1 - 1, 10**log_r2 - 1))
    n1, n2 = (bd.events(name, m, 10**log_g, mode=mode, acceptance=acceptance, invisible_over_ee=r)[0]
              for r in (r1, r2))
    assert n2 <= n1 * (1 + 1e-12)


@pytest.mark.parametrize("bad", [-1e-3, float("nan"), float("inf"), 1e13])
def test_invisible_width_domain(bad):
    with pytest.raises(ValueError, match="invisible_over_ee"):
        bd.limit("gVe", 0.05, invisible_over_ee=bad)
    with pytest.raises(ValueError, match="invisible_over_ee"):
        bd.events("E137", 0.05, 1e-7, invisible_over_ee=bad)
