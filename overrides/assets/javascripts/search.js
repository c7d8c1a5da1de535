/* Search with Pagefind's index (site/pagefind/, see generator/pagefind_index.py): results under the
   header field as you type, and the search page sok/?q=... with filters. Pagefind's script is loaded
   from this site only when someone searches; it fetches only the index chunks a query needs. Nothing
   typed leaves the browser or is stored. */
(function () {
  "use strict";

  var KIND_ORDER = { "Eksempel": 0, "Mal": 1 };
  var FILTER_GROUPS = ["Type", "Tema", "Målgruppe", "Fylke"];
  var HEADER_LIMIT = 5;
  var PAGE_STEP = 20;
  var form = document.querySelector("[data-ikb-search]");
  if (!form) return;
  /* The site root, relative to this page ("../..") or, on the 404 page, absolute ("/"): the site may
     be served under a sub-path. */
  var root = (form.getAttribute("data-ikb-root") || ".").replace(/\/+$/, "");
  var rootPath = new URL(root + "/", window.location.href).pathname;
  var loading = null;

  function pagefind() {
    if (!loading) {
      loading = import(rootPath + "pagefind/pagefind.js").then(function (pf) {
        /* noWorker: searching a few chunks takes milliseconds on the page itself, and a phone need
           not download the worker's copy of the search code (12 KB) first. */
        return pf.options({ baseUrl: rootPath, excerptLength: 20, noWorker: true }).then(function () { return pf; });
      });
    }
    return loading;
  }

  /* People type æ, ø and å or leave them out. The index holds every word with these letters also as
     typed without them (generator/search_meta.py); the query is searched as typed and without them,
     so a page that writes «Raelingen» is found by «Rælingen» too. */
  function fold(text) {
    return text.replace(/[æÆ]/g, function (c) { return c === "æ" ? "ae" : "Ae"; })
      .replace(/[øöØÖ]/g, function (c) { return c === c.toLowerCase() ? "o" : "O"; })
      .replace(/[åÅ]/g, function (c) { return c === "å" ? "a" : "A"; });
  }

  function withKind(filters, kind) {
    var copy = {};
    Object.keys(filters).forEach(function (key) { copy[key] = filters[key]; });
    copy.Type = kind;
    return copy;
  }

  /* One ranked list: cases first, then templates, then other pages; by Pagefind's score within each.
     The kind of a result is known from the same query filtered by kind (no page data is loaded). */
  function find(query, filters) {
    return pagefind().then(function (pf) {
      var forms = [query];
      if (fold(query) !== query) forms.push(fold(query));
      var runs = [];
      forms.forEach(function (q) {
        runs.push(pf.search(q, { filters: filters }));
        Object.keys(KIND_ORDER).forEach(function (kind) {
          runs.push(pf.search(q, { filters: withKind(filters, kind) }));
        });
      });
      return Promise.all(runs).then(function (found) {
        var step = 1 + Object.keys(KIND_ORDER).length;
        var byId = {};
        var kindOf = {};
        found.forEach(function (search, i) {
          var kind = Object.keys(KIND_ORDER)[(i % step) - 1];
          (search.results || []).forEach(function (result) {
            if (kind) kindOf[result.id] = KIND_ORDER[kind];
            else if (!byId[result.id] || byId[result.id].score < result.score) byId[result.id] = result;
          });
        });
        var results = Object.keys(byId).map(function (id) { return byId[id]; });
        results.sort(function (a, b) {
          var ka = a.id in kindOf ? kindOf[a.id] : 9;
          var kb = b.id in kindOf ? kindOf[b.id] : 9;
          return ka - kb || b.score - a.score || (a.id < b.id ? -1 : 1);
        });
        return { results: results, filters: found[0].filters || {} };
      });
    });
  }

  /* Pagefind's excerpts are text with <mark> around the words found. They are read by an inert
     parser and rebuilt as text and <mark> only, so nothing in a page's text can become markup here. */
  function marked(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body;
    var out = document.createDocumentFragment();
    parsed.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* The page's description, or else the words found in it; then up to three sections (practice,
     contact, key figures) that hold the words, each a link to its heading. */
  function resultItem(data) {
    var item = element("li", "ikb-hit");
    var link = element("a", "ikb-hit__link", data.meta.title || data.url);
    link.href = data.url;
    var heading = element("h3", "ikb-hit__title");
    heading.appendChild(link);
    item.appendChild(heading);
    var kind = (data.filters && data.filters.Type || [])[0];
    if (kind) item.appendChild(element("p", "ikb-hit__kind", kind));
    var text = element("p", "ikb-hit__text");
    if (data.meta.description) text.textContent = data.meta.description;
    item.appendChild(text);
    var sections = (data.sub_results || []).filter(function (sub) {
      return sub.url.indexOf("#") > 0 && sub.title !== data.meta.title;
    }).slice(0, 3);
    if (!data.meta.description && sections.length) text.appendChild(marked(sections[0].excerpt));
    if (sections.length) {
      var list = element("ul", "ikb-hit__sections");
      sections.forEach(function (sub) {
        var row = element("li");
        var subLink = element("a", "ikb-hit__section", sub.title);
        subLink.href = sub.url;
        row.appendChild(subLink);
        var excerpt = element("p", "ikb-hit__excerpt");
        excerpt.appendChild(marked(sub.excerpt));
        row.appendChild(excerpt);
        list.appendChild(row);
      });
      item.appendChild(list);
    }
    return item;
  }

  function countText(count, query) {
    return (count === 0 ? "Ingen" : count) + " treff for «" + query + "»";
  }

  function noHits(caseList) {
    var p = element("p", "ikb-search__none", "Søket fant ingenting. Prøv et annet ord, eller se ");
    var link = element("a", "", "alle eksemplene");
    link.href = caseList;
    p.appendChild(link);
    p.appendChild(document.createTextNode("."));
    return p;
  }

  function renderInto(list, results) {
    return Promise.all(results.map(function (r) { return r.data(); })).then(function (datas) {
      datas.forEach(function (data) { list.appendChild(resultItem(data)); });
    });
  }

  /* Only the newest query may draw: an answer that arrives after a later keystroke is dropped. */
  function latestOnly() {
    var turn = 0;
    return function (work) {
      var mine = ++turn;
      return function (value) { if (mine === turn) return work(value); };
    };
  }

  /* --- the header field ------------------------------------------------------------------------- */
  var field = form.querySelector("input[name=q]");
  var panel = form.querySelector("[data-ikb-search-panel]");
  var status = form.querySelector("[data-ikb-search-status]");
  var caseList = rootPath + "eksempler/";
  var searchPage = rootPath + "sok/";
  var headerTurn = latestOnly();

  function close(returnFocus) {
    panel.hidden = true;
    if (returnFocus) field.focus();
  }

  function showHeaderResults() {
    var query = field.value.trim();
    if (!query) { close(false); status.textContent = ""; return; }
    find(query, {}).then(headerTurn(function (found) {
      var box = element("div");
      var count = countText(found.results.length, query);
      box.appendChild(element("p", "ikb-search__count", count));
      var list = element("ol", "ikb-search-results");
      box.appendChild(list);
      return renderInto(list, found.results.slice(0, HEADER_LIMIT)).then(function () {
        if (!found.results.length) box.appendChild(noHits(caseList));
        else {
          var all = element("a", "ikb-search__all", "Se alle " + found.results.length + " treff på søkesiden");
          all.href = searchPage + "?q=" + encodeURIComponent(query);
          box.appendChild(all);
        }
        panel.replaceChildren(box);
        panel.hidden = false;
        status.textContent = count;
      });
    })).catch(function () { status.textContent = "Søket kunne ikke lastes."; });
  }

  var timer;
  field.setAttribute("aria-controls", panel.id);
  field.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(showHeaderResults, 40);
  });
  field.addEventListener("focus", function () { pagefind(); if (field.value.trim() && panel.childNodes.length) panel.hidden = false; });
  form.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      close(true);
    }
  });
  form.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !form.contains(event.relatedTarget)) close(false);
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) close(false);
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      event.stopImmediatePropagation();
      field.focus();
      field.select();
    }
  }, true);

  /* --- the search page -------------------------------------------------------------------------- */
  var pageForm = document.querySelector("[data-ikb-search-page]");
  if (!pageForm) return;
  var pageField = pageForm.querySelector("input[name=q]");
  var output = document.querySelector("[data-ikb-search-output]");
  var pageStatus = output.querySelector("[data-ikb-search-status]");
  var filterBox = output.querySelector("[data-ikb-search-filters]");
  var refine = output.querySelector("[data-ikb-search-refine]");
  var pageList = output.querySelector("[data-ikb-search-results]");
  var pageTurn = latestOnly();
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
    return renderInto(pageList, next).then(function () {
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
    var counted = pagefind().then(function (pf) { return pf.filters(); });
    return counted.then(function () { return find(query, pagefindFilters()); }).then(pageTurn(function (found) {
      pageList.replaceChildren();
      var none = output.querySelector(".ikb-search__none");
      if (none) none.remove();
      drawFilters(found.filters);
      return showMore(found.results, 0).then(function () {
        if (!found.results.length) pageList.after(noHits(caseList));
        pageStatus.textContent = countText(found.results.length, query);
      });
    }));
  }

  var pageTimer;
  pageField.addEventListener("input", function () {
    clearTimeout(pageTimer);
    pageTimer = setTimeout(function () {
      window.history.replaceState(null, "", address());
      runPageSearch();
    }, 120);
  });
  pageForm.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(pageTimer);
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
