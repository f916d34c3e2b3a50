"""Slow end-to-end checks for Chiang Sec. VI: the notebook as the book build executed it, the cold cache."""

import time

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
def test_notebook_executed_in_the_book_build(built_book, root):
    """The Sec. VI notebook as the book build executed it (once, shared with the other slow tests):
    no error output, its figures and tables present; the source stays output-free."""
    import nbformat

    _, stage, _ = built_book
    nb = nbformat.read(stage / "notebooks" / "chiang_sec6_lep.ipynb", as_version=4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not any(o.output_type == "error" for o in outputs)
    assert sum(o.get("data", {}).get("text/html", "").count("data:image/svg+xml") for o in outputs) >= 3
    src = nbformat.read(root / "notebooks" / "chiang_sec6_lep.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in src.cells if c.cell_type == "code")     # stored output-free
