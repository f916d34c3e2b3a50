"""Write the data of every paper figure and table into the built book (``make book``).

Each notebook page links, under every figure, "Data: CSV · HEPData · JSON · sources" to
``../data/<id>/...``; this writes those files into ``<html>/data/`` at the resolution the
pages show (the figure functions' defaults).

usage: python tools/export_book_data.py [--html _build/html]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_book_data(html_dir: Path) -> list[Path]:
    """Export every figure id in every format under ``html_dir/data`` (replacing it)."""
    from xboson.export import export_all

    out = Path(html_dir) / "data"
    if out.exists():
        shutil.rmtree(out)
    return export_all(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", default=str(ROOT / "_build" / "html"))
    args = ap.parse_args(argv)
    files = write_book_data(Path(args.html))
    print(f"wrote {len(files)} data files under {Path(args.html) / 'data'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
