"""Chiang, Faisel, Lin, Tandean (arXiv:1204.6296): what Figs. 1-8 and Table II show.

Each ``figN`` returns a :class:`~xboson.figures.model.Figure` (``table2`` a
:class:`~xboson.figures.model.Table`); the physics comes from :mod:`xboson.experiments` (among
them the Z pole, g-2 and beam dumps) and :mod:`xboson.lep`.
The curves of Figs. 3 and 6 come from :func:`xboson.limits.limit_curves` (one source at a time).
The choices made here are the paper's (masses, widths, panels, line styles and colours of the
captions) or ours where the paper is silent (windows, grids, mass sampling; listed in ``notes``).
Resolution parameters: ``grid`` (points per axis when tracing region boundaries) and ``n``
(masses per curve).
"""

from __future__ import annotations

import math

import numpy as np

from ..experiments import beam_dump
from .. import couplings
from ..constraints import Constraint
from ..data import load_yaml
from ..experiments import charm2, lampf_lsnd, lep, reactors
from ..limits import limit_curves
from ..units import GeV, MeV, keV, pb
from ..validation import in_range
from .geometry import rings
from .model import Axis, Column, Curve, ExcludedBand, Figure, Panel, Region, Table, chiang
from ..errors import InputError

__all__ = ["FIG_MASSES_MEV", "MASS_COLOURS", "HEAVY_COLOUR", "LEP_BLUE", "FIG5_TOP", "HEAVY_GEV",
           "MASS_RANGE_GEV", "BEAM_DUMP_MAX_GEV", "fig1", "fig2", "FIG3_PANELS", "fig3", "fig4", "lep_panel",
           "fig5", "fig8", "FT_COLOUR", "BD_COLOUR", "COUPLING_COLOURS", "fig6", "fig7_constraint", "fig7",
           "table2", "coupling_limit_from_rho"]

#: m_X [MeV] of the coloured regions of Figs. 1, 2 and 7.
FIG_MASSES_MEV = (1.0, 2.0, 5.0, 10.0, 50.0)
#: The captions' colour code: brown (darkest), red, magenta, orange, yellow; green for m_X >~ 1 GeV.
MASS_COLOURS = {1.0: "#7b3f00", 2.0: "#d62728", 5.0: "#e377c2", 10.0: "#ff7f0e", 50.0: "#ffd700"}
HEAVY_COLOUR = "#2ca02c"
LEP_BLUE = "#4f81bd"
#: (m_X [GeV], Gamma_X [GeV]) of the top row of Fig. 5 (and of Fig. 8); the bottom row doubles Gamma_X.
FIG5_TOP = ((0.01, 0.05e-6), (5.0, 25e-6), (100.0, 300e-6))
#: The green 'm_X >~ 1 GeV' areas of Fig. 7 are drawn at this mass [GeV].
HEAVY_GEV = 1.0
#: Fig. 3 and Fig. 6 mass range [GeV].
MASS_RANGE_GEV = (1e-3, 100.0)
#: Beam dumps have no reach above this mass [GeV] (Fig. 6); not evaluated there.
BEAM_DUMP_MAX_GEV = 2.0

_SUB = {"ee": ("ee", "ee"), "mumu": ("mu mu", r"\mu\mu"), "tautau": ("tau tau", r"\tau\tau"),
        "emu": ("mu e", r"\mu e"), "etau": ("e tau", r"e\tau"), "mutau": ("mu tau", r"\mu\tau")}


def _rho_axes(pair, xlim, ylim):
    plain, tex = _SUB[pair]
    return (Axis(f"rho^L_{plain}", rf"$\rho^L_{{{tex}}}$", "", "linear", tuple(xlim)),
            Axis(f"rho^R_{plain}", rf"$\rho^R_{{{tex}}}$", "", "linear", tuple(ylim)))


def _region(name, label, region, xlim, ylim, grid, colour, qualifiers) -> Region:
    rs, holes = rings(region, xlim, ylim, grid)
    return Region(name, label, rs, holes, region.extremes(), colour, grid, qualifiers)


