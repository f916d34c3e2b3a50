"""Figure helpers: draw physics results on a given matplotlib Axes. No physics here and no
global plotting state; section-specific helpers live in sibling modules."""

from __future__ import annotations

import numpy as np

from ..region import AllowedRegion

#: Chiang's colour code for m_X = 1, 2, 5, 10, 50 MeV (captions of Figs. 1, 2, 7):
#: brown (darkest), red, magenta, orange, yellow (most lightly shaded); green for m_X >~ 1 GeV.
MASS_COLOURS_MEV = {1.0: "#7b3f00", 2.0: "#d62728", 5.0: "#e377c2", 10.0: "#ff7f0e", 50.0: "#ffd700"}
HEAVY_COLOUR = "#2ca02c"


def region_grid(region: AllowedRegion, xlim, ylim, n=401):
    """Membership mask of ``region`` on an n x n grid: returns (x, y, mask)."""
    x = np.linspace(*xlim, n)
    y = np.linspace(*ylim, n)
    xx, yy = np.meshgrid(x, y)
    return x, y, region.contains(xx, yy)


def draw_region(ax, region: AllowedRegion, xlim, ylim, *, color, label=None, n=401, alpha=1.0,
                edge=True):
    """Fill the allowed region on ``ax`` (and outline it). Returns the mask grid."""
    x, y, mask = region_grid(region, xlim, ylim, n)
    m = mask.astype(float)
    ax.contourf(x, y, m, levels=[0.5, 1.5], colors=[color], alpha=alpha)
    if edge and mask.any():
        ax.contour(x, y, m, levels=[0.5], colors=["k"], linewidths=0.4)
    if label:
        ax.fill([], [], color=color, alpha=alpha, label=label)
    return x, y, mask


def rho_axes(ax, pair="ee", xlim=None, ylim=None):
    """Label a (rho^L, rho^R) plane, Chiang Eq. (13)."""
    sub = {"ee": "ee", "mumu": r"\mu\mu", "tautau": r"\tau\tau", "emu": r"\mu e",
           "etau": r"e\tau", "mutau": r"\mu\tau"}[pair]
    ax.set_xlabel(rf"$\rho^L_{{{sub}}}$  (dimensionless, Eq. 13)")
    ax.set_ylabel(rf"$\rho^R_{{{sub}}}$")
    if xlim:
        ax.set_xlim(*xlim)
    if ylim:
        ax.set_ylim(*ylim)
    ax.axhline(0, color="0.6", lw=0.5)
    ax.axvline(0, color="0.6", lw=0.5)
    ax.set_aspect("equal", adjustable="box")


def draw_mass_regions(ax, regions: dict, xlim, ylim, *, colours=None, unit="MeV", n=401):
    """Overlay allowed regions keyed by m_X (in ``unit``), lightest mass first so the smaller
    (heavier-mass) regions sit on top, in Chiang's colour code. Adds a legend."""
    colours = colours or MASS_COLOURS_MEV
    for m in sorted(regions):
        colour = colours.get(m, HEAVY_COLOUR)
        draw_region(ax, regions[m], xlim, ylim, color=colour, label=f"$m_X$ = {m:g} {unit}", n=n)
    ax.legend(loc="lower left", fontsize="small", framealpha=0.9)


def extremes_table(extremes_by_mass: dict, unit="MeV") -> str:
    """Plain-text table of region extremes {m: {'x_min', 'x_max', 'y_min', 'y_max'}}."""
    lines = [f"{'m_X [' + unit + ']':>12} {'rhoL_min':>9} {'rhoL_max':>9} {'rhoR_min':>9} {'rhoR_max':>9}"]
    for m, e in sorted(extremes_by_mass.items()):
        lines.append(f"{m:>12g} {e['x_min']:>9.3f} {e['x_max']:>9.3f} {e['y_min']:>9.3f} {e['y_max']:>9.3f}")
    return "\n".join(lines)
