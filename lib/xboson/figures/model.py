"""Typed figure data: what a paper figure or table shows, independent of how it is drawn.

A :class:`Figure` has panels; a :class:`Panel` has axes (name, unit, scale) and elements:
:class:`Curve` (y of x), :class:`Region` (an allowed area as ordered boundary rings),
:class:`ExcludedBand` (excluded between a lower and an upper curve of x), :class:`Points`.
Every element carries ``qualifiers`` (m_X, Gamma_X, CL, constraint, ...) and a ``style``:
the paper caption's line style or colour ("solid", "dashed", "dotted"; colour names), a
presentation hint only. A :class:`Table` is a paper table with units in its column names.
Arrays are numpy float arrays; NaN means "no value at this x" (documented per element).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from ..errors import InputError

__all__ = ["CHIANG", "LINDNER", "Source", "chiang", "lindner", "Axis", "Curve", "Region", "ExcludedBand",
           "Points", "Panel", "Figure", "Column", "Table"]

CHIANG = "C.-W. Chiang, G. Faisel, Y.-F. Lin, J. Tandean, Constraining Nonstandard Neutrino-Electron " \
         "Interactions due to a New Light Spin-1 Boson"
LINDNER = "M. Lindner, F. S. Queiroz, W. Rodejohann, X.-J. Xu, Neutrino-Electron Scattering: General " \
          "Constraints on Z' and Dark Photon Models, JHEP 05 (2018) 098"


@dataclass(frozen=True)
class Source:
    """A citation: text, arXiv id and/or DOI, and what was taken from it."""

    citation: str
    arxiv: str | None = None
    doi: str | None = None
    detail: str = ""

    @property
    def url(self) -> str | None:
        """The arXiv abstract page (or DOI resolver) of the source."""
        if self.arxiv:
            return f"https://arxiv.org/abs/{self.arxiv}"
        return f"https://doi.org/{self.doi}" if self.doi else None


def chiang(detail: str) -> Source:
    """Chiang, Faisel, Lin, Tandean, arXiv:1204.6296, with what was taken from it."""
    return Source(CHIANG, "1204.6296", None, detail)


def lindner(detail: str) -> Source:
    """Lindner, Queiroz, Rodejohann, Xu, arXiv:1803.00060, with what was taken from it."""
    return Source(LINDNER, "1803.00060", "10.1007/JHEP05(2018)098", detail)


@dataclass(frozen=True)
class Axis:
    """A panel axis: plain-text ``name`` (CSV/HEPData), matplotlib ``label`` (TeX), ``unit``
    ("" = dimensionless), ``scale`` ("linear" or "log") and plotting ``limits``."""

    name: str
    label: str
    unit: str = ""
    scale: str = "linear"
    limits: tuple[float, float] | None = None

    @property
    def header(self) -> str:
        """``name [unit]`` (dimensionless quantities without brackets)."""
        return f"{self.name} [{self.unit}]" if self.unit else self.name


@dataclass(frozen=True, eq=False)
class Curve:
    """y(x) on the panel's axes; NaN where the curve has no value."""

    name: str
    label: str
    x: np.ndarray
    y: np.ndarray
    style: str = "solid"
    colour: str = "black"
    qualifiers: dict = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Region:
    """An allowed area: closed boundary rings (each an (N, 2) array, first point repeated last),
    outer rings counter-clockwise and holes clockwise (``holes[i]`` tells which). Boundaries are
    traced on a ``grid`` x ``grid`` sampling of the panel window (cut at the window edge);
    ``extremes`` = exact {x_min, x_max, y_min, y_max} of the whole region (None if empty)."""

    name: str
    label: str
    rings: tuple[np.ndarray, ...]
    holes: tuple[bool, ...]
    extremes: dict | None
    colour: str = "tab:blue"
    grid: int = 0
    qualifiers: dict = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class ExcludedBand:
    """Excluded between ``lower`` and ``upper`` at each x (NaN: nothing excluded there);
    ``upper`` None means excluded from ``lower`` up to the top of the panel."""

    name: str
    label: str
    x: np.ndarray
    lower: np.ndarray
    upper: np.ndarray | None
    colour: str = "0.8"
    qualifiers: dict = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Points:
    """Marked points (x, y), e.g. where one experiment dominates a combined curve."""

    name: str
    label: str
    x: np.ndarray
    y: np.ndarray
    colour: str = "black"
    qualifiers: dict = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Panel:
    """One panel: ``key`` ("a", "b", ...; "" for a single panel) and its elements, drawn in order
    (regions, bands, curves, points). ``note``: a caption-level remark printed on the panel."""

    key: str
    title: str
    x: Axis
    y: Axis
    curves: tuple[Curve, ...] = ()
    regions: tuple[Region, ...] = ()
    bands: tuple[ExcludedBand, ...] = ()
    points: tuple[Points, ...] = ()
    note: str = ""

    @property
    def elements(self) -> tuple:
        return self.regions + self.bands + self.curves + self.points


@dataclass(frozen=True, eq=False)
class Figure:
    """A paper figure: ``id`` (e.g. "chiang-fig5"), ``title``, the paper's ``caption`` in our
    words, ``alt`` (a description for readers who cannot see it), panels, the ``parameters``
    used (plain values with units in their names), ``sources`` and ``notes`` (our choices)."""

    id: str
    title: str
    caption: str
    alt: str
    panels: tuple[Panel, ...]
    parameters: dict
    sources: tuple[Source, ...]
    notes: tuple[str, ...] = ()

    def panel(self, key: str) -> Panel:
        for p in self.panels:
            if p.key == key:
                return p
        raise InputError(f"unknown panel {key!r} of {self.id}; expected one of "
                         f"{', '.join(p.key for p in self.panels)}")


@dataclass(frozen=True)
class Column:
    """A table column: plain-text name, unit ("" = dimensionless or text) and TeX/HTML-free label."""

    name: str
    unit: str = ""

    @property
    def header(self) -> str:
        return f"{self.name} [{self.unit}]" if self.unit else self.name


@dataclass(frozen=True, eq=False)
class Table:
    """A paper table (or one of our comparison tables): columns with units, rows of values
    (str, int or float; None = no value), parameters, sources and notes."""

    id: str
    title: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple, ...]
    parameters: dict
    sources: tuple[Source, ...]
    notes: tuple[str, ...] = ()
