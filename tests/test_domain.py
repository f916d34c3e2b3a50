"""Declared domains, precision at their edges, continuity where a stable limiting form takes over,
and the LEP cache's refusal of bad files (the robustness issue's 'precision at the source')."""

from __future__ import annotations

import math

import numpy as np
import pytest

from xboson import averaging, validation
from xboson.experiments import g_minus_2
from xboson.errors import InputError
from xboson.experiments import lampf_lsnd, reactors
from xboson.lep import cache, xsec
from xboson.units import MeV

DOMAIN = np.geomspace(validation.M_X_MIN, validation.M_X_MAX, 11)


def test_lampf_lsnd_sm_cross_section_is_independent_of_m_x():
    """The SM part of Chiang Eq. (9) does not know m_X: equal to 1e-10 across 1e-6..1e4 GeV
    (it drifted by 0.6% at 1e5 GeV and was exactly 0 at 1e6 GeV through lost precision)."""
    sm = np.array([lampf_lsnd.sigma_bar(m).const for m in DOMAIN])
    assert np.all(np.abs(sm / sm[0] - 1) < 1e-10)


def test_texono_window_sm_is_independent_of_m_x():
    """Same for a reactor recoil window (TEXONO 3-8 MeV, Chiang Eq. 10): 44% low at 1e5 GeV before."""
    sm = np.array([reactors.sigma_bar(float(m), 3 * MeV, 8 * MeV).const for m in DOMAIN])
    assert np.all(np.abs(sm / sm[0] - 1) < 1e-10)


def test_recoil_nodes_tend_to_plain_gauss_legendre_in_the_contact_limit():
    t, w = averaging.recoil_nodes(0.001, 0.003, validation.M_X_MAX)
    x, gw = averaging.gauss_legendre(averaging.N_T)
    assert np.allclose(t, 0.002 + 0.001 * x, rtol=1e-10)
    assert np.allclose(w, 0.001 * gw, rtol=1e-10)


def test_lep_coefficients_flat_below_the_propagator_scale():
    """Below m_X ~ 1e-3 GeV the X propagator no longer matters for LEP (s' >> m_X^2 except on
    the narrow resonance, whose weight is fixed by Gamma_X / m_X): the coefficients agree to 1e-4."""
    ref = xsec.x_coefficients(1e-4, 5e-6 * 1e-4)
    for m in (1e-6, 3e-6, 1e-5, 1e-3):
        xc = xsec.x_coefficients(m, 5e-6 * m)
        for name in ("quad_L", "quad_R", "lin_L_ee", "lin_L", "lin_R"):
            np.testing.assert_allclose(getattr(xc, name), getattr(ref, name), rtol=1e-4)


def test_lep_quadratic_coefficients_are_non_negative_at_heavy_mass():
    """int k |h|^2 >= 0: no subtraction for a pole far outside (was -3.5e-23 at 1e6 GeV)."""
    for m in (300.0, 1e3, validation.M_X_MAX):
        xc = xsec.x_coefficients(m, m)
        assert np.all(xc.quad_L > 0) and np.all(xc.quad_R > 0)


def test_lep_far_pole_switch_is_continuous():
    """Where a piece switches from resonance subtraction to plain quadrature (pole one piece-length
    away), the coefficients are continuous to 1e-9."""
    tab = xsec.tables(xsec.DEFAULT)
    d = tab.derived
    k = int(np.argmax(d["sb"] - d["sa"]))
    m_sw = math.sqrt(d["sb"][k] + (d["sb"][k] - d["sa"][k]))
    lo = xsec.x_coefficients(m_sw * (1 - 1e-12), 1e-3 * m_sw)
    hi = xsec.x_coefficients(m_sw * (1 + 1e-12), 1e-3 * m_sw)
    for name in ("quad_L", "quad_R", "lin_L_ee", "lin_R"):
        np.testing.assert_allclose(getattr(lo, name), getattr(hi, name), rtol=1e-9)


def test_g_minus_2_small_r_switch_is_continuous():
    r = 1e-20
    assert g_minus_2.f_v(r * (1 - 1e-9)) == pytest.approx(g_minus_2.f_v(r * (1 + 1e-9)), rel=1e-15)
    assert g_minus_2.f_v(5e-324) == pytest.approx(1 / 3, rel=1e-15)
    assert g_minus_2.f_a(5e-324) == pytest.approx(-5 / 3, rel=1e-15)


@pytest.mark.parametrize("call, name", [
    (lambda: validation.mass("m_x", 1e-7), "m_x"),
    (lambda: validation.width("gamma_x", 6.0, 5.0), "gamma_x"),
    (lambda: validation.coupling("g", 13.0), "g"),
    (lambda: validation.charge("q_l", 1e300), "q_l"),
    (lambda: validation.finite("values", []), "values"),
])
def test_domain_errors_name_parameter_and_range(call, name):
    with pytest.raises(InputError) as exc:
        call()
    assert str(exc.value).startswith(name) or f" {name} " in str(exc.value)


def test_input_error_is_a_value_error():
    assert issubclass(InputError, ValueError)


def test_lep_cache_refuses_non_finite_file_and_rebuilds(tmp_path, monkeypatch):
    monkeypatch.setenv("XBOSON_CACHE", str(tmp_path))
    res = xsec.Resolution(n_x=6, n_eta=3, n_cos=3, n_phi=3)
    good = xsec.cached_tables(res)
    (path,) = tmp_path.glob("lep-tables-*.npz")
    bad = good.arrays()
    bad["values"] = np.full_like(bad["values"], np.nan)
    np.savez(path, **bad)
    again = xsec.cached_tables(res)
    assert np.all(np.isfinite(again.values)) and np.array_equal(again.values, good.values)


def test_lep_cache_never_leaves_a_temp_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XBOSON_CACHE", str(tmp_path))

    def failing_replace(src, dst):
        raise OSError("simulated failure to rename")

    monkeypatch.setattr(cache.os, "replace", failing_replace)
    res = xsec.Resolution(n_x=6, n_eta=3, n_cos=3, n_phi=3)
    tab = xsec.cached_tables(res)
    assert np.all(np.isfinite(tab.values))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("call", [
    lambda: __import__("xboson.couplings").couplings.rho_scale(1e155),
    lambda: __import__("xboson.experiments.zpole").experiments.zpole.gamma_ee(1.1, 1e150),
    lambda: g_minus_2.a_e_x(1, 1e300),
    lambda: __import__("xboson.statistics").statistics.weighted_average([], []),
    lambda: __import__("xboson.spectra").spectra.isotope_spectrum("U235", math.inf),
    lambda: __import__("xboson.experiments.charm2").experiments.charm2.rho_max("R", "emu", math.nan),
    lambda: __import__("xboson.intervals").intervals.quadratic_between(math.nan, 1.0, 0.0, -1.0, 1.0),
    lambda: __import__("xboson.lindner.mixing").lindner.mixing.tan_alpha(75645., 75645., 10., 0.),
    lambda: xsec.x_coefficients(1e6, 1e6),
])
def test_issue_library_reproducers_raise_input_error(call):
    """The library reproducers of the robustness issue: each is now our InputError, one line."""
    with pytest.raises(InputError) as exc:
        call()
    assert "\n" not in str(exc.value)


def test_f_v_at_the_smallest_double_is_its_limit():
    assert math.isfinite(g_minus_2.f_v(5e-324))
