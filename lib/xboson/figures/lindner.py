"""Lindner, Queiroz, Rodejohann, Xu (arXiv:1803.00060): what Figs. 1-4 show.

Limits at 90% CL on g_X (Fig. 1: models of Table 1, alpha = epsilon = 0; Fig. 2: B-L with
alpha = 0, +-0.5, +-1 g_X), on epsilon (Fig. 3) and on alpha (Fig. 4) versus m_Z' [GeV], from the
summary data of TEXONO, CHARM-II and GEMMA (:mod:`xboson.lindner.fits`). Each figure also shows,
as our addition, the limit of each experiment (B-L) with the dominant one marked. ``n``: masses
per curve, log-spaced over 1e-4-10 GeV.
"""

from __future__ import annotations

import numpy as np

from ..lindner import fits
from ..lindner.models import MODEL_NAMES, get_model
from ..validation import in_range
from .model import Axis, Column, Curve, Figure, Panel, Points, Source, Table, lindner

__all__ = ["MASS_RANGE_GEV", "EXPERIMENTS", "EXPERIMENT_COLOURS", "EXPERIMENT_LABELS", "MODEL_COLOURS",
           "ALPHA_RATIOS", "dominant", "fig1", "fig2", "fig3", "fig4", "delta_chi2", "table2"]

MASS_RANGE_GEV = (1e-4, 10.0)
EXPERIMENTS = ("texono", "charm2", "gemma", "combined")
EXPERIMENT_COLOURS = {"texono": "#1f77b4", "charm2": "#d62728", "gemma": "#2ca02c", "combined": "black"}
EXPERIMENT_LABELS = {"texono": "TEXONO (ratio 3-8 MeV)", "charm2": r"CHARM-II ($(g_V\pm g_A)^2$)",
                     "gemma": r"GEMMA ($\mu_\nu$-equivalent)", "combined": "combined"}
MODEL_COLOURS = {"C": "#9467bd", "D": "#8c564b", "E": "#e377c2", "F": "#ff7f0e", "G": "#17becf", "B-L": "black"}
ALPHA_RATIOS = (-1.0, -0.5, 0.0, 0.5, 1.0)
_Y = {"g_x": Axis("g_X upper limit", r"$g_X$ upper limit (90% CL; $D_\mu \ni i g_X Q_X X_\mu/2$)", "", "log",
                  (1e-7, 1e-1)),
      "epsilon": Axis("epsilon upper limit", r"$\epsilon$ upper limit (90% CL)", "", "log", (1e-6, 1.0)),
      "alpha": Axis("alpha upper limit", r"$\alpha$ upper limit (90% CL)", "rad", "log", (1e-6, 1.0))}
_X = Axis("m_Z'", r"$m_{Z'}$ [GeV]", "GeV", "log", MASS_RANGE_GEV)
_DATA = Source("Summary results: TEXONO (M. Deniz et al., Phys. Rev. D 81, 072001 (2010)), CHARM-II "
               "(P. Vilain et al., Phys. Lett. B 335, 246 (1994)), GEMMA (A. G. Beda et al.)",
               "0911.1597", None, "TEXONO ratio to SM 3-8 MeV; CHARM-II (g_V +- g_A)^2; GEMMA mu_nu bound "
               "(arXiv:1005.2736), as quoted by Lindner Sec. 4")
_NOTE = ("Summary data, not the binned spectra the paper fitted: limits differ from the paper's (see the ledger).",)


def _masses(n):
    n = int(in_range("n", n, 2, 2000))
    return np.geomspace(*MASS_RANGE_GEV, n)


def dominant(per_experiment: dict) -> np.ndarray:
    """Name of the experiment with the smallest limit at each mass (per_experiment: name -> array,
    'combined' ignored)."""
    names = [n for n in per_experiment if n != "combined"]
    stack = np.vstack([np.where(np.isfinite(per_experiment[n]), per_experiment[n], np.inf) for n in names])
    return np.array(names)[np.argmin(stack, axis=0)]


