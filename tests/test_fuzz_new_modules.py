"""Fuzz the modules added after the first fuzz suite: beam dumps and their acceptance, models and
user model files, the recast, the figure layer, the explorers, and the CLI commands ``export``,
``recast`` and ``ledger --id``. Same rule as tests/test_fuzz_library.py and test_fuzz_cli.py: a
finite result, a documented marker (named at each call), or our InputError naming the parameter;
any other exception, or a NaN/inf where none is documented, fails the test."""

from __future__ import annotations

import math

import numpy as np
import pytest
import yaml
from fuzzing import FAST, HOSTILE, check_cli, check_finite, log_uniform, outcome, real, run_cli
from hypothesis import given
from hypothesis import strategies as st

from xboson.experiments import beam_dump
from xboson import figures, models, recasting
from xboson.experiments import beam_dump_acceptance as acc
from xboson.errors import InputError
from xboson.explore import bands as explore_bands
from xboson.explore import builders, widget
from xboson.explore import chiang as explore_chiang
from xboson.explore import lindner as explore_lindner
from xboson.models import base, chiang as chiang_models, u1x, user

BD_NAMES = beam_dump.experiments()
NAME = st.sampled_from(BD_NAMES * 3 + ["nope", ""])
MODE = st.sampled_from(list(beam_dump.MODES) * 3 + ["bad"])
ACCEPT = st.sampled_from(list(acc.ACCEPTANCES) * 3 + ["bad"])
#: beam-dump masses: their reach is 1 MeV - 1 GeV; a few coarse points keep the yield cache small
BD_MASS = st.one_of(*[st.sampled_from([0.002, 0.01, 0.05, 0.2, 1.0])] * 3, st.sampled_from(HOSTILE),
                    st.sampled_from([1e-4, 1.0219978e-3, 1.0e-3, 3.0, 1e4]))


def mostly(lo, hi, *, signed=False):
    """Three quarters in [lo, hi] (log-uniform), the rest as :func:`fuzzing.real` (edges, hostile)."""
    return st.one_of(*[log_uniform(lo, hi)] * 3, real(lo, hi, signed=signed))


def nan_marker(x):
    """A documented 'nothing here' NaN (soft_fraction: no decay expected; mass_reach: nothing
    excluded) or a finite number in [lo, hi]."""
    return x is None or np.all(np.isnan(x) | np.isfinite(x))


# --- beam_dump: widths, R ratio, track length, production ingredients --------------------------
@FAST
@given(real(1e-12, 10.0, signed=True), real(1e-6, 1e4), st.one_of(st.sampled_from([0.0, beam_dump.M_E, beam_dump.M_MU]),
                                                                      real(1e-6, 1e4, signed=True)))
def test_fuzz_beam_dump_decays(g, m, m_l):
    outcome(beam_dump.width_ll, g, m, m_l)
    outcome(beam_dump.r_ratio, m)
    outcome(beam_dump.s_factor, m)


@FAST
@given(st.one_of(real(1e-300, 33.0), st.floats()), st.one_of(st.floats(-3100.0, 4.0), st.sampled_from(HOSTILE)))
def test_fuzz_track_length(y, ln_y):
    v = outcome(beam_dump.track_length_v, y)
    assert v is None or v > 0
    outcome(beam_dump.log_track_length_v, ln_y)
    outcome(beam_dump.log_track_length_v, np.array([ln_y, -1.0]))


def test_track_length_at_zero_is_an_input_error():
    """Issue 12 reproducer: V(0) used to come back as -inf/NaN from the log of the spline."""
    for y in (0.0, -0.0, -1.0, math.nan, math.inf, 1e3):
        with pytest.raises(InputError, match="y"):
            beam_dump.track_length_v(y)


@FAST
@given(real(1e-3, 10.0), real(1e-3, 1e3), st.one_of(st.just(6.0), real(1.0, 100.0, signed=True)),
       st.one_of(st.just(12.0), real(1.0, 300.0, signed=True)), st.one_of(st.floats(0, 1), st.sampled_from(HOSTILE)))
def test_fuzz_beam_dump_cross_section(m, e_e, z, a, x):
    c = outcome(beam_dump.chi, m, e_e, z, a)
    outcome(beam_dump.chi, m, np.array([e_e, 1.0]), z, a)
    outcome(beam_dump.dsigma_dx, x, m, e_e, 1.0 if c is None else float(c[0]))
    outcome(beam_dump.dsigma_dx, np.array([x, 0.5]), m, e_e, 1.0, g=x)


