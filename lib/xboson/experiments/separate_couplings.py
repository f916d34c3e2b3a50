"""Limits on separate flavour-conserving couplings, Chiang et al. Sec. VII (Fig. 6).

``LIMITS``: ``zpole`` (Eqs. 19-20), ``g-2`` (Eqs. 21-22), ``beam-dump`` (BEST thick-target
estimate, approximate) and ``fixed-target`` (A1/APEX published ranges at published levels,
approximate). Couplings: ``gLe``, ``gRe``, ``gnu`` (one g_{nu_i nu_i}), ``gVe``, ``gAe``, one
nonzero at a time (:data:`xboson.couplings.SINGLE_COUPLINGS`); every function takes m_x in GeV
and returns a :class:`~xboson.limits.Limit`.

* Z pole: ``upper`` is the edge of the allowed region that contains zero coupling; the
  constraint can re-open at larger couplings (listed under ``allowed``).
* beam dump / fixed target: g_Ve only (g_Ae = 0, B(X -> e e) = 1; Fig. 6(a) uses
  g_Le = g_Re = g_Ve); anything else raises ValueError. ``upper`` None outside the reach; for a
  beam dump the excluded band is closed: allowed below ``upper`` or above ``lower``.
"""

from __future__ import annotations

from .. import beam_dump, g_minus_2, zpole
from ..couplings import SINGLE_COUPLINGS
from ..errors import InputError
from ..limits import Limit
from ..validation import choice, mass

__all__ = ["zpole_limit", "g2_limit", "beam_dump_limit", "fixed_target_limit", "LIMITS"]


def _check(coupling, m_x):
    choice("coupling", coupling, SINGLE_COUPLINGS)
    return mass("m_x", m_x)


def zpole_limit(coupling: str, m_x: float) -> Limit:
    """Chiang Fig. 6 dotted curves: Z-pole limit at m_x [GeV]."""
    return zpole.limit(coupling, _check(coupling, m_x))


def g2_limit(coupling: str, m_x: float) -> Limit:
    """Chiang Fig. 6 solid curves: electron g-2 limit at m_x [GeV] (gnu: ``upper`` None)."""
    return g_minus_2.limit(coupling, _check(coupling, m_x))


def _check_gve(coupling, m_x, what):
    m_x = _check(coupling, m_x)
    if coupling != "gVe":
        raise InputError(f"coupling {coupling!r}: the {what} limits apply to gVe only "
                         "(g_Ae = 0, B(X->ee) = 1)")
    return m_x


def beam_dump_limit(coupling: str, m_x: float) -> Limit:
    """Chiang Fig. 6 light-green: beam-dump exclusion on g_Ve at m_x [GeV] (approximate)."""
    return beam_dump.limit(coupling, _check_gve(coupling, m_x, "beam-dump"))


def fixed_target_limit(coupling: str, m_x: float) -> Limit:
    """Chiang Fig. 6 light-orange: A1/APEX on g_Ve at m_x [GeV] (flat published levels)."""
    return beam_dump.fixed_target_limit(coupling, _check_gve(coupling, m_x, "fixed-target"))


LIMITS = {
    "zpole": zpole_limit,
    "g-2": g2_limit,
    "beam-dump": beam_dump_limit,
    "fixed-target": fixed_target_limit,
}

