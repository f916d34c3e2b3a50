"""Gauge models: a U(1)_X with charged leptons (Lindner Table 1, L_mu - L_tau, user charges) and the
dark photon.

**Coupling convention (the factor 2).** Lindner Eq. (2.2) writes the covariant derivative with
g_X Q_X / 2, so the X vertex of a fermion of charge Q is g_X Q / 2 and, without mixing,
L_ee = g_X^2 Q_nu Q_eL / 4 (Lindner after Eq. 3.20). Most of the Z' literature (and L_mu - L_tau)
writes g Q. A :class:`Charges` carries its ``convention`` ('gQ/2' or 'gQ'); the limit on the overall
coupling is on g_X in the first case and on g in the second (g = g_X / 2 for the same physics).

**L_mu - L_tau at one loop** (:func:`kinetic_mixing_mu_tau`, :func:`lmu_minus_ltau_loop`). Muon and
tau loops, charged under both QED (e Q_em, Q_em = -1) and U(1)_X (g Q_X, Q_X = +1, -1), mix the X with
the photon. With both vertices written as e Q_em and g Q_X in one covariant derivative, the mixed
vacuum polarisation is the QED one (Peskin & Schroeder Eq. 7.90) with e^2 Q^2 -> e Q_em g Q_X; its
divergent parts cancel between mu and tau (sum of Q_em Q_X = 0), leaving the finite

    epsilon(q^2) = (e g / (2 pi^2)) int_0^1 dx x (1 - x) ln[(m_tau^2 - x(1-x) q^2) / (m_mu^2 - x(1-x) q^2)]

(e.g. Amaral, Cerdeno, Foldenauer, Reid, arXiv:2006.11225, Eq. 7), and the X couples to
epsilon(q^2) times the electromagnetic current: g_Le = g_Re = e Q_em epsilon = -e epsilon for the
electron (the dark-photon convention of :func:`dark_photon`). For |q^2| << m_mu^2,
epsilon -> (e g / (6 pi^2)) ln(m_tau / m_mu) = g / 69.3 (Kamada & Yu, PRD 92 (2015) 113004,
arXiv:1504.00711, quote |epsilon| ~ g / 70). The loop also mixes X with the Z;
that is suppressed by q^2 / m_Z^2 at the energies where the induced electron coupling matters and
is neglected.

Anomaly cancellation (:func:`anomalies`): with family-universal quark charges (Q, u_R, d_R) and
per-flavour lepton charges (L_i, l_R,i) plus right-handed neutrinos nu_R, the six conditions
[SU(3)]^2 X, [SU(2)]^2 X, [U(1)_Y]^2 X, U(1)_Y X^2, X^3 and gravity-X^2 (hypercharge Y with
Q_em = T_3 + Y). Checked only when a model asks for it.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import brentq

from ..constants import ALPHA_0, M_MU, M_TAU
from ..errors import InputError
from ..lindner import models as lindner_models
from ..validation import Q_MAX, in_range
from .base import Model, neutrino_couplings

__all__ = ["CONVENTIONS", "Charges", "anomalies", "check_anomaly_free", "charge_model",
           "lindner_table1", "lmu_minus_ltau", "lmu_minus_ltau_loop", "kinetic_mixing_mu_tau",
           "loop_q2_range", "LOOP_TOLERANCE", "dark_photon", "E_CHARGE"]

CONVENTIONS = {"gQ/2": 0.5, "gQ": 1.0}
E_CHARGE = math.sqrt(4 * math.pi * ALPHA_0)    #: e at q^2 = 0
LEPTONS = ("L_e", "L_mu", "L_tau", "e_R", "mu_R", "tau_R")
QUARKS = ("Q", "u_R", "d_R")
_LINDNER = "Lindner, Queiroz, Rodejohann, Xu, JHEP 05 (2018) 098, arXiv:1803.00060"


@dataclass(frozen=True)
class Charges:
    """U(1)_X charges: lepton doublets L_e, L_mu, L_tau and right-handed charged leptons
    e_R, mu_R, tau_R (None = not given), family-universal quarks Q, u_R, d_R (None = not given) and
    right-handed neutrinos ``nu_r``. ``convention``: 'gQ/2' (Lindner Eq. 2.2) or 'gQ'. Every charge finite
    with |q| <= 1e6 (:data:`xboson.validation.Q_MAX`)."""

    L_e: float
    L_mu: float
    L_tau: float
    e_R: float
    convention: str
    mu_R: float | None = None
    tau_R: float | None = None
    Q: float | None = None
    u_R: float | None = None
    d_R: float | None = None
    nu_r: tuple[float, ...] = field(default=())

    def __post_init__(self):
        if self.convention not in CONVENTIONS:
            raise InputError(f"convention: unknown {self.convention!r}; expected one of: "
                             f"{', '.join(CONVENTIONS)} (covariant derivative g Q / 2 as in Lindner Eq. 2.2, or g Q)")
        for k in LEPTONS + QUARKS:
            v = getattr(self, k)
            if v is not None and not (isinstance(v, (int, float)) and abs(v) <= Q_MAX):
                raise InputError(f"charges.{k} must be a finite number with |q| <= {Q_MAX:g} (got {v!r})")
        for v in self.nu_r:
            if not (isinstance(v, (int, float)) and abs(v) <= Q_MAX):
                raise InputError(f"charges.nu_R must be a list of finite numbers with |q| <= {Q_MAX:g} (got {v!r})")


def anomalies(ch: Charges) -> dict[str, float]:
    """The six anomaly coefficients (zero when anomaly-free). Needs every charge; a missing one
    raises ValueError naming it."""
    for k in LEPTONS + QUARKS:
        if getattr(ch, k) is None:
            raise InputError(f"charges.{k}: missing, needed by the anomaly check")
    q, u, d = ch.Q, ch.u_R, ch.d_R
    ls = (ch.L_e, ch.L_mu, ch.L_tau)
    es = (ch.e_R, ch.mu_R, ch.tau_R)
    n = ch.nu_r
    return {
        "SU(3)^2 X": 3 * (2 * q - u - d),
        "SU(2)^2 X": 3 * 3 * q + sum(ls),
        "Y^2 X": 3 * (q / 6 - 4 * u / 3 - d / 3) + sum(lv / 2 - ev for lv, ev in zip(ls, es)),
        "Y X^2": 3 * (q * q - 2 * u * u + d * d) + sum(-lv * lv + ev * ev for lv, ev in zip(ls, es)),
        "X^3": 3 * (6 * q**3 - 3 * u**3 - 3 * d**3) + sum(2 * lv**3 - ev**3 for lv, ev in zip(ls, es))
        - sum(v**3 for v in n),
        "gravity X": 3 * (6 * q - 3 * u - 3 * d) + sum(2 * lv - ev for lv, ev in zip(ls, es)) - sum(n),
    }


def check_anomaly_free(ch: Charges, tol: float = 1e-9) -> None:
    """Raise ValueError naming the first anomaly that does not cancel."""
    for name, val in anomalies(ch).items():
        if abs(val) > tol:
            raise InputError(f"anomaly_free: the {name} anomaly does not cancel (sum = {val:g}); "
                             "add right-handed neutrinos (charges.nu_R) or fix the charges")


def charge_model(name: str, ch: Charges, *, coupling: str = "g_X", epsilon: float = 0.0,
                 alpha_over_g: float = 0.0, description: str = "", source: str = "",
                 anomaly_free: bool = False) -> Model:
    """A U(1)_X model from its charges: vertex couplings k Q with k = 1/2 ('gQ/2') or 1 ('gQ');
    epsilon, alpha_over_g as in Lindner Sec. 2 (alpha = R g)."""
    if anomaly_free:
        check_anomaly_free(ch)
    k = CONVENTIONS[ch.convention]
    nu = neutrino_couplings({"ee": k * ch.L_e, "mumu": k * ch.L_mu, "tautau": k * ch.L_tau})
    note = f"covariant derivative {'g Q / 2 (Lindner Eq. 2.2)' if k == 0.5 else 'g Q'}: vertex = {k:g} x {coupling} x Q"
    return Model(name, coupling, nu, k * ch.L_e, k * ch.e_R, description=description, source=source,
                 epsilon=epsilon, alpha_over_g=alpha_over_g, notes=(note,))


def lindner_table1(name: str) -> Model:
    """Model C, D, E, F, G or B-L of Lindner Table 1 (data/lindner_models.yaml), family-universal
    lepton charges, g_X in Lindner's g_X Q_X / 2 convention, no mixing."""
    m = lindner_models.get_model(name)
    ch = Charges(m.q_el, m.q_el, m.q_el, m.q_er, "gQ/2", mu_R=m.q_er, tau_R=m.q_er)
    if m.q_nu != m.q_el:     # pragma: no cover - Table 1 has one doublet charge
        raise InputError(f"model {name!r}: nu_L and e_L charges differ")
    desc = f"U(1)_{name} of Lindner Table 1: l_L = {m.q_el:g}, e_R = {m.q_er:g}"
    return charge_model(name, ch, description=desc, source=_LINDNER + ", Table 1")


