"""The live explorers draw the package's own physics: at a precomputed state the browser's
per-pixel region equals the package's AllowedRegion, and the readout equals the package's exact
extremes; bad input is refused with a ValueError naming the parameter."""

import json
import math
import shutil
import subprocess
from pathlib import Path

import nbformat
import numpy as np
import pytest
import yaml

from xboson import constraints, couplings, explore
from xboson.experiments import lep, low_energy
from xboson.explore.bands import pixel_centres, plane_bands, region_mask
from xboson.explore.chiang import log_grid
from xboson.explore.widget import NB, Explorer, Param
from xboson.units import GeV, MeV, keV

JS = Path(explore.__file__).with_name("explorer.js")


def _explorer(box) -> Explorer:
    return box.children[-1]


def _state_index(ex: Explorer, **values) -> int:
    idx = 0
    for p in ex.params:
        v = values[p.name]
        k = p.options.index(v) if p.options else int(np.argmin(np.abs(np.log10(p.values) - math.log10(v))))
        idx = idx * p.size + k
    return idx


def _layer(row, layer, n_bands):
    off = layer * (1 + n_bands * NB)
    n = int(row[off])
    return row[off + 1: off + 1 + n * NB].reshape(n, NB).astype(float)


def _state(ex: Explorer, **values):
    rows, row_of, vals = ex.state_arrays()
    s = _state_index(ex, **values)
    named = dict(zip(ex.spec["value_names"], vals[s]))
    return rows[row_of[s]], named


def _agreement(bands, region, window, n=300):
    mine = region_mask(bands, window, n, n)
    xx, yy = pixel_centres(window, n, n)
    return np.mean(mine == region.contains(xx, yy))


@pytest.fixture(scope="module")
def lep_small():
    """The LEP explorer on a small grid around the Fig. 5 (5 GeV, 25 keV) panel."""
    params = (Param("m_x", "m_X", log_grid(0.6, 0.8, 0.1), unit="GeV"),
              Param("gamma_x", "Γ_X", log_grid(1.0, 1.8, 0.4), unit="keV"),
              Param("option", "pair", options=("ee", "mumu", "emu")))
    return _explorer(explore.chiang_sec6(params=params))


def test_lep_region_drawn_from_bands_equals_allowed_region(lep_small):
    """Fig. 5 panel at the grid state (5.01 GeV, 25.1 keV): pixel masks agree on >= 99.5%."""
    for pair in ("ee", "mumu", "emu"):
        row, named = _state(lep_small, m_x=10**0.7, gamma_x=10**1.4, option=pair)
        bands = _layer(row, 0, lep_small.spec["n_bands"])
        assert len(bands) == 40                     # 39 Table II rows + Eq. (17)
        region = lep.constraint(10**0.7 * GeV, 10**1.4 * keV).region(pair)
        window = [named[k] for k in ("x0", "x1", "y0", "y1")]
        assert _agreement(bands, region, window) >= 0.995
        assert named["scale"] == pytest.approx(couplings.rho_scale(10**0.7))


@pytest.mark.parametrize("m_mev", [1.0, 5.0, 50.0])
def test_low_energy_regions_drawn_from_bands_equal_allowed_regions(m_mev):
    """Secs. III, IV, VIII: every layer of the explorer at a grid mass equals the constraint's region."""
    m = 10 ** round(round(math.log10(m_mev) / 0.05) * 0.05, 6)      # the grid state nearest m_mev
    cases = [
        (explore.chiang_sec3(), {"m_x": m}, 1, constraints.get("lampf-lsnd", m * MeV).region("ee")),
        (explore.chiang_sec4(), {"m_x": m}, 2,
         (constraints.get("reactors", m * MeV) & constraints.get("lampf-lsnd", m * MeV)).region("ee")),
        (explore.chiang_sec8(), {"m_x": m, "option": "emu"}, 2, low_energy.constraint(m * MeV).region("emu")),
    ]
    for box, at, layer, region in cases:
        ex = _explorer(box)
        row, named = _state(ex, **at)
        bands = _layer(row, layer, ex.spec["n_bands"])
        window = [named[k] for k in ("x0", "x1", "y0", "y1")]
        assert _agreement(bands, region, window) >= 0.995, ex.spec["title"]


def test_plane_bands_are_the_regions_bands_rescaled():
    con = lep.constraint(5.0, 25e-6)
    for pair in ("ee", "emu", "tautau"):
        mine = plane_bands(con, pair)
        ref = con.region(pair).bands
        assert len(mine) == len(ref)
        for b, r in zip(mine, ref):
            f = r.form
            full = np.array([f.const, *f.linear, f.quad[0, 0], 2 * f.quad[0, 1], f.quad[1, 1], r.lo, r.hi])
            k = np.flatnonzero(np.isfinite(full) & (full != 0))[0]
            scale = full[k] / b[k]
            assert scale > 0
            np.testing.assert_allclose(b * scale, full, rtol=1e-12, atol=0)


