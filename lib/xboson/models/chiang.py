"""Chiang's free couplings as models (Chiang, Faisel, Lin, Tandean, arXiv:1204.6296).

* Coupling products, Secs. III-VI and VIII (Figs. 3, 7): one combination C of the products
  L_ij = g_{nu_i nu_j} g_Le, R_ij = g_{nu_i nu_j} g_Re nonzero at a time -- ``L_<pair>``,
  ``R_<pair>``, ``V_<pair>`` (= (L+R)/2 alone: L = R = V) and ``A_<pair>`` (= (L-R)/2 alone:
  L = -R = A). The overall coupling is |C|^(1/2), the quantity on the axes of Chiang Fig. 3;
  either sign of C is allowed (the limits come from the extreme allowed values of +C and -C,
  Chiang Sec. IV). To give the separate couplings that the Z-pole and g-2 constraints need, the
  model takes |g_{nu_i nu_j}| = |g_e| = |C|^(1/2) (our choice; the products alone do not fix them).
* Separate flavour-conserving couplings, Sec. VII (Fig. 6): ``g_Le``, ``g_Re``, ``g_Ve``
  (g_Le = g_Re), ``g_Ae`` (g_Le = -g_Re) and ``g_nu`` (one g_{nu_i nu_i}, here nu_e), each
  alone; the overall coupling is that coupling.
"""

from __future__ import annotations

from .. import couplings
from ..errors import InputError
from .base import Model, neutrino_couplings

__all__ = ["SEPARATE", "product_model", "separate_model"]

_SOURCE = "Chiang, Faisel, Lin, Tandean, PRD 87 (2013) 013010, arXiv:1204.6296"
#: Sec. VII couplings: (g_nu_e, g_Le, g_Re) per unit coupling
SEPARATE = {"g_Le": (0.0, 1.0, 0.0), "g_Re": (0.0, 0.0, 1.0), "g_Ve": (0.0, 1.0, 1.0),
            "g_Ae": (0.0, 1.0, -1.0), "g_nu": (1.0, 0.0, 0.0)}


def product_model(kind: str, pair: str) -> Model:
    """Chiang's combination ``kind`` ('L', 'R', 'V', 'A') of the products of ``pair`` alone
    (the grammar of :func:`xboson.couplings.combination`)."""
    kind, pair = couplings.combination(f"{kind}_{pair}")
    le, re = couplings.COMBINATIONS[kind]
    name = f"{kind}_{pair}"
    what = {(1.0, 1.0): f"V_{pair} = (L+R)/2 alone (L = R)", (1.0, -1.0): f"A_{pair} = (L-R)/2 alone (L = -R)"}.get(
        (le, re), f"{name} alone")
    return Model(name, f"|{name}|^(1/2)", neutrino_couplings({pair: 1.0}), le, re,
                 description=f"Chiang's coupling product {what}; overall coupling |C|^(1/2)",
                 source=_SOURCE + (", Fig. 3" if pair == "ee" else ", Sec. VIII"), sign_free=True,
                 notes=("separate couplings taken as |g_nu| = |g_e| = |C|^(1/2) for Z pole, g-2, "
                        "beam dumps and fixed target",))


def separate_model(name: str) -> Model:
    """One of Chiang's Sec. VII couplings alone: 'g_Le', 'g_Re', 'g_Ve', 'g_Ae' or 'g_nu'."""
    if name not in SEPARATE:
        raise InputError(f"unknown coupling {name!r}; expected one of: {', '.join(SEPARATE)}")
    nu, le, re = SEPARATE[name]
    return Model(name, name, neutrino_couplings({"ee": nu}), le, re,
                 description=f"Chiang Sec. VII: {name} alone, every other coupling zero",
                 source=_SOURCE + ", Sec. VII and Fig. 6")
