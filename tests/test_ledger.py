"""The reproduction ledger: schema, computed statuses pinned by a snapshot, one id style with the
old ids as aliases, and a page a referee can navigate (summary, anchors, links)."""

import json
import math
import re

import pytest
import yaml

from xboson import ledger, report
from xboson.cli.main import main as cli_main

#: JSON keys of a row: the original ones (a public contract) ...
KEYS = {"id", "source", "quantity", "paper_value", "our_value", "tolerance", "status", "note"}
#: ... and those added for the referee's page.
NEW_KEYS = {"aliases", "quantity_tex", "tolerance_kind", "errata", "reason", "page", "figure", "anchor"}
SNAPSHOT = "ledger_status.json"
REGENERATE = "python -m xboson.ledger --write-snapshot tests/ledger_status.json"


@pytest.fixture(scope="module")
def rows():
    return ledger.all_rows()


def test_schema_and_unique_ids(rows):
    assert rows
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert set(r.as_dict()) == KEYS | NEW_KEYS
        assert r.status in ledger.STATUSES
        assert r.source and r.quantity


def test_every_difference_is_explained(rows):
    for r in rows:
        if r.status != "agrees":
            assert len(r.note) > 20, f"{r.id} needs a note saying why it {r.status}"


def test_numeric_statuses_are_consistent_with_values(rows):
    for r in rows:
        if isinstance(r.paper_value, (int, float)) and isinstance(r.our_value, (int, float)) \
                and isinstance(r.tolerance, str) and r.tolerance.split()[0].replace(".", "").replace("e-", "").isdigit():
            tol = float(r.tolerance.split()[0])
            allowed = tol * abs(r.paper_value) if "relative" in r.tolerance else tol
            ok = abs(r.our_value - r.paper_value) <= allowed * (1 + 1e-6) + 1e-12 * abs(r.paper_value)
            assert ok == (r.status == "agrees"), r


SEC3_EXPECTED = {
    "chiang.s3.e_nu_max": "agrees", "chiang.s3.flux_avg_energy": "agrees", "chiang.s3.sm_from_slope": "agrees",
    "chiang.s3.sm_tree_integral": "differs", "chiang.s3.average_central": "agrees",
    "chiang.s3.average_error": "differs", "chiang.s3.average_slope": "agrees",
    "chiang.s3.average_slope_error": "agrees", "chiang.s3.t_max": "differs",
    "chiang.s3.eq8_error_at_40MeV": "agrees", "chiang.s3.rings_stop_changing": "agrees",
    "chiang.s3.rings_grow_for_lighter_X": "agrees", "chiang.s3.eq8_first_order": "agrees",
}


def test_sec3_claims_have_the_expected_status(rows):
    by_id = {r.id: r for r in rows}
    for rid, status in SEC3_EXPECTED.items():
        assert by_id[rid].status == status, by_id[rid]


