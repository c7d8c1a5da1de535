/* Search with Pagefind's index (site/pagefind/ and its further parts, see generator/search/pagefind_index.py):
   results under the header field as you type (this file; the search page sok/ adds search-page.js).
   Pagefind's script is loaded from this site only when someone searches; it fetches only the index chunks
   a query needs. Nothing typed leaves the browser or is stored. What it knows of the site (kinds of page,
   filters, folding, common words, addresses, the index's parts) the build writes into the page
   (generator/search/definitions.py). */
(function () {
  "use strict";

  var HEADER_LIMIT = 3;  /* a phone shows one or two with their sections; the search page shows them all */
  /* As you type, searching starts at the third character: one or two letters begin a large share of all
     words, and would load index chunks and results nobody asked for. Enter searches whatever is typed. */
  var MIN_TYPED = 3;
  var form = document.querySelector("[data-ikb-search]");
  var block = document.getElementById("ikb-search-definitions");
  if (!form || !block) return;
  var definitions = JSON.parse(block.textContent);
  var kinds = definitions.kinds;
  /* Results are ranked by kind: each kind but the last is searched for on its own, and what none of
     them finds (the last kind: other pages) comes after. */
  var ranked = kinds.options.slice(0, -1);
  /* The site root, relative to this page ("../..") or, on the 404 page, absolute ("/"): the site may
     be served under a sub-path. */
  var root = (form.getAttribute("data-ikb-root") || ".").replace(/\/+$/, "");
  var rootPath = new URL(root + "/", window.location.href).pathname;
  var loading = null;

  /* The index is written in parts (generator/search/index_parts.py), each small enough to build: Pagefind
     is loaded from the first, and every further part is merged into it, once, before the first search,
     so a search, its filters and their counts cover them all. A merged part uses the first one's code. */
  var parts = definitions.parts;
  function pagefind() {
    if (!loading) {
      loading = import(rootPath + parts[0] + "pagefind.js").then(function (pf) {
        /* noWorker: searching a few chunks takes milliseconds on the page itself, and a phone need
           not download the worker's copy of the search code (12 KB) first. */
        return pf.options({ baseUrl: rootPath, excerptLength: 20, noWorker: true }).then(function () {
          return Promise.all(parts.slice(1).map(function (part) {
            return pf.mergeIndex(rootPath + part, { baseUrl: rootPath, excerptLength: 20 });
          }));
        }).then(function () { return pf; });
      });
    }
    return loading;
  }

  /* People type æ, ø and å or leave them out. The index holds every word with these letters also as
     typed without them (generator/search/page_data.py); the query is searched as typed and without them,
     so a page that writes «Raelingen» is found by «Rælingen» too. The query is folded as the site's slugs
     are (generator/text.py): the letters of the folding table, then accents taken off (ö -> o). */
  var folding = definitions.folding;
  var foldable = new RegExp(Object.keys(folding).map(function (c) {
    return c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }).join("|"), "g");
  function fold(text) {
    return text.replace(foldable, function (c) { return folding[c]; }).normalize("NFD").replace(/\p{Mn}/gu, "");
  }

  /* Searching as you type: at once after a pause (wait ms), but while keys come quickly, less than
     TYPING_GAP ms apart, only when typing stops, so a fluent typist loads one search, not one per letter. */
  var TYPING_GAP = 250;
  function whenTypingPauses(run, wait) {
    var timer;
    var last = 0;
    function typed() {
      var now = Date.now();
      clearTimeout(timer);
      timer = setTimeout(run, now - last < TYPING_GAP ? TYPING_GAP : wait);
      last = now;
    }
    typed.cancel = function () { clearTimeout(timer); };
    return typed;
  }

  /* Words on nearly every page (definitions.common, generator/search/definitions.py) are left out of a
     query with other words, typed with or without æ, ø and å: «arbeid og kvalifisering» searches
     «arbeid kvalifisering». Alone they are searched as typed. */
  var common = definitions.common.map(function (word) { return fold(word); });
  function withoutCommonWords(query) {
    var words = query.split(/\s+/).filter(Boolean);
    var telling = words.filter(function (word) { return common.indexOf(fold(word.toLocaleLowerCase("nb"))) < 0; });
    return (telling.length ? telling : words).join(" ");
  }

  function withKind(filters, kind) {
    var copy = {};
    Object.keys(filters).forEach(function (key) { copy[key] = filters[key]; });
    copy[kinds.name] = kind.label;
    return copy;
  }

  /* One ranked list: cases first, then templates, then other pages; by Pagefind's score within each.
     The kind of a result is known from the same query filtered by kind (no page data is loaded). */
  function find(query, filters) {
    return pagefind().then(function (pf) {
      query = withoutCommonWords(query);
      var forms = [query];
      if (fold(query) !== query) forms.push(fold(query));
      var runs = [];
      forms.forEach(function (q) {
        runs.push(pf.search(q, { filters: filters }));
        ranked.forEach(function (kind) {
          runs.push(pf.search(q, { filters: withKind(filters, kind) }));
        });
      });
      return Promise.all(runs).then(function (found) {
        var step = 1 + ranked.length;
        var byId = {};
        var kindOf = {};
        found.forEach(function (search, i) {
          var rank = (i % step) - 1;  /* -1: the search with the reader's filters only */
          (search.results || []).forEach(function (result) {
            if (rank >= 0) kindOf[result.id] = rank;
            else if (!byId[result.id] || byId[result.id].score < result.score) byId[result.id] = result;
          });
        });
        var results = Object.keys(byId).map(function (id) { return byId[id]; });
        results.sort(function (a, b) {
          var ka = a.id in kindOf ? kindOf[a.id] : ranked.length;
          var kb = b.id in kindOf ? kindOf[b.id] : ranked.length;
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
     contact, key figures) that hold the words, each a link to its heading. The title is a heading of
     the level the list stands at (h2 on the search page, right under its h1). */
  function resultItem(data, level) {
    var item = element("li", "ikb-hit");
    var link = element("a", "ikb-hit__link", data.meta.title || data.url);
    link.href = data.url;
    var heading = element(level, "ikb-hit__title");
    heading.appendChild(link);
    item.appendChild(heading);
    var kind = ((data.filters || {})[kinds.name] || [])[0];
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

  /* The items of these results, made before any is shown, so a list changes in one step. */
  function render(results, level) {
    return Promise.all(results.map(function (r) { return r.data(); })).then(function (datas) {
      return datas.map(function (data) { return resultItem(data, level); });
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
  var caseList = rootPath + definitions.pages.cases;
  var searchPage = rootPath + definitions.pages.search;
  var headerTurn = latestOnly();

  function close(returnFocus) {
    panel.hidden = true;
    if (returnFocus) field.focus();
  }

  function showHeaderResults() {
    var query = field.value.trim();
    if (query.length < MIN_TYPED) { close(false); status.textContent = ""; return; }
    find(query, {}).then(headerTurn(function (found) {
      var box = element("div");
      var count = countText(found.results.length, query);
      box.appendChild(element("p", "ikb-search__count", count));
      var list = element("ol", "ikb-search-results");
      box.appendChild(list);
      return render(found.results.slice(0, HEADER_LIMIT), "h3").then(function (items) {
        list.replaceChildren.apply(list, items);
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

  field.setAttribute("aria-controls", panel.id);
  field.addEventListener("input", whenTypingPauses(showHeaderResults, 40));
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

  /* For the search page (search-page.js), which runs after this file. */
  window.ikbSearch = {
    definitions: definitions, pagefind: pagefind, find: find, render: render, countText: countText,
    noHits: noHits, element: element, latestOnly: latestOnly, caseList: caseList, MIN_TYPED: MIN_TYPED,
    whenTypingPauses: whenTypingPauses,
  };
})();
