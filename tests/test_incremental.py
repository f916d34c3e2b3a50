"""Incremental book builds (tools/build_book.py): an executed notebook is reused only while the
notebook and every input of its execution are unchanged; otherwise it is executed again.
Cheap: a tiny fake book, with papermill replaced by a recorder and jupyter-book by a stub."""

import subprocess
import sys

import nbformat
import pytest

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "tools"))
import build_book  # noqa: E402


def _notebook(title, code):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}"), nbformat.v4.new_code_cell(code)]
    return nb


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "repo"
    (root / "notebooks").mkdir(parents=True)
    (root / "book").mkdir()
    (root / "data").mkdir()
    (root / "lib" / "xboson").mkdir(parents=True)
    (root / "_config.yml").write_text("title: fake\nhtml:\n  use_repository_button: false\n")
    (root / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nparts:\n  - chapters:\n"
                                   "      - file: notebooks/a\n      - file: notebooks/b\n")
    (root / "book" / "intro.md").write_text("# Intro\n")
    for name in "ab":
        nbformat.write(_notebook(name, f"print({name!r})"), root / "notebooks" / f"{name}.ipynb")
    (root / "lib" / "xboson" / "__init__.py").write_text("__version__ = '0'\n")
    (root / "data" / "inputs.yaml").write_text("value: 1\n")
    (root / "pyproject.toml").write_text("[project]\ndependencies = ['numpy==2.4.6']\n")
    return root


class Recorder:
    """Stands in for papermill: records each run and stores a fake output stamped with the run
    number and the data file's content, so a stale copy is recognisable."""

    def __init__(self, root):
        self.root, self.runs = root, []

    def __call__(self, path):
        self.runs.append(path.stem)
        nb = nbformat.read(path, as_version=4)
        data = (self.root / "data" / "inputs.yaml").read_text().strip()
        nb.cells[1].outputs = [nbformat.v4.new_output("stream", text=f"run {len(self.runs)}: {data}\n")]
        nbformat.write(nb, path)


def _build(root, tmp_path, **kw):
    rec = kw.pop("recorder", None) or Recorder(root)
    files = build_book.staged_sources(root, None)
    stage = tmp_path / "stage"
    done = build_book.execute(root, stage, files, cache=tmp_path / "cache", run=rec, **kw)
    build_book.sync(stage, files)
    return rec, done, stage


def _output(stage, name):
    return nbformat.read(stage / "notebooks" / f"{name}.ipynb", as_version=4).cells[1].outputs[0]["text"]


def test_nothing_changed_reuses_every_executed_notebook(tree, tmp_path):
    first, done, stage = _build(tree, tmp_path)
    assert sorted(first.runs) == ["a", "b"] and set(done.values()) == {"executed"}
    mtime = (stage / "notebooks" / "a.ipynb").stat().st_mtime_ns
    again, done, stage = _build(tree, tmp_path)
    assert again.runs == [] and set(done.values()) == {"reused"}
    assert _output(stage, "a") == "run 1: value: 1\n"
    assert (stage / "notebooks" / "a.ipynb").stat().st_mtime_ns == mtime   # Sphinx sees no change


def test_editing_one_notebook_re_executes_only_that_one(tree, tmp_path):
    _build(tree, tmp_path)
    nb = nbformat.read(tree / "notebooks" / "b.ipynb", as_version=4)
    nb.cells[1].source = "print('b, edited')"
    nbformat.write(nb, tree / "notebooks" / "b.ipynb")
    rec, done, _ = _build(tree, tmp_path)
    assert rec.runs == ["b"]
    assert done == {"notebooks/a.ipynb": "reused", "notebooks/b.ipynb": "executed"}


@pytest.mark.parametrize("edit", ["data/inputs.yaml", "lib/xboson/__init__.py", "pyproject.toml",
                                  "data/new_file.yaml"])
