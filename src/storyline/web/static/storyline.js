// storyline dashboard: shows the coded record behind a highlight on the document page.
// Text goes into the page with textContent only, never as HTML, so article text stays inert.
(function () {
  "use strict";
  var data = document.getElementById("records-data");
  var panel = document.getElementById("record-panel");
  if (!data || !panel) { return; }
  var records = JSON.parse(data.textContent);
  var body = document.getElementById("record-body");
  var pinned = null;
  var FIELDS = ["kind", "type", "mode", "status", "text", "issue", "marker", "detail", "cue", "direct", "venue",
    "attributed_to", "date", "date_text", "intensity", "confidence", "reported_by", "rule", "id"];

  function party(p) {
    if (!p) { return "–"; }
    var bits = [p.country, p.sector].filter(Boolean).join(", ");
    return (p.name || "?") + (bits ? " (" + bits + ")" : "");
  }

  function row(dl, name, value) {
    if (value === null || value === undefined || value === "") { return; }
    var dt = document.createElement("dt");
    dt.textContent = name;
    var dd = document.createElement("dd");
    dd.textContent = typeof value === "object" ? JSON.stringify(value) : String(value);
    dl.appendChild(dt);
    dl.appendChild(dd);
  }

  function show(ids) {
    body.replaceChildren();
    ids.forEach(function (id) {
      var rec = records[id];
      if (!rec) { return; }
      var box = document.createElement("div");
      box.className = "card record";
      box.setAttribute("data-record", id);
      var title = document.createElement("strong");
      title.textContent = rec.kind.replace("_", " ") + (rec.type ? ": " + rec.type : "");
      box.appendChild(title);
      var dl = document.createElement("dl");
      if ("actor" in rec) { row(dl, "actor", party(rec.actor)); row(dl, "recipient", party(rec.recipient)); }
      if ("speaker" in rec) { row(dl, "speaker", party(rec.speaker)); }
      if (rec.trigger) { row(dl, "trigger", rec.trigger.text); }
      if (rec.location) { row(dl, "location", rec.location.name); }
      if (rec.quantities && rec.quantities.length) {
        row(dl, "quantities", rec.quantities.map(function (q) {
          return [q.qualifier, q.value, q.unit].filter(function (x) { return x !== null; }).join(" ");
        }).join("; "));
      }
      FIELDS.forEach(function (f) { if (f !== "kind" && f !== "type") { row(dl, f, rec[f]); } });
      box.appendChild(dl);
      if (rec.explanation) {
        var pre = document.createElement("pre");
        pre.textContent = rec.explanation;
        box.appendChild(pre);
      }
      body.appendChild(box);
    });
  }

  function idsOf(el) { return (el.getAttribute("data-ids") || "").split(" ").filter(Boolean); }

  function mark(el) {
    document.querySelectorAll(".hl.active").forEach(function (x) { x.classList.remove("active"); });
    if (el) { el.classList.add("active"); }
  }

  var text = document.getElementById("doctext");
  text.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest(".hl");
    if (el && !pinned) { show(idsOf(el)); }
  });
  text.addEventListener("click", function (ev) {
    var el = ev.target.closest(".hl");
    if (!el) { return; }
    pinned = pinned === el ? null : el;
    mark(pinned);
    show(idsOf(el));
  });
  text.addEventListener("keydown", function (ev) {
    var el = ev.target.closest(".hl");
    if (el && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); el.click(); }
  });
  document.querySelectorAll("[data-show-record]").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      var id = a.getAttribute("data-show-record");
      var el = document.querySelector('.hl[data-ids~="' + id + '"]');
      pinned = el;
      mark(el);
      if (el) { el.scrollIntoView({ block: "center" }); }
      show([id]);
    });
  });
})();