def _experiment_panel(key, title, m, curves: dict, scan, q) -> Panel:
    """Panel with one curve per experiment (dashed; combined solid) and the dominant one marked."""
    out = tuple(Curve(x, EXPERIMENT_LABELS[x], m, curves[x], "solid" if x == "combined" else "dashed",
                      EXPERIMENT_COLOURS[x], {**q, "constraint": x, "CL": "90%"}) for x in EXPERIMENTS)
    dom = dominant(curves)
    pts = tuple(Points(f"dominant {x}", f"{EXPERIMENT_LABELS[x]} dominates", m[dom == x], curves["combined"][dom == x],
                       EXPERIMENT_COLOURS[x], {**q, "constraint": x}) for x in EXPERIMENTS[:-1] if (dom == x).any())
    return Panel(key, title, _X, _Y[scan], curves=out, points=pts)


def _charges(name) -> str:
    mdl = get_model(name)
    return f"Q_lL = {mdl.q_el:g}, Q_eR = {mdl.q_er:g}"


def fig1(n: int = 41) -> Figure:
    """Lindner Fig. 1: 90% CL upper limits on g_X for the U(1)_X models C, D, E, F, G and B-L of
    Table 1 (alpha = epsilon = 0), charges of l_L and e_R listed; panel (b), ours: B-L by experiment."""
    m = _masses(n)
    curves = fits.limit_curves(MODEL_NAMES, EXPERIMENTS, m)
    models = []
    for name in MODEL_NAMES:
        mdl = get_model(name)
        q = {"model": f"U(1)_{name}", "Q_nu": mdl.q_nu, "Q_eL": mdl.q_el, "Q_eR": mdl.q_er, "alpha": 0.0,
             "epsilon": 0.0, "CL": "90%", "constraint": "combined"}
        models.append(Curve(f"U(1)_{name}", f"U(1)$_{{{name}}}$: $Q_{{\\ell_L}}$ = {mdl.q_el:g}, "
                            f"$Q_{{e_R}}$ = {mdl.q_er:g}", m, curves[(name, "combined")], "solid",
                            MODEL_COLOURS[name], q))
    a = Panel("a", "(a) combined limits, models of Table 1", _X, _Y["g_x"], curves=tuple(models),
              note="charges: " + "; ".join(f"{k}: {_charges(k)}" for k in MODEL_NAMES))
    b = _experiment_panel("b", "(b) B-L by experiment (ours)", m, {x: curves[("B-L", x)] for x in EXPERIMENTS},
                          "g_x", {"model": "U(1)_B-L", "alpha": 0.0, "epsilon": 0.0})
    return Figure(
        "lindner-fig1", "Lindner Fig. 1: g_X for the models of Table 1",
        "90% CL upper limits on g_X versus m_Z' for alpha = epsilon = 0 and the U(1)_X models C, D, E, F, G and "
        "B-L, whose l_L and e_R charges (Table 1) are listed; (b), our addition: the B-L limit of each experiment.",
        "Two log-log panels of the g_X limit against Z' mass from 0.1 MeV to 10 GeV. (a) Six nearly parallel "
        "curves, one per model, flat below about 1 MeV and rising linearly above about 10 MeV; U(1)_F lowest. "
        "(b) TEXONO, CHARM-II, GEMMA and combined limits for B-L.",
        (a, b), {"m_Z' range [GeV]": list(MASS_RANGE_GEV), "n masses": len(m), "alpha": 0.0, "epsilon": 0.0,
                 "charges (Table 1 reconstruction)": {k: _charges(k) for k in MODEL_NAMES}},
        (lindner("Sec. 5, Fig. 1, Table 1"), _DATA), _NOTE + ("Table 1 is garbled in the text; charges as "
                                                              "reconstructed (low confidence for model C's e_R).",))


