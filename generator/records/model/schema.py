"""JSON Schema of the records, made from the model: committed in schema/ for editors, published as open data."""

from __future__ import annotations

import json

from generator.records.model import Case, Template

SCHEMAS = {"case.schema.json": Case, "template.schema.json": Template}


def schema_text(model) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
