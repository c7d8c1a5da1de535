"""The records as JSON: one file per case, all cases in one file, and the schemas that describe them."""

from __future__ import annotations

import json

from pydantic import TypeAdapter

from generator.records.model import Case, Slug

SCHEMA_DIR = "schema"
DATA_DIR = "data"
CASES_JSON = f"{DATA_DIR}/cases.json"
CASES_SCHEMA = "cases.schema.json"
CASE_SCHEMA = "case.schema.json"
LICENCE = "CC-BY-4.0"  # SPDX id of the licence mkdocs.yml `copyright` states for the content


def case_json_path(slug: str) -> str:
    return f"{DATA_DIR}/cases/{slug}.json"


def record(case: Case) -> dict:
    """A case exactly as the model holds it: every field, empty ones as null or [], dates as ISO text."""
    return case.model_dump(mode="json")


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def compact(data) -> str:
    """The data files themselves: no indentation, a third smaller (they grow with every case)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def collection_schema() -> dict:
    """JSON Schema for data/cases.json; each case refers to case.schema.json beside it."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Alle eksempler i kunnskapsbanken",
        "description": (
            "Filen data/cases.json: alle casene, med filnavnet (uten .yaml) som nøkkel. "
            "Hver case følger case.schema.json."
        ),
        "type": "object",
        "required": ["$schema", "license", "cases"],
        "additionalProperties": False,
        "properties": {
            "$schema": {"type": "string", "description": "Lenke til dette skjemaet."},
            "title": {"type": "string", "description": "Datasettets navn."},
            "license": {"type": "string", "description": "Lisensen innholdet kan gjenbrukes under (SPDX-id)."},
            "cases": {
                "type": "object",
                "description": "Casene, nøklet på filnavnet i cases/ uten .yaml, f.eks. «ralingen».",
                "propertyNames": TypeAdapter(Slug).json_schema(),
                "additionalProperties": {"$ref": CASE_SCHEMA},
            },
        },
    }


def collection_files(site_name: str, case_texts: dict[str, str]) -> dict[str, str]:
    """data/cases.json and schema/cases.schema.json; case_texts are the data/cases/<slug>.json texts.

    cases.json holds the same compact texts, so each record is turned into JSON once.
    """
    head = compact({"$schema": f"../{SCHEMA_DIR}/{CASES_SCHEMA}", "title": f"{site_name}: alle eksempler", "license": LICENCE})
    members = ",".join(f"{json.dumps(slug)}:{text.rstrip()}" for slug, text in sorted(case_texts.items()))
    return {
        CASES_JSON: f'{head.rstrip().removesuffix("}")},"cases":{{{members}}}}}\n',
        f"{SCHEMA_DIR}/{CASES_SCHEMA}": dumps(collection_schema()),
    }
