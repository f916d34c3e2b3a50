"""The reproduction ledger: every number the papers quote, recomputed from :mod:`xboson`.

Each module in this package covers one paper section and defines ``rows() -> list[Row]``.
The modules are discovered automatically (one file per section, no shared list to edit;
modules whose name starts with ``_`` are helpers, not sections).
A row's status is *computed* from the comparison it records, never typed in:

* ``agrees``          -- |ours - paper| <= tolerance (absolute, or relative to |paper|);
* ``differs``         -- computed, but outside the tolerance (the note says why);
* ``not-reproduced``  -- we cannot compute it here (the note says what is missing).

Row ids follow one style, ``paper.section.claim`` (:data:`ID_PATTERN`), e.g.
``chiang.s3.flux_avg_energy`` or ``lindner.s4.t2_mZp_min_texono``; a row that was renamed keeps
its old ids in ``aliases`` and :func:`find` accepts either.

The statuses are pinned by ``tests/ledger_status.json``; regenerate it on purpose with
``python -m xboson.ledger --write-snapshot tests/ledger_status.json``.
"""

from __future__ import annotations

import functools
import importlib
import math
import pkgutil
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from types import ModuleType
from ..errors import InputError
from ..validation import choice

__all__ = ["InputError", "STATUSES", "ID_PATTERN", "SECTION_TITLES", "SECTION_PAGES", "figure_anchor", "Row",
           "compare", "claim", "not_reproduced", "mass_label", "mass_tex", "by_section", "section_modules",
           "all_rows", "find", "as_records", "status_snapshot"]

STATUSES = ("agrees", "differs", "not-reproduced")

#: ``paper.section.claim``: section ``sN`` (paper section N) or ``appX`` (appendix X).
ID_PATTERN = re.compile(r"^(chiang|lindner)\.(s[1-9]|app[a-c])\.[A-Za-z0-9_]+$")

#: Readable name of each ``paper.section`` id prefix, in the papers' order.
SECTION_TITLES = {
    "chiang.s3": "Chiang Sec. III", "chiang.s4": "Chiang Sec. IV", "chiang.s5": "Chiang Sec. V",
    "chiang.s6": "Chiang Sec. VI", "chiang.s7": "Chiang Sec. VII", "chiang.s8": "Chiang Sec. VIII",
    "lindner.s2": "Lindner Sec. 2", "lindner.s3": "Lindner Sec. 3", "lindner.s4": "Lindner Sec. 4",
    "lindner.s5": "Lindner Sec. 5", "lindner.appa": "Lindner App. A", "lindner.appb": "Lindner App. B",
    "lindner.appc": "Lindner App. C",
}

#: The book page (path without suffix, relative to the book root) of each paper section.
SECTION_PAGES = {
    "chiang.s3": "notebooks/chiang_sec3_nue",
    "chiang.s4": "notebooks/chiang_sec4_reactors",
    "chiang.s5": "notebooks/chiang_sec5_charm2",
    "chiang.s6": "notebooks/chiang_sec6_lep",
    "chiang.s7": "notebooks/chiang_sec7_separate_couplings",
    "chiang.s8": "notebooks/chiang_sec8_flavour_changing",
    **{f"lindner.{s}": "notebooks/lindner_sec5" for s in ("s2", "s3", "s4", "s5", "appa", "appb", "appc")},
}

_FIGURE = re.compile(r"(Fig\. \d+(?:\([a-d]\))?|Table (?:\d+|[IVX]+))")


def figure_anchor(section: str, figure: str) -> str:
    """The MyST label a section page puts above a paper figure or table: ``<section>-fig-<n>`` or
    ``<section>-table-<n>`` with the dot of the section replaced, e.g. ('chiang.s6', 'Fig. 5') ->
    'chiang-s6-fig-5'; panels share their figure's label ('Fig. 2(b)' -> 'fig-2').
    Domain: ``section`` a key of :data:`SECTION_PAGES`, ``figure`` as :attr:`Row.figure` gives it."""
    choice("section", section, list(SECTION_PAGES))
    if not _FIGURE.fullmatch(str(figure)):
        raise InputError(f"figure must read 'Fig. N', 'Fig. N(x)' or 'Table N' (got {figure!r})")
    kind, number = figure.split()
    return f"{section.replace('.', '-')}-{kind.rstrip('.').lower()}-{re.sub(r'[(].*[)]$', '', number).lower()}"


@dataclass(frozen=True)
class Row:
    """One ledger entry.

    ``tolerance`` is a string: ``"<number> (absolute)"``, ``"<number> (relative)"`` (relative to
    |paper value|) or, for a qualitative claim, the criterion in words; ``tolerance_kind`` says
    which (``absolute``, ``relative``, ``criterion``; None when not reproduced).
    ``quantity_tex`` is the quantity as text with inline ``$...$`` math; ``errata`` the anchor of
    the errata-page entry that discusses the row (None if there is none); ``aliases`` the row's
    former ids; ``reason`` one sentence saying why a row differs or is not reproduced (empty when
    it agrees).
    """

    id: str
    source: str
    quantity: str
    paper_value: object
    our_value: object
    tolerance: object
    status: str
    note: str = ""
    aliases: tuple[str, ...] = ()
    quantity_tex: str = ""
    tolerance_kind: str | None = None
    errata: str | None = None
    reason: str = ""

    @property
    def section(self) -> str:
        """``paper.section`` part of the id (e.g. ``chiang.s3``)."""
        return self.id.rsplit(".", 1)[0]

    @property
    def page(self) -> str | None:
        """The book page (notebook) that reproduces this section, or None."""
        return SECTION_PAGES.get(self.section)

    @property
    def figure(self) -> str | None:
        """The paper figure or table the row is about (from its source), e.g. ``Fig. 2(b)``."""
        m = _FIGURE.search(self.source)
        return m.group(1) if m else None

    @property
    def anchor(self) -> str | None:
        """The label of the figure or table on the section page (``page.html#anchor``), e.g.
        ``chiang-s4-fig-2`` for Fig. 2(b) of Chiang Sec. IV; None for a row about no figure."""
        return figure_anchor(self.section, self.figure) if self.page and self.figure else None

    def as_dict(self) -> dict:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        d["page"] = self.page
        d["figure"] = self.figure
        d["anchor"] = self.anchor
        return d


