"""JSON Schema of the records, made from the model: committed in schema/ for editors, published as open data."""

from __future__ import annotations

import json

from generator.records.model import Case, Template

SCHEMAS = {"case.schema.json": Case, "template.schema.json": Template}


def schema_text(model) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def vocabulary_blind(schema):
    """The schema with the lists of vocabulary terms left out.

    A theme or target group added to vocabulary.yaml in the browser changes only these lists; the committed
    schema is compared without them, and a workflow on main writes them in (CONTRIBUTING.md).
    """
    if isinstance(schema, list):
        return [vocabulary_blind(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    blind = {key: vocabulary_blind(value) for key, value in schema.items()}
    if "enum" in blind and "vocabulary.yaml" in str(blind.get("description", "")):
        blind["enum"] = "(ordene i generator/records/vocabulary.yaml)"
    return blind