def _padded(extremes, pad=0.08):
    live = [e for e in extremes if e is not None]
    if not live:
        return (-1.0, 1.0), (-1.0, 1.0)
    xs = [e["x_min"] for e in live] + [e["x_max"] for e in live]
    ys = [e["y_min"] for e in live] + [e["y_max"] for e in live]
    dx = pad * (max(xs) - min(xs)) or 0.1
    dy = pad * (max(ys) - min(ys)) or 0.1
    return (min(xs) - dx, max(xs) + dx), (min(ys) - dy, max(ys) + dy)


def _mass_regions(key, title, constraints_by_mass, pair, grid, constraint_name, window=None, note=""):
    """A panel of regions {(label, colour, m_X [GeV]): Constraint}, lightest mass first."""
    regs = {k: c.region(pair) for k, c in constraints_by_mass.items()}
    if window is None:
        window = _padded([r.extremes() for r in regs.values()])
    xlim, ylim = window
    x, y = _rho_axes(pair, xlim, ylim)
    out = []
    for (label, colour, m_x), r in regs.items():
        q = {"m_X [GeV]": m_x, "CL": "90%", "constraint": constraint_name}
        out.append(_region(f"m_X = {m_x:g} GeV", label, r, xlim, ylim, grid, colour, q))
    return Panel(key, title, x, y, regions=tuple(out), note=note)


def _mev_label(m):
    return rf"$m_X$ = {m:g} MeV"


def _grid(grid):
    return int(in_range("grid", grid, 11, 4001))


def _masses(n):
    n = int(in_range("n", n, 2, 2000))
    return np.geomspace(*MASS_RANGE_GEV, n)


# ------------------------------------------------------------------------------------------ Fig. 1
def fig1(grid: int = 401) -> Figure:
    """Chiang Fig. 1: (rho^L_ee, rho^R_ee) allowed by LAMPF E225 + LSND nu_e e (Sec. III, Eq. 9,
    90% CL) for m_X = 1, 2, 5, 10, 50 MeV."""
    grid = _grid(grid)
    cons = {(_mev_label(m), MASS_COLOURS[m], m * MeV / GeV): lampf_lsnd.constraint(m * MeV)
            for m in FIG_MASSES_MEV}
    panel = _mass_regions("", r"LAMPF + LSND, $\nu_e e\to\nu e$ (90% CL)", cons, "ee", grid,
                          "LAMPF E225 + LSND", window=((-6.5, 1.5), (-4.8, 3.6)))
    return Figure(
        "chiang-fig1", "Chiang Fig. 1: LAMPF and LSND",
        "Regions of (rho^L_ee, rho^R_ee) allowed by the LAMPF E225 and LSND nu_e e cross sections at 90% CL, "
        "for m_X = 1, 2, 5, 10, 50 MeV (brown, red, magenta, orange, yellow; largest to smallest ring).",
        "Five nested elliptical rings in the plane of rho-L-ee (horizontal) and rho-R-ee (vertical), one per "
        "X mass from 1 MeV (largest, brown) to 50 MeV (smallest, yellow); each ring is the band between two "
        "ellipses passing near the origin.",
        (panel,), {"m_X [MeV]": list(FIG_MASSES_MEV), "CL": "90% (1.64 sigma)", "grid": grid},
        (chiang("Sec. III, Eqs. (9), (13), Fig. 1"),),
        ("Ring boundaries traced on the grid; extremes exact.",))


