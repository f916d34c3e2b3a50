// Widget modules come from this book, never from a CDN. Loaded after require.js and before
// embed-amd.js (nb_ipywidgets_js in _config.yml): the folder of this script holds anywidget's
// front-end (anywidget/index.js) and the widget fonts (under jupyter-widgets/, where embed-amd.js
// resolves them once "@jupyter-widgets" maps there), so pages in any sub-folder find them; an
// unknown widget module gives a local 404 instead of a CDN request.
(function () {
  var script = document.currentScript;
  var base = script.src.slice(0, script.src.lastIndexOf("/") + 1);
  window.require.config({
    paths: { anywidget: base + "anywidget/index", "@jupyter-widgets": base + "jupyter-widgets" },
  });
  script.setAttribute("data-jupyter-widgets-cdn", base + "widget-modules/");

  // The widget manager typesets labels with MathJax 2's MathJax.Hub.Queue; the book loads
  // MathJax 3, which has no Hub. Give whatever object is window.MathJax (the configuration,
  // then MathJax 3 itself) a Hub that forwards to MathJax 3's typesetPromise.
  function withHub(mj) {
    if (mj && typeof mj === "object" && !("Hub" in mj)) {
      Object.defineProperty(mj, "Hub", {
        configurable: true, enumerable: false,
        value: { Queue: function (job) {
          var el = Array.isArray(job) ? job[2] : null, m = window.MathJax;
          if (el && m && typeof m.typesetPromise === "function") m.typesetPromise([el]).catch(function () {});
        } },
      });
    }
    return mj;
  }
  var current = withHub(window.MathJax);
  Object.defineProperty(window, "MathJax", {
    configurable: true,
    get: function () { return current; },
    set: function (v) { current = withHub(v); },
  });
})();