# --- beam_dump: yields, bands, limits -----------------------------------------------------------
@FAST
@given(NAME, BD_MASS, st.one_of(real(1e-9, 1e-2), st.lists(real(1e-9, 1e-2), max_size=3)), MODE, ACCEPT,
       real(1e-3, 1e3))
def test_fuzz_beam_dump_events(name, m, g, mode, acceptance, e_max):
    n = outcome(beam_dump.events, name, m, g, mode=mode, acceptance=acceptance)
    assert n is None or np.all(n >= 0)
    try:
        f = beam_dump.soft_fraction(name, m, g, e_max, mode=mode, acceptance=acceptance)
    except InputError:
        return
    assert nan_marker(f) and np.all(np.isnan(f) | ((f >= 0) & (f <= 1))), f   # NaN: no decay expected


@FAST
@given(NAME, BD_MASS, MODE, ACCEPT,
       st.one_of(st.just(0.0), real(1e-3, 1e13), st.sampled_from([-1.0, math.nan, math.inf, 1e12])))
def test_fuzz_beam_dump_bands(name, m, mode, acceptance, invisible):
    b = outcome(beam_dump.excluded_band, name, m, mode=mode, acceptance=acceptance, invisible_over_ee=invisible)
    assert b is None or 0 < b[0] < b[1]
    n = outcome(beam_dump.events, name, m, 1e-6, mode=mode, acceptance=acceptance, invisible_over_ee=invisible)
    assert n is None or np.all(n >= 0)


@FAST
@given(BD_MASS, st.sampled_from(["gVe", "gLe", "gX", ""]), st.one_of(st.none(), st.lists(NAME, max_size=2)))
def test_fuzz_beam_dump_limits(m, coupling, names):
    bands = outcome(beam_dump.combined_band, m, names=names)
    assert bands is None or all(lo < hi for lo, hi in bands)
    lim = outcome(beam_dump.limit, coupling, m, acceptance="none")
    assert lim is None or lim.upper is None or lim.upper < lim.lower
    outcome(beam_dump.fixed_target_levels, m)
    outcome(beam_dump.fixed_target_limit, coupling, m)


@FAST
@given(NAME, st.sampled_from([1.1e-3, 0.0, -1.0, math.nan, 1e-4, 0.5, 2.0]),
       st.sampled_from([2.0, 1e-3, math.nan, math.inf, 0.0]), st.sampled_from([1e-3, 0.0, 0.9, math.nan, 1e-9]))
def test_fuzz_mass_reach_arguments(name, m_lo, m_hi, rel_tol):
    """The argument checks of mass_reach (a full scan is ~40 band searches: only invalid input or a
    one-bin range here; the reach itself is tested in tests/test_beam_dump*.py)."""
    if name in BD_NAMES and 0 < m_lo < m_hi and m_hi / m_lo > 1.5 and 1e-8 <= rel_tol <= 0.5:
        return                                   # valid: too slow for a fuzz example
    try:
        r = beam_dump.mass_reach(name, acceptance="none", m_lo=m_lo, m_hi=m_hi, rel_tol=rel_tol)
    except InputError:
        return
    assert nan_marker(r)                         # NaN: nothing excluded (documented)


# --- beam_dump_acceptance -------------------------------------------------------------------------
@FAST
@given(NAME, st.one_of(mostly(1e-6, 1.0), st.floats()), st.one_of(*[st.floats(1e-9, 1, exclude_max=True)] * 3,
                                                                  st.sampled_from(HOSTILE)),
       mostly(1e-3, 10.0), mostly(1e-3, 1e3))
def test_fuzz_acceptance_angular(name, theta, x, m, e_e):
    det = outcome(acc.detector, name, allow_inf=True)     # radius +inf: no geometric cut (documented)
    if det is not None:
        assert det.theta_acc > 0
    for args in ((theta, x, m, e_e), (np.array([theta, 0.01]), np.array([x, 0.5]), m, e_e),
                 (theta, x, np.array([m, 0.1]), e_e)):
        f = outcome(acc.angular_fraction, *args)
        assert f is None or np.all((f >= 0) & (f <= 1))


@FAST
@given(st.one_of(mostly(1e-6, 1e3), st.just(math.inf)), mostly(10.0, 1e3), mostly(1e-3, 10.0),
       st.sampled_from(list(acc.RULES) + ["both"]), st.one_of(st.just(0.0), real(1e-3, 10.0, signed=True)))
