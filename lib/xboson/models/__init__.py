"""Models of the X boson: each maps its parameters to the coupling basis of
:mod:`xboson.couplings` (per-flavour g_{nu_i nu_j}, g_Le, g_Re times one overall coupling), so every
constraint of both papers applies to every model (:mod:`xboson.recasting`).

The registry is the explicit list :data:`REGISTRY` (name -> builder); user models come from YAML
files (:func:`load_model_file`). Aliases: Chiang's CLI spellings ``Lee``, ``gLe``, ... name the same
models as ``L_ee``, ``g_Le``.
"""

from __future__ import annotations

from pathlib import Path

from .. import couplings
from ..errors import InputError
from .base import Model, neutrino_couplings
from .chiang import product_model, separate_model
from .u1x import (Charges, anomalies, charge_model, dark_photon, lindner_table1, lmu_minus_ltau,
                  lmu_minus_ltau_loop)
from .user import load_model_file, model_from_dict

__all__ = ["Model", "Charges", "REGISTRY", "names", "get", "resolve", "load_model_file",
           "model_from_dict", "charge_model", "anomalies", "neutrino_couplings"]

#: Every named model: name -> zero-argument builder. Grep here to see what exists.
REGISTRY = {
    **{f"{k}_{p}": (lambda k=k, p=p: product_model(k, p)) for p in couplings.PAIRS for k in couplings.COMBINATIONS},
    "g_Le": lambda: separate_model("g_Le"),
    "g_Re": lambda: separate_model("g_Re"),
    "g_Ve": lambda: separate_model("g_Ve"),
    "g_Ae": lambda: separate_model("g_Ae"),
    "g_nu": lambda: separate_model("g_nu"),
    "B-L": lambda: lindner_table1("B-L"),
    "C": lambda: lindner_table1("C"),
    "D": lambda: lindner_table1("D"),
    "E": lambda: lindner_table1("E"),
    "F": lambda: lindner_table1("F"),
    "G": lambda: lindner_table1("G"),
    "Lmu-Ltau": lmu_minus_ltau,
    "Lmu-Ltau-loop": lmu_minus_ltau_loop,
    "dark-photon": dark_photon,
}



def _registered_name(name: str) -> str:
    """The registry key of a model name or of its alias in Chiang's CLI spelling: 'Lee' -> 'L_ee'
    (:func:`xboson.couplings.combination`), 'gLe' -> 'g_Le' (:data:`xboson.couplings.SINGLE_COUPLINGS`)."""
    if name in REGISTRY:
        return name
    if name in couplings.SINGLE_COUPLINGS:
        return f"g_{name[1:]}"
    try:
        kind, pair = couplings.combination(name)
    except InputError:          # not a combination name either: reported as an unknown model below
        return name
    return f"{kind}_{pair}"


def names() -> list[str]:
    """Names of the registered models."""
    return list(REGISTRY)


def get(name: str) -> Model:
    """The registered model ``name`` (or its alias ``Lee``, ``gLe``, ...). Unknown names raise
    ValueError listing the registry."""
    if isinstance(name, Model):
        return name
    key = _registered_name(str(name))
    if key not in REGISTRY:
        raise InputError(f"unknown model {name!r}; expected a YAML file or one of: {', '.join(REGISTRY)}")
    return REGISTRY[key]()


def resolve(spec: Model | str | Path) -> Model:
    """A :class:`Model` from a Model, a registered name, or a path to a YAML model file
    (``*.yaml`` / ``*.yml``)."""
    if isinstance(spec, Model):
        return spec
    if isinstance(spec, Path) or str(spec).endswith((".yaml", ".yml")):
        return load_model_file(spec)
    return get(str(spec))
