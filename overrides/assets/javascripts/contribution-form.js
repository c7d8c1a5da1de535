/*
 * The contribution form (/bidra/skjema/): repeated groups, the draft in this browser, the checks of
 * `make validate` in its own words, and the file, written as YAML with every text in double quotes.
 *
 * Everything that describes the record (fields, choices, messages, the slug rule, the cases there
 * are) comes from the page: the fields as HTML made from the model's JSON Schema, the rest in the
 * JSON block #ikb-form-settings (generator/site/contribution_form.py).
 */
(function () {
  "use strict";
  var settingsNode = document.getElementById("ikb-form-settings");
  var form = document.querySelector("[data-ikb-form]");
  if (!settingsNode || !form) return;
  var S = JSON.parse(settingsNode.textContent);
  var M = S.messages, R = S.rules;
  var statusNode = document.querySelector("[data-status]");
  var summary = document.querySelector("[data-summary]");
  var summaryList = document.querySelector("[data-summary-list]");
  var result = document.querySelector("[data-result]");
  var control = new RegExp(R.control, "u");
  var slugPattern = new RegExp(S.slug.pattern);
  var counter = 0;
  var params = new URLSearchParams(window.location.search);
  var correcting = params.get("eksempel");
  if (correcting && !slugPattern.test(correcting)) correcting = null;
  var draftKey = S.draft_key + (correcting ? ":" + correcting : "");
  var correctedFile = null;
  var lastText = "";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function announce(text) {
    statusNode.textContent = text;
  }

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
    setDefaults(item);
    renumber(list);
    return item;
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

  form.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add]");
    var remove = event.target.closest("[data-remove]");
    if (add) {
      var list = add.parentElement;
      var item = addItem(list);
      refreshCites();
      save();
      firstControl(item).focus();
      announce(nameOf(item) + " er lagt til.");
    } else if (remove) {
      var gone = remove.parentElement;
      var from = gone.parentElement.parentElement;
      var index = itemsOf(from).indexOf(gone);
      var name = nameOf(gone);
      gone.remove();
      renumber(from);
      refreshCites();
      save();
      var rest = itemsOf(from);
      var next = rest[index] || rest[index - 1];
      (next ? firstControl(next) : from.querySelector(":scope > [data-add]")).focus();
      announce(name + " er fjernet.");
    }
  });

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

  function refreshCites() {
    var sources = knownSources();
    form.querySelectorAll('[data-kind="cite"] select').forEach(function (select) {
      var wanted = select.value || select.dataset.wanted || "";
      while (select.options.length > 1) select.remove(1);
      var found = false;
      sources.forEach(function (source) {
        var id = source[S.cited.id];
        var title = source[S.cited.title];
        select.add(new Option(title ? title + " (" + id + ")" : id, id));
        if (id === wanted) found = true;
      });
      if (wanted && !found) select.add(new Option(wanted, wanted));
      select.value = wanted;
      select.dataset.wanted = wanted;
    });
  }

  form.addEventListener("input", function (event) {
    var list = citedList();
    var item = event.target.closest("[data-item]");
    if (list && item && item.parentElement.parentElement === list) {
      var field = event.target.closest("[data-key]");
      var idField = childFields(item).filter(function (f) { return f.dataset.key === S.cited.id; })[0];
      if (field && idField && field.dataset.key === S.cited.title) {
        var id = controlOf(idField);
        if (!id.value || id.dataset.auto === "1") {
          id.value = slugSuggestion(event.target.value);
          id.dataset.auto = "1";
        }
      } else if (field === idField) {
        event.target.dataset.auto = "";
      }
      refreshCites();
    }
    if (event.target.matches('[data-kind="cite"] select')) event.target.dataset.wanted = event.target.value;
    save();
  });
  form.addEventListener("change", function (event) {
    var choices = event.target.closest('[data-kind="choices"]');
    if (choices) {
      var order = JSON.parse(choices.dataset.order || "[]").filter(function (value) { return value !== event.target.value; });
      if (event.target.checked) order.push(event.target.value);
      choices.dataset.order = JSON.stringify(order);
    }
    if (event.target.matches('[data-kind="cite"] select')) event.target.dataset.wanted = event.target.value;
    save();
  });

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

  function load(record) {
    fillObject(form, record);
    refreshCites();
  }

  // ---- the draft, kept in this browser only ----
  function save() {
    try {
      window.localStorage.setItem(draftKey, JSON.stringify(collectObject(form)));
    } catch (error) {
      // Storage full or turned off: the form still works, the draft is not kept.
    }
  }

  function savedDraft() {
    try {
      var text = window.localStorage.getItem(draftKey);
      return text ? JSON.parse(text) : null;
    } catch (error) {
      return null;
    }
  }

  var confirmBox = document.querySelector("[data-confirm]");
  document.querySelector("[data-delete]").addEventListener("click", function () {
    confirmBox.hidden = false;
    confirmBox.focus();
  });
  document.querySelector("[data-confirm-no]").addEventListener("click", function () {
    confirmBox.hidden = true;
    document.querySelector("[data-delete]").focus();
  });
  document.querySelector("[data-confirm-yes]").addEventListener("click", function () {
    try { window.localStorage.removeItem(draftKey); } catch (error) { /* nothing was kept */ }
    confirmBox.hidden = true;
    showErrors([]);
    load({});
    try { window.localStorage.removeItem(draftKey); } catch (error) { /* nothing was kept */ }
    firstControl(form).focus();
    announce("Utkastet er slettet. Skjemaet er tomt.");
  });

  // ---- the checks of `make validate`, in its words ----
  function g(value) {
    return String(Number(Number(value).toPrecision(6)));
  }

  function checkText(field, text, add) {
    var key = field.dataset.key;
    var found = control.exec(text);
    if (found) {
      var at = found.index;
      var clean = function (part) { return part.replace(new RegExp(R.control, "gu"), ""); };
      var before = clean(text.slice(Math.max(0, at - 20), at)).split(" ").pop();
      var after = clean(text.slice(at + 1, at + 21)).split(" ")[0];
      var code = "U+" + text.codePointAt(at).toString(16).toUpperCase().padStart(4, "0");
      if (before && after) return add(fill(M.invisible_between, { field: key, code: code, before: before, after: after }));
      return add(fill(M.invisible_alone, { field: key, code: code }));
    }
    var close = R.wrap_quotes[text.charAt(0)];
    var inner = text.slice(1, -1);
    if (text.length > 2 && close === text.charAt(text.length - 1) && !Array.prototype.some.call(R.quotes, function (q) { return inner.indexOf(q) >= 0; })
        && !(key === "name" && text.charAt(0) === "«")) {
      return add(fill(M.wrapped, { field: key }));
    }
    if (text.indexOf(R.starter_words) >= 0) {
      return add(owner(field) === form && key === "title" ? M.starter.title : fill(M.starter.name, { field: key }));
    }
    if (new RegExp(R.lone_dots).test(text)) return add(fill(M.starter.dots, { field: key }));
    return false;
  }

  function checkScalar(field, add) {
    var kind = field.dataset.kind;
    if (kind === "bool") return;
    var input = controlOf(field);
    var key = field.dataset.key;
    var text = input.value.trim();
    if (text === "") {
      if (field.hasAttribute("data-required") && !field.hasAttribute("data-nullable")) add(fill(M.missing, { field: key }));
      return;
    }
    if (checkText(field, input.value, add)) return;
    var max = Number(field.dataset.maxLength || 0);
    if (max && text.length > max) return add(fill(M.too_long, { field: key, max: max }));
    if (field.dataset.pattern && !new RegExp(field.dataset.pattern).test(text)) {
      if (M[key]) return add(fill(M[key], { field: key, text: text }));
      var problem = text.length > S.slug.max ? "long" : /^[a-z0-9-]+$/.test(text) ? "hyphens" : "letters";
      return add(fill(M.slug, { field: key, text: text, problem: M.slug_problems[problem], suggestion: slugSuggestion(text) }));
    }
    if (kind === "integer") {
      var year = toNumber(text, true);
      if (typeof year !== "number") return add(fill(M.year_text, { field: key, text: text }));
      if (year < R.min_year || year > R.max_year) return add(fill(M.year_range, { field: key, value: year }));
    }
    if (kind === "number") {
      var number = toNumber(text, false);
      if (typeof number !== "number") return add(fill(M.number_text, { field: key, text: text }));
      if (field.dataset.minimum && number < Number(field.dataset.minimum)) return add(fill(M.minimum, { field: key, min: g(field.dataset.minimum) }));
    }
    if (kind === "date") {
      if (!isDate(text)) return add(fill(M.date_text, { field: key, text: text }));
      var today = new Date();
      var todayText = today.getFullYear() + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" + String(today.getDate()).padStart(2, "0");
      if (text > todayText) return add(fill(M.date_future, { field: key, value: text }));
    }
    if (field.dataset.rule === "phone" && !new RegExp(R.phone).test(text.replace(/[\s\-.]/g, ""))) {
      add(fill(M.phone, { field: key, text: text }));
    }
  }

  function fieldsByKey(container) {
    var found = {};
    childFields(container).forEach(function (field) { found[field.dataset.key] = field; });
    return found;
  }

  function wholeMessage(unit, value) {
    var thousands = value * 1000;
    if (value >= 1 && value < 1000 && Math.abs(thousands - Math.round(thousands)) < 1e-6) {
      return fill(M.whole_thousands, { unit: unit, thousands: Math.round(thousands) });
    }
    return fill(M.whole_round, { unit: unit });
  }

  function checkObject(container, ownerKey, report) {
    var fields = fieldsByKey(container);
    var data = collectObject(container);
    var whole = function (unit, value) { return R.whole_units.indexOf(unit) >= 0 && value !== Math.floor(value); };
    if (fields.value && fields.unit && fields.year_note && !fields.points) {
      var value = data.value;
      if (data.year === undefined && data.year_note === undefined) report(fields.year, fill(M.year_or_note, { field: ownerKey }));
      else if (typeof value === "number") {
        if (data.unit === R.percent_unit && (value < 0 || value > 100)) report(fields.value, fill(M.percent, { field: ownerKey, value: g(value) }));
        else if (value < 0) report(fields.value, fill(M.negative, { field: ownerKey }));
        else if (whole(data.unit, value)) report(fields.value, wholeMessage(data.unit, value));
      }
    }
    if (fields.points && fields.unit) {
      var seen = [];
      itemsOf(fields.points).forEach(function (item) {
        var point = fieldsByKey(item);
        var one = collectObject(item);
        if (typeof one.year === "number" && seen.indexOf(one.year) >= 0) report(point.year, fill(M.duplicate_year, { year: one.year }));
        seen.push(one.year);
        if (typeof one.value !== "number") return;
        if (data.unit === R.percent_unit && one.value > 100) report(point.value, fill(M.point_percent, { value: g(one.value) }));
        else if (whole(data.unit, one.value)) report(point.value, wholeMessage(data.unit, one.value));
      });
    }
    if (fields.region_basis && fields.region && data.region_basis !== fields.region_basis.dataset.default && !data.region) {
      report(fields.region_basis, M.basis_without_region);
    }
    Object.keys(fields).forEach(function (key) {
      var zero = M["zero_" + key];
      var figure = data[key];
      if (zero && figure && figure.value === 0) {
        var item = itemsOf(fields[key])[0];
        report(fieldsByKey(item).value, zero);
      }
    });
  }

  function check() {
    var errors = [];
    var reported = new Set();
    function report(field, message) {
      if (reported.has(field)) return;
      reported.add(field);
      errors.push({ field: field, message: message });
    }
    function walk(container, ownerKey) {
      childFields(container).forEach(function (field) {
        var kind = field.dataset.kind;
        var key = field.dataset.key;
        var add = function (message) { report(field, message); return true; };
        if (kind === "object") { walk(field, key); checkObject(field, key, report); return; }
        if (kind === "list") {
          var items = itemsOf(field);
          var min = Number(field.dataset.minItems || 0), max = Number(field.dataset.maxItems || 0);
          if (!items.length && field.hasAttribute("data-required")) add(fill(M.missing, { field: key }));
          else if (items.length && items.length < min) add(fill(M.too_few, { field: key, min: min }));
          else if (max && items.length > max && !isSingle(field)) add(fill(M.too_many, { field: key, max: max, count: items.length }));
          items.forEach(function (item) {
            if (item.matches("fieldset")) { walk(item, key); checkObject(item, key, report); }
            else checkScalar(childFields(item)[0], function (message) { report(childFields(item)[0], message); return true; });
          });
          return;
        }
        if (kind === "choices") {
          if (field.hasAttribute("data-required") && !field.querySelector("input:checked")) add(fill(M.missing, { field: key }));
          return;
        }
        checkScalar(field, add);
      });
    }
    walk(form, "");
    checkRecord(report);
    return errors;
  }

  function checkRecord(report) {
    var top = fieldsByKey(form);
    var headlines = [];
    R.headline_lists.forEach(function (name) {
      if (!top[name]) return;
      itemsOf(top[name]).forEach(function (item) {
        var flag = fieldsByKey(item).headline;
        if (flag && controlOf(flag).checked) headlines.push(flag);
      });
    });
    if (headlines.length > 1) report(headlines[1], M.two_headlines);
    var list = citedList();
    if (list) {
      var ids = [];
      itemsOf(list).forEach(function (item) {
        var idField = fieldsByKey(item)[S.cited.id];
        var id = controlOf(idField).value.trim();
        if (id && ids.indexOf(id) >= 0) report(idField, fill(M.duplicate_source, { id: id }));
        if (id) ids.push(id);
      });
      var known = ids.slice().sort().join(", ");
      form.querySelectorAll('[data-kind="cite"]').forEach(function (field) {
        var value = controlOf(field).value;
        if (value && ids.indexOf(value) < 0) report(field, fill(M.unknown_source, { ref: value, known: known }));
      });
    }
    if (top.title) {
      var key = lookAlike(controlOf(top.title).value);
      var same = S.cases.filter(function (c) { return c.key === key && c.slug !== correcting; })[0];
      if (key && same) report(top.title, fill(M.same_title, { there: same.file }));
    }
  }

  // ---- showing the errors: at the field, and in a summary that links to each ----
  function describedBy(node, id, on) {
    var ids = (node.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) { return x && x !== id; });
    if (on) ids.push(id);
    if (ids.length) node.setAttribute("aria-describedby", ids.join(" "));
    else node.removeAttribute("aria-describedby");
  }

  function targetOf(field) {
    var kind = field.dataset.kind;
    if (kind === "list") return field.querySelector(":scope > [data-add]");
    return firstControl(field);
  }

  function describedNode(field) {
    return ["list", "choices", "object"].indexOf(field.dataset.kind) >= 0 ? field : controlOf(field);
  }

  function context(field) {
    var parts = [];
    var node = field;
    while (node && node !== form) {
      if (node.matches("[data-item]") && node.matches("fieldset")) parts.unshift(nameOf(node));
      node = node.parentElement;
    }
    var label = field.querySelector("label, legend");
    var own = label ? label.firstChild.textContent.trim() : field.dataset.key;
    return parts.concat([own]).join(" › ");
  }

  // Made when first needed: most fields never show one, and the page stays light.
  function errorNode(field) {
    var node = field.querySelector(":scope > [data-error]");
    if (node) return node;
    node = document.createElement("p");
    node.className = "ikb-form__error";
    node.dataset.error = "";
    node.id = (field.id || controlOf(field).id) + "-error";
    var after = field.querySelector(":scope > .ikb-form__hint") || field.querySelector(":scope > label, :scope > legend");
    after.insertAdjacentElement("afterend", node);
    return node;
  }

  function showErrors(errors) {
    form.querySelectorAll("[data-error]").forEach(function (node) {
      if (node.hidden) return;
      node.hidden = true;
      node.textContent = "";
      var field = node.closest("[data-key]");
      field.classList.remove("ikb-form__field--error");
      var described = describedNode(field);
      describedBy(described, node.id, false);
      described.removeAttribute("aria-invalid");
    });
    summaryList.textContent = "";
    summary.hidden = !errors.length;
    errors.forEach(function (error) {
      var field = error.field;
      var node = errorNode(field);
      node.textContent = error.message;
      node.hidden = false;
      field.classList.add("ikb-form__field--error");
      var described = describedNode(field);
      describedBy(described, node.id, true);
      if (described.matches("input, select, textarea")) described.setAttribute("aria-invalid", "true");
      var target = targetOf(field);
      var link = document.createElement("a");
      link.href = "#" + (target.id || field.id);
      link.textContent = context(field) + ": " + error.message;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        target.focus();
        target.scrollIntoView({ block: "center" });
      });
      var line = document.createElement("li");
      line.appendChild(link);
      summaryList.appendChild(line);
    });
  }

  // ---- the file: YAML with every text in double quotes ----
  function quoted(text) {
    // JSON's escapes are YAML's too; U+2028 and U+2029 end a line in YAML 1.1, so they are escaped.
    return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  }

  function isDate(text) {
    var date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    var real = date && new Date(Date.UTC(+date[1], +date[2] - 1, +date[3]));
    return Boolean(real) && real.getUTCMonth() === +date[2] - 1 && real.getUTCDate() === +date[3];
  }

  function scalar(value, path) {
    if (value === null) return "null";
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") return String(value);
    if (S.dates.indexOf(path) >= 0 && isDate(value)) return value;
    return quoted(value);
  }

  function empty(value) {
    return value === undefined || value === "" || value === false || (Array.isArray(value) && !value.length);
  }

  function emitObject(record, indent, path, lines, first) {
    var keys = Object.keys(record);
    if (!path) keys.sort(function (a, b) { return S.order.indexOf(a) - S.order.indexOf(b); });
    keys = keys.filter(function (key) { return !empty(record[key]); });
    keys.forEach(function (key, index) {
      var value = record[key];
      var here = path ? path + "/" + key : key;
      var pad = index === 0 && first !== undefined ? first : " ".repeat(indent);
      if (Array.isArray(value)) {
        lines.push(pad + key + ":");
        value.forEach(function (item) {
          if (item !== null && typeof item === "object") emitObject(item, indent + 4, here + "/*", lines, " ".repeat(indent + 2) + "- ");
          else lines.push(" ".repeat(indent + 2) + "- " + scalar(item, here + "/*"));
        });
      } else if (value !== null && typeof value === "object") {
        lines.push(pad + key + ":");
        emitObject(value, indent + 2, here, lines);
      } else {
        lines.push(pad + key + ": " + scalar(value, here));
      }
    });
  }

  function toYaml(record) {
    var lines = [S.schema_comment, ""];
    emitObject(record, 0, "", lines);
    return lines.join("\n") + "\n";
  }

  function fileSlug(record) {
    if (correcting) return correcting;
    var first = record[S.file_name_from[0]];
    var name = first && first[0] && first[0][S.file_name_from[1]];
    var taken = S.cases.map(function (c) { return c.slug; });
    var slug = slugify(name || "") || slugSuggestion(record.title || "");
    if (taken.indexOf(slug) >= 0) slug = slugSuggestion(record.title || slug);
    var base = slug, number = 2;
    while (taken.indexOf(slug) >= 0) slug = base + "-" + number++;
    return slug;
  }

  function copy(text) {
    if (navigator.clipboard) navigator.clipboard.writeText(text).catch(function () { /* the download still works */ });
  }

  function showResult(record) {
    var slug = fileSlug(record);
    var name = slug + ".yaml";
    lastText = toYaml(record);
    result.querySelector("[data-file-name]").textContent = S.case_folder + "/" + name;
    result.querySelector("[data-preview]").textContent = lastText;
    result.dataset.downloadName = name;
    var urls = S.urls;
    if (urls) {
      var newLink = result.querySelector("[data-new-file]");
      var address = urls["new"] + "?filename=" + encodeURIComponent(name);
      var withText = address + "&value=" + encodeURIComponent(lastText);
      newLink.href = withText.length <= urls.max ? withText : address;
      var edit = result.querySelector("[data-edit]");
      edit.href = urls.edit.split(S.slug.slot).join(slug);
      result.querySelector("[data-steps-new]").hidden = Boolean(correctedFile);
      result.querySelector("[data-steps-edit]").hidden = !correctedFile;
      result.querySelector("[data-new-file-line]").hidden = Boolean(correctedFile);
    }
    var mail = result.querySelector("[data-mail]");
    if (mail) mail.href = "mailto:" + S.editors_email + "?subject=" + encodeURIComponent("Eksempel til kunnskapsbanken: " + name);
    form.hidden = true;
    result.hidden = false;
    result.focus();
  }

  result.addEventListener("click", function (event) {
    if (event.target.closest("[data-download]")) {
      var blob = new Blob([lastText], { type: "application/x-yaml;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = result.dataset.downloadName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      announce("Filen " + result.dataset.downloadName + " er lastet ned.");
    } else if (event.target.closest("[data-new-file], [data-edit]")) {
      copy(lastText);
    } else if (event.target.closest("[data-back]")) {
      result.hidden = true;
      form.hidden = false;
      firstControl(form).focus();
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var errors = check();
    showErrors(errors);
    if (errors.length) {
      announce("");
      summary.focus();
      return;
    }
    showResult(collectObject(form));
  });

  // ---- start: the draft, a published case to correct, or an empty form ----
  form.hidden = false;
  var draft = savedDraft();
  var notice = form.querySelector("[data-correcting]");
  if (correcting) {
    var known = S.cases.filter(function (c) { return c.slug === correcting; })[0];
    correctedFile = known ? known.file : null;
    if (known) {
      notice.textContent = "Du retter «" + known.title + "». Når du er ferdig, lager skjemaet en ny utgave av filen " + known.file + ".";
      notice.hidden = false;
    }
  }
  window.ikbForm = { load: load, collect: function () { return collectObject(form); }, toYaml: toYaml, check: function () {
    var errors = check();
    showErrors(errors);
    return errors.map(function (e) { return { path: pathOf(e.field), message: e.message }; });
  } };

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

  if (draft) {
    load(draft);
    announce("Utkastet ditt er hentet fram.");
  } else if (correcting && correctedFile) {
    fetch(S.data_url.split(S.slug.slot).join(correcting)).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (record) {
      load(record);
      form.dataset.loaded = "true";
      announce("Eksempelet er hentet inn i skjemaet.");
    }).catch(function () {
      announce("Fant ikke eksempelet. Skjemaet er tomt.");
      load({});
    });
  } else {
    load({});
  }
  if (!correcting || draft || !correctedFile) form.dataset.loaded = "true";
})();
