"""The package installs on its own: a wheel built from the sources, installed into a fresh venv
outside the source tree, runs `xboson ledger --json` and a section notebook, reading its data
files from inside the installed package (slow)."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.slow


def _run(*cmd, **kw):
    proc = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=900, **kw)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="module")
def installed(root, tmp_path_factory):
    """A venv under a temporary directory holding only the xboson wheel; its third-party
    dependencies come from the test environment through a .pth line (no downloads), which does
    not activate the test environment's editable xboson."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"                      # a clean copy: no build/ leftovers, nothing outside git's files
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(root / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(root / "lib", src / "lib", symlinks=True, ignore=ignore)
    shutil.copytree(root / "data", src / "data", ignore=ignore)
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp / "dist", src)
    wheel = next((tmp / "dist").glob("xboson-*.whl"))
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").stdout.strip())
    (site / "test-environment.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel)
    shutil.rmtree(src)
    env = {**os.environ, "XBOSON_CACHE": str(root / ".cache" / "xboson-lep")}   # content-keyed LEP tables
    env.pop("XBOSON_DATA", None)
    return venv, tmp, env


def test_installed_package_reads_its_own_data(installed):
    venv, tmp, env = installed
    code = "import xboson, xboson.data as d; print(xboson.__file__); print(d.DATA_DIR); print(len(list(d.DATA_DIR.glob('*.yaml'))))"
    out = _run(venv / "bin" / "python", "-c", code, cwd=tmp, env=env).stdout.split("\n")
    site = str(venv)
    assert out[0].startswith(site) and out[1].startswith(site) and out[1].endswith("xboson/_data")
    assert int(out[2]) == len(list((Path(__file__).resolve().parents[1] / "data").glob("*.yaml")))


def test_installed_cli_gives_the_ledger(installed):
    import xboson

    venv, tmp, env = installed
    assert _run(venv / "bin" / "xboson", "--version", cwd=tmp, env=env).stdout.strip() == f"xboson {xboson.__version__}"
    rows = json.loads(_run(venv / "bin" / "xboson", "ledger", "--json", cwd=tmp, env=env).stdout)
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) and all(any(i.startswith(p) for i in ids) for p in ("chiang", "lindner"))
    assert {r["status"] for r in rows} <= {"agrees", "differs", "not-reproduced"}


def test_installed_package_runs_a_section_notebook(installed, root, monkeypatch):
    import papermill

    venv, tmp, env = installed
    kernels = tmp / "jupyter" / "kernels" / "xboson-wheel"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(json.dumps({
        "argv": [str(venv / "bin" / "python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "xboson wheel", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp / "jupyter"))
    monkeypatch.setenv("XBOSON_CACHE", env["XBOSON_CACHE"])
    monkeypatch.delenv("XBOSON_DATA", raising=False)
    nb = nbformat.read(root / "notebooks" / "chiang_sec3_nue.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import xboson.data\nprint(xboson.data.DATA_DIR)"))
    run = tmp / "run"
    run.mkdir()
    nbformat.write(nb, run / "sec3.ipynb")
    papermill.execute_notebook(str(run / "sec3.ipynb"), str(run / "out.ipynb"), cwd=str(run),
                               kernel_name="xboson-wheel", parameters={"grid": 41}, progress_bar=False)
    out = nbformat.read(run / "out.ipynb", as_version=4)
    assert not [o for c in out.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert out.cells[-1].outputs[0]["text"].strip().startswith(str(venv))
