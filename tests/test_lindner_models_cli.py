"""Lindner Table 1 models and the ``xboson zprime-limit`` command."""

import json

import pytest

from xboson.cli.main import main
from xboson.data import load_yaml
from xboson.lindner.models import MODEL_NAMES, custom_model, get_model


def test_table1_models():
    meta = load_yaml("lindner_models.yaml")["meta"]
    assert {"source", "table_or_figure", "units", "notes", "confidence"} <= set(meta)
    f = get_model("F")
    assert (f.q_nu, f.q_el, f.q_er) == (-3.0, -3.0, -4.0)
    bl = get_model("B-L")
    assert (bl.q_nu, bl.q_er) == (-1.0, -1.0)
    for name in MODEL_NAMES:
        m = get_model(name)
        d = load_yaml("lindner_models.yaml")["models"][name]
        # anomaly-free relations of Campos et al.: l_L = -3(u+d)/2, e_R = -(2u+d)
        assert m.q_el == pytest.approx(-1.5 * (d["u"] + d["d"]))
        assert m.q_er == pytest.approx(-(2 * d["u"] + d["d"]))
    assert get_model("C").confidence["e_R"] == "low"


def test_custom_and_unknown_models():
    m = custom_model(2, 1, name="mine")
    assert m.charges == {"nu": 2.0, "eL": 2.0, "eR": 1.0}
    assert m.chiang_products(0.1) == {"L": pytest.approx(0.01), "R": pytest.approx(0.005)}
    with pytest.raises(ValueError, match="model"):
        get_model("U(1)_Q")
    with pytest.raises(ValueError, match="q_er"):
        custom_model(1, float("nan"))


def _run(capsys, *argv):
    rc = main(["zprime-limit", *argv])
    cap = capsys.readouterr()
    return rc, cap.out, cap.err


def test_cli_g_x(capsys):
    rc, out, _ = _run(capsys, "--model", "B-L", "--experiment", "combined", "--m-zp", "0.01", "--json")
    d = json.loads(out)
    assert rc == 0 and 1e-6 < d["g_x_upper"] < 1e-3
    assert d["g_x_upper_gq_convention"] == pytest.approx(d["g_x_upper"] / 2)
    rc, out, _ = _run(capsys, "--model", "F", "--experiment", "texono", "--m-zp", "0.01",
                      "--alpha-over-gx", "0.5", "--epsilon", "1e-6", "--json")
    assert rc == 0 and json.loads(out)["g_x_upper"] > 0


def test_cli_custom_charges(capsys):
    rc, out, _ = _run(capsys, "--charges=-1,-1", "--experiment", "texono", "--m-zp", "0.01", "--json")
    rc2, out2, _ = _run(capsys, "--model", "B-L", "--experiment", "texono", "--m-zp", "0.01", "--json")
    assert rc == rc2 == 0
    assert json.loads(out)["g_x_upper"] == pytest.approx(json.loads(out2)["g_x_upper"], rel=1e-12)
    rc, _, err = _run(capsys, "--charges", "1;2", "--m-zp", "0.01")
    assert rc == 2 and "charges" in err


def test_cli_scans(capsys):
    rc, out, _ = _run(capsys, "--scan", "epsilon", "--experiment", "texono", "--m-zp", "0.01", "--json")
    assert rc == 0 and "epsilon_upper" in json.loads(out) and "g_x_upper" not in json.loads(out)
    rc, out, _ = _run(capsys, "--scan", "alpha", "--experiment", "charm2", "--m-zp", "1", "--json")
    assert rc == 0 and json.loads(out)["alpha_upper"] > 0


@pytest.mark.parametrize("argv", [
    ["--model", "X", "--m-zp", "1"],
    ["--m-zp", "1", "--epsilon", "1"],
    ["--m-zp", "-1"],
    ["--m-zp", "nan"],
    ["--m-zp", "1", "--experiment", "lsnd"],
    ["--m-zp", "1", "--scan", "mass"],
])
def test_cli_bad_input_exit_2_one_line(capsys, argv):
    rc, out, err = _run(capsys, *argv, "--json")
    assert rc == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("xboson: error:")


def test_cli_help_documents_keys(capsys):
    with pytest.raises(SystemExit):
        main(["zprime-limit", "--help"])
    out = capsys.readouterr().out
    for key in ("g_x_upper", "epsilon_upper", "alpha_upper"):
        assert key in out