# ------------------------------------------------------------------------------------------ Fig. 2
def fig2(grid: int = 401) -> Figure:
    """Chiang Fig. 2: (rho^L_ee, rho^R_ee) allowed by (a) the reactor data of Table I and (b) the
    reactor data together with LAMPF/LSND, for m_X = 1, 2, 5, 10, 50 MeV (Sec. IV)."""
    grid = _grid(grid)
    panels = []
    for key, title, both in (("a", r"(a) reactor $\bar\nu_e e$ data", False),
                             ("b", r"(b) reactors $\cap$ LAMPF/LSND", True)):
        cons = {}
        for m in FIG_MASSES_MEV:
            c = reactors.constraint(m * MeV)
            cons[(_mev_label(m), MASS_COLOURS[m], m * MeV / GeV)] = c & lampf_lsnd.constraint(m * MeV) if both else c
        panels.append(_mass_regions(key, title, cons, "ee", grid,
                                    "reactors + LAMPF/LSND" if both else "reactors (Table I)"))
    return Figure(
        "chiang-fig2", "Chiang Fig. 2: reactor data, alone and with LAMPF/LSND",
        "Regions of (rho^L_ee, rho^R_ee) allowed at 90% CL by (a) the reactor anti-nu_e e data of Table I and "
        "(b) those data together with LAMPF/LSND (Fig. 1), for m_X = 1, 2, 5, 10, 50 MeV.",
        "Two panels in the rho-L-ee, rho-R-ee plane. (a) Reactor data alone: five overlapping bands, one per X "
        "mass from 1 MeV (brown) to 50 MeV (yellow). (b) With LAMPF/LSND: small islands near the origin and "
        "near rho-L = -2, shrinking as the mass grows.",
        tuple(panels), {"m_X [MeV]": list(FIG_MASSES_MEV), "CL": "90% (1.64 sigma)", "grid": grid},
        (chiang("Sec. IV, Table I, Eqs. (10)-(14), Fig. 2"),),
        ("Region boundaries traced on the grid; extremes exact.",))


# ------------------------------------------------------------------------------------------ Fig. 3
FIG3_PANELS = {"a": "Lee", "b": "Ree", "c": "Vee", "d": "Aee"}
_FIG3_TEX = {"Lee": "L_{ee}", "Ree": "R_{ee}", "Vee": "V_{ee}", "Aee": "A_{ee}"}


def fig3(n: int = 100) -> Figure:
    """Chiang Fig. 3: upper limits on |C|^(1/2), C = L_ee, R_ee, V_ee, A_ee (panels a-d), one at a
    time, versus m_X [GeV]: solid (dashed) from the largest allowed +C (-C) of the low-energy
    nu e and anti-nu e data (Sec. IV), dotted from LEP + Eq. (17) with the Gamma_X of the top row
    of Fig. 5 (Sec. VI, :func:`xboson.experiments.lep.fig3_width`). n masses, 1 MeV-100 GeV."""
    m = _masses(n)
    names = tuple(FIG3_PANELS.values())
    solid = limit_curves("low-energy", names, m, sign=+1)
    dashed = limit_curves("low-energy", names, m, sign=-1)
    dotted = limit_curves("lep", names, m)
    x = Axis("m_X", "$m_X$ [GeV]", "GeV", "log", MASS_RANGE_GEV)
    panels = []
    for key, name in FIG3_PANELS.items():
        tex = _FIG3_TEX[name]
        y = Axis(f"|{name[0]}_ee|^1/2 upper limit", rf"$|{tex}|^{{1/2}}$ upper limit", "", "log")
        pos, neg = solid[name], dashed[name]
        q = {"coupling": name, "CL": "90%"}
        panels.append(Panel(key, f"({key})", x, y, curves=(
            Curve(f"{name} low-energy +C", r"$\nu e$, $\bar\nu e$ data, from $+C$", m, pos, "solid", "black",
                  {**q, "constraint": "LAMPF/LSND + reactors (Secs. III-IV)"}),
            Curve(f"{name} low-energy -C", r"$\nu e$, $\bar\nu e$ data, from $-C$", m, neg, "dashed", "black",
                  {**q, "constraint": "LAMPF/LSND + reactors (Secs. III-IV)"}),
            Curve(f"{name} LEP", r"LEP $e^+e^-\to\nu\bar\nu\gamma$ + Eq. (17)", m, dotted[name], "dotted", "black",
                  {**q, "constraint": "LEP Table II + Eq. (17)", "Gamma_X": "Gamma_X/m_X as Fig. 5 top row"}),
        )))
    return Figure(
        "chiang-fig3", "Chiang Fig. 3: limits on |L_ee|, |R_ee|, |V_ee|, |A_ee|",
        "Upper limits on |C|^(1/2) for C = L_ee (a), R_ee (b), V_ee = (L+R)/2 (c), A_ee = (L-R)/2 (d), one "
        "nonzero at a time, versus m_X: solid and dashed from the largest allowed +C and -C of the nu_e e and "
        "anti-nu_e e data; dotted from LEP e+e- -> nu nubar gamma with Eq. (17), Gamma_X as in the top row of Fig. 5.",
        "Four log-log panels of coupling limit against X mass from 1 MeV to 100 GeV. In each, the solid and "
        "dashed low-energy curves rise linearly with mass and the dotted LEP curve is nearly flat near 0.01; "
        "low-energy data are stronger below about 2 GeV, LEP above.",
        tuple(panels),
        {"m_X range [GeV]": list(MASS_RANGE_GEV), "n masses": len(m), "CL": "90%",
         "Gamma_X/m_X": "5e-6 up to 5 GeV, log-linear to 3e-6 at 100 GeV"},
        (chiang("Secs. IV and VI, Fig. 3, Fig. 5 (widths)"),),
        ("Gamma_X between the three masses of Fig. 5 is interpolated (our choice; the paper gives three points).",))


