"""The models layer: registered models map onto Chiang's coupling basis as the papers say, and a
user's model file fails with one clear message naming the field."""

import math

import pytest

from xboson.experiments import beam_dump
from xboson import couplings, models
from xboson.cli.main import main
from xboson.lindner.models import get_model as lindner_model
from xboson.models import anomalies, load_model_file, model_from_dict
from xboson.models.u1x import Charges


def test_registry_is_explicit_and_every_entry_builds():
    assert {"B-L", "Lmu-Ltau", "dark-photon", "L_ee", "V_ee", "A_mutau", "g_Ve", "g_nu"} <= set(models.names())
    for name in models.names():
        assert models.get(name).name == name


def test_chiang_spellings_are_aliases():
    assert models.get("Lee") == models.get("L_ee")
    assert models.get("gVe") == models.get("g_Ve")
    with pytest.raises(ValueError, match="unknown model 'Xee'"):
        models.get("Xee")


def test_lindner_no_mixing_products():
    """Lindner after Eq. (3.20): L_ee = g_X^2 Q_nu Q_eL / 4, R_ee = g_X^2 Q_nu Q_eR / 4 (g_X Q_X / 2)."""
    for name in ("B-L", "C", "D", "E", "F", "G"):
        d = models.get(name).direction()
        lm = lindner_model(name)
        prod = lm.chiang_products(1.0)
        assert d[couplings.INDEX["L_ee"]] == pytest.approx(prod["L"])
        assert d[couplings.INDEX["R_ee"]] == pytest.approx(prod["R"])
        assert d[couplings.INDEX["L_mumu"]] == pytest.approx(prod["L"])   # family-universal charges


def test_chiang_product_models():
    """V = (L+R)/2 alone means L = R; A = (L-R)/2 alone means L = -R (Chiang Fig. 3)."""
    v = models.get("V_emu").direction()
    assert v[couplings.INDEX["L_emu"]] == v[couplings.INDEX["R_emu"]] == 1.0
    a = models.get("A_ee").direction()
    assert a[couplings.INDEX["L_ee"]] == -a[couplings.INDEX["R_ee"]] == 1.0
    assert models.get("L_ee").sign_free and not models.get("B-L").sign_free


def test_dark_photon_and_lmu_minus_ltau():
    dp = models.get("dark-photon")
    assert dp.g_ve == pytest.approx(-math.sqrt(4 * math.pi / 137.035999074)) and dp.g_ae == 0
    assert not any(dp.g_nu)
    lmt = models.get("Lmu-Ltau")
    assert (lmt.nu("ee"), lmt.nu("mumu"), lmt.nu("tautau")) == (0.0, 1.0, -1.0)
    assert lmt.g_le == lmt.g_re == 0.0


def test_width_to_electrons_is_chiang_footnote_6():
    """Gamma(X -> ee) of a vector coupling: g^2 m (1 + 2 r)(1 - 4 r)^(1/2) / (12 pi)."""
    for m in (0.0015, 0.05, 3.0):
        assert models.get("g_Ve").width_ee(m) == pytest.approx(beam_dump.width_ll(1.0, m, 0.000510998928), rel=1e-12)


def test_anomalies():
    bl = Charges(-1, -1, -1, -1, "gQ/2", mu_R=-1, tau_R=-1, Q=1 / 3, u_R=1 / 3, d_R=1 / 3, nu_r=(-1, -1, -1))
    assert all(abs(v) < 1e-12 for v in anomalies(bl).values())
    no_nu_r = Charges(-1, -1, -1, -1, "gQ/2", mu_R=-1, tau_R=-1, Q=1 / 3, u_R=1 / 3, d_R=1 / 3)
    bad = {k for k, v in anomalies(no_nu_r).items() if abs(v) > 1e-12}
    assert bad == {"X^3", "gravity X"}


# --- user model files ---------------------------------------------------------------------------

GOOD = """\
name: my-BL
coupling: g_BL
charges: {L_e: -1, L_mu: -1, L_tau: -1, e_R: -1, mu_R: -1, tau_R: -1,
          Q: 0.3333333333333333, u_R: 0.3333333333333333, d_R: 0.3333333333333333, nu_R: [-1, -1, -1]}
convention: gQ/2
anomaly_free: true
"""


