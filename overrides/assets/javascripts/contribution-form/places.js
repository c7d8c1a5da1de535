/*
 * The contribution form's municipalities: the classification the build writes beside the page
 * (contribution_form.municipalities_json) as the list of choices, the county a chosen name brings, and
 * the checks of a municipality and its county in `make validate`'s words. It restates no name.
 */
window.ikbFormPlaces = function (S, r) {
  "use strict";
  var M = S.messages;
  var loaded = null;  // {names, known: {look-alike key: [counties, « (nå …)»]}, folded: {slug: name}}, once loaded

  // The classification's municipalities, for the list of choices and the checks; the form works without them.
  function load() {
    return fetch(S.municipalities_url).then(function (response) {
      return response.ok ? response.json() : null;
    }).catch(function () { return null; }).then(function (data) {
      if (!data) return;
      loaded = data;
      var options = document.createDocumentFragment();
      data.names.forEach(function (name) {
        var option = document.createElement("option");
        option.value = name;
        options.appendChild(option);
      });
      document.getElementById(S.municipality_list).appendChild(options);
    });
  }

  // A municipality of the classification brings its county, and where the county came from, unless the
  // county chosen already holds it (a former county the source names). A name two counties share fills nothing.
  function fillCounty(input, announce) {
    var field = input.closest('[data-rule="municipality"]');
    var P = loaded;
    if (!field || !P) return;
    var known = P.known[r.lookAlike(input.value.trim())];
    if (!known || known[0].length !== 1) return;
    var fields = r.fieldsByKey(r.owner(field));
    var county = fields.region && r.controlOf(fields.region);
    if (!county) return;
    var held = [county.value].concat(S.former_regions[county.value] || []);
    if (held.indexOf(known[0][0]) >= 0) return;
    county.value = known[0][0];
    if (county.value !== known[0][0]) return;
    var basis = fields.region_basis && r.controlOf(fields.region_basis);
    if (basis) basis.value = S.county_basis;
    announce("Fylket er fylt inn: " + county.options[county.selectedIndex].text + ".");
  }

  // A municipality against the classification the page loaded beside it, and its county against the municipality.
  function check(fields, name, data, report, fill) {
    var region = fields.region && data.region;
    var county = fields.region;
    var P = loaded;
    if (!P || typeof name !== "string" || !name) {
      if (county && !region) report(county, fill(M.missing, { field: county.dataset.key }));
      return;
    }
    var nameField = fields[Object.keys(fields).filter(function (key) { return fields[key].dataset.rule === "municipality"; })[0]];
    var known = P.known[r.lookAlike(name)];
    if (!known) {
      var meant = P.folded[r.slugify(name)];
      report(nameField, meant ? fill(M.unknown_municipality_meant, { name: name, meant: meant }) : fill(M.unknown_municipality, { name: name }));
      return;
    }
    var counties = known[0], place = name + known[1];
    var quoted = counties.map(function (c) { return "«" + c + "»"; });
    var listed = quoted.length === 1 ? quoted[0] : quoted.slice(0, -1).join(", ") + " eller " + quoted[quoted.length - 1];
    var fix = counties.map(function (c) { return "«region: " + c + "»"; }).join(" eller ");
    if (!county) return;
    if (!region) {
      if (counties.length === 1) report(nameField, fill(M.missing_region, { place: place, counties: listed, fix: fix }));
      else report(nameField, fill(M.missing_region_shared, { name: name, both: quoted.join(" og "), fix: fix }));
      return;
    }
    var today = [region].concat(S.former_regions[region] || []);
    if (!counties.some(function (c) { return today.indexOf(c) >= 0; })) {
      report(county, fill(M.wrong_region, { place: place, counties: listed, region: region, fix: fix }));
    }
  }

  return { load: load, fillCounty: fillCounty, check: check };
};
