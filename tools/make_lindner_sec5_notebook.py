"""Write notebooks/lindner_sec5.ipynb (output-free) for Lindner et al. Sec. 5, Figs. 1-4.

usage: python tools/make_lindner_sec5_notebook.py [PATH]
"""

import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

TITLE = r"""# Lindner et al. Sec. 5: limits on U(1)$_X$ models from $\nu$-$e$ scattering (Figs. 1–4)

Lindner, Queiroz, Rodejohann, Xu derive 90% CL limits on a $Z'$ of a general U(1)$_X$ — gauge coupling
$g_X$, kinetic mixing $\epsilon$, $Z$–$Z'$ mixing angle $\alpha$ — from TEXONO, CHARM-II and GEMMA
(Sec. 5, Figs. 1–4). Here every cross section is Chiang's exact one (Eqs. A1–A5) with *effective chiral
couplings*: without mixing $L_{ee}=g_X^2Q_\nu Q_{e_L}/4$, $R_{ee}=g_X^2Q_\nu Q_{e_R}/4$; with mixing the
$Z'$ couplings of the corrected currents (Eqs. 2.17–2.22) plus the change of the $Z$ couplings moved onto
the $Z'$ propagator (see `xboson.lindner.cross_sections`). Tests show this equals Lindner's own $G_\pm$
cross section (Eqs. B.20–B.27) to $10^{-9}$.

**Data gap — read this first.** The paper fitted *binned* spectra read off figures of the experimental
papers (TEXONO Fig. 16, GEMMA Fig. 8, CHARM-II PLB 302 Table 2). Those numbers are not available to us as
text. The curves below use the published **summary** results instead:
TEXONO's ratio to the SM for 3–8 MeV ($1.08\pm0.26$); CHARM-II's $(g_V\pm g_A)^2$ at the mean beam
energies 23.7/19.1 GeV with $3<T<24$ GeV; and for GEMMA **our reconstruction**: the $Z'$ excess in 1-keV
bins over 3–25 keV may be no larger, in sum of squares, than the excess of $\mu_\nu=3.2\times10^{-11}\mu_B$
(the published bound). The binned $\chi^2$ of Eqs. 4.1–4.3 is implemented
(`xboson.lindner.fits.BinnedMeasurement`): files `data/lindner_binned_<name>.yaml` are picked up
automatically when the numbers become available. Table 1 is garbled in the text; its reconstruction
(`data/lindner_models.yaml`) has **low confidence for model C's $e_R$ charge** and medium for D, E, G."""

PARAMS = """# Parameters (papermill can override these)
n_masses = 41                 # masses per curve, log-spaced from 1e-4 to 10 GeV
m_zp_gev = 0.01               # initial slider position [GeV]
alpha_over_gx = 0.0           # initial slider position (Fig. 2's ratio)
model = "B-L"                 # initial model for the sliders"""

IMPORTS = """import numpy as np
import matplotlib.pyplot as plt
import ipywidgets as widgets

from xboson.lindner import fits
from xboson.lindner.models import MODEL_NAMES, get_model
from xboson.plotting.lindner import (EXPERIMENT_COLOURS, EXPERIMENT_LABELS, dominant, draw_alpha_ratios,
                                     draw_experiments, draw_model_curves, limit_axes)

EXPS = ["texono", "charm2", "gemma", "combined"]
masses = np.logspace(-4, 1, n_masses)"""

CONVENTION = r"""## Coupling normalisation: $g_X Q_X/2$ here, $g\,Q$ elsewhere

Lindner's covariant derivative is $D_\mu \ni i g_X \frac{Q_X}{2} X_\mu$ (Eq. 2.2); many papers (and
Chiang's $g_{\nu\nu}, g_{Le}$) write $i g Q X_\mu$. The same physics has $g = g_X/2$, so a limit on $g_X$ is
twice the limit on $g$. All curves below are in the paper's convention; the table gives both. The quoted
numbers of Sec. 5 ("$g_X>6\times10^{-3}$ excluded at 10 GeV") match our $g$-convention value better than our
$g_X$ value, which suggests the text mixes the two (ledger rows `lindner-s5-gx-10gev-*`)."""

TABLE = """rows = []
for m in [1e-3, 1e-2, 0.1, 1.0, 10.0]:
    lim = {x: fits.upper_limit("B-L", x, m) for x in EXPS}
    rows.append((m, lim))
print(f"{'m_Zp [GeV]':>10} " + " ".join(f"{x:>21}" for x in EXPS))
print(f"{'':>10} " + " ".join(f"{'g_X (g Q conv.)':>21}" for x in EXPS))
for m, lim in rows:
    print(f"{m:>10.0e} " + " ".join(f"{lim[x]:>10.3g} ({lim[x] / 2:>8.3g})" for x in EXPS))"""