def compare(id: str, source: str, quantity: str, paper: float, ours: float, tol: float, *, relative: bool = False,
            note: str = "", note_if_differs: str = "", tex: str = "", aliases: Iterable[str] = (),
            errata: str | None = None) -> Row:
    """A numeric row: status from |ours - paper| <= tol (tol relative to |paper| if ``relative``).

    ``note_if_differs`` is appended when the comparison fails; it explains the difference.
    """
    ours_f = float(ours)
    allowed = tol * abs(paper) if relative else tol
    ok = math.isfinite(ours_f) and abs(ours_f - paper) <= allowed * (1 + 1e-12)
    status = "agrees" if ok else "differs"
    text = note if ok or not note_if_differs else (note + " " + note_if_differs).strip()
    kind = "relative" if relative else "absolute"
    return Row(id, source, quantity, paper, _round(ours_f), f"{tol:g} ({kind})", status, text,
               tuple(aliases), tex, kind, errata, "" if ok else _first_sentence(note_if_differs or note))


def claim(id: str, source: str, quantity: str, paper: object, ours: object, holds: bool, criterion: str,
          note: str = "", note_if_differs: str = "", *, tex: str = "", aliases: Iterable[str] = (),
          errata: str | None = None) -> Row:
    """A qualitative claim checked by a computed criterion (``holds``)."""
    status = "agrees" if holds else "differs"
    text = note if holds or not note_if_differs else (note + " " + note_if_differs).strip()
    return Row(id, source, quantity, paper, ours, criterion, status, text, tuple(aliases), tex, "criterion",
               errata, "" if holds else _first_sentence(note_if_differs or note))


def not_reproduced(id: str, source: str, quantity: str, paper: object, reason: str, *, tex: str = "",
                   aliases: Iterable[str] = (), errata: str | None = None) -> Row:
    return Row(id, source, quantity, paper, None, None, "not-reproduced", reason, tuple(aliases), tex, None,
               errata, _first_sentence(reason))


_SENTENCE_END = re.compile(r"(?<!Sec\.)(?<!Secs\.)(?<!Eq\.)(?<!Eqs\.)(?<!Fig\.)(?<!Ref\.)(?<!App\.)(?<!al\.)"
                           r"(?<!vs\.)(?<=\.)\s+(?=[A-Z(])")


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def mass_label(m_x: float) -> str:
    """A mass m_x [GeV] for a row id, as the papers quote it: ``10MeV`` below 1 GeV, else ``5GeV``."""
    return f"{m_x * 1000:g}MeV" if m_x < 1 else f"{m_x:g}GeV"


def mass_tex(m_x: float) -> str:
    """A mass m_x [GeV] as TeX (for ``tex=``): MeV below 1 GeV, else GeV."""
    return rf"{m_x * 1000:g}\,{{\rm MeV}}" if m_x < 1 else rf"{m_x:g}\,{{\rm GeV}}"


def _round(x: float):
    return float(f"{x:.6g}") if math.isfinite(x) else x


def by_section(rows: Iterable[Row]) -> dict[str, list[Row]]:
    """Rows grouped by ``paper.section`` in the papers' order (unknown sections last), keyed by
    the section's readable name."""
    order = list(SECTION_TITLES)
    groups: dict[str, list[Row]] = {}
    for r in sorted(rows, key=lambda r: order.index(r.section) if r.section in order else len(order)):
        groups.setdefault(SECTION_TITLES.get(r.section, r.section), []).append(r)
    return groups


def section_modules() -> list[ModuleType]:
    """The ledger modules of this package, in name order."""
    out = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            out.append(importlib.import_module(f"{__name__}.{info.name}"))
    return out


@functools.lru_cache(maxsize=1)
def _computed() -> tuple[Row, ...]:
    rows = []
    for mod in section_modules():
        rows.extend(mod.rows())
    names = [n for r in rows for n in (r.id, *r.aliases)]
    dup = {i for i in names if names.count(i) > 1}
    if dup:
        raise RuntimeError(f"duplicate ledger ids or aliases: {sorted(dup)}")
    return tuple(rows)


def all_rows() -> list[Row]:
    """Every ledger row (computed once per process, a few seconds)."""
    return list(_computed())


def find(row_id: str) -> Row:
    """The row with id or former id (alias) ``row_id``; ValueError if there is none."""
    for r in all_rows():
        if row_id == r.id or row_id in r.aliases:
            return r
    raise InputError(f"row_id: unknown ledger id {row_id!r} (`xboson ledger` lists the ids)")


def as_records() -> list[dict]:
    """The ledger as JSON-ready dicts with keys id, source, quantity, paper_value, our_value,
    tolerance, status, note, and aliases, quantity_tex, tolerance_kind, errata, reason, page, figure."""
    return [r.as_dict() for r in all_rows()]


def status_snapshot() -> dict[str, str]:
    """``{id: status}`` for every row, in ledger order (the content of ``tests/ledger_status.json``)."""
    return {r.id: r.status for r in all_rows()}