def fig2(n: int = 41) -> Figure:
    """Lindner Fig. 2: g_X limits for B-L with alpha/g_X = 0 (solid), +-0.5 (dashed), +-1 (dotted),
    epsilon = 0; panel (b), ours: alpha = -g_X by experiment."""
    m = _masses(n)
    res = {r: fits.limit_curves(["B-L"], EXPERIMENTS, m, alpha_over_gx=r) for r in ALPHA_RATIOS}
    style = {0.0: "solid", 0.5: "dashed", 1.0: "dotted"}
    a = Panel("a", "(a) B-L, combined", _X, _Y["g_x"], curves=tuple(
        Curve(f"alpha/g_X = {r:+.1f}", rf"$\alpha = {r:+.1f}\,g_X$", m, res[r][("B-L", "combined")], style[abs(r)],
              "black" if r == 0 else ("tab:blue" if r < 0 else "tab:red"),
              {"model": "U(1)_B-L", "alpha/g_X": r, "epsilon": 0.0, "CL": "90%", "constraint": "combined"})
        for r in ALPHA_RATIOS))
    b = _experiment_panel("b", r"(b) B-L, $\alpha = -g_X$, by experiment (ours)", m,
                          {x: res[-1.0][("B-L", x)] for x in EXPERIMENTS}, "g_x",
                          {"model": "U(1)_B-L", "alpha/g_X": -1.0, "epsilon": 0.0})
    return Figure(
        "lindner-fig2", "Lindner Fig. 2: B-L with Z-Z' mass mixing",
        "90% CL upper limits on g_X for U(1)_B-L with alpha = 0 (solid), +-0.5 g_X (dashed), +-1.0 g_X (dotted), "
        "epsilon = 0; negative alpha in blue, positive in red. (b), ours: alpha = -g_X by experiment.",
        "Two log-log panels of the g_X limit against Z' mass. (a) Five curves for alpha/g_X from -1 to +1, the "
        "negative ratios lower, spread by about a factor 3. (b) The limit of each experiment for alpha = -g_X.",
        (a, b), {"m_Z' range [GeV]": list(MASS_RANGE_GEV), "n masses": len(m), "alpha/g_X": list(ALPHA_RATIOS),
                 "epsilon": 0.0, "model": "B-L"},
        (lindner("Sec. 5, Fig. 2"), _DATA), _NOTE)


def _scan_figure(fid, number, scan, n, symbol, text):
    m = _masses(n)
    res = fits.limit_curves(["B-L"], EXPERIMENTS, m, scan=scan)
    other = {"epsilon": "g_X = alpha = 0", "alpha": "g_X = epsilon = 0"}[scan]
    panel = _experiment_panel("", f"Fig. {number}: {symbol}, {other}", m, {x: res[("B-L", x)] for x in EXPERIMENTS},
                              scan, {"scan": scan, "fixed": other})
    return Figure(
        fid, f"Lindner Fig. {number}: limits on {text}",
        f"90% CL upper limits on {text} versus m_Z' when {other}; independent of the U(1)_X charges.",
        f"Log-log plot of the {text} limit against Z' mass from 0.1 MeV to 10 GeV: TEXONO, CHARM-II, GEMMA "
        "(dashed) and combined (solid) curves, flat at low mass and rising at high mass.",
        (panel,), {"m_Z' range [GeV]": list(MASS_RANGE_GEV), "n masses": len(m), "fixed": other},
        (lindner(f"Sec. 5, Fig. {number}"), _DATA), _NOTE)


def fig3(n: int = 41) -> Figure:
    """Lindner Fig. 3: limits on the kinetic mixing epsilon (g_X = alpha = 0)."""
    return _scan_figure("lindner-fig3", 3, "epsilon", n, r"$\epsilon$", "epsilon")


def fig4(n: int = 41) -> Figure:
    """Lindner Fig. 4: limits on the Z-Z' mixing angle alpha [rad] (g_X = epsilon = 0)."""
    return _scan_figure("lindner-fig4", 4, "alpha", n, r"$\alpha$", "alpha")


