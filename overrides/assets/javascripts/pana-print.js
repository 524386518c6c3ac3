// The print button of a checklist page (hooks/templates/checklist.md.j2): hidden until this script
// runs, since without JavaScript it could do nothing (the browser's own Print still works).
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-pana-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