def lmu_minus_ltau() -> Model:
    """Gauged L_mu - L_tau (He, Joshi, Lew, Volkas, PRD 43 (1991) R22; PRD 44 (1991) 2118): charges
    +1 (mu), -1 (tau), 0 (e), covariant derivative g Q. No tree-level electron coupling, so only
    the Z-pole Gamma(Z -> nu nubar) of Chiang Eq. (20) applies; the loop-induced kinetic mixing
    is not included (see :func:`lmu_minus_ltau_loop`)."""
    ch = Charges(0.0, 1.0, -1.0, 0.0, "gQ", mu_R=1.0, tau_R=-1.0, Q=0.0, u_R=0.0, d_R=0.0)
    return charge_model("Lmu-Ltau", ch, coupling="g_mu-tau", anomaly_free=True,
                        description="gauged L_mu - L_tau, tree level (no kinetic mixing)",
                        source="He, Joshi, Lew, Volkas, PRD 43 (1991) R22; PRD 44 (1991) 2118")


_GL_LOOP = np.polynomial.legendre.leggauss(64)
Q2_LOOP_MIN = -1e4                 #: GeV^2; most spacelike q^2 accepted by the loop function
Q2_LOOP_MAX = 0.9 * 4 * M_MU**2    #: GeV^2; most timelike q^2 accepted (below the mu+ mu- threshold)
LOOP_TOLERANCE = 0.1               #: |epsilon(q^2) / epsilon(0) - 1| allowed for the fixed-coupling model
_LN_X_MIN = -36.0                  #: the x integral starts at e^-36 (the part below is ~e^-72 of the total)


