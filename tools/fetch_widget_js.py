"""Fetch the JavaScript that renders ipywidgets in static pages from the npm registry, so
the built book does not load it from a CDN.

Writes ``embed-amd.js`` (@jupyter-widgets/html-manager, bundles the standard widgets) and
``require.js`` (requirejs) into the given folder, which ``_config.yml`` lists in
``html_static_path`` and myst-nb loads only on pages that contain widgets
(``nb_ipywidgets_js``). Downloads are cached under ``.cache/npm`` by exact version.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {  # npm spec -> (file inside the package tarball, name written)
    "@jupyter-widgets/html-manager@1.0.14": ("package/dist/embed-amd.js", "embed-amd.js"),
    "requirejs@2.3.7": ("package/require.js", "require.js"),
}


def _tarball(spec: str, cache: Path) -> Path:
    name, version = spec.rsplit("@", 1)
    fname = f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    path = cache / fname
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "pack", spec, "--silent", "--pack-destination", str(cache)],
                       check=True, stdout=subprocess.DEVNULL)
    return path


def fetch(dest: Path, cache: Path = ROOT / ".cache" / "npm") -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for spec, (member, out) in PACKAGES.items():
        with tarfile.open(_tarball(spec, cache)) as tar:
            src = tar.extractfile(member)
            with (dest / out).open("wb") as fh:
                shutil.copyfileobj(src, fh)


if __name__ == "__main__":
    fetch(Path(sys.argv[1]))