def test_fuzz_acceptance_daughters(tan_max, e_x, m, rule, e_min):
    f = outcome(acc.daughter_fraction, tan_max, e_x, m, rule, e_min)
    assert f is None or np.all((f >= 0) & (f <= 1))
    outcome(acc.daughter_fraction, np.array([tan_max, 0.1]), np.array([e_x, 10.0]), m, rule, e_min)


@FAST
@given(real(1e-3, 1e3, signed=True), real(1e-3, 1e3, signed=True))
def test_fuzz_acceptance_decay_bins(l_sh, l_dec):
    out = outcome(acc.decay_bins, l_sh, l_dec)
    if out is not None:
        edges, centres = out
        assert np.all(np.diff(edges) > 0) and np.all((centres > edges[:-1]) & (centres < edges[1:]))


# --- models ---------------------------------------------------------------------------------------
VERTEX = st.one_of(st.just(0.0), mostly(1e-6, 1e6, signed=True), mostly(1e-6, 1e6).map(lambda v: -v))
MODEL_NAME = st.sampled_from(models.names() + ["Lee", "gVe", "Vmumu", "nope", "", "L_xx", "x.yaml"])


@FAST
@given(MODEL_NAME, mostly(1e-6, 1e4), st.sampled_from([1.0, -1.0, 1.0, -1.0, 0.0, math.nan, 2.0]),
       st.sampled_from(["ee", "mumu", "emu", "xx"]))
def test_fuzz_registered_models(name, m, sign, pair):
    mdl = outcome(models.resolve, name)
    if mdl is None:
        return
    assert models.get(name) == mdl
    outcome(mdl.nu, pair)
    d = outcome(mdl.direction, sign)
    assert d is None or d.shape == (len(base.couplings.BASIS),)
    ee, inv = outcome(mdl.width_ee, m), outcome(mdl.width_invisible, m)
    assert ee is None or ee >= 0
    assert inv is None or inv >= 0
    b = outcome(mdl.branching_ee_vs_invisible, m)
    assert b is None or 0 <= b <= 1


@FAST
@given(st.lists(VERTEX, min_size=3, max_size=3), VERTEX, VERTEX, st.one_of(st.just(0.0), real(1e-6, 2.0, signed=True)),
       mostly(1e-6, 1e4), st.sampled_from(["gQ/2", "gQ", "gq"]), st.booleans())
def test_fuzz_model_constructors(nus, le, re, eps, m, convention, anomaly_free):
    nu = outcome(base.neutrino_couplings, dict(zip(("ee", "mumu", "tautau"), nus)))
    if nu is not None:
        mdl = outcome(base.Model, "user", "g", nu, le, re, epsilon=eps)
        if mdl is not None:
            outcome(mdl.width_ee, m)
            outcome(mdl.width_invisible, m)
            outcome(mdl.branching_ee_vs_invisible, m)
            outcome(mdl.direction)
    ch = outcome(u1x.Charges, nus[0], nus[1], nus[2], le, convention, mu_R=re, tau_R=re, Q=eps, u_R=eps, d_R=eps)
    if ch is not None:
        outcome(u1x.anomalies, ch)
        outcome(u1x.charge_model, "user", ch, epsilon=eps, anomaly_free=anomaly_free)

@FAST
@given(st.sampled_from(list("LRVAX")), st.sampled_from(list(base.couplings.PAIRS) + ["xx"]),
       st.sampled_from(list(chiang_models.SEPARATE) + ["g_Xe", ""]))
def test_fuzz_chiang_models(kind, pair, name):
    outcome(chiang_models.product_model, kind, pair)
    outcome(chiang_models.separate_model, name)


_GOOD_CHARGES = {"name": "my-BL", "charges": {"L_e": -1, "L_mu": -1, "L_tau": -1, "e_R": -1}, "convention": "gQ/2"}
_GOOD_COUPLINGS = {"name": "mine", "couplings": {"g_Le": 1, "g_Re": 1, "g_nu_ee": 1, "g_nu_mumu": 0, "g_nu_tautau": 0}}
_JUNK_VALUES = [math.nan, math.inf, -math.inf, 1e300, -1e7, None, "1", True, [1], {"a": 1}, "", 0.5, 1e6]


