// Pana's collapsed steps (<details class="pana-step">, hooks/templates/guide_steps.md.j2): shows the
// "open all / close all" buttons, opens the step an address's #anchor names, and opens every step
// for printing, closing again those the reader had closed. Without JavaScript the steps still open on a tap.
(function () {
  "use strict";
  var steps = function () {
    return Array.prototype.slice.call(document.querySelectorAll("details.pana-step"));
  };
  Array.prototype.forEach.call(document.querySelectorAll("[data-pana-details]"), function (controls) {
    controls.hidden = false;
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("[data-pana-open]");
      if (!button) return;
      var open = button.getAttribute("data-pana-open") === "true";
      steps().forEach(function (step) {
        step.open = open;
      });
    });
  });
  var openTarget = function () {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var step = target && target.closest("details");
    if (step && !step.open) {
      step.open = true;
      target.scrollIntoView();
    }
  };
  window.addEventListener("hashchange", openTarget);
  openTarget();
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = steps().filter(function (step) {
      return !step.open;
    });
    closed.forEach(function (step) {
      step.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (step) {
      step.open = false;
    });
  });
})();
