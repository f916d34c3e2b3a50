"""``xboson region CONSTRAINT --pair P --m-x GEV [--gamma-x GEV] [--json]``:
extremes of the allowed (rho^L, rho^R) region, Chiang Eq. (13).

Domain: --m-x in [1e-6, 1e4] GeV; --gamma-x in [1e-10 m_X, m_X]. An extreme that is infinite
(the region is open in that direction) is printed as null in JSON, and then ``"unbounded": true``
with ``"unbounded_keys"`` listing which; ``"unbounded": false`` otherwise. An empty region is an
error (exit 2)."""

from __future__ import annotations

from ..errors import InputError
import math
from typing import TYPE_CHECKING

from .main import add_json_flag

if TYPE_CHECKING:
    import argparse

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("region", help="extremes of an allowed (rho^L, rho^R) region")
    p.add_argument("constraint", help="constraint name, e.g. lampf-lsnd")
    p.add_argument("--pair", default="ee", help="flavour pair: ee, mumu, tautau, emu, etau, mutau")
    p.add_argument("--m-x", type=float, required=True, help="X mass [GeV], 1e-6 to 1e4")
    p.add_argument("--gamma-x", type=float, default=None,
                   help="X total width [GeV], 1e-10 m_X to m_X: required by the width-dependent "
                        "constraint (lep), checked and not used by the others")
    add_json_flag(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> dict[str, float | bool | list[str]]:
    from .. import constraints
    from ..couplings import PAIRS
    from ..region import rho_extremes
    from ..validation import choice

    choice("pair", args.pair, PAIRS)
    con = constraints.get(args.constraint, args.m_x, args.gamma_x)
    ext = con.region(args.pair).extremes()
    if ext is None:
        raise InputError(f"the {args.constraint} region is empty at m_x = {args.m_x:g} GeV")
    out = rho_extremes(ext)
    open_keys = [k for k, v in out.items() if math.isinf(v)]
    out["unbounded"] = bool(open_keys)
    out["unbounded_keys"] = open_keys
    return out
