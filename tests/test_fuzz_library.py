"""Fuzz the public functions of the package: in-domain, edge and hostile arguments. Allowed
outcomes (tests/fuzzing.py): a finite result, a documented marker (None for 'no limit', an
infinite end of an interval or region for 'open'), or our InputError naming the parameter. Any
other exception, or a NaN/inf where none is documented, fails."""

from __future__ import annotations

import math

import numpy as np
import pytest
from fuzzing import COUPLING, FAST, MASS, outcome, real
from hypothesis import given, settings
from hypothesis import strategies as st

from xboson import (averaging, constraints, couplings, intervals, kinematics, limits, quadform, scattering, spectra,
                    statistics)
from xboson.experiments import g_minus_2, zpole
from xboson.experiments import charm2, lampf_lsnd, lep, low_energy, reactors
from xboson.lep import xsec
from xboson.lindner import cross_sections, fits, mixing, models, partial

ENERGY = real(1e-4, 1e3)            # neutrino energies [GeV]
RECOIL = real(1e-7, 1e2)
WIDTH_RATIO = real(1e-10, 1.0)
FLAVOUR = st.sampled_from(["e", "mu", "tau", "x"])
PAIR = st.sampled_from(list(couplings.PAIRS) + ["xx"])
SINGLE = st.sampled_from(["gLe", "gRe", "gnu", "gVe", "gAe", "gXe"])
PRODUCT = st.sampled_from(["Lee", "Ree", "Vee", "Aee", "Lemu", "Retau", "Vmumu", "Amutau", "Xee"])


def _width(m, ratio):
    try:
        return m * ratio
    except TypeError:
        return ratio


# --- couplings, kinematics, scattering ---------------------------------------------------------
@FAST
@given(MASS, COUPLING, st.sampled_from(couplings.BASIS + ("X_ee",)))
def test_fuzz_couplings(m, c, name):
    outcome(couplings.rho_scale, m)
    outcome(couplings.vector, {name: c})
    outcome(couplings.as_vector, np.full(couplings.DIM, c))


@FAST
@given(ENERGY, RECOIL)
def test_fuzz_kinematics(e, t):
    outcome(kinematics.t_max_recoil, e)
    outcome(kinematics.e_min_for_recoil, t)
    outcome(kinematics.mandelstam, e, t)


@FAST
@given(ENERGY, st.floats(0, 1), MASS, COUPLING, FLAVOUR, st.booleans())
def test_fuzz_scattering(e, frac, m, c, flavour, anti):
    try:
        t = frac * kinematics.t_max_recoil(e)
    except ValueError:
        t = frac
    outcome(scattering.dsigma_dT_terms, e, t, m, flavour, anti)
    outcome(scattering.dsigma_dT, e, t, m, flavour=flavour, anti=anti, L_ee=c, R_emu=c)
    outcome(scattering.dsigma_dT_effective, e, t, m, flavour=flavour, anti=anti, R_ee=c, L_etau=c)
    outcome(scattering.sigma_nue_eq8, e, m, L_ee=c)


@FAST
@given(real(1e-9, 1e-2), real(1e-9, 1e-1), MASS)
def test_fuzz_recoil_nodes_and_spectrum(t1, t2, m):
    outcome(averaging.recoil_nodes, t1, t2, m)
    outcome(spectra.MU_DECAY_NUE, t1)
    outcome(spectra.isotope_spectrum, "U235", t2)
    outcome(spectra.isotope_spectrum, "Pu239", t1)


@FAST
@given(MASS, st.floats(0, 0.05), st.floats(0, 0.06))
def test_fuzz_flux_average(m, t1, t2):
    outcome(averaging.flux_averaged_cross_section, spectra.MU_DECAY_NUE, m, t_window=(t1, t2))


# --- generic building blocks -----------------------------------------------------------------------
@FAST
@given(real(1e-300, 1e300, signed=True), real(1e-300, 1e300, signed=True), real(1e-300, 1e300, signed=True),
       real(1e-300, 1e300, signed=True), real(1e-300, 1e300, signed=True))
def test_fuzz_quadratic_inequalities(a, b, c, lo, hi):
    outcome(intervals.quadratic_between, a, b, c, min(lo, hi), max(lo, hi), allow_inf=True)
    outcome(intervals.quadratic_between, a, b, c, lo, hi, allow_inf=True)


@FAST
@given(st.lists(real(1e-20, 1e20, signed=True), max_size=4), st.lists(real(1e-20, 1e20), max_size=4))
def test_fuzz_weighted_average(values, errors):
    outcome(statistics.weighted_average, values, errors)


