"""The reproduction ledger: every number the papers quote, recomputed from :mod:`xboson`.

Each module in this package covers one paper section and defines ``rows() -> list[Row]``.
The modules are discovered automatically (one file per section, no shared list to edit).
A row's status is *computed* from the comparison it records, never typed in:

* ``agrees``          -- |ours - paper| <= tolerance;
* ``differs``         -- computed, but outside the tolerance (the note says why);
* ``not-reproduced``  -- we cannot compute it here (the note says what is missing).
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from dataclasses import asdict, dataclass

STATUSES = ("agrees", "differs", "not-reproduced")


@dataclass(frozen=True)
class Row:
    id: str
    source: str
    quantity: str
    paper_value: object
    our_value: object
    tolerance: object
    status: str
    note: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def compare(id, source, quantity, paper, ours, tol, *, relative=False, note="", note_if_differs=""):
    """A numeric row: status from |ours - paper| <= tol (tol relative to |paper| if ``relative``).

    ``note_if_differs`` is appended when the comparison fails; it explains the difference.
    """
    ours_f = float(ours)
    allowed = tol * abs(paper) if relative else tol
    ok = math.isfinite(ours_f) and abs(ours_f - paper) <= allowed * (1 + 1e-12)
    status = "agrees" if ok else "differs"
    text = note if ok or not note_if_differs else (note + " " + note_if_differs).strip()
    tol_str = f"{tol:g} (relative)" if relative else f"{tol:g}"
    return Row(id, source, quantity, paper, _round(ours_f), tol_str, status, text)


def claim(id, source, quantity, paper, ours, holds: bool, criterion: str, note="", note_if_differs=""):
    """A qualitative claim checked by a computed criterion (``holds``)."""
    status = "agrees" if holds else "differs"
    text = note if holds or not note_if_differs else (note + " " + note_if_differs).strip()
    return Row(id, source, quantity, paper, ours, criterion, status, text)


def not_reproduced(id, source, quantity, paper, reason):
    return Row(id, source, quantity, paper, None, None, "not-reproduced", reason)


def _round(x: float):
    return float(f"{x:.6g}") if math.isfinite(x) else x


def section_modules():
    """The ledger modules of this package, in name order."""
    out = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            out.append(importlib.import_module(f"{__name__}.{info.name}"))
    return out


def all_rows() -> list[Row]:
    """Recompute every ledger row (a few seconds)."""
    rows = []
    for mod in section_modules():
        rows.extend(mod.rows())
    ids = [r.id for r in rows]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        raise RuntimeError(f"duplicate ledger ids: {sorted(dup)}")
    return rows


def as_records() -> list[dict]:
    """The ledger as JSON-ready dicts with keys id, source, quantity, paper_value,
    our_value, tolerance, status, note."""
    return [r.as_dict() for r in all_rows()]
