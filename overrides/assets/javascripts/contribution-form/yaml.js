/*
 * The contribution form's file: YAML written by a small block emitter that puts every text in double
 * quotes (JSON's escapes are YAML's too), named by the one slug rule.
 */
window.ikbFormYaml = function (S, correcting, r) {
  "use strict";
  var slugify = r.slugify, slugSuggestion = r.slugSuggestion, isDate = r.isDate;

  function quoted(text) {
    // JSON's escapes are YAML's too; U+2028 and U+2029 end a line in YAML 1.1, so they are escaped.
    return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
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
    var taken = r.cases().map(function (c) { return c.slug; });
    var slug = slugify(name || "") || slugSuggestion(record.title || "");
    if (taken.indexOf(slug) >= 0) slug = slugSuggestion(record.title || slug);
    var base = slug, number = 2;
    while (taken.indexOf(slug) >= 0) slug = base + "-" + number++;
    return slug;
  }

  return { toYaml: toYaml, fileSlug: fileSlug };
};
