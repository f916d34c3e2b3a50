"""The coupling space of the X boson (Chiang Eq. 1 and Eq. 13).

Every observable in :mod:`xboson` is a quadratic form in the real coupling products

    C_ij = g_{nu_i nu_j} g_{Ce},   C = L, R,

ordered as :data:`BASIS`. Off-diagonal products follow Chiang Sec. VIII: they are taken
real and symmetric, ``L_ij = |g_{nu_i nu_j}| g_Le = L_ji`` (so ``L_emu`` stands for both
L_emu and L_mue). The dimensionless ratios of Chiang Eq. (13),

    rho^C_ij = C_ij / (2 sqrt(2) G_F m_X^2),

are a rescaling of the same coordinates: :func:`rho_scale` gives the factor.
"""

import math

from .errors import InputError
from .constants import G_F
from .validation import choice, coupling_product, mass

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


def rho_scale(m_x):
    """2 sqrt(2) G_F m_X^2: the factor with C_ij = rho_scale * rho_ij (Chiang Eq. 13).

    m_x: X mass [GeV], in [1e-6, 1e4]. Returns a dimensionless number.
    """
    m_x = mass("m_x", m_x)
    return 2.0 * math.sqrt(2.0) * G_F * m_x**2


def as_vector(c):
    """A coupling vector given as an array: checked to have :data:`DIM` entries, each a coupling
    product with |C| <= (4 pi)^2. Returns a float array."""
    import numpy as np

    arr = np.atleast_1d(coupling_product("c", c))
    if arr.shape != (DIM,):
        raise InputError(f"c must have {DIM} entries, one per coupling in BASIS (got shape {arr.shape})")
    return arr


def vector(values: dict | None = None, **kwargs):
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
