"""Command-line interface ``xboson``. Each ``cmd_*.py`` module adds one subcommand.

The subcommands are the explicit list :data:`COMMANDS` (grep here to see what exists); each
module defines ``register(subparsers)``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["COMMANDS", "OPTIONAL_COMMANDS", "command_modules"]

#: subcommand -> module in this package
COMMANDS = {
    "export": "cmd_export",
    "ledger": "cmd_ledger",
    "lep-sm": "cmd_lep_sm",
    "limit": "cmd_limit",
    "recast": "cmd_recast",
    "region": "cmd_region",
    "zprime-limit": "cmd_zprime_limit",
}

#: commands whose module may be absent from a partial checkout (developed on another branch)
OPTIONAL_COMMANDS = ("export",)


def command_modules() -> list[ModuleType]:
    """The subcommand modules in :data:`COMMANDS` order. A module listed in
    :data:`OPTIONAL_COMMANDS` that does not exist is skipped; any other import error propagates."""
    out = []
    for name, mod in COMMANDS.items():
        full = f"{__name__}.{mod}"
        try:
            out.append(importlib.import_module(full))
        except ModuleNotFoundError as exc:
            if name in OPTIONAL_COMMANDS and exc.name == full:
                continue
            raise
    return out
