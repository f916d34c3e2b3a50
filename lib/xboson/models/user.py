"""User-defined models from a YAML file (``xboson recast --model FILE.yaml``).

Two forms, exactly one of ``charges`` or ``couplings``::

    name: my-BL                      # required
    description: ...                 # optional; also: source
    coupling: g_X                    # optional label of the overall coupling (default: g)
    charges:                         # U(1)_X charges; L_e, L_mu, L_tau, e_R required
      {L_e: -1, L_mu: -1, L_tau: -1, e_R: -1, mu_R: -1, tau_R: -1,
       Q: 0.3333333333333333, u_R: 0.3333333333333333, d_R: 0.3333333333333333, nu_R: [-1, -1, -1]}
    convention: gQ/2                 # required with charges: 'gQ/2' (Lindner Eq. 2.2) or 'gQ'
    anomaly_free: true               # optional: check the six anomaly conditions (needs every charge)
    epsilon: 0.0                     # optional, charges only: Lindner's kinetic mixing (|eps| < 1)
    alpha_over_g: 0.0                # optional, charges only: Z-Z' mixing angle alpha = R g

    couplings:                       # vertex couplings per unit overall coupling (Chiang Eq. 1)
      {g_Le: 1, g_Re: 1, g_nu_ee: 1, g_nu_mumu: 0, g_nu_tautau: 0}   # these five required;
                                     # g_nu_emu, g_nu_etau, g_nu_mutau optional (default 0)
    sign_free: false                 # optional, couplings only: either relative sign of g_nu, g_e

Every problem -- an unknown field, a missing charge or coupling, a value that is not a finite
number or one beyond |1e6|, a failed anomaly check the file asked for -- raises one InputError (a ValueError)
naming the field.
"""

from __future__ import annotations

import math
from pathlib import Path

import yaml

from .. import couplings
from ..errors import InputError
from ..validation import Q_MAX
from .base import Model, neutrino_couplings
from .u1x import LEPTONS, QUARKS, Charges, charge_model

__all__ = ["load_model_file", "model_from_dict"]

_COMMON = {"name", "description", "source", "coupling"}
_CHARGE_KEYS = _COMMON | {"charges", "convention", "anomaly_free", "epsilon", "alpha_over_g"}
_COUPLING_KEYS = _COMMON | {"couplings", "sign_free"}
_REQUIRED_CHARGES = ("L_e", "L_mu", "L_tau", "e_R")
_REQUIRED_COUPLINGS = ("g_Le", "g_Re", "g_nu_ee", "g_nu_mumu", "g_nu_tautau")
_ALL_COUPLINGS = ("g_Le", "g_Re") + tuple(f"g_nu_{p}" for p in couplings.PAIRS)


