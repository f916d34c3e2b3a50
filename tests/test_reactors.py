"""Chiang Sec. IV: reactor anti-nu_e e data (Table I) and Figs. 2(a), 2(b)."""

import json
import math

import numpy as np
import pytest
from scipy import integrate

from xboson import couplings
from xboson.constants import G_F, GBAR_L, GBAR_R, M_E
from xboson.data import load_yaml
from xboson.experiments import lampf_lsnd, reactors
from xboson.kinematics import e_min_for_recoil, t_max_recoil
from xboson.spectra import reactor_spectrum
from xboson.units import MeV, cm2

CLAIMS = load_yaml("chiang_sec4_5_8_claims.yaml")
FIG2B = CLAIMS["fig2b_extremes"]
KEYS = {"rhoL_min": "x_min", "rhoL_max": "x_max", "rhoR_min": "y_min", "rhoR_max": "y_max"}


def test_table1_has_six_entries_at_90cl():
    ms = reactors.measurements()
    assert [m.experiment for m in ms] == ["Savannah River", "Savannah River", "Krasnoyarsk",
                                          "Rovno", "MUNU", "TEXONO"]
    assert all(m.use("chiang").cl == "chiang_90cl" and m.n_sigma("chiang") == 1.64 for m in ms)
    con = reactors.constraint(0.005)
    assert len(con.bands) == 6
    # 90% CL = 1.64 sigma: the TEXONO band spans (1.08 -+ 1.64 * 0.26) sigma_SM
    b = con.bands[-1]
    sm = reactors.sigma_sm_eq14((3 * MeV, 8 * MeV))
    assert b.lo / sm == pytest.approx(1.08 - 1.64 * 0.26)
    assert b.hi / sm == pytest.approx(1.08 + 1.64 * 0.26)


def test_eq14_integrals_match_brute_force_quadrature():
    """The analytic-in-T Eq. (14) integrals against scipy's dblquad (Eq. 10, E_min from Eq. A8)."""
    spec = reactor_spectrum()
    t1, t2 = 3.0 * MeV, 4.5 * MeV
    pre = 2 * G_F**2 * M_E / math.pi

    def integrand(t, e):
        y = 1 - t / e
        return spec(e) * pre * ((1 + GBAR_L) ** 2 * y**2 + GBAR_R**2 - (1 + GBAR_L) * GBAR_R * M_E * t / e**2)

    e_lo = float(e_min_for_recoil(t1))
    val, _ = integrate.dblquad(integrand, e_lo, spec.e_max, lambda e: t1,
                               lambda e: min(t2, float(t_max_recoil(e))), epsrel=1e-9)
    assert reactors.sigma_sm_eq14((t1, t2)) == pytest.approx(val, rel=1e-6)


@pytest.mark.parametrize("m", reactors.measurements(), ids=reactors.entry_label)
def test_exact_sm_equals_eq14_usual_approximation(m):
    """Eq. (14) is the s << m_W^2 limit of A2 (s <-> u): the two agree to ~1e-9."""
    w = m.recoil_window.gev
    assert reactors.sigma_bar(0.01, *w).const == pytest.approx(reactors.sigma_sm_eq14(w), rel=1e-7)


def test_v_minus_a_is_the_w_diagram_alone():
    """sigma_V-A = Eq. (14) with gbar_L = gbar_R = 0; the SM/V-A ratio over the Savannah River
    windows is below 1 at 1.5-3 MeV and above 1 at 3-4.5 MeV (destructive/constructive Z)."""
    lo = reactors.sigma_sm_eq14((1.5 * MeV, 3 * MeV)) / reactors.sigma_v_minus_a((1.5 * MeV, 3 * MeV))
    hi = reactors.sigma_sm_eq14((3 * MeV, 4.5 * MeV)) / reactors.sigma_v_minus_a((3 * MeV, 4.5 * MeV))
    assert 0.7 < lo < 0.85 and 1.05 < hi < 1.25
    i = reactors.sm_integrals((1.5 * MeV, 3 * MeV))
    assert reactors.sigma_v_minus_a((1.5 * MeV, 3 * MeV)) == pytest.approx(2 * G_F**2 * M_E / math.pi * i["I1"])


def test_sm_point_is_allowed_by_every_entry():
    con = reactors.constraint(0.005)
    zero = np.zeros(couplings.DIM)
    assert all(b.contains(zero) for b in con.bands)


def test_absolute_units_krasnoyarsk():
    con = reactors.constraint(0.005, experiments=["Krasnoyarsk"])
    (b,) = con.bands
    assert b.lo / cm2 == pytest.approx((4.5 - 1.64 * 2.4) * 1e-46)
    assert b.hi / cm2 == pytest.approx((4.5 + 1.64 * 2.4) * 1e-46)


@pytest.mark.parametrize("k", range(5))
def test_fig2b_extremes_reproduce(k):
    """Chiang Sec. IV: the Fig. 2(b) extremes for m_X = 1, 2, 5, 10, 50 MeV, within 0.015
    (10% for edges below 0.15)."""
    m = FIG2B["masses_mev"][k] * MeV
    ext = (reactors.constraint(m) & lampf_lsnd.constraint(m)).region("ee").extremes()
    for name, key in KEYS.items():
        paper = FIG2B[name][k]
        tol = 0.1 * abs(paper) if abs(paper) < 0.15 else 0.015
        assert ext[key] == pytest.approx(paper, abs=tol), name


def test_fig2a_mass_independent_above_25_mev():
    """'The (yellow) area for m_X = 50 MeV is virtually identical to that for any m_X > 25 MeV.'"""
    e25 = reactors.constraint(0.025).region("ee").extremes()
    heavy = reactors.constraint(1000.0).region("ee").extremes()
    assert all(abs(e25[k] - heavy[k]) < 0.005 for k in heavy)
    e5 = reactors.constraint(0.005).region("ee").extremes()
    assert max(abs(e5[k] - heavy[k]) for k in heavy) > 0.05


def test_sensitivity_freeze_and_n_sigma():
    """Freezing the spectrum below 2 MeV moves the 2 MeV rho^R_min by ~0.03; 1.645 instead of
    1.64 sigma moves nothing by more than 0.005."""
    s = reactors.sensitivity(0.002)
    base, frz, wide = (s["combined"][k] for k in ("baseline", "freeze_2mev", "n_sigma_1645"))
    assert 0.02 < abs(frz["rhoR_min"] - base["rhoR_min"]) < 0.045
    assert max(abs(wide[k] - base[k]) for k in base) < 0.005


def test_bad_input_raises_value_error():
    with pytest.raises(ValueError, match="m_x"):
        reactors.constraint(-1.0)
    with pytest.raises(ValueError, match="n_sigma"):
        reactors.constraint(0.005, n_sigma=0)
    with pytest.raises(ValueError, match="t_window"):
        reactors.sigma_sm_eq14((3 * MeV, 1 * MeV))
    with pytest.raises(ValueError, match="experiments"):
        reactors.constraint(0.005, experiments=["Chooz"])


def test_cli_region_reactors(cli):
    r = cli("region", "reactors", "--pair", "ee", "--m-x", "0.05", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["rhoL_min"] == pytest.approx(-1.77, abs=0.01)
    assert out["rhoR_max"] == pytest.approx(0.097, abs=0.005)


def test_cli_bad_mass_exit_status_2(cli):
    r = cli("region", "reactors", "--pair", "ee", "--m-x", "-3", "--json")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "m_x" in r.stderr
