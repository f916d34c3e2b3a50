"""Explorers for Chiang et al. Secs. III-VIII: the static figures' regions and curves at any m_X
(and Gamma_X), drawn in the browser. Each function returns the sliders and the explorer as one
widget; the physics comes from :mod:`xboson.experiments` (constraints, limits) unchanged.

Grids (the states precomputed for the static page) are logarithmic in m_X and Gamma_X; with a
kernel the explorer recomputes exactly at the slider's value.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from .. import constraints, couplings
from ..constants import M_E
from ..couplings import SINGLE_COUPLINGS
from ..experiments import charm2, lep, low_energy, reactors
from ..limits import limit
from ..figures.chiang import BD_COLOUR, FT_COLOUR, HEAVY_COLOUR, LEP_BLUE
from ..figures.chiang import COUPLING_COLOURS as COLOURS
from ..figures.chiang import MASS_COLOURS as MASS_COLOURS_MEV
from ..figures.model import Figure
from ..units import GeV, MeV, keV
from ..errors import InputError
from ..validation import choice, finite, in_range, positive
from .bands import plane_bands
from .builders import Curve, Layer, curve_explorer, region_explorer, sliders
from .widget import Param

if TYPE_CHECKING:
    from ipywidgets import VBox

__all__ = ["EXTREMES", "log_grid", "sec3", "sec4", "sec5", "LEP_PAIRS", "lep_states", "lep_window", "sec6",
           "BD_EXPERIMENTS", "sec7", "FC_PAIRS", "sec8", "constraint_region"]

EXTREMES = "ρᴸ in [{xmin}, {xmax}],  ρᴿ in [{ymin}, {ymax}]"
_PAIR_TEXT = {"ee": "ee", "mumu": "μμ", "tautau": "ττ", "emu": "eμ", "etau": "eτ", "mutau": "μτ"}


def log_grid(lo: float, hi: float, step: float) -> tuple[float, ...]:
    """10**k for k = lo, lo + step, ..., hi (log10 units; rounded so that e.g. 10**0.7 is one state);
    -300 <= lo <= hi <= 300, step > 0, at most 10^4 states."""
    lo, hi = in_range("lo", lo, -300.0, 300.0), in_range("hi", hi, lo, 300.0)
    step = positive("step", step)
    if (hi - lo) / step > 1e4:
        raise InputError(f"step: at most 10^4 states (got lo={lo:g}, hi={hi:g}, step={step:g})")
    n = int(round((hi - lo) / step)) + 1
    return tuple(float(10 ** round(lo + k * step, 6)) for k in range(n))


def _rho_labels(pair):
    p = _PAIR_TEXT[pair]
    return f"ρᴸ({p})  (Chiang Eq. 13)", f"ρᴿ({p})"


# ----------------------------------------------------------------------------- Sec. III
def sec3(m_x_mev: float = 5.0) -> VBox:
    """Chiang Sec. III / Fig. 1: the LAMPF + LSND ring at m_X (MeV slider) over the heavy-X ring."""
    m_x_mev = positive("m_x_mev", m_x_mev)
    heavy = plane_bands(constraints.get("lampf-lsnd", 1e6 * MeV), "ee")
    ex = region_explorer(
        title="Chiang Fig. 1: LAMPF + LSND, νₑe → νe (90% CL)",
        params=[Param("m_x", "m_X", log_grid(-0.3, 3.0, 0.05), unit="MeV")],
        layers=[Layer("m_X → ∞", "#d9d9d9", lambda s: heavy),
                Layer("m_X at the slider", "#1f77b4", lambda s: plane_bands(
                    constraints.get("lampf-lsnd", s["m_x"] * MeV), "ee"), opacity=0.6)],
        window=lambda s: (-6.5, 1.5, -4.8, 3.6), xlabel=_rho_labels("ee")[0], ylabel=_rho_labels("ee")[1],
        readout=[EXTREMES], readout_layer=1, initial={"m_x": m_x_mev})
    return sliders(ex, {"m_x": 0.01})


# ----------------------------------------------------------------------------- Sec. IV
def sec4(m_x_mev: float = 5.0) -> VBox:
    """Chiang Sec. IV / Fig. 2: reactors alone and with LAMPF/LSND at m_X (MeV), over the
    heavy-X reactor region; readout: the Fig. 2(b) extremes."""
    m_x_mev = positive("m_x_mev", m_x_mev)
    heavy = plane_bands(reactors.constraint(1000.0), "ee")
    ex = region_explorer(
        title="Chiang Fig. 2: reactor ν̄ₑe data, alone and with LAMPF/LSND (90% CL)",
        params=[Param("m_x", "m_X", log_grid(0.0, 3.0, 0.05), unit="MeV")],
        layers=[Layer("reactors, m_X → ∞", "#d9d9d9", lambda s: heavy),
                Layer("reactors (Fig. 2a)", "#d62728", lambda s: plane_bands(
                    constraints.get("reactors", s["m_x"] * MeV), "ee"), opacity=0.5),
                Layer("reactors + LAMPF/LSND (Fig. 2b)", "#1f77b4", lambda s: plane_bands(
                    constraints.get("reactors", s["m_x"] * MeV) & constraints.get("lampf-lsnd", s["m_x"] * MeV),
                    "ee"))],
        window=lambda s: (-3.4, 0.8, -1.05, 0.55), xlabel=_rho_labels("ee")[0], ylabel=_rho_labels("ee")[1],
        readout=["Fig. 2(b): " + EXTREMES], readout_layer=2, initial={"m_x": m_x_mev})
    return sliders(ex, {"m_x": 0.01})


# ----------------------------------------------------------------------------- Sec. V
def sec5(m_x_gev: float = 1.0) -> VBox:
    """Chiang Sec. V / Fig. 4: the CHARM-II region in the coupling products (L_mumu, R_mumu),
    which scale as m_X^2; CHARM-II bounds need m_X >= 1 GeV (no data below)."""
    m_x_gev = positive("m_x_gev", m_x_gev)
    t_max = charm2.inputs()["recoil_window_gev"][1]

    def bands(s):
        if s["m_x"] < charm2.M_X_MIN:
            return np.zeros((0, 8))
        return plane_bands(constraints.get("charm2", s["m_x"] * GeV), "mumu", rho=False)

    def window(s):
        k = couplings.rho_scale(s["m_x"] * GeV)
        return (-0.1 * k, 0.65 * k, -0.55 * k, 0.1 * k)

    def extra(s):
        if s["m_x"] < charm2.M_X_MIN:
            return {"lmumu": math.nan, "rmumu": math.nan, "contact": math.nan}
        m = s["m_x"] * GeV
        return {"lmumu": low_energy.limit("Lmumu", m).upper, "rmumu": low_energy.limit("Rmumu", m).upper,
                "contact": 200 * M_E * t_max / m**2}

    ex = region_explorer(
        title="Chiang Fig. 4 in the coupling products: CHARM-II (90% CL)",
        params=[Param("m_x", "m_X", log_grid(-0.5, 2.0, 0.05), unit="GeV")],
        layers=[Layer("CHARM-II", HEAVY_COLOUR, bands)], window=window, extra=extra,
        xlabel="L_μμ = g_νμνμ g_Le", ylabel="R_μμ", readout_layer=0,
        readout=["|L_μμ|^1/2 < {lmumu},  |R_μμ|^1/2 < {rmumu}", "contact-limit error ≤ {contact} %"],
        missing_note="CHARM-II bounds need m_X ≥ 1 GeV", initial={"m_x": m_x_gev})
    return sliders(ex, {"m_x": 0.01})


# ----------------------------------------------------------------------------- Sec. VI
LEP_PAIRS = ("ee", "mumu", "tautau", "emu")


def lep_states() -> tuple[Param, Param, Param]:
    """The LEP explorer's grid: m_X [GeV] 0.01-100 (0.1 in log10), Gamma_X [keV] 0.1-1600
    (0.6 in log10, so 25.1 keV is a state), pairs of Figs. 5 and 8 (mumu and tautau share their
    data). Sized so that the page stays under 2.5 MB (gzip)."""
    return (Param("m_x", "m_X", log_grid(-2.0, 2.0, 0.1), unit="GeV"),
            Param("gamma_x", "Γ_X", log_grid(-1.0, 3.2, 0.6), unit="keV"),
            Param("option", "pair", options=LEP_PAIRS))


def lep_window(bands: np.ndarray, pad: float = 1.35) -> tuple[float, float, float, float] | None:
    """A symmetric plotting window (x0, x1, y0, y1) around the region: ``pad`` times the largest
    |rho| on either axis allowed by the upper bounds of the bands with a positive square term
    (for display only; the readout comes from the region itself)."""
    half = []
    for lin, sq in ((1, 3), (2, 5)):
        c, b, a, hi = bands[:, 0], bands[:, lin], bands[:, sq], bands[:, 7]
        ok = (a > 0) & np.isfinite(hi) & (b * b - 4 * a * (c - hi) >= 0)
        if not ok.any():
            return None
        r = np.sqrt(b[ok] ** 2 - 4 * a[ok] * (c[ok] - hi[ok]))
        left, right = np.max((-b[ok] - r) / (2 * a[ok])), np.min((-b[ok] + r) / (2 * a[ok]))
        half.append(max(abs(left), abs(right)))
    h = pad * max(half)
    return (-h, h, -h, h)


def sec6(m_x_gev: float = 5.0, gamma_x_kev: float = 25.0, pair: str = "ee",
         params: Sequence[Param] | None = None) -> VBox:
    """Chiang Sec. VI / Figs. 5, 8: the LEP + Eq. (17) region (40 bands) at (m_X, Gamma_X) for a
    flavour pair; readout |L|^1/2_max, |R|^1/2_max and the rho extremes (as printed under Fig. 5)."""
    m_x_gev, gamma_x_kev = positive("m_x_gev", m_x_gev), positive("gamma_x_kev", gamma_x_kev)
    choice("pair", pair, LEP_PAIRS)
    cache = {}

    def bands(s):
        key = (s["m_x"], s["gamma_x"])
        if key not in cache:
            cache.clear()
            cache[key] = (lep.constraint(s["m_x"] * GeV, s["gamma_x"] * keV), {})
        con, per_pair = cache[key]
        if s["option"] not in per_pair:
            per_pair[s["option"]] = plane_bands(con, s["option"])
        return per_pair[s["option"]]

    ex = region_explorer(
        title="Chiang Figs. 5, 8: LEP e⁺e⁻ → νν̄γ and the width condition Eq. (17)",
        params=params or lep_states(),
        layers=[Layer("LEP (Table II) + Eq. (17)", LEP_BLUE, bands)],
        window=lambda s: lep_window(bands(s)), extra=lambda s: {"scale": couplings.rho_scale(s["m_x"] * GeV)},
        xlabel="ρᴸ  (Chiang Eq. 13)", ylabel="ρᴿ", readout_layer=0,
        readout=["pair {option}:  " + EXTREMES, "|L|^1/2 max = {lmax},  |R|^1/2 max = {rmax}"],
        initial={"m_x": m_x_gev, "gamma_x": gamma_x_kev, "option": pair})
    return sliders(ex, {"m_x": 0.02, "gamma_x": 0.02})


# ----------------------------------------------------------------------------- Sec. VII
BD_EXPERIMENTS = ("E137", "E141", "E774", "KEK", "Orsay")


@functools.lru_cache(maxsize=4096)
def _limit_value(coupling, source, m_x, key="upper"):
    """The field ``key`` of limits.limit(...) as a float (NaN: no limit from that source at that mass)."""
    try:
        v = getattr(limit(coupling, source, m_x), key)
    except InputError:          # the source does not constrain this coupling
        return math.nan
    return math.nan if v is None else float(v)


def _fig6_series(fig6) -> dict:
    """The curves of Fig. 6 by coupling and source, from :func:`xboson.figures.chiang.fig6`:
    {"m", "zpole": {c: y}, "g-2": {c: y}, "beam-dump": {name: (lower, upper)}, "fixed-target":
    {name: lower}} (NaN = no limit). The figure draws g_Re = g_Le for g - 2 and g_Ae = g_Ve for the
    Z pole once; here each coupling gets its own entry."""
    a, b = fig6.panel("a"), fig6.panel("b")
    by_name = {c.name: c.y for p in (a, b) for c in p.curves}
    zp = {"gLe": by_name["gLe Z pole"], "gRe": by_name["gRe Z pole"], "gnu": by_name["gnu Z pole"],
          "gVe": by_name["gVe = gAe Z pole"], "gAe": by_name["gVe = gAe Z pole"]}
    g2 = {"gLe": by_name["gLe = gRe g-2"], "gRe": by_name["gLe = gRe g-2"], "gVe": by_name["gVe g-2"],
          "gAe": by_name["gAe g-2"]}
    bd = {band.label: (band.lower, band.upper) for band in a.bands if band.name.startswith("BD ")}
    ft = {band.label: band.lower for band in a.bands if band.name.startswith("FT ")}
    return {"m": a.curves[0].x, "zpole": zp, "g-2": g2, "beam-dump": bd, "fixed-target": ft}


def sec7(fig6: Figure, m_x_gev: float = 0.1) -> VBox:
    """Chiang Sec. VII / Fig. 6: the curves of one coupling (dropdown) with m_X marked and every
    limit there. ``fig6``: the figure data ``xboson.figures.get("chiang-fig6")``. Beam-dump
    and fixed-target limits are on g_Ve (Fig. 6(a) shows them for g_Le = g_Re = g_Ve)."""
    m_x_gev = positive("m_x_gev", m_x_gev)
    curves = _fig6_series(fig6)
    m = np.asarray(curves["m"], dtype=float)
    bd = [n for n in BD_EXPERIMENTS if n in curves["beam-dump"]]
    ft = list(curves["fixed-target"])
    with_patches = ("gLe", "gRe", "gVe")
    nan = np.full(m.size, np.nan)

    def series(s):
        c = s["option"]
        ys = [curves["zpole"][c], curves["g-2"].get(c, nan)]
        for n in bd:
            lo, hi = curves["beam-dump"][n]
            ys += [lo, hi] if c in with_patches else [nan, nan]
        ys += [curves["fixed-target"][n] if c in with_patches else nan for n in ft]
        return np.vstack(ys)

    def values(s):
        c, mx = s["option"], s["m_x"]
        patch = "gVe" if c in with_patches else c
        return {"zpole": _limit_value(c, "zpole", mx), "g2": _limit_value(c, "g-2", mx),
                "bd_upper": _limit_value(patch, "beam-dump", mx), "bd_lower": _limit_value(patch, "beam-dump", mx, "lower"),
                "ft": _limit_value(patch, "fixed-target", mx)}

    style = [Curve("Z pole (Eqs. 19-20)", "#1f77b4", "dotted"), Curve("g_e − 2 (Eqs. 21-22)", "#000000", "solid")]
    style += [Curve("beam dumps (approx.)" if k == 0 else "", BD_COLOUR, fill="band") for k in range(len(bd))]
    style += [Curve("fixed target (approx.)" if k == 0 else "", FT_COLOUR, fill="above") for k in range(len(ft))]
    ex = curve_explorer(
        title="Chiang Fig. 6: limits on one coupling at a time",
        params=[Param("option", "coupling", options=SINGLE_COUPLINGS),
                Param("m_x", "m_X", log_grid(-3.0, 2.0, 0.05), unit="GeV")],
        curves=style, x_points=m, series=series, values=values, window=(1e-3, 100.0, 1e-9, 3.0),
        xlabel="m_X [GeV]", ylabel="upper limit on |coupling|",
        readout=["{option} at m_X = {m_x} GeV:", ("  Z pole: < {zpole}", "  Z pole: no limit"),
                 ("  g_e − 2: < {g2}", "  g_e − 2: no limit"),
                 ("  beam dump (g_Ve): excluded {bd_upper} to {bd_lower}", "  beam dump (g_Ve): no reach here"),
                 ("  fixed target (g_Ve): < {ft}", "  fixed target (g_Ve): no reach here")],
        vmarks=[{"param": "m_x"}], dots=[{"x": "m_x", "value": "zpole", "colour": COLOURS["gLe"]},
                                          {"x": "m_x", "value": "g2", "colour": "#000000"}],
        initial={"m_x": m_x_gev, "option": "gLe"})
    return sliders(ex, {"m_x": 0.01})


# ----------------------------------------------------------------------------- Sec. VIII
FC_PAIRS = ("emu", "etau")


def sec8(m_x_mev: float = 5.0, pair: str = "emu") -> VBox:
    """Chiang Sec. VIII / Fig. 7(c): all low-energy data on a flavour-changing pair at m_X (MeV)
    over the 1 MeV and m_X >= 1 GeV regions (CHARM-II enters for m_X >= 1 GeV, e-mu only)."""
    m_x_mev = positive("m_x_mev", m_x_mev)
    choice("pair", pair, FC_PAIRS)
    fixed = {(p, m): plane_bands(low_energy.constraint(m), p) for p in FC_PAIRS for m in (1 * MeV, 1 * GeV)}
    ex = region_explorer(
        title="Chiang Fig. 7(c): flavour-changing couplings, all νe and ν̄e data (90% CL)",
        params=[Param("option", "pair", options=FC_PAIRS),
                Param("m_x", "m_X", log_grid(0.0, 5.0, 0.05), unit="MeV")],
        layers=[Layer("m_X = 1 MeV", MASS_COLOURS_MEV[1.0], lambda s: fixed[(s["option"], 1 * MeV)]),
                Layer("m_X ≳ 1 GeV", HEAVY_COLOUR, lambda s: fixed[(s["option"], 1 * GeV)]),
                Layer("m_X at the slider", "#404040", lambda s: plane_bands(
                    low_energy.constraint(s["m_x"] * MeV), s["option"]), opacity=0.65)],
        window=lambda s: (-1.5, 1.5, -0.8, 0.8), xlabel="ρᴸ(eμ or eτ)  (Chiang Eq. 13)", ylabel="ρᴿ",
        readout=["pair {option}:  " + EXTREMES], readout_layer=2, initial={"m_x": m_x_mev, "option": pair})
    return sliders(ex, {"m_x": 0.01})


# ----------------------------------------------------------------------------- any constraint
def constraint_region(name: str, pair: str, masses_gev: ArrayLike, gamma_x_kev: float | None = None,
                      m_x_gev: float | None = None) -> VBox:
    """Explorer of any registered constraint (:func:`xboson.constraints.names`) on one pair's
    (rho^L, rho^R) plane over the m_X grid ``masses_gev`` [GeV] (sorted, positive), at a fixed
    Gamma_X [keV] where the constraint needs one. Window: the padded extremes at the first mass."""
    choice("constraint", name, constraints.names())
    couplings.plane(pair)
    grid = Param("m_x", "m_X", tuple(np.atleast_1d(np.asarray(masses_gev, dtype=float))), unit="GeV")
    gamma = None if gamma_x_kev is None else positive("gamma_x_kev", gamma_x_kev) * keV
    if m_x_gev is not None:
        finite("m_x_gev", m_x_gev)

    def bands(s):
        con = constraints.get(name, s["m_x"] * GeV, gamma)
        return plane_bands(con, pair) if con.involves(pair) else np.zeros((0, 8))

    first = bands({"m_x": grid.values[0]})
    if len(first) == 0:
        raise InputError(f"pair: constraint {name!r} does not involve pair {pair!r} at m_x = {grid.values[0]:g} GeV")
    window = lep_window(first, pad=1.1) or (-1.0, 1.0, -1.0, 1.0)
    ex = region_explorer(
        title=f"{name}: allowed region, pair {pair}", params=[grid],
        layers=[Layer(name, LEP_BLUE, bands)], window=lambda s: window,
        xlabel=_rho_labels(pair)[0], ylabel=_rho_labels(pair)[1], readout=[EXTREMES], readout_layer=0,
        initial={"m_x": grid.values[0] if m_x_gev is None else m_x_gev})
    return sliders(ex)
