"""A model of the X boson: its vertex couplings per unit of one overall coupling.

Every model maps its parameters onto the coupling basis of :mod:`xboson.couplings`
(Chiang Eq. 1): the X couples to neutrinos with g_{nu_i nu_j} (left-handed) and to the electron
with g_Le, g_Re,

    L = -X_mu [ g_{nu_i nu_j} nubar_i gamma^mu P_L nu_j + ebar gamma^mu (g_Le P_L + g_Re P_R) e ],

and a model fixes every vertex coupling as (number) x g, with g its *overall coupling* (g_X of a
U(1)_X model, epsilon of a dark photon, |C|^(1/2) of one of Chiang's coupling products). The
coupling products of the scattering and LEP observables are then C = g^2 d with a fixed direction
d (:meth:`Model.direction`), so a constraint on the products becomes a constraint on g through
:meth:`xboson.quadform.QuadraticForm.substitute` with c = d t, t = g^2.

Convention (stated once, used everywhere): the numbers stored are the *vertex* couplings per unit
g. For a U(1)_X model whose covariant derivative carries g_X Q_X / 2 (Lindner Eq. 2.2) the vertex
is g_X Q / 2, so a charge Q is stored as Q / 2; with a covariant derivative g Q it is stored as Q.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .. import couplings
from ..constants import M_E
from ..errors import InputError
from ..validation import charge, choice, finite, mass

__all__ = ["Model", "neutrino_couplings"]


def neutrino_couplings(values: dict[str, float]) -> tuple[float, ...]:
    """g_{nu_i nu_j} per unit coupling in :data:`xboson.couplings.PAIRS` order from a dict keyed by
    pair name ('ee', 'mumu', 'tautau', 'emu', 'etau', 'mutau'); missing pairs are zero; each |g| <= 1e6."""
    out = []
    for p in couplings.PAIRS:
        out.append(charge(f"g_nu[{p}]", values.get(p, 0.0)))
    unknown = set(values) - set(couplings.PAIRS)
    if unknown:
        raise InputError(f"unknown neutrino pair {sorted(unknown)[0]!r}; expected one of: "
                         f"{', '.join(couplings.PAIRS)}")
    return tuple(out)


@dataclass(frozen=True)
class Model:
    """An X-boson model: vertex couplings per unit overall coupling (dimensionless).

    ``g_nu`` holds g_{nu_i nu_j} in :data:`xboson.couplings.PAIRS` order (symmetric, real; an
    off-diagonal entry stands for both orderings, Chiang Sec. VIII). ``sign_free``: the relative
    sign of the neutrino and electron couplings is not fixed by the model (Chiang's limits on a
    coupling product come from the extreme allowed values of +C and -C; the recast then reports the
    weaker of the two signs). ``epsilon`` and ``alpha_over_g`` are Lindner's kinetic mixing
    (fixed) and Z-Z' mixing angle alpha = R g (Lindner Sec. 2; only Lindner's fits handle them).
    ``q2_range`` = (lo, hi) [GeV^2]: the momentum transfers q^2 (negative: spacelike, t-channel
    scattering; positive: timelike, an X produced or decaying on shell) at which the fixed couplings
    hold -- a loop-induced coupling depends on q^2 (:func:`xboson.models.u1x.kinetic_mixing_mu_tau`);
    a constraint probing q^2 outside it does not apply. Default None: every q^2.
    Domain: every vertex coupling per unit g finite with |v| <= 1e6 (the charge range of
    :mod:`xboson.validation`), |epsilon| < 1, |alpha_over_g| <= 1e6, q2_range None or finite lo <= 0 <= hi.
    """

    name: str
    coupling: str
    g_nu: tuple[float, ...]
    g_le: float
    g_re: float
    description: str = ""
    source: str = ""
    sign_free: bool = False
    epsilon: float = 0.0
    alpha_over_g: float = 0.0
    notes: tuple[str, ...] = field(default=())
    q2_range: tuple[float, float] | None = None

    def __post_init__(self):
        if len(self.g_nu) != len(couplings.PAIRS):
            raise InputError(f"g_nu: need {len(couplings.PAIRS)} entries ({', '.join(couplings.PAIRS)})")
        for k, v in zip(couplings.PAIRS, self.g_nu):
            charge(f"g_nu[{k}]", v)
        charge("g_le", self.g_le)
        charge("g_re", self.g_re)
        if not -1.0 < finite("epsilon", self.epsilon) < 1.0:
            raise InputError(f"epsilon must lie in (-1, 1) (got {self.epsilon!r})")
        charge("alpha_over_g", self.alpha_over_g)
        if self.q2_range is not None and (len(self.q2_range) != 2 or not all(math.isfinite(v) for v in self.q2_range)
                                          or not self.q2_range[0] <= 0.0 <= self.q2_range[1]):
            raise InputError(f"q2_range must be None or (lo, hi), finite, lo <= 0 <= hi [GeV^2] (got {self.q2_range!r})")
        if not self.name or not self.coupling:
            raise InputError("name and coupling must be non-empty strings")

    # -- couplings ---------------------------------------------------------------------------
    def nu(self, pair: str) -> float:
        """g_{nu_i nu_j} per unit g for a pair name, e.g. 'mumu'."""
        return self.g_nu[couplings.PAIRS.index(choice("pair", pair, couplings.PAIRS))]

    @property
    def g_ve(self) -> float:
        """g_Ve = (g_Le + g_Re) / 2 per unit g (Chiang Sec. VII)."""
        return 0.5 * (self.g_le + self.g_re)

    @property
    def g_ae(self) -> float:
        """g_Ae = (g_Le - g_Re) / 2 per unit g (Chiang Sec. VII)."""
        return 0.5 * (self.g_le - self.g_re)

    @property
    def has_mixing(self) -> bool:
        """Whether the model has Z-X mixing (then the effective couplings depend on the recoil)."""
        return self.epsilon != 0.0 or self.alpha_over_g != 0.0

    @property
    def flavour_changing(self) -> bool:
        return any(v != 0.0 for p, v in zip(couplings.PAIRS, self.g_nu) if p not in ("ee", "mumu", "tautau"))

    def holds_at(self, q2: float) -> bool:
        """Whether the model's fixed couplings hold at momentum transfer q^2 [GeV^2] (``q2_range``)."""
        q2 = finite("q2", q2)
        return self.q2_range is None or self.q2_range[0] <= q2 <= self.q2_range[1]

    def direction(self, sign: float = 1.0) -> np.ndarray:
        """d with coupling products C = g^2 d in :data:`xboson.couplings.BASIS` order:
        L_ij = g_{nu_i nu_j} g_Le, R_ij = g_{nu_i nu_j} g_Re (Chiang Eq. 1), per unit g^2.
        ``sign`` = -1 flips the neutrino couplings (the other branch of a sign-free model); 1 or -1."""
        if sign not in (1.0, -1.0):
            raise InputError(f"sign must be 1 or -1 (got {sign!r})")
        d = np.zeros(couplings.DIM)
        for p, gn in zip(couplings.PAIRS, self.g_nu):
            d[couplings.index("L", p)] = sign * gn * self.g_le
            d[couplings.index("R", p)] = sign * gn * self.g_re
        return d

    def signs(self) -> tuple[float, ...]:
        """The relative signs of neutrino and electron couplings to consider: (1,) or (1, -1)."""
        return (1.0, -1.0) if self.sign_free else (1.0,)

    # -- decay widths (for branching ratios) -------------------------------------------------
    def width_ee(self, m_x: float) -> float:
        """Gamma(X -> e+ e-) per unit g^2 [GeV], from Chiang Eq. (18) divided by
        Gamma(X -> nu nubar) = g_nu^2 m / (24 pi):
        sqrt(m^2 - 4 m_e^2) / (24 pi m^2) [(g_Le^2 + g_Re^2)(m^2 - m_e^2) + 6 g_Le g_Re m_e^2]
        (= g^2 m (1 + 2 r) (1 - 4 r)^(1/2) / (12 pi), r = m_e^2 / m^2, for g_Le = g_Re = g);
        m_x in [1e-6, 1e4] GeV."""
        m = mass("m_x", m_x)
        if m <= 2 * M_E:
            return 0.0
        return (math.sqrt(m * m - 4 * M_E**2) / (24 * math.pi * m * m)
                * ((self.g_le**2 + self.g_re**2) * (m * m - M_E**2) + 6 * self.g_le * self.g_re * M_E**2))

    def width_invisible(self, m_x: float) -> float:
        """sum_ij Gamma(X -> nu_i nubar_j) per unit g^2 [GeV]: g_{nu_i nu_j}^2 m / (24 pi) per
        ordered pair (left-handed neutrinos, Chiang Eq. 18 with m_e -> 0; an off-diagonal pair
        counts twice); m_x in [1e-6, 1e4] GeV."""
        m = mass("m_x", m_x)
        tot = 0.0
        for p, gn in zip(couplings.PAIRS, self.g_nu):
            tot += (1.0 if p in ("ee", "mumu", "tautau") else 2.0) * gn * gn
        return tot * m / (24 * math.pi)

    def branching_ee_vs_invisible(self, m_x: float) -> float:
        """Gamma_ee / (Gamma_ee + Gamma_nunu): the factor by which neutrino decays lower
        B(X -> e+ e-) relative to an X without neutrino couplings (dimensionless; 0 below 2 m_e)."""
        ee = self.width_ee(m_x)
        inv = self.width_invisible(m_x)
        return ee / (ee + inv) if ee > 0 else 0.0
