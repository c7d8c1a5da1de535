"""The controlled vocabulary (themes, target groups, regions, organisation models)."""

from __future__ import annotations

import difflib
from pathlib import Path

import yaml

from .text import slugify

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")
VOCABULARY: dict[str, dict[str, str]] = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))


def label(kind: str, key: str) -> str:
    """Norwegian label of a vocabulary term."""
    return VOCABULARY[kind][key]


def _how_keys_are_written(value: str) -> str:
    """What differs between what was written and the key it folds to."""
    ways = []
    if value != value.lower():
        ways.append("med små bokstaver")
    if not value.isascii():
        ways.append("uten æ, ø og å")
    if any(c in value for c in " _/"):
        ways.append("med bindestrek i stedet for mellomrom")
    return f" (skrives {' og '.join(ways)})" if ways else ""


def suggestion(kind: str, value: str) -> str:
    """The tail of an «ukjent …» message: the key that was meant, or the keys there are.

    The likely slips are æøå, a capital letter, the label copied from the site instead of the key,
    and a letter too many or too few; the last gets difflib's nearest key or label.
    """
    terms = VOCABULARY.get(kind) or {}
    if not terms:
        return ""
    folded = slugify(value[:200])  # æ→ae, ø→o, å→a, lower case, spaces → hyphens (as generator/text.py)
    by_label = {slugify(text): key for key, text in terms.items()}
    if folded in terms:
        return f"; mente du «{folded}»?{_how_keys_are_written(value)}"
    if folded in by_label:
        key = by_label[folded]
        return f"; «{terms[key]}» er navnet som vises på nettstedet, i filen skriver du nøkkelen «{key}»"
    if folded:
        close = difflib.get_close_matches(folded, [*terms, *by_label], n=1, cutoff=0.75)
        if close:
            return f"; mente du «{by_label.get(close[0], close[0])}»?"
    allowed = ", ".join(sorted(terms))
    if len(allowed) > 400:  # a line in a CI log, not a page: past this, point to the list instead
        return f"; se lovlige verdier under «{kind}» i generator/vocabulary.yaml"
    return f"; lovlige verdier: {allowed} (nye legges til i generator/vocabulary.yaml)"