def delta_chi2(model: str, m_zp: float, alpha_over_gx: float = 0.0, n: int = 400) -> Figure:
    """Delta chi^2(g_X) of each experiment and combined at one m_Z' [GeV] (not a paper figure;
    for the live explorer): Delta chi^2 = chi^2 - min(chi^2, chi^2 at g_X = 0), 90% CL at 2.71."""
    n = int(in_range("n", n, 10, 10000))
    m_zp = in_range("m_zp", m_zp, *MASS_RANGE_GEV)
    alpha_over_gx = in_range("alpha_over_gx", alpha_over_gx, -1.0, 1.0)
    lam = np.logspace(-8, 0, n)
    mdl = get_model(model)
    p = fits.scan_couplings(mdl, "g_x", lam, alpha_over_gx)
    curves = []
    for x in EXPERIMENTS:
        prep = fits.prepare(x, m_zp)
        chi2 = sum(t.chi2(p) for t in prep)
        chi2 = chi2 - min(chi2.min(), sum(t.chi2(np.zeros(4)) for t in prep))
        curves.append(Curve(x, EXPERIMENT_LABELS[x], lam, np.asarray(chi2, float),
                            "solid" if x == "combined" else "dashed", EXPERIMENT_COLOURS[x],
                            {"model": f"U(1)_{mdl.name}", "m_Z' [GeV]": m_zp, "alpha/g_X": alpha_over_gx}))
    curves.append(Curve("90% CL", rf"90% CL, $\Delta\chi^2$ = {fits.DCHI2_90:.2f}", lam[[0, -1]],
                        np.full(2, fits.DCHI2_90), "dotted", "0.3", {"CL": "90%"}))
    panel = Panel("", f"U(1)$_{{{mdl.name}}}$, $m_{{Z'}}$ = {m_zp:.3g} GeV, $\\alpha$ = {alpha_over_gx:+.2f} $g_X$",
                  Axis("g_X", "$g_X$", "", "log", (1e-8, 1.0)),
                  Axis("Delta chi^2", r"$\Delta\chi^2$", "", "symlog", (-0.1, 1e3)),
                  curves=tuple(curves))
    return Figure("lindner-dchi2", "Delta chi^2 of each experiment", "", "Delta chi^2 against g_X per experiment",
                  (panel,), {"model": mdl.name, "m_Z' [GeV]": m_zp, "alpha/g_X": alpha_over_gx},
                  (lindner("Sec. 4, Eqs. (4.1)-(4.3)"), _DATA))


def table2() -> Table:
    """Lindner Table 2, last two columns: the recoil threshold T_min of each experiment, m_Z'^min =
    sqrt(2 m_e T_min) (Eq. 3.15) and r(m_Z' = 0) (Eq. 3.14), printed against ours."""
    from ..data import load_yaml
    from ..units import MeV

    printed = load_yaml("lindner_experiments.yaml")["table2"]
    rows = []
    for name, label in (("texono", "TEXONO"), ("charm2", "CHARM-II"), ("gemma", "GEMMA")):
        p = printed[name]
        t_min = p["t_min_mev"] * MeV
        rows.append((label, p["t_min_mev"], p["m_zp_min_mev"], fits.m_zp_threshold(t_min) / MeV,
                     p["r_at_zero"], fits.r_at_zero(t_min)))
    cols = (Column("experiment"), Column("T_min", "MeV"), Column("m_Z'^min paper", "MeV"),
            Column("m_Z'^min ours", "MeV"), Column("r(m_Z'=0) paper"), Column("r(m_Z'=0) ours"))
    return Table(
        "lindner-table2", "Lindner Table 2: recoil thresholds",
        "Below m_Z'^min = sqrt(2 m_e T_min) an experiment no longer resolves the Z' mass and its limit on g_X "
        "flattens; r(m_Z'=0) = 1/(2 m_e T_min G_F) is the enhancement of a massless Z' over a contact "
        "interaction at threshold. The paper prints round numbers.",
        cols, tuple(rows), {}, (lindner("Sec. 4, Table 2; Eqs. (3.14), (3.15)"),))
