"""HEPData export with hepdata-lib: one ``submission.yaml`` and one table per figure panel
(for region figures one table per region of a panel), qualifiers for m_X, Gamma_X, CL, the
constraint and the paper's figure; plus a reproducible ``.tar.gz`` of the same files (fixed
times and owners, so re-export is byte-identical). Missing values are written as "-"."""

from __future__ import annotations

import contextlib
import gzip
import io
import math
import shutil
import tarfile
import tempfile
from pathlib import Path

import numpy as np

from ..figures.model import Figure, Table

__all__ = ["write_hepdata"]


def _values(arr):
    return ["-" if (v is None or (isinstance(v, float) and math.isnan(v))) else float(v) for v in arr]


def _variable(name, values, units="", independent=False, qualifiers=None):
    from hepdata_lib import Variable

    var = Variable(name, is_independent=independent, is_binned=False, units=units)
    var.values = _values(values)
    for k, v in (qualifiers or {}).items():
        unit = ""
        if k.endswith("]") and " [" in k:
            k, unit = k[:-1].split(" [", 1)
        var.add_qualifier(k, v if isinstance(v, (int, float, str)) else str(v), unit)
    return var


def _location(fig) -> str:
    return fig.title.split(":")[0]


def _table(name, description, location, keywords):
    from hepdata_lib import Table as HTable

    t = HTable(name)
    t.description = description
    t.location = location
    for k, v in keywords.items():
        t.keywords[k] = v
    return t


def _curve_tables(fig: Figure, panel, base: str):
    """One table for a panel of curves/bands sharing the x grid."""
    elements = panel.curves + panel.bands
    if not elements:
        return []
    x = elements[0].x
    if any(not np.array_equal(e.x, x) for e in elements):
        raise ValueError(f"{fig.id} panel {panel.key}: curves on different x grids cannot share a HEPData table")
    loc = f"{_location(fig)}" + (f" ({panel.key})" if panel.key else "")
    t = _table(base, f"{panel.title.replace('$', '')}: {fig.caption}", loc,
               {"observables": ["UL"], "cmenergies": []})
    t.add_variable(_variable(panel.x.name, x, panel.x.unit, independent=True))
    for c in panel.curves:
        t.add_variable(_variable(f"{panel.y.name}: {c.name}", c.y, panel.y.unit,
                                 qualifiers={"figure": loc, "line": c.style, **c.qualifiers}))
    for b in panel.bands:
        q = {"figure": loc, **b.qualifiers}
        t.add_variable(_variable(f"{b.name} excluded from", b.lower, panel.y.unit, qualifiers=q))
        up = [None] * len(b.x) if b.upper is None else b.upper
        t.add_variable(_variable(f"{b.name} excluded up to", up, panel.y.unit,
                                 qualifiers={**q, "empty": "excluded up to the top of the plot" if b.upper is None
                                             else "no exclusion at this mass"}))
    return [t]


def _region_tables(fig: Figure, panel, base: str):
    """One table per region of a panel: boundary points (x, y) and the ring index."""
    out = []
    loc = f"{_location(fig)}" + (f" ({panel.key})" if panel.key else "")
    for k, r in enumerate(panel.regions, 1):
        pts = np.concatenate(r.rings) if r.rings else np.zeros((0, 2))
        ring = np.concatenate([np.full(len(g), i, float) for i, g in enumerate(r.rings)]) if r.rings else []
        ext = "" if r.extremes is None else " Exact extremes: " + ", ".join(
            f"{a} = {b:.6g}" for a, b in r.extremes.items()) + "."
        t = _table(f"{base} region {k}", f"{panel.title.replace('$', '')}; allowed region {r.name}: boundary "
                   f"traced on a {r.grid} x {r.grid} grid (rings: outer counter-clockwise, holes clockwise)."
                   f"{ext} {fig.caption}", loc, {"observables": ["allowed region"]})
        t.add_variable(_variable(panel.x.name, pts[:, 0], panel.x.unit, independent=True))
        q = {"figure": loc, **r.qualifiers}
        t.add_variable(_variable(panel.y.name, pts[:, 1], panel.y.unit, qualifiers=q))
        t.add_variable(_variable("boundary ring", ring, "", qualifiers={
            "holes": ", ".join(str(i) for i, h in enumerate(r.holes) if h) or "none"}))
        out.append(t)
    return out


def _table2(table: Table, base: str):
    t = _table(base, table.caption, _location(table), {"observables": ["SIG"], "reactions": ["E+ E- --> NU NUBAR GAMMA"]})
    t.add_variable(_variable("Table II row", list(range(1, len(table.rows) + 1)), independent=True))
    for j, c in enumerate(table.columns):
        vals = [r[j] for r in table.rows]
        if all(isinstance(v, (int, float)) for v in vals):
            t.add_variable(_variable(c.name, vals, c.unit, qualifiers={"figure": _location(table)}))
    return [t]


def _tables(data):
    short = data.id.split("-", 1)[1].replace("fig", "Figure ").replace("table", "Table ")
    base = f"{data.id.split('-')[0].capitalize()} {short}"
    if isinstance(data, Table):
        return _table2(data, base)
    out = []
    for p in data.panels:
        name = base + p.key
        out += _region_tables(data, p, name) if p.regions else _curve_tables(data, p, name)
    return out


def _tar(folder: Path, dest: Path):
    """A reproducible tar.gz of the yaml files of ``folder`` (sorted, mtime 0, root owner)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for f in sorted(folder.glob("*.yaml")):
            data = f.read_bytes()
            info = tarfile.TarInfo(f.name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))
    with dest.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue())


def write_hepdata(data: Figure | Table, folder: Path) -> Path:
    """Write ``folder/hepdata/`` (submission.yaml + tables) and ``folder/<id>-hepdata.tar.gz``;
    returns the archive."""
    from hepdata_lib import Submission

    sub = Submission()
    for s in data.sources:
        if s.arxiv:
            sub.add_link(f"{s.citation}, arXiv:{s.arxiv}", s.url)
    sub.comment = (f"{data.title}. Recomputed by xboson (not the authors' numbers). {data.caption} "
                   + " ".join(data.notes))
    for t in _tables(data):
        sub.add_table(t)
    folder = Path(folder)
    out = folder / "hepdata"
    if out.exists():
        shutil.rmtree(out)
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):   # hepdata-lib writes a tarball to cwd
        sub.create_files(str(out.resolve()), validate=False)
    archive = folder / f"{data.id}-hepdata.tar.gz"
    _tar(out, archive)
    return archive