FIG1_MD = r"""## Fig. 1: $g_X$ limits for models C, D, E, F, G and B−L ($\alpha=\epsilon=0$)

Left: the combined limit for each model; the dots mark the experiment that dominates (blue TEXONO, red
CHARM-II, green GEMMA). Right: the B−L limit from each experiment, the excluded region tinted by the
dominant one. U(1)$_F$, with the largest lepton charges, is the most constrained."""

FIG1 = """curves = fits.limit_curves(MODEL_NAMES, EXPS, masses)
fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 4.8))
limit_axes(a1, "g_x", ylim=(1e-7, 1e-1))
draw_model_curves(a1, masses, {m: curves[(m, "combined")] for m in MODEL_NAMES},
                  {m: dominant({x: curves[(m, x)] for x in EXPS}) for m in MODEL_NAMES})
a1.legend(fontsize="small", loc="upper left")
a1.set_title("Fig. 1: combined limits (summary data)")
limit_axes(a2, "g_x", ylim=(1e-7, 1e-1))
draw_experiments(a2, masses, {x: curves[("B-L", x)] for x in EXPS})
a2.legend(fontsize="small", loc="upper left")
a2.set_title("B-L by experiment")
plt.show()"""

FIG2_MD = r"""## Fig. 2: B−L with $\alpha = 0, \pm0.5\,g_X, \pm1.0\,g_X$ ($\epsilon = 0$)

The caption says the bounds with negative $\alpha$ are lower; we find the same, with a spread of about
$10^{0.5}$ between $\alpha/g_X=-1$ and $+1$ (the text's "stronger when $\alpha$ increases" contradicts its
own caption; see the ledger)."""

FIG2 = """ratios = [-1.0, -0.5, 0.0, 0.5, 1.0]
fig2 = {r: fits.limit_curves(["B-L"], EXPS, masses, alpha_over_gx=r) for r in ratios}
fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 4.8))
limit_axes(a1, "g_x", ylim=(1e-7, 1e-1))
draw_alpha_ratios(a1, masses, {r: fig2[r][("B-L", "combined")] for r in ratios})
a1.legend(fontsize="small", loc="upper left")
a1.set_title("Fig. 2: B-L, combined")
limit_axes(a2, "g_x", ylim=(1e-7, 1e-1))
draw_experiments(a2, masses, {x: fig2[-1.0][("B-L", x)] for x in EXPS})
a2.legend(fontsize="small", loc="upper left")
a2.set_title(r"B-L, $\\alpha = -g_X$, by experiment")
plt.show()"""

FIG34_MD = r"""## Figs. 3 and 4: limits on $\epsilon$ ($g_X=\alpha=0$) and on $\alpha$ ($g_X=\epsilon=0$)

Both are independent of the U(1)$_X$ charges. Fig. 3 keeps $\alpha=0$ as the paper does — an approximation:
kinetic mixing alone induces $\tan\alpha\simeq -\epsilon s_W$ for a light $Z'$ (Eq. 2.15)."""

FIG34 = """fig3 = fits.limit_curves(["B-L"], EXPS, masses, scan="epsilon")
fig4 = fits.limit_curves(["B-L"], EXPS, masses, scan="alpha")
fig, (a1, a2) = plt.subplots(1, 2, figsize=(12, 4.8))
for ax, res, scan, title in ((a1, fig3, "epsilon", "Fig. 3"), (a2, fig4, "alpha", "Fig. 4")):
    limit_axes(ax, scan, ylim=(1e-6, 1.0))
    draw_experiments(ax, masses, {x: res[("B-L", x)] for x in EXPS})
    ax.legend(fontsize="small", loc="upper left")
    ax.set_title(title)
plt.show()"""

DARK_MD = r"""How fine-tuned is Fig. 3? With $\delta = 0$, Eq. 2.14 ties $\alpha$ to $\epsilon$; the $Z'$ then couples to the
electric charge ($e\epsilon$, vector) and its neutrino coupling cancels up to $O(m_{Z'}^2/m_Z^2)$ — the
dark-photon limit, in which neutrino-electron scattering is nearly blind. Setting $\alpha = 0$ by hand keeps
a neutrino coupling $g\epsilon s_W/(2c_W)$:"""