@st.composite
def corrupt_model_file(draw):
    """A model-file mapping with one or two corruptions: a junk value, a missing or unknown key."""
    d = yaml.safe_load(yaml.safe_dump(draw(st.sampled_from([_GOOD_CHARGES, _GOOD_COUPLINGS]))))
    for _ in range(draw(st.integers(1, 2))):
        where = d if draw(st.booleans()) else d.get("charges", d.get("couplings"))
        if not isinstance(where, dict):
            break
        what = draw(st.sampled_from(["junk", "drop", "unknown"]))
        keys = sorted(where)
        if what == "junk" or not keys:
            key = draw(st.sampled_from(keys + ["epsilon", "alpha_over_g", "sign_free", "nu_R", "anomaly_free"]))
            where[key] = draw(st.sampled_from(_JUNK_VALUES))
        elif what == "drop":
            where.pop(draw(st.sampled_from(keys)))
        else:
            where[draw(st.sampled_from(["colour", "g_nu_xx", "L_x", "Charges"]))] = 1.0
    return d


@FAST
@given(corrupt_model_file())
def test_fuzz_user_model_files(tmp_path_factory, d):
    try:
        mdl = user.model_from_dict(d)
    except InputError as exc:
        msg = str(exc)
        assert "\n" not in msg and msg.split(":")[0], msg
        return
    check_finite([mdl.g_nu, mdl.g_le, mdl.g_re, mdl.epsilon, mdl.alpha_over_g])
    path = tmp_path_factory.mktemp("model") / "m.yaml"
    path.write_text(yaml.safe_dump(d))
    assert models.load_model_file(path) == mdl


@pytest.mark.parametrize("text, field", [
    ("name: a\ncouplings: {g_Le: 1, g_Re: 1, g_nu_ee: 1, g_nu_mumu: 0, g_nu_tautau: 0}\ncolour: red\n", "colour"),
    ("name: a\ncouplings: {g_Le: .nan, g_Re: 1, g_nu_ee: 1, g_nu_mumu: 0, g_nu_tautau: 0}\n", "couplings.g_Le"),
    ("name: a\ncharges: {L_e: 1, L_mu: 1, L_tau: 1}\nconvention: gQ\n", "charges.e_R"),
    ("name: a\ncharges: {L_e: 1, L_mu: 1, L_tau: 1, e_R: 1e300}\nconvention: gQ\n", "charges.e_R"),
    ("name: a\ncouplings: {g_Le: 1e300, g_Re: 1, g_nu_ee: 1, g_nu_mumu: 0, g_nu_tautau: 0}\n", "couplings.g_Le"),
    ("name: [a\n", "not valid YAML"),
    ("- 1\n- 2\n", "mapping"),
])
def test_corrupt_model_file_names_the_field(tmp_path, text, field):
    path = tmp_path / "m.yaml"
    path.write_text(text)
    with pytest.raises(InputError, match=field.replace(".", r"\.")):
        models.load_model_file(path)


def test_binary_model_file_is_an_input_error(tmp_path):
    """A model 'YAML' file that is not text (e.g. a PNG given by mistake) is our input error."""
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(InputError, match="m.yaml"):
        models.load_model_file(path)
    with pytest.raises(InputError, match="no such file"):
        models.load_model_file(tmp_path / "missing.yaml")


# --- models: the loop-induced kinetic mixing of L_mu - L_tau -------------------------------------
@FAST
@given(st.one_of(real(1e-9, 2e4, signed=True), st.sampled_from([0.0, math.nan, math.inf, -math.inf, 0.0402, 0.0447])))
def test_fuzz_kinetic_mixing_mu_tau(q2):
    from xboson.models import u1x

    eps = outcome(u1x.kinetic_mixing_mu_tau, q2)
    assert eps is None or (math.isfinite(eps) and eps > 0)


# --- recast ---------------------------------------------------------------------------------------
#: the recast's cheap sources (the beam dumps and Lindner's fits cost seconds per mass; they are
#: exercised by test_fuzz_recast_all_sources on one mass and by tests/test_recasting.py)
CHEAP = ["lampf-lsnd", "reactors", "zpole", "g-2", "fixed-target", "lep"]


@FAST
@given(st.sampled_from(["B-L", "dark-photon", "Lmu-Ltau", "Lmu-Ltau-loop", "V_ee", "A_emu", "g_Ae", "g_nu", "D",
                        "nope"]),
       st.one_of(*[st.lists(st.one_of(st.sampled_from([1e-3, 0.01, 0.2, 5.0, 100.0]), log_uniform(1e-4, 100.0)),
                            min_size=1, max_size=3)] * 3, st.lists(real(1e-4, 100.0), max_size=3)),
       st.one_of(st.none(), st.none(), mostly(1e-12, 1e-3), real(1e-12, 1.0)),
       st.lists(st.sampled_from(CHEAP * 3 + ["nope"]), min_size=1, max_size=3))