# ------------------------------------------------------------------------------------------ Fig. 4
def fig4(grid: int = 601, m_x_gev: float = 1.0) -> Figure:
    """Chiang Fig. 4: (rho^L_mumu, rho^R_mumu) allowed by CHARM-II (Eq. 16, contact limit,
    m_X >= 1 GeV; the region in rho is m_X-independent)."""
    grid = _grid(grid)
    m_x_gev = in_range("m_x_gev", m_x_gev, charm2.M_X_MIN / GeV, 1e4)
    cons = {(f"CHARM-II, m_X = {m_x_gev:g} GeV", HEAVY_COLOUR, m_x_gev): charm2.constraint(m_x_gev * GeV)}
    panel = _mass_regions("", r"CHARM-II $\nu_\mu e$, $\bar\nu_\mu e$", cons, "mumu", grid, "CHARM-II (Eq. 16)",
                          window=((-0.1, 0.65), (-0.55, 0.1)))
    return Figure(
        "chiang-fig4", "Chiang Fig. 4: CHARM-II",
        "Region of (rho^L_mumu, rho^R_mumu) allowed by the CHARM-II nu_mu e and anti-nu_mu e data (Eq. 16) at 90% CL "
        "for m_X >~ 1 GeV, where it does not depend on m_X.",
        "Four small green patches in the rho-L-mu-mu, rho-R-mu-mu plane: near the origin, near rho-L = 0.54, near "
        "rho-R = -0.46, and near both.",
        (panel,), {"m_X [GeV]": m_x_gev, "CL": "90% (1.64 sigma)", "grid": grid},
        (chiang("Sec. V, Eqs. (15)-(16), Fig. 4"),),
        ("Contact limit for the X propagator (error <= 2.5% at m_X = 1 GeV).",))


# ------------------------------------------------------------------------------------------ Figs. 5, 8
def _lep_window(con, pair, pad=1.35):
    r = con.region(pair)
    ext = []
    for d in ((1.0, 0.0), (0.0, 1.0)):
        lo, hi = r.along(d).bounds
        ext.append(max(abs(lo), abs(hi)))
    half = pad * max(ext)
    return (-half, half), (-half, half)