@FAST
@given(real(1e-20, 1e20, signed=True), real(1e-20, 1e20), real(0.1, 10))
def test_fuzz_measurement_band(central, error, n_sigma):
    form = quadform.QuadraticForm.zero()
    outcome(quadform.measurement_band, form, central, error, n_sigma, allow_inf=True)


# --- Sec. III-V, VIII: regions and limits -----------------------------------------------------------
@FAST
@given(st.sampled_from(["lampf-lsnd", "charm2", "low-energy", "lep", "nope"]), MASS, WIDTH_RATIO, PAIR)
def test_fuzz_constraint_regions(name, m, ratio, pair):
    con = outcome(constraints.get, name, m, _width(m, ratio) if name == "lep" else None)
    if con is not None:
        region = outcome(con.region, pair)
        if region is not None:
            outcome(region.extremes, allow_inf=True)


@FAST
@given(st.sampled_from(["low-energy", "lep", "zpole", "g-2", "beam-dump", "fixed-target"]),
       st.one_of(PRODUCT, SINGLE), MASS)
def test_fuzz_limits(source, coupling, m):
    lim = outcome(limits.limit, coupling, source, m, allow_inf=True)
    if lim is not None:
        assert isinstance(lim, limits.Limit)
        assert lim.upper is None or (math.isfinite(lim.upper) and lim.upper >= 0)


@FAST
@given(PRODUCT, MASS, WIDTH_RATIO)
def test_fuzz_experiment_functions(coupling, m, ratio):
    outcome(low_energy.rho_range, coupling, m)
    outcome(lep.coupling_range, coupling, m, _width(m, ratio))
    outcome(lep.width_band, m, _width(m, ratio))
    outcome(lampf_lsnd.sigma_bar, m)
    outcome(charm2.combination_form, "L", m)


@FAST
@given(st.sampled_from(["L", "R", "X"]), st.sampled_from(["mumu", "emu", "mutau", "ee"]), real(0.01, 10))
def test_fuzz_charm2_rho_max(chirality, pair, n_sigma):
    outcome(charm2.rho_max, chirality, pair, n_sigma)


@FAST
@given(real(1e-9, 0.02), real(1e-9, 0.02))
def test_fuzz_reactor_sm_integrals(t1, t2):
    outcome(reactors.sm_integrals, (t1, t2))
    outcome(reactors.sigma_v_minus_a, (t1, t2))


@FAST
@given(MASS, WIDTH_RATIO)
def test_fuzz_lep_coefficients(m, ratio):
    xc = outcome(xsec.x_coefficients, m, _width(m, ratio))
    if xc is not None:
        assert np.all(xc.quad_L >= 0) and np.all(xc.quad_R >= 0)     # integrals of |h|^2


# --- Sec. VII ---------------------------------------------------------------------------------------
@FAST
@given(MASS, COUPLING, COUPLING, real(1e-20, 1e6))
def test_fuzz_zpole_and_g_minus_2(m, g1, g2, r):
    outcome(zpole.gamma_ee, m, g1, g2)
    outcome(zpole.a_e, m, g1, g2)
    outcome(zpole.gamma_nunu, m, (g1, g2))
    outcome(zpole.loop_function, r)
    outcome(g_minus_2.f_v, r)
    outcome(g_minus_2.f_a, r)
    outcome(g_minus_2.a_e_x, m, g1, g2)


# --- Lindner et al. ---------------------------------------------------------------------------------
@FAST
@given(real(1e-3, 1e6, signed=True), real(1e-3, 1e6, signed=True), COUPLING, MASS,
       real(1e-8, 0.999, signed=True), real(1e-6, 1.0, signed=True))
def test_fuzz_lindner_models_and_points(q1, q2, g, m, eps, alpha):
    model = outcome(models.custom_model, q1, q2)
    if model is None:
        return
    outcome(model.chiang_products, g)
    point = outcome(cross_sections.U1XPoint, model, g, m, eps, alpha)
    if point is not None:
        outcome(cross_sections.dsigma_dT, point, 0.01, 0.001)
        outcome(cross_sections.chiang_couplings, point, 0.001)
    outcome(cross_sections.r_factor, m, 0.001)
    outcome(mixing.current_couplings, model.charges, g, eps, alpha)


@FAST
@given(real(1.0, 1e8), real(1e-12, 1e8), real(1e-6, 1e6, signed=True), real(1e-8, 0.999, signed=True))
def test_fuzz_lindner_mixing(m_z2, m_zp2, delta, eps):
    outcome(mixing.tan_alpha, m_z2, m_zp2, delta, eps)
    outcome(mixing.diagonalise, m_z2, m_zp2, delta, eps)


@FAST
@given(real(1e-4, 1e3), st.floats(0, 1), st.floats(0, 1), MASS)
def test_fuzz_lindner_partial(e, f1, f2, m):
    try:
        tmax = kinematics.t_max_recoil(e)
    except ValueError:
        tmax = 1.0
    outcome(partial.partial_matrix, e, min(f1, f2) * tmax, max(f1, f2) * tmax, m)


