/* Instant filters on the case list (eksempler/). Progressive enhancement: without this script the
   form stays hidden and the page shows every case plus plain lists of links. Within a group a case
   matches any checked term; across groups it must match every group. The selection lives in the
   query string (?tema=…&fylke=…), so a filtered address reloads to the same view. Each option's count
   follows the selection. */
(function () {
  "use strict";

  function setUp() {
    var form = document.querySelector("form[data-ikb-filters]");
    if (!form) return;
    var cases = Array.prototype.slice.call(document.querySelectorAll(".ikb-case"));
    var status = form.querySelector("[role=status]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var browse = document.querySelector("[data-ikb-browse]");
    var groups = Array.prototype.slice.call(form.querySelectorAll("details[data-ikb-filter-group]"));
    var sizeCases = Array.prototype.slice.call(document.querySelectorAll(".ikb-size-case[data-slug]"));
    var sizeBands = Array.prototype.slice.call(document.querySelectorAll("[data-ikb-size]"));
    var sizeNote = document.querySelector("[data-ikb-size-note]");
    var sizeList = document.querySelector("[data-ikb-sizes]");
    /* Wide screens show every group open, as plain fieldsets (filters.css); phones show one line per
       group, so the status and the cases stay near the top of the page. */
    var wide = window.matchMedia("(min-width: 45em)");

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

    function layOut() {
      groups.forEach(function (group) { group.open = wide.matches; });
    }

    /* The summary of each group says how many of its boxes are ticked: «Tema (2 valgt)». */
    function showChosen() {
      groups.forEach(function (group) {
        var count = group.querySelectorAll("input:checked").length;
        group.querySelector("[data-ikb-chosen]").textContent = count ? " (" + count + " valgt)" : "";
      });
    }

    /* The list by municipality size further down shows the same selection as the list above. */
    function filterSizes(visibleSlugs, filtered, shown) {
      sizeCases.forEach(function (item) { item.hidden = !visibleSlugs[item.getAttribute("data-slug")]; });
      sizeBands.forEach(function (band) { band.hidden = !band.querySelector(".ikb-size-case:not([hidden])"); });
      if (!sizeNote) return;
      sizeNote.hidden = !filtered;
      sizeNote.textContent = shown === 0
        ? "Ingen eksempler passer til filtrene over."
        : "Her står bare eksemplene som passer til filtrene over.";
      if (sizeList) sizeList.hidden = filtered && shown === 0;
    }

    /* Each option's count is how many cases ticking it would show, given the other groups' choices
       (and this group's, which it would add to); an option that would show none says so. */
    function showCounts(chosen) {
      boxes.forEach(function (box) {
        var count = box.parentNode.querySelector("[data-ikb-count]");
        if (!count) return;
        var would = {};
        Object.keys(chosen).forEach(function (group) { would[group] = chosen[group].slice(); });
        if (!box.checked) would[box.name] = (would[box.name] || []).concat([box.value]);
        var n = cases.filter(function (item) { return matches(item, would); }).length;
        count.textContent = n === 0 ? "(ingen)" : "(" + n + ")";
        box.parentNode.classList.toggle("ikb-filters__option--empty", n === 0);
      });
    }

    function apply(remember) {
      var chosen = selection();
      var filtered = Object.keys(chosen).length > 0;
      var shown = 0;
      var visibleSlugs = {};
      cases.forEach(function (item) {
        var visible = matches(item, chosen);
        item.hidden = !visible;
        if (visible) {
          shown += 1;
          visibleSlugs[item.getAttribute("data-slug")] = true;
        }
      });
      status.textContent = describe(shown, filtered);
      showChosen();
      showCounts(chosen);
      filterSizes(visibleSlugs, filtered, shown);
      if (remember) keepInAddress();
    }

    var asked = new URLSearchParams(window.location.search);
    boxes.forEach(function (box) {
      box.checked = asked.getAll(box.name).indexOf(box.value) !== -1;
    });
    layOut();
    if (wide.addEventListener) wide.addEventListener("change", layOut);
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
