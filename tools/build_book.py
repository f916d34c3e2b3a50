"""Stage, execute and build the book (used by ``make book`` and by the slow tests).

1. stage: write _config.yml (plus the repository and launch-button settings, when the repository
   is known), _toc.yml, book/ and notebooks/ into STAGE; the sources stay output-free. A file is
   rewritten only when its content changes, so Sphinx rebuilds only what changed;
2. execute every notebook of the toc with papermill (kernel python3), unless ``.cache/book`` holds
   an executed copy under the same key: a SHA-256 of the staged notebook and of everything its
   execution can depend on (lib/xboson/**, data/** or $XBOSON_DATA, pyproject.toml with the pins,
   the installed distributions and Python, this script). ``--force`` re-executes everything;
3. fetch the ipywidgets HTML manager, requirejs and MathJax from the npm registry (offline pages);
4. ``jupyter-book build STAGE --path-output OUT -W``, skipped when the staged tree is the one the
   last successful build into OUT was made from.

The repository (for the repository/issues buttons, the Binder and Colab launch buttons and the
install cell put at the top of each notebook) comes from ``--repository``, else $XBOSON_REPOSITORY,
else $GITHUB_REPOSITORY (set by GitHub Actions): ``owner/name`` or an https URL. With none of
them the buttons and the install cell are left out, and the build says so once.

usage: python tools/build_book.py [--stage _build/stage] [--out .] [--only NAME ...] [--no-build]
                                  [--force] [--repository OWNER/NAME] [--branch BRANCH]
                                  [--export-launch DIR] [--source DIR] [--cache DIR]
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "book"
#: executed copies kept per notebook in the cache (older ones are pruned)
KEEP_PER_NOTEBOOK = 3
#: a cell that runs longer than this [s] is taken as a hung kernel (every cell takes seconds)
CELL_TIMEOUT_S = 240
BUILD_KEY = Path("_build") / ".xboson-book-key"
NO_REPOSITORY = ("note: no repository given (GITHUB_REPOSITORY, XBOSON_REPOSITORY or make book REPOSITORY=OWNER/NAME):"
                 " the book has no repository or launch buttons and its notebooks no install cell")


@dataclass(frozen=True)
class Repository:
    url: str      # https://github.com/owner/name
    branch: str   # the branch the launch buttons open

    @property
    def pip_spec(self) -> str:
        return f"xboson @ git+{self.url}"


def repository(explicit: str | None = None, branch: str | None = None) -> Repository | None:
    """The repository the book is built from: ``explicit``, $XBOSON_REPOSITORY or $GITHUB_REPOSITORY
    (``owner/name`` or an https URL), or None when none is set. Anything else is a ValueError."""
    spec = explicit or os.environ.get("XBOSON_REPOSITORY") or os.environ.get("GITHUB_REPOSITORY")
    if not spec:
        return None
    spec = spec.strip().removesuffix(".git").rstrip("/")
    server = os.environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+", spec):
        url = f"{server}/{spec}"
    elif re.fullmatch(r"https://[A-Za-z0-9.-]+(:[0-9]+)?/[A-Za-z0-9._/-]+", spec):
        url = spec
    else:
        raise ValueError(f"repository must be OWNER/NAME or an https URL, got {spec!r}")
    return Repository(url, branch or os.environ.get("XBOSON_LAUNCH_BRANCH") or "main")


def toc_files(root: Path) -> list[str]:
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [ch["file"] for ch in part.get("chapters", [])]
    return files


def toc_notebooks(root: Path) -> list[Path]:
    return [root / f"{f}.ipynb" for f in toc_files(root) if (root / f"{f}.ipynb").exists()]


def staged_config(root: Path, repo: Repository | None) -> str:
    """_config.yml, with the repository and launch-button settings when the repository is known."""
    text = (root / "_config.yml").read_text()
    if repo is None:
        return text
    cfg = yaml.safe_load(text)
    cfg["repository"] = {"url": repo.url, "branch": repo.branch, "path_to_book": ""}
    cfg.setdefault("html", {}).update(use_repository_button=True, use_issues_button=True)
    cfg["launch_buttons"] = {"notebook_interface": "jupyterlab", "binderhub_url": "https://mybinder.org",
                             "colab_url": "https://colab.research.google.com"}
    return "# staged by tools/build_book.py from _config.yml\n" + yaml.safe_dump(cfg, sort_keys=False)


def install_cell(repo: Repository) -> nbformat.NotebookNode:
    """A code cell installing xboson from the repository where it is missing (Colab, a downloaded
    notebook); a no-op where xboson is installed (the book's own build, Binder)."""
    return nbformat.v4.new_code_cell(
        "# Outside the book's environment (Colab, a downloaded notebook) this installs xboson from\n"
        f"# {repo.url}; where xboson is installed it does nothing.\n"
        "import importlib.util\n"
        "if importlib.util.find_spec(\"xboson\") is None:\n"
        f"    %pip install --quiet \"{repo.pip_spec}\"",
        metadata={"tags": ["hide-input"]})


def staged_notebook(path: Path, repo: Repository | None) -> bytes:
    """The notebook as staged: the source, with the install cell after the title cell."""
    if repo is None:
        return path.read_bytes()
    nb = nbformat.read(path, as_version=4)
    cell = install_cell(repo)
    cell.id = "xboson-install"
    at = 1 if nb.cells and nb.cells[0].cell_type == "markdown" else 0
    nb.cells.insert(at, cell)
    return (nbformat.writes(nb) + "\n").encode()


def staged_sources(root: Path, repo: Repository | None) -> dict[str, bytes]:
    """Relative path -> content of every staged file (before execution)."""
    files = {"_config.yml": staged_config(root, repo).encode(), "_toc.yml": (root / "_toc.yml").read_bytes()}
    for d in ("book", "notebooks"):
        for p in sorted((root / d).rglob("*")):
            if p.is_file() and ".ipynb_checkpoints" not in p.parts:
                rel = p.relative_to(root).as_posix()
                files[rel] = staged_notebook(p, repo) if p.suffix == ".ipynb" else p.read_bytes()
    return files


def _hash_tree(h, base: Path) -> None:
    for p in sorted(base.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(p.relative_to(base).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")


@functools.lru_cache(maxsize=1)
def installed() -> str:
    """The installed distributions and Python (the environment notebooks and Sphinx run in)."""
    dists = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    return "\n".join(dists) + "\n" + sys.version


def inputs_key(root: Path) -> str:
    """Hash of everything a notebook's execution depends on besides the notebook itself."""
    h = hashlib.sha256()
    _hash_tree(h, root / "lib" / "xboson")
    _hash_tree(h, Path(os.environ["XBOSON_DATA"]) if os.environ.get("XBOSON_DATA") else root / "data")
    for p in (root / "pyproject.toml", Path(__file__).resolve()):
        h.update(p.read_bytes())
    h.update(installed().encode())
    return h.hexdigest()


def notebook_key(rel: str, content: bytes, inputs: str) -> str:
    return hashlib.sha256(f"{rel}\0{inputs}\0".encode() + content).hexdigest()[:32]


def papermill_run(path: Path) -> None:
    """Execute ``path`` in place with papermill in its own directory (kernel python3)."""
    import papermill

    # kernels inherit the environment: make sure figures are captured inline even if a caller
    # (e.g. the test suite) selected a non-interactive backend
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    from nbclient.exceptions import CellTimeoutError

    source = path.read_bytes()
    for attempt in (1, 2):
        try:
            papermill.execute_notebook(str(path), str(path), cwd=str(path.parent), kernel_name="python3",
                                       progress_bar=False, log_output=False,
                                       execution_timeout=CELL_TIMEOUT_S)
            return
        except CellTimeoutError:
            # a kernel that goes silent mid-cell (seen rarely with widget cells under load) is
            # restarted once from the unexecuted notebook; a second time-out is an error
            if attempt == 2:
                raise
            print(f"{path.name}: a cell timed out after {CELL_TIMEOUT_S} s; executing it again", flush=True)
            path.write_bytes(source)


def _write_if_changed(path: Path, content: bytes) -> bool:
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(content)
    os.replace(tmp, path)
    return True


def sync(dest: Path, files: dict[str, bytes], keep: tuple[str, ...] = ("_vendor",)) -> None:
    """Make ``dest`` hold exactly ``files``, touching only what changed; paths in ``keep`` (a top
    folder or a file) are left alone."""
    for rel, content in files.items():
        _write_if_changed(dest / rel, content)
    if dest.is_dir():
        for p in sorted(dest.rglob("*"), reverse=True):
            rel = p.relative_to(dest).as_posix()
            if rel in files or rel in keep or rel.split("/")[0] in keep:
                continue
            if p.is_dir() and not p.is_symlink():
                if not any(p.iterdir()):
                    p.rmdir()
            else:
                p.unlink()


def execute(root: Path, dest: Path, files: dict[str, bytes], *, only: list[str] | None = None,
            force: bool = False, cache: Path | None = None, run=None) -> dict[str, str]:
    """Put an executed copy of every toc notebook in ``files`` and ``dest``: from ``cache`` when it
    holds one under the notebook's key, else by running ``run(staged path)``. Notebooks not in
    ``only`` (stems) are never run: they stay unexecuted unless the cache has them. Returns
    relative path -> "executed" | "reused" | "unexecuted"."""
    cache = CACHE if cache is None else cache
    run = papermill_run if run is None else run
    inputs = inputs_key(root)
    done = {}
    for nb in toc_notebooks(root):
        rel = nb.relative_to(root).as_posix()
        key = notebook_key(rel, files[rel], inputs)
        stem = rel.replace("/", "__").removesuffix(".ipynb")
        hit = cache / f"{stem}-{key}.ipynb"
        if hit.is_file() and not force:
            files[rel] = hit.read_bytes()
            _write_if_changed(dest / rel, files[rel])
            os.utime(hit)
            done[rel] = "reused"
            print(f"reused {rel} (executed copy {key[:12]})", flush=True)
            continue
        if only and nb.stem not in only:
            done[rel] = "unexecuted"
            continue
        _write_if_changed(dest / rel, files[rel])
        t0 = time.perf_counter()
        run(dest / rel)
        files[rel] = (dest / rel).read_bytes()
        cache.mkdir(parents=True, exist_ok=True)
        _write_if_changed(hit, files[rel])
        for old in sorted(cache.glob(f"{stem}-*.ipynb"), key=lambda p: p.stat().st_mtime)[:-KEEP_PER_NOTEBOOK]:
            old.unlink()
        done[rel] = "executed"
        print(f"executed {rel} in {time.perf_counter() - t0:.1f} s", flush=True)
    return done


def tree_key(dest: Path) -> str:
    """Hash of the staged tree (sources, executed notebooks, vendored JS) and of the installed tools."""
    h = hashlib.sha256()
    _hash_tree(h, dest)
    h.update(installed().encode())
    return h.hexdigest()


def build(dest: Path, out: Path, force: bool = False) -> bool:
    """Build the HTML book; returns False when it was skipped because nothing changed. Sphinx rebuilds
    incrementally after a successful build, and everything after a failed one (so no warning can
    hide in a page that was not re-read) or with ``force``."""
    stamp = out / BUILD_KEY
    key = tree_key(dest)
    previous = stamp.read_text() if stamp.is_file() else None
    if not force and previous == key and (out / "_build" / "html" / "index.html").is_file():
        print("book unchanged since the last build: jupyter-book not run", flush=True)
        return False
    stamp.unlink(missing_ok=True)
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(dest),
           "--path-output", str(out), "-W", "-n", "--keep-going"]
    if force or previous is None:
        cmd.append("--all")
    subprocess.run(cmd, check=True)
    stamp.write_text(key)
    return True


def book_data(root: Path, html: Path, *, force: bool = False, cache: Path | None = None) -> bool:
    """Copy the data of every figure (CSV, JSON, HEPData; tools/export_book_data.py) into
    ``html/data``, exporting it only when the package, the data or the pins changed (keyed like the
    notebooks, by :func:`inputs_key`). Returns True when it was exported anew."""
    sys.path.insert(0, str(ROOT / "tools"))
    from export_book_data import write_book_data

    base = (CACHE if cache is None else cache).parent / "book-data"
    h = hashlib.sha256(inputs_key(root).encode())
    h.update((ROOT / "tools" / "export_book_data.py").read_bytes())
    key = h.hexdigest()[:32]
    hit = base / key
    fresh = force or not hit.is_dir()
    if fresh:
        tmp = base / f"{key}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        write_book_data(tmp)
        shutil.rmtree(hit, ignore_errors=True)
        os.replace(tmp, hit)
        for old in sorted((p for p in base.iterdir() if p.is_dir() and p != hit),
                          key=lambda p: p.stat().st_mtime)[:-1]:
            shutil.rmtree(old)
        print("exported the figure data", flush=True)
    shutil.rmtree(html / "data", ignore_errors=True)
    shutil.copytree(hit / "data", html / "data")
    return fresh


def export_launch(dest_dir: Path, sources: dict[str, bytes]) -> None:
    """Write the staged, unexecuted notebooks (with the install cell) to ``dest_dir``: the content of
    the branch the launch buttons open (see .github/workflows/book.yml)."""
    for rel, content in sources.items():
        if rel.endswith(".ipynb"):
            _write_if_changed(dest_dir / rel, content)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stage", default=str(ROOT / "_build" / "stage"))
    ap.add_argument("--out", default=str(ROOT))
    ap.add_argument("--only", nargs="*", help="execute only these notebook stems")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--force", action="store_true", help="re-execute every notebook and rebuild every page")
    ap.add_argument("--repository", help="OWNER/NAME or https URL (default: $XBOSON_REPOSITORY, $GITHUB_REPOSITORY)")
    ap.add_argument("--branch", help="branch the launch buttons open (default: $XBOSON_LAUNCH_BRANCH or main)")
    ap.add_argument("--export-launch", metavar="DIR", help="also write the unexecuted staged notebooks to DIR")
    ap.add_argument("--source", default=str(ROOT), help="the book's sources (default: this repository)")
    ap.add_argument("--cache", default=str(CACHE), help="executed notebooks (default: .cache/book)")
    args = ap.parse_args(argv)
    root = Path(args.source).resolve()
    try:
        repo = repository(args.repository, args.branch)
    except ValueError as exc:
        ap.error(str(exc))
    if repo is None:
        print(NO_REPOSITORY, flush=True)
    dest = Path(args.stage)
    sources = staged_sources(root, repo)
    # everything but the notebooks first (a notebook may read its neighbours), then the notebooks
    notebooks = tuple(nb.relative_to(root).as_posix() for nb in toc_notebooks(root))
    sync(dest, {rel: c for rel, c in sources.items() if rel not in notebooks}, keep=("_vendor", *notebooks))
    files = dict(sources)
    execute(root, dest, files, only=args.only, force=args.force, cache=Path(args.cache))
    sync(dest, files)
    if args.export_launch:
        export_launch(Path(args.export_launch), sources)
    if not args.no_build:
        sys.path.insert(0, str(ROOT / "tools"))
        from fetch_vendor_js import fetch

        fetch(dest / "_vendor")
        build(dest, Path(args.out), force=args.force)
        book_data(root, Path(args.out) / "_build" / "html", force=args.force)
        print(f"Book: {Path(args.out) / '_build' / 'html' / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
