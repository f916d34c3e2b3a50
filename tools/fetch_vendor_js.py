"""Fetch the JavaScript the built pages need from the npm registry, so the book renders
offline instead of loading it from a CDN:

* ``embed-amd.js`` (@jupyter-widgets/html-manager, bundles the standard widgets) and
  ``require.js`` (requirejs): loaded by myst-nb only on pages with widgets (``nb_ipywidgets_js``);
* ``mathjax/`` (MathJax 3: tex-chtml.js, its fonts and TeX extensions): ``mathjax_path``.

The destination folder is listed in ``html_static_path`` in ``_config.yml``. Downloads are
cached under ``.cache/npm`` by exact version.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: npm spec -> list of (path prefix inside the tarball, destination relative to the folder)
PACKAGES = {
    "@jupyter-widgets/html-manager@1.0.14": [("package/dist/embed-amd.js", "embed-amd.js")] + [
        # FontAwesome fonts of the widget CSS, in both folders embed-amd.js resolves them to
        # once amd-paths.js maps "@jupyter-widgets" to jupyter-widgets/
        (f"package/dist/{font}.woff2", f"{folder}/{font}.woff2")
        for font in ("1551f4f60c37af51121f", "7a3337626410ca2f4071", "d878b0a6a1144760244f")
        for folder in ("jupyter-widgets", "jupyter-widgets/html-manager/dist")],
    # anywidget's AMD front-end (same version as the Python package; tests/test_explore_vendor.py)
    "anywidget@0.11.0": [("package/dist/index.js", "anywidget/index.js")],
    "requirejs@2.3.7": [("package/require.js", "require.js")],
    "mathjax@3.2.2": [("package/es5/tex-chtml.js", "mathjax/tex-chtml.js"),
                      ("package/es5/output/chtml/fonts/woff-v2/", "mathjax/output/chtml/fonts/woff-v2/"),
                      ("package/es5/input/tex/extensions/", "mathjax/input/tex/extensions/")],
}


def _tarball(spec: str, cache: Path) -> Path:
    name, version = spec.rsplit("@", 1)
    path = cache / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", spec, "--silent", "--pack-destination", str(cache)],
                       check=True, stdout=subprocess.DEVNULL)
    return path


def fetch(dest: Path, cache: Path = ROOT / ".cache" / "npm") -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for spec, wanted in PACKAGES.items():
        with tarfile.open(_tarball(spec, cache)) as tar:
            for member in tar.getmembers():
                if not member.isfile():
                    continue
                for prefix, out in wanted:
                    if member.name == prefix or (prefix.endswith("/") and member.name.startswith(prefix)):
                        target = dest / (out + member.name[len(prefix):] if prefix.endswith("/") else out)
                        target.parent.mkdir(parents=True, exist_ok=True)
                        with tar.extractfile(member) as src, target.open("wb") as fh:
                            shutil.copyfileobj(src, fh)


if __name__ == "__main__":
    fetch(Path(sys.argv[1]))