def test_good_file_equals_registered_model(tmp_path):
    p = tmp_path / "m.yaml"
    p.write_text(GOOD)
    m = load_model_file(p)
    ref = models.get("B-L")
    assert (m.g_nu, m.g_le, m.g_re) == (ref.g_nu, ref.g_le, ref.g_re) and m.coupling == "g_BL"


BASE = {"name": "x", "charges": {"L_e": 1, "L_mu": 1, "L_tau": 1, "e_R": 1}, "convention": "gQ"}


@pytest.mark.parametrize("change, field", [
    ({"colour": 3}, "colour"),
    ({"charges": {"L_e": 1, "L_mu": 1, "e_R": 1}}, "charges.L_tau"),
    ({"charges": {"L_e": 1, "L_mu": 1, "L_tau": "one", "e_R": 1}}, "charges.L_tau"),
    ({"charges": {"L_e": float("nan"), "L_mu": 1, "L_tau": 1, "e_R": 1}}, "charges.L_e"),
    ({"charges": {"L_e": True, "L_mu": 1, "L_tau": 1, "e_R": 1}}, "charges.L_e"),
    ({"charges": {"L_e": 1, "L_mu": 1, "L_tau": 1, "e_R": 1, "s_R": 1}}, "charges.s_R"),
    ({"convention": "g Q / 4"}, "convention"),
    ({"anomaly_free": True}, "charges.mu_R"),
    ({"charges": {"L_e": 1, "L_mu": 1, "L_tau": 1, "e_R": 1, "mu_R": 1, "tau_R": 1, "Q": 0, "u_R": 0, "d_R": 0},
      "anomaly_free": True}, "anomaly_free"),
    ({"epsilon": 1.5}, "epsilon"),
    ({"epsilon": float("nan")}, "epsilon"),
    ({"alpha_over_g": float("nan")}, "alpha_over_g"),
    ({"charges": {"L_e": float("inf"), "L_mu": 1, "L_tau": 1, "e_R": 1}}, "charges.L_e"),
    ({"charges": {"L_e": 2e6, "L_mu": 1, "L_tau": 1, "e_R": 1}}, "charges.L_e"),
    ({"charges": {"L_e": 1, "L_mu": 1, "L_tau": 1, "e_R": 1, "nu_R": 3}}, "charges.nu_R"),
    ({"charges": {"L_e": 1, "L_mu": 1, "L_tau": 1, "e_R": 1, "nu_R": [1, float("nan")]}}, "charges.nu_R[1]"),
    ({"charges": [1, 2]}, "charges"),
    ({"convention": None}, "convention"),
    ({"anomaly_free": "yes"}, "anomaly_free"),
    ({"sign_free": True}, "sign_free"),          # a couplings-file field in a charges file
    ({"couplings": {"g_Le": 1}}, "charges/couplings"),
    ({"name": None}, "name"),
    ({"name": ""}, "name"),
    ({"description": 5}, "description"),
])
def test_bad_model_dicts_name_the_field(change, field):
    d = dict(BASE, **change)
    if "name" in change and change["name"] is None:
        del d["name"]
    with pytest.raises(ValueError) as err:
        model_from_dict(d)
    msg = str(err.value)
    assert msg.startswith(field) and "\n" not in msg


