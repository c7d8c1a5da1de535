/* Comparison (sammenligning/): choose two or three cases and see them in columns that fit a phone.
   Progressive enhancement: without this script the chooser stays hidden and the page is its part of
   the full table, with «Neste side». The choice lives in the address (?valgt=lorenskog,ralingen), so
   it can be shared. Each page of the table holds the chooser and the columns of its own cases; a case
   chosen on another page is taken from that page (the list index, eksempler/indeks.json, says which),
   and the choice goes along to the next page in the address. */
(function () {
  "use strict";

  var MAX = 3;

  function setUp() {
    var form = document.querySelector("form[data-ikb-compare]");
    var view = document.querySelector("[data-ikb-compare-view]");
    if (!form || !view) return;
    var choices = form.querySelector("fieldset");
    var status = form.querySelector("[data-ikb-compare-status]");
    var pagerLinks = Array.prototype.slice.call(document.querySelectorAll("[data-ikb-pager] a[href]"));
    pagerLinks.forEach(function (a) { a.setAttribute("data-ikb-base", a.getAttribute("href")); });
    var order = null;  /* slug -> position in the whole list, once the index is read */

    function boxes() { return Array.prototype.slice.call(form.querySelectorAll("input[name=valgt]")); }

    function position(slug) {
      if (order && slug in order) return order[slug];
      return boxes().map(function (box) { return box.value; }).indexOf(slug);
    }

    function chosen() {
      return boxes().filter(function (box) { return box.checked; }).map(function (box) { return box.value; })
        .sort(function (a, b) { return position(a) - position(b); });
    }

    function query(slugs) { return slugs.length ? "?valgt=" + slugs.join(",") : ""; }

    function show(remember) {
      var slugs = chosen();
      boxes().forEach(function (box) { box.disabled = !box.checked && slugs.length >= MAX; });
      Array.prototype.slice.call(view.querySelectorAll("[data-case]")).forEach(function (cell) {
        cell.hidden = slugs.indexOf(cell.getAttribute("data-case")) === -1;
      });
      view.hidden = slugs.length < 2;
      if (slugs.length === 0) status.textContent = "Ingen eksempler valgt.";
      else if (slugs.length === 1) status.textContent = "Ett eksempel valgt. Velg ett eller to til.";
      else status.textContent = "Viser " + slugs.length + " eksempler side om side" +
        (slugs.length >= MAX ? " (høyst " + MAX + ")." : ".");
      pagerLinks.forEach(function (a) { a.setAttribute("href", a.getAttribute("data-ikb-base") + query(slugs)); });
      if (remember) {
        var address = window.location.pathname + query(slugs) + window.location.hash;
        window.history.replaceState(window.history.state, "", address);
      }
    }

    /* The columns keep the list's order, whichever page each case came from. */
    function sortColumns() {
      Array.prototype.slice.call(view.querySelectorAll("tr")).forEach(function (row) {
        Array.prototype.slice.call(row.querySelectorAll("[data-case]"))
          .sort(function (a, b) { return position(a.getAttribute("data-case")) - position(b.getAttribute("data-case")); })
          .forEach(function (cell) { row.appendChild(cell); });
      });
    }

    /* A chosen case from another page: its box goes first in the chooser, its cells into the columns. */
    function adopt(other, slug) {
      var box = other.getElementById("valgt-" + slug);
      var rows = view.querySelectorAll("tr");
      var theirs = other.querySelectorAll("[data-ikb-compare-view] tr");
      if (!box || rows.length !== theirs.length) return;
      var option = document.importNode(box.parentNode, true);
      option.querySelector("input").checked = true;
      choices.insertBefore(option, choices.querySelector("legend").nextSibling);
      Array.prototype.slice.call(theirs).forEach(function (row, i) {
        var cell = row.querySelector('[data-case="' + slug + '"]');
        if (cell) rows[i].appendChild(document.importNode(cell, true));
      });
    }

    function fetchMissing(slugs, indexUrl) {
      return fetch(indexUrl)
        .then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + indexUrl);
          return response.json();
        })
        .then(function (index) {
          order = {};
          index.cases.forEach(function (item, i) { order[item[0]] = i; });
          var pages = {};
          slugs.forEach(function (slug) {
            if (!(slug in order)) return;
            var url = new URL(index.pages.comparison[Math.floor(order[slug] / index.pageSize)], indexUrl).href;
            (pages[url] = pages[url] || []).push(slug);
          });
          return Promise.all(Object.keys(pages).map(function (url) {
            return fetch(url).then(function (response) { return response.text(); }).then(function (text) {
              var other = new DOMParser().parseFromString(text, "text/html");
              pages[url].forEach(function (slug) { adopt(other, slug); });
            });
          }));
        })
        .then(sortColumns);
    }

    /* ?valgt=a,b as shared; ?valgt=a&valgt=b as a plain form would send it. */
    var asked = [];
    new URLSearchParams(window.location.search).getAll("valgt").forEach(function (value) {
      asked = asked.concat(value.split(","));
    });
    asked = asked.filter(function (slug, i) { return slug && asked.indexOf(slug) === i; }).slice(0, MAX);
    var here = boxes().map(function (box) { return box.value; });
    boxes().forEach(function (box) { box.checked = asked.indexOf(box.value) !== -1; });
    var missing = asked.filter(function (slug) { return here.indexOf(slug) === -1; });
    form.hidden = false;
    form.addEventListener("change", function () { show(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    show(false);
    if (missing.length) {
      fetchMissing(missing, new URL(form.getAttribute("data-ikb-index"), window.location.href))
        .then(function () { show(false); })
        .catch(function () { show(false); });  /* the cases on this page can still be compared */
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
