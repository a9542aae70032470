/* planner: filter the portfolio table by status. Self-contained; no other script is loaded. */
(function () {
  "use strict";
  function setup() {
    var bar = document.querySelector(".planner-filter");
    if (!bar || bar.getAttribute("data-ready")) {
      return;
    }
    bar.setAttribute("data-ready", "1");
    bar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-filter]");
      if (!button) {
        return;
      }
      var wanted = button.getAttribute("data-filter");
      bar.querySelectorAll("button[data-filter]").forEach(function (other) {
        other.setAttribute("aria-pressed", String(other === button));
      });
      document.querySelectorAll(".md-typeset table tbody tr").forEach(function (row) {
        var badge = row.querySelector(".planner-badge[data-status]");
        if (badge) {
          row.hidden = wanted !== "all" && badge.getAttribute("data-status") !== wanted;
        }
      });
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    setup();
  }
})();
