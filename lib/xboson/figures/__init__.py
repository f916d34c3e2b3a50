"""The figure layer: for each paper figure and table one function returning typed data
(:mod:`.model`); drawing is in :mod:`xboson.plotting`, export in :mod:`xboson.export`.

``FIGURES`` maps an id (``chiang-fig1`` ... ``chiang-fig8``, ``chiang-table2``,
``lindner-fig1`` ... ``lindner-fig4``, ``lindner-table2``) to its function; :func:`get` validates the id.
"""

from __future__ import annotations

import inspect
import numbers

from ..validation import choice, show
from . import chiang, lindner
from .model import Figure, Table
from ..errors import InputError

__all__ = ["FIGURES", "ids", "get", "Figure", "Table"]

FIGURES = {
    "chiang-fig1": chiang.fig1,
    "chiang-fig2": chiang.fig2,
    "chiang-fig3": chiang.fig3,
    "chiang-fig4": chiang.fig4,
    "chiang-fig5": chiang.fig5,
    "chiang-fig6": chiang.fig6,
    "chiang-fig7": chiang.fig7,
    "chiang-fig8": chiang.fig8,
    "chiang-table2": chiang.table2,
    "lindner-fig1": lindner.fig1,
    "lindner-fig2": lindner.fig2,
    "lindner-fig3": lindner.fig3,
    "lindner-fig4": lindner.fig4,
    "lindner-table2": lindner.table2,
}


def ids() -> list[str]:
    """Every figure/table id, in paper order."""
    return list(FIGURES)


#: parameters that count points (each figure function checks its range)
_COUNTS = ("grid", "n")


def get(figure_id: str, **resolution: int | float | str) -> Figure | Table:
    """The data of figure ``figure_id`` (InputError for an unknown id); ``resolution`` keywords
    (``grid``, ``n``: whole numbers in the range the figure function states; ``m_x_gev``: one number;
    ``pair``: a name) go to the figure function."""
    choice("figure", figure_id, FIGURES)
    accepted = inspect.signature(FIGURES[figure_id]).parameters
    for key, value in resolution.items():
        if key not in accepted:
            raise InputError(f"{figure_id} takes no parameter {key!r}; it accepts: {', '.join(accepted) or 'none'}")
        if key in _COUNTS and (isinstance(value, bool) or not isinstance(value, numbers.Integral)):
            raise InputError(f"{key} must be a whole number (got {show(value)})")
        if isinstance(accepted[key].default, float) and (isinstance(value, bool) or not isinstance(value, numbers.Real)):
            raise InputError(f"{key} must be one number (got {show(value)})")
        if isinstance(accepted[key].default, str) and not isinstance(value, str):
            raise InputError(f"{key} must be a name (got {show(value)})")
    return FIGURES[figure_id](**resolution)
