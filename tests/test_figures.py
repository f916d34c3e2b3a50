"""The figure layer: each paper figure's data says what the caption says, draws once per panel
in the caption's style, and its numbers leave the book as CSV, JSON and HEPData unchanged."""

import functools
import math
import re

import numpy as np
import pytest

from xboson import figures, plotting
from xboson.cli.main import main
from xboson.export import FORMATS, export, paths
from xboson.export.to_csv import read_csv
from xboson.figures.model import Figure, Table
from xboson.limits import limit_curves

# hepdata-validator imports jsonschema names that jsonschema has deprecated (not our code)
pytestmark = pytest.mark.filterwarnings("ignore:jsonschema:DeprecationWarning")

# coarse resolutions keep the suite fast; the figure functions accept finer ones
COARSE = {"grid": 41, "n": 4}


@functools.lru_cache(maxsize=None)
def coarse(fid):
    fn = figures.FIGURES[fid]
    import inspect

    kw = {k: v for k, v in COARSE.items() if k in inspect.signature(fn).parameters}
    return figures.get(fid, **kw)


@functools.lru_cache(maxsize=None)
def exported(tmp_root, fid):
    from pathlib import Path

    return export(coarse(fid), Path(tmp_root), FORMATS)


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("export"))


IDS = figures.ids()


# ----------------------------------------------------------------------------- the data
@pytest.mark.parametrize("fid", IDS)
def test_every_figure_is_typed_cited_and_described(fid):
    d = coarse(fid)
    assert d.id == fid and isinstance(d, (Figure, Table))
    assert d.sources and all(s.arxiv in ("1204.6296", "1803.00060", "0911.1597") for s in d.sources)
    paper = "1204.6296" if fid.startswith("chiang") else "1803.00060"
    assert any(s.arxiv == paper for s in d.sources)
    if isinstance(d, Figure):
        assert len(d.alt) > 60 and d.caption and d.panels
        for p in d.panels:
            assert p.x.name and p.y.name and p.elements
            for e in p.curves:
                assert e.x.shape == e.y.shape and e.style in ("solid", "dashed", "dotted")


def test_unknown_figure_id_or_parameter_names_the_choices():
    with pytest.raises(ValueError, match="chiang-fig1"):
        figures.get("chiang-fig9")
    with pytest.raises(ValueError, match="'grid'"):
        figures.get("chiang-table2", grid=41)


def test_fig2b_extreme_at_5_mev():
    """Fig. 2(b): the 5 MeV region reaches rho^L_ee = -0.09 (as drawn in the paper)."""
    reg = {r.qualifiers["m_X [GeV]"]: r for r in coarse("chiang-fig2").panel("b").regions}
    assert reg[0.005].extremes["x_min"] == pytest.approx(-0.092, abs=0.01)


def test_fig1_rings_have_holes_and_exact_extremes():
    """Fig. 1: each LAMPF/LSND region is a ring (an outer boundary and a hole)."""
    for r in figures.get("chiang-fig1", grid=151).panel("").regions:
        assert True in r.holes and False in r.holes
        for ring, hole in zip(r.rings, r.holes):
            x, y = ring[:, 0], ring[:, 1]
            area = 0.5 * (np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))
            assert (area < 0) == hole     # outer counter-clockwise, holes clockwise
        # the traced boundary lies within the exact extremes (to one grid step)
        pts = np.concatenate(r.rings)
        step = 8.0 / 150
        assert pts[:, 0].min() >= r.extremes["x_min"] - step and pts[:, 0].max() <= r.extremes["x_max"] + step


def test_fig3_has_four_panels_solid_dashed_dotted():
    d = coarse("chiang-fig3")
    assert [p.key for p in d.panels] == ["a", "b", "c", "d"]
    for p in d.panels:
        assert [c.style for c in p.curves] == ["solid", "dashed", "dotted"]
        assert all(np.all(np.isfinite(c.y)) and np.all(c.y > 0) for c in p.curves)


def test_fig3_low_energy_wins_below_lep_above():
    """Chiang Sec. VI: low-energy data give the stronger limit at low m_X, LEP at high m_X."""
    for p in coarse("chiang-fig3").panels:
        solid, dashed, dotted = p.curves
        low = np.maximum(solid.y, dashed.y)
        assert low[0] < dotted.y[0] and low[-1] > dotted.y[-1]