def test_fuzz_recast(model, masses, gamma_x, wanted):
    res = outcome(recasting.recast, model, masses, gamma_x, constraints=wanted)
    if res is None:
        return
    for row in res.rows():
        assert row["status"] in recasting.STATUSES
        assert (row["coupling_upper"] is None) == (row["status"] in ("unbounded", "not-applicable")) or \
            (row["status"] == "excluded")
        if row["coupling_upper"] is not None:
            assert math.isfinite(row["coupling_upper"]) and row["coupling_upper"] >= 0
    for name in res.constraint_names():
        c = res.curve(name)                                # NaN where there is no limit (documented)
        assert c.shape == (len(res.masses),) and not np.any(np.isinf(c))
    with pytest.raises(InputError):
        res.curve("nope")


@pytest.mark.parametrize("masses", [[], [math.nan], [1e300], [0.0], [-1.0], [1e-5], [[0.1, 0.2]], "abc",
                                    [0.1] * (recasting.MAX_MASSES + 1)])
def test_recast_rejects_bad_masses(masses):
    with pytest.raises(InputError, match="m_x"):
        recasting.recast("B-L", masses, constraints=["g-2"])


@pytest.mark.parametrize("gamma_x", [0.0, -1.0, math.nan, math.inf, 1e-300, 10.0])
def test_recast_rejects_bad_widths(gamma_x):
    with pytest.raises(InputError, match="gamma_x|Gamma_X"):
        recasting.recast("B-L", [1.0], gamma_x, constraints=["lep"])


def test_fuzz_recast_all_sources():
    """Every source once, at one mass where all of them apply (the expensive ones included)."""
    res = recasting.recast("dark-photon", [0.2])
    assert res.constraint_names() == recasting.source_names()
    for row in res.rows():
        check_finite({k: v for k, v in row.items() if k != "allowed"})


# --- figures --------------------------------------------------------------------------------------
BAD_PARAM = st.sampled_from([0, 1e5, -3, math.nan, math.inf, 1e300, "abc", None, [20, 30], 0.5, True,
                             np.array([20, 30])])


@FAST
@given(st.sampled_from(figures.ids() + ["chiang-fig9", "", "all"]), st.sampled_from(["grid", "n", "m_x_gev", "pair",
                                                                                      "colour"]), BAD_PARAM)
def test_fuzz_figure_parameters(fid, key, value):
    """Out-of-range, non-integer or unknown resolution parameters are rejected before any work."""
    with pytest.raises(InputError):
        figures.get(fid, **{key: value})


@FAST
@given(st.integers(11, 16), st.one_of(st.just(1.0), real(1.0, 1e4)))
def test_fuzz_figure_small(grid, m_x_gev):
    """A cheap figure at coarse resolution: finite data (NaN only in curves, 'no limit there')."""
    fig = outcome(figures.get, "chiang-fig4", grid=grid, m_x_gev=m_x_gev)
    if fig is not None:
        for panel in fig.panels:
            for region in panel.regions:
                check_finite(region.rings)


# --- explorers ------------------------------------------------------------------------------------
GRID = st.one_of(st.lists(real(1e-3, 1e3, signed=True), max_size=4), st.sampled_from([(), (1.0, 1.0), (2.0, 1.0)]),
                 *[st.lists(log_uniform(1e-3, 1e3), min_size=1, max_size=4, unique=True).map(sorted)] * 2)


@FAST
@given(st.sampled_from(list(widget.PARAM_TRAITS) + ["mass"]), GRID, st.booleans(),
       st.one_of(st.just(()), st.lists(st.sampled_from(["ee", "mumu", 3, ""]), max_size=3)))
def test_fuzz_explorer_param(name, values, log, options):
    p = outcome(widget.Param, name, name, tuple(values), tuple(options), log=log)
    if p is not None:
        assert p.size >= 1
        if not options:
            assert all(math.isfinite(v) for v in p.values) and list(p.values) == sorted(set(p.values))
            assert not log or min(p.values) > 0


