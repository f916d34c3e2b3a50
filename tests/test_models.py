"""The models layer: registered models map onto Chiang's coupling basis as the papers say, and a
user's model file fails with one clear message naming the field."""

import math

import pytest

from xboson import beam_dump, couplings, models
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
    ({"couplings": {"g_Le": 1}}, "charges/couplings"),
    ({"name": None}, "name"),
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
