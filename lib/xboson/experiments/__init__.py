"""Experiments, one module each. A module publishes ``CONSTRAINTS = {name: factory}``
(see :mod:`xboson.constraints`) and, where it provides coupling limits,
``LIMITS = {name: function}`` (see :mod:`xboson.limits`).

The Gamma_X contract: a constraint listed in :data:`WIDTH_DEPENDENT` has a factory
``factory(m_x, gamma_x)`` that needs the X total width; every other factory is
``factory(m_x)`` and builds a :class:`~xboson.constraints.Constraint` with ``gamma_x`` None.

The registries are the explicit tables below (grep here to see what exists). Each entry is
imported only when it is used, so one broken module cannot break the lookup of the others;
``tests/test_hygiene.py`` checks that every table entry matches what its module publishes.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from ..errors import InputError

__all__ = ["CONSTRAINT_MODULES", "LIMIT_MODULES", "WIDTH_DEPENDENT", "discover", "lookup"]

#: constraint name -> module (in this package) whose ``CONSTRAINTS`` defines it
CONSTRAINT_MODULES = {
    "charm2": "charm2",
    "lampf-lsnd": "lampf_lsnd",
    "lep": "lep",
    "low-energy": "low_energy",
    "reactors": "reactors",
}

#: constraints whose bands depend on Gamma_X (factory(m_x, gamma_x)): LEP, through the X
#: propagator in e+e- -> nu nubar gamma and the width requirement (Chiang Sec. VI, Eqs. 17-18).
#: The low-energy data (LAMPF/LSND, reactors, CHARM-II; Secs. III-V) do not depend on it.
WIDTH_DEPENDENT = frozenset({"lep"})

#: limit source name -> module (in this package) whose ``LIMITS`` defines it
LIMIT_MODULES = {
    "beam-dump": "beam_dump",
    "fixed-target": "beam_dump",
    "g-2": "g_minus_2",
    "lep": "lep",
    "low-energy": "low_energy",
    "zpole": "zpole",
}

_TABLES = {"CONSTRAINTS": CONSTRAINT_MODULES, "LIMITS": LIMIT_MODULES}


def lookup(attr: str, name: str) -> Callable:
    """The entry ``name`` of registry ``attr`` ('CONSTRAINTS' or 'LIMITS'), importing only its
    module. Unknown names raise ValueError listing the registry."""
    table = _TABLES[attr]
    if name not in table:
        raise InputError(f"unknown {attr.lower()[:-1]} {name!r}; expected one of: {', '.join(sorted(table))}")
    mod = importlib.import_module(f"{__name__}.{table[name]}")
    return getattr(mod, attr)[name]


def discover(attr: str) -> dict[str, Callable]:
    """{name: callable} for registry ``attr``; each callable imports its module on first use."""
    table = _TABLES[attr]

    def lazy(name):
        def call(*args, **kwargs):
            return lookup(attr, name)(*args, **kwargs)

        call.__name__ = f"{attr.lower()}[{name}]"
        return call

    return {name: lazy(name) for name in table}
