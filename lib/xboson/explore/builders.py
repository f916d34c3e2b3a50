"""Generic explorer builders: regions drawn from bands, and curves; plus the sliders.

Section explorers (:mod:`.chiang`, :mod:`.lindner`) describe *what* to show; these functions
evaluate it on every state of the grid and pack it into an :class:`~.widget.Explorer`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike

from ..errors import InputError
from .widget import NB, Explorer, Param, states

if TYPE_CHECKING:
    from ipywidgets import VBox

__all__ = ["WINDOW", "Layer", "readout_lines", "region_explorer", "Curve", "curve_explorer", "sliders"]

WINDOW = ("x0", "x1", "y0", "y1")


@dataclass(frozen=True)
class Layer:
    """One region drawn on the canvas: ``bands(state) -> (n, 8) array`` (empty: no data)."""

    label: str
    colour: str
    bands: Callable[[dict], np.ndarray]
    opacity: float = 1.0


def _layer_rows(layers, state):
    return [np.asarray(layer.bands(state), dtype=float).reshape(-1, NB) for layer in layers]


def _region_row(per_layer, n_bands):
    row = []
    for b in per_layer:
        if len(b) > n_bands:
            raise InputError(f"a layer has {len(b)} bands, more than the explorer's {n_bands}")
        pad = np.zeros((n_bands - len(b), NB))
        row.append(np.concatenate([[len(b)], b.ravel(), pad.ravel()]))
    return np.concatenate(row)


def readout_lines(readout: Iterable[str | tuple[str, str]]) -> list[str | dict[str, str]]:
    """The readout spec: each line a template with {name} placeholders, or a pair (template, text
    shown instead when no placeholder of the template has a finite value, e.g. "no limit")."""
    out = []
    for line in readout:
        if isinstance(line, str):
            out.append(line)
        elif isinstance(line, tuple) and len(line) == 2 and all(isinstance(t, str) for t in line):
            out.append({"text": line[0], "none": line[1]})
        else:
            raise InputError(f"readout line {line!r}: expected a template or a pair (template, text if no value)")
    return out


def region_explorer(*, title: str, params: Iterable[Param], layers: Sequence[Layer],
                    window: Callable[[dict], tuple[float, float, float, float] | None], xlabel: str, ylabel: str,
                    readout: Iterable[str | tuple[str, str]], readout_layer: int,
                    extra: Callable[[dict], dict[str, float]] | None = None, missing_note: str = "",
                    initial: dict | None = None, plot_px: int = 300) -> Explorer:
    """Explorer of allowed regions. ``window(state) -> (x0, x1, y0, y1)`` (None: no data),
    ``extra(state) -> {name: number}`` (readout numbers; 'scale' turns the extremes of
    ``readout_layer`` into |C|^(1/2) values), ``readout``: lines with {name} placeholders
    ({xmin}, {xmax}, {ymin}, {ymax}, {lmax}, {rmax} are computed in the browser)."""
    params = tuple(params)
    grid = states(params)
    extra = extra or (lambda s: {})
    names = list(WINDOW) + list(extra(grid[0]))

    def evaluate(s):
        """(bands per layer, window or None, readout numbers) of one state."""
        w = window(s)
        e = extra(s)
        return _layer_rows(layers, s), w, [*((np.nan,) * 4 if w is None else w), *(e[k] for k in names[4:])]

    evaluated = [evaluate(s) for s in grid]
    n_bands = max(1, max(len(b) for per_layer, _, _ in evaluated for b in per_layer))

    def row(per_layer, w):
        return None if w is None or all(len(b) == 0 for b in per_layer) else _region_row(per_layer, n_bands)

    rows = [row(pl, w) for pl, w, _ in evaluated]
    vals = [v for _, _, v in evaluated]

    def compute(pv):
        per_layer, w, v = evaluate(pv)
        return row(per_layer, w), v

    spec = {"kind": "region", "title": title, "xlabel": xlabel, "ylabel": ylabel, "readout": readout_lines(readout),
            "readout_layer": readout_layer, "n_bands": n_bands, "value_names": names, "plot_px": plot_px, "missing_note": missing_note,
            "layers": [{"label": la.label, "colour": la.colour, "opacity": la.opacity} for la in layers]}
    return Explorer(params=params, spec=spec, rows=rows, values=vals, row_length=len(layers) * (1 + n_bands * NB),
                    compute=compute, initial=initial)


@dataclass(frozen=True)
class Curve:
    """A curve style: ``fill`` is '' (a line), 'above' (shaded above the curve) or 'band'
    (shaded between two consecutive series)."""

    label: str
    colour: str
    style: str = "solid"
    fill: str = ""
    opacity: float = 0.8

    @property
    def series(self) -> int:
        return 2 if self.fill == "band" else 1


def curve_explorer(*, title: str, params: Iterable[Param], curves: Sequence[Curve], x_points: ArrayLike,
                   series: Callable[[dict], ArrayLike], window: tuple[float, float, float, float], xlabel: str,
                   ylabel: str, readout: Iterable[str | tuple[str, str]], values: Callable[[dict], dict[str, float]],
                   xlog: bool = True, ylog: bool = True, ysymlog: bool = False, hlines: Iterable[dict] = (),
                   vmarks: Iterable[dict] = (), dots: Iterable[dict] = (), initial: dict | None = None,
                   plot_px: int = 300, aspect: float = 0.8) -> Explorer:
    """Explorer of curves sampled at ``x_points``: ``series(state) -> (n_series, n) array`` (NaN =
    gap), ``values(state) -> {name: number}`` for the readout and the markers."""
    params = tuple(params)
    grid = states(params)
    n_series = sum(c.series for c in curves)
    x_points = np.asarray(x_points, dtype=float)
    names = list(values(grid[0]))

    def row(s):
        y = np.asarray(series(s), dtype=float)
        if y.shape != (n_series, x_points.size):
            raise InputError(f"series must have shape {(n_series, x_points.size)} (got {y.shape})")
        return y.ravel()

    def compute(pv):
        v = values(pv)
        return row(pv), [v[k] for k in names]

    spec = {"kind": "curves", "title": title, "xlabel": xlabel, "ylabel": ylabel, "readout": readout_lines(readout),
            "value_names": names, "x_points": x_points.tolist(), "window": list(window), "xlog": xlog, "ylog": ylog, "ysymlog": ysymlog,
            "hlines": list(hlines), "vmarks": list(vmarks), "dots": list(dots), "plot_px": plot_px, "aspect": aspect,
            "curves": [{"label": c.label, "colour": c.colour, "style": c.style, "fill": c.fill, "opacity": c.opacity}
                       for c in curves]}
    vals = [[values(s)[k] for k in names] for s in grid]
    return Explorer(params=params, spec=spec, rows=[row(s) for s in grid], values=vals,
                    row_length=n_series * x_points.size, compute=compute, initial=initial)


def sliders(explorer: Explorer, steps: dict[str, float] | None = None) -> VBox:
    """The explorer with ordinary ipywidgets controls linked to it by ``jslink`` (so they work in
    the static page too), as one VBox. ``steps``: slider step per parameter (log10 units for
    logarithmic grids); default: the grid spacing."""
    import ipywidgets as widgets

    steps = steps or {}
    controls = []
    for p in explorer.params:
        desc = f"{p.label} [{p.unit}]" if p.unit else p.label
        style = {"description_width": "initial"}
        layout = widgets.Layout(width="min(100%, 420px)")
        if p.options:
            w = widgets.Dropdown(options=list(p.options), index=getattr(explorer, p.name), description=desc,
                                 style=style, layout=layout)
        elif p.log:
            lo, hi = np.log10(p.values[0]), np.log10(p.values[-1])
            step = steps.get(p.name, (hi - lo) / max(1, len(p.values) - 1))
            w = widgets.FloatLogSlider(value=getattr(explorer, p.name), base=10, min=lo, max=hi, step=step,
                                       description=desc, continuous_update=True, readout_format=".3g",
                                       style=style, layout=layout)
        else:
            step = steps.get(p.name, (p.values[-1] - p.values[0]) / max(1, len(p.values) - 1))
            w = widgets.FloatSlider(value=getattr(explorer, p.name), min=p.values[0], max=p.values[-1], step=step,
                                    description=desc, continuous_update=True, readout_format=".2f",
                                    style=style, layout=layout)
        widgets.jslink((w, "index" if p.options else "value"), (explorer, p.name))
        controls.append(w)
    return widgets.VBox([*controls, explorer])