def test_fig5_and_fig8_regions_are_not_empty():
    for fid, n in (("chiang-fig5", 6), ("chiang-fig8", 3)):
        d = coarse(fid)
        assert len(d.panels) == n
        assert all(p.regions[0].extremes is not None and p.regions[0].rings for p in d.panels)


def test_fig6_curves_coincide_where_the_caption_says():
    """Fig. 6: g_Ve and g_Ae Z-pole limits coincide; g-2 limits on g_Le and g_Re coincide;
    beam dumps exclude a closed band below 1 GeV."""
    d = coarse("chiang-fig6")
    m = d.panels[0].curves[0].x
    zp, g2 = limit_curves("zpole", ("gVe", "gAe"), m), limit_curves("g-2", ("gLe", "gRe"), m)
    assert np.array_equal(zp["gVe"], zp["gAe"]) and np.array_equal(g2["gLe"], g2["gRe"])
    bands = {b.label: b for b in d.panels[0].bands}
    d6 = figures.get("chiang-fig6", n=12)
    e137 = {b.label: b for b in d6.panels[0].bands}["E137"]
    ok = np.isfinite(e137.lower)
    assert ok.any() and np.all(e137.lower[ok] < e137.upper[ok]) and np.all(e137.x[ok] < 1.0)
    assert {"E137", "A1", "APEX"} <= set(bands)


def test_fig7_has_the_heavy_green_region_in_every_panel():
    for p in coarse("chiang-fig7").panels:
        assert len(p.regions) == 6 and p.regions[-1].colour == figures.chiang.HEAVY_COLOUR


def test_table2_has_39_rows_with_units():
    t = coarse("chiang-table2")
    assert len(t.rows) == 39 and all(len(r) == len(t.columns) for r in t.rows)
    assert "sigma_SM ours [pb]" in [c.header for c in t.columns]


def test_lindner_fig1_lists_the_charges_of_every_model():
    a = coarse("lindner-fig1").panel("a")
    assert len(a.curves) == 6
    for c in a.curves:
        assert {"Q_eL", "Q_eR"} <= set(c.qualifiers) and "Q_{e_R}" in c.label


@pytest.mark.parametrize("value, name", [(5, "grid"), (1, "n")])
def test_resolution_outside_its_domain_is_refused(value, name):
    fid = "chiang-fig1" if name == "grid" else "chiang-fig3"
    with pytest.raises(ValueError, match=name):
        figures.get(fid, **{name: value})


# ----------------------------------------------------------------------------- drawing
@pytest.mark.parametrize("fid", IDS)
def test_each_figure_draws_one_matplotlib_figure_per_panel(fid):
    d = coarse(fid)
    figs = plotting.draw(d)
    assert len(figs) == (1 if isinstance(d, Table) else len(d.panels))


def test_fig7_legend_appears_once():
    figs = plotting.draw(coarse("chiang-fig7"))
    assert sum(ax.get_legend() is not None for f in figs for ax in f.axes) == 1


def test_fig3_has_no_slider_marker():
    for f in plotting.draw(coarse("chiang-fig3")):
        ax = f.axes[0]
        assert len(ax.lines) == 3 and not ax.collections


def _overlaps(labels):
    boxes = [t.get_window_extent() for t in labels if t.get_text()]
    return any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_fig5_tick_labels_do_not_overlap():
    for f in plotting.draw(coarse("chiang-fig5")):
        f.canvas.draw()
        ax = f.axes[0]
        assert not _overlaps(ax.get_xticklabels()) and not _overlaps(ax.get_yticklabels())


def test_fig6_patch_labels_are_legible():
    f = plotting.draw(coarse("chiang-fig6"))[0]
    texts = [t for t in f.axes[0].texts if t.get_text() in {"E137", "E141", "E774", "KEK", "Orsay", "A1", "APEX"}]
    assert texts and all(t.get_fontsize() >= 8 and t.get_bbox_patch() is not None for t in texts)


def test_delta_chi2_experiments_drawn_over_combined():
    d = figures.lindner.delta_chi2("B-L", 0.01, 0.0, n=40)
    ax = plotting.draw(d)[0].axes[0]
    z = {line.get_label(): line.get_zorder() for line in ax.lines}
    assert z[figures.lindner.EXPERIMENT_LABELS["texono"]] > z["combined"]


