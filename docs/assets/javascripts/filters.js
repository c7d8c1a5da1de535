/* Instant filters on the case list (eksempler/). Progressive enhancement: without this script the
   form stays hidden and the page shows every case plus plain lists of links. Within a group a case
   matches any checked term; across groups it must match every group. The selection lives in the
   query string (?tema=…&fylke=…), so a filtered address reloads to the same view. */
(function () {
  "use strict";

  function setUp() {
    var form = document.querySelector("form[data-ikb-filters]");
    if (!form) return;
    var cases = Array.prototype.slice.call(document.querySelectorAll(".ikb-case"));
    var status = form.querySelector("[role=status]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var browse = document.querySelector("[data-ikb-browse]");

    function selection() {
      var chosen = {};
      boxes.forEach(function (box) {
        if (box.checked) (chosen[box.name] = chosen[box.name] || []).push(box.value);
      });
      return chosen;
    }

    function matches(item, chosen) {
      return Object.keys(chosen).every(function (group) {
        var terms = (item.getAttribute("data-" + group) || "").split(" ");
        return chosen[group].some(function (term) { return terms.indexOf(term) !== -1; });
      });
    }

    function describe(shown, filtered) {
      var total = cases.length;
      if (!filtered) return "Viser alle " + total + " eksemplene.";
      if (shown === 0) return "Ingen eksempler passer til filtrene. Fjern ett eller flere filtre for å se flere.";
      return "Viser " + shown + " av " + total + (total === 1 ? " eksempel." : " eksempler.");
    }

    function keepInAddress() {
      var query = new URLSearchParams();
      boxes.forEach(function (box) { if (box.checked) query.append(box.name, box.value); });
      var text = query.toString();
      var address = window.location.pathname + (text ? "?" + text : "") + window.location.hash;
      window.history.replaceState(window.history.state, "", address);
    }

    function apply(remember) {
      var chosen = selection();
      var shown = 0;
      cases.forEach(function (item) {
        var visible = matches(item, chosen);
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = describe(shown, Object.keys(chosen).length > 0);
      if (remember) keepInAddress();
    }

    var asked = new URLSearchParams(window.location.search);
    boxes.forEach(function (box) {
      box.checked = asked.getAll(box.name).indexOf(box.value) !== -1;
    });
    form.hidden = false;
    if (browse) browse.hidden = true;
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(true); }, 0);  // the boxes are cleared after this event
    });
    apply(false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
