"""The starter record `make new-case` writes: starter_case.yaml, with the vocabulary's terms as they are now.

A contributor may add a theme or a target group to vocabulary.yaml in the browser (CONTRIBUTING invites
it), where nobody can run a command. So the lists of allowed terms in the starter's comments are not
something to keep in step by hand: each is rewritten from the vocabulary when the starter is written
out (`make new-case`, and `make schema`, which a workflow runs on main after such a change).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from pathlib import Path

from generator.records.vocabulary import VOCABULARY

STARTER = Path(__file__).with_name("starter_case.yaml")
# A comment line that holds nothing but vocabulary keys: «#   arbeid-og-kvalifisering, praksisplasser,».
_TERMS_LINE = re.compile(r"^(?P<lead>[ ]*#[ ]{3})(?P<terms>[a-z0-9-]+(?:, [a-z0-9-]+)*,?)$")
WIDTH = 100


def _kind_of(terms: list[str], vocabulary: Mapping[str, Mapping[str, str]]) -> str | None:
    """The list these terms come from: the one holding most of them (all of them, unless one was removed)."""
    counts = {kind: sum(term in keys for term in terms) for kind, keys in vocabulary.items()}
    kind = max(counts, key=counts.get, default=None)
    return kind if kind and counts[kind] * 2 > len(terms) else None


def refreshed(text: str, vocabulary: Mapping[str, Mapping[str, str]] = VOCABULARY) -> str:
    """text with every block of term lines rewritten to the vocabulary's full list, in its order."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        first = _TERMS_LINE.match(lines[index])
        # Only a list that a line ending in «:» introduces («Lovlige verdier:»); terms inside prose are left alone.
        if not first or not out or not out[-1].rstrip().endswith(":"):
            out.append(lines[index])
            index += 1
            continue
        block = [first]
        while index + len(block) < len(lines):
            more = _TERMS_LINE.match(lines[index + len(block)])
            if not more or more.group("lead") != first.group("lead"):
                break
            block.append(more)
        terms = [t.strip() for match in block for t in match.group("terms").split(",") if t.strip()]
        kind = _kind_of(terms, vocabulary)
        if kind is None or not vocabulary[kind]:
            out += [match.group(0) for match in block]
        else:
            lead = first.group("lead")
            out += textwrap.wrap(", ".join(vocabulary[kind]), WIDTH, initial_indent=lead, subsequent_indent=lead,
                                 break_on_hyphens=False)
        index += len(block)
    return "\n".join(out)


def starter_text() -> str:
    return refreshed(STARTER.read_text(encoding="utf-8"))
