// Adds the theme's script (hooks/pana/site/bundle_on_demand.py) when a reader opens search: its button,
// a tap or Tab into the search field, or the theme's keys / s f. Until then the page needs none of it.
(function () {
  "use strict";
  var bundle = document.currentScript.getAttribute("data-bundle");
  // as the bundle would: the theme's stylesheet shows search only to pages that can run it
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");
  var toggle = document.getElementById("__search");
  var input = document.querySelector(".md-search__input");
  var loaded = false;
  var load = function () {
    if (loaded) return;
    loaded = true;
    var script = document.createElement("script");
    script.src = bundle;
    // the bundle starts on DOMContentLoaded, which has passed: tell it again, once it has run
    script.onload = function () {
      document.dispatchEvent(new Event("DOMContentLoaded"));
    };
    document.body.appendChild(script);
  };
  if (!toggle || !input) return;
  toggle.addEventListener("change", function () {
    load();
    if (toggle.checked) input.focus();
  });
  input.addEventListener("focus", load);
  document.addEventListener("keydown", function (event) {
    if (loaded || event.ctrlKey || event.metaKey || event.altKey || event.target.isContentEditable) return;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      toggle.checked = true;
      load();
      input.focus();
    }
  });
})();
