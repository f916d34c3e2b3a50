"""Lindner Sec. 5 fits: one code path with Chiang's averaging, chi^2 sanity, limits, bad input."""

import math

import numpy as np
import yaml
import pytest

from xboson import averaging
from xboson.lindner import fits
from xboson.lindner.cross_sections import ext_couplings
from xboson.lindner.models import MODEL_NAMES, get_model
from xboson.spectra import reactor_spectrum
from xboson.units import MeV, keV


@pytest.mark.parametrize("m_zp", [1e-4, 5e-3, 2.0])
def test_window_forms_reduce_to_core_flux_average(m_zp):
    """In the no-mixing limit the fits' forms ARE xboson.averaging's (same nodes, same terms)."""
    f = fits.window_forms(reactor_spectrum(), m_zp, "e", True, [(3 * MeV, 8 * MeV)])[0]
    core = averaging.flux_averaged_cross_section(reactor_spectrum(), m_zp, "e", True,
                                                 (3 * MeV, 8 * MeV)).restrict(("L_ee", "R_ee"))
    assert f.const == pytest.approx(core.const, rel=1e-13)
    np.testing.assert_allclose(f.linear[:2], core.linear, rtol=1e-13)
    np.testing.assert_allclose(f.quad[:2, :2], core.quad, rtol=1e-13)


def test_window_forms_with_mixing_match_pointwise_integration():
    from xboson.lindner import cross_sections as cs

    p = cs.U1XPoint("B-L", 3e-4, 0.02, 1e-3, -2e-3)
    e = 23.7
    f = fits.window_forms(e, p.m_zp, "mu", False, [(3.0, 24.0)])[0]
    c = ext_couplings(p.model, p.g_x, p.epsilon, p.alpha)
    tmax = float(e * 2 * e / (2 * e + 0.000510998928))
    x, w = np.polynomial.legendre.leggauss(200)
    # integrate in ln(m^2 + 2 m_e T) like the core, but independently with many nodes
    from xboson.constants import M_E
    lo, hi = math.log(p.m_zp**2 + 2 * M_E * 3.0), math.log(p.m_zp**2 + 2 * M_E * tmax)
    v = lo + 0.5 * (hi - lo) * (x + 1)
    q = np.exp(v)
    t = np.clip((q - p.m_zp**2) / (2 * M_E), 3.0, tmax)
    num = 0.5 * (hi - lo) * np.sum(w * q / (2 * M_E) * cs.dsigma_dT(p, e, t, "mu", False))
    assert fits._eval(f, c) == pytest.approx(num, rel=1e-9)


def test_sm_chi2_values():
    zero = np.zeros(4)
    tex = fits.prepare_texono(0.01).chi2(zero)
    assert tex == pytest.approx(((1 - 1.08) / math.hypot(0.21, 0.16)) ** 2, rel=1e-12)
    ch = fits.prepare_charm2(0.01).chi2(zero)
    expect = ((4 * 0.27**2 - 0.289) / 0.026) ** 2 + ((4 * 0.23**2 - 0.219) / 0.023) ** 2
    assert ch == pytest.approx(expect, rel=1e-4)
    assert fits.prepare_gemma(0.01).chi2(zero) == 0.0


def test_gemma_mu_excess_is_positive_and_falling():
    s = fits._gemma_mu_excess()
    assert s.size == 22 and np.all(s > 0) and np.all(np.diff(s) < 0)


def test_limits_behave_like_the_paper():
    m = [1e-3, 1.0, 10.0]
    tex = fits.limit_curve("B-L", "texono", m)
    ch = fits.limit_curve("B-L", "charm2", m)
    # linear large-mass behaviour (m_Z'^2 >> 2 m_e T)
    assert tex[2] / tex[1] == pytest.approx(10.0, rel=0.02)
    assert ch[2] / ch[1] == pytest.approx(10.0, rel=0.02)
    # CHARM-II dominates at high mass, TEXONO/GEMMA at low mass
    assert ch[2] < tex[2] and tex[0] < ch[0]
    # combined is about as strong as the strongest (Delta chi^2 is taken from each fit's own minimum,
    # so the combination can be marginally weaker where one experiment's best fit is off zero)
    comb = fits.limit_curve("B-L", "combined", m)
    assert np.all(comb <= np.minimum(tex, ch) * 1.02)


