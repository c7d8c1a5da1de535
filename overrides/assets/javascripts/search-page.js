/* The search page, sok/?q=...: results with filters (the kind of page, then the case list's groups) and
   their counts, an address that can be shared, and Back that returns to the previous search. Built on
   search.js (window.ikbSearch), which is loaded before it.

   The filters come from the page (generator/search/definitions.py) and are named in the address as
   the case list names them: tema=<key>, malgruppe=<key>, fylke=<key>, and type=<key> for the kind.

   Nothing on the page moves as results arrive: the output region is at least a screen high (search.css),
   so the footer below it is out of sight, and everything above the results is in place before the
   first answer; a new answer replaces the list, its filters and its count in one step. */
(function () {
  "use strict";

  var PAGE_STEP = 20;
  var HIT_LEVEL = "h2";  /* the hits are the sections of this page, under its h1 */
  var search = window.ikbSearch;
  var pageForm = document.querySelector("[data-ikb-search-page]");
  if (!pageForm || !search) return;
  var definitions = search.definitions;
  var groups = [definitions.kinds].concat(definitions.filters || []);
  var element = search.element;
  var pageField = pageForm.querySelector("input[name=q]");
  var output = document.querySelector("[data-ikb-search-output]");
  var pageStatus = output.querySelector("[data-ikb-search-status]");
  var filterBox = output.querySelector("[data-ikb-search-filters]");
  var refine = output.querySelector("[data-ikb-search-refine]");
  var pageList = output.querySelector("[data-ikb-search-results]");
  var pageTurn = search.latestOnly();
  var chosen = {};
  var filterChunks = null;
  document.querySelector("[data-ikb-search-nojs]").hidden = true;
  /* «Avgrens treffene: type, tema, målgruppe og fylke», from the groups there are. */
  output.querySelector("[data-ikb-search-groups]").textContent = ": " + new Intl.ListFormat("nb", { type: "conjunction" })
    .format(groups.map(function (group) { return group.name.toLocaleLowerCase("nb"); }));

  function keys(group) {
    return group.options.map(function (option) { return option.key; });
  }

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    chosen = {};
    groups.forEach(function (group) {
      var known = keys(group);
      var values = params.getAll(group.param).filter(function (value) { return known.indexOf(value) >= 0; });
      if (values.length) chosen[group.param] = values;
    });
    pageField.value = params.get("q") || "";
  }

  function address() {
    var params = new URLSearchParams();
    if (pageField.value.trim()) params.set("q", pageField.value.trim());
    groups.forEach(function (group) {
      (chosen[group.param] || []).forEach(function (value) { params.append(group.param, value); });
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  /* The index names a filter and its terms as a reader reads them («Tema»: «Fadder- og mentorordning»). */
  function pagefindFilters() {
    var filters = {};
    groups.forEach(function (group) {
      var picked = chosen[group.param];
      if (!picked) return;
      filters[group.name] = {
        any: group.options.filter(function (o) { return picked.indexOf(o.key) >= 0; }).map(function (o) { return o.label; }),
      };
    });
    return filters;
  }

  /* A fieldset per group, each term with the number of results it would leave for this query. */
  function filterSets(counts) {
    var sets = [];
    groups.forEach(function (group) {
      var picked = chosen[group.param] || [];
      var counted = counts[group.name] || {};
      var options = group.options.filter(function (option) {
        return counted[option.label] > 0 || picked.indexOf(option.key) >= 0;
      });
      if (!options.length) return;
      var set = element("fieldset", "ikb-search-filter");
      set.appendChild(element("legend", "", group.name));
      options.forEach(function (option) {
        var label = element("label", "ikb-search-filter__option");
        var box = element("input");
        box.type = "checkbox";
        box.name = group.param;
        box.value = option.key;
        box.checked = picked.indexOf(option.key) >= 0;
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + option.label + " (" + (counted[option.label] || 0) + ")"));
        set.appendChild(label);
      });
      sets.push(set);
    });
    return sets;
  }

  /* «Vis flere treff» after the list while there are more; it adds the next ones below. */
  function offerMore(results, shown) {
    var old = output.querySelector(".ikb-search__more");
    if (old) old.remove();
    if (shown >= results.length) return;
    var more = element("button", "md-button ikb-search__more", "Vis flere treff");
    more.type = "button";
    more.addEventListener("click", function () {
      var first = pageList.children.length;
      search.render(results.slice(shown, shown + PAGE_STEP), HIT_LEVEL).then(function (items) {
        items.forEach(function (item) { pageList.appendChild(item); });
        offerMore(results, shown + items.length);
        var link = pageList.children[first] && pageList.children[first].querySelector("a");
        if (link) link.focus();
      });
    });
    pageList.after(more);
  }

  function clear() {
    pageStatus.textContent = "";
    pageList.replaceChildren();
    filterBox.replaceChildren();
    refine.hidden = true;
    offerMore([], 0);
    var none = output.querySelector(".ikb-search__none");
    if (none) none.remove();
  }

  function runPageSearch() {
    var query = pageField.value.trim();
    if (!query) {
      clear();
      return Promise.resolve();
    }
    var filters = pagefindFilters();
    var counted = filterChunks;
    if (!counted) {
      /* Pagefind counts filter values only once their chunks are loaded (the header field never needs
         them). The page's first search loads the query's chunks meanwhile, and is asked again to count. */
      filterChunks = search.pagefind().then(function (pf) { return pf.filters(); });
      counted = Promise.all([filterChunks, search.find(query, filters)]);
    }
    var draw = pageTurn(function (ready) {
      var found = ready.found;
      var sets = filterSets(found.filters);
      filterBox.replaceChildren.apply(filterBox, sets);
      refine.hidden = !sets.length;
      pageList.replaceChildren.apply(pageList, ready.items);
      var none = output.querySelector(".ikb-search__none");
      if (none) none.remove();
      offerMore(found.results, ready.items.length);
      if (!found.results.length) pageList.after(search.noHits(search.caseList));
      pageStatus.textContent = search.countText(found.results.length, query);
    });
    return counted.then(function () { return search.find(query, filters); }).then(function (found) {
      return search.render(found.results.slice(0, PAGE_STEP), HIT_LEVEL).then(function (items) {
        return { found: found, items: items };
      });
    }).then(draw);
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
      var again = filterBox.querySelector("input[name='" + CSS.escape(box.name) + "'][value='" + CSS.escape(box.value) + "']");
      if (again) again.focus();
    });
  });
  window.addEventListener("popstate", function () { readAddress(); runPageSearch(); });
  readAddress();
  /* With a query in the address, the filters' summary is in place before the results come. */
  refine.hidden = !pageField.value.trim();
  refine.open = Object.keys(chosen).length > 0;  /* a shared address with filters shows them */
  runPageSearch();
})();