DARK = """from xboson.constants import M_Z_TREE
from xboson.lindner import mixing
m, eps = 0.01, 1e-4
alpha_consistent = float(np.arctan(mixing.tan_alpha(M_Z_TREE**2, m**2, 0.0, eps)))
for a, label in ((0.0, "alpha = 0 (Fig. 3)"), (alpha_consistent, "alpha from Eq. 2.14, delta = 0")):
    h = mixing.current_couplings(get_model("B-L").charges, 0.0, eps, a)["Zp"]
    print(f"{label:32s} alpha = {a:+.3e}: h_nu = {h['nu']:+.3e}, h_eL = {h['eL']:+.3e}, h_eR = {h['eR']:+.3e}")"""

SLIDER_MD = r"""## Move $m_{Z'}$, $\alpha/g_X$ and the model

For the chosen point the panel shows $\Delta\chi^2(g_X)$ of each experiment (the 90% CL line at 2.71) and
prints the limits in both conventions. Each redraw recomputes the fits at that mass (a few tens of ms)."""

SLIDER = """def show(model, log10_m_zp, alpha_over_gx):
    m = 10 ** log10_m_zp
    lam = np.logspace(-8, 0, 400)
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    for x in EXPS:
        prep = fits.prepare(x, m)
        p = fits.scan_couplings(get_model(model), "g_x", lam, alpha_over_gx)
        chi2 = sum(t.chi2(p) for t in prep)
        chi2 = chi2 - min(chi2.min(), sum(t.chi2(np.zeros(4)) for t in prep))
        ax.plot(lam, chi2, color=EXPERIMENT_COLOURS[x], label=EXPERIMENT_LABELS[x])
        g = fits.upper_limit(model, x, m, alpha_over_gx=alpha_over_gx, prepared=prep)
        print(f"{x:>9}: g_X < {g:.3g}   (g Q convention: g < {g / 2:.3g})")
    ax.axhline(fits.DCHI2_90, color="0.4", lw=0.8, ls=":")
    ax.set_xscale("log"); ax.set_yscale("symlog", linthresh=1.0); ax.set_ylim(-0.1, 1e3)
    ax.set_xlabel(r"$g_X$"); ax.set_ylabel(r"$\\Delta\\chi^2$")
    ax.set_title(f"U(1)_{model}, m_Z' = {m:.3g} GeV, alpha = {alpha_over_gx:+.2f} g_X")
    ax.legend(fontsize="small"); plt.show()

widgets.interact(show, model=widgets.Dropdown(options=list(MODEL_NAMES), value=model),
                 log10_m_zp=widgets.FloatSlider(value=float(np.log10(m_zp_gev)), min=-4, max=1, step=0.05,
                                                description="log10 m_Z'/GeV", continuous_update=False),
                 alpha_over_gx=widgets.FloatSlider(value=alpha_over_gx, min=-1, max=1, step=0.1,
                                                   description="alpha/g_X", continuous_update=False));"""

CLOSING_MD = r"""## What agrees and what does not

The ledger (`xboson ledger`, rows `lindner-*`) checks every quoted number. In short: the thresholds of Table 2,
the linear large-mass behaviour, U(1)$_F$ being the most constrained and the $10^{0.5}$ spread of Fig. 2
reproduce; the quoted low-mass number ($4\times10^{-6}$ below 1 MeV) does not with summary data (our limits
reach it only at 0.1 MeV, where GEMMA dominates), and the 10 GeV number agrees only in the $g\,Q$
convention. The formula checks (exact mixing, Chiang limit, stable App. C integrals) are in
`tests/test_lindner_*.py` and on the errata page."""


def main(path="notebooks/lindner_sec5.ipynb"):
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = new_code_cell(PARAMS)
    params.metadata["tags"] = ["parameters"]
    nb.cells = [new_markdown_cell(TITLE), params, new_code_cell(IMPORTS), new_markdown_cell(CONVENTION),
                new_code_cell(TABLE), new_markdown_cell(FIG1_MD), new_code_cell(FIG1), new_markdown_cell(FIG2_MD),
                new_code_cell(FIG2), new_markdown_cell(FIG34_MD), new_code_cell(FIG34),
                new_markdown_cell(DARK_MD), new_code_cell(DARK),
                new_markdown_cell(SLIDER_MD), new_code_cell(SLIDER), new_markdown_cell(CLOSING_MD)]
    nbformat.write(nb, path)


if __name__ == "__main__":
    main(*sys.argv[1:2])