def test_cli_ledger_json(cli):
    out = cli("ledger", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert isinstance(data, list) and data
    assert all(set(d) == KEYS | NEW_KEYS for d in data)
    assert {d["id"] for d in data} >= set(SEC3_EXPECTED)
    for d in data:
        for k in ("paper_value", "our_value"):
            assert not (isinstance(d[k], float) and math.isnan(d[k]))


def test_every_status_matches_the_snapshot(rows, root):
    """No row changes status silently: a change means updating the snapshot on purpose."""
    snap = json.loads((root / "tests" / SNAPSHOT).read_text())
    ours = {r.id: r.status for r in rows}
    missing = sorted(set(snap) - set(ours))
    assert not missing, f"snapshot ids that are no ledger row: {missing}"
    new = sorted(set(ours) - set(snap))
    assert not new, f"rows not in the snapshot (add them with `{REGENERATE}`): {new}"
    changed = {i: f"{snap[i]} -> {ours[i]}" for i in snap if snap[i] != ours[i]}
    assert not changed, f"status changed: {changed}; if intended, run `{REGENERATE}` and say why in the commit"


def test_one_id_style_and_old_ids_are_aliases(rows):
    names = [n for r in rows for n in (r.id, *r.aliases)]
    assert len(names) == len(set(names))
    for r in rows:
        assert ledger.ID_PATTERN.match(r.id), f"{r.id} is not paper.section.claim"
    aliases = {a: r.id for r in rows for a in r.aliases}
    for old in ("lindner-t2-mzp-min-texono", "lindner-t2-r0-gemma", "lindner-t2-plateau-charm2",
                "chiang.s4.fig2b.rhoL_min_1MeV", "chiang.s6.fig5.top.Lee_0.01GeV", "chiang.s7.sm-gamma-ee",
                "lindner.formula.chiang-limit", "lindner.s5.u1f-strongest"):
        assert old in aliases, old
        assert ledger.find(old).id == aliases[old]
    with pytest.raises(ValueError, match="unknown ledger id"):
        ledger.find("lindner-t2-no-such-row")


def test_cli_ledger_id_finds_rows_by_old_and_new_id(rows, capsys):
    assert cli_main(["ledger", "--id", "lindner-t2-r0-texono", "--id", "chiang.s3.t_max", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in out] == ["lindner.s4.t2_r0_texono", "chiang.s3.t_max"]
    assert out[0]["aliases"] == ["lindner-t2-r0-texono"]
    assert set(out[0]) == KEYS | NEW_KEYS


def test_cli_ledger_unknown_id_is_one_line_and_exit_2(rows, capsys):
    assert cli_main(["ledger", "--id", "no.such.row"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "--id" in err and "no.such.row" in err


def test_tolerances_say_absolute_or_relative(rows):
    for r in rows:
        if r.status == "not-reproduced":
            assert r.tolerance_kind is None
        elif r.tolerance_kind in ("absolute", "relative"):
            assert re.fullmatch(r"[0-9.e+-]+ \((absolute|relative)\)", r.tolerance), r.tolerance
            assert r.tolerance.endswith(f"({r.tolerance_kind})")
        else:
            assert r.tolerance_kind == "criterion" and len(str(r.tolerance)) > 10, r.id


def test_quantities_are_typeset_and_reasons_given(rows):
    for r in rows:
        assert r.quantity_tex and r.quantity_tex.count("$") % 2 == 0, r.id
        report.tex_html(r.quantity_tex)                     # balanced math
        assert bool(r.reason) == (r.status != "agrees"), r.id
        assert "\n" not in r.reason


def _errata_anchors(root):
    text = (root / "book" / "errata.md").read_text()
    text += "".join(p.read_text() for p in sorted((root / "book" / "_parts").glob("*.md")))
    return re.findall(r'<span id="(errata-[a-z0-9-]+)"></span>', text)


def test_rows_link_to_existing_section_pages_and_errata_entries(rows, root):
    anchors = _errata_anchors(root)
    assert len(anchors) == len(set(anchors))
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    pages = {c["file"] for p in toc["parts"] for c in p["chapters"]}
    for r in rows:
        assert r.page in pages, f"{r.id}: no section page"
        assert r.errata is None or r.errata in anchors, f"{r.id}: no errata entry {r.errata}"
    for r in rows:          # every row that differs is discussed on the errata page
        if r.status == "differs":
            assert r.errata, f"{r.id} differs but links no errata entry"


def test_ledger_page_has_one_anchor_per_row_and_a_summary(rows):
    page = report.ledger_html(rows)
    ids = re.findall(r"<div class='xb-row [a-z-]+' id='([^']+)'>", page)
    assert sorted(ids) == sorted(r.id for r in rows)
    summary = report.ledger_summary_html(rows)
    listed = re.findall(r"<li><a href='#([^']+)'>", summary)
    assert sorted(listed) == sorted(r.id for r in rows if r.status != "agrees")
    for status, n in report.status_summary(rows).items():
        assert f"{n} {status.replace('-', ' ')}" in summary
    assert "<table" not in page      # cards, not a wide table


def test_no_broad_except_in_the_ledger(root):
    """A bug in a computation must raise, not turn into a 'not-reproduced' row."""
    for path in sorted((root / "lib" / "xboson" / "ledger").glob("*.py")):
        text = path.read_text()
        assert not re.search(r"except\s*(Exception|BaseException)?\s*(as \w+)?:", text), path.name


def test_figure_anchors_name_the_figure_on_its_section_page():
    """Chiang Fig. 2(b) is discussed on the Sec. IV page under the label of Fig. 2 (panels share it)."""
    assert ledger.figure_anchor("chiang.s4", "Fig. 2(b)") == "chiang-s4-fig-2"
    assert ledger.figure_anchor("lindner.s4", "Table 2") == "lindner-s4-table-2"
    assert ledger.figure_anchor("chiang.s8", "Fig. 7(c)") == "chiang-s8-fig-7"


@pytest.mark.parametrize("section, figure, match", [("chiang.s9", "Fig. 2", "section"), ("chiang.s4", "Figure 2", "figure"),
                                                    ("chiang.s4", "", "figure")])
def test_figure_anchor_rejects_what_no_row_has(section, figure, match):
    with pytest.raises(ValueError, match=match):
        ledger.figure_anchor(section, figure)
