/* Comparison (sammenligning/): choose two or three cases and see them in columns that fit a phone.
   Progressive enhancement: without this script the chooser stays hidden and the page is the full
   table. The choice lives in the address (?valgt=lorenskog,ralingen), so it can be shared. */
(function () {
  "use strict";

  var MAX = 3;

  function setUp() {
    var form = document.querySelector("form[data-ikb-compare]");
    var view = document.querySelector("[data-ikb-compare-view]");
    if (!form || !view) return;
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=valgt]"));
    var status = form.querySelector("[data-ikb-compare-status]");
    var cells = Array.prototype.slice.call(view.querySelectorAll("[data-case]"));

    function chosen() {
      return boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    }

    function show(remember) {
      var slugs = chosen();
      boxes.forEach(function (box) { box.disabled = !box.checked && slugs.length >= MAX; });
      cells.forEach(function (cell) { cell.hidden = slugs.indexOf(cell.getAttribute("data-case")) === -1; });
      view.hidden = slugs.length < 2;
      if (slugs.length === 0) status.textContent = "Ingen eksempler valgt.";
      else if (slugs.length === 1) status.textContent = "Ett eksempel valgt. Velg ett eller to til.";
      else status.textContent = "Viser " + slugs.length + " eksempler side om side" +
        (slugs.length >= MAX ? " (høyst " + MAX + ")." : ".");
      if (remember) {
        var address = window.location.pathname + (slugs.length ? "?valgt=" + slugs.join(",") : "") + window.location.hash;
        window.history.replaceState(window.history.state, "", address);
      }
    }

    /* ?valgt=a,b as shared; ?valgt=a&valgt=b as a plain form would send it. */
    var asked = [];
    new URLSearchParams(window.location.search).getAll("valgt").forEach(function (value) {
      asked = asked.concat(value.split(","));
    });
    boxes.forEach(function (box) { box.checked = asked.indexOf(box.value) !== -1 && asked.indexOf(box.value) < MAX; });
    form.hidden = false;
    form.addEventListener("change", function () { show(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    show(false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
