"""Sphinx extension of the book: pages without console errors.

* every script tag once: sphinx-thebe and sphinx-togglebutton register their inline configuration
  scripts each time the environment is read, so pages carried them twice, and a repeated
  ``const THEBE_JS_URL`` is a SyntaxError ("Identifier 'THEBE_JS_URL' has already been declared");
* a light/dark mode to start from: without one the theme logs "Got invalid theme mode".
"""


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


def setup(app):
    app.connect("html-page-context", _each_script_once, priority=900)   # after the others add theirs
    return {"parallel_read_safe": True, "parallel_write_safe": True}
