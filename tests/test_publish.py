"""Publishing: the CI workflow is a valid GitHub workflow that tests and deploys with the README's
commands, the book's buttons point at the repository it is built from (never a made-up one),
the version lives in one place, the npm downloads are verified, the data ship with the package."""

import base64
import hashlib
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import build_book  # noqa: E402
import fetch_vendor_js  # noqa: E402

import xboson  # noqa: E402
from xboson import data  # noqa: E402

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "book.yml"


def _check_jsonschema(schema, path):
    exe = Path(sys.executable).parent / "check-jsonschema"
    return subprocess.run([str(exe), "--builtin-schema", schema, str(path)], capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"])
def test_workflow_is_a_valid_github_workflow(schema):
    proc = _check_jsonschema(schema, WORKFLOW)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_schema_check_can_fail(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n")
    assert _check_jsonschema("vendor.github-workflows", bad).returncode != 0


def _steps(job):
    return [s.get("run", "") for s in job["steps"]], [s.get("uses", "") for s in job["steps"]]


def test_workflow_tests_every_push_and_pull_request_and_publishes_main():
    wf = yaml.safe_load(WORKFLOW.read_text())
    on = wf[True]                                  # YAML 1.1 reads the key `on` as True
    assert on["push"]["branches"] == ["main"] and "pull_request" in on
    runs, uses = _steps(wf["jobs"]["test"])
    assert "make test" in runs
    assert any("apt-get install" in r and "chromium" in r for r in runs)
    assert any(u.startswith("actions/cache@") for u in uses)
    book = wf["jobs"]["book"]
    runs, uses = _steps(book)
    assert "make book" in runs and "refs/heads/main" in book["if"] and book["needs"] == "test"
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert next(s for s in book["steps"] if s.get("uses", "").startswith("actions/setup-python@"))["with"]["cache"] == "pip"
    upload = next(s for s in book["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "_build/html"
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "book" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")


def test_readme_commands_are_the_ones_ci_runs(root):
    readme = (root / "README.md").read_text()
    assert "make book" in readme and "make test" in readme
    assert "make test" in (root / ".ci" / "run").read_text()
    assert "`npm`" not in readme and "subprocess" not in (root / "tools" / "fetch_vendor_js.py").read_text()


def test_make_book_passes_force_and_repository(root):
    def dry(*args):
        proc = subprocess.run(["make", "-n", "book", *args], cwd=root, capture_output=True, text=True, timeout=60)
        return next(line for line in proc.stdout.replace("\\\n", " ").splitlines() if "build_book.py" in line)

    assert "--force" not in dry() and "--repository" not in dry()
    assert "--force" in dry("FORCE=1")
    assert "--repository someone/xboson" in dry("REPOSITORY=someone/xboson")


# --- repository and launch buttons ---------------------------------------------------------------

@pytest.fixture
def no_repository_env(monkeypatch):
    for var in ("GITHUB_REPOSITORY", "XBOSON_REPOSITORY", "XBOSON_LAUNCH_BRANCH", "GITHUB_SERVER_URL"):
        monkeypatch.delenv(var, raising=False)
    return monkeypatch


def test_without_a_repository_there_are_no_buttons(no_repository_env, root):
    assert build_book.repository() is None
    cfg = yaml.safe_load(build_book.staged_config(root, None))
    assert "launch_buttons" not in cfg and "url" not in cfg.get("repository", {})
    assert not cfg["html"].get("use_repository_button")


def test_repository_comes_from_github_actions_or_an_explicit_setting(no_repository_env):
    no_repository_env.setenv("GITHUB_REPOSITORY", "someone/xboson")
    assert build_book.repository() == build_book.Repository("https://github.com/someone/xboson", "main")
    no_repository_env.setenv("XBOSON_REPOSITORY", "https://git.example.org/group/xboson.git")
    assert build_book.repository().url == "https://git.example.org/group/xboson"
    assert build_book.repository("other/fork", branch="launch") == build_book.Repository(
        "https://github.com/other/fork", "launch")
    for bad in ("not a repo", "http://insecure.example/x", "a/b/c d"):
        with pytest.raises(ValueError, match="repository"):
            build_book.repository(bad)


def test_staged_config_has_repository_and_launch_buttons(root):
    repo = build_book.Repository("https://github.com/someone/xboson", "launch")
    cfg = yaml.safe_load(build_book.staged_config(root, repo))
    assert cfg["repository"] == {"url": repo.url, "branch": "launch", "path_to_book": ""}
    assert cfg["html"]["use_repository_button"] is True
    assert cfg["launch_buttons"]["binderhub_url"] and cfg["launch_buttons"]["colab_url"]
    source = yaml.safe_load((root / "_config.yml").read_text())
    assert {k: v for k, v in cfg.items() if k not in ("repository", "html", "launch_buttons")} == \
        {k: v for k, v in source.items() if k not in ("repository", "html", "launch_buttons")}


def test_install_cell_follows_the_title_and_is_valid_ipython(root):
    from IPython.core.inputtransformer2 import TransformerManager

    repo = build_book.Repository("https://github.com/someone/xboson", "main")
    path = root / "notebooks" / "chiang_sec3_nue.ipynb"
    staged = nbformat.reads(build_book.staged_notebook(path, repo).decode(), as_version=4)
    source = nbformat.read(path, as_version=4)
    assert len(staged.cells) == len(source.cells) + 1
    assert staged.cells[0].source == source.cells[0].source and staged.cells[0].cell_type == "markdown"
    cell = staged.cells[1]
    assert '%pip install --quiet "xboson @ git+https://github.com/someone/xboson"' in cell.source
    python = TransformerManager().transform_cell(cell.source)
    compile(python, "install-cell", "exec")
    exec(python.replace("get_ipython()", "_never_called()"), {})   # xboson is installed: a no-op
    nbformat.validate(staged)
    assert build_book.staged_notebook(path, None) == path.read_bytes()


# --- one version, citation --------------------------------------------------------------------------

def test_version_lives_in_one_place(root, cli):
    proj = tomllib.loads((root / "pyproject.toml").read_text())
    assert "version" not in proj["project"] and proj["project"]["dynamic"] == ["version"]
    assert proj["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "xboson.__version__"}
    assert yaml.safe_load((root / "CITATION.cff").read_text())["version"] == xboson.__version__
    proc = cli("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"xboson {xboson.__version__}"


def test_citation_file_is_valid_and_cites_both_papers(root):
    proc = _check_jsonschema("vendor.citation-file-format", root / "CITATION.cff")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    refs = yaml.safe_load((root / "CITATION.cff").read_text())["references"]
    ids = " ".join(i["value"] for r in refs for i in r["identifiers"])
    assert "1204.6296" in ids and "1803.00060" in ids
    assert any(r.get("doi") == "10.1007/JHEP05(2018)098" for r in refs)


# --- data shipped with the package ------------------------------------------------------------------

def test_data_files_are_a_package_resource(root):
    link = root / "lib" / "xboson" / "_data"
    assert link.is_symlink() and os.readlink(link) == "../../data"
    assert data.DATA_DIR == (root / "data").resolve()
    packaged = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "_data/*" in packaged["xboson"]


def test_xboson_data_overrides_the_data_directory(tmp_path):
    code = "from xboson import data; print(data.DATA_DIR)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "XBOSON_DATA": str(tmp_path)}, timeout=60)
    assert proc.stdout.strip() == str(tmp_path)


def test_binder_environment_installs_the_package_itself(root):
    env = yaml.safe_load((root / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    assert "-e ." in pip or "." in pip


# --- npm tarballs fetched with the standard library and verified ------------------------------------

def _integrity(blob):
    return "sha512-" + base64.b64encode(hashlib.sha512(blob).digest()).decode()


def test_integrity_check_accepts_the_right_tarball_and_rejects_any_other():
    blob = b"tarball bytes"
    fetch_vendor_js.verify(blob, _integrity(blob))
    with pytest.raises(ValueError, match="integrity"):
        fetch_vendor_js.verify(blob + b"!", _integrity(blob))
    with pytest.raises(ValueError, match="sha512"):
        fetch_vendor_js.verify(blob, "sha1-" + base64.b64encode(hashlib.sha1(blob).digest()).decode())


def test_tarball_is_cached_by_version_only_once_verified(tmp_path, monkeypatch):
    blob = b"the real tarball"
    served = {"blob": b"a tampered tarball"}
    meta = {"versions": {"1.2.3": {"dist": {"tarball": "https://registry.invalid/pkg-1.2.3.tgz",
                                             "integrity": _integrity(blob)}}}}
    requested = []

    def get(url, accept=None):
        requested.append(url)
        return served["blob"] if url.endswith(".tgz") else json.dumps(meta).encode()

    monkeypatch.setattr(fetch_vendor_js, "_get", get)
    with pytest.raises(ValueError, match="integrity"):
        fetch_vendor_js._tarball("@scope/pkg@1.2.3", tmp_path)
    assert not list(tmp_path.iterdir())
    served["blob"] = blob
    path = fetch_vendor_js._tarball("@scope/pkg@1.2.3", tmp_path)
    assert path.name == "scope-pkg-1.2.3.tgz" and path.read_bytes() == blob
    assert requested[0].endswith("/@scope%2Fpkg")
    n = len(requested)
    assert fetch_vendor_js._tarball("@scope/pkg@1.2.3", tmp_path) == path and len(requested) == n   # cached
    with pytest.raises(ValueError, match="not in the npm registry"):
        fetch_vendor_js._tarball("@scope/pkg@9.9.9", tmp_path)