def kinetic_mixing_mu_tau(q2: float = 0.0) -> float:
    """epsilon(q^2) / g of gauged L_mu - L_tau from the muon and tau loops (module docstring; the X
    couples to epsilon times the electromagnetic current). Dimensionless; q2 [GeV^2] in
    [-1e4, 0.9 x 4 m_mu^2] (negative: spacelike; towards the mu+ mu- threshold the log becomes
    singular and above it the loop has an imaginary part). epsilon(0) / g = (e / (6 pi^2)) ln(m_tau / m_mu).
    Quadrature: the integrand is symmetric about x = 1/2; Gauss-Legendre in ln x on (0, 1/2] resolves
    the steps at x ~ m^2 / |q^2| (relative error ~1e-13 against adaptive quadrature; 1e-9 at the
    timelike end, where the muon log approaches its threshold singularity at x = 1/2)."""
    q2 = in_range("q2", q2, Q2_LOOP_MIN, Q2_LOOP_MAX, unit="GeV^2")
    if q2 == 0.0:
        return E_CHARGE / (6 * math.pi**2) * math.log(M_TAU / M_MU)
    xg, wg = _GL_LOOP
    half = 0.5 * (math.log(0.5) - _LN_X_MIN)
    x = np.exp(_LN_X_MIN + half * (xg + 1.0))
    y = x * (1.0 - x) * q2
    # ln of the mass ratio written with log1p so that both terms stay accurate for small |q^2|
    integrand = x * (1.0 - x) * (2 * math.log(M_TAU / M_MU) + np.log1p(-y / M_TAU**2) - np.log1p(-y / M_MU**2))
    return float(E_CHARGE / (2 * math.pi**2) * 2.0 * half * np.sum(wg * x * integrand))