def test_editing_an_input_re_executes_the_dependent_notebooks(tree, tmp_path, edit):
    _build(tree, tmp_path)
    path = tree / edit
    path.write_text((path.read_text() if path.exists() else "") + "value: 2\n")
    rec, done, stage = _build(tree, tmp_path)
    assert sorted(rec.runs) == ["a", "b"]
    if edit == "data/inputs.yaml":   # the staged copies show the new data, never the cached old one
        assert "value: 2" in _output(stage, "a") and "value: 2" in _output(stage, "b")


def test_going_back_to_earlier_inputs_reuses_their_executed_copies(tree, tmp_path):
    _build(tree, tmp_path)
    (tree / "data" / "inputs.yaml").write_text("value: 2\n")
    _build(tree, tmp_path)
    (tree / "data" / "inputs.yaml").write_text("value: 1\n")
    rec, _, stage = _build(tree, tmp_path)
    assert rec.runs == [] and _output(stage, "a") == "run 1: value: 1\n"


def test_xboson_data_override_is_an_input(tree, tmp_path, monkeypatch):
    _build(tree, tmp_path)
    other = tmp_path / "other-data"
    other.mkdir()
    (other / "inputs.yaml").write_text("value: 1\n")
    (other / "extra.yaml").write_text("x: 1\n")
    monkeypatch.setenv("XBOSON_DATA", str(other))
    rec, _, _ = _build(tree, tmp_path)
    assert sorted(rec.runs) == ["a", "b"]


def test_force_re_executes_everything(tree, tmp_path):
    _build(tree, tmp_path)
    rec, _, _ = _build(tree, tmp_path, force=True)
    assert sorted(rec.runs) == ["a", "b"]


def test_only_executes_the_named_notebooks(tree, tmp_path):
    rec, done, _ = _build(tree, tmp_path, only=["a"])
    assert rec.runs == ["a"] and done["notebooks/b.ipynb"] == "unexecuted"


def test_stage_drops_files_removed_from_the_sources(tree, tmp_path):
    (tree / "book" / "old.md").write_text("# Old\n")
    _, _, stage = _build(tree, tmp_path)
    (tree / "book" / "old.md").unlink()
    _, _, stage = _build(tree, tmp_path)
    assert not (stage / "book" / "old.md").exists() and (stage / "book" / "intro.md").exists()


class FakeJupyterBook:
    def __init__(self, fail=False):
        self.calls, self.fail = [], fail

    def __call__(self, cmd, check):
        self.calls.append(cmd)
        if self.fail:
            raise subprocess.CalledProcessError(1, cmd)
        out = build_book.Path(cmd[cmd.index("--path-output") + 1]) / "_build" / "html"
        out.mkdir(parents=True, exist_ok=True)
        (out / "index.html").write_text("<html></html>")


def test_sphinx_is_skipped_when_the_stage_is_unchanged_and_rebuilds_all_after_a_failure(tree, tmp_path,
                                                                                        monkeypatch):
    _, _, stage = _build(tree, tmp_path)
    out = tmp_path / "out"
    jb = FakeJupyterBook()
    monkeypatch.setattr(build_book.subprocess, "run", jb)
    assert build_book.build(stage, out) is True and "--all" in jb.calls[-1]       # first build: everything
    assert build_book.build(stage, out) is False and len(jb.calls) == 1           # nothing changed
    (stage / "book" / "intro.md").write_text("# Intro, edited\n")
    assert build_book.build(stage, out) is True and "--all" not in jb.calls[-1]   # incremental
    (stage / "book" / "intro.md").write_text("# Intro, broken\n")
    monkeypatch.setattr(build_book.subprocess, "run", FakeJupyterBook(fail=True))
    with pytest.raises(subprocess.CalledProcessError):
        build_book.build(stage, out)
    monkeypatch.setattr(build_book.subprocess, "run", jb)
    assert build_book.build(stage, out) is True and "--all" in jb.calls[-1]       # after a failure: all
    assert build_book.build(stage, out, force=True) is True and "--all" in jb.calls[-1]
