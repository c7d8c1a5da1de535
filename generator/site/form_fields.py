"""The contribution form's fields, read from the case model's JSON Schema and the vocabulary.

Every property of the schema becomes one field here, nested as the record nests, so a field added to
the model appears in the form without a hand edit. A field's label is its Norwegian `title` in the
schema (generator/records/model/names.py; a field without one is labelled by its key). What the schema
cannot say is kept in small tables: which fields cite another record (a source, a case, a template)
and which vocabulary list an enum comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.records.model.names import ITEM_NAMES

# Fields whose value is the id of another record: the form offers those records by title. Records
# passed to build() are written into the page as choices; the others (cases, which grow to thousands)
# are offered in a list the page loads when the form is open.
CITES = {"source": "sources", "related": "cases", "templates": "templates"}
# The list whose items the `source` fields cite; the form puts it before the first field citing it.
CITED_LIST = "sources"
# A municipality's name and county: the form offers the classification's names and fills in the county.
PLACE_RULES = {"name": "municipality", "region": "county"}
# Texts longer than this get a text area.
SHORT_TEXT = 200


@dataclass
class FormField:
    key: str
    path: str  # in the record, lists as *: "practices/*/name"
    kind: str  # text textarea number integer date bool choice choices cite object list
    label: str
    hint: str = ""
    required: bool = False
    nullable: bool = False  # required, but null is a value (a contact's last_verified)
    default: object = None
    pattern: str = ""
    max_length: int | None = None
    minimum: float | None = None
    options: list[tuple[str, str]] = field(default_factory=list)
    cites: str = ""
    rule: str = ""  # a check of the model's own that the schema does not carry (a Norwegian phone number)
    fields: list[FormField] = field(default_factory=list)  # an object's fields
    item: FormField | None = None  # a list's item
    min_items: int = 0
    schema: dict | None = None
    max_items: int | None = None
    item_label: str = ""
    any_of: list[str] = field(default_factory=list)  # an object needs at least one of these (a contact: a way to reach it)

    def walk(self):
        yield self
        for child in self.fields:
            yield from child.walk()
        if self.item is not None:
            yield from self.item.walk()


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        extra = {k: v for k, v in node.items() if k != "$ref"}
        node = {**schema["$defs"][node["$ref"].rsplit("/", 1)[-1]], **extra}
    return node


def _unwrap(schema: dict, node: dict) -> tuple[dict, bool]:
    """The schema of a value and whether null is allowed (Optional[...] is anyOf [X, null])."""
    node = _resolve(schema, node)
    options = node.get("anyOf")
    if not options or "properties" in node:  # an object's anyOf is a rule over its fields, not a choice of types
        return node, False
    real = [o for o in options if o.get("type") != "null"]
    outer = {k: v for k, v in node.items() if k != "anyOf"}
    inner = _resolve(schema, real[0])
    return {**inner, **{k: v for k, v in outer.items() if k in ("title", "description", "default")}}, len(real) < len(options)


def _vocabulary_options(values: list[str], vocabulary) -> list[tuple[str, str]]:
    """An enum's choices, with the vocabulary's labels when it is one of the vocabulary's lists."""
    for kind in vocabulary:
        terms = vocabulary[kind]
        if terms and set(values) == set(terms):  # in the vocabulary's own order (counties as SSB lists them)
            return list(terms.items())
    return [(value, value) for value in values]


def build(schema: dict, vocabulary, records: dict[str, list[tuple[str, str]]], rules: dict | None = None) -> FormField:
    """The form of a whole record; records = {"cases": [(slug, title)], "templates": [...]} to cite.

    rules = {"phone": <the JSON Schema of the model's phone type>}: a value with that schema gets the rule.
    """
    root = FormField("", "", "object", "", required=True)
    root.fields = _fields(schema, schema, "", vocabulary, records)
    for field in root.walk():
        field.rule = field.rule or next((name for name, rule in (rules or {}).items() if field.schema == rule), "")
        field.schema = None
    _cited_list_first(root)
    return root


