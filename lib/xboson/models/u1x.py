"""Gauge models: a U(1)_X with charged leptons (Lindner Table 1, L_mu - L_tau, user charges) and the
dark photon.

**Coupling convention (the factor 2).** Lindner Eq. (2.2) writes the covariant derivative with
g_X Q_X / 2, so the X vertex of a fermion of charge Q is g_X Q / 2 and, without mixing,
L_ee = g_X^2 Q_nu Q_eL / 4 (Lindner after Eq. 3.20). Most of the Z' literature (and L_mu - L_tau)
writes g Q. A :class:`Charges` carries its ``convention`` ('gQ/2' or 'gQ'); the limit on the overall
coupling is on g_X in the first case and on g in the second (g = g_X / 2 for the same physics).

Anomaly cancellation (:func:`anomalies`): with family-universal quark charges (Q, u_R, d_R) and
per-flavour lepton charges (L_i, l_R,i) plus right-handed neutrinos nu_R, the six conditions
[SU(3)]^2 X, [SU(2)]^2 X, [U(1)_Y]^2 X, U(1)_Y X^2, X^3 and gravity-X^2 (hypercharge Y with
Q_em = T_3 + Y). Checked only when a model asks for it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..constants import ALPHA_0
from ..errors import InputError
from ..lindner import models as lindner_models
from ..validation import Q_MAX
from .base import Model, neutrino_couplings

__all__ = ["CONVENTIONS", "Charges", "anomalies", "check_anomaly_free", "charge_model",
           "lindner_table1", "lmu_minus_ltau", "dark_photon", "E_CHARGE"]

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
    is not included."""
    ch = Charges(0.0, 1.0, -1.0, 0.0, "gQ", mu_R=1.0, tau_R=-1.0, Q=0.0, u_R=0.0, d_R=0.0)
    return charge_model("Lmu-Ltau", ch, coupling="g_mu-tau", anomaly_free=True,
                        description="gauged L_mu - L_tau, tree level (no kinetic mixing)",
                        source="He, Joshi, Lew, Volkas, PRD 43 (1991) R22; PRD 44 (1991) 2118")


def dark_photon() -> Model:
    """Dark photon (Holdom, PLB 166 (1986) 196): X couples to e epsilon times the electromagnetic
    current, g_Le = g_Re = -e epsilon (e at q^2 = 0), no neutrino coupling at tree level. The overall
    coupling is epsilon. Neutrino-electron scattering and e+e- -> nu nubar gamma need a neutrino
    coupling and do not apply; the Z pole, g-2, beam dumps and fixed target do."""
    return Model("dark-photon", "epsilon", neutrino_couplings({}), -E_CHARGE, -E_CHARGE,
                 description="dark photon: g_Ve = e epsilon, no neutrino coupling at tree level",
                 source="Holdom, PLB 166 (1986) 196",
                 notes=("neutrino couplings through Z-X mixing are O(epsilon m_X^2 / m_Z^2) and neglected",))
