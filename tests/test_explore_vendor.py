"""The anywidget front-end served by the book is the npm package of the same version as the
Python package, byte for byte (the wheel ships the same file as anywidget/nbextension/index.js)."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_vendored_anywidget_front_end_equals_the_wheels(built_book):
    import anywidget

    html, _, _ = built_book
    wheel = Path(anywidget.__file__).parent / "nbextension" / "index.js"
    served = html / "_static" / "anywidget" / "index.js"
    assert served.read_bytes() == wheel.read_bytes()


def test_pages_load_the_local_module_paths_between_requirejs_and_the_widget_manager(built_book):
    html, _, _ = built_book
    page = (html / "notebooks" / "chiang_sec6_lep.html").read_text()
    order = [page.index(f"_static/{name}") for name in ("require.js", "amd-paths.js", "embed-amd.js")]
    assert order == sorted(order)
    assert page.count("const THEBE_JS_URL") <= 1
    assert "AnyModel" in page and "cdn.jsdelivr.net" not in page and "unpkg.com/anywidget" not in page
