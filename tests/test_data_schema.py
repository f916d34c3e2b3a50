"""Every file in data/ matches its schema, and a corrupted file is refused on load with a message
that names the file, the key and what was expected (never a traceback, never silently used)."""

from __future__ import annotations

import copy

import pytest
import yaml

from xboson import data, schemas
from xboson.errors import DataFileError, InputError


def _load_raw(name):
    with (data.DATA_DIR / name).open() as fh:
        return yaml.safe_load(fh)


@pytest.mark.parametrize("name", sorted(p.name for p in data.DATA_DIR.glob("*.yaml")))
def test_every_data_file_matches_its_schema(name):
    schemas.validate(name, _load_raw(name))


def test_every_physics_input_file_has_a_specific_schema():
    generic = {p.name for p in data.DATA_DIR.glob("*.yaml")} - set(schemas.SCHEMAS)
    assert generic <= {"chiang_sec4_5_8_claims.yaml", "chiang_sec6_claims.yaml"}, generic


def _set(d, path, value):
    *head, last = path
    for k in head:
        d = d[k]
    if value is _DELETE:
        del d[last]
    else:
        d[last] = value


_DELETE = object()

CORRUPTIONS = [
    # the three the robustness issue found accepted silently
    ("lep_table2.yaml", ("rows", 3, 4), -0.8, "rows[3].stat"),
    ("measurements.yaml", ("measurements", 5, "error", "stat"), -0.21, "measurements[5].error.stat"),
    ("measurements.yaml", ("measurements", 5, "error", "total"), 0.0, "measurements[5].error.total"),
    # tracebacks before (KeyError, TypeError, unpacking)
    ("lep_table2.yaml", ("rows", 0), [1, 2, 3], "rows[0]"),
    ("lep_table2.yaml", ("rows", 2, 8), "no_such_cuts", "rows[2].cuts"),
    ("lep_table2.yaml", ("cut_sets", "aleph_e10", "boxes", 0, "y_abs_max"), 1.5, "y_abs_max"),
    ("measurements.yaml", ("measurements", 14, "value"), _DELETE, "measurements[14].value"),
    ("measurements.yaml", ("measurements", 14, "error", "total"), "0.026", "measurements[14].error.total"),
    ("measurements.yaml", ("measurements", 14, "recoil_window", "lo"), 30.0, "measurements[14].recoil_window.hi"),
    ("measurements.yaml", ("cl_conventions", "chiang_90cl", "n_sigma"), float("nan"), "chiang_90cl.n_sigma"),
    ("measurements.yaml", ("measurements", 0, "colour"), "red", "measurements[0].colour"),
    ("g_minus_2.yaml", ("range_90cl",), [0.3e-12], "range_90cl"),
    ("zpole.yaml", ("range_90cl", "gamma_ee"), [0.08411, 0.08371], "range_90cl.gamma_ee"),
    ("zpole.yaml", ("range_90cl", "a_e"), None, "range_90cl.a_e"),
    ("measurements.yaml", ("measurements", 12, "error", "total"), -0.37, "measurements[12].error.total"),
    ("lampf_lsnd.yaml", ("sm_sigma_bar_quoted",), _DELETE, "sm_sigma_bar_quoted"),
    ("lampf_lsnd.yaml", ("sm_sigma_bar_quoted",), float("inf"), "sm_sigma_bar_quoted"),
    ("reactor_spectra.yaml", ("isotopes", "U235", "coefficients"), [3.2, -3.1], "isotopes.U235.coefficients"),
    ("reactor_spectra.yaml", ("isotopes", "Pu241", "fission_fraction"), -0.06, "isotopes.Pu241.fission_fraction"),
    ("measurements.yaml", ("measurements", 0, "kind"), "ratio", "measurements[0].kind"),
    ("measurements.yaml", ("measurements", 2, "recoil_window", "hi"), 1.0, "measurements[2].recoil_window.hi"),
    ("lindner_models.yaml", ("models", "B-L", "e_R"), "minus one", "models.B-L.e_R"),
    ("lindner_experiments.yaml", ("gemma", "bin_width_kev"), 0.0, "gemma.bin_width_kev"),
    ("lindner_experiments.yaml", ("gemma", "recoil_window_kev"), [3.0, 25.0], "gemma.recoil_window_kev"),
    ("constants.yaml", ("pdg_2012", "M_Z"), -91.1876, "pdg_2012.M_Z"),
    ("fixed_target.yaml", ("experiments", "A1", "m_max"), 0.1, "experiments.A1.m_max"),
    ("beam_dumps.yaml", ("experiments", "E137", "n_up"), 0, "experiments.E137.n_up"),
    ("chiang_sec6_claims.yaml", ("meta",), _DELETE, "meta"),
]


@pytest.mark.parametrize("name, path, value, key", CORRUPTIONS)
def test_corrupted_file_is_refused_naming_file_and_key(name, path, value, key):
    d = copy.deepcopy(_load_raw(name))
    _set(d, path, value)
    with pytest.raises(DataFileError) as exc:
        schemas.validate(name, d)
    msg = str(exc.value)
    assert name in msg and key in msg and "expected" in msg
    assert isinstance(exc.value, InputError) and "\n" not in msg


def test_load_yaml_refuses_a_broken_file(tmp_path, monkeypatch):
    """Through the loader: unparsable YAML and a schema violation, each one line naming the file."""
    for p in data.DATA_DIR.glob("*.yaml"):
        (tmp_path / p.name).write_text(p.read_text())
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    data.load_yaml.cache_clear()
    try:
        (tmp_path / "zpole.yaml").write_text("meta: {source: x}\nrange_90cl: [unclosed\n")
        with pytest.raises(DataFileError, match="zpole.yaml"):
            data.load_yaml("zpole.yaml")
        text = (tmp_path / "lep_table2.yaml").read_text().replace("[ALEPH, ALEPH-30, 130.0, 9.6, 2.0,",
                                                                 "[ALEPH, ALEPH-30, 130.0, 9.6, -2.0,", 1)
        (tmp_path / "lep_table2.yaml").write_text(text)
        with pytest.raises(DataFileError, match=r"lep_table2.yaml.*rows\[0\]\.stat"):
            data.load_yaml("lep_table2.yaml")
    finally:
        data.load_yaml.cache_clear()
