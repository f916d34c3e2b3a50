"""What the beam dumps could see (Chiang Fig. 6, light green): detector acceptance, energy thresholds and
efficiencies on top of the thick-target yield. Physics properties; the mass reach against the published
values is a ledger claim (chiang.s7.beam_dump_reach_*)."""

import dataclasses
import math

import numpy as np
import pytest
from scipy.integrate import quad

from xboson.experiments import beam_dump as bd
from xboson.experiments import beam_dump_acceptance as acc
from xboson.constants import M_E

NAMES = ["E137", "E141", "E774", "KEK", "Orsay"]


# --- the X direction: Weizsaecker-Williams angular distribution -----------------------------------------
@pytest.mark.parametrize("x,m,e_e", [(0.3, 0.01, 5.0), (0.9, 0.1, 20.0), (0.99, 0.005, 2.0), (0.5, 0.3, 10.0)])
def test_angular_fraction_is_the_integral_of_the_angular_form(x, m, e_e):
    # dsigma/(dx dtheta^2) ~ A/V^2 - B a theta^2/V^4 (BEST App. A), V = a theta^2 + U_0; in w = a theta^2/U_0
    # the integrand is A/(1+w)^2 - (B/U_0) w/(1+w)^4 (up to a constant)
    a = e_e * e_e * x
    u0 = m * m * (1 - x) / x + M_E**2 * x
    big_a, b_u0 = 1 - x + x * x / 2, x * (1 - x) * m * m / u0

    def f(w):
        return big_a / (1 + w) ** 2 - b_u0 * w / (1 + w) ** 4

    total = quad(f, 0, np.inf, limit=200)[0]
    for w_max in (0.1, 1.0, 16.0):
        th = math.sqrt(w_max * u0 / a)
        part = quad(f, 0, w_max, limit=200)[0]
        assert acc.angular_fraction(th, x, m, e_e) == pytest.approx(part / total, rel=1e-7)


def test_angular_fraction_limits_and_monotone():
    th = np.geomspace(1e-7, 10.0, 60)
    fr = acc.angular_fraction(th, 0.7, 0.05, 10.0)
    assert fr[0] < 1e-6 and 1 - 1e-6 < fr[-1] <= 1.0        # tail ~ U_0/(E_e^2 x theta^2)
    assert np.all(np.diff(fr) >= 0)
    assert acc.angular_fraction(np.inf, 0.7, 0.05, 10.0) == 1.0


# --- the decay products ---------------------------------------------------------------------------------
def _mc_daughters(tan_max, e_x, m, rule, e_min, n=400_000, seed=1):
    """Monte Carlo of X -> e+ e- isotropic in the rest frame (massless daughters)."""
    rng = np.random.default_rng(seed)
    c = rng.uniform(-1, 1, n)
    gamma = e_x / m
    beta = math.sqrt(1 - 1 / gamma**2)
    s = np.sqrt(1 - c * c)

    def seen(cc, ss):
        pz = gamma * (cc + beta)                      # in units of m/2
        en = gamma * (1 + beta * cc)
        ok_angle = (pz > 0) & (ss < tan_max * pz)
        return ok_angle & (en * m / 2 >= e_min)

    pos, ele = seen(c, s), seen(-c, s)
    return {"positron": pos, "pair": pos & ele, "any": pos | ele}[rule].mean()


@pytest.mark.parametrize("rule", acc.RULES)
@pytest.mark.parametrize("tan_max,e_x,m,e_min", [(0.01, 2.0, 0.05, 0.0), (0.05, 1.0, 0.1, 0.3),
                                                 (0.2, 0.3, 0.2, 0.0), (1e-3, 10.0, 0.005, 2.0)])
def test_daughter_fraction_against_monte_carlo(rule, tan_max, e_x, m, e_min):
    want = _mc_daughters(tan_max, e_x, m, rule, e_min)
    got = float(acc.daughter_fraction(tan_max, e_x, m, rule, e_min))
    assert got == pytest.approx(want, abs=3e-3)


_RNG = np.random.default_rng(13)     # property tests on seeded random inputs (hypothesis is not a dependency)


