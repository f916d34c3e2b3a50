"""Stage, execute and build the book (used by ``make book`` and by the slow tests).

1. copy _config.yml, _toc.yml, book/ and notebooks/ into STAGE (sources stay output-free);
2. execute every notebook of the toc with papermill in place in STAGE (kernel python3);
3. fetch the ipywidgets HTML manager, requirejs and MathJax from the npm registry (offline pages);
4. ``jupyter-book build STAGE --path-output OUT -W``.

usage: python tools/build_book.py [--stage _build/stage] [--out .] [--only NAME ...] [--no-build]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import papermill
import yaml

ROOT = Path(__file__).resolve().parents[1]


def toc_notebooks(root: Path) -> list[Path]:
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [ch["file"] for ch in part.get("chapters", [])]
    return [root / f"{f}.ipynb" for f in files if (root / f"{f}.ipynb").exists()]


def stage(dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in ("_config.yml", "_toc.yml"):
        shutil.copy(ROOT / name, dest / name)
    for d in ("book", "notebooks"):
        shutil.copytree(ROOT / d, dest / d, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))


def execute(dest: Path, only: list[str] | None = None) -> dict[str, float]:
    # kernels inherit the environment: make sure figures are captured inline even if a caller
    # (e.g. the test suite) selected a non-interactive backend
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    times = {}
    for nb in toc_notebooks(dest):
        if only and nb.stem not in only:
            continue
        t0 = time.perf_counter()
        papermill.execute_notebook(str(nb), str(nb), cwd=str(nb.parent), kernel_name="python3",
                                   progress_bar=False, log_output=False)
        times[nb.relative_to(dest).as_posix()] = time.perf_counter() - t0
        print(f"executed {nb.relative_to(dest)} in {times[nb.relative_to(dest).as_posix()]:.1f} s", flush=True)
    return times


def build(dest: Path, out: Path) -> None:
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(dest),
           "--path-output", str(out), "-W", "-n", "--keep-going"]
    subprocess.run(cmd, check=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stage", default=str(ROOT / "_build" / "stage"))
    ap.add_argument("--out", default=str(ROOT))
    ap.add_argument("--only", nargs="*", help="execute only these notebook stems")
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args(argv)
    dest = Path(args.stage)
    stage(dest)
    execute(dest, args.only)
    if not args.no_build:
        sys.path.insert(0, str(ROOT / "tools"))
        from fetch_vendor_js import fetch

        fetch(dest / "_vendor")
        build(dest, Path(args.out))
        # figure data (CSV, JSON, HEPData) linked under every figure -- tools/export_book_data.py
        from export_book_data import write_book_data

        write_book_data(Path(args.out) / "_build" / "html")
        print(f"Book: {Path(args.out) / '_build' / 'html' / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
