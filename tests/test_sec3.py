"""Chiang Sec. III: nu_e e -> nu e at LAMPF and LSND (Fig. 1)."""

import json

import pytest

from xboson import constraints
from xboson.averaging import flux_averaged_energy
from xboson.experiments import lampf_lsnd
from xboson.measurements import measurement
from xboson.spectra import E_NU_MAX_MU_DECAY, MU_DECAY_NUE
from xboson.statistics import weighted_average
from xboson.units import MeV

FIG1 = (0.001, 0.002, 0.005, 0.01, 0.05)


def test_mu_decay_endpoint_and_mean_energy():
    assert E_NU_MAX_MU_DECAY / MeV == pytest.approx(52.83, abs=0.01)
    assert flux_averaged_energy(MU_DECAY_NUE) / MeV == pytest.approx(0.6 * 52.83, abs=0.01)   # 31.7 MeV


def test_quoted_sm_is_lsnd_slope_times_mean_energy():
    d = lampf_lsnd.inputs()
    assert d["sm_slope_quoted"] * flux_averaged_energy(MU_DECAY_NUE) / MeV / 100 == pytest.approx(2.95, abs=0.005)


def test_our_tree_level_sm_integral_is_2975():
    assert lampf_lsnd.sigma_bar(1000.0).const / 1e-43 == pytest.approx(2.975, abs=0.001)


def test_pdg_average_of_lampf_and_lsnd():
    """The average Chiang quotes (record lampf_lsnd.xsec) is the PDG average of the two records."""
    lampf, lsnd = measurement("lampf_e225.xsec"), measurement("lsnd.xsec")
    mean, err, scale = weighted_average([lampf.value, lsnd.value], [lampf.sigma("chiang"), lsnd.sigma("chiang")])
    quoted = measurement(lampf_lsnd.AVERAGE)
    assert mean == pytest.approx(quoted.value, abs=0.005)
    assert err == pytest.approx(0.364, abs=0.001)      # printed as 0.37: see the ledger
    assert quoted.sigma("chiang") == 0.37
    assert scale == 1.0


def test_band_subtracts_the_quoted_sm_by_default():
    c = lampf_lsnd.constraint(0.01)
    (band,) = c.bands
    assert band.form.const == pytest.approx(2.95e-43)
    assert band.lo == pytest.approx((3.19 - 1.64 * 0.37) * 1e-43)
    assert band.hi == pytest.approx((3.19 + 1.64 * 0.37) * 1e-43)
    own = lampf_lsnd.constraint(0.01, subtract="computed").bands[0]
    assert own.form.const == pytest.approx(2.975e-43, rel=1e-3)
    with pytest.raises(ValueError, match="subtract"):
        lampf_lsnd.constraint(0.01, subtract="both")


def test_the_sm_point_is_allowed_and_rings_are_centred_on_the_sign_flipped_solution():
    """rho = 0 lies in every ring; the heavy-X ring is centred at rho^L = -(1 + gbar_L), rho^R = -gbar_R."""
    heavy = constraints.get("lampf-lsnd", 1000.0).region("ee")
    assert heavy.contains(0.0, 0.0)
    e = heavy.extremes()
    assert 0.5 * (e["x_min"] + e["x_max"]) == pytest.approx(-0.73, abs=0.005)
    assert 0.5 * (e["y_min"] + e["y_max"]) == pytest.approx(-0.23, abs=0.005)


def test_rings_shrink_as_mx_grows_and_freeze_above_40_MeV():
    sizes = []
    for m in FIG1:
        e = constraints.get("lampf-lsnd", m).region("ee").extremes()
        sizes.append(e["x_max"] - e["x_min"])
    assert all(a > b for a, b in zip(sizes, sizes[1:]))
    e40 = constraints.get("lampf-lsnd", 0.04).region("ee").extremes()
    einf = constraints.get("lampf-lsnd", 1000.0).region("ee").extremes()
    assert max(abs(e40[k] - einf[k]) for k in e40) < 0.02


def test_region_needs_the_electron_neutrino():
    with pytest.raises(ValueError, match="does not involve pair 'mumu'"):
        constraints.get("lampf-lsnd", 0.01).region("mumu")


def test_flavour_changing_pairs_enter_through_nu_e_to_nu_mu():
    """L_emu enters nu_e e -> nu_mu e (Chiang Eq. A5): no interference, so the region is a disk."""
    e = constraints.get("lampf-lsnd", 1000.0).region("emu").extremes()
    assert e["x_min"] == pytest.approx(-e["x_max"]) and e["x_max"] > 0


def test_cli_region_lampf_lsnd(cli):
    out = cli("region", "lampf-lsnd", "--pair", "ee", "--m-x", "0.005", "--json")
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    assert {"rhoL_min", "rhoL_max", "rhoR_min", "rhoR_max"} <= set(got)
    assert got["unbounded"] is False
    e = constraints.get("lampf-lsnd", 0.005).region("ee").extremes()
    assert got["rhoL_min"] == pytest.approx(e["x_min"]) and got["rhoR_max"] == pytest.approx(e["y_max"])


@pytest.mark.parametrize("args,needle", [
    (["region", "lampf-lsnd", "--pair", "ee", "--m-x", "0", "--json"], "m_x"),
    (["region", "lampf-lsnd", "--pair", "ee", "--m-x", "-1", "--json"], "m_x"),
    (["region", "lampf-lsnd", "--pair", "ee", "--m-x", "nan", "--json"], "m_x"),
    (["region", "no-such-experiment", "--pair", "ee", "--m-x", "0.01", "--json"], "constraint"),
    (["region", "lampf-lsnd", "--pair", "xx", "--m-x", "0.01", "--json"], "pair"),
    (["region", "lampf-lsnd", "--pair", "ee", "--json"], "--m-x"),
])
def test_cli_bad_input_is_one_line_and_exit_2(cli, args, needle):
    out = cli(*args)
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0]
