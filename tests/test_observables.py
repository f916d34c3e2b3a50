"""The observables registry: every prediction of both papers is a quadratic form in declared
coordinates, and the re-expressed Z-pole and g-2 observables equal the papers' formulas."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xboson.experiments import g_minus_2, zpole
from xboson import observables
from xboson.quadform import QuadraticForm
from xboson.spectra import Spectrum
from xboson.spectra import reactor_spectrum
from xboson.units import MeV

KINEMATICS = {
    "reactor.sigma_bar": {"t_lo": 3 * MeV, "t_hi": 8 * MeV},
    "charm2.g_squared": {"chirality": "L"},
    "lindner.window_xsec": {"source": 23.7, "flavour": "mu", "anti": False, "t_lo": 3.0, "t_hi": 24.0},
}
MASSES = st.floats(1e-3, 1e3).map(float)
COUPLING = st.floats(-3.0, 3.0)


@pytest.mark.parametrize("name", observables.names())
@pytest.mark.parametrize("m_x", [0.01, 5.0])
def test_every_observable_is_a_finite_form_on_its_declared_coordinates(name, m_x):
    obs = observables.get(name)
    out = observables.evaluate(name, m_x, 25e-6 * m_x / 5.0 if obs.needs_width else None, **KINEMATICS.get(name, {}))
    forms = out if obs.rows else (out,)
    assert obs.rows == isinstance(out, tuple)
    for f in forms:
        assert isinstance(f, QuadraticForm)
        assert f.basis == observables.coordinates(name)
        assert math.isfinite(f.const) and np.all(np.isfinite(f.linear)) and np.all(np.isfinite(f.quad))


@settings(max_examples=40, deadline=None)
@given(MASSES, COUPLING, COUPLING)
def test_zpole_gamma_ee_form_is_chiang_eq_19(m_x, g_le, g_re):
    form = observables.zpole_gamma_ee_form(m_x)
    assert form([g_le**2, g_re**2]) == pytest.approx(zpole.gamma_ee(m_x, g_le, g_re), rel=1e-12)


@settings(max_examples=40, deadline=None)
@given(MASSES, COUPLING, COUPLING, COUPLING)
def test_zpole_gamma_nunu_form_is_chiang_eq_20(m_x, g1, g2, g3):
    form = observables.zpole_gamma_nunu_form(m_x)
    assert form([g1**2, g2**2, g3**2]) == pytest.approx(zpole.gamma_nunu(m_x, (g1, g2, g3)), rel=1e-12)


@settings(max_examples=20, deadline=None)
@given(MASSES, COUPLING, COUPLING)
def test_a_e_form_is_chiang_eq_21(m_x, g_v, g_a):
    ref = g_minus_2.a_e_x(m_x, g_v, g_a)
    assert observables.a_e_form(m_x)([g_v, g_a]) == pytest.approx(ref, rel=1e-12, abs=1e-300)


def test_the_standard_model_is_the_constant_of_each_zpole_form():
    sm = zpole.sm_values()
    assert observables.zpole_gamma_ee_form(10.0).const == pytest.approx(sm["gamma_ee"], rel=1e-14)
    assert observables.zpole_gamma_nunu_form(10.0).const == pytest.approx(sm["gamma_nunu"], rel=1e-14)


def test_the_lindner_window_is_the_fit_layer_form():
    from xboson.lindner import fits

    spec = reactor_spectrum()
    assert isinstance(spec, Spectrum)
    got = observables.evaluate("lindner.window_xsec", 0.01, source=spec, flavour="e", anti=True,
                               t_lo=3 * MeV, t_hi=8 * MeV)
    ref = fits.window_forms(spec, 0.01, "e", True, [(3 * MeV, 8 * MeV)])[0]
    assert got.const == ref.const and np.array_equal(got.quad, ref.quad)


@pytest.mark.parametrize("call, match", [
    (lambda: observables.evaluate("lep.sigma_x", 5.0), "gamma_x is required"),
    (lambda: observables.evaluate("reactor.sigma_bar", 5.0), "missing: t_hi, t_lo"),
    (lambda: observables.evaluate("g-2.a_e", 5.0, t_lo=1.0), "unknown: t_lo"),
    (lambda: observables.evaluate("nope", 5.0), "observable"),
    (lambda: observables.evaluate("g-2.a_e", -1.0), "m_x"),
    (lambda: observables.evaluate("lep.sigma_x", 5.0, 10.0), "gamma_x"),
])
def test_bad_input_names_the_parameter(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_every_measured_quantity_says_which_observable_it_tests():
    """The measurement layer sits on the observable layer: each record's quantity maps to a registered
    observable, or says in words why no paper uses it as a constraint."""
    from xboson import measurements

    quantities = {m.observable for m in measurements.registry().values()}
    assert quantities <= set(observables.PREDICTED_BY)
    for q in quantities:
        name, how = observables.PREDICTED_BY[q]
        assert how
        assert name is None or observables.predicted_by(q) is observables.OBSERVABLES[name]


def test_the_shared_measurements_are_tested_against_registered_observables():
    assert observables.predicted_by("rate_ratio_to_sm").name == "reactor.sigma_bar"
    assert observables.predicted_by("g_v_plus_g_a_squared").name == "charm2.g_squared"
    assert observables.predicted_by("event_count") is None
