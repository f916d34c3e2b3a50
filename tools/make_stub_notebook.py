"""Create an output-free notebook skeleton following the project's pattern:
title (markdown), a papermill ``parameters`` cell, an imports cell.

usage: python tools/make_stub_notebook.py PATH "Title" "one-line description"
"""

import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def main(path, title, blurb):
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = new_code_cell("# Parameters (papermill can override these)\nm_x_mev = 5.0")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [
        new_markdown_cell(f"# {title}\n\n{blurb}"),
        params,
        new_code_cell("import xboson"),
    ]
    nbformat.write(nb, path)


if __name__ == "__main__":
    main(*sys.argv[1:4])
