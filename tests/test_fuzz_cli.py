"""Fuzz the command line as a hostile new user would: every subcommand's options with in-domain,
edge and absurd values. Allowed outcomes: exit 0 with strict JSON (non-finite numbers never; a
null only where an explicit marker says why), or exit 2 with one line naming the problem. A
traceback (any other exception) fails the test."""

from __future__ import annotations

import math

import pytest
from fuzzing import FAST, check_cli, log_uniform, real, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from xboson import constraints, limits
from xboson.couplings import PAIRS
from xboson.lindner import fits
from xboson.lindner.models import MODEL_NAMES

#: the CLI tests are the cheapest way to reach every layer at once: twice the default examples
CLI = settings(FAST, max_examples=2 * FAST.max_examples)

JUNK = st.sampled_from(["", "--", "nan", "inf", "-inf", "1e400", "-0", "0", "abc", "1,2", "1e-400", " 5 "])


def usually(valid, invalid, p_invalid=0.15):
    """Mostly ``valid`` draws, a fraction ``p_invalid`` of ``invalid`` ones."""
    cut = round(20 * (1 - p_invalid))
    return st.sampled_from(range(20)).flatmap(lambda i: valid if i < cut else invalid)


def number_text(lo=1e-6, hi=1e4, signed=False):
    """An option value as the user types it: mostly a number in the domain, sometimes at or
    beyond its edges, sometimes absurd or junk."""
    inside = log_uniform(lo, hi)
    if signed:
        inside = st.one_of(inside, inside.map(lambda v: -v))
    return usually(inside.map(repr), st.one_of(real(lo, hi, signed=signed).map(repr), JUNK), 0.25)




@st.composite
def region_argv(draw):
    name = draw(usually(st.sampled_from(constraints.names()), st.just("nope")))
    m_x = draw(number_text())
    argv = ["region", name, f"--m-x={m_x}"]
    if draw(st.booleans()):
        argv.append(f"--pair={draw(usually(st.sampled_from(PAIRS), st.just('xx')))}")
    if name == "lep" or draw(st.booleans()):
        try:
            ratio = draw(usually(log_uniform(1e-10, 1.0), real(1e-12, 10.0)))
            g = repr(float(m_x) * ratio)
        except ValueError:
            g = draw(number_text(1e-16, 1e4))
        argv.append(f"--gamma-x={draw(usually(st.just(g), number_text(1e-16, 1e4)))}")
    return argv + ["--json"]


PRODUCTS = ["Lee", "Ree", "Vee", "Aee", "Lemu", "Vmumu", "Atautau", "Retau", "Amutau"]
SINGLE = ["gLe", "gRe", "gnu", "gVe", "gAe"]


@st.composite
def limit_argv(draw):
    src = draw(usually(st.sampled_from(limits.sources()), st.just("nope")))
    names = PRODUCTS if src in ("low-energy", "lep") else SINGLE
    coupling = draw(usually(st.sampled_from(names), st.sampled_from(PRODUCTS + SINGLE + ["Xee"])))
    return ["limit", coupling, f"--constraint={src}", f"--m-x={draw(number_text())}", "--json"]


@st.composite
def zprime_argv(draw):
    argv = ["zprime-limit", f"--m-zp={draw(number_text())}"]
    scan = draw(usually(st.sampled_from(fits.SCANS), st.just("beta")))
    argv.append(f"--scan={scan}")
    argv.append(f"--experiment={draw(usually(st.sampled_from(['texono', 'charm2', 'gemma']), st.just('nope')))}")
    if draw(st.booleans()):
        two = st.lists(number_text(1e-3, 1e6, signed=True), min_size=2, max_size=2)
        q = draw(usually(two, st.lists(number_text(1e-3, 1e6, signed=True), min_size=1, max_size=3)))
        argv.append(f"--charges={','.join(q)}")
    else:
        argv.append(f"--model={draw(usually(st.sampled_from(MODEL_NAMES), st.just('Z')))}")
    if scan == "g_x" and draw(st.booleans()):
        argv.append(f"--epsilon={draw(number_text(1e-8, 1.0, signed=True))}")
    if scan == "g_x" and draw(st.booleans()):
        argv.append(f"--alpha-over-gx={draw(number_text(1e-3, 1e3, signed=True))}")
    return argv + ["--json"]


def _check_region(argv):
    d = check_cli(argv)
    if d is not None:
        assert isinstance(d["unbounded"], bool)
        for k in ("rhoL_min", "rhoL_max", "rhoR_min", "rhoR_max"):
            assert (d[k] is None) == (k in d["unbounded_keys"]), d


def _check_limit(argv):
    d = check_cli(argv)
    if d is not None:
        assert d["unbounded"] is (d["upper"] is None), d
        if "allowed" in d:
            open_above = any(iv[1] is None for iv in d["allowed"])
            assert d["allowed_open_above"] is open_above, d


def _check_zprime(argv):
    d = check_cli(argv)
    if d is not None:
        key = next(k for k in d if k.endswith("_upper") and k != "g_x_upper_gq_convention")
        assert (d["unbounded"] or d["excluded_at_every_coupling"]) is (d[key] is None), d
        assert not (d["unbounded"] and d["excluded_at_every_coupling"]), d
        assert d[key] is None or 0 <= d[key] <= d["scan_max"], d


