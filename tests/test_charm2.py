"""Chiang Sec. V: CHARM-II nu_mu e and anti-nu_mu e (Eqs. 15-16, Fig. 4)."""

import json
import math

import numpy as np
import pytest

from xboson import couplings
from xboson.constants import G_F, GBAR_L, GBAR_R, M_E
from xboson.experiments import charm2
from xboson.scattering import dsigma_dT


def test_sm_is_inside_both_bands():
    con = charm2.constraint(1.0)
    zero = np.zeros(couplings.DIM)
    assert all(b.contains(zero) for b in con.bands)
    assert con.bands[0].form.const == pytest.approx(4 * GBAR_L**2)
    assert con.bands[1].form.const == pytest.approx(4 * GBAR_R**2)


@pytest.mark.parametrize("anti", [False, True])
def test_eq15_combinations_match_exact_cross_section(anti):
    """Eq. (15) with (g_V +- g_A)^2 from combination_form equals the exact A1-A5 cross section
    (nu_mu: omega = 0) for a heavy X, flavour-diagonal and flavour-changing couplings alike."""
    m_x, e, t = 50.0, 23.7, 5.0
    c = couplings.vector(L_mumu=0.2 * couplings.rho_scale(m_x), R_mumu=-0.1 * couplings.rho_scale(m_x),
                         L_emu=0.05 * couplings.rho_scale(m_x), R_mutau=0.07 * couplings.rho_scale(m_x))
    gp = charm2.combination_form("L", m_x)(c)   # (g_V + g_A)^2
    gm = charm2.combination_form("R", m_x)(c)   # (g_V - g_A)^2
    y = t / e
    if anti:
        gp, gm = gm, gp
    eq15 = G_F**2 * M_E / (2 * math.pi) * (gp + gm * (1 - y) ** 2)   # dsigma/dT = dsigma/dy / E
    exact = dsigma_dT(e, t, m_x, c, flavour="mu", anti=anti)
    assert exact == pytest.approx(eq15, rel=2e-4)


def test_fig4_region_and_closed_form():
    """Fig. 4: four small patches; extremes from Eq. (16) at 1.64 sigma in closed form."""
    ext = charm2.constraint(1.0).region("mumu").extremes()
    assert ext["x_max"] == pytest.approx(charm2.rho_max("L"), rel=1e-9)
    assert -ext["y_min"] == pytest.approx(charm2.rho_max("R"), rel=1e-9)
    assert ext["x_max"] == pytest.approx(0.558, abs=1e-3)
    assert ext["y_min"] == pytest.approx(-0.483, abs=1e-3)
    r = charm2.constraint(1.0).region("mumu")
    assert r.contains(0.0, 0.0) and r.contains(0.54, -0.46) and not r.contains(0.27, 0.0)


def test_region_independent_of_mass_above_1_gev():
    e1 = charm2.constraint(1.0).region("mumu").extremes()
    e100 = charm2.constraint(100.0).region("mumu").extremes()
    assert all(e1[k] == pytest.approx(e100[k], rel=1e-9) for k in e1)


def test_coupling_limit_0p004_at_1_gev():
    """Chiang Sec. V: |L_mumu|^(1/2)_max ~ |R_mumu|^(1/2)_max >~ 0.004 above 1 GeV."""
    for chir in "LR":
        val = math.sqrt(charm2.rho_max(chir) * couplings.rho_scale(1.0))
        assert val == pytest.approx(0.004, rel=0.2)


def test_momentum_transfer_and_contact_error():
    """|t|^(1/2) <= (2 m_e T_max)^(1/2) ~ 0.16 GeV for T_max = 24 GeV: ~2% at m_X = 1 GeV."""
    q2 = 2 * M_E * 24.0
    assert math.sqrt(q2) == pytest.approx(0.16, abs=0.005)
    assert q2 / 1.0**2 < 0.025


def test_below_1_gev_is_refused():
    with pytest.raises(ValueError, match="m_x"):
        charm2.constraint(0.5)
    with pytest.raises(ValueError, match="m_x"):
        charm2.constraint(-1)
    with pytest.raises(ValueError, match="chirality"):
        charm2.combination_form("X", 1.0)


def test_cli_region_charm2(cli):
    r = cli("region", "charm2", "--pair", "mumu", "--m-x", "2", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["rhoL_max"] == pytest.approx(0.558, abs=1e-3)
    assert out["rhoR_min"] == pytest.approx(-0.483, abs=1e-3)
    r = cli("region", "charm2", "--pair", "mumu", "--m-x", "0.1", "--json")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "1 GeV" in r.stderr
