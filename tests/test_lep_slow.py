"""Slow end-to-end checks for Chiang Sec. VI: the notebook under papermill, the cold cache."""

import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from xboson.lep import cache, table2, xsec


def test_cache_key_changes_with_any_source(tmp_path, monkeypatch):
    src = tmp_path / "fake.py"
    src.write_text("a = 1\n")
    monkeypatch.setattr(cache, "_SOURCES", [src])
    k1 = cache.key(xsec.DEFAULT)
    src.write_text("a = 2\n")
    assert cache.key(xsec.DEFAULT) != k1


@pytest.mark.slow
def test_cold_cache_rebuild_equals_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("XBOSON_CACHE", str(tmp_path))
    t = time.perf_counter()
    tab = xsec.cached_tables(xsec.DEFAULT)
    assert time.perf_counter() - t < 30
    assert list(tmp_path.glob("lep-tables-*.npz"))
    again = xsec.cached_tables(xsec.DEFAULT)
    assert np.array_equal(tab.values, again.values)
    assert np.allclose(xsec.sigma_sm_from(tab), xsec.sigma_sm(), rtol=1e-12)
    assert tab.n_rows == len(table2.rows())


@pytest.mark.slow
def test_notebook_runs_under_papermill(tmp_path):
    root = Path(__file__).resolve().parents[1]
    pm = Path(sys.executable).parent / "papermill"
    t = time.perf_counter()
    r = subprocess.run([str(pm), "--no-progress-bar", "chiang_sec6_lep.ipynb", str(tmp_path / "out.ipynb")],
                       cwd=root / "notebooks", capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert time.perf_counter() - t < 90
    import nbformat

    nb = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert not any(o.output_type == "error" for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    src = nbformat.read(root / "notebooks" / "chiang_sec6_lep.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in src.cells if c.cell_type == "code")     # stored output-free
    assert any("parameters" in c.metadata.get("tags", []) for c in src.cells)