@FAST
@given(st.lists(st.lists(st.sampled_from([0.0, 1.0, -2.0, math.nan, math.inf, 1e300]), min_size=8, max_size=8),
                max_size=3),
       st.lists(st.sampled_from([0.0, 1.0, -1.0, math.nan, math.inf, 1e300]), min_size=4, max_size=4),
       st.sampled_from([0, 1, 3, -1, 2.5]))
def test_fuzz_explorer_region_mask(bands, window, n):
    mask = outcome(explore_bands.region_mask, np.array(bands).reshape(-1, 8), tuple(window), n, n)
    if mask is not None:
        assert mask.shape == (n, n) and mask.dtype == bool


def _explorer(rows, values, grid=(1.0, 2.0)):
    return widget.Explorer(params=[widget.Param("m_x", "m_X", grid)],
                           spec={"kind": "region", "value_names": ["a"]}, rows=rows, values=values, row_length=9)


@FAST
@given(st.lists(st.one_of(st.none(), *[st.lists(st.sampled_from([0.0, 1.0, -1.0, math.inf]), min_size=8, max_size=8)] * 4,
                          st.lists(st.sampled_from([0.0, 1.0, math.nan, math.inf]), min_size=8, max_size=10)),
                min_size=1, max_size=3),
       st.one_of(*[st.lists(st.sampled_from([0.0, 1.0, math.nan]), min_size=2, max_size=2)] * 3,
                 st.lists(st.sampled_from([0.0, 1.0, math.nan]), max_size=3)))
def test_fuzz_explorer_constructor(rows, values):
    rows = [None if r is None else [1.0] + r for r in rows]
    try:
        ex = _explorer(rows, values)
    except InputError:
        return
    full, row_of, vals = ex.state_arrays()
    assert row_of.size == 2 and full.shape[1] == 9 and not np.isnan(full).any()


@FAST
@given(st.sampled_from(["lampf-lsnd", "reactors", "g-2", "nope"]), st.sampled_from(["ee", "emu", "xx", ""]),
       st.one_of(st.lists(st.sampled_from([1e-3, 0.01, 0.005, 0.0, -1.0, math.nan, 1e300]), max_size=3),
                 st.just(np.array([]))),
       st.one_of(st.none(), st.sampled_from([25.0, 0.0, math.nan])))
def test_fuzz_constraint_region_explorer(name, pair, masses, gamma_kev):
    try:
        box = explore_chiang.constraint_region(name, pair, masses, gamma_kev)
    except InputError:
        return
    ex = box.children[-1]
    rows, row_of, values = ex.state_arrays()
    assert not np.isnan(rows).any() and row_of.size == len(masses)   # bands: numbers, +-inf for an open side


@pytest.mark.parametrize("initial", [{"m_x": 1e300}, {"m_x": math.nan}, {"m_x": 0.5}, {"m_x": "a"}])
def test_explorer_initial_value_outside_grid_is_an_input_error(initial):
    """A slider cannot start outside its grid (sec3 ... sec8 pass their m_x_mev etc. here)."""
    with pytest.raises(InputError, match="m_x"):
        widget.Explorer(params=[widget.Param("m_x", "m_X", (1.0, 2.0))], spec={"kind": "region", "value_names": []},
                        rows=[[0.0], [1.0]], values=[], row_length=1, initial=initial)


@pytest.mark.parametrize("build, kwargs", [
    (explore_chiang.sec3, {"m_x_mev": 0.0}), (explore_chiang.sec4, {"m_x_mev": math.nan}),
    (explore_chiang.sec5, {"m_x_gev": -1.0}), (explore_chiang.sec6, {"gamma_x_kev": math.inf}),
    (explore_chiang.sec6, {"pair": "etau"}), (explore_chiang.sec8, {"pair": "ee"}),
    (explore_lindner.sec5, {"model": "nope"}),
    (explore_lindner.sec5, {"alpha_over_gx": 2.0}), (explore_lindner.sec5, {"m_zp_gev": math.nan}),
    (explore_chiang.sec7, {"fig6": None, "m_x_gev": 0.0}),
])
def test_section_explorers_reject_bad_input_before_work(build, kwargs):
    with pytest.raises(InputError):
        build(**kwargs)


@FAST
@given(real(1e-3, 1e3, signed=True), real(1e-3, 1e3, signed=True), st.sampled_from([0.1, 0.0, -0.1, math.nan, 1e-300]))
def test_fuzz_log_grid(lo, hi, step):
    g = outcome(explore_chiang.log_grid, lo, hi, step)
    if g is not None:
        assert len(g) >= 1 and all(v > 0 for v in g)


