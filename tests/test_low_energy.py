"""Chiang Secs. III-V combined: the 'low-energy' constraint, Fig. 3 (solid/dashed) limits,
the CLI, and the figure helpers."""

import json
import math

import numpy as np
import pytest

from xboson import constraints, couplings, limits
from xboson.experiments import low_energy as le


@pytest.mark.parametrize("pair,m_x,expected", [
    ("ee", 0.005, ["lampf-lsnd", "reactors"]),
    ("ee", 5.0, ["lampf-lsnd", "reactors"]),
    ("emu", 0.005, ["lampf-lsnd", "reactors"]),
    ("emu", 5.0, ["lampf-lsnd", "reactors", "charm2"]),
    ("etau", 5.0, ["lampf-lsnd", "reactors"]),
    ("mumu", 5.0, ["charm2"]),
    ("mumu", 0.5, []),
])
def test_applicable_measurements(pair, m_x, expected):
    assert le.applicable(pair, m_x) == expected


def test_low_energy_ee_is_fig2b():
    a = constraints.get("low-energy", 0.01).region("ee").extremes()
    b = (constraints.get("lampf-lsnd", 0.01) & constraints.get("reactors", 0.01)).region("ee").extremes()
    assert a == pytest.approx(b)


@pytest.mark.parametrize("m_gev,paper", [(1.0, 0.007), (5.0, 0.04), (100.0, 0.7)])
def test_heavy_limits_quoted_in_sec4(m_gev, paper):
    """'If instead m_X = 1, 5, 100 GeV, the largest limits would be ~0.007, 0.04, 0.7.'"""
    largest = max(le.limit(n, m_gev).upper for n in ("Lee", "Ree"))
    assert largest == pytest.approx(paper, rel=0.2)


def test_limit_is_the_exact_edge_of_the_region():
    """The Lee limit is where the line R_ee = 0 leaves the allowed region."""
    m = 0.005
    lo, hi = le.coupling_range("Lee", m)
    s = couplings.rho_scale(m)
    region = le.constraint(m).region("ee")
    for edge in (lo, hi):
        assert region.contains(edge / s * (1 - 1e-6), 0.0)
        assert not region.contains(edge / s * (1 + 1e-6), 0.0)
    assert le.limit("Lee", m).upper == pytest.approx(math.sqrt(max(-lo, hi)))


def test_vector_and_axial_directions():
    """V = (L+R)/2 alone means L = R = V; A = (L-R)/2 alone means L = -R = A."""
    m = 0.02
    v = le.coupling_range("Vee", m)
    s = couplings.rho_scale(m)
    region = le.constraint(m).region("ee")
    assert region.contains(v[1] / s * (1 - 1e-6), v[1] / s * (1 - 1e-6))
    assert not region.contains(v[1] / s * (1 + 1e-6), v[1] / s * (1 + 1e-6))
    a = le.coupling_range("Aee", m)
    assert region.contains(a[0] / s * (1 - 1e-6), -a[0] / s * (1 - 1e-6))
    assert couplings.direction("Aee") == couplings.direction("A_ee") == {"L_ee": 1.0, "R_ee": -1.0}


@pytest.mark.parametrize("short,long,expected", [
    ("Lee", "L_ee", {"L_ee": 1.0}), ("Rmumu", "R_mumu", {"R_mumu": 1.0}),
    ("Vemu", "V_emu", {"L_emu": 1.0, "R_emu": 1.0}), ("Aetau", "A_etau", {"L_etau": 1.0, "R_etau": -1.0}),
])
def test_one_coupling_name_grammar(short, long, expected):
    """Chiang's combinations are named 'Lee' or 'L_ee' alike, in every module that takes them."""
    assert couplings.direction(short) == couplings.direction(long) == expected
    assert le.limit(short, 2.0) == le.limit(long, 2.0)


@pytest.mark.parametrize("bad", ["gLe", "Xee", "L_xx", "Lee ", "Lee\n", "L__ee", "ee", ""])
def test_coupling_name_grammar_rejects(bad):
    with pytest.raises(ValueError, match="unknown coupling"):
        couplings.direction(bad)


