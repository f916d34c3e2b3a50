"""``xboson limit COUPLING --constraint SOURCE --m-x GEV [--json]``: upper limit on one
coupling (all others zero) from one source, e.g. ``xboson limit Lee --constraint low-energy``."""

from .main import add_json_flag


def register(sub):
    p = sub.add_parser("limit", help="upper limit on a single coupling at one X mass")
    p.add_argument("coupling", help="Lee, Ree, Vee, Aee (products) or gLe, gRe, gnu, gVe, gAe")
    p.add_argument("--constraint", required=True, help="limit source, e.g. low-energy, zpole, g-2")
    p.add_argument("--m-x", type=float, required=True, help="X mass [GeV]")
    add_json_flag(p)
    p.set_defaults(func=run)


def run(args):
    from ..limits import limit

    return limit(args.coupling, args.constraint, args.m_x)