def test_page_display_is_svg_with_alt_text_and_nothing_off_host():
    html = plotting.show(coarse("chiang-fig2"))._repr_html_()
    imgs = re.findall(r"<img [^>]*>", html)
    assert len(imgs) == 2
    assert all('alt="Chiang Fig. 2' in i and 'src="data:image/svg+xml;base64,' in i for i in imgs)
    assert "http" not in html


def test_svg_is_deterministic():
    d = coarse("chiang-fig4")
    assert plotting.svg(plotting.draw(d)[0]) == plotting.svg(plotting.draw(d)[0])


def test_html_table_units_and_bad_rows():
    t = plotting.html_table(["m_X [MeV]", "rho^L max"], [[1.0, math.nan], ["<b>", 0.5]])._repr_html_()
    assert "<th" in t and "m_X [MeV]" in t and "&ndash;" in t and "&lt;b&gt;" in t
    with pytest.raises(ValueError, match="one value per header"):
        plotting.html_table(["a", "b"], [[1.0]])


def test_fig7_constraint_rejects_an_unknown_panel():
    with pytest.raises(ValueError, match="panel"):
        figures.chiang.fig7_constraint("z", 0.01)


# ----------------------------------------------------------------------------- export
@pytest.mark.parametrize("fid", IDS)
def test_every_figure_exports_in_every_format(fid, out_dir):
    files = exported(out_dir, fid)
    from pathlib import Path

    for rel in paths(fid).values():
        p = Path(out_dir) / rel
        assert p in files and p.stat().st_size > 0


@pytest.mark.parametrize("fid", IDS)
def test_hepdata_submission_validates(fid, out_dir):
    from hepdata_validator.full_submission_validator import FullSubmissionValidator

    exported(out_dir, fid)
    v = FullSubmissionValidator()
    ok = v.validate(directory=f"{out_dir}/{fid}/hepdata")
    assert ok, v.get_messages()


def _numbers(rows, key):
    return np.array([float(r[key]) if r[key] else np.nan for r in rows])


@pytest.mark.parametrize("fid", IDS)
def test_csv_round_trips_to_the_figure_numbers(fid, out_dir):
    exported(out_dir, fid)
    d = coarse(fid)
    rows = read_csv(f"{out_dir}/{paths(fid)['csv']}")
    if isinstance(d, Table):
        assert len(rows) == len(d.rows)
        for r, orig in zip(rows, d.rows):
            for c, v in zip(d.columns, orig):
                got = r[c.header]
                assert (float(got) == v) if isinstance(v, float) else got == str(v)
        return
    for p in d.panels:
        key = p.key or "-"
        for c in p.curves:
            sel = [r for r in rows if r["panel"] == key and r["kind"] == "curve" and r["element"] == c.name]
            np.testing.assert_array_equal(_numbers(sel, "x"), c.x)
            np.testing.assert_array_equal(_numbers(sel, "y"), c.y)
        for reg in p.regions:
            sel = [r for r in rows if r["panel"] == key and r["kind"] == "region" and r["element"] == reg.name]
            np.testing.assert_array_equal(np.c_[_numbers(sel, "x"), _numbers(sel, "y")], np.concatenate(reg.rings))
        for b in p.bands:
            sel = [r for r in rows if r["panel"] == key and r["kind"] == "band" and r["element"] == b.name]
            np.testing.assert_array_equal(_numbers(sel, "y"), b.lower)
            if b.upper is not None:
                np.testing.assert_array_equal(_numbers(sel, "y_upper"), b.upper)


def test_csv_header_states_units_figure_parameters_and_citation(out_dir):
    exported(out_dir, "chiang-fig3")
    head = [line for line in open(f"{out_dir}/{paths('chiang-fig3')['csv']}") if line.startswith("#")]
    text = "".join(head)
    for needle in ("figure: chiang-fig3", "arXiv:1204.6296", "parameters:", "m_X [GeV]", "dimensionless"):
        assert needle in text


