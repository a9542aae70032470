/* planner: the portfolio table's filters (status, verdict) and sortable headers, kept in the page's
   URL so a reload or a shared link shows the same view. Self-contained; no other script is loaded. */
(function () {
  "use strict";
  var NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/;

  function params() {
    return new URLSearchParams(window.location.search);
  }

  function remember(key, value, fallback) {
    var query = params();
    if (value === fallback) {
      query.delete(key);
    } else {
      query.set(key, value);
    }
    var text = query.toString();
    window.history.replaceState(window.history.state, "", window.location.pathname + (text ? "?" + text : "") + window.location.hash);
  }

  function applyFilters(table, bars) {
    var wanted = {};
    bars.forEach(function (bar) {
      var pressed = bar.querySelector('button[aria-pressed="true"]');
      wanted[bar.getAttribute("data-key")] = pressed ? pressed.getAttribute("data-filter") : "all";
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      row.hidden = Object.keys(wanted).some(function (key) {
        return wanted[key] !== "all" && row.getAttribute("data-" + key) !== wanted[key];
      });
    });
  }

  function press(bar, value) {
    var found = bar.querySelector('button[data-filter="' + CSS.escape(value) + '"]');
    if (!found) {
      return false;
    }
    bar.querySelectorAll("button[data-filter]").forEach(function (other) {
      other.setAttribute("aria-pressed", String(other === found));
    });
    return true;
  }

  function compare(a, b) {
    if (a === b) {
      return 0;
    }
    if (a === "" || b === "") {
      return a === "" ? 1 : -1; // unknown values last, either way
    }
    if (NUMBER.test(a) && NUMBER.test(b)) {
      return parseFloat(a) - parseFloat(b);
    }
    return a.localeCompare(b);
  }

  function sortBy(table, header, direction) {
    var column = Array.prototype.indexOf.call(header.parentNode.children, header);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var value = function (row) {
      var cell = row.cells[column];
      return cell ? cell.getAttribute("data-value") || "" : "";
    };
    var sign = direction === "descending" ? -1 : 1;
    rows.sort(function (one, two) {
      var a = value(one);
      var b = value(two);
      if (a === "" || b === "") {
        return compare(a, b);
      }
      return sign * compare(a, b) || compare(rankOf(one), rankOf(two));
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
    table.querySelectorAll("thead th").forEach(function (other) {
      if (other === header) {
        other.setAttribute("aria-sort", direction);
      } else {
        other.removeAttribute("aria-sort");
      }
    });
  }

  function rankOf(row) {
    return row.cells[0] ? row.cells[0].getAttribute("data-value") || "" : "";
  }

  function setup() {
    var board = document.querySelector(".planner-portfolio");
    var table = board && board.querySelector("table");
    if (!table || table.getAttribute("data-ready")) {
      return;
    }
    table.setAttribute("data-ready", "1");
    var bars = Array.prototype.slice.call(document.querySelectorAll(".planner-filter[data-key]"));
    var query = params();
    bars.forEach(function (bar) {
      var key = bar.getAttribute("data-key");
      if (query.has(key) && !press(bar, query.get(key))) {
        press(bar, "all");
      }
      bar.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-filter]");
        if (!button) {
          return;
        }
        press(bar, button.getAttribute("data-filter"));
        remember(key, button.getAttribute("data-filter"), "all");
        applyFilters(table, bars);
      });
    });
    applyFilters(table, bars);

    var headers = table.querySelectorAll("thead th[data-sort]");
    headers.forEach(function (header) {
      var button = header.querySelector("button");
      button.addEventListener("click", function () {
        // The first click sorts as a reader expects the column (most urgent, dearest, oldest first
        // where the header says so in data-first); a second click reverses it.
        var now = header.getAttribute("aria-sort");
        var first = header.getAttribute("data-first") || "ascending";
        var direction = now ? (now === "ascending" ? "descending" : "ascending") : first;
        sortBy(table, header, direction);
        var key = header.getAttribute("data-sort");
        remember("sort", key === "rank" && direction === "ascending" ? "rank" : key + (direction === "descending" ? "-desc" : ""), "rank");
      });
    });
    var wanted = query.get("sort");
    if (wanted) {
      var key = wanted.replace(/-desc$/, "");
      var header = table.querySelector('thead th[data-sort="' + CSS.escape(key) + '"]');
      if (header) {
        sortBy(table, header, /-desc$/.test(wanted) ? "descending" : "ascending");
      }
    }
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    setup();
  }
})();
