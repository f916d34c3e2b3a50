"""The coupling space of the X boson (Chiang Eq. 1 and Eq. 13).

Every observable in :mod:`xboson` is a quadratic form in the real coupling products

    C_ij = g_{nu_i nu_j} g_{Ce},   C = L, R,

ordered as :data:`BASIS`. Off-diagonal products follow Chiang Sec. VIII: they are taken
real and symmetric, ``L_ij = |g_{nu_i nu_j}| g_Le = L_ji`` (so ``L_emu`` stands for both
L_emu and L_mue). The dimensionless ratios of Chiang Eq. (13),

    rho^C_ij = C_ij / (2 sqrt(2) G_F m_X^2),

are a rescaling of the same coordinates: :func:`rho_scale` gives the factor.

Names of one-dimensional directions (the one grammar of the package, :func:`direction`): Chiang's
combinations of one pair's products (Sec. IV), ``<kind><pair>`` or ``<kind>_<pair>`` with kind
L, R, V (= (L+R)/2 alone: L = R) or A (= (L-R)/2 alone: L = -R), e.g. 'Lee' = 'L_ee', 'Vemu';
and Chiang's Sec. VII single couplings :data:`SINGLE_COUPLINGS` ('gLe', ...; Fig. 6).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from .errors import InputError
from .constants import G_F
from .validation import choice, coupling_product, mass

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import ArrayLike

__all__ = ["BASIS", "CHIRALITIES", "COMBINATIONS", "DIM", "FLAVOURS", "INDEX", "PAIRS", "SINGLE_COUPLINGS",
           "as_vector", "combination", "direction", "index", "pair_of", "plane", "rho_scale", "vector"]

FLAVOURS = ("e", "mu", "tau")
PAIRS = ("ee", "mumu", "tautau", "emu", "etau", "mutau")
CHIRALITIES = ("L", "R")

_PAIR_OF = {
    ("e", "e"): "ee", ("mu", "mu"): "mumu", ("tau", "tau"): "tautau",
    ("e", "mu"): "emu", ("mu", "e"): "emu",
    ("e", "tau"): "etau", ("tau", "e"): "etau",
    ("mu", "tau"): "mutau", ("tau", "mu"): "mutau",
}

#: Names of the coordinates of coupling space, in order.
BASIS = tuple(f"{c}_{p}" for p in PAIRS for c in CHIRALITIES)
INDEX = {name: k for k, name in enumerate(BASIS)}
DIM = len(BASIS)

#: Chiang's combinations of one pair's products, one nonzero at a time (Sec. IV, Fig. 3):
#: kind -> (L, R) components of the direction in that pair's plane.
COMBINATIONS = {"L": (1.0, 0.0), "R": (0.0, 1.0), "V": (1.0, 1.0), "A": (1.0, -1.0)}
_COMBINATION = re.compile(rf"([{''.join(COMBINATIONS)}])_?({'|'.join(PAIRS)})")

#: Chiang's Sec. VII separate couplings, one nonzero at a time (Fig. 6): g_Le, g_Re, one
#: g_{nu_i nu_i}, g_Ve = (g_Le + g_Re)/2 alone (g_Le = g_Re), g_Ae = (g_Le - g_Re)/2 alone (g_Le = -g_Re).
SINGLE_COUPLINGS = ("gLe", "gRe", "gnu", "gVe", "gAe")


def pair_of(i: str, j: str) -> str:
    """Name of the (symmetric) flavour pair for neutrino flavours i, j ('e', 'mu', 'tau')."""
    choice("neutrino flavour", i, FLAVOURS)
    choice("neutrino flavour", j, FLAVOURS)
    return _PAIR_OF[(i, j)]


def index(chirality: str, pair: str) -> int:
    """Position of the coupling ``C_pair`` in :data:`BASIS`."""
    choice("chirality", chirality, CHIRALITIES)
    choice("pair", pair, PAIRS)
    return INDEX[f"{chirality}_{pair}"]


def plane(pair: str) -> tuple[str, str]:
    """The (L, R) coordinate names of a flavour pair, e.g. ('L_ee', 'R_ee')."""
    choice("pair", pair, PAIRS)
    return (f"L_{pair}", f"R_{pair}")


def combination(name: str) -> tuple[str, str]:
    """(kind, pair) of a named combination of coupling products: 'Lee' or 'L_ee' -> ('L', 'ee'),
    'Vemu' or 'V_emu' -> ('V', 'emu'). Kinds: :data:`COMBINATIONS`; pairs: :data:`PAIRS`.
    Anything else raises ValueError naming the grammar."""
    m = _COMBINATION.fullmatch(str(name))
    if not m:
        raise InputError(f"unknown coupling {name!r}; expected L, R, V or A followed by a pair "
                         f"({', '.join(PAIRS)}), e.g. 'Lee', 'V_ee', 'Remu'")
    return m.group(1), m.group(2)


def direction(name: str) -> dict[str, float]:
    """Direction in coupling space of a named combination (:func:`combination`), as components
    by :data:`BASIS` name: 'Lee' -> {'L_ee': 1}, 'Vee' -> {'L_ee': 1, 'R_ee': 1} (V alone means
    L = R = V), 'Aee' -> {'L_ee': 1, 'R_ee': -1} (A alone means L = -R = A); Chiang Sec. IV."""
    kind, pair = combination(name)
    return {c: v for c, v in zip(plane(pair), COMBINATIONS[kind]) if v}


def rho_scale(m_x: ArrayLike) -> float | np.ndarray:
    """2 sqrt(2) G_F m_X^2: the factor with C_ij = rho_scale * rho_ij (Chiang Eq. 13).

    m_x: X mass [GeV], in [1e-6, 1e4]. Returns a dimensionless number.
    """
    m_x = mass("m_x", m_x)
    return 2.0 * math.sqrt(2.0) * G_F * m_x**2


def as_vector(c: ArrayLike) -> np.ndarray:
    """A coupling vector given as an array: checked to have :data:`DIM` entries, each a coupling
    product with |C| <= (4 pi)^2. Returns a float array."""
    import numpy as np

    arr = np.atleast_1d(coupling_product("c", c))
    if arr.shape != (DIM,):
        raise InputError(f"c must have {DIM} entries, one per coupling in BASIS (got shape {arr.shape})")
    return arr


def vector(values: dict | None = None, **kwargs: float) -> np.ndarray:
    """Coupling vector in :data:`BASIS` order from names, e.g. ``vector(L_ee=1e-12)``.

    Unknown names raise InputError; values are coupling products with |C| <= (4 pi)^2.
    """
    import numpy as np

    vals = dict(values or {}, **kwargs)
    c = np.zeros(DIM)
    for name, val in vals.items():
        if name not in INDEX:
            raise InputError(f"unknown coupling {name!r}; expected one of: {', '.join(BASIS)}")
        c[INDEX[name]] = coupling_product(name, val)
    return c
