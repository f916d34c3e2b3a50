"""Measurements: one record per measured number, and one code path from a record to Chiang's
band and Lindner's chi^2 (the same TEXONO and CHARM-II records feed both papers)."""

from __future__ import annotations

import copy
import dataclasses
import math

import numpy as np
import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from xboson import data, measurements, schemas
from xboson.errors import DataFileError, InputError
from xboson.experiments import charm2, lampf_lsnd, reactors
from xboson.lep import table2
from xboson.lindner import fits
from xboson.measurements import measurement, registry
from xboson.quadform import QuadraticForm
from xboson.units import MeV

CITES = ("Phys. Rev.", "Phys. Lett.", "JETP Lett.", "arXiv")


def test_every_record_cites_a_publication_and_is_used_by_a_paper():
    for m in registry().values():
        assert any(c in str(m.citation) for c in CITES) or "arxiv" in m.citation, m.id
        assert m.quoted_by and all(u.paper in measurements.PAPERS for u in m.quoted_by), m.id


def test_texono_keeps_both_error_combinations_and_says_who_uses_which():
    """Chiang Table I prints 1.08 +- 0.26; Lindner quote 0.21 (stat) and 0.16 (sys)."""
    t = measurement("texono.ratio_to_sm")
    assert (t.value, t.error.stat, t.error.sys, t.error.total) == (1.08, 0.21, 0.16, 0.26)
    assert t.use("chiang").error == "total" and t.sigma("chiang") == 0.26
    assert t.use("lindner").error == "quadrature" and t.sigma("lindner") == pytest.approx(math.hypot(0.21, 0.16))
    assert t.recoil_window.gev == pytest.approx((3 * MeV, 8 * MeV))


def test_chiang_90cl_is_1p64_sigma_in_one_place():
    """Chiang Sec. III: 'its 1.64-sigma [90% confidence level (CL)] limits'; Table II footnote 2: 2 sigma."""
    assert measurements.N_SIGMA_90 == measurements.cl_convention("chiang_90cl").n_sigma == 1.64
    assert measurements.N_SIGMA_FOOTNOTE2 == 2.0
    assert reactors.N_SIGMA_90 is measurements.N_SIGMA_90 and table2.N_SIGMA_90 is measurements.N_SIGMA_90
    assert charm2.inputs()["n_sigma_90cl"] == 1.64
    for m in measurements.quoted_by("chiang"):
        assert m.n_sigma("chiang") == 1.64, m.id
    assert measurements.DCHI2_90 == pytest.approx(2.705543454095404, rel=1e-15)


def test_same_texono_record_feeds_chiang_band_and_lindner_chi2(monkeypatch):
    """Change the one TEXONO record: Chiang's Table I band and Lindner's chi^2 both follow."""
    rec = measurement("texono.ratio_to_sm")
    sm = reactors.sigma_sm_eq14(rec.recoil_window.gev)
    band = reactors.band_for(rec, 0.01)
    assert (band.lo / sm, band.hi / sm) == pytest.approx(rec.interval("chiang"), rel=1e-14)
    zero = np.zeros(4)
    assert fits.prepare_texono(0.01).chi2(zero) == pytest.approx(rec.chi2(1.0, "lindner"), rel=1e-12)

    moved = dataclasses.replace(rec, value=1.5)
    monkeypatch.setitem(registry(), rec.id, moved)
    (texono,) = [m for m in reactors.measurements() if m.experiment == "TEXONO"]
    assert texono is moved
    assert reactors.band_for(texono, 0.01).lo / sm == pytest.approx(1.5 - 1.64 * 0.26, rel=1e-14)
    assert fits.prepare_texono(0.01).chi2(zero) == pytest.approx(((1 - 1.5) / rec.sigma("lindner")) ** 2, rel=1e-12)


def test_same_charm2_records_feed_chiang_bands_and_lindner_chi2(monkeypatch):
    plus = measurement("charm2.g_v_plus_g_a_squared")
    con = charm2._constraint.__wrapped__(1.0, 1.64)
    assert (con.bands[0].lo, con.bands[0].hi) == pytest.approx(plus.interval("chiang"), rel=1e-15)
    base = fits.prepare_charm2(1.0).chi2(np.zeros(4))
    monkeypatch.setitem(registry(), plus.id, dataclasses.replace(plus, value=0.3))
    assert charm2._constraint.__wrapped__(1.0, 1.64).bands[0].hi == pytest.approx(0.3 + 1.64 * 0.026)
    assert fits.prepare_charm2(1.0).chi2(np.zeros(4)) != pytest.approx(base, rel=1e-6)


