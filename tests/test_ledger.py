"""The reproduction ledger: schema, computed statuses, and the claims we expect to hold."""

import json
import math

import pytest

from xboson import ledger

KEYS = {"id", "source", "quantity", "paper_value", "our_value", "tolerance", "status", "note"}


@pytest.fixture(scope="module")
def rows():
    return ledger.all_rows()


def test_schema_and_unique_ids(rows):
    assert rows
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert set(r.as_dict()) == KEYS
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
    assert all(set(d) == KEYS for d in data)
    assert {d["id"] for d in data} >= set(SEC3_EXPECTED)
    for d in data:
        for k in ("paper_value", "our_value"):
            assert not (isinstance(d[k], float) and math.isnan(d[k]))
