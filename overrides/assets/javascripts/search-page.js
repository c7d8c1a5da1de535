/* The search page, sok/?q=...: results with filters (type, theme, target group, county) and their
   counts, an address that can be shared, and Back that returns to the previous search. Built on
   search.js (window.ikbSearch), which is loaded before it. */
(function () {
  "use strict";

  var FILTER_GROUPS = ["Type", "Tema", "Målgruppe", "Fylke"];
  var PAGE_STEP = 20;
  var search = window.ikbSearch;
  var pageForm = document.querySelector("[data-ikb-search-page]");
  if (!pageForm || !search) return;
  var element = search.element;
  var pageField = pageForm.querySelector("input[name=q]");
  var output = document.querySelector("[data-ikb-search-output]");
  var pageStatus = output.querySelector("[data-ikb-search-status]");
  var filterBox = output.querySelector("[data-ikb-search-filters]");
  var refine = output.querySelector("[data-ikb-search-refine]");
  var pageList = output.querySelector("[data-ikb-search-results]");
  var pageTurn = search.latestOnly();
  var chosen = {};
  document.querySelector("[data-ikb-search-nojs]").hidden = true;

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    chosen = {};
    FILTER_GROUPS.forEach(function (group) {
      var values = params.getAll(group);
      if (values.length) chosen[group] = values;
    });
    pageField.value = params.get("q") || "";
  }

  function address() {
    var params = new URLSearchParams();
    if (pageField.value.trim()) params.set("q", pageField.value.trim());
    FILTER_GROUPS.forEach(function (group) {
      (chosen[group] || []).forEach(function (value) { params.append(group, value); });
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function pagefindFilters() {
    var filters = {};
    Object.keys(chosen).forEach(function (group) { filters[group] = { any: chosen[group] }; });
    return filters;
  }

  /* A fieldset per filter, each value with the number of results it would leave for this query. */
  function drawFilters(counts) {
    var boxes = [];
    FILTER_GROUPS.forEach(function (group) {
      var values = Object.keys(counts[group] || {}).filter(function (value) {
        return counts[group][value] > 0 || (chosen[group] || []).indexOf(value) >= 0;
      }).sort(function (a, b) { return a.localeCompare(b, "nb"); });
      if (!values.length) return;
      var set = element("fieldset", "ikb-search-filter");
      set.appendChild(element("legend", "", group));
      values.forEach(function (value) {
        var label = element("label", "ikb-search-filter__option");
        var box = element("input");
        box.type = "checkbox";
        box.name = group;
        box.value = value;
        box.checked = (chosen[group] || []).indexOf(value) >= 0;
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + value + " (" + counts[group][value] + ")"));
        set.appendChild(label);
      });
      boxes.push(set);
    });
    filterBox.replaceChildren.apply(filterBox, boxes);
    refine.hidden = !boxes.length;
  }

  function showMore(results, shown) {
    var next = results.slice(shown, shown + PAGE_STEP);
    return search.renderInto(pageList, next).then(function () {
      var old = output.querySelector(".ikb-search__more");
      if (old) old.remove();
      if (shown + next.length < results.length) {
        var more = element("button", "md-button ikb-search__more", "Vis flere treff");
        more.type = "button";
        more.addEventListener("click", function () {
          var first = pageList.children.length;
          showMore(results, shown + next.length).then(function () {
            var link = pageList.children[first] && pageList.children[first].querySelector("a");
            if (link) link.focus();
          });
        });
        pageList.after(more);
      }
    });
  }

  function runPageSearch() {
    var query = pageField.value.trim();
    if (!query) {
      pageStatus.textContent = "";
      pageList.replaceChildren();
      filterBox.replaceChildren();
      refine.hidden = true;
      return Promise.resolve();
    }
    /* Pagefind counts filter values only once their chunk is loaded; the header field never needs it. */
    var counted = search.pagefind().then(function (pf) { return pf.filters(); });
    return counted.then(function () { return search.find(query, pagefindFilters()); }).then(pageTurn(function (found) {
      pageList.replaceChildren();
      var none = output.querySelector(".ikb-search__none");
      if (none) none.remove();
      drawFilters(found.filters);
      return showMore(found.results, 0).then(function () {
        if (!found.results.length) pageList.after(search.noHits(search.caseList));
        pageStatus.textContent = search.countText(found.results.length, query);
      });
    }));
  }

  var typing = search.whenTypingPauses(function () {
    var typed = pageField.value.trim().length;
    if (typed && typed < search.MIN_TYPED) return;  /* Enter searches it; typing on waits for more */
    window.history.replaceState(null, "", address());
    runPageSearch();
  }, 120);
  pageField.addEventListener("input", typing);
  pageForm.addEventListener("submit", function (event) {
    event.preventDefault();
    typing.cancel();
    window.history.pushState(null, "", address());
    runPageSearch();
  });
  filterBox.addEventListener("change", function (event) {
    var box = event.target;
    var values = (chosen[box.name] || []).filter(function (v) { return v !== box.value; });
    if (box.checked) values.push(box.value);
    if (values.length) chosen[box.name] = values; else delete chosen[box.name];
    window.history.replaceState(null, "", address());
    runPageSearch().then(function () {
      var again = filterBox.querySelector("input[name='" + box.name + "'][value='" + CSS.escape(box.value) + "']");
      if (again) again.focus();
    });
  });
  window.addEventListener("popstate", function () { readAddress(); runPageSearch(); });
  readAddress();
  refine.open = Object.keys(chosen).length > 0;  /* a shared address with filters shows them */
  runPageSearch();
})();