def lep_panel(key: str, m_x: float, gamma_x: float, pair: str = "ee", grid: int = 301) -> Panel:
    """One panel of Figs. 5 or 8 (any (m_X, Gamma_X) [GeV] and pair): the LEP + Eq. (17) region."""
    con = lep.constraint(m_x, gamma_x)
    xlim, ylim = _lep_window(con, pair)
    x, y = _rho_axes(pair, xlim, ylim)
    q = {"m_X [GeV]": m_x, "Gamma_X [keV]": gamma_x / keV, "CL": "90% (2 sigma for footnote-2 rows)",
         "constraint": "LEP Table II + Eq. (17)"}
    label = rf"$m_X$ = {m_x / GeV:g} GeV, $\Gamma_X$ = {gamma_x / keV:.3g} keV"
    reg = _region(f"m_X = {m_x:g} GeV, Gamma_X = {gamma_x / keV:.3g} keV", label, con.region(pair),
                  xlim, ylim, grid, LEP_BLUE, q)
    return Panel(key, f"({key}) {label}", x, y, regions=(reg,))


def fig5(grid: int = 301) -> Figure:
    """Chiang Fig. 5: (rho^L_ee, rho^R_ee) allowed by LEP (Table II) and Eq. (17): top row (a-c)
    (m_X, Gamma_X) = (0.01 GeV, 0.05 keV), (5 GeV, 25 keV), (100 GeV, 300 keV); bottom row (d-f)
    the widths doubled."""
    grid = _grid(grid)
    panels = []
    keys = iter("abcdef")
    for factor in (1.0, 2.0):
        for m, g in FIG5_TOP:
            panels.append(lep_panel(next(keys), m, factor * g, "ee", grid))
    return Figure(
        "chiang-fig5", "Chiang Fig. 5: LEP and the width requirement",
        "Regions of (rho^L_ee, rho^R_ee) allowed by the LEP e+e- -> nu nubar gamma data of Table II and the "
        "width requirement Eq. (17), all other couplings zero. Top (a-c): (m_X, Gamma_X) = (0.01 GeV, 0.05 keV), "
        "(5 GeV, 25 keV), (100 GeV, 300 keV); bottom (d-f): widths doubled.",
        "Six panels, each a blue allowed area around the origin of the rho-L-ee, rho-R-ee plane: a disk cut by "
        "the LEP bands, larger for the doubled widths of the bottom row.",
        tuple(panels), {"(m_X [GeV], Gamma_X [GeV]) top row": [list(p) for p in FIG5_TOP],
                        "bottom row Gamma_X factor": 2.0, "grid": grid},
        (chiang("Sec. VI, Table II, Eqs. (12), (17)-(18), Fig. 5"),),
        ("Window: +-1.35 x the largest allowed |rho| along the axes (our choice).",))


def fig8(grid: int = 301) -> Figure:
    """Chiang Fig. 8: rho^{L,R}_mue = rho^{L,R}_emu allowed by LEP + Eq. (17) at the Fig. 5 top-row
    (m_X, Gamma_X), both charge-conjugate final states included (Sec. VIII)."""
    grid = _grid(grid)
    panels = tuple(lep_panel(k, m, g, "emu", grid) for k, (m, g) in zip("abc", FIG5_TOP))
    return Figure(
        "chiang-fig8", "Chiang Fig. 8: LEP on the flavour-changing e-mu couplings",
        "Regions of (rho^L_mue, rho^R_mue) allowed by LEP (Table II) and Eq. (17) for (m_X, Gamma_X) = "
        "(0.01 GeV, 0.05 keV), (5 GeV, 25 keV), (100 GeV, 300 keV), all other couplings zero.",
        "Three panels, each a blue allowed area centred on the origin of the rho-L-mu-e, rho-R-mu-e plane.",
        panels, {"(m_X [GeV], Gamma_X [GeV])": [list(p) for p in FIG5_TOP], "grid": grid},
        (chiang("Sec. VIII, Fig. 8"),))


# ------------------------------------------------------------------------------------------ Fig. 6
_G_AXIS_LABEL = "upper limit on |coupling|"
FT_COLOUR = "#ffc987"   # light orange (caption)
BD_COLOUR = "#b6e3a8"   # light green (caption)
COUPLING_COLOURS = {"gLe": "tab:blue", "gRe": "tab:red", "gnu": "tab:green", "gVe": "tab:purple", "gAe": "tab:orange"}