@pytest.mark.parametrize("fid", ["chiang-fig2", "chiang-fig6", "chiang-table2", "lindner-fig1"])
def test_export_twice_is_byte_identical(fid, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    fa, fb = export(coarse(fid), a), export(coarse(fid), b)
    for x, y in zip(fa, fb):
        assert x.read_bytes() == y.read_bytes(), x.name
    for x in sorted((a / fid / "hepdata").iterdir()):
        assert x.read_bytes() == (b / fid / "hepdata" / x.name).read_bytes()


# ----------------------------------------------------------------------------- CLI
def _one_line_exit_2(capsys, *argv):
    assert main(list(argv)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("xboson: error:")
    return err


def test_cli_list(capsys):
    assert main(["export", "--list"]) == 0
    out = capsys.readouterr().out
    assert all(fid in out for fid in IDS)


def test_cli_bad_input(capsys, tmp_path):
    assert "figure" in _one_line_exit_2(capsys, "export", "--figure", "chiang-fig9", "--out", str(tmp_path / "x"))
    assert "format" in _one_line_exit_2(capsys, "export", "--figure", "chiang-fig4", "--format", "xml",
                                        "--out", str(tmp_path / "x"))
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    assert "--force" in _one_line_exit_2(capsys, "export", "--figure", "chiang-fig4", "--out", str(tmp_path / "full"))
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine"
    assert "--figure" in _one_line_exit_2(capsys, "export", "--out", str(tmp_path / "y"))


def test_cli_writes_with_force(capsys, tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    assert main(["export", "--figure", "chiang-fig4", "--format", "csv,json", "--out", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "chiang-fig4" / "chiang-fig4.csv").is_file()
    assert not (tmp_path / "chiang-fig4" / "chiang-fig4-hepdata.tar.gz").exists()


# ----------------------------------------------------------------------------- the pages
def _notebook_cells(root):
    import nbformat

    for path in sorted((root / "notebooks").glob("*.ipynb")):
        yield path.name, nbformat.read(path, as_version=4).cells


def test_every_figure_in_the_notebooks_has_its_data_links_and_they_resolve(root, out_dir):
    """Under each figure: "Data: CSV · HEPData · JSON · sources", relative links that resolve
    from a page in notebooks/ to the exported data/ folder of the built book."""
    from pathlib import Path

    shown = set()
    for name, cells in _notebook_cells(root):
        for k, cell in enumerate(cells):
            if cell.cell_type != "code":
                continue
            for fid in re.findall(r'figures\.get\("([a-z0-9-]+)"', cell.source):
                shown.add(fid)
                nxt = cells[k + 1]
                assert nxt.cell_type == "markdown" and nxt.source.startswith("Data: "), f"{name}: {fid}"
                links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', nxt.source.splitlines()[0])
                assert [t for _, t in links] == ["CSV", "HEPData", "JSON", "sources"]
                exported(out_dir, fid)
                page_dir = Path(out_dir) / "notebooks"
                for href, _ in links:
                    assert href.startswith("../data/"), href
                    target = (page_dir / href).resolve().relative_to(Path(out_dir).resolve() / "data")
                    assert (Path(out_dir) / target).is_file(), href
    assert shown == set(IDS)


def test_notebooks_print_no_timings_and_catch_no_broad_exceptions(root):
    for name, cells in _notebook_cells(root):
        for cell in cells:
            if cell.cell_type == "code" and "widgets.interact" not in cell.source:
                assert "perf_counter" not in cell.source, name
                assert not re.search(r"except( Exception| BaseException)?\s*(as \w+)?:", cell.source), name


def test_hepdata_tables_carry_the_qualifiers(out_dir):
    """One table per Fig. 5 panel, qualified by m_X, Gamma_X, CL, the constraint and the figure."""
    import yaml

    exported(out_dir, "chiang-fig5")
    from pathlib import Path

    folder = Path(out_dir) / "chiang-fig5" / "hepdata"
    tables = sorted(p for p in folder.glob("*.yaml") if p.name != "submission.yaml")
    assert len(tables) == 6
    q = {d["name"]: d.get("units") for d in yaml.safe_load(tables[0].read_text())["dependent_variables"][0]["qualifiers"]}
    assert q == {"figure": None, "m_X": "GeV", "Gamma_X": "keV", "CL": None, "constraint": None}
    sub = list(yaml.safe_load_all((folder / "submission.yaml").read_text()))
    assert "arxiv.org/abs/1204.6296" in str(sub[0]) and len(sub) == 7