@functools.lru_cache(maxsize=4)
def loop_q2_range(tolerance: float = LOOP_TOLERANCE) -> tuple[float, float]:
    """(q2_lo, q2_hi) [GeV^2]: the q^2 interval around 0 in which epsilon(q^2) of
    :func:`kinetic_mixing_mu_tau` stays within ``tolerance`` (0 < tolerance <= 0.5) of epsilon(0):
    about (-0.043, 0.024) GeV^2 for 10%. epsilon falls for spacelike and rises for timelike q^2."""
    tol = in_range("tolerance", tolerance, 0.0, 0.5, lo_open=True)
    e0 = kinetic_mixing_mu_tau(0.0)
    lo = brentq(lambda q: kinetic_mixing_mu_tau(q) / e0 - (1 - tol), Q2_LOOP_MIN, -1e-12, xtol=1e-12)
    hi = brentq(lambda q: kinetic_mixing_mu_tau(q) / e0 - (1 + tol), 1e-12, Q2_LOOP_MAX,
                xtol=1e-12)
    return (lo, hi)


def lmu_minus_ltau_loop() -> Model:
    """Gauged L_mu - L_tau with the one-loop kinetic mixing of the muon and tau loops (module
    docstring): the tree-level neutrino couplings of :func:`lmu_minus_ltau` plus a vector electron
    coupling g_Le = g_Re = -e epsilon(0) = -(e^2 / (6 pi^2)) ln(m_tau / m_mu) g = -0.00437 g
    (linear in g, so the model keeps a fixed direction; sign relative to g_{nu_mu nu_mu} = +g fixed by
    the loop). The couplings are the q^2 -> 0 values; they hold within 10%
    (:data:`LOOP_TOLERANCE`) for q^2 in :func:`loop_q2_range` -- nu e scattering at reactors, LAMPF/LSND
    and CHARM-II (|q^2| = 2 m_e T <= 0.025 GeV^2, epsilon lower by <= 7%), g-2, beam dumps and fixed
    target for m_X below ~0.15 GeV. LEP and the Z pole (q^2 ~ m_Z^2) are outside; there the induced
    coupling is suppressed (see the tree-level ``Lmu-Ltau`` for Gamma(Z -> nu nubar))."""
    tree = lmu_minus_ltau()
    eps = kinetic_mixing_mu_tau(0.0)
    ge = -E_CHARGE * eps
    return Model("Lmu-Ltau-loop", tree.coupling, tree.g_nu, ge, ge,
                 description="gauged L_mu - L_tau with the loop-induced kinetic mixing "
                             f"epsilon = g / {1 / eps:.1f} (q^2 -> 0)",
                 source=tree.source + "; loop mixing: Amaral, Cerdeno, Foldenauer, Reid, arXiv:2006.11225 (Eq. 7); "
                                      "Kamada & Yu, arXiv:1504.00711",
                 notes=tree.notes + (f"electron coupling g_Ve = -e epsilon(0) = {ge:.4g} g from mu and tau loops "
                                     "(q^2 -> 0); constraints probing q^2 outside "
                                     f"[{loop_q2_range()[0]:.3g}, {loop_q2_range()[1]:.3g}] GeV^2 "
                                     f"(epsilon off by > {LOOP_TOLERANCE:.0%}) do not apply",),
                 q2_range=loop_q2_range())


def dark_photon() -> Model:
    """Dark photon (Holdom, PLB 166 (1986) 196): X couples to e epsilon times the electromagnetic
    current, g_Le = g_Re = -e epsilon (e at q^2 = 0), no neutrino coupling at tree level. The overall
    coupling is epsilon. Neutrino-electron scattering and e+e- -> nu nubar gamma need a neutrino
    coupling and do not apply; the Z pole, g-2, beam dumps and fixed target do."""
    return Model("dark-photon", "epsilon", neutrino_couplings({}), -E_CHARGE, -E_CHARGE,
                 description="dark photon: g_Ve = e epsilon, no neutrino coupling at tree level",
                 source="Holdom, PLB 166 (1986) 196",
                 notes=("neutrino couplings through Z-X mixing are O(epsilon m_X^2 / m_Z^2) and neglected",))