def _fig6_patches(m):
    bands = []
    reach = (m > max(MASS_RANGE_GEV[0], 2 * beam_dump.M_E)) & (m < BEAM_DUMP_MAX_GEV)   # X -> ee open
    for name in beam_dump.experiments():
        lo = np.full(m.shape, np.nan)
        hi = np.full(m.shape, np.nan)
        for i in np.flatnonzero(reach):
            b = beam_dump.excluded_band(name, float(m[i]))
            if b:
                lo[i], hi[i] = b
        bands.append(ExcludedBand(f"BD {name}", name, m, lo, hi, BD_COLOUR,
                                  {"constraint": f"beam dump {name} (thick-target estimate, approximate)",
                                   "coupling": "gVe (g_Ae = 0, B(X->ee) = 1)"}))
    levels = [beam_dump.fixed_target_levels(float(mi)) for mi in m]
    for name in sorted(load_yaml("fixed_target.yaml")["experiments"]):
        lev = np.array([lv.get(name, np.nan) for lv in levels])
        bands.append(ExcludedBand(f"FT {name}", name, m, lev, None, FT_COLOUR,
                                  {"constraint": f"fixed target {name} (flat published level, approximate)",
                                   "coupling": "gVe (g_Ae = 0, B(X->ee) = 1)"}))
    return tuple(bands)


def fig6(n: int = 200) -> Figure:
    """Chiang Fig. 6: upper limits on separate couplings versus m_X [GeV] (Sec. VII): (a) |g_Le|,
    |g_Re|, |g_nu_i nu_i| from the Z pole (dotted, Eqs. 19-20) and g_e - 2 on g_Le = g_Re (solid,
    Eqs. 21-22); (b) |g_Ve|, |g_Ae| (Z pole dotted, identical; g - 2 solid). Both panels: fixed
    target (light orange; A1, APEX at flat published levels) and beam dumps (light green;
    thick-target estimate) on g_Ve, approximate. NaN = no limit at that mass."""
    m = _masses(n)
    x = Axis("m_X", "$m_X$ [GeV]", "GeV", "log", MASS_RANGE_GEV)
    y = Axis(_G_AXIS_LABEL, _G_AXIS_LABEL, "", "log", (1e-9, 3.0))
    patches = _fig6_patches(m)
    zp = limit_curves("zpole", ("gLe", "gRe", "gnu", "gVe"), m)
    g2 = limit_curves("g-2", ("gLe", "gVe", "gAe"), m)
    zq = {"constraint": "Z pole (Eqs. 19-20)", "CL": "90%"}
    gq = {"constraint": "electron g-2 (Eqs. 21-22)", "CL": "90%"}
    tex = {"gLe": r"$|g_{Le}|$", "gRe": r"$|g_{Re}|$", "gnu": r"$|g_{\nu_i\nu_i}|$"}
    a = Panel("a", r"(a) $|g_{Le}|$, $|g_{Re}|$, $|g_{\nu_i\nu_i}|$", x, y, bands=patches, curves=tuple(
        Curve(f"{c} Z pole", f"{tex[c]} Z pole", m, zp[c], "dotted", COUPLING_COLOURS[c], {**zq, "coupling": c})
        for c in ("gLe", "gRe", "gnu")) + (
        Curve("gLe = gRe g-2", r"$|g_{Le}|=|g_{Re}|$, $g_e-2$", m, g2["gLe"], "solid", "black",
              {**gq, "coupling": "gLe (= gRe)"}),),
        note="patches: g_Le = g_Re (= g_Ve), approximate")
    b = Panel("b", r"(b) $|g_{Ve}|$, $|g_{Ae}|$", x, y, bands=patches, curves=(
        Curve("gVe = gAe Z pole", r"$|g_{Ve}|=|g_{Ae}|$ Z pole", m, zp["gVe"], "dotted", "black",
              {**zq, "coupling": "gVe (= gAe)"}),
        Curve("gVe g-2", r"$|g_{Ve}|$, $g_e-2$", m, g2["gVe"], "solid", COUPLING_COLOURS["gVe"], {**gq, "coupling": "gVe"}),
        Curve("gAe g-2", r"$|g_{Ae}|$, $g_e-2$", m, g2["gAe"], "solid", COUPLING_COLOURS["gAe"], {**gq, "coupling": "gAe"})),
        note="patches: g_Ve, approximate")
    return Figure(
        "chiang-fig6", "Chiang Fig. 6: separate couplings",
        "Upper limits on single couplings versus m_X, one nonzero at a time: (a) |g_Le|, |g_Re|, |g_nu_i nu_i| "
        "from the Z pole (dotted) and g_e - 2 (solid, g_Le = g_Re); (b) |g_Ve|, |g_Ae| (Z pole dotted, the two "
        "coincide; g - 2 solid). Light orange: fixed target (A1, APEX); light green: beam dumps; both excluded, "
        "approximate, for g_Ve (g_Le = g_Re in (a)).",
        "Two log-log panels of coupling limit against X mass from 1 MeV to 100 GeV. Dotted Z-pole curves are "
        "nearly flat around 0.01 to 0.1; solid g-2 curves rise from about 1e-5 with mass; light green beam-dump "
        "bands cover couplings from about 1e-8 to 1e-4 below a few hundred MeV; a light orange fixed-target "
        "patch sits near 200-300 MeV.",
        (a, b), {"m_X range [GeV]": list(MASS_RANGE_GEV), "n masses": len(m),
                 "beam dumps evaluated below [GeV]": BEAM_DUMP_MAX_GEV},
        (chiang("Sec. VII, Eqs. (19)-(22), footnotes 5-7, Fig. 6"),),
        ("Beam dumps: thick-target estimate without detector acceptance (approximate); fixed target: flat "
         "published levels over the published mass ranges (approximate).",
         "Z pole: the edge of the allowed region containing zero coupling."))


