"""Project hygiene: pins agree, every data file is cited, constants match their data file,
notebooks are stored without outputs and follow the notebook pattern."""

import re
import tomllib

import nbformat
import pytest
import yaml

from xboson import constants
from xboson.report import data_files


def _pins_pyproject(root):
    proj = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    reqs = list(proj["dependencies"])
    for extra in proj["optional-dependencies"].values():
        reqs += extra
    return {re.split("==", r)[0].lower(): r.split("==")[1] for r in reqs}


def test_environment_yml_and_pyproject_pin_the_same_versions(root):
    env = yaml.safe_load((root / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    env_pins = {p.split("==")[0].lower(): p.split("==")[1] for p in pip if "==" in p}
    assert env_pins == _pins_pyproject(root)


def test_every_data_file_has_a_source(root):
    files = data_files(root / "data")
    assert files
    for d in files:
        assert d.get("source"), f"data/{d['file']} has no source"
        assert d.get("units"), f"data/{d['file']} states no units"


def test_constants_match_their_data_file(root):
    d = yaml.safe_load((root / "data" / "constants.yaml").read_text())
    for group in ("paper_conventions", "pdg_2012"):
        for name, value in d[group].items():
            assert getattr(constants, name) == pytest.approx(value, rel=1e-9), name


def _notebooks(root):
    return sorted((root / "notebooks").glob("*.ipynb")) + sorted((root / "book").glob("*.ipynb"))


def test_notebooks_are_output_free_and_have_a_parameters_cell(root):
    for path in _notebooks(root):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, f"{path.name} has stored outputs"
        tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
        assert "parameters" in tags, f"{path.name} has no papermill parameters cell"


def test_section_notebooks_have_sliders(root):
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        src = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
        if "(in preparation)" in src:
            continue
        assert "explore." in src, f"{path.name} has no live explorer (xboson.explore sliders)"


def test_toc_lists_existing_files(root):
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for p in toc["parts"] for c in p["chapters"]]
    for f in files:
        assert any((root / f"{f}{ext}").exists() for ext in (".md", ".ipynb")), f