def test_signed_limits_from_the_product_range():
    """Fig. 3 solid/dashed: |C|^(1/2) from the largest +C and -C; the upper limit is the larger."""
    lim = le.limit("Lee", 0.01)
    lo, hi = lim.product_range
    assert lim.upper_for_sign(+1) == math.sqrt(hi) and lim.upper_for_sign(-1) == math.sqrt(-lo)
    assert lim.upper == max(lim.upper_for_sign(+1), lim.upper_for_sign(-1))
    with pytest.raises(ValueError, match="sign"):
        lim.upper_for_sign(0)
    with pytest.raises(ValueError, match="sign"):
        limits.limit("gVe", "g-2", 0.01).upper_for_sign(+1)


def test_limit_curves_nan_where_unbounded_and_domain():
    curves = limits.limit_curves("g-2", ("gnu", "gVe"), [0.01, 1.0])
    assert np.all(np.isnan(curves["gnu"])) and np.all(curves["gVe"] > 0)
    assert limits.limit_curves("g-2", "gVe", 0.01)["gVe"].shape == (1,)
    with pytest.raises(ValueError, match="masses"):
        limits.limit_curves("g-2", ("gVe",), [0.01, 0.0])


def test_fig3_limits_grow_with_mass_and_span_the_quoted_range():
    """Fig. 3: limits weaken as m_X grows; 'from 4e-6 to 4e-4' over 1-50 MeV."""
    ms = np.logspace(math.log10(0.02), 2, 12)
    for sign in (+1, -1):
        for curve in limits.limit_curves("low-energy", ("Lee", "Ree", "Vee", "Aee"), ms, sign=sign).values():
            assert np.all(np.diff(curve) > 0)
    lee = limits.limit_curves("low-energy", ["Lee"], [0.001, 0.05])["Lee"]
    assert lee[0] == pytest.approx(4e-6, rel=0.2) and lee[1] == pytest.approx(4e-4, rel=0.2)


def test_limits_registry_and_bad_coupling():
    assert "low-energy" in limits.sources()
    assert limits.limit("Ree", "low-energy", 0.005).upper > 0
    with pytest.raises(ValueError, match="coupling"):
        le.limit("Xee", 0.005)
    with pytest.raises(ValueError, match="m_x"):
        le.limit("Lee", 0.0)
    with pytest.raises(ValueError, match="Lmumu"):
        le.coupling_range("Lmumu", 0.01)


@pytest.mark.parametrize("pair,m_x", [("ee", "0.005"), ("mumu", "2"), ("emu", "0.002"),
                                      ("emu", "5"), ("etau", "0.05")])
def test_cli_region_low_energy(cli, pair, m_x):
    r = cli("region", "low-energy", "--pair", pair, "--m-x", m_x, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["rhoL_min"] < 0 < out["rhoL_max"] and out["rhoR_min"] < 0 < out["rhoR_max"]


@pytest.mark.parametrize("coupling", ["Lee", "Ree", "Vee", "Aee"])
def test_cli_limit_low_energy(cli, coupling):
    r = cli("limit", coupling, "--constraint", "low-energy", "--m-x", "1", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["upper"] == pytest.approx(le.limit(coupling, 1.0).upper, rel=1e-9)


@pytest.mark.parametrize("args", [
    ("limit", "Qee", "--constraint", "low-energy", "--m-x", "1", "--json"),
    ("limit", "Lee", "--constraint", "low-energy", "--m-x", "-1", "--json"),
    ("region", "low-energy", "--pair", "mumu", "--m-x", "0.01", "--json"),
    ("region", "low-energy", "--pair", "qq", "--m-x", "0.01", "--json"),
])
def test_cli_bad_input_exit_2(cli, args):
    r = cli(*args)
    assert r.returncode == 2
    assert r.stdout == "" and r.stderr.count("\n") == 1 and r.stderr.startswith("xboson: error:")


@pytest.mark.slow
@pytest.mark.parametrize("name", ["chiang_sec4_reactors", "chiang_sec5_charm2", "chiang_sec8_flavour_changing"])
def test_notebook_executed_in_the_book_build(built_book, name):
    """Each Sec. IV/V/VIII notebook, as the book build executed it, has no error output and shows
    its figures (the build is shared by the slow tests, so each notebook runs once)."""
    import nbformat

    _, stage, _ = built_book
    nb = nbformat.read(stage / "notebooks" / f"{name}.ipynb", as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("data:image/svg+xml" in o.get("data", {}).get("text/html", "") for o in outputs)
