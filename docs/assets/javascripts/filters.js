/* Instant filters on the case list (eksempler/). Progressive enhancement: without this script the
   form stays hidden and each page of the list shows its cases, with «Neste side» and plain lists of
   links. The list comes in pages, so the script reads the list index the build writes
   (eksempler/indeks.json: every case with its terms, in the list's order) and counts and shows every
   matching case, whichever page it is on. Within a group a case matches any checked term; across
   groups it must match every group. The selection lives in the query string (?tema=…&fylke=…&side=2),
   so a filtered address reloads to the same view. Each option's count follows the selection. */
(function () {
  "use strict";

  function number(n) { return n.toLocaleString("nb-NO"); }

  function setUp() {
    var form = document.querySelector("form[data-ikb-filters]");
    if (!form) return;
    var list = document.querySelector("[data-ikb-list]");
    var pager = document.querySelector("[data-ikb-pager]");
    var matches = document.querySelector("[data-ikb-matches]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var asked = new URLSearchParams(window.location.search);
    var askedFilters = boxes.some(function (box) { return asked.getAll(box.name).indexOf(box.value) !== -1; });
    /* A filtered address shows nothing until the matching cases are known, rather than the wrong ones. */
    if (askedFilters && list) list.hidden = true;
    var indexUrl = new URL(form.getAttribute("data-ikb-index"), window.location.href);
    fetch(indexUrl)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + indexUrl);
        return response.json();
      })
      .then(function (index) { start(form, list, pager, matches, boxes, asked, index, indexUrl); })
      .catch(function () { if (list) list.hidden = false; });  /* the plain list and links stay */
  }

  function start(form, list, pager, matches, boxes, asked, index, indexUrl) {
    var status = form.querySelector("[role=status]");
    var browse = document.querySelector("[data-ikb-browse]");
    var groups = Array.prototype.slice.call(form.querySelectorAll("details[data-ikb-filter-group]"));
    var params = index.groups.map(function (group) { return group.param; });
    var keyNumber = {};
    index.groups.forEach(function (group) {
      keyNumber[group.param] = {};
      group.keys.forEach(function (key, i) { keyNumber[group.param][key] = i; });
    });
    var cases = index.cases;  /* [slug, title, meta, [[term numbers] per group]] in the list's order */
    var total = cases.length;
    var size = index.pageSize;
    var PAGE = index.pageParam;  /* the page of the matching cases, in the address */
    var thisPage = pager ? Number(pager.getAttribute("data-page")) : 1;
    /* Wide screens show every group open, as plain fieldsets (filters.css); phones show one line per
       group, so the status and the cases stay near the top of the page. */
    var wide = window.matchMedia("(min-width: 45em)");

    function selection() {
      var chosen = {};
      boxes.forEach(function (box) {
        if (box.checked && box.name in keyNumber) {
          (chosen[box.name] = chosen[box.name] || []).push(keyNumber[box.name][box.value]);
        }
      });
      return chosen;
    }

    function fits(item, chosen) {
      return Object.keys(chosen).every(function (param) {
        var terms = item[3][params.indexOf(param)];
        return chosen[param].some(function (term) { return terms.indexOf(term) !== -1; });
      });
    }

    function pageAsked(count) {
      var n = parseInt(new URLSearchParams(window.location.search).get(PAGE), 10);
      return n >= 1 && n <= count ? n : 1;
    }

    function address(page) {
      var query = new URLSearchParams();
      boxes.forEach(function (box) { if (box.checked) query.append(box.name, box.value); });
      if (page > 1) query.append(PAGE, String(page));
      var text = query.toString();
      return window.location.pathname + (text ? "?" + text : "");
    }

    function keepInAddress() {
      window.history.replaceState(window.history.state, "", address(1) + window.location.hash);
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

    /* Each option's count is how many cases ticking it would show, given the other groups' choices
       (and this group's, which it would add to), counted over every case, not this page's. */
    function showCounts(chosen) {
      boxes.forEach(function (box) {
        var count = box.parentNode.querySelector("[data-ikb-count]");
        if (!count || !(box.name in keyNumber)) return;
        var would = {};
        Object.keys(chosen).forEach(function (param) { would[param] = chosen[param]; });
        if (!box.checked) would[box.name] = (would[box.name] || []).concat([keyNumber[box.name][box.value]]);
        var n = 0;
        for (var i = 0; i < total; i += 1) if (fits(cases[i], would)) n += 1;
        count.textContent = n === 0 ? "(ingen)" : "(" + number(n) + ")";
        box.parentNode.classList.toggle("ikb-filters__option--empty", n === 0);
      });
    }

    function caseItem(item) {
      var block = document.createElement("div");
      block.className = "ikb-case";
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = new URL(index.caseHref[0] + item[0] + index.caseHref[1], indexUrl).href;
      link.textContent = item[1];
      heading.appendChild(link);
      var meta = document.createElement("p");
      meta.className = "ikb-meta";
      meta.textContent = item[2];
      block.appendChild(heading);
      block.appendChild(meta);
      return block;
    }

    /* «Forrige side», where this page is, «Neste side», as on the list's own pages, for the matches. */
    function matchPager(page, count) {
      var nav = document.createElement("nav");
      nav.className = "ikb-pager";
      nav.setAttribute("aria-label", "Sidene i listen over eksempler som passer");
      function link(text, to, rel) {
        var a = document.createElement("a");
        a.className = "ikb-pager__link";
        a.href = address(to);
        a.rel = rel;
        a.textContent = text;
        nav.appendChild(a);
      }
      if (page > 1) link("Forrige side", page - 1, "prev");
      var where = document.createElement("span");
      where.className = "ikb-pager__where";
      where.textContent = "Side " + page + " av " + count;
      nav.appendChild(where);
      if (page < count) link("Neste side", page + 1, "next");
      return nav;
    }

    function describe(found, filtered, page, count) {
      if (!filtered) {
        if (total <= size) return "Viser alle " + number(total) + " eksemplene.";
        var first = (thisPage - 1) * size;
        return "Viser eksempel " + number(first + 1) + "–" + number(Math.min(first + size, total)) +
          " av " + number(total) + " (side " + thisPage + " av " + Math.ceil(total / size) + ").";
      }
      if (found === 0) return "Ingen eksempler passer til filtrene. Fjern ett eller flere filtre for å se flere.";
      if (count === 1) return "Viser " + number(found) + " av " + number(total) + (total === 1 ? " eksempel." : " eksempler.");
      return number(found) + " av " + number(total) + " eksempler passer. Viser " + number((page - 1) * size + 1) +
        "–" + number(Math.min(page * size, found)) + " (side " + page + " av " + count + ").";
    }

    function apply(fromAddress) {
      var chosen = selection();
      var filtered = Object.keys(chosen).length > 0;
      var found = filtered ? cases.filter(function (item) { return fits(item, chosen); }) : [];
      var count = Math.max(1, Math.ceil(found.length / size));
      var page = fromAddress ? pageAsked(count) : 1;
      if (list) list.hidden = filtered;
      if (pager) pager.hidden = filtered;
      matches.hidden = !filtered;
      matches.textContent = "";
      if (filtered) {
        found.slice((page - 1) * size, page * size).forEach(function (item) { matches.appendChild(caseItem(item)); });
        if (count > 1) matches.appendChild(matchPager(page, count));
      }
      status.textContent = describe(found.length, filtered, page, count);
      showChosen();
      showCounts(chosen);
      if (!fromAddress) keepInAddress();
    }

    boxes.forEach(function (box) {
      box.checked = asked.getAll(box.name).indexOf(box.value) !== -1;
    });
    layOut();
    if (wide.addEventListener) wide.addEventListener("change", layOut);
    form.hidden = false;
    if (browse) browse.hidden = true;
    form.addEventListener("change", function () { apply(false); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(false); }, 0);  // the boxes are cleared after this event
    });
    apply(true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