def test_sec5_has_no_data_below_one_gev_and_the_limits_above():
    ex = _explorer(explore.chiang_sec5())
    rows, row_of, vals = ex.state_arrays()
    masses = ex.params[0].values
    assert all(row_of[k] == -1 for k, m in enumerate(masses) if m < 1.0)
    k = masses.index(10.0)
    named = dict(zip(ex.spec["value_names"], vals[k]))
    assert named["lmumu"] == low_energy.limit("Lmumu", 10.0).upper
    assert "no data" not in ex.spec["readout"][0] and ex.spec["missing_note"]


def _move_to(ex, **values):
    """Set the traits as a slider would (each change is observed by the kernel side)."""
    ex.m_x = values["m_x"] * 1.01
    for k, v in values.items():
        setattr(ex, k, v)


def test_kernel_recomputes_exactly_at_the_slider_value(lep_small):
    _move_to(lep_small, m_x=5.0, gamma_x=25.0, option=0)
    live = lep_small.live
    assert live["params"] == {"m_x": 5.0, "gamma_x": 25.0, "option": 0}
    row = np.frombuffer(live["row"], dtype=np.float32)
    bands = _layer(row, 0, lep_small.spec["n_bands"])
    np.testing.assert_allclose(bands, plane_bands(lep.constraint(5.0, 25e-6), "ee").astype(np.float32), rtol=0)


