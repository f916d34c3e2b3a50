"""``xboson ledger [--id ID ...] [--json]``: the reproduction ledger, recomputed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .main import add_json_flag
from ..errors import InputError

if TYPE_CHECKING:
    import argparse

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ledger", help="recompute the reproduction ledger")
    p.add_argument("--id", dest="ids", action="append", metavar="ID",
                   help="only the row with this id or former id (alias); repeatable")
    add_json_flag(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> list[dict]:
    from .. import ledger

    if not args.ids:
        return ledger.as_records()
    for i in args.ids:           # blank, or argparse's --id=-- (an empty list): refused before computing
        if not isinstance(i, str) or not i.strip():
            raise InputError(f"--id: needs a ledger id (got {i!r}; `xboson ledger` lists the ids)")
    known = {n for r in ledger.all_rows() for n in (r.id, *r.aliases)}
    for i in args.ids:
        if i not in known:
            raise InputError(f"--id: unknown ledger id {i!r} (`xboson ledger` lists the ids)")
    return [ledger.find(i).as_dict() for i in args.ids]
