/*
 * The contribution form's record: how fields ([data-key]) and repeated items ([data-item]) nest in the
 * page, reading them into a record and a record into them, and the slug rule from its folding table.
 * Used by contribution-form.js; everything it knows of the record comes from the page.
 */
window.ikbFormRecord = function (form, S, correcting) {
  "use strict";
  var counter = 0;
  var cases = [];  // {slug, title, file} of every case, once the page has loaded the list

  // ---- the slug rule (generator/text.py), from its folding table ----
  function slugify(value) {
    var text = "";
    for (var ch of value) text += Object.prototype.hasOwnProperty.call(S.slug.folding, ch) ? S.slug.folding[ch] : ch;
    text = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    return text.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function slugSuggestion(value) {
    return slugify(value).slice(0, S.slug.max).replace(/^-+|-+$/g, "") || S.slug.fallback;
  }

  function lookAlike(value) {
    return value.normalize("NFKC").replace(/\p{Cf}/gu, "").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }

  // ---- the structure: fields ([data-key]) and items ([data-item]) ----
  function owner(node) {
    return node.parentElement.closest("[data-key], [data-item], [data-ikb-form]");
  }

  function childFields(container) {
    return Array.prototype.filter.call(container.querySelectorAll("[data-key]"), function (node) {
      return owner(node) === container;
    });
  }

  function itemsOf(list) {
    return Array.prototype.slice.call(list.querySelector(":scope > [data-items]").children);
  }

  function controlOf(field) {
    return field.querySelector("input, select, textarea");
  }

  function isSingle(list) {
    return list.dataset.default === "single";
  }

  // ---- adding and removing repeated groups ----
  function addItem(list) {
    var fragment = list.querySelector(":scope > template").content.cloneNode(true);
    var number = ++counter;
    fragment.querySelectorAll("*").forEach(function (node) {
      ["id", "for", "aria-describedby", "aria-labelledby"].forEach(function (name) {
        var value = node.getAttribute(name);
        if (value && value.indexOf("__N__") >= 0) node.setAttribute(name, value.split("__N__").join(String(number)));
      });
    });
    var item = fragment.firstElementChild;
    list.querySelector(":scope > [data-items]").appendChild(fragment);
    describe(item);
    setDefaults(item);
    renumber(list);
    return item;
  }

  // Each hint becomes the description of its control, or of its group's fieldset.
  function describe(root) {
    root.querySelectorAll(".ikb-form__hint").forEach(function (hint) {
      var field = hint.parentElement;
      var target = field.matches("fieldset") ? field : field.querySelector("input, select, textarea");
      hint.id = target.id + "-hint";
      target.setAttribute("aria-describedby", hint.id);
    });
  }

  function setDefaults(container) {
    container.querySelectorAll("[data-key]").forEach(function (field) {
      var kind = field.dataset.kind;
      if (kind === "choice" && field.dataset.default && !controlOf(field).value) controlOf(field).value = field.dataset.default;
      if (kind === "list" && owner(field) === container) {
        while (itemsOf(field).length < Number(field.dataset.minItems || 0)) addItem(field);
      }
    });
    childFields(container).forEach(function (field) {
      if (field.dataset.kind === "object") setDefaults(field);
    });
  }

  function renumber(list) {
    var label = list.dataset.itemLabel;
    var items = itemsOf(list);
    var single = isSingle(list);
    items.forEach(function (item, index) {
      var name = single ? label : label + " " + (index + 1);
      var legend = item.querySelector(":scope > [data-item-legend]");
      if (legend) legend.textContent = name;
      else {
        var text = item.querySelector("label").firstChild;
        text.textContent = name + " ";
      }
      item.querySelector(":scope > [data-remove]").textContent = "Fjern " + name.charAt(0).toLowerCase() + name.slice(1);
    });
    var max = Number(list.dataset.maxItems || 0);
    list.querySelector(":scope > [data-add]").hidden = Boolean(max) && items.length >= max;
  }

  function firstControl(container) {
    return container.querySelector("input, select, textarea");
  }

  function nameOf(item) {
    var legend = item.querySelector(":scope > [data-item-legend]");
    return (legend ? legend.textContent : item.querySelector("label").firstChild.textContent).trim();
  }

  // ---- the sources a record can cite, offered by title ----
  function citedList() {
    return fieldsByKey(form)[S.cited.list];
  }

  function knownSources() {
    var list = citedList();
    if (!list) return [];
    return itemsOf(list).map(collectObject).filter(function (source) { return source[S.cited.id]; });
  }

  function setCases(list) {
    cases = list;
    refreshCites();
  }

  // What each kind of citation can choose from: [value, text shown].
  function choicesFor(what) {
    if (what === S.cited.list) {
      return knownSources().map(function (source) {
        var id = source[S.cited.id], title = source[S.cited.title];
        return [id, title ? title + " (" + id + ")" : id];
      });
    }
    return cases.filter(function (c) { return c.slug !== correcting; }).map(function (c) { return [c.slug, c.title]; });
  }

  function refreshCites() {
    var choices = {};
    form.querySelectorAll('[data-kind="cite"] select').forEach(function (select) {
      var what = select.closest('[data-kind="cite"]').dataset.cites;
      choices[what] = choices[what] || choicesFor(what);
      var wanted = select.value || select.dataset.wanted || "";
      while (select.options.length > 1) select.remove(1);
      var found = false;
      choices[what].forEach(function (choice) {
        select.add(new Option(choice[1], choice[0]));
        if (choice[0] === wanted) found = true;
      });
      if (wanted && !found) select.add(new Option(wanted, wanted));
      select.value = wanted;
      select.dataset.wanted = wanted;
    });
  }

  // ---- reading the form into a record, and a record into the form ----
  function toNumber(text, whole) {
    var compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
    return (whole ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(compact) ? Number(compact) : text;
  }

  function valueOf(field) {
    var kind = field.dataset.kind;
    if (kind === "object") return collectObject(field);
    if (kind === "list") {
      var items = itemsOf(field).map(function (item) {
        return item.matches("fieldset") ? collectObject(item) : valueOf(childFields(item)[0]);
      }).filter(function (value) { return value !== undefined; });
      if (isSingle(field)) return items[0];
      return items;
    }
    if (kind === "choices") {
      // In the order they were chosen (or stood in the record): the first theme is the one a page shows first.
      var checked = Array.prototype.filter.call(field.querySelectorAll("input"), function (box) { return box.checked; })
        .map(function (box) { return box.value; });
      var order = JSON.parse(field.dataset.order || "[]").filter(function (value) { return checked.indexOf(value) >= 0; });
      return order.concat(checked.filter(function (value) { return order.indexOf(value) < 0; }));
    }
    var input = controlOf(field);
    if (kind === "bool") return input.checked;
    var text = input.value.trim();
    if (text === "") return field.hasAttribute("data-nullable") ? null : undefined;
    if (kind === "integer" || kind === "number") return toNumber(text, kind === "integer");
    return text;
  }

  function collectObject(container) {
    var record = {};
    childFields(container).forEach(function (field) {
      var value = valueOf(field);
      if (value !== undefined) record[field.dataset.key] = value;
    });
    return record;
  }

  function setValue(field, value) {
    var kind = field.dataset.kind;
    if (kind === "object") return fillObject(field, value || {});
    if (kind === "list") {
      itemsOf(field).forEach(function (item) { item.remove(); });
      var values = isSingle(field) ? (value ? [value] : []) : (Array.isArray(value) ? value : []);
      values.forEach(function (one) {
        var item = addItem(field);
        if (item.matches("fieldset")) fillObject(item, one);
        else setValue(childFields(item)[0], one);
      });
      while (itemsOf(field).length < Number(field.dataset.minItems || 0)) addItem(field);
      renumber(field);
      return;
    }
    if (kind === "choices") {
      var chosen = Array.isArray(value) ? value : [];
      field.querySelectorAll("input").forEach(function (box) { box.checked = chosen.indexOf(box.value) >= 0; });
      field.dataset.order = JSON.stringify(chosen);
      return;
    }
    var input = controlOf(field);
    if (kind === "bool") { input.checked = value === true; return; }
    var text = value === undefined || value === null ? "" : String(value);
    if (kind === "choice" && !text && field.dataset.default) text = field.dataset.default;
    if (kind === "cite") {
      input.dataset.wanted = text;
      if (text && !Array.prototype.some.call(input.options, function (o) { return o.value === text; })) input.add(new Option(text, text));
    }
    input.value = text;
  }

  function fillObject(container, record) {
    childFields(container).forEach(function (field) { setValue(field, record ? record[field.dataset.key] : undefined); });
  }

  function fieldsByKey(container) {
    var found = {};
    childFields(container).forEach(function (field) { found[field.dataset.key] = field; });
    return found;
  }

  function isDate(text) {
    var date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    var real = date && new Date(Date.UTC(+date[1], +date[2] - 1, +date[3]));
    return Boolean(real) && real.getUTCMonth() === +date[2] - 1 && real.getUTCDate() === +date[3];
  }

  function pathOf(field) {
    var parts = [];
    var node = field;
    while (node && node !== form) {
      if (node.matches("[data-key]")) {
        if (!(node.parentElement && node.parentElement.matches("[data-item]") && node.parentElement.parentElement.parentElement.dataset.key === node.dataset.key)) {
          parts.unshift(node.dataset.key);
        }
      }
      if (node.matches("[data-item]")) {
        var list = node.parentElement.parentElement;
        if (!isSingle(list)) parts.unshift(itemsOf(list).indexOf(node));
      }
      node = node.parentElement;
    }
    return parts.join(".");
  }

  return {
    slugify: slugify, slugSuggestion: slugSuggestion, lookAlike: lookAlike, owner: owner, childFields: childFields,
    itemsOf: itemsOf, controlOf: controlOf, isSingle: isSingle, addItem: addItem, renumber: renumber,
    firstControl: firstControl, nameOf: nameOf, citedList: citedList, refreshCites: refreshCites, setCases: setCases, describe: describe,
    cases: function () { return cases; }, toNumber: toNumber,
    collectObject: collectObject, fillObject: fillObject, fieldsByKey: fieldsByKey, isDate: isDate, pathOf: pathOf,
  };
};