def _number(field: str, v) -> float:
    """A finite number with |v| <= 1e6 (:data:`xboson.validation.Q_MAX`, the declared charge range)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise InputError(f"{field}: must be a number (got {v!r})")
    if not math.isfinite(v):
        raise InputError(f"{field}: must be finite (got {v!r})")
    if abs(v) > Q_MAX:
        raise InputError(f"{field}: must lie in [-{Q_MAX:g}, {Q_MAX:g}] (got {v!r})")
    return float(v)


def _text(field: str, v, default: str = "") -> str:
    if v is None:
        return default
    if not isinstance(v, str) or not v.strip():
        raise InputError(f"{field}: must be a non-empty string (got {v!r})")
    return v.strip()


def _flag(field: str, v) -> bool:
    if v is None:
        return False
    if not isinstance(v, bool):
        raise InputError(f"{field}: must be true or false (got {v!r})")
    return v


def _check_keys(where: str, d: dict, allowed, required=()):
    if not isinstance(d, dict):
        raise InputError(f"{where or 'model file'}: must be a mapping (got {type(d).__name__})")
    for k in d:
        if k not in allowed:
            raise InputError(f"{where + '.' if where else ''}{k}: unknown field; expected one of: "
                             f"{', '.join(sorted(allowed))}")
    for k in required:
        if k not in d:
            raise InputError(f"{where + '.' if where else ''}{k}: missing")


def _charges(d: dict) -> Charges:
    raw = d["charges"]
    _check_keys("charges", raw, set(LEPTONS + QUARKS) | {"nu_R"}, _REQUIRED_CHARGES)
    vals = {k: _number(f"charges.{k}", v) for k, v in raw.items() if k != "nu_R"}
    nu_r = raw.get("nu_R", [])
    if not isinstance(nu_r, list):
        raise InputError(f"charges.nu_R: must be a list of numbers (got {nu_r!r})")
    nu_r = tuple(_number(f"charges.nu_R[{i}]", v) for i, v in enumerate(nu_r))
    if "convention" not in d:
        raise InputError("convention: missing; give 'gQ/2' (covariant derivative g Q / 2, Lindner Eq. 2.2) or 'gQ'")
    if not isinstance(d["convention"], str):
        raise InputError(f"convention: must be the text 'gQ/2' or 'gQ' (got {d['convention']!r})")
    return Charges(vals["L_e"], vals["L_mu"], vals["L_tau"], vals["e_R"], _text("convention", d["convention"]),
                   mu_R=vals.get("mu_R"), tau_R=vals.get("tau_R"), Q=vals.get("Q"),
                   u_R=vals.get("u_R"), d_R=vals.get("d_R"), nu_r=nu_r)


def model_from_dict(d: dict) -> Model:
    """A :class:`~xboson.models.base.Model` from the mapping of a model file (schema above)."""
    if not isinstance(d, dict):
        raise InputError(f"model file: must be a mapping of fields (got {type(d).__name__})")
    _check_keys("", d, _CHARGE_KEYS | _COUPLING_KEYS)
    if ("charges" in d) == ("couplings" in d):
        raise InputError("charges/couplings: give exactly one of the two")
    name = _text("name", d.get("name"), "")
    if not name:
        raise InputError("name: missing")
    desc = _text("description", d.get("description"), "user-defined model")
    src = _text("source", d.get("source"), "user file")
    coupling = _text("coupling", d.get("coupling"), "g")
    if "charges" in d:
        _check_keys("", d, _CHARGE_KEYS)
        eps = _number("epsilon", d.get("epsilon", 0.0))
        if not -1.0 < eps < 1.0:
            raise InputError(f"epsilon: must lie in (-1, 1) (got {eps!r})")
        return charge_model(name, _charges(d), coupling=coupling, epsilon=eps,
                            alpha_over_g=_number("alpha_over_g", d.get("alpha_over_g", 0.0)),
                            description=desc, source=src,
                            anomaly_free=_flag("anomaly_free", d.get("anomaly_free")))
    _check_keys("", d, _COUPLING_KEYS)
    raw = d["couplings"]
    _check_keys("couplings", raw, set(_ALL_COUPLINGS), _REQUIRED_COUPLINGS)
    vals = {k: _number(f"couplings.{k}", v) for k, v in raw.items()}
    nu = neutrino_couplings({p: vals.get(f"g_nu_{p}", 0.0) for p in couplings.PAIRS})
    return Model(name, coupling, nu, vals["g_Le"], vals["g_Re"], description=desc, source=src,
                 sign_free=_flag("sign_free", d.get("sign_free")))


def load_model_file(path: str | Path) -> Model:
    """Read a model file (YAML, schema in the module doc). Raises ValueError for a missing or
    unreadable file and for every problem in it."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"model: no such file {str(path)!r}")
    try:
        d = yaml.safe_load(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"model file {p.name}: not a UTF-8 text file") from None
    except yaml.YAMLError as exc:
        raise InputError(f"model file {p.name}: not valid YAML ({str(exc).splitlines()[0]})") from None
    return model_from_dict(d)
