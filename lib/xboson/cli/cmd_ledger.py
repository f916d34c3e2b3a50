"""``xboson ledger [--json]``: the reproduction ledger, recomputed."""

from .main import add_json_flag


def register(sub):
    p = sub.add_parser("ledger", help="recompute the reproduction ledger")
    add_json_flag(p)
    p.set_defaults(func=run)


def run(args):
    from ..ledger import as_records

    return as_records()