@pytest.mark.parametrize("text, field", [
    ("name: c\ncouplings: {g_Le: 1, g_Re: 1, g_nu_ee: 1, g_nu_mumu: 0}\n", "couplings.g_nu_tautau"),
    ("name: c\ncouplings: {g_Le: .nan, g_Re: 1, g_nu_ee: 1, g_nu_mumu: 0, g_nu_tautau: 0}\n", "couplings.g_Le"),
    ("name: c\ncouplings: {g_Le: 1, g_Re: 1, g_nu_ee: 1, g_nu_mumu: 0, g_nu_tautau: 0, g_nu_ss: 1}\n",
     "couplings.g_nu_ss"),
    ("name: c\nconvention: gQ\ncouplings: {g_Le: 1, g_Re: 1, g_nu_ee: 1, g_nu_mumu: 0, g_nu_tautau: 0}\n",
     "convention"),
    ("- just\n- a list\n", "model file"),
    ("", "model file"),
    ("name: c\ncouplings: {g_Le: 1, g_Re: 1, g_nu_ee: 1, g_nu_mumu: 0, g_nu_tautau: 0}\nepsilon: 0.1\n", "epsilon"),
    ("name: c\ncouplings: {g_Le: 1, g_Re: 1, g_nu_ee: 1, g_nu_mumu: 0, g_nu_tautau: 0}\nsign_free: maybe\n",
     "sign_free"),
    # the four kinds of bad input, through the CLI: unknown field, missing charge, NaN, anomaly check
    ("name: c\nconvention: gQ\ncharges: {L_e: 1, L_mu: 1, L_tau: 1, e_R: 1}\nflavour: up\n", "flavour"),
    ("name: c\nconvention: gQ\ncharges: {L_e: 1, L_mu: 1, e_R: 1}\n", "charges.L_tau"),
    ("name: c\nconvention: gQ\ncharges: {L_e: 1, L_mu: .nan, L_tau: 1, e_R: 1}\n", "charges.L_mu"),
    ("name: c\nconvention: gQ\ncharges: {L_e: 1, L_mu: one, L_tau: 1, e_R: 1}\n", "charges.L_mu"),
    ("name: c\nconvention: gQ\nanomaly_free: true\ncharges: {L_e: 1, L_mu: 1, L_tau: 1, e_R: 1}\n", "charges.mu_R"),
    ("name: c\nconvention: gQ\nanomaly_free: true\n"
     "charges: {L_e: 1, L_mu: 1, L_tau: 1, e_R: 1, mu_R: 1, tau_R: 1, Q: 0, u_R: 0, d_R: 0}\n", "anomaly_free"),
    ("name: c\nconvention: gQ\ncharges: {L_e: 1, L_mu: 1, L_tau: 1, e_R: 1}\n: [\n", "model file"),
])
def test_bad_files_exit_2_with_one_line(tmp_path, capsys, text, field):
    p = tmp_path / "bad.yaml"
    p.write_text(text)
    assert main(["recast", "--model", str(p), "--m-x", "0.1", "--json"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"xboson: error: {field}")


def test_missing_file(capsys):
    assert main(["recast", "--model", "nowhere.yaml", "--m-x", "0.1"]) == 2
    assert "no such file" in capsys.readouterr().err


# --- L_mu - L_tau at one loop ---------------------------------------------------------------------

from hypothesis import given, settings                      # noqa: E402
from hypothesis import strategies as st                     # noqa: E402
from scipy.integrate import quad                            # noqa: E402

from xboson.constants import ALPHA_0, M_E, M_MU, M_TAU      # noqa: E402
from xboson.models import u1x                               # noqa: E402

E = math.sqrt(4 * math.pi * ALPHA_0)


def test_loop_mixing_at_zero_momentum_is_e_over_6_pi2_log_mass_ratio():
    """epsilon(0) = (e g / 6 pi^2) ln(m_tau / m_mu) ~ g / 70 (Kamada & Yu, arXiv:1504.00711)."""
    eps = u1x.kinetic_mixing_mu_tau(0.0)
    assert eps == pytest.approx(E / (6 * math.pi**2) * math.log(M_TAU / M_MU), rel=1e-14)
    assert 1 / eps == pytest.approx(69.3, abs=0.05)
    assert u1x.kinetic_mixing_mu_tau(-1e-12) == pytest.approx(eps, rel=1e-9)   # the integral joins on


@pytest.mark.parametrize("q2", [-1e4, -50.0, -1.0, -0.0245, -1e-3, 1e-3, 0.02, u1x.Q2_LOOP_MAX])
def test_loop_mixing_integral_against_adaptive_quadrature(q2):
    def f(x):
        y = x * (1 - x) * q2
        return x * (1 - x) * math.log((M_TAU**2 - y) / (M_MU**2 - y))
    kinks = [p for p in (M_MU**2 / abs(q2), M_TAU**2 / abs(q2)) if p < 0.5]
    want = E / (2 * math.pi**2) * 2 * quad(f, 0, 0.5, points=kinks or None, limit=500, epsabs=0, epsrel=1e-13)[0]
    assert u1x.kinetic_mixing_mu_tau(q2) == pytest.approx(want, rel=1e-9 if q2 > 0.03 else 1e-11)


def test_loop_mixing_slope_at_zero():
    """d epsilon / d q^2 at 0 = (e / 2 pi^2)(1/30)(1/m_mu^2 - 1/m_tau^2) (expand the logs; int x^2 (1-x)^2 = 1/30)."""
    h = 1e-6
    slope = (u1x.kinetic_mixing_mu_tau(h) - u1x.kinetic_mixing_mu_tau(-h)) / (2 * h)
    assert slope == pytest.approx(E / (2 * math.pi**2) / 30 * (1 / M_MU**2 - 1 / M_TAU**2), rel=1e-6)


@settings(max_examples=60, deadline=None)
@given(st.floats(-1e4, u1x.Q2_LOOP_MAX), st.floats(-1e4, u1x.Q2_LOOP_MAX))
def test_loop_mixing_grows_with_q2(a, b):
    """Spacelike momentum transfer screens the mixing, timelike (towards the mu+ mu- threshold) enhances it."""
    lo, hi = sorted((a, b))
    assert u1x.kinetic_mixing_mu_tau(lo) <= u1x.kinetic_mixing_mu_tau(hi) * (1 + 1e-12)


@pytest.mark.parametrize("bad", [4 * M_MU**2, 1.0, -2e4, float("nan")])
def test_loop_mixing_domain(bad):
    with pytest.raises(ValueError, match="q2"):
        u1x.kinetic_mixing_mu_tau(bad)


def test_loop_validity_range_and_charm2():
    """Within 10% of epsilon(0) on (lo, hi); CHARM-II's largest |q^2| = 2 m_e 24 GeV lies inside."""
    lo, hi = u1x.loop_q2_range()
    e0 = u1x.kinetic_mixing_mu_tau(0.0)
    assert u1x.kinetic_mixing_mu_tau(lo) / e0 == pytest.approx(0.9, rel=1e-9)
    assert u1x.kinetic_mixing_mu_tau(hi) / e0 == pytest.approx(1.1, rel=1e-9)
    assert lo < -2 * M_E * 24.0 < 0 < hi < u1x.Q2_LOOP_MAX
    with pytest.raises(ValueError, match="tolerance"):
        u1x.loop_q2_range(0.0)


def test_lmu_minus_ltau_loop_model():
    """Tree-level neutrino couplings unchanged; g_Le = g_Re = -e epsilon(0) per unit g, the dark-photon
    sign convention (X couples to epsilon times the electromagnetic current, Q_e = -1)."""
    tree, loop = models.get("Lmu-Ltau"), models.get("Lmu-Ltau-loop")
    assert loop.g_nu == tree.g_nu and loop.coupling == tree.coupling
    assert loop.g_le == loop.g_re == -E * u1x.kinetic_mixing_mu_tau(0.0)
    assert loop.g_ve == pytest.approx(-0.00437, abs=5e-6) and loop.g_ae == 0.0
    assert not loop.has_mixing and not loop.sign_free
    assert loop.q2_range == u1x.loop_q2_range() and tree.q2_range is None
    # couplings = g x fixed direction: the products L_mumu = g_nu_mumu g_Le scale as g^2
    d = loop.direction()
    assert d[couplings.index("L", "mumu")] == -d[couplings.index("L", "tautau")] == loop.g_le
    # below 2 m_mu: Gamma_nunu / Gamma_ee = (2 / 24 pi) / (g_Ve^2 / 12 pi) = 1 / g_Ve^2
    assert loop.width_invisible(0.1) / loop.width_ee(0.1) == pytest.approx(1 / loop.g_ve**2, rel=1e-4)


@pytest.mark.parametrize("q2_range", [(0.1, 1.0), (-1.0, -0.1), (float("nan"), 1.0), (-math.inf, 1.0), (0.0,)])
def test_model_q2_range_domain(q2_range):
    with pytest.raises(ValueError, match="q2_range"):
        models.Model("m", "g", (0.0,) * 6, 1.0, 1.0, q2_range=q2_range)
