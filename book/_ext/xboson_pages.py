"""Sphinx extension of the book: light pages without console errors.

* every script tag once: sphinx-thebe and sphinx-togglebutton register their inline configuration
  scripts each time the environment is read, so pages carried them twice, and a repeated
  ``const THEBE_JS_URL`` is a SyntaxError ("Identifier 'THEBE_JS_URL' has already been declared");
* a light/dark mode to start from: without one the theme logs "Got invalid theme mode";
* no ``fontawesome.js``: the theme's stylesheet already draws its icons with the Font Awesome
  webfont, and the script that redraws them as SVG weighs 0.5 MB (gzip) on every page.
"""

import re
from pathlib import Path

_FONTAWESOME_JS = re.compile(r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')


def _each_script_once(app, pagename, templatename, context, doctree):
    seen, scripts = set(), []
    for js in context.get("script_files", []):
        # file name ('' and None both mean inline) and attributes (an inline script's body)
        key = (str(getattr(js, "filename", js) or ""), repr(sorted(getattr(js, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            scripts.append(js)
    context["script_files"] = scripts
    if not context.get("default_mode"):
        context["default_mode"] = "light"


def _drop_icon_script(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        lighter = _FONTAWESOME_JS.sub("", text)
        if lighter != text:
            page.write_text(lighter, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", _each_script_once, priority=900)   # after the others add theirs
    app.connect("build-finished", _drop_icon_script)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