# --- CLI: export, recast, ledger --id ----------------------------------------------------------------
@FAST
@given(st.sampled_from(["chiang-fig9", "", "all,x", "CHIANG-FIG1", "--", None]),
       st.sampled_from(["csv", "json", "xml", "csv,", "", "all", "--", None]), st.sampled_from(["empty", "full", "file", None]),
       st.booleans())
def test_fuzz_cli_export(tmp_path_factory, figure, fmt, out, force):
    """Bad --figure, --format and --out are refused before any figure is computed (exit 2)."""
    d = tmp_path_factory.mktemp("export")
    argv = ["export"]
    if figure is not None:
        argv.append(f"--figure={figure}")
    if fmt is not None:
        argv.append(f"--format={fmt}")
    if out == "full":
        (d / "x.txt").write_text("keep")
    elif out == "file":
        d = d / "f.txt"
        d.write_text("a file")
    if out is not None:
        argv.append(f"--out={d}")
    rc, stdout, stderr = run_cli(argv)
    assert rc == 2 and stdout == "" and len(stderr.strip().splitlines()) == 1, (argv, rc, stderr)
    if out == "full":
        assert (d / "x.txt").read_text() == "keep"


def test_cli_export_refuses_non_empty_out_without_force(tmp_path):
    (tmp_path / "x.txt").write_text("keep")
    rc, _, err = run_cli(["export", "--figure=chiang-table2", "--format=csv", f"--out={tmp_path}"])
    assert rc == 2 and "--force" in err
    assert run_cli(["export", "--list"])[0] == 0


MASS_TEXT = st.one_of(
    st.lists(st.one_of(st.sampled_from([1e-3, 0.05, 1.0]), real(1e-4, 100.0)).map(repr), min_size=1, max_size=3)
    .map(",".join),
    st.sampled_from(["--", "", ",", "nan", "inf", "1e400", "1e300", "0", "-1", "abc", "1,,2", " 5 ", "0.1;0.2",
                     ",".join(["0.1"] * (recasting.MAX_MASSES + 1))]))


@FAST
@given(st.sampled_from(["B-L", "dark-photon", "Lee", "gVe", "nope", "", "x.yaml", "-", "--"]), MASS_TEXT,
       st.one_of(st.none(), st.sampled_from(["1e-6", "0", "-1", "nan", "inf", "abc", "1e300", "1e-300"])),
       st.sampled_from(["g-2,zpole", "g-2", "lep", "nope", ",", "g-2,,fixed-target", "--"]))
def test_fuzz_cli_recast(model, m_x, gamma_x, wanted):
    argv = ["recast", f"--model={model}", f"--m-x={m_x}", f"--constraint={wanted}", "--json"]
    if gamma_x is not None:
        argv.append(f"--gamma-x={gamma_x}")
    rows = check_cli(argv)
    if rows is not None:
        assert rows and all(r["status"] in recasting.STATUSES for r in rows)


@pytest.mark.parametrize("m_x", ["--", "", ",", "nan", "1e300", "0", "abc"])
def test_cli_recast_bad_masses_exit_2(m_x):
    rc, out, err = run_cli(["recast", "--model=B-L", f"--m-x={m_x}", "--constraint=g-2", "--json"])
    assert rc == 2 and out == "" and ("m_x" in err or "--m-x" in err) and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("ids", [["--"], [""], [" "], ["chiang.s3.t_max", "--"]])
def test_cli_ledger_blank_id_exit_2_before_computing(ids):
    rc, out, err = run_cli(["ledger", *(f"--id={i}" for i in ids), "--json"])
    assert rc == 2 and out == "" and "--id" in err and len(err.strip().splitlines()) == 1


def test_cli_ledger_unknown_id_exit_2():
    """Unknown ids are known only once the ledger is computed (cached for the process, shared with
    tests/test_ledger.py)."""
    rc, out, err = run_cli(["ledger", "--id=chiang.s3.t_max", "--id=no.such.row", "--json"])
    assert rc == 2 and out == "" and "no.such.row" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [
    ["recast", "--model=B-L", "--m-x=1", "--constraint=--"], ["recast", "--model=B-L", "--m-x=1", "--plot=--"],
    ["recast", "--model=--", "--m-x=1"], ["recast", "--model=B-L", "--m-x=--"],
    ["export", "--format=--", "--figure=chiang-fig1"], ["export", "--figure=--"], ["export", "--figure=chiang-fig1", "--out=--"],
])
def test_cli_dash_dash_value_exit_2(argv):
    """Issue 12 reproducer: argparse passes ``--opt=--`` on as an empty list (a traceback before)."""
    rc, out, err = run_cli(argv)
    assert rc == 2 and out == "" and len(err.strip().splitlines()) == 1, err


