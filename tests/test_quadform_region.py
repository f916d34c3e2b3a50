"""The general mechanism: quadratic forms, bands, exact regions (no grid)."""

import math

import numpy as np
import pytest

from xboson import couplings
from xboson.intervals import IntervalSet, quadratic_between
from xboson.quadform import Band, QuadraticForm, measurement_band
from xboson.region import AllowedRegion

XY = ("x", "y")


def form2(c, b, a):
    return QuadraticForm(c, b, a, XY)


def test_form_evaluates_and_substitutes():
    rng = np.random.default_rng(1)
    a = rng.normal(size=(3, 3))
    f = QuadraticForm(1.5, rng.normal(size=3), a, ("p", "q", "r"))
    c = rng.normal(size=3)
    assert f(c) == pytest.approx(1.5 + f.linear @ c + c @ ((a + a.T) / 2) @ c)
    m = rng.normal(size=(3, 2))
    off = rng.normal(size=3)
    g = f.substitute(m, XY, offset=off)
    p = rng.normal(size=2)
    assert g(p) == pytest.approx(f(m @ p + off))
    assert f.x_part(c) == pytest.approx(f(c) - 1.5)
    q0, q1, q2 = f.along(c)
    assert q0 + q1 * 2 + q2 * 4 == pytest.approx(f(2 * c))


def test_forms_on_different_bases_do_not_add():
    with pytest.raises(ValueError, match="different coupling bases"):
        QuadraticForm.zero(XY) + QuadraticForm.zero(("a", "b"))


def test_band_rejects_inverted_limits():
    with pytest.raises(ValueError, match="lo <= hi"):
        Band(QuadraticForm.zero(XY), 2.0, 1.0)
    with pytest.raises(ValueError):
        measurement_band(QuadraticForm.zero(XY), 1.0, -0.1, 1.64)


@pytest.mark.parametrize("a,b,c,lo,hi", [(1, 0, 0, 1, 4), (-1, 0, 4, 0, 3), (0, 2, 1, -1, 5),
                                         (0, 0, 1, 0, 2), (0, 0, 3, 0, 2), (2, -3, 1, -np.inf, 0)])
def test_quadratic_between_matches_brute_force(a, b, c, lo, hi):
    s = quadratic_between(a, b, c, lo, hi)
    t = np.linspace(-10, 10, 20001)
    v = a * t**2 + b * t + c
    inside = (v >= lo) & (v <= hi)
    got = np.array([s.contains(x) for x in t])
    # agreement except possibly at grid points within 1e-9 of an edge
    assert np.mean(got == inside) > 0.9999


def test_interval_set_intersection():
    a = IntervalSet(((-math.inf, -1.0), (1.0, 3.0)))
    b = IntervalSet(((-2.0, 2.0),))
    assert (a & b).intervals == ((-2.0, -1.0), (1.0, 2.0))
    assert (a & b).component_containing(1.5) == (1.0, 2.0)
    with pytest.raises(ValueError):
        IntervalSet.empty().bounds


def test_annulus_extremes_exact():
    ring = AllowedRegion([Band(form2(0, [0, 0], np.eye(2)), 1.0, 4.0)])
    e = ring.extremes()
    assert e == pytest.approx({"x_min": -2, "x_max": 2, "y_min": -2, "y_max": 2}, abs=1e-12)


def test_intersection_of_circles_is_exact():
    ring = AllowedRegion([Band(form2(0, [0, 0], np.eye(2)), 1.0, 4.0)])
    disk = AllowedRegion([Band(form2(0, [-2, 0], np.eye(2)), -1.0, 0.0)])   # |c - (1,0)| <= 1
    e = (ring & disk).extremes()
    assert e["x_min"] == pytest.approx(0.5, abs=1e-12)   # where the unit circles cross
    assert e["x_max"] == pytest.approx(2.0, abs=1e-12)
    assert e["y_max"] == pytest.approx(1.0, abs=1e-12)


def test_degenerate_strips_and_unbounded_regions():
    strip_x = Band(form2(0, [0, 0], [[1, 0], [0, 0]]), 1.0, 4.0)
    strip_y = Band(form2(0, [0, 0], [[0, 0], [0, 1]]), 0.0, 9.0)
    assert AllowedRegion([strip_x, strip_y]).extremes() == pytest.approx(
        {"x_min": -2, "x_max": 2, "y_min": -3, "y_max": 3})
    e = AllowedRegion([strip_x]).extremes()
    assert e["y_min"] == -math.inf and e["y_max"] == math.inf
    assert AllowedRegion([Band(form2(1, [0, 0], np.eye(2)), -1.0, 0.0)]).extremes() is None


@pytest.mark.parametrize("seed", range(12))
def test_random_conic_bands_agree_with_a_fine_grid(seed):
    rng = np.random.default_rng(seed)
    bands = []
    for _ in range(3):
        a = rng.normal(size=(2, 2))
        a = a @ a.T + 0.1 * np.eye(2) if rng.random() < 0.7 else (a + a.T) / 2
        f = form2(rng.normal(), rng.normal(size=2), a)
        v = f(rng.normal(size=(200, 2)))
        lo, hi = np.sort(rng.choice(v, 2, replace=False))
        bands.append(Band(f, lo, hi))
    region = AllowedRegion(bands)
    x = np.linspace(-3, 3, 1201)
    xx, yy = np.meshgrid(x, x)
    mask = region.contains(xx, yy)
    e = region.extremes()
    if not mask.any():
        return          # may be empty, or too thin/outside the window to see on the grid
    assert e is not None
    xs, ys = xx[mask], yy[mask]
    # every grid point inside lies within the exact extremes ...
    assert xs.min() >= e["x_min"] - 1e-9 and xs.max() <= e["x_max"] + 1e-9
    assert ys.min() >= e["y_min"] - 1e-9 and ys.max() <= e["y_max"] + 1e-9
    # ... and each exact extreme is an edge: allowed just inside, nothing just outside
    eps = 1e-7
    for axis, lo, hi in (("x", e["x_min"], e["x_max"]), ("y", e["y_min"], e["y_max"])):
        assert not region.slice_at(lo + eps, axis).is_empty and not region.slice_at(hi - eps, axis).is_empty
        assert region.slice_at(lo - eps, axis).is_empty and region.slice_at(hi + eps, axis).is_empty


def test_coupling_vector_rejects_unknown_names():
    with pytest.raises(ValueError, match="unknown coupling"):
        couplings.vector(L_xx=1.0)
    with pytest.raises(ValueError, match="L_ee"):
        couplings.vector(L_ee=float("nan"))
    with pytest.raises(ValueError, match="m_x"):
        couplings.rho_scale(0.0)
