"""The controlled vocabulary (themes, target groups, regions, organisation models)."""

from pathlib import Path

import yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")
VOCABULARY: dict[str, dict[str, str]] = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))


def label(kind: str, key: str) -> str:
    """Norwegian label of a vocabulary term."""
    return VOCABULARY[kind][key]