# --------------------------------------------------------------------------- the browser's readout
def _run_explorer_js(statement: str, data: str, what: str) -> str:
    """Run ``statement`` under node with the explorer's ES module as ``m`` and the JSON ``data``
    (read from stdin) as ``a``; returns what it prints."""
    node = shutil.which("node")
    if node is None:
        pytest.skip(f"node is not installed: the browser's {what} is checked by tests/test_browser.py only")
    code = ("const fs = await import('fs');"
            f"const src = fs.readFileSync({json.dumps(str(JS))}, 'utf8');"
            "const m = await import('data:text/javascript;base64,' + Buffer.from(src).toString('base64'));"
            "const a = JSON.parse(fs.readFileSync(0, 'utf8'));" + statement)
    out = subprocess.run([node, "--input-type=module", "-e", code], input=data, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


def _js_extremes(bands, window):
    data = json.dumps({"bands": [[float(v) if np.isfinite(v) else (1e308 * 10 if v > 0 else -1e308 * 10)
                                  for v in b] for b in bands], "window": list(window)})
    out = _run_explorer_js("const w = a.window;"
                           "console.log(JSON.stringify([m.extent(a.bands, w[0], w[1], false, null),"
                           " m.extent(a.bands, w[2], w[3], true, null)]));",
                           data.replace("Infinity", "1e999"), "readout")
    return json.loads(out)


def _js_mask(bands, window, n=300):
    import base64

    data = json.dumps({"bands": np.asarray(bands, float).tolist(), "window": list(window)}).replace("Infinity", "1e999")
    out = _run_explorer_js("process.stdout.write(Buffer.from(m.regionMask(a.bands, a.window, "
                           f"{n}, {n})).toString('base64'));", data, "drawing")
    return np.frombuffer(base64.b64decode(out), dtype=np.uint8).reshape(n, n).astype(bool)


def test_browser_mask_is_the_per_pixel_band_test(lep_small):
    """The canvas (solved row by row in JavaScript) equals the per-pixel formula on the same bands."""
    row, named = _state(lep_small, m_x=10**0.7, gamma_x=10**1.4, option="ee")
    bands = _layer(row, 0, lep_small.spec["n_bands"])
    window = [named[k] for k in ("x0", "x1", "y0", "y1")]
    js, py = _js_mask(bands, window), region_mask(bands, window)
    assert py.sum() > 10_000 and np.mean(js == py) >= 0.999


def test_lep_readout_matches_the_exact_extremes_to_three_digits(lep_small):
    """Chiang Fig. 5, (5 GeV, 25 keV), ee: |L_ee|^1/2_max = 0.0130 and |R_ee|^1/2_max = 0.0128."""
    _move_to(lep_small, m_x=5.0, gamma_x=25.0, option=0)
    row = np.frombuffer(lep_small.live["row"], dtype=np.float32)
    bands = _layer(row, 0, lep_small.spec["n_bands"])
    named = dict(zip(lep_small.spec["value_names"], np.frombuffer(lep_small.live["values"])))
    (xmin, xmax), (ymin, ymax) = _js_extremes(bands, [named[k] for k in ("x0", "x1", "y0", "y1")])
    exact = lep.constraint(5.0, 25e-6).region("ee").extremes()
    for got, ref in zip((xmin, xmax, ymin, ymax), (exact["x_min"], exact["x_max"], exact["y_min"], exact["y_max"])):
        assert f"{got:.3g}" == f"{ref:.3g}"
    s = named["scale"]
    lmax, rmax = math.sqrt(max(-xmin, xmax) * s), math.sqrt(max(-ymin, ymax) * s)
    assert (f"{lmax:.3g}", f"{rmax:.3g}") == ("0.013", "0.0128")


def test_ring_readout_matches_the_exact_extremes():
    """Sec. III ring at the 5.01 MeV state (a band between two ellipses)."""
    ex = _explorer(explore.chiang_sec3())
    m = 10 ** 0.7
    row, named = _state(ex, m_x=m)
    bands = _layer(row, 1, ex.spec["n_bands"])
    (xmin, xmax), (ymin, ymax) = _js_extremes(bands, [named[k] for k in ("x0", "x1", "y0", "y1")])
    exact = constraints.get("lampf-lsnd", m * MeV).region("ee").extremes()
    np.testing.assert_allclose([xmin, xmax, ymin, ymax],
                               [exact["x_min"], exact["x_max"], exact["y_min"], exact["y_max"]], rtol=1e-4)


# --------------------------------------------------------------------------- bad input
def _param_error(match, **kw):
    with pytest.raises(ValueError, match=match):
        Param(**kw)


def test_bad_grids_are_refused_naming_the_parameter():
    _param_error("m_x grid must be a non-empty", name="m_x", label="m_X", values=())
    _param_error("m_x grid must be sorted", name="m_x", label="m_X", values=(1.0, 0.5))
    _param_error("m_x grid must be positive", name="m_x", label="m_X", values=(-1.0, 0.5))
    _param_error("gamma_x grid must be finite", name="gamma_x", label="Γ", values=(1.0, math.nan))
    _param_error("unknown explorer parameter", name="mass", label="m", values=(1.0,))


def test_nan_band_coefficients_are_refused():
    bad = np.zeros((1, NB))
    bad[0, 2] = math.nan
    from xboson.explore.builders import Layer, region_explorer

    with pytest.raises(ValueError, match="NaN"):
        region_explorer(title="t", params=[Param("m_x", "m_X", (1.0, 2.0))], layers=[Layer("x", "#000000", lambda s: bad)],
                        window=lambda s: (-1, 1, -1, 1), xlabel="x", ylabel="y", readout=[], readout_layer=0)


def test_unknown_constraint_pair_model_are_refused():
    with pytest.raises(ValueError, match="constraint"):
        explore.constraint_region("no-such-experiment", "ee", [0.01, 0.1])
    with pytest.raises(ValueError, match="pair"):
        explore.constraint_region("lampf-lsnd", "xx", [0.01, 0.1])
    with pytest.raises(ValueError, match="pair"):
        explore.constraint_region("lampf-lsnd", "mumu", [0.01, 0.1])
    with pytest.raises(ValueError, match="masses|m_x grid"):
        explore.constraint_region("lampf-lsnd", "ee", [0.1, 0.01])
    with pytest.raises(ValueError, match="pair"):
        explore.chiang_sec6(pair="etau")
    with pytest.raises(ValueError, match="pair"):
        explore.chiang_sec8(pair="mumu")
    with pytest.raises(ValueError, match="model"):
        explore.lindner_sec5(model="Z")
    with pytest.raises(ValueError, match="m_x_mev"):
        explore.chiang_sec3(m_x_mev=0.0)


def test_constraint_region_explorer_draws_any_constraint():
    ex = _explorer(explore.constraint_region("lampf-lsnd", "ee", log_grid(-3, -2, 0.5)))
    row, named = _state(ex, m_x=0.01)
    region = constraints.get("lampf-lsnd", 0.01).region("ee")
    assert _agreement(_layer(row, 0, ex.spec["n_bands"]), region, [named[k] for k in ("x0", "x1", "y0", "y1")]) >= 0.995


# --------------------------------------------------------------------------- pages and packaging
SECTION_NOTEBOOKS = ["chiang_sec3_nue", "chiang_sec4_reactors", "chiang_sec5_charm2", "chiang_sec6_lep",
                     "chiang_sec7_separate_couplings", "chiang_sec8_flavour_changing", "lindner_sec5"]


@pytest.mark.parametrize("stem", SECTION_NOTEBOOKS)
def test_each_section_page_has_one_thin_explorer_and_no_dead_interact(root, stem):
    nb = nbformat.read(root / "notebooks" / f"{stem}.ipynb", as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    calls = [s for s in code if "explore." in s]
    assert len(calls) == 1 and "interact(" not in "\n".join(code)
    assert len([ln for ln in calls[0].splitlines() if ln.strip()]) <= 3
    md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "needs no Jupyter" in md


def test_explorer_javascript_ships_with_the_package_and_pins_match(root):
    import tomllib

    py = tomllib.loads((root / "pyproject.toml").read_text())
    assert "explore/explorer.js" in py["tool"]["setuptools"]["package-data"]["xboson"]
    pins = [d for ds in py["project"]["optional-dependencies"].values() for d in ds]
    env = yaml.safe_load((root / "environment.yml").read_text())
    env_pins = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    for name in ("anywidget", "playwright"):
        pin = next(p for p in pins if p.startswith(name + "=="))
        assert pin in env_pins
    import anywidget

    assert f"anywidget=={anywidget.__version__}" in pins
    assert JS.exists() and "export default" in JS.read_text()