# ------------------------------------------------------------------------------------------ Fig. 7
def fig7_constraint(panel: str, m_x: float) -> Constraint:
    """The data set of Chiang Fig. 7 panel ``panel`` at m_x [GeV]: (a) nu_{e,mu} e (LAMPF/LSND),
    (b) anti-nu_{e,mu} e (reactors), (c) both; CHARM-II added in every panel for m_x >= 1 GeV."""
    if panel not in ("a", "b", "c"):
        raise InputError(f"panel must be 'a', 'b' or 'c' (got {panel!r})")
    parts = []
    if panel in ("a", "c"):
        parts.append(lampf_lsnd.constraint(m_x))
    if panel in ("b", "c"):
        parts.append(reactors.constraint(m_x))
    if m_x >= charm2.M_X_MIN:
        parts.append(charm2.constraint(m_x))
    out = parts[0]
    for p in parts[1:]:
        out = out & p
    return out


def fig7(grid: int = 301, pair: str = "emu") -> Figure:
    """Chiang Fig. 7: (rho^L_mue, rho^R_mue) allowed by (a) nu_{e,mu} e data, (b) anti-nu_{e,mu} e
    data, (c) all of them, for m_X = 1, 2, 5, 10, 50 MeV and (green) m_X >~ 1 GeV, where CHARM-II
    enters. ``pair='etau'`` gives the e-tau regions of Sec. VIII (no CHARM-II)."""
    grid = _grid(grid)
    if pair not in ("emu", "etau"):
        raise InputError(f"pair must be 'emu' or 'etau' (got {pair!r})")
    titles = {"a": r"(a) $\nu_{e,\mu} e$ data", "b": r"(b) $\bar\nu_{e,\mu} e$ data",
              "c": r"(c) all $\nu e$, $\bar\nu e$ data"}
    names = {"a": "LAMPF/LSND", "b": "reactors", "c": "LAMPF/LSND + reactors"}
    panels = []
    for key in "abc":
        cons = {(_mev_label(m), MASS_COLOURS[m], m * MeV / GeV): fig7_constraint(key, m * MeV) for m in FIG_MASSES_MEV}
        cons[(rf"$m_X \gtrsim$ {HEAVY_GEV:g} GeV", HEAVY_COLOUR, HEAVY_GEV)] = fig7_constraint(key, HEAVY_GEV * GeV)
        panels.append(_mass_regions(key, titles[key], cons, pair, grid, names[key] + " (+ CHARM-II at >= 1 GeV)"))
    return Figure(
        "chiang-fig7", "Chiang Fig. 7: flavour-changing e-mu couplings from nu e data",
        "Regions of (rho^L_mue, rho^R_mue) allowed by (a) nu_e e and nu_mu e data, (b) anti-nu_e e and anti-nu_mu e "
        "data, (c) all of them, for m_X = 1, 2, 5, 10, 50 MeV (brown, red, magenta, orange, yellow) and m_X >~ 1 GeV "
        "(green, with CHARM-II).",
        "Three panels in the rho-L-mu-e, rho-R-mu-e plane, each with nested ellipses centred on the origin, one "
        "per X mass, from the largest (1 MeV, brown) to the smallest (green, 1 GeV and above).",
        tuple(panels), {"m_X [MeV]": list(FIG_MASSES_MEV), "heavy m_X [GeV]": HEAVY_GEV, "pair": pair,
                        "CL": "90% (1.64 sigma)", "grid": grid},
        (chiang("Sec. VIII, Fig. 7"),),
        ("Region boundaries traced on the grid; extremes exact.",))


