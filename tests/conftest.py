import subprocess
import sys
from pathlib import Path

import matplotlib
import pytest

ROOT = Path(__file__).resolve().parents[1]

# Figures drawn by the tests themselves go to a non-interactive backend. Set in-process only:
# an MPLBACKEND environment variable would leak into papermill kernels and suppress inline figures.
matplotlib.use("Agg")


@pytest.fixture(scope="session")
def root():
    return ROOT


def run_cli(*args):
    """Run the ``xboson`` console script; returns CompletedProcess (text)."""
    exe = Path(sys.executable).parent / "xboson"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def cli():
    return run_cli


@pytest.fixture(scope="session")
def built_book(root, tmp_path_factory):
    """The book staged, executed and built once per session (shared by the slow tests).
    Returns (html folder, stage folder, build log)."""
    out = tmp_path_factory.mktemp("book")
    stage = out / "stage"
    proc = subprocess.run([sys.executable, str(root / "tools" / "build_book.py"), "--stage", str(stage),
                           "--out", str(out)], capture_output=True, text=True, timeout=3000)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return out / "_build" / "html", stage, proc.stdout
