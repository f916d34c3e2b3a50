"""``xboson`` console script.

Subcommands live in ``cmd_*.py`` modules of this package; each defines
``register(subparsers)`` and attaches a handler ``func(args) -> object``. The handler's
return value is printed as JSON with ``--json`` and as readable text otherwise. Bad input --
argparse's usage errors and the package's own :class:`xboson.errors.InputError` (input outside a
declared domain) -- prints a one-line message to stderr and exits with status 2. Any other
exception is a bug and propagates (traceback, exit status 1).

JSON output is strict: an infinite end (an open region or interval) is printed as null and every
command that can produce one says so with an explicit key (e.g. ``"unbounded": true``); a NaN is
never an answer and raises (a bug, exit 1).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import InputError

__all__ = ["build_parser", "add_json_flag", "main"]


def _json_default(x):
    if hasattr(x, "tolist"):
        return x.tolist()
    raise TypeError(f"cannot serialise {type(x).__name__}")


def _clean(x):
    """Strict JSON: +-inf (an open end, always next to an explicit marker such as "unbounded")
    becomes None; a NaN is never an answer and raises (a bug, not an input error)."""
    if isinstance(x, float) and math.isnan(x):
        raise FloatingPointError("a command produced NaN (a bug: please report it)")
    if isinstance(x, float) and not math.isfinite(x):
        return None
    if isinstance(x, dict):
        return {k: _clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_clean(v) for v in x]
    return x


def _text(x) -> str:
    if isinstance(x, list) and x and isinstance(x[0], dict):
        return "\n".join("  ".join(f"{k}={v}" for k, v in row.items()) for row in x)
    if isinstance(x, dict):
        return "\n".join(f"{k}: {v}" for k, v in x.items())
    return str(x)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own usage errors: one line, exit 2
        self.exit(2, f"xboson: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="xboson", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"xboson {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    from . import command_modules

    for mod in command_modules():
        mod.register(sub)
    return parser


def add_json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result = args.func(args)
    except InputError as exc:
        print(f"xboson: error: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 2
    if getattr(args, "json", False):
        print(json.dumps(_clean(result), default=_json_default, allow_nan=False))
    else:
        print(_text(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