# ------------------------------------------------------------------------------------------ Table II
def table2() -> Table:
    """Chiang Table II: the LEP data with our tree-level sigma_SM (Eq. 12, A12-A16) beside the paper's [pb]."""
    from ..lep import table2 as t2
    from ..lep import xsec

    ours = xsec.sigma_sm() / pb
    rows = []
    for r, o in zip(t2.rows(), ours):
        rows.append((r.experiment, r.sqrt_s, r.cuts_printed, r.sigma_exp / pb, r.stat / pb, r.syst / pb,
                     r.sigma_sm / pb, r.sm_error / pb, float(o), float(o / (r.sigma_sm / pb)),
                     "2" if r.footnote2 else "1.64"))
    cols = (Column("experiment"), Column("sqrt(s)", "GeV"), Column("cuts (as printed)"),
            Column("sigma_exp", "pb"), Column("stat", "pb"), Column("syst", "pb"),
            Column("sigma_SM paper", "pb"), Column("delta sigma_SM paper", "pb"),
            Column("sigma_SM ours", "pb"), Column("ours / paper"), Column("n_sigma used"))
    return Table(
        "chiang-table2", "Chiang Table II: LEP e+e- -> nu nubar gamma",
        "The 39 LEP measurements of Table II with the paper's SM predictions and our tree-level ones (Eq. 12 with "
        "(A12)-(A16), three flavours, the cut reading of the errata page); the constraint uses 1.64 sigma "
        "(90% CL), 2 sigma for the footnote-2 rows.",
        cols, tuple(rows), {"alpha": "1/128", "sin^2 theta_W": 0.23},
        (chiang("Sec. VI, Table II and footnote 2"),))


def coupling_limit_from_rho(extremes: dict, m_x: float) -> tuple[float, float]:
    """(|L|^(1/2)_max, |R|^(1/2)_max) from the exact rho extremes of a region at m_x [GeV]
    (Eq. 13: C = rho 2 sqrt(2) G_F m_X^2)."""
    s = couplings.rho_scale(m_x)
    return (math.sqrt(max(abs(extremes["x_min"]), abs(extremes["x_max"])) * s),
            math.sqrt(max(abs(extremes["y_min"]), abs(extremes["y_max"])) * s))
