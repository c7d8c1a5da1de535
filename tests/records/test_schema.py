"""The committed JSON Schema: equal to the model, explained in Norwegian, and it accepts every real record."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from generator.records.catalog import load_record
from generator.records.model import Case
from generator.records.model import fields
from generator.records.model.schema import SCHEMAS, schema_text, vocabulary_blind
from generator.records.load import read_yaml
from generator.records.starter import STARTER, refreshed
from generator.records.vocabulary import VOCABULARY_FILE, Vocabulary

from tests.conftest import FIXTURES, ROOT

SCHEMA_DIR = ROOT / "schema"
RECORDS = [("case.schema.json", p) for p in sorted((ROOT / "cases").glob("*.y*ml"))]
RECORDS += [("template.schema.json", p) for p in sorted((ROOT / "templates").glob("*.y*ml"))]
# The full fixtures use every optional field and unit the model allows (a contact without a name, http://, …).
RECORDS += [("case.schema.json", p) for p in sorted((FIXTURES / "cases").glob("*.y*ml"))]


def validator(name: str, committed: bool = True) -> Draft202012Validator:
    """The committed schema, or the one the model makes now (as the build publishes it)."""
    text = (SCHEMA_DIR / name).read_text(encoding="utf-8") if committed else schema_text(SCHEMAS[name])
    schema = json.loads(text)
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


def committed_equals_the_model(name: str) -> bool:
    """The same, but for the lists of vocabulary terms: a word added to vocabulary.yaml in the browser
    needs no `make schema` (the workflow schema.yml writes it in on main)."""
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8") if (SCHEMA_DIR / name).exists() else "{}"
    made = schema_text(SCHEMAS[name])
    return committed == made or vocabulary_blind(json.loads(committed)) == vocabulary_blind(json.loads(made))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_equals_the_model(name):
    assert committed_equals_the_model(name), (
        f"schema/{name} er ikke lenger lik modellen i generator/records/model/. Kjør `make schema` og ta med endringen."
    )


def test_a_word_added_to_the_vocabulary_in_the_browser_needs_no_command(tmp_path, monkeypatch):
    text = VOCABULARY_FILE.read_text(encoding="utf-8")
    assert "\n\ntarget_groups:" in text and "\n\nregions:" not in text.split("target_groups:")[0]
    text = text.replace("\n\ntarget_groups:", "\n  idrett: Idrett og fritid\n\ntarget_groups:", 1)
    text = text.replace("\n\n# Counties", "\n  pensjonister: Pensjonister\n\n# Counties", 1)
    (tmp_path / "vocabulary.yaml").write_text(text, encoding="utf-8")
    added = Vocabulary(tmp_path / "vocabulary.yaml")
    assert "idrett" in added["themes"] and "pensjonister" in added["target_groups"] and not added.problems
    monkeypatch.setattr(fields, "VOCABULARY", added)
    # The committed schema still passes; the schema the build publishes (and the form reads) knows the words,
    # and a case that uses them is valid to the model and to that schema.
    assert all(committed_equals_the_model(name) for name in SCHEMAS)
    case_schema = json.loads(schema_text(Case))
    assert "idrett" in case_schema["properties"]["themes"]["items"]["enum"]
    record = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
    record = record.replace("themes: [organisering, arbeid-og-kvalifisering]", "themes: [idrett]")
    record = record.replace("target_groups: [flyktninger]", "target_groups: [pensjonister]")
    (tmp_path / "idrettsby.yaml").write_text(record, encoding="utf-8")
    assert load_record(tmp_path / "idrettsby.yaml", Case, root=tmp_path).themes == ["idrett"]
    data, _marks = read_yaml(tmp_path / "idrettsby.yaml")
    assert not list(validator("case.schema.json", committed=False).iter_errors(as_json(data)))
    # The starter `make new-case` writes lists the new words where it lists the others.
    starter = refreshed(STARTER.read_text(encoding="utf-8"), added)
    assert re.search(r"^#   .*\bforskning, idrett$", starter, re.M), starter
    assert re.search(r"^#   .*\bansatte, pensjonister$", starter, re.M), starter


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
def test_every_record_validates_against_the_schema(name, path):
    # The schema as the model makes it now: the committed one may lack a word just added to the vocabulary.
    data, _marks = read_yaml(path)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator(name, committed=False).iter_errors(as_json(data))]
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
        ('    phones: ["+47 400 00 000"]\n', "    email: null\n"),  # a contact nobody can reach
    ],
)
def test_schema_refuses_what_the_model_refuses(tmp_path, old, new):
    path = tmp_path / "x.yaml"
    fixture = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
    path.write_text(fixture.replace(old, new.replace("2024-13-01", '"2024-13-01"'), 1), encoding="utf-8")
    data, _marks = read_yaml(path)
    assert list(validator("case.schema.json").iter_errors(as_json(data)))