def test_u1f_strongest_and_chi2_threshold():
    lim = {n: fits.upper_limit(n, "combined", 0.01) for n in MODEL_NAMES}
    assert min(lim, key=lim.get) == "F"
    prep = fits.prepare("texono", 0.01)
    g = fits.upper_limit("B-L", "texono", 0.01, prepared=prep)
    lam = np.concatenate([[0.0], np.logspace(-10, 1, 2000)])
    c = prep[0].chi2(fits.scan_couplings(get_model("B-L"), "g_x", lam))
    p = fits.scan_couplings(get_model("B-L"), "g_x", np.array([g]))
    assert prep[0].chi2(p)[0] - c.min() == pytest.approx(fits.DCHI2_90, abs=1e-3)


def test_epsilon_and_alpha_scans_are_model_independent():
    a = fits.upper_limit("B-L", "texono", 0.01, scan="epsilon")
    b = fits.upper_limit("F", "texono", 0.01, scan="epsilon")
    assert a == pytest.approx(b, rel=1e-12)
    a = fits.upper_limit("B-L", "charm2", 1.0, scan="alpha")
    b = fits.upper_limit("G", "charm2", 1.0, scan="alpha")
    assert a == pytest.approx(b, rel=1e-12)


def test_binned_machinery_with_synthetic_spectrum():
    """A binned file in the paper's format: data = SM prediction -> chi^2(SM) = 0, and a limit."""
    m_zp = 0.01
    bins = [(3.0 + k, 4.0 + k) for k in range(5)]
    forms = fits.window_forms(reactor_spectrum(), m_zp, "e", True, [(a * MeV, b * MeV) for a, b in bins])
    sm = np.array([f.const for f in forms]) / MeV
    scale = 1.0 / sm[0]
    d = {"bins_mev": bins, "rate": list(scale * sm), "error": list(0.2 * scale * sm), "sm_rate": list(scale * sm),
         "source": "reactor", "flavour": "e", "anti": True}
    bm = fits.BinnedMeasurement.from_dict("synthetic", d)
    prep = bm.prepare(m_zp)
    assert prep.chi2(np.zeros(4)) == pytest.approx(0.0, abs=1e-20)
    g = fits.upper_limit("B-L", "texono", m_zp, prepared=[prep])
    assert 1e-6 < g < 1e-3
    with pytest.raises(ValueError, match="bins"):
        fits.BinnedMeasurement.from_dict("bad", {"rate": [1], "error": [1]})


def test_gemma_bins():
    b = fits.gemma_bins()
    assert len(b) == 22 and b[0][0] == pytest.approx(3 * keV) and b[-1][1] == pytest.approx(25 * keV)


@pytest.mark.parametrize("kw, match", [
    (dict(model="Q"), "model"),
    (dict(experiment="borexino"), "experiment"),
    (dict(m_zp=-1.0), "m_zp"),
    (dict(m_zp=float("nan")), "m_zp"),
    (dict(epsilon=1.0), "epsilon"),
    (dict(epsilon=-1.2), "epsilon"),
    (dict(scan="delta"), "scan"),
])
def test_bad_input(kw, match):
    args = dict(model="B-L", experiment="texono", m_zp=0.01)
    args.update(kw)
    with pytest.raises(ValueError, match=match):
        fits.upper_limit(**args)


def test_paper_to_gq():
    assert fits.paper_to_gq(6e-3) == pytest.approx(3e-3)
    assert fits.m_zp_threshold(3 * MeV) == pytest.approx(math.sqrt(2 * 0.000510998928 * 0.003))