@settings(max_examples=max(3, FAST.max_examples // 6), deadline=None, database=None,
          derandomize=True)
@given(st.sampled_from(["texono", "charm2", "gemma", "nope"]), MASS, st.sampled_from(fits.SCANS),
       real(1e-3, 1e6, signed=True))
def test_fuzz_lindner_upper_limit(experiment, m, scan, q):
    model = outcome(models.custom_model, q, 1.0)
    if model is not None:
        v = outcome(fits.upper_limit, model, experiment, m, scan)
        assert v is None or 0 <= v <= fits.SCAN_MAX[scan]


@pytest.mark.slow
def test_fuzz_slow_profile():
    """The same fuzz tests with more examples each (random seeds), run by ``pytest -m slow``."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    here = Path(__file__).resolve().parent
    env = dict(os.environ, XBOSON_FUZZ_EXAMPLES="200", XBOSON_FUZZ_RANDOM="1")
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-m", "not slow", "-p", "no:cacheprovider",
                        str(here / "test_fuzz_library.py"), str(here / "test_fuzz_cli.py")],
                       cwd=here.parent, env=env, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stdout[-4000:]


# --- the remaining public helpers -------------------------------------------------------------------
@FAST
@given(real(1e-12, 1e12, signed=True), MASS, SINGLE, PAIR, FLAVOUR)
def test_fuzz_small_helpers(z, m, single, pair, flavour):
    outcome(zpole.li2, z)
    outcome(zpole.loop_function_printed, abs(z) if isinstance(z, float) else z)
    outcome(limits.limit_curves, "zpole", single, [m])
    curve = outcome(limits.limit_curves, "g-2", single if single != "gnu" else "gVe", [m])
    if curve is not None:
        assert all(np.all(c > 0) for c in curve.values())
    if isinstance(m, float) and 1e-6 <= m <= 1e4:     # gnu does not enter a_e: NaN, documented
        assert np.all(np.isnan(limits.limit_curves("g-2", ["gnu"], [m])["gnu"]))
    outcome(couplings.plane, pair)
    outcome(couplings.pair_of, flavour, "e")
    outcome(low_energy.applicable, pair, m)
    outcome(fits.m_zp_threshold, z)
    outcome(fits.paper_to_gq, z)


@FAST
@given(ENERGY, st.floats(0, 1), st.floats(0, 1), MASS, COUPLING, real(1e-8, 0.999, signed=True), FLAVOUR,
       st.booleans())
def test_fuzz_lindner_cross_sections(e, f1, f2, m, g, eps, flavour, anti):
    point = outcome(cross_sections.U1XPoint, "B-L", g, m, eps, 0.0)
    if point is None:
        return
    try:
        tmax = kinematics.t_max_recoil(e)
    except ValueError:
        tmax = 1.0
    t1, t2 = min(f1, f2) * tmax, max(f1, f2) * tmax
    outcome(cross_sections.G_pm, point, e, t2, flavour, anti)
    outcome(cross_sections.dsigma_dT_low_energy, point, e, t2, flavour, anti)
    outcome(cross_sections.g12, point, t2, flavour)
    outcome(cross_sections.a12, point)
    outcome(cross_sections.b12, point)
    outcome(partial.partial_cross_section, point, e, t1, t2, flavour, anti)
    outcome(partial.kernel_matrix, e, t2, m)
    outcome(fits.scan_couplings, models.get_model("B-L"), "g_x", g)


@FAST
@given(real(1e-9, 0.05), real(1e-9, 0.05), st.integers(1, 200))
def test_fuzz_energy_nodes(t1, t2, n):
    outcome(averaging.energy_nodes, spectra.MU_DECAY_NUE, (t1, t2), n)
    outcome(averaging.flux_averaged_energy, spectra.MU_DECAY_NUE, n)


@FAST
@given(real(1.0, 1e4), st.floats(-0.5, 1.5), st.floats(-1.5, 1.5), MASS, WIDTH_RATIO, COUPLING, real(0.1, 20))
def test_fuzz_lep_building_blocks(sqrt_s, x, y, m, ratio, c, n_sigma):
    from xboson.lep import amplitudes, phase_space as lep_kinematics, table2

    pt = outcome(lep_kinematics.momenta, sqrt_s, x, y, 0.3, 1.0)
    if pt is not None:
        outcome(lep_kinematics.invariants, pt)
    outcome(amplitudes.g_coupling, 1e4, "L", c, m, _width(m, ratio), True)
    outcome(table2.combined_error, table2.rows()[0], n_sigma)