_DAUGHTER_CASES = list(zip(10 ** _RNG.uniform(-5, 1, 40), 1 + 10 ** _RNG.uniform(-3, 4, 40), _RNG.uniform(0, 1, 40)))


@pytest.mark.parametrize("tan_max,gamma,e_frac", _DAUGHTER_CASES)
def test_daughter_fraction_bounds_and_ordering(tan_max, gamma, e_frac):
    m = 0.05
    e_x = gamma * m
    f = {r: float(acc.daughter_fraction(tan_max, e_x, m, r, e_frac * e_x)) for r in acc.RULES}
    assert all(0.0 <= v <= 1.0 for v in f.values())
    assert f["pair"] <= f["positron"] + 1e-12 <= f["any"] + 2e-12
    wider = float(acc.daughter_fraction(2 * tan_max, e_x, m, "any", e_frac * e_x))
    assert wider >= f["any"] - 1e-12


def test_pair_rule_ultrarelativistic_closed_form():
    # beta -> 1, small angles: both daughters inside for tan(theta*/2) in (1/k, k), k = gamma theta_d:
    # fraction (k^2 - 1)/(k^2 + 1)
    m, e_x, th = 0.01, 1000.0, 3e-5
    k = e_x / m * th
    assert float(acc.daughter_fraction(th, e_x, m, "pair")) == pytest.approx((k * k - 1) / (k * k + 1), rel=1e-4)


# --- the yield -------------------------------------------------------------------------------------------
_YIELD_CASES = list(zip(_RNG.choice(NAMES, 25).tolist(), _RNG.uniform(math.log(1.2e-3), math.log(0.5), 25),
                        _RNG.uniform(math.log(1e-9), math.log(1e-3), 25)))


@pytest.mark.parametrize("name,lm,lg", _YIELD_CASES)
def test_yield_with_acceptance_never_exceeds_the_yield_without(name, lm, lg):
    m, g = math.exp(lm), math.exp(lg)
    n_det = bd.events(name, m, g, acceptance="detector")[0]
    n_all = bd.events(name, m, g, acceptance="none")[0]
    assert 0.0 <= n_det <= n_all * (1 + 1e-2) + 1e-300


@pytest.mark.parametrize("name", ["E141", "E774", "KEK", "Orsay"])
@pytest.mark.parametrize("m", [0.002, 0.01, 0.05])
def test_full_coverage_reproduces_the_acceptance_free_yield(name, m):
    # no geometry, threshold or efficiency available for these: acceptance 1 up to quadrature (< 1%)
    g = np.geomspace(1e-8, 1e-3, 6)
    n_det = bd.events(name, m, g, acceptance="detector")
    n_all = bd.events(name, m, g, acceptance="none")
    big = n_all > 1e-3
    assert np.allclose(n_det[big], n_all[big], rtol=1e-2)


@pytest.mark.parametrize("name", NAMES)
def test_band_with_acceptance_inside_band_without(name):
    for m in (0.003, 0.02):
        b_all = bd.excluded_band(name, m, acceptance="none")
        b_det = bd.excluded_band(name, m, acceptance="detector")
        if b_det is None:
            continue
        assert b_all is not None
        assert b_det[0] >= b_all[0] * (1 - 2e-3) and b_det[1] <= b_all[1] * (1 + 2e-3)


def test_e137_acceptance_removes_soft_wide_angle_x():
    # the long-lifetime edge weakens where soft, wide-angle X dominated (low mass), less at high mass
    ratio = {m: bd.excluded_band("E137", m)[0] / bd.excluded_band("E137", m, acceptance="none")[0]
             for m in (0.01, 0.1)}
    assert ratio[0.01] > ratio[0.1] > 1.1


def test_e137_short_lifetime_edge_falls_with_mass_and_reach_below_acceptance_free():
    ms = np.geomspace(0.01, 0.3, 8)
    hi = [bd.excluded_band("E137", float(m))[1] for m in ms]
    assert np.all(np.diff(hi) < 0)
    assert bd.mass_reach("E137") < bd.mass_reach("E137", acceptance="none")


