"""Explorer for Lindner et al. Sec. 5: Delta chi^2(g_X) of TEXONO, CHARM-II, GEMMA and their
combination for a U(1)_X model, alpha/g_X and m_Z', with the 90% CL limits there
(:mod:`xboson.lindner.fits`, summary data, g_X in Lindner's g_X Q_X / 2 convention)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..lindner import fits
from ..lindner.models import MODEL_NAMES, get_model
from ..plotting.lindner import EXPERIMENT_COLOURS
from ..validation import choice, in_range, positive
from .builders import Curve, curve_explorer, sliders
from .chiang import log_grid
from .widget import Param

if TYPE_CHECKING:
    from ipywidgets import VBox

__all__ = ["EXPERIMENTS", "LABELS", "G_X", "ALPHA_OVER_GX", "delta_chi2", "sec5"]

EXPERIMENTS = ("texono", "charm2", "gemma", "combined")
LABELS = {"texono": "TEXONO", "charm2": "CHARM-II", "gemma": "GEMMA", "combined": "combined"}
#: g_X sampled for the Delta chi^2 panel (4 per decade; the limits themselves are exact)
G_X = np.logspace(-8.0, 0.0, 33)
#: alpha / g_X states: the ratios of Lindner Fig. 2
ALPHA_OVER_GX = (-1.0, -0.5, 0.0, 0.5, 1.0)


def delta_chi2(model: str, m_zp: float, alpha_over_gx: float, prepared: dict | None = None) -> dict:
    """{experiment: (Delta chi^2 on :data:`G_X`, 90% CL upper limit on g_X or NaN)} at m_Z' [GeV].

    Delta chi^2 is relative to min(chi^2 on the scan, chi^2 at zero coupling), as on the static
    page; the limit is :func:`xboson.lindner.fits.upper_limit` (exact, not from the samples)."""
    prepared = prepared or {x: fits.prepare(x, m_zp) for x in EXPERIMENTS}
    p = fits.scan_couplings(get_model(model), "g_x", G_X, alpha_over_gx)
    out = {}
    for x in EXPERIMENTS:
        chi2 = sum(t.chi2(p) for t in prepared[x])
        chi2 = chi2 - min(chi2.min(), sum(t.chi2(np.zeros(4)) for t in prepared[x]))
        g = fits.upper_limit(model, x, m_zp, alpha_over_gx=alpha_over_gx, prepared=prepared[x])
        out[x] = (np.minimum(chi2, 1e30), np.nan if g is None else g)   # float32-safe; drawn clipped at 1e3
    return out


def sec5(model: str = "B-L", m_zp_gev: float = 0.01, alpha_over_gx: float = 0.0) -> VBox:
    """Lindner Sec. 5: model (dropdown), alpha/g_X and m_Z' (sliders); Delta chi^2 panel and the
    limits at that point in both conventions (g_X and g = g_X / 2)."""
    choice("model", model, MODEL_NAMES)
    m_zp_gev = positive("m_zp_gev", m_zp_gev)
    alpha_over_gx = in_range("alpha_over_gx", alpha_over_gx, -1.0, 1.0)
    prepared = {}
    results = {}

    def at(s):
        key = (s["option"], s["alpha"], s["m_x"])
        if key not in results:
            if s["m_x"] not in prepared:
                if len(prepared) > 32:      # kernel use: keep the cache small
                    prepared.clear()
                prepared[s["m_x"]] = {x: fits.prepare(x, s["m_x"]) for x in EXPERIMENTS}
            results.clear()
            results[key] = delta_chi2(s["option"], s["m_x"], s["alpha"], prepared[s["m_x"]])
        return results[key]

    def values(s):
        r = at(s)
        out = {}
        for x in EXPERIMENTS:
            out[x] = r[x][1]
            out[x + "_gq"] = fits.paper_to_gq(r[x][1])
        return {k: float(v) for k, v in out.items()}

    ex = curve_explorer(
        title="Lindner Sec. 5: Δχ² of each experiment and the 90% CL limit",
        params=[Param("option", "model", options=MODEL_NAMES),
                Param("alpha", "α/g_X", ALPHA_OVER_GX, log=False),
                Param("m_x", "m_Z'", log_grid(-4.0, 1.0, 0.5), unit="GeV")],
        curves=[Curve(LABELS[x], _hex(EXPERIMENT_COLOURS[x]), "solid" if x != "combined" else "dashed")
                for x in EXPERIMENTS],
        x_points=G_X, series=lambda s: np.vstack([at(s)[x][0] for x in EXPERIMENTS]), values=values,
        window=(1e-8, 1.0, -0.1, 1e3), ysymlog=True, ylog=False, xlabel="g_X", ylabel="Δχ²",
        hlines=[{"y": fits.DCHI2_90}],
        vmarks=[{"value": x, "colour": _hex(EXPERIMENT_COLOURS[x])} for x in EXPERIMENTS],
        readout=["U(1)_{option}, m_Z' = {m_x} GeV, α = {alpha} g_X;  90% CL (Δχ² = 2.71):"] +
                [f"  {LABELS[x]}: g_X < {{{x}}}  (g Q convention: g < {{{x}_gq}})" for x in EXPERIMENTS],
        initial={"option": model, "m_x": m_zp_gev, "alpha": alpha_over_gx})
    return sliders(ex, {"m_x": 0.05, "alpha": 0.05})


def _hex(colour: str) -> str:
    from matplotlib.colors import to_hex

    return to_hex(colour)