@CLI
@given(region_argv())
def test_fuzz_cli_region(argv):
    _check_region(argv)


@CLI
@given(limit_argv())
def test_fuzz_cli_limit(argv):
    _check_limit(argv)


@CLI
@given(zprime_argv())
def test_fuzz_cli_zprime_limit(argv):
    _check_zprime(argv)


@pytest.mark.parametrize("argv", [
    ["region", "lampf-lsnd", "--m-x", "1e300"],
    ["limit", "gVe", "--constraint", "zpole", "--m-x", "1e160"],
    ["zprime-limit", "--m-zp", "1e155"],
    ["region", "lep", "--m-x", "5", "--gamma-x", "1e300"],
    ["limit", "gVe", "--constraint", "g-2", "--m-x", "1e-300"],
    ["region", "lep", "--m-x", "5", "--gamma-x", "1e-200"],
    ["limit", "Lee", "--constraint", "lep", "--m-x", "1e-200"],
    ["limit", "gVe", "--constraint", "g-2", "--m-x", "1e-70"],
    ["region", "low-energy", "--m-x=--"],
    ["zprime-limit", "--m-zp", "1", "--charges=1,1e300"],
    ["region", "lep", "--m-x", "5", "--gamma-x", "1e100"],
    ["region", "reactors", "--m-x", "1e-100"],
    ["zprime-limit", "--m-zp", "1", "--experiment", "texono", "--charges=1e200,1"],
    ["region", "low-energy", "--m-x", "1e5"],
    ["region", "low-energy", "--m-x", "1e6"],
    ["limit", "Lee", "--constraint", "lep", "--m-x", "1e-7"],
    ["zprime-limit", "--m-zp", "1", "--charges=1,2,3"],
    ["limit", "gLe", "--constraint", "beam-dump", "--m-x", "0.05"],
])
def test_issue_reproducers_are_one_line_errors(argv):
    """Every reproducer of the robustness issue: outside the declared domain, so exit 2 naming
    the option and its range (no traceback, no null that means 'unbounded')."""
    rc, out, err = run_cli(argv + ["--json"])
    assert rc == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert any(k in err for k in ("m_x", "m_zp", "gamma_x", "charges", "q_l", "q_er", "coupling"))


def test_lep_limit_flat_below_the_propagator_scale():
    """The LEP limit at the bottom of the domain (1e-6 GeV) equals the one at 1e-4 GeV (Fig. 3
    widths, Gamma_X = 5e-6 m_X): the X propagator no longer matters (was 0.378 vs 0.0130)."""
    lo = check_cli(["limit", "Lee", "--constraint", "lep", "--m-x", "1e-6", "--json"])["upper"]
    hi = check_cli(["limit", "Lee", "--constraint", "lep", "--m-x", "1e-4", "--json"])["upper"]
    assert lo == pytest.approx(hi, rel=1e-4)


def test_low_energy_region_heavy_is_the_contact_limit():
    """At 1e4 GeV the low-energy region equals the 100 GeV one (contact limit) to 1e-7 (was
    rhoR_max 0.126 vs 0.079 at 1e5 GeV through precision loss in the recoil nodes)."""
    a = check_cli(["region", "low-energy", "--m-x", "100", "--json"])
    b = check_cli(["region", "low-energy", "--m-x", "1e4", "--json"])
    for k in ("rhoL_min", "rhoL_max", "rhoR_min", "rhoR_max"):
        assert b[k] == pytest.approx(a[k], rel=1e-7)


def test_zprime_excluded_at_every_coupling_is_not_never_reached():
    """A fixed kinetic mixing that TEXONO already excludes (epsilon = 0.01 at 1 MeV): every g_X
    is excluded -- reported as such, not as 'never reached' (and no root-finder failure)."""
    d = check_cli(["zprime-limit", "--m-zp=0.001", "--scan=g_x", "--experiment=texono", "--model=C",
                   "--epsilon=0.01", "--json"])
    assert d["g_x_upper"] is None and d["excluded_at_every_coupling"] is True and d["unbounded"] is False


def test_zprime_unbounded_is_explicit():
    """A limit beyond the scan range is null *and* marked unbounded, never a bare null."""
    d = check_cli(["zprime-limit", "--m-zp", "1", "--experiment", "charm2", "--scan", "alpha",
                   "--model", "B-L", "--json"])
    assert d["unbounded"] is (d["alpha_upper"] is None)
    assert math.isfinite(d["scan_max"])


def test_only_our_input_errors_become_exit_2(monkeypatch):
    """A ValueError from numpy/scipy internals is a bug, not bad input: it must surface as a
    traceback (exit 1), never as a one-line 'error' with exit 2."""
    import xboson.limits

    def broken(*args, **kwargs):
        raise ValueError("The truth value of an empty array is ambiguous")

    monkeypatch.setattr(xboson.limits, "limit", broken)
    with pytest.raises(ValueError, match="truth value"):
        run_cli(["limit", "Lee", "--constraint", "low-energy", "--m-x", "0.01", "--json"])
