"""The 'lep' constraint (Chiang Sec. VI, Eqs. 17-18), Fig. 5/8 numbers, CLI and bad input."""

import json
import math

import numpy as np
import pytest

from xboson import constraints, couplings
from xboson.constants import M_E
from xboson.experiments import lep
from xboson.lep import table2, xsec


def test_registered_and_bands():
    assert "lep" in constraints.names()
    con = constraints.get("lep", 5.0, 25e-6)
    assert len(con.bands) == 40
    zero = np.zeros(couplings.DIM)
    # the SM point is allowed: every Table II row overlaps at 90% CL or 2 sigma
    assert all(b.contains(zero) for b in con.bands)


def test_width_product_eq18():
    m = 0.3
    c = couplings.vector(L_ee=1e-4, R_ee=-2e-4, L_emu=3e-5)
    pref = math.sqrt(m**2 - 4 * M_E**2) / (576 * math.pi**2 * m)
    want = pref * ((1e-8 + 4e-8) * (m**2 - M_E**2) + 6 * 1e-4 * (-2e-4) * M_E**2)
    want += 2 * pref * (9e-10 * (m**2 - M_E**2))
    assert lep.width_product_form(m)(c) == pytest.approx(want, rel=1e-12)
    assert lep.width_product_form(0.001)(c) == 0.0          # below the e+e- threshold


def test_width_band_alone_gives_eq17_limit():
    """Eq. (17) alone: |L| <= 12 pi Gamma m / sqrt(...)(m^2 - m_e^2)-ish; check against the closed form."""
    m, g = 5.0, 25e-6
    band = lep.width_band(m, g)
    pref = math.sqrt(m**2 - 4 * M_E**2) / (576 * math.pi**2 * m) * (m**2 - M_E**2)
    lmax = math.sqrt(g**2 / 4 / pref)
    from xboson.region import interval_along

    lo, hi = interval_along([band], couplings.vector(L_ee=1.0)).bounds
    assert hi == pytest.approx(lmax, rel=1e-12) and lo == pytest.approx(-lmax, rel=1e-12)


def test_pruned_lower_bounds_do_not_change_the_set():
    """Lower bounds dropped in lep_bands are below the global minimum of the X form."""
    forms = xsec.x_forms(5.0, 25e-6)
    for row, form, band in zip(table2.rows(), forms, lep.lep_bands(5.0, 25e-6)):
        if band.lo == -np.inf:
            half = table2.combined_error(row, table2.n_sigma(row))
            q = np.diag(form.quad)
            fmin = -np.sum(form.linear**2 / (4 * q))
            assert (row.sigma_exp - row.sigma_sm) - half < fmin


@pytest.mark.parametrize("m_x,g_kev,paper", [(0.01, 0.05, 0.013), (5.0, 25.0, 0.013), (100.0, 300.0, 0.010)])
def test_fig5_top(m_x, g_kev, paper):
    ext = lep.constraint(m_x, g_kev * 1e-6).region("ee").extremes()
    s = couplings.rho_scale(m_x)
    for a in ("x", "y"):
        val = math.sqrt(max(abs(ext[f"{a}_min"]), abs(ext[f"{a}_max"])) * s)
        assert abs(val - paper) <= 0.001


def test_fig8_and_symmetric_region():
    ext = lep.constraint(5.0, 25e-6).region("emu").extremes()
    assert ext["x_max"] == pytest.approx(-ext["x_min"]) and ext["x_max"] == pytest.approx(ext["y_max"])
    val = math.sqrt(ext["x_max"] * couplings.rho_scale(5.0))
    assert abs(val - 0.011) <= 0.001


def test_fig3_width_interpolation():
    assert lep.fig3_width(0.01) == pytest.approx(0.05e-6)
    assert lep.fig3_width(5.0) == pytest.approx(25e-6)
    assert lep.fig3_width(100.0) == pytest.approx(300e-6)
    r = [lep.fig3_width(m) / m for m in (5.0, 10.0, 30.0, 100.0)]
    assert all(a >= b for a, b in zip(r, r[1:]))


