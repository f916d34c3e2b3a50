"""The recast (``xboson.recast`` / ``xboson recast``): every constraint of both papers applied to a
model's overall coupling; for B-L and Chiang's single couplings the numbers are those of
``xboson zprime-limit`` and ``xboson limit``."""

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import xboson
from xboson.experiments import g_minus_2, zpole
from xboson.cli.main import main
from xboson.lindner import fits
from xboson.limits import limit
from xboson.models import model_from_dict
from xboson.recasting import STATUSES, recast, source_names

CHIANG_PRODUCTS = ["Lee", "Ree", "Vee", "Aee"]
SEC7 = ["gLe", "gRe", "gnu", "gVe", "gAe"]


def _upper(res, constraint, m):
    (row,) = [r for r in res.limits if r.constraint == constraint and r.m_x == m]
    return row


# --- Chiang's numbers, exactly --------------------------------------------------------------------

@pytest.mark.parametrize("name", CHIANG_PRODUCTS)
def test_chiang_products_reproduce_limit_low_energy_and_lep(name):
    """Fig. 3: |C|^(1/2) from the extreme allowed values of +-C (low energy; LEP with Fig. 3 widths)."""
    ms = [0.003, 0.05, 2.0]
    res = recast(name, ms, constraints=["low-energy", "lep"])
    for m in ms:
        assert _upper(res, "low-energy", m).coupling_upper == limit(name, "low-energy", m).upper
        assert _upper(res, "lep", m).coupling_upper == limit(name, "lep", m).upper


def test_flavour_changing_product_reproduces_limit():
    res = recast("L_emu", [2.0], constraints=["low-energy"])
    assert _upper(res, "low-energy", 2.0).coupling_upper == limit("Lemu", "low-energy", 2.0).upper


@pytest.mark.parametrize("name", SEC7)
def test_sec7_couplings_reproduce_zpole_and_g2(name):
    """Fig. 6 dotted (Z pole) and solid (g-2) curves for one separate coupling at a time."""
    ms = [0.01, 1.0, 50.0]
    res = recast(name, ms, constraints=["zpole", "g-2"])
    for m in ms:
        assert _upper(res, "zpole", m).coupling_upper == pytest.approx(limit(name, "zpole", m).upper, rel=1e-12)
        expected = limit(name, "g-2", m).upper
        row = _upper(res, "g-2", m)
        if expected is None:
            assert not row.applies and row.coupling_upper is None
        else:
            assert row.coupling_upper == pytest.approx(expected, rel=1e-12)


def test_g_ve_reproduces_beam_dump_and_fixed_target():
    res = recast("gVe", [0.05, 0.2], constraints=["beam-dump", "fixed-target"])
    bd = limit("gVe", "beam-dump", 0.05)
    row = _upper(res, "beam-dump", 0.05)
    assert (row.coupling_upper, row.reopens_above) == (bd.upper, bd.lower)
    assert _upper(res, "fixed-target", 0.2).coupling_upper == limit("gVe", "fixed-target", 0.2).upper


# --- Lindner's numbers, exactly -------------------------------------------------------------------

@pytest.mark.parametrize("experiment", ["texono", "charm2", "gemma", "combined"])
def test_b_minus_l_reproduces_zprime_limit(experiment):
    """Lindner Fig. 1: g_X of U(1)_B-L in the g_X Q_X / 2 convention."""
    ms = [1e-3, 0.3]
    res = recast("B-L", ms, constraints=[f"lindner-{experiment}"])
    for m in ms:
        assert _upper(res, f"lindner-{experiment}", m).coupling_upper == fits.upper_limit("B-L", experiment, m)


