"""``xboson limit COUPLING --constraint SOURCE --m-x GEV [--json]``: upper limit on one
coupling (all others zero) from one source, e.g. ``xboson limit Lee --constraint low-energy``.

Domain: --m-x in [1e-6, 1e4] GeV. ``"upper": null`` (the source does not bound the coupling at
that mass, e.g. g-2 for gnu, a beam dump outside its reach) comes with ``"unbounded": true``;
``"unbounded": false`` otherwise. Where a source has re-opened allowed intervals (``allowed``,
Z pole), an interval open above is ``[lo, null]`` and ``"allowed_open_above": true`` says so.
A coupling excluded at every value, zero included, is an error (exit 2) saying so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .main import add_json_flag

if TYPE_CHECKING:
    import argparse

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("limit", help="upper limit on a single coupling at one X mass")
    p.add_argument("coupling", help="Lee, Ree, Vee, Aee, L_ee, ... (products: L, R, V or A and a pair) "
                                    "or gLe, gRe, gnu, gVe, gAe")
    p.add_argument("--constraint", required=True, help="limit source, e.g. low-energy, zpole, g-2")
    p.add_argument("--m-x", type=float, required=True, help="X mass [GeV], 1e-6 to 1e4")
    add_json_flag(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> dict:
    from ..limits import limit

    return limit(args.coupling, args.constraint, args.m_x).as_json()
