/*
 * The contribution form's checks: the rules of `make validate` the form can express, in its words
 * (the messages come from the validator's own code, written into the page by the build).
 */
window.ikbFormChecks = function (form, S, correcting, r, places) {
  "use strict";
  var M = S.messages, R = S.rules;
  var control = new RegExp(R.control, "u");
  var owner = r.owner, childFields = r.childFields, itemsOf = r.itemsOf, controlOf = r.controlOf, isSingle = r.isSingle;
  var fieldsByKey = r.fieldsByKey, collectObject = r.collectObject, toNumber = r.toNumber, citedList = r.citedList;
  var isDate = r.isDate, lookAlike = r.lookAlike, slugSuggestion = r.slugSuggestion;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

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

  // Text as `validate` echoes it: runs of spaces and line breaks as one space.
  function shown(text) {
    return text.split(/\s+/).filter(Boolean).join(" ");
  }

  // The slips `validate` recognises in an address, a year and a number, each with its own advice.
  function urlMessage(key, text) {
    var quote = /["'<>]/.exec(text);
    if (/^https:\/\//.test(text) && quote) return fill(M.url_quote, { field: key, text: text, char: quote[0] });
    if (/^https:\/\//.test(text) && /\s/.test(text)) return fill(M.url_space, { field: key, text: text });
    if (/^www\./.test(text)) return fill(M.url_www, { field: key, text: text });
    return fill(M.url, { field: key, text: text });
  }

  function yearMessage(field, key, text) {
    var span = new RegExp("^(?:" + R.year_span + ")$").exec(text);
    if (span) {
      var note = fieldsByKey(owner(field)).year_note;
      return fill(note ? M.year_span_note : M.year_span, { field: key, text: text, first: span[1], second: span[2] });
    }
    var first = /^(\d{4})\b/.exec(text);
    if (first) return fill(M.year_first, { field: key, text: text, first: first[1] });
    return fill(M.year_text, { field: key, text: text });
  }

  // Python's named groups, (?P<name>…), as JavaScript writes them.
  var millions = new RegExp("^(?:" + R.millions.replace(/\(\?P</g, "(?<") + ")$", "i");
  var numberRange = new RegExp("^(?:" + R.number_range + ")$", "i");

  function qualifierOf(hedge) {
    for (var i = 0; hedge && i < R.qualifiers.length; i++) {
      if (new RegExp("^(?:" + R.qualifiers[i][0] + ")$", "i").test(hedge + " ")) return R.qualifiers[i][1];
    }
    return null;
  }

  function numberMessage(field, key, text) {
    if (text.indexOf("%") >= 0) return fill(M.number_percent, { field: key, text: text });
    var sum = millions.exec(text);
    if (sum) {
      var amount = parseFloat(sum.groups.number.replace(",", "."));
      if (/^(?:mrd|milliard)/i.test(sum.groups.scale)) amount *= 1000;
      var written = amount.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
      var qualifier = qualifierOf(sum.groups.hedge.trim());
      var forms = M.number_millions[fieldsByKey(owner(field)).unit ? "figure" : "point"];
      return fill(qualifier ? forms.hedged : forms.plain, { field: key, text: text, value: written, qualifier: qualifier });
    }
    var spread = numberRange.exec(text);
    if (spread) {
      return fill(M.number_range, { field: key, text: text, low: spread[1], high: spread[2],
        low_dot: spread[1].replace(",", "."), high_dot: spread[2].replace(",", ".") });
    }
    for (var i = 0; i < R.qualifiers.length; i++) {
      var words = new RegExp("^(?:" + R.qualifiers[i][0] + ")", "i").exec(text);
      var rest = words ? text.slice(words[0].length) : "";
      if (words && new RegExp("^(?:" + R.plain_number + ")$").test(rest)) {
        return fill(M.number_qualifier, { field: key, text: text, number: rest, qualifier: R.qualifiers[i][1] });
      }
    }
    return fill(M.number_text, { field: key, text: text });
  }

  // As the model's phone check words it: what is wrong with the digits, or the words around them.
  function phoneMessage(key, text) {
    var phone = new RegExp(R.phone);
    var compact = function (number) { return number.replace(/[\s\-.]/g, ""); };
    if (phone.test(compact(text))) return null;
    var words = new RegExp(R.phone_words).exec(text);
    if (words && (words[1] || words[3])) {
      var extra = [words[1], words[3]].filter(function (w) { return w.trim(); })
        .map(function (w) { return "«" + w.trim() + "»"; }).join(" og ");
      if (phone.test(compact(words[2]))) {
        var mobile = words[1].toLowerCase().indexOf(R.mobile_word) >= 0;
        return fill(mobile ? M.phone_words_mobile : M.phone_words, { field: key, extra: extra, number: words[2] });
      }
      return fill(M.phone_words_wrong, { field: key, text: text, problem: phoneProblem(compact(words[2])), extra: extra });
    }
    return fill(M.phone_wrong, { field: key, text: text, problem: phoneProblem(compact(text)) });
  }

  function phoneProblem(digits) {
    var national = digits.replace(/^(?:\+47|0047)/, "");
    if (/^(?:\+|00)/.test(national)) return M.phone_problems.foreign;
    if (!/^\d+$/.test(national)) return M.phone_problems.digits;
    if (national.length !== 8) return fill(M.phone_problems.count, { count: national.length });
    return fill(M.phone_problems.first, { first: national.charAt(0) });
  }

  function checkScalar(field, add) {
    var kind = field.dataset.kind;
    if (kind === "bool") return;
    var input = controlOf(field);
    var key = field.dataset.key;
    var text = input.value.trim();
    if (text === "") {
      // A missing county is told with the municipality's own (checkPlace)
      if (field.hasAttribute("data-required") && !field.hasAttribute("data-nullable") && field.dataset.rule !== "county") {
        add(fill(M.missing, { field: key }));
      }
      return;
    }
    if (checkText(field, input.value, add)) return;
    var max = Number(field.dataset.maxLength || 0);
    if (max && text.length > max) return add(fill(M.too_long, { field: key, max: max }));
    if (field.dataset.pattern && !new RegExp(field.dataset.pattern).test(text)) {
      if (key === "url") return add(urlMessage(key, text));
      if (M[key]) return add(fill(M[key], { field: key, text: text }));
      var problem = text.length > S.slug.max ? "long" : /^[a-z0-9-]+$/.test(text) ? "hyphens" : "letters";
      return add(fill(M.slug, { field: key, text: text, problem: M.slug_problems[problem], suggestion: slugSuggestion(text) }));
    }
    if (kind === "integer") {
      var year = toNumber(text, true);
      if (typeof year !== "number") return add(yearMessage(field, key, shown(text)));
      if (year < R.min_year || year > R.max_year) return add(fill(M.year_range, { field: key, value: year }));
    }
    if (kind === "number") {
      var number = toNumber(text, false);
      if (typeof number !== "number") return add(numberMessage(field, key, shown(text)));
      if (field.dataset.minimum && number < Number(field.dataset.minimum)) return add(fill(M.minimum, { field: key, min: g(field.dataset.minimum) }));
    }
    if (kind === "date") {
      if (!isDate(text)) {
        var dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(shown(text));
        if (dotted) return add(fill(M.date_dotted, { field: key, text: shown(text), iso: dotted[3] + "-" + dotted[2].padStart(2, "0") + "-" + dotted[1].padStart(2, "0") }));
        return add(fill(M.date_text, { field: key, text: shown(text) }));
      }
      var today = new Date();
      var todayText = today.getFullYear() + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" + String(today.getDate()).padStart(2, "0");
      if (text > todayText) return add(fill(M.date_future, { field: key, value: text }));
    }
    if (field.dataset.rule === "phone") {
      var wrong = phoneMessage(key, text);
      if (wrong) add(wrong);
    }
  }

  function wholeMessage(unit, value) {
    var thousands = value * 1000;
    if (value >= 1 && value < 1000 && Math.abs(thousands - Math.round(thousands)) < 1e-6) {
      return fill(M.whole_thousands[unit], { thousands: Math.round(thousands), value: g(value) });
    }
    return fill(M.whole_round[unit], { value: g(value) });
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
    var named = Object.keys(fields).filter(function (key) { return fields[key].dataset.rule === "municipality"; })[0];
    if (named) places.check(fields, data[named], data, report, fill);
    var anyOf = container.dataset.anyOf;
    if (anyOf) {
      var ways = anyOf.split(" ");
      var reachable = ways.some(function (key) {
        var given = data[key];
        return Array.isArray(given) ? given.length > 0 : given !== undefined && given !== null && given !== "";
      });
      if (!reachable) report(fields[ways[0]] || container, M.unreachable_contact);
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
          // An empty one-value item (a phone number not filled in) is left out of the file, as if removed.
          var items = itemsOf(field).filter(function (item) {
            return item.matches("fieldset") || controlOf(childFields(item)[0]).value.trim() !== "";
          });
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
      var titles = {};  // look-alike key of a source's title -> the id of the first source with it
      itemsOf(list).forEach(function (item) {
        var idField = fieldsByKey(item)[S.cited.id];
        var titleField = fieldsByKey(item)[S.cited.title];
        var id = controlOf(idField).value.trim();
        var title = titleField ? controlOf(titleField).value.trim() : "";
        var titleKey = lookAlike(title);
        if (id && ids.indexOf(id) >= 0) report(idField, fill(M.duplicate_source, { id: id }));
        else if (titleKey && Object.prototype.hasOwnProperty.call(titles, titleKey) && titles[titleKey] !== id) {
          report(titleField, fill(M.same_source_title, { id: id, first: titles[titleKey], title: title }));
        }
        if (titleKey && !Object.prototype.hasOwnProperty.call(titles, titleKey)) titles[titleKey] = id;
        if (id) ids.push(id);
      });
      var known = ids.slice().sort().join(", ");
      form.querySelectorAll('[data-kind="cite"][data-cites="' + S.cited.list + '"]').forEach(function (field) {
        var value = controlOf(field).value;
        if (value && ids.indexOf(value) < 0) report(field, fill(M.unknown_source, { ref: value, known: known }));
      });
    }
    if (top.title) {
      var key = lookAlike(controlOf(top.title).value);
      var same = r.cases().filter(function (c) { return lookAlike(c.title) === key && c.slug !== correcting; })[0];
      if (key && same) report(top.title, fill(M.same_title, { there: same.file }));
    }
  }

  return check;
};
