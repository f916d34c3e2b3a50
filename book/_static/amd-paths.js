// Widget modules come from this book, never from a CDN. Loaded after require.js and before
// embed-amd.js (nb_ipywidgets_js in _config.yml): the folder of this script holds anywidget's
// front-end (anywidget/index.js) and the widget fonts (jupyter-widgets/), so pages in any
// sub-folder find them; an unknown widget module gives a local 404 instead of a CDN request.
(function () {
  var script = document.currentScript;
  var base = script.src.slice(0, script.src.lastIndexOf("/") + 1);
  window.require.config({
    paths: { anywidget: base + "anywidget/index", "@jupyter-widgets": base + "jupyter-widgets" },
  });
  script.setAttribute("data-jupyter-widgets-cdn", base + "widget-modules/");
})();
