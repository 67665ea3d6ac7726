// Progressive enhancement for every form (core/templates/forms/field.html): a character counter
// before the limit, announced politely at a few thresholds. Without JavaScript the server refuses
// over-limit text with a message naming the limit.
(function () {
  "use strict";
  var THRESHOLDS = [100, 50, 20, 10, 0];

  function counters(root) {
    root.querySelectorAll("[data-counter-for]").forEach(function (counter) {
      var field = document.getElementById(counter.getAttribute("data-counter-for"));
      if (!field || counter.dataset.ready) { return; }
      counter.dataset.ready = "1";
      var limit = parseInt(field.getAttribute("data-maxlength"), 10);
      var live = document.createElement("span");
      live.className = "wv-visually-hidden";
      live.setAttribute("aria-live", "polite");
      var shown = document.createElement("span");
      shown.setAttribute("aria-hidden", "true");
      counter.textContent = "";
      counter.appendChild(shown);
      counter.appendChild(live);
      var lastBand = null;
      function update() {
        var left = limit - field.value.length;
        var text = left >= 0
          ? counter.getAttribute("data-left").replace("__N__", left)
          : counter.getAttribute("data-over").replace("__N__", -left);
        shown.textContent = text;
        counter.classList.toggle("wv-counter--over", left < 0);
        var band = left < 0 ? -1 : THRESHOLDS.filter(function (t) { return left <= t; }).pop();
        if (band !== undefined && band !== lastBand) { live.textContent = text; }
        lastBand = band === undefined ? null : band;
      }
      counter.hidden = false;
      var described = field.getAttribute("aria-describedby");
      field.setAttribute("aria-describedby", ((described ? described + " " : "") + counter.id).trim());
      field.addEventListener("input", update);
      update();
    });
  }

  function enhance(root) { counters(root); }
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSettle", function (event) { enhance(event.target); });
})();