def test_e137_threshold_reading_matters_little(monkeypatch):
    # the 1 GeV shower threshold is a reading: the reach moves by < 1%, the lower edge by < 30% at 10 MeV
    base = acc.detector("E137")
    lo1 = bd.excluded_band("E137", 0.01)[0]
    r1 = bd.mass_reach("E137", rel_tol=1e-3)
    monkeypatch.setattr(acc, "detector", lambda name: dataclasses.replace(base, e_min=0.0, e_daughter_min=0.0))
    bd.clear_caches()
    try:
        lo0 = bd.excluded_band("E137", 0.01)[0]
        r0 = bd.mass_reach("E137", rel_tol=1e-3)
    finally:
        bd.clear_caches()
    assert abs(r1 / r0 - 1) < 0.01
    assert 1.0 <= lo1 / lo0 < 1.3


# --- bad input -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("call,param", [
    (lambda: bd.events("NA64", 0.05, 1e-6), "experiment"),
    (lambda: bd.excluded_band("NA64", 0.05), "experiment"),
    (lambda: bd.mass_reach("NA64"), "experiment"),
    (lambda: acc.detector("NA64"), "experiment"),
    (lambda: bd.combined_band(0.05, names=["E137", "NA64"]), "experiment"),
    (lambda: bd.events("E137", 0.05, 1e-6, acceptance="full"), "acceptance"),
    (lambda: bd.excluded_band("E137", 0.05, acceptance="full"), "acceptance"),
    (lambda: bd.limit("gVe", 0.05, acceptance="full"), "acceptance"),
    (lambda: bd.events("E137", 0.0, 1e-6), "m_x"),
    (lambda: bd.events("E137", 0.05, -1e-6), "g"),
    (lambda: bd.events("E137", 0.05, 0.0), "g"),
    (lambda: bd.excluded_band("E137", 1.0e-3), "m_x"),          # below 2 m_e: no X -> e+ e-
    (lambda: bd.events("E137", 1.0e-3, 1e-6), "m_x"),
    (lambda: bd.excluded_band("E137", -0.05), "m_x"),
    (lambda: bd.mass_reach("E137", m_lo=0.5, m_hi=0.1), "m_hi"),
    (lambda: bd.mass_reach("E137", rel_tol=0.0), "rel_tol"),
    (lambda: bd.width_ll(0.0, 0.1, M_E), "g"),
    (lambda: bd.width_ll(1.0, -0.1, M_E), "m_x"),
    (lambda: bd.width_ll(1.0, 0.1, -M_E), "m_l"),
    (lambda: bd.r_ratio(0.0), "m_x"),
    (lambda: bd.s_factor(float("nan")), "m_x"),
    (lambda: bd.track_length_v(0.0), "y"),
    (lambda: bd.track_length_v(100.0), "y"),
    (lambda: bd.log_track_length_v(4.0), "ln_y"),
    (lambda: bd.chi(0.05, -1.0, 74, 183.84), "e_e"),
    (lambda: bd.chi(0.05, 1.0, 0, 183.84), "z"),
    (lambda: bd.dsigma_dx(1.0, 0.05, 1.0, 1.0), "x"),
    (lambda: bd.dsigma_dx(0.5, 0.05, 1.0, -1.0), "chi_val"),
    (lambda: acc.daughter_fraction(0.1, 1.0, 0.05, "both"), "rule"),
    (lambda: acc.angular_fraction(-0.1, 0.5, 0.05, 1.0), "theta_max"),
])
def test_bad_input_raises_value_error_naming_the_parameter(call, param):
    with pytest.raises(ValueError, match=param):
        call()


def test_no_decay_below_two_electron_masses_is_no_limit():
    # the Fig. 6 mass axis: below 2 m_e there is no X -> e+ e- and no beam-dump limit (documented marker)
    assert bd.combined_band(1.0e-3) == []
    assert bd.limit("gVe", 1.0e-3).upper is None
    assert bd.width_ll(1.0, 1.0e-3, M_E) == 0.0


