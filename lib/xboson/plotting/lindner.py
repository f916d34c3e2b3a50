"""Figure helpers for Lindner et al. Sec. 5 (Figs. 1-4): limit curves versus m_Z' with the
dominant experiment marked. Draw on a given Axes; no physics here (the curves come from
:mod:`xboson.lindner.fits`)."""

from __future__ import annotations

import numpy as np

EXPERIMENT_COLOURS = {"texono": "#1f77b4", "charm2": "#d62728", "gemma": "#2ca02c", "combined": "k"}
EXPERIMENT_LABELS = {"texono": "TEXONO (ratio 3-8 MeV)", "charm2": "CHARM-II ($(g_V\\pm g_A)^2$)",
                     "gemma": "GEMMA ($\\mu_\\nu$-equivalent)", "combined": "combined"}
MODEL_COLOURS = {"C": "#9467bd", "D": "#8c564b", "E": "#e377c2", "F": "#ff7f0e", "G": "#17becf",
                 "B-L": "k"}
PARAM_LABELS = {"g_x": r"$g_X$ (90% CL upper limit; $D_\mu \ni i g_X Q_X X_\mu/2$)",
                "epsilon": r"$\epsilon$ (90% CL upper limit)", "alpha": r"$\alpha$ [rad] (90% CL upper limit)"}


def limit_axes(ax, scan="g_x", xlim=(1e-4, 10.0), ylim=None):
    """Log-log axes with m_Z' [GeV] on x and the limited parameter on y."""
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(*xlim)
    if ylim:
        ax.set_ylim(*ylim)
    ax.set_xlabel(r"$m_{Z'}$ [GeV]")
    ax.set_ylabel(PARAM_LABELS[scan])
    ax.grid(True, which="major", lw=0.3, color="0.8")


def dominant(per_experiment: dict) -> np.ndarray:
    """Name of the experiment with the smallest limit at each mass (per_experiment: name -> array)."""
    names = [n for n in per_experiment if n != "combined"]
    stack = np.vstack([np.where(np.isfinite(per_experiment[n]), per_experiment[n], np.inf) for n in names])
    return np.array(names)[np.argmin(stack, axis=0)]


def draw_experiments(ax, masses, per_experiment: dict, *, shade=True, lw=1.2):
    """One curve per experiment (dashed) and 'combined' (solid black). With ``shade`` the excluded
    region above the combined curve is tinted by the dominant experiment (set the y limits first)."""
    for name, vals in per_experiment.items():
        style = dict(color=EXPERIMENT_COLOURS.get(name, "0.4"), lw=lw * (1.6 if name == "combined" else 1.0),
                     ls="-" if name == "combined" else "--")
        ax.plot(masses, vals, label=EXPERIMENT_LABELS.get(name, name), **style)
    if shade and "combined" in per_experiment:
        top = ax.get_ylim()[1]
        dom = dominant(per_experiment)
        comb = per_experiment["combined"]
        for name in sorted(set(dom)):
            ax.fill_between(masses, comb, top, where=dom == name, color=EXPERIMENT_COLOURS.get(name, "0.5"),
                            alpha=0.15, lw=0, interpolate=True)


def draw_model_curves(ax, masses, curves: dict, dominant_by_model: dict | None = None, lw=1.4):
    """Fig. 1 style: one combined curve per model; markers show the dominant experiment."""
    for model, vals in curves.items():
        ax.plot(masses, vals, color=MODEL_COLOURS.get(model, "0.3"), lw=lw, label=f"U(1)$_{{{model}}}$")
        if dominant_by_model and model in dominant_by_model:
            dom = dominant_by_model[model]
            for name in set(dom):
                sel = dom == name
                ax.plot(np.asarray(masses)[sel][::4], np.asarray(vals)[sel][::4], ls="none", marker="o", ms=2.5,
                        color=EXPERIMENT_COLOURS.get(name, "0.5"))


def draw_alpha_ratios(ax, masses, curves: dict, lw=1.4):
    """Fig. 2 style: alpha/g_X = 0 solid, +-0.5 dashed, +-1 dotted; negative ratios in blue."""
    for r, vals in sorted(curves.items()):
        ls = "-" if r == 0 else ("--" if abs(r) == 0.5 else ":")
        colour = "k" if r == 0 else ("tab:blue" if r < 0 else "tab:red")
        ax.plot(masses, vals, ls=ls, color=colour, lw=lw, label=rf"$\alpha = {r:+.1f}\,g_X$")