def _window_forms_one_by_one(source, m_zp, flavour, anti, windows, n_e=fits.N_E, n_t=fits.N_T):
    """The per-window loop window_forms replaced (kept here as the reference): each window with its
    own energy and recoil quadrature, integrals summed one coefficient at a time."""
    from xboson.averaging import energy_nodes, recoil_nodes
    from xboson.kinematics import t_max_recoil
    from xboson.lindner.cross_sections import propagator_factor
    from xboson.scattering import dsigma_dT_terms

    out = []
    for t1, t2 in windows:
        if isinstance(source, float):
            e, we = np.array([source]), np.array([1.0])
        else:
            e, we = energy_nodes(source, (t1, t2), n_e)
        hi = np.minimum(t2, t_max_recoil(e))
        live = hi > t1
        e, we, hi = e[live], we[live], hi[live]
        t, wt = recoil_nodes(np.full_like(e, t1), hi, m_zp, n_t)
        terms = dsigma_dT_terms(e[:, None], t, m_zp, flavour, anti)
        f = propagator_factor(m_zp, t)

        def integ(a, k=0):
            return float(np.sum(we * np.sum(a * wt * f**k, axis=-1)))

        lin = np.array([integ(terms.int_l), integ(terms.int_r), integ(terms.int_l, 1), integ(terms.int_r, 1)])
        q = np.zeros((4, 4))
        for (i, j), arr, k, half in [((0, 0), terms.x_ll, 0, 1), ((1, 1), terms.x_rr, 0, 1),
                                     ((0, 1), terms.x_lr, 0, 0.5), ((2, 2), terms.x_ll, 2, 1),
                                     ((3, 3), terms.x_rr, 2, 1), ((2, 3), terms.x_lr, 2, 0.5),
                                     ((0, 2), terms.x_ll, 1, 1), ((1, 3), terms.x_rr, 1, 1),
                                     ((0, 3), terms.x_lr, 1, 0.5), ((1, 2), terms.x_lr, 1, 0.5)]:
            v = half * integ(arr, k)
            q[i, j] += v
            if i != j:
                q[j, i] += v
        out.append((integ(terms.sm), lin, q))
    return out


@pytest.mark.parametrize("m_zp", [2e-6, 3e-4, 0.02, 4.0])
@pytest.mark.parametrize("case", ["gemma", "texono", "charm2_nubar"])
def test_window_forms_equal_the_per_window_loop(m_zp, case):
    """All windows in one array pass give the same forms as one window at a time (<= 1e-10)."""
    if case == "gemma":
        args = (reactor_spectrum(), m_zp, "e", True, fits.gemma_bins())
    elif case == "texono":
        args = (reactor_spectrum(), m_zp, "e", True, [(3 * MeV, 8 * MeV), (1 * MeV, 2 * MeV)])
    else:
        args = (19.1, m_zp, "mu", True, [(3.0, 24.0)])
    for f, (c, lin, q) in zip(fits.window_forms(*args), _window_forms_one_by_one(*args), strict=True):
        assert f.const == pytest.approx(c, rel=1e-10)
        np.testing.assert_allclose(f.linear, lin, rtol=1e-10, atol=1e-10 * np.max(np.abs(lin)))
        np.testing.assert_allclose(f.quad, q, rtol=1e-10, atol=1e-10 * np.max(np.abs(q)))


def test_experiment_registry_is_explicit(tmp_path, monkeypatch):
    """Experiments are SUMMARY (the three records) plus binned files registered by name in BINNED;
    an unregistered file is not picked up, a registered one must exist and not shadow a summary."""
    assert fits.experiment_names() == ["texono", "charm2", "gemma", "combined"]
    assert fits.binned_experiments() == {}
    bins = [(3.0 + k, 4.0 + k) for k in range(3)]
    (tmp_path / "lindner_binned_toy.yaml").write_text(yaml.safe_dump(
        {"meta": {"source": "synthetic"}, "bins_mev": [list(b) for b in bins], "rate": [1.0, 1.0, 1.0],
         "error": [0.1, 0.1, 0.1], "scale": 1.0}))
    from xboson import data
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    data.load_yaml.cache_clear()
    try:
        assert "toy" not in fits.experiment_names()
        monkeypatch.setitem(fits.BINNED, "toy", "lindner_binned_toy.yaml")
        assert fits.experiment_names() == ["texono", "charm2", "gemma", "toy", "combined"]
        with pytest.raises(ValueError, match="lindner_binned_none.yaml"):
            fits.binned_experiments({"none": "lindner_binned_none.yaml"})
        with pytest.raises(ValueError, match="already an experiment"):
            fits.binned_experiments({"gemma": "lindner_binned_toy.yaml"})
    finally:
        data.load_yaml.cache_clear()