def test_lampf_lsnd_band_is_the_average_record_at_90cl():
    rec = measurement(lampf_lsnd.AVERAGE)
    (band,) = lampf_lsnd.constraint(0.01).bands
    lo, hi = rec.interval("chiang")
    assert (band.lo, band.hi) == pytest.approx((lo * 1e-43, hi * 1e-43), rel=1e-14)


def test_gemma_upper_limit_gives_delta_chi2_2p706_at_the_limit():
    g = measurement("gemma.mu_nu")
    assert g.kind == "upper_limit" and g.confidence_level == 0.90
    assert g.chi2(g.value, "lindner") == pytest.approx(fits.DCHI2_90, rel=1e-14)
    assert g.chi2(0.0, "lindner") == 0.0


@settings(max_examples=200, deadline=None)
@given(value=st.floats(-1e3, 1e3), error=st.floats(1e-3, 1e2), n_sigma=st.floats(0.1, 5.0),
       x=st.floats(-2e3, 2e3))
def test_band_membership_and_chi2_agree(value, error, n_sigma, x):
    """|pull| <= n  <=>  chi^2 <= n^2  <=>  the Band contains the prediction: one record, one arithmetic."""
    m = dataclasses.replace(measurement("munu.ratio_to_sm"), value=value,
                            error=measurements.Uncertainty(total=error))
    pull = m.pull(x, "chiang")
    assume(abs(abs(pull) - n_sigma) > 1e-9 * (1 + n_sigma))
    band = m.band(QuadraticForm(0.0, np.array([1.0]), np.zeros((1, 1)), ("x",)), "chiang", n_sigma)
    inside = bool(band.contains(np.array([x])))
    assert inside == (abs(pull) <= n_sigma) == (m.chi2(x, "chiang") <= n_sigma**2)


def test_unknown_ids_and_uses_are_refused():
    with pytest.raises(InputError, match="unknown id"):
        measurement("borexino.rate")
    with pytest.raises(InputError, match="not used by 'lindner'"):
        measurement("rovno.xsec").sigma("lindner")
    with pytest.raises(InputError, match="paper"):
        measurements.quoted_by("pdg")
    with pytest.raises(InputError, match="say which paper"):
        measurement("texono.ratio_to_sm").pull(1.0)
    assert measurement("rovno.xsec").pull(126.0 + 62.0) == 1.0     # only Chiang uses Rovno


def _raw():
    with (data.DATA_DIR / "measurements.yaml").open() as fh:
        return yaml.safe_load(fh)


@pytest.mark.parametrize("edit, key", [
    (lambda d: d["measurements"][5].pop("value"), "measurements[5].value"),
    (lambda d: d["measurements"][5]["error"].update(stat=float("nan")), "measurements[5].error.stat"),
    (lambda d: d["measurements"][5].update(colour="red"), "measurements[5].colour"),
    (lambda d: d["measurements"][5]["process"].update(beam="reactor"), "measurements[5].process.beam"),
    (lambda d: d["measurements"][1].update(id=d["measurements"][0]["id"]), "measurements[1].id"),
    (lambda d: d["measurements"][2]["quoted_by"][0].update(cl="pdg_90cl"), "measurements[2].quoted_by[0].cl"),
    (lambda d: d["measurements"][2]["quoted_by"][0].update(error="quadrature"),
     "measurements[2].quoted_by[0].error"),
    (lambda d: d["measurements"][3]["recoil_window"].update(hi=0.1), "measurements[3].recoil_window.hi"),
    (lambda d: d["cl_conventions"]["chiang_90cl"].pop("n_sigma"), "cl_conventions.chiang_90cl"),
    (lambda d: d["cl_conventions"]["chiang_90cl"].update(n_sigma=float("nan")), "cl_conventions.chiang_90cl.n_sigma"),
])
def test_a_bad_measurements_file_is_refused_naming_file_and_key(edit, key):
    d = copy.deepcopy(_raw())
    edit(d)
    with pytest.raises(DataFileError) as exc:
        schemas.validate("measurements.yaml", d)
    msg = str(exc.value)
    assert "measurements.yaml" in msg and repr(key) in msg and "\n" not in msg