def test_limit_curves_and_limits_registry():
    from xboson import limits

    assert "lep" in limits.sources()
    c = limits.limit_curves("lep", ("Lee", "Ree", "Vee", "Aee"), [0.01, 5.0, 100.0])
    assert c["Lee"] == pytest.approx([0.013, 0.013, 0.0099], abs=2e-4)
    assert np.all(c["Vee"] < c["Lee"])
    assert limits.limit("Ree", "lep", 5.0).upper == pytest.approx(c["Ree"][1])


@pytest.mark.parametrize("kw,name", [
    (dict(m_x=5.0, gamma_x=None), "gamma_x"),
    (dict(m_x=5.0, gamma_x=0.0), "gamma_x"),
    (dict(m_x=5.0, gamma_x=-1e-5), "gamma_x"),
    (dict(m_x=5.0, gamma_x=float("nan")), "gamma_x"),
    (dict(m_x=0.0, gamma_x=1e-5), "m_x"),
    (dict(m_x=-3.0, gamma_x=1e-5), "m_x"),
    (dict(m_x=float("nan"), gamma_x=1e-5), "m_x"),
    (dict(m_x=float("inf"), gamma_x=1e-5), "m_x"),
])
def test_bad_input_names_parameter(kw, name):
    with pytest.raises(ValueError, match=name):
        lep.constraint(**kw)
    if kw["gamma_x"] is not None:
        with pytest.raises(ValueError, match=name):
            xsec.x_coefficients(kw["m_x"], kw["gamma_x"])


def test_bad_pair_and_coupling():
    con = lep.constraint(5.0, 25e-6)
    with pytest.raises(ValueError, match="pair"):
        con.region("xx")
    with pytest.raises(ValueError, match="coupling"):
        lep.limit("Qee", 5.0)


def test_cli_region(cli):
    r = cli("region", "lep", "--pair", "ee", "--m-x", "5", "--gamma-x", "25e-6", "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert {"rhoL_min", "rhoL_max", "rhoR_min", "rhoR_max"} <= set(d)
    assert d["unbounded"] is False and d["unbounded_keys"] == []
    assert math.sqrt(d["rhoL_max"] * couplings.rho_scale(5.0)) == pytest.approx(0.013, abs=0.001)
    r = cli("region", "lep", "--pair", "emu", "--m-x", "100", "--gamma-x", "3e-4", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["rhoL_max"] > 0


@pytest.mark.parametrize("args,word", [
    (["--m-x", "5", "--gamma-x", "0"], "gamma_x"),
    (["--m-x", "5", "--gamma-x", "-1"], "gamma_x"),
    (["--m-x", "5", "--gamma-x", "nan"], "gamma_x"),
    (["--m-x", "5"], "gamma_x"),
    (["--m-x", "0", "--gamma-x", "1e-5"], "m_x"),
    (["--m-x", "nan", "--gamma-x", "1e-5"], "m_x"),
    (["--m-x", "5", "--gamma-x", "1e-5", "--pair", "ab"], "pair"),
])
def test_cli_bad_input_exit2_one_line(cli, args, word):
    r = cli("region", "lep", *args, "--json")
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and word in lines[0]


def test_cli_lep_sm(cli):
    r = cli("lep-sm", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert len(rows) == 39
    assert {"experiment", "sqrt_s", "paper_sigma_sm", "our_sigma_sm"} <= set(rows[0])
    ratios = [x["our_sigma_sm"] / x["paper_sigma_sm"] for x in rows]
    assert sum(abs(q - 1) <= 0.1 for q in ratios) >= 37


def test_gamma_x_contract_of_the_registry():
    """Only LEP depends on Gamma_X: it needs gamma_x; the width-free constraints do not use it."""
    from xboson.experiments import WIDTH_DEPENDENT

    assert WIDTH_DEPENDENT == {"lep"}
    assert constraints.needs_width("lep") and not constraints.needs_width("low-energy")
    with pytest.raises(ValueError, match="gamma_x"):
        constraints.get("lep", 5.0)
    assert constraints.get("lep", 5.0, 25e-6).gamma_x == 25e-6
    for name in set(constraints.names()) - WIDTH_DEPENDENT:
        assert constraints.get(name, 2.0).gamma_x is None
        assert constraints.get(name, 2.0, 1e-3).gamma_x is None      # checked, not used
        with pytest.raises(ValueError, match="gamma_x"):
            constraints.get(name, 2.0, -1.0)
