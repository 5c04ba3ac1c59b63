// storyline live pages: ask the server every 15 s what arrived since the page was opened
// (GET /api/changes?since=...) and say so above the page, with a link that reloads it.
// Counts go in with textContent only. No library, no build step.
(function () {
  "use strict";
  var box = document.getElementById("live");
  if (!box || !window.fetch) { return; }
  var since = box.getAttribute("data-since");
  var text = document.getElementById("live-text");
  var EVERY = parseInt(box.getAttribute("data-every"), 10) || 15000;

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function check() {
    fetch("/api/changes?since=" + encodeURIComponent(since), { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (c) {
        if (c && (c.documents || c.alerts)) {
          var parts = [];
          if (c.documents) { parts.push(plural(c.documents, "new document")); }
          if (c.alerts) { parts.push(plural(c.alerts, "new alert")); }
          text.textContent = parts.join(", ") + " since you opened this page.";
          box.hidden = false;
        }
      })
      .catch(function () { /* the server is restarting: try again next time */ })
      .then(function () { window.setTimeout(check, EVERY); });
  }
  window.setTimeout(check, EVERY);
}());