@pytest.mark.slow
def test_fuzz_new_modules_slow_profile():
    """This file's fuzz tests with more examples each (random seeds), run by ``pytest -m slow``."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    here = Path(__file__).resolve().parent
    env = dict(os.environ, XBOSON_FUZZ_EXAMPLES="200", XBOSON_FUZZ_RANDOM="1")
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-m", "not slow", "-p", "no:cacheprovider",
                        str(Path(__file__).resolve())], cwd=here.parent, env=env, capture_output=True, text=True,
                       timeout=1200)
    assert r.returncode == 0, r.stdout[-4000:]


# --- regressions: what this fuzz found ----------------------------------------------------------------
@pytest.mark.parametrize("call", [
    lambda: beam_dump.r_ratio(1e155),                       # OverflowError before
    lambda: beam_dump.width_ll(1.0, 1e155, 0.0),
    lambda: beam_dump.s_factor(1e300),
    lambda: beam_dump.track_length_v(5e-324),               # overflow to inf before
    lambda: beam_dump.chi(1e100, 1.0, 6.0, 12.0),           # RuntimeWarning overflow / NaN before
    lambda: beam_dump.chi(1.0, 5e-324, 6.0, 12.0),
    lambda: beam_dump.dsigma_dx(5e-324, 1.0, 1.0, 1.0),
    lambda: beam_dump.events("E137", 0.002, 1e155, acceptance="none"),
    lambda: acc.angular_fraction(1.0, 0.5, np.array([1.0, 0.1]), math.nan),   # NaN / ambiguous truth value before
    lambda: acc.angular_fraction(1e155, 0.5, 1.0, 5e-324),
    lambda: acc.daughter_fraction(1.0, 10.0, 0.0, "pair"),   # division by zero before
    lambda: acc.decay_bins(math.nan, 1.0),
    lambda: figures.get("chiang-fig7", pair=np.array([20, 30])),   # ValueError (truth value) before
    lambda: figures.get("chiang-fig1", grid=12.5),
    lambda: models.get("B-L").width_ee(1e300),
    lambda: base.Model("m", "g", (1e300,) + (0.0,) * 5, 1.0, 1.0),
    lambda: recasting.recast("B-L", [1.0], constraints=[]),
    lambda: explore_bands.region_mask(np.zeros((1, 8)), (0.0, math.nan, 0.0, 1.0), 3, 3),
    lambda: explore_chiang.log_grid(0.0, 1.0, 0.0),          # ZeroDivisionError before
    lambda: widget.Param("m_x", "m_X", (2.0, 1.0)),          # plain ValueError before
    lambda: widget.Param("m_x", "m_X", (math.nan,), ("ee",)),   # NaN grid kept silently before
])
def test_found_by_fuzzing_is_an_input_error(call):
    with pytest.raises(InputError):
        call()


def test_soft_fraction_never_exceeds_one():
    """Found by fuzzing: the partial sum could round to 1 + 2e-16 of the total."""
    f = beam_dump.soft_fraction("E137", 0.2, [0.01, 1e-6], 100.0, acceptance="none")
    assert np.all(np.isnan(f) | ((f >= 0) & (f <= 1)))


def test_explorer_with_one_state_decodes():
    """One state (every column constant): state_arrays used to fail reshaping an empty table."""
    ex = _explorer([None, [1.0] + [0.0] * 8], [0.0, 0.0])
    rows, row_of, _ = ex.state_arrays()
    assert rows.shape == (1, 9) and list(row_of) == [-1, 0]


def test_daughter_fraction_at_rest_is_exact():
    """E_X = m_X (beta = 0): both daughters have E_X/2 (a threshold above it accepts nothing, exactly) and
    leave back to back, so an aperture of 90 degrees (tan_max = inf) takes exactly one of them."""
    assert acc.daughter_fraction(math.inf, 1e-6, 1e-6, "pair", 1e6) == 0.0
    assert acc.daughter_fraction(math.inf, 1.0, 1.0, "any", 0.0) == pytest.approx(1.0, abs=1e-12)
    assert acc.daughter_fraction(math.inf, 1.0, 1.0, "pair", 0.0) == pytest.approx(0.0, abs=1e-12)
