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
  var statusNode = document.querySelector("[data-status]");
  var summary = document.querySelector("[data-summary]");
  var summaryList = document.querySelector("[data-summary-list]");
  var result = document.querySelector("[data-result]");
  var slugPattern = new RegExp(S.slug.pattern);
  var params = new URLSearchParams(window.location.search);
  var correcting = params.get(S.correction_parameter);
  if (correcting && !slugPattern.test(correcting)) correcting = null;
  var draftKey = S.draft_key + (correcting ? ":" + correcting : "");
  var correctedFile = null;
  var lastText = "";

  function announce(text) {
    statusNode.textContent = text;
  }

  var r = window.ikbFormRecord(form, S, correcting);
  var childFields = r.childFields, itemsOf = r.itemsOf, controlOf = r.controlOf, firstControl = r.firstControl;
  var collectObject = r.collectObject, nameOf = r.nameOf, addItem = r.addItem;
  var renumber = r.renumber, refreshCites = r.refreshCites, citedList = r.citedList, pathOf = r.pathOf;
  var fillObject = r.fillObject, slugSuggestion = r.slugSuggestion;
  var places = window.ikbFormPlaces(S, r);
  var check = window.ikbFormChecks(form, S, correcting, r, places);
  var yaml = window.ikbFormYaml(S, correcting, r);
  var toYaml = yaml.toYaml, fileSlug = yaml.fileSlug;

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

  form.addEventListener("input", function (event) {
    var list = citedList();
    var item = event.target.closest("[data-item]");
    if (list && item && item.parentElement.parentElement === list) {
      var field = event.target.closest("[data-key]");
      var idField = childFields(item).filter(function (f) { return f.dataset.key === S.cited.id; })[0];
      if (field && idField && field.dataset.key === S.cited.title) {
        var id = controlOf(idField);
        if (!id.value || id.dataset.auto === "1") {
          var before = id.value;
          id.value = slugSuggestion(event.target.value);
          id.dataset.auto = "1";
          renameCitations(before, id.value);
        }
      } else if (field === idField) {
        event.target.dataset.auto = "";
        renameCitations(event.target.dataset.last || "", event.target.value.trim());
      }
      if (idField) controlOf(idField).dataset.last = controlOf(idField).value.trim();
      refreshCites();
    }
    if (event.target.matches('[data-kind="cite"] select')) event.target.dataset.wanted = event.target.value;
    places.fillCounty(event.target, announce);
    save();
  });

  // A source whose id changes keeps its citations: they follow it to the new id.
  function renameCitations(before, after) {
    if (!before || before === after) return;
    form.querySelectorAll('[data-cites="' + S.cited.list + '"] select').forEach(function (select) {
      if ((select.value || select.dataset.wanted) !== before) return;
      select.value = "";
      select.dataset.wanted = after;
    });
  }

  form.addEventListener("focusin", function (event) {
    var field = event.target.closest("[data-key]");
    if (field && field.dataset.key === S.cited.id) event.target.dataset.last = event.target.value.trim();
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
    confirmBox.hidden = true;
    showErrors([]);
    // A correction starts again from the published case; a new case from an empty form.
    (correcting ? loadPublished() : Promise.resolve(load({}))).then(function () {
      try { window.localStorage.removeItem(draftKey); } catch (error) { /* nothing was kept */ }
      firstControl(form).focus();
      announce(correcting ? "Utkastet er slettet. Skjemaet viser eksempelet slik det er publisert."
        : "Utkastet er slettet. Skjemaet er tomt.");
    });
  });

  function loadPublished() {
    return fetch(S.data_url.split(S.slug.slot).join(correcting)).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (record) {
      load(record);
      announce("Eksempelet er hentet inn i skjemaet.");
    }).catch(function () {
      announce("Fant ikke eksempelet. Skjemaet er tomt.");
      load({});
    });
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

  // The list of cases (related cases, and titles a new one must not repeat) is loaded beside the form,
  // which works without it; a check waits for it.
  var casesReady = fetch(S.cases_url).then(function (response) {
    return response.ok ? response.json() : [];
  }).catch(function () { return []; }).then(function (cases) {
    r.setCases(cases);
    var known = cases.filter(function (c) { return c.slug === correcting; })[0];
    if (known) correctedFile = known.file;
    return known;
  });

  var placesReady = places.load();

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    Promise.all([casesReady, placesReady]).then(function () {
      var errors = check();
      showErrors(errors);
      if (errors.length) {
        announce("");
        summary.focus();
        return;
      }
      showResult(collectObject(form));
    });
  });

  // ---- start: the draft, a published case to correct, or an empty form ----
  r.describe(form);
  form.hidden = false;
  form.removeAttribute("data-ikb-form-waiting");
  window.ikbForm = { load: load, collect: function () { return collectObject(form); }, toYaml: toYaml, check: function () {
    var errors = check();
    showErrors(errors);
    return errors.map(function (e) { return { path: pathOf(e.field), message: e.message }; });
  } };

  var draft = savedDraft();
  var recordReady;
  if (draft) {
    load(draft);
    announce("Utkastet ditt er hentet fram.");
    recordReady = Promise.resolve();
  } else if (correcting) {
    recordReady = loadPublished();
  } else {
    load({});
    recordReady = Promise.resolve();
  }
  Promise.all([casesReady, recordReady, placesReady]).then(function (ready) {
    var known = ready[0];
    if (correcting && known) {
      var notice = form.querySelector("[data-correcting]");
      notice.textContent = "Du retter «" + known.title + "». Når du er ferdig, lager skjemaet en ny utgave av filen " + known.file + ".";
      notice.hidden = false;
    }
    form.dataset.loaded = "true";
  });
})();