def test_soft_fraction_is_a_monotone_fraction():
    g = bd.excluded_band("E137", 0.01, acceptance="none")[0]
    cuts = [0.02, 0.1, 1.0, 5.0, 25.0]
    fr = [float(bd.soft_fraction("E137", 0.01, g, c)[0]) for c in cuts]
    assert all(0.0 <= f <= 1.0 for f in fr) and np.all(np.diff(fr) >= 0) and fr[-1] == pytest.approx(1.0)
    # the detector sees no X below its 1 GeV threshold
    assert float(bd.soft_fraction("E137", 0.01, g, 0.99, acceptance="detector")[0]) == 0.0
    with pytest.raises(ValueError, match="e_x_max"):
        bd.soft_fraction("E137", 0.01, g, 0.0)
    with pytest.raises(ValueError, match="m_x"):
        bd.soft_fraction("E137", 1.0e-3, g, 1.0)


def _mc_joint_geometry(m, e_e, x, l_decay, l_sh, l_dec, l_det, radius, n=200_000, seed=5):
    """Monte Carlo of the joint geometry: X direction from the WW angular form, decay point in the
    decay volume, isotropic decay, at least one daughter inside the detector disc."""
    rng = np.random.default_rng(seed)
    e_x, a, u0 = x * e_e, e_e**2 * x, m * m * (1 - x) / x + M_E**2 * x
    big_a, b_u0 = 1 - x + x * x / 2, x * (1 - x) * m * m / u0
    w = np.concatenate([[0.0], np.geomspace(1e-6, 1e6, 4000)])
    f = big_a / (1 + w) ** 2 - b_u0 * w / (1 + w) ** 4
    cdf = np.concatenate([[0.0], np.cumsum(0.5 * (f[1:] + f[:-1]) * np.diff(w))])
    th = np.sqrt(np.interp(rng.uniform(size=n), cdf / cdf[-1], w) * u0 / a)
    ph = rng.uniform(0, 2 * np.pi, n)
    z = l_sh - l_decay * np.log1p(rng.uniform(size=n) * np.expm1(-l_dec / l_decay))
    d_x = np.stack([np.sin(th) * np.cos(ph), np.sin(th) * np.sin(ph), np.cos(th)], 1)
    c, ps = rng.uniform(-1, 1, n), rng.uniform(0, 2 * np.pi, n)
    s = np.sqrt(1 - c * c)
    gamma = e_x / m
    beta = math.sqrt(1 - 1 / gamma**2)
    helper = np.where(np.abs(d_x[:, :1]) < 0.9, [[1.0, 0, 0]], [[0, 1.0, 0]])
    e1 = np.cross(helper, d_x)
    e1 /= np.linalg.norm(e1, axis=1)[:, None]
    e2 = np.cross(d_x, e1)
    start = d_x * (z / d_x[:, 2])[:, None]
    hit = np.zeros(n, bool)
    for sign in (1, -1):
        v = (sign * s * np.cos(ps))[:, None] * e1 + (sign * s * np.sin(ps))[:, None] * e2 \
            + (gamma * (sign * c + beta))[:, None] * d_x
        t = (l_det - start[:, 2]) / v[:, 2]
        hit |= (v[:, 2] > 0) & (np.hypot(start[:, 0] + t * v[:, 0], start[:, 1] + t * v[:, 1]) < radius)
    return hit.mean()


@pytest.mark.parametrize("m,e_e,x,l_decay", [(0.1, 10.0, 0.9, 50.0), (0.02, 5.0, 0.5, 300.0), (0.3, 15.0, 0.95, 30.0)])
def test_factorised_e137_acceptance_against_joint_geometry(m, e_e, x, l_decay):
    # the product (X direction) x (daughters, per decay bin) underestimates the joint acceptance of
    # E137's "any" rule by at most ~25%: documented approximation, conservative direction
    det = acc.detector("E137")
    edges, centres = acc.decay_bins(179.0, 204.0)
    surv = np.exp(-edges / l_decay)
    p_bin = (surv[:-1] - surv[1:]) / (surv[0] - surv[-1])
    fact = float(acc.angular_fraction(det.theta_acc, x, m, e_e)
                 * (p_bin * acc.daughter_fraction(det.radius / (det.distance - centres), x * e_e, m, "any")).sum())
    joint = _mc_joint_geometry(m, e_e, x, l_decay, 179.0, 204.0, det.distance, det.radius)
    assert 0.7 * joint < fact < 1.03 * joint