def _fields(schema: dict, node: dict, prefix: str, vocabulary, records) -> list[FormField]:
    node = _resolve(schema, node)
    required = set(node.get("required", ()))
    return [
        _field(schema, key, prop, f"{prefix}{key}", key in required, vocabulary, records)
        for key, prop in node.get("properties", {}).items()
    ]


def _field(schema, key, prop, path, required, vocabulary, records) -> FormField:
    node, nullable = _unwrap(schema, prop)
    made = FormField(key, path, "", node.get("title", key), hint=node.get("description", ""), required=required,
                     nullable=nullable and required, default=node.get("default"), schema=node)
    kind = node.get("type")
    if kind == "array":
        item, _ = _unwrap(schema, node.get("items", {}))
        made.min_items, made.max_items = node.get("minItems", 0), node.get("maxItems")
        if key in CITES and CITES[key] in records:
            made.kind, made.cites, made.options = "choices", CITES[key], list(records[CITES[key]])
        elif "enum" in item:
            made.kind, made.options = "choices", _vocabulary_options(item["enum"], vocabulary)
        else:
            made.kind, made.item_label = "list", ITEM_NAMES.get(key, made.label)
            made.item = _field(schema, key, node["items"], f"{path}/*", True, vocabulary, records)
            made.item.label = made.item_label
        return made
    if kind == "object" or "properties" in node:
        made.fields = _fields(schema, node, f"{path}/", vocabulary, records)
        made.any_of = [key for option in node.get("anyOf", []) for key in option.get("required", [])]
        keys = {f.key for f in made.fields}
        if set(PLACE_RULES) <= keys and "region_basis" in keys:
            for child in made.fields:
                child.rule = PLACE_RULES.get(child.key, child.rule)
        if required:
            made.kind = "object"
            return made
        # An optional group is a list of at most one: «Legg til innbyggertall» / «Fjern innbyggertall».
        item = FormField(key, f"{path}", "object", ITEM_NAMES.get(key, made.label), required=True, fields=made.fields,
                         any_of=made.any_of)
        return FormField(key, path, "list", made.label, hint=made.hint, max_items=1, item=item,
                         item_label=item.label, default="single")
    if key in CITES:  # a source, or a case the page loads a list of when it needs it
        made.kind, made.cites = "cite", CITES[key]
    elif "enum" in node:
        made.kind, made.options = "choice", _vocabulary_options(node["enum"], vocabulary)
    elif kind == "boolean":
        made.kind = "bool"
    elif kind == "integer":
        made.kind = "integer"
    elif kind == "number":
        made.kind, made.minimum = "number", node.get("minimum")
    elif node.get("format") == "date":
        made.kind = "date"
    else:
        made.max_length = node.get("maxLength")
        made.kind = "textarea" if (made.max_length or 0) > SHORT_TEXT else "text"
    made.pattern = node.get("pattern", "")
    return made


def _cited_list_first(root: FormField) -> None:
    """Sources before the first field that cites them, so they can be chosen where they are cited."""
    keys = [f.key for f in root.fields]
    if CITED_LIST not in keys:
        return
    cited = root.fields.pop(keys.index(CITED_LIST))
    first = next((i for i, f in enumerate(root.fields) if any(d.cites == CITED_LIST for d in f.walk())), len(root.fields))
    root.fields.insert(first, cited)


def schema_paths(schema: dict) -> list[str]:
    """Every property path of the schema ("practices/*/name"), walked independently of build()."""
    found: list[str] = []

    def visit(node: dict, prefix: str, seen: tuple) -> None:
        node, _ = _unwrap(schema, node)
        if node.get("type") == "array":
            visit(node.get("items", {}), f"{prefix}/*", seen)
            return
        for key, prop in node.get("properties", {}).items():
            path = f"{prefix}/{key}" if prefix else key
            found.append(path)
            ref = (_resolve(schema, prop).get("anyOf") or [prop])[0].get("$ref", prop.get("$ref"))
            if ref in seen:
                continue
            visit(prop, path, seen + ((ref,) if ref else ()))

    visit(schema, "", ())
    return found
