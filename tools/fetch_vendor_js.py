"""Fetch the JavaScript the built pages need from the npm registry, so the book renders
offline instead of loading it from a CDN:

* ``embed-amd.js`` (@jupyter-widgets/html-manager, bundles the standard widgets) and
  ``require.js`` (requirejs): loaded by myst-nb only on pages with widgets (``nb_ipywidgets_js``);
* ``mathjax/`` (MathJax 3: tex-chtml.js, its fonts and TeX extensions): ``mathjax_path``.

Python's standard library does the download (no ``npm`` needed): the registry's metadata for the
exact version gives the tarball's URL and its ``integrity`` (SHA-512), which the download must
match. Tarballs are cached under ``.cache/npm`` by exact version (written only once verified);
the registry is $NPM_CONFIG_REGISTRY if set. The destination folder is listed in
``html_static_path`` in ``_config.yml``; it is re-extracted only when PACKAGES changes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import sys
import tarfile
import urllib.parse
import urllib.request
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


REGISTRY = os.environ.get("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org").rstrip("/")


def _get(url: str, accept: str | None = None) -> bytes:
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(req, timeout=120) as resp:
        return resp.read()


def tarball_info(name: str, version: str) -> tuple[str, str]:
    """(tarball URL, integrity "sha512-<base64>") of ``name@version`` from the registry metadata."""
    meta = json.loads(_get(f"{REGISTRY}/{urllib.parse.quote(name, safe='@')}",
                           accept="application/vnd.npm.install-v1+json"))
    if version not in meta.get("versions", {}):
        raise ValueError(f"{name}@{version} is not in the npm registry")
    dist = meta["versions"][version]["dist"]
    return dist["tarball"], dist["integrity"]


def verify(data: bytes, integrity: str) -> None:
    """Check ``data`` against an npm/SRI ``integrity`` string (its sha512 entry)."""
    for entry in integrity.split():
        algo, _, digest = entry.partition("-")
        if algo == "sha512":
            if base64.b64encode(hashlib.sha512(data).digest()).decode() != digest:
                raise ValueError(f"integrity mismatch: expected {entry}")
            return
    raise ValueError(f"no sha512 in integrity {integrity!r}")


def _tarball(spec: str, cache: Path) -> Path:
    name, version = spec.rsplit("@", 1)
    path = cache / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    if not path.exists():
        url, integrity = tarball_info(name, version)
        data = _get(url)
        verify(data, integrity)
        cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        print(f"fetched {spec} ({len(data) // 1024} KiB, {integrity.split('-')[0]} verified)", flush=True)
    return path


def fetch(dest: Path, cache: Path = ROOT / ".cache" / "npm") -> None:
    marker = dest / ".packages.json"
    wanted_json = json.dumps(PACKAGES, sort_keys=True)
    if marker.is_file() and marker.read_text() == wanted_json:
        return
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for spec, wanted in PACKAGES.items():
        with tarfile.open(_tarball(spec, cache)) as tar:
            for member in tar.getmembers():
                if not member.isfile() or ".." in member.name.split("/"):
                    continue
                for prefix, out in wanted:
                    if member.name == prefix or (prefix.endswith("/") and member.name.startswith(prefix)):
                        target = dest / (out + member.name[len(prefix):] if prefix.endswith("/") else out)
                        target.parent.mkdir(parents=True, exist_ok=True)
                        with tar.extractfile(member) as src, target.open("wb") as fh:
                            shutil.copyfileobj(src, fh)
    marker.write_text(wanted_json)


if __name__ == "__main__":
    fetch(Path(sys.argv[1]))