def test_cli_recast_matches_cli_zprime_limit_and_limit(capsys):
    assert main(["zprime-limit", "--model", "B-L", "--experiment", "combined", "--m-zp", "0.01", "--json"]) == 0
    zp = json.loads(capsys.readouterr().out)["g_x_upper"]
    assert main(["recast", "--model", "B-L", "--m-x", "0.01", "--constraint", "lindner-combined", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["coupling_upper"] == zp and row["coupling"] == "g_X"
    assert main(["limit", "Vee", "--constraint", "low-energy", "--m-x", "0.02", "--json"]) == 0
    lim = json.loads(capsys.readouterr().out)["upper"]
    assert main(["recast", "--model", "Vee", "--m-x", "0.02", "--constraint", "low-energy", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["coupling_upper"] == lim


# --- what applies to which model --------------------------------------------------------------------

def _applicable(name, m=0.2):
    return set(recast(name, [m]).applicable())


def test_dark_photon_sees_only_electron_constraints():
    """No neutrino coupling at tree level: no nu-e scattering, no e+e- -> nu nubar gamma."""
    assert _applicable("dark-photon") == {"zpole", "g-2", "beam-dump", "fixed-target"}


def test_lmu_minus_ltau_sees_only_the_z_width_to_neutrinos():
    """No tree-level electron coupling: only Gamma(Z -> nu nubar) of Chiang Eq. (20) applies."""
    assert _applicable("Lmu-Ltau", 1.0) == {"zpole"}
    res = recast("Lmu-Ltau", [1.0], constraints=["zpole"])
    g = res.limits[0].coupling_upper
    lo, hi = zpole.ranges()["gamma_nunu"]
    at_edge = zpole.gamma_nunu(1.0, (0.0, g, g))
    assert min(abs(at_edge - lo), abs(at_edge - hi)) < 1e-9 * hi


def test_b_minus_l_sees_every_constraint():
    """Since beam dumps include X -> nu nubar (shorter lifetime, smaller B(X -> ee)) they apply too."""
    got = _applicable("B-L")
    assert got == set(source_names()) - {"charm2"}   # CHARM-II bands: m_X >= 1 GeV only
    assert "charm2" in _applicable("B-L", 2.0)


@pytest.mark.parametrize("m", [0.01, 0.05])
def test_beam_dump_with_neutrinos_uses_the_invisible_width(m):
    """B-L (g_X Q / 2 vertices, Q = -1 for every lepton): Gamma_nunu / Gamma_ee = 3 flavours x
    (1/4) / (2 x 1/4) = 3/2 away from threshold; the limit on g_X is the g_Ve limit over |g_Ve| = 1/2."""
    from xboson.experiments import beam_dump
    from xboson.models import get

    bl = get("B-L")
    r = bl.width_invisible(m) / bl.width_ee(m)
    assert r == pytest.approx(1.5, rel=1e-3)
    row = _upper(recast("B-L", [m], constraints=["beam-dump"]), "beam-dump", m)
    lim = beam_dump.limit("gVe", m, invisible_over_ee=r)
    assert row.status == "limit" and "nu nubar" in row.note
    assert (row.coupling_upper, row.reopens_above) == (lim.upper / 0.5, lim.lower / 0.5)
    dark = beam_dump.limit("gVe", m)                    # the same X without neutrino couplings
    assert row.reopens_above < dark.lower / 0.5         # the band closes lower: decays in the shield


def test_lmu_minus_ltau_loop_adds_the_electron_constraints_at_low_momentum_transfer():
    """The mu and tau loops give g_Ve = -e epsilon(0) = -(e^2 / 6 pi^2) ln(m_tau / m_mu) g: nu_mu e
    scattering (CHARM-II, |q^2| <= 0.025 GeV^2), g-2 and beam dumps apply; the Z pole and LEP
    (q^2 ~ m_Z^2, where the loop-induced coupling is suppressed) do not."""
    low = set(recast("Lmu-Ltau-loop", [0.05]).applicable())
    assert low == {"g-2", "beam-dump", "fixed-target", "lindner-charm2"}   # nu_mu only: no nu_e data
    high = set(recast("Lmu-Ltau-loop", [2.0]).applicable())
    assert high == {"charm2", "low-energy", "lindner-charm2"}   # g-2 probes q^2 ~ -m_X^2: outside
    for row in recast("Lmu-Ltau-loop", [2.0], constraints=["zpole", "lep"]).limits:
        assert not row.applies and "q^2" in row.note


def test_lmu_minus_ltau_loop_is_invisible_to_beam_dumps():
    """Below 2 m_mu the loop X decays to nu nubar 1 / (e epsilon / g)^2 ~ 5e4 times more often than to
    e+ e- and lives correspondingly shorter: no beam-dump reach (the tree-level dark photon has one)."""
    rows = recast("Lmu-Ltau-loop", [0.01, 0.05, 0.1], constraints=["beam-dump"]).limits
    assert [r.status for r in rows] == ["unbounded"] * 3
    assert all("nu nubar" in r.note for r in rows)


def test_lmu_minus_ltau_loop_charm2_is_the_tree_product_times_the_loop_factor():
    """Lindner's CHARM-II fit sees the model as charges Q_nu_mu = 2, Q_e = 2 g_Ve (vertex per unit g x 2)."""
    from xboson.lindner.models import Model as ChargeModel
    from xboson.models import get

    m, model = 0.1, get("Lmu-Ltau-loop")
    row = _upper(recast(model, [m], constraints=["lindner-charm2"]), "lindner-charm2", m)
    want = fits.upper_limit(ChargeModel("Lmu-Ltau-loop", 2.0, 2 * model.g_le, 2 * model.g_re), "charm2", m, "g_x")
    assert row.coupling_upper == want


def test_mixing_models_only_in_lindners_fits():
    m = model_from_dict({"name": "BL-mix", "charges": {"L_e": -1, "L_mu": -1, "L_tau": -1, "e_R": -1},
                         "convention": "gQ/2", "alpha_over_g": 0.5})
    res = recast(m, [0.01])
    assert set(res.applicable()) == {f"lindner-{x}" for x in ("texono", "charm2", "gemma", "combined")}
    row = _upper(res, "lindner-combined", 0.01)
    assert row.coupling_upper == fits.upper_limit("B-L", "combined", 0.01, "g_x", 0.5)


# --- physics properties -----------------------------------------------------------------------------

@settings(max_examples=15, deadline=None)
@given(a=st.floats(-3, 3), b=st.floats(-3, 3), c=st.floats(0, 3), m=st.floats(1e-3, 80))
def test_zpole_limit_sits_on_the_edge_of_a_range(a, b, c, m):
    """At the recast limit every Z-pole observable is inside its range; 0.1% above, one is outside."""
    if max(abs(a), abs(b), c) < 0.05:
        return
    model = model_from_dict({"name": "u", "couplings": {"g_Le": a, "g_Re": b, "g_nu_ee": c, "g_nu_mumu": 0,
                                                       "g_nu_tautau": 0}})
    row = recast(model, [m], constraints=["zpole"]).limits[0]
    assert row.status == "limit"
    r = zpole.ranges()

    def inside(g, slack):
        vals = {"gamma_ee": zpole.gamma_ee(m, a * g, b * g), "a_e": zpole.a_e(m, a * g, b * g),
                "gamma_nunu": zpole.gamma_nunu(m, (c * g, 0, 0))}
        return all(r[k][0] - slack * abs(r[k][0]) <= v <= r[k][1] + slack * abs(r[k][1]) for k, v in vals.items())

    g = row.coupling_upper
    assert inside(g, 1e-9) and not inside(g * 1.001, 0.0)


@settings(max_examples=10, deadline=None)
@given(k=st.floats(0.05, 20), m=st.floats(1e-3, 50))
def test_scaling_the_couplings_scales_the_limit(k, m):
    """Vertex couplings k x (...) give a limit on g smaller by k, constraint by constraint."""
    base = {"g_Le": 0.7, "g_Re": -0.4, "g_nu_ee": 1.0, "g_nu_mumu": 0.0, "g_nu_tautau": 0.0}
    one = recast(model_from_dict({"name": "a", "couplings": base}), [m], constraints=["lampf-lsnd", "zpole", "g-2"])
    big = recast(model_from_dict({"name": "b", "couplings": {n: k * v for n, v in base.items()}}), [m],
                 constraints=["lampf-lsnd", "zpole", "g-2"])
    for r1, rk in zip(one.limits, big.limits):
        assert rk.coupling_upper == pytest.approx(r1.coupling_upper / k, rel=1e-9)


def test_factor_two_between_conventions():
    """Lindner Eq. (2.2) (g_X Q / 2) vs g Q: the same charges give limits differing by exactly 2."""
    ch = {"L_e": -1, "L_mu": -1, "L_tau": -1, "e_R": -1}
    half = recast(model_from_dict({"name": "h", "charges": ch, "convention": "gQ/2"}), [0.05],
                  constraints=["lampf-lsnd", "g-2"])
    full = recast(model_from_dict({"name": "f", "charges": ch, "convention": "gQ"}), [0.05],
                  constraints=["lampf-lsnd", "g-2"])
    for h, f in zip(half.limits, full.limits):
        assert h.coupling_upper == pytest.approx(2 * f.coupling_upper, rel=1e-12)


def test_fixed_target_moves_up_by_inverse_sqrt_branching():
    """Chiang Sec. VII: with X -> nu nubar open the A1/APEX limit moves up by B(X -> ee)^(-1/2)."""
    m = 0.2
    with_nu = recast("V_ee", [m], constraints=["fixed-target"]).limits[0].coupling_upper
    without = recast("gVe", [m], constraints=["fixed-target"]).limits[0].coupling_upper
    # V_ee: g_Le = g_Re = g_nu_e = 1 -> Gamma_ee ~ 2 g^2 m / 24 pi, Gamma_nunu = g^2 m / 24 pi: B ~ 2/3
    assert with_nu / without == pytest.approx(math.sqrt(1.5), rel=1e-4)


# --- contract: keys, statuses, domains --------------------------------------------------------------

def test_rows_have_the_public_keys_and_explicit_status(capsys):
    assert main(["recast", "--model", "dark-photon", "--m-x", "0.0005,0.2", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2 * len(source_names())
    for r in rows:
        assert {"constraint", "m_x", "coupling_upper", "applies", "note", "status"} <= set(r)
        assert r["status"] in STATUSES and r["note"]
        assert r["applies"] == (r["status"] != "not-applicable")
        assert (r["coupling_upper"] is None) == (r["status"] in ("unbounded", "not-applicable"))
    beam = [r for r in rows if r["constraint"] == "beam-dump"]
    assert beam[0]["status"] == "unbounded"      # 0.5 MeV < 2 m_e: no reach


def test_library_entry_point_and_curve():
    res = xboson.recast("B-L", np.array([0.01, 0.1]), constraints=["g-2"])
    assert res.curve("g-2").shape == (2,) and np.all(np.isfinite(res.curve("g-2")))
    with pytest.raises(ValueError, match="unknown constraint"):
        res.curve("nope")


@pytest.mark.parametrize("masses, match", [([0.0], "positive"), ([1e3], r"\[0.0001, 100\]"),
                                           ([float("nan")], "finite"), ([], "must not be empty")])
def test_masses_outside_the_domain(masses, match):
    with pytest.raises(ValueError, match=match):
        recast("B-L", masses)


def test_bad_options(capsys):
    assert main(["recast", "--model", "B-L", "--m-x", "1", "--gamma-x", "-1"]) == 2
    assert "gamma_x" in capsys.readouterr().err
    assert main(["recast", "--model", "B-L", "--m-x", "1", "--constraint", "nope"]) == 2
    assert "unknown constraint" in capsys.readouterr().err
    assert main(["recast", "--model", "B-L", "--m-x", "1", "--plot", "x.pdf"]) == 2
    assert "plot" in capsys.readouterr().err


def test_plot_file_is_written(tmp_path, capsys):
    out = tmp_path / "limits.svg"
    assert main(["recast", "--model", "gVe", "--m-x", "0.01,0.2,1", "--plot", str(out),
                 "--constraint", "zpole,g-2"]) == 0
    capsys.readouterr()
    assert out.read_text().lstrip().startswith("<?xml") and "zpole" in out.read_text()


def test_g2_sign_follows_the_vector_axial_mix():
    """g_Ae alone pushes a_e^X negative (f_A < 0): the lower end of the range binds."""
    g = recast("gAe", [0.1], constraints=["g-2"]).limits[0].coupling_upper
    a = g_minus_2.a_e_x(0.1, 0.0, g)
    assert a == pytest.approx(g_minus_2.a_e_range()[0], rel=1e-9)


def test_gamma_x_is_passed_to_lep():
    """Chiang Fig. 5 top row: m_X = 5 GeV, Gamma_X = 25 keV."""
    from xboson.experiments import lep

    row = recast("Lee", [5.0], gamma_x=25e-6, constraints=["lep"]).limits[0]
    lo, hi = lep.coupling_range("Lee", 5.0, 25e-6)
    assert row.coupling_upper == math.sqrt(max(abs(lo), abs(hi))) and row.gamma_x == 25e-6


@settings(max_examples=10, deadline=None)
@given(a=st.floats(-2, 2), b=st.floats(-2, 2), m=st.floats(1e-3, 50))
def test_lampf_lsnd_limit_sits_on_the_band_edge(a, b, m):
    """Chiang Sec. III: at the recast limit sigma_X reaches an end of the 90% CL band; 0.1% above it
    the band is violated."""
    if max(abs(a), abs(b)) < 0.05:
        return
    from xboson.experiments import lampf_lsnd

    model = model_from_dict({"name": "u", "couplings": {"g_Le": a, "g_Re": b, "g_nu_ee": 1.0, "g_nu_mumu": 0,
                                                       "g_nu_tautau": 0}})
    row = recast(model, [m], constraints=["lampf-lsnd"]).limits[0]
    assert row.status == "limit"
    (band,) = lampf_lsnd.constraint(m).bands
    d = model.direction()
    g = row.coupling_upper
    assert bool(band.contains(g**2 * d * (1 - 1e-9))) and not bool(band.contains(g**2 * d * 1.001**2))


def test_the_summary_table_says_why_a_constraint_does_not_apply():
    """Chiang Sec. V: no CHARM-II bound below 1 GeV -- the page says so next to the name."""
    from xboson.recast_plot import summary_table

    text = summary_table(recast("V_mumu", [0.1], constraints=["charm2", "lampf-lsnd"]), 0.1)
    assert "Not applicable at this mass: lampf-lsnd (" in text           # no nu_e coupling in V_mumu
    assert "charm2 (Chiang Sec. V derives no CHARM-II bound below m_X = 1 GeV)" in text
