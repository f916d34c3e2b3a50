"""The book build end to end on a one-notebook book (slow, but small): with a repository it has
the repository, Binder and Colab buttons and the install cell; without one it has none of them
and says so once; a second build with nothing changed neither executes nor runs Sphinx."""

import os
import shutil
import subprocess
import sys

import nbformat
import pytest

pytestmark = pytest.mark.slow


@pytest.fixture
def mini(root, tmp_path):
    src = tmp_path / "src"
    (src / "book").mkdir(parents=True)
    (src / "notebooks").mkdir()
    shutil.copy(root / "_config.yml", src / "_config.yml")
    for d in ("_ext", "_static"):     # the local Sphinx extension and static files _config.yml names
        shutil.copytree(root / "book" / d, src / "book" / d)
    (src / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nparts:\n  - caption: Demo\n    chapters:\n"
                                  "      - file: notebooks/demo\n")
    (src / "book" / "intro.md").write_text("# Mini book\n\nOne notebook.\n")
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [nbformat.v4.new_markdown_cell("# Demo"), nbformat.v4.new_code_cell("print(6 * 7)")]
    nbformat.write(nb, src / "notebooks" / "demo.ipynb")
    # the executed-copy key hashes lib/, data/ and pyproject.toml of the source tree
    (src / "lib" / "xboson").mkdir(parents=True)
    (src / "data").mkdir()
    shutil.copy(root / "pyproject.toml", src / "pyproject.toml")
    return src


def _build(root, src, out, repository=None):
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_REPOSITORY", "XBOSON_REPOSITORY",
                                                              "XBOSON_LAUNCH_BRANCH", "GITHUB_SERVER_URL")}
    if repository:
        env["GITHUB_REPOSITORY"] = repository
    proc = subprocess.run([sys.executable, str(root / "tools" / "build_book.py"), "--source", str(src),
                           "--stage", str(out / "stage"), "--out", str(out), "--cache", str(out / "cache")],
                          capture_output=True, text=True, timeout=900, env=env)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc.stdout, (out / "_build" / "html" / "notebooks" / "demo.html").read_text()


def test_buttons_point_at_the_repository_the_book_is_built_from(root, mini, tmp_path):
    log, page = _build(root, mini, tmp_path / "with", repository="someone/xboson")
    assert "note: no repository" not in log
    assert "https://github.com/someone/xboson" in page
    assert "mybinder.org/v2/gh/someone/xboson/main?urlpath=" in page
    assert "colab.research.google.com/github/someone/xboson/blob/main/notebooks/demo.ipynb" in page
    assert "git+https://github.com/someone/xboson" in page           # the install cell, folded
    assert "42" in page


def test_without_a_repository_no_buttons_and_one_note_then_nothing_to_redo(root, mini, tmp_path):
    out = tmp_path / "without"
    log, page = _build(root, mini, out)
    assert log.count("note: no repository") == 1
    for absent in ("mybinder.org", "colab.research.google.com", "github.com/", "%pip install"):
        assert absent not in page
    assert "executed notebooks/demo.ipynb" in log and "42" in page
    log, _ = _build(root, mini, out)
    assert "reused notebooks/demo.ipynb" in log and "jupyter-book not run" in log
    assert "executed notebooks" not in log
