"""The committed JSON Schema: equal to the model, explained in Norwegian, and it accepts every real record."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from generator.records.model.schema import SCHEMAS, schema_text
from generator.records.load import read_yaml

from tests.conftest import FIXTURES, ROOT

SCHEMA_DIR = ROOT / "schema"
RECORDS = [("case.schema.json", p) for p in sorted((ROOT / "cases").glob("*.y*ml"))]
RECORDS += [("template.schema.json", p) for p in sorted((ROOT / "templates").glob("*.y*ml"))]


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def as_json(value):
    """A record as JSON sees it: dates become ISO strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_equals_the_model(name):
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8") if (SCHEMA_DIR / name).exists() else ""
    assert committed == schema_text(SCHEMAS[name]), (
        f"schema/{name} er ikke lenger lik modellen i generator/records/model/. Kjør `make schema` og ta med endringen."
    )


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_field_in_the_schema_has_a_norwegian_description(name):
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    undescribed = [
        f"{model}.{field}"
        for model, definition in [("(topp)", schema), *schema["$defs"].items()]
        for field, spec in definition.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undescribed == []


def test_schema_shows_examples_editors_can_offer():
    case = json.loads((SCHEMA_DIR / "case.schema.json").read_text(encoding="utf-8"))
    assert case["properties"]["title"]["description"].startswith("Sidetittel")
    assert case["$defs"]["Contact"]["properties"]["phones"]["items"]["examples"] == ["+47 913 54 954"]
    region = case["$defs"]["Municipality"]["properties"]["region"]  # optional: enum inside anyOf
    assert any("nordland" in choice.get("enum", []) for choice in region.get("anyOf", [region]))


@pytest.mark.parametrize("name, path", RECORDS, ids=[p.name for _, p in RECORDS])
def test_every_record_validates_against_the_committed_schema(name, path):
    data, _marks = read_yaml(path)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(name).iter_errors(as_json(data))]
    assert errors == []


def test_there_are_records_to_check():
    assert len([p for name, p in RECORDS if name == "case.schema.json"]) >= 5


@pytest.mark.parametrize(
    "old, new",
    [
        ("summary:", "sumary:"),
        ("title: En testkilde", "title: En testkilde\n    url: ftp://example.org/"),
        ("themes: [organisering, arbeid-og-kvalifisering]", "themes: [sport]"),
        ("updated: 2024-01-01", "updated: 2024-13-01"),
    ],
)
def test_schema_refuses_what_the_model_refuses(tmp_path, old, new):
    path = tmp_path / "x.yaml"
    fixture = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
    path.write_text(fixture.replace(old, new.replace("2024-13-01", '"2024-13-01"'), 1), encoding="utf-8")
    data, _marks = read_yaml(path)
    assert list(validator("case.schema.json").iter_errors(as_json(data)))
