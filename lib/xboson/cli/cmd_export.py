"""``xboson export --figure ID|all --format csv|json|hepdata|all --out DIR [--force]`` and
``xboson export --list``: the numbers behind the papers' figures and tables as files
(CSV with a commented header, JSON, a HEPData submission) plus a sources page per figure."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    import argparse

__all__ = ["register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="write the data of a paper figure/table (CSV, JSON, HEPData)")
    p.add_argument("--list", action="store_true", help="print the figure ids and exit")
    p.add_argument("--figure", help="figure id (see --list) or 'all'")
    p.add_argument("--format", default="all", help="csv, json, hepdata, a comma-separated list, or all (default)")
    p.add_argument("--out", help="output folder (created; an existing non-empty one needs --force)")
    p.add_argument("--force", action="store_true", help="write into an existing non-empty folder")
    p.set_defaults(func=run)


def _formats(text: str) -> tuple[str, ...]:
    from ..export import FORMATS

    if text == "all":
        return FORMATS
    out = tuple(f.strip() for f in text.split(","))
    for f in out:
        if f not in FORMATS:
            raise InputError(f"unknown format {f!r}; expected one of: {', '.join(FORMATS)}, all")
    return out


def run(args: argparse.Namespace) -> str:
    from .. import export, figures

    for name in ("figure", "format", "out"):
        if getattr(args, name) is not None and not isinstance(getattr(args, name), str):
            raise InputError(f"--{name}: needs a value (got an empty one)")   # argparse's --opt=--
    if args.list:
        return "\n".join(f"{fid}  {figures.FIGURES[fid].__doc__.split(':')[0].strip()}" for fid in figures.ids())
    if not args.figure:
        raise InputError("--figure is required (an id from 'xboson export --list', or all)")
    ids = figures.ids() if args.figure == "all" else [args.figure]
    for fid in ids:
        if fid not in figures.FIGURES:
            raise InputError(f"unknown figure {fid!r}; expected one of: {', '.join(figures.ids())}, all")
    formats = _formats(args.format)
    if not args.out:
        raise InputError("--out is required (the output folder)")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not args.force:
        raise InputError(f"--out {out} exists and is not empty; use --force to write into it")
    if "hepdata" in formats and importlib.util.find_spec("hepdata_lib") is None:
        raise InputError("--format hepdata needs the hepdata-lib package (pip install 'xboson[book]')")
    written = export.export_all(out, ids, formats)
    return "\n".join(str(p) for p in written)
