"""The fast path for ordinary records: libyaml parses, one pass makes the values, marks come later.

It gives exactly what the strict loader (yaml_checks) gives for any text it accepts, and falls back to
the strict loader for anything else (tests/records/test_load.py holds both to the same result).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping

from yaml.constructor import SafeConstructor
from yaml.cyaml import CParser
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from generator.records.problems import Marks
from generator.records.yaml_checks import (
    BOOL, CONTROL, DATE, FLOAT, INT, MAP, MAX_DEPTH, MAX_DIGITS, NULL, SEQ, STR, StrictLoader, check_tree,
)

class FastLoader(CParser, SafeConstructor, Resolver):
    """libyaml's parser with the same YAML 1.2 core resolution: much faster for ordinary records.

    It cannot refuse anchors, aliases, tags or deep nesting while composing, so it is only used for
    text that cannot hold them (see needs_strict); anything else, and any error, goes to StrictLoader.
    """

    yaml_implicit_resolvers = StrictLoader.yaml_implicit_resolvers

    def __init__(self, stream):
        CParser.__init__(self, stream)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)

    # Resolver's own methods, cut to what this resolver uses (no path resolvers, no wildcards): they
    # run for every value of every record.
    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return STR
        return SEQ if kind is SequenceNode else MAP


# What only the strict, pure-Python loader handles safely: anchors (&), aliases (*) and tags (!),
# directives (%), nested flow collections, compact nested sequences and very deep indentation.
# YAML reads &, * and ! as anchor, alias or tag only where a node begins: at the start of a line (after
# its indentation), after «- », «? », «: » or «---», and in [ ] or { } after «[», «{» or «,». Elsewhere
# they are text: «Velkommen!», «Mat & drikke», a quoted «*», a URL's «?id=1&cat=2». So the screen looks
# for them only after those places (and after every character YAML counts as a line break). A text line
# that merely begins with one of them (in a block scalar, say) is sent the slow way too: that costs
# time, never a different answer (tests/records/test_load.py checks the screen against libyaml's events).
#
# As one expression (tests/records/test_load.py holds needs_strict to it):
#   (?:^|[-?:\[{,\r\x85\u2028\u2029\ufeff])[ \t]*[&*!] | ^% | [\[{]\s*[\[{] | -[ \t]+-[ \t] | ^[ \t]{100,}
# with ^ at the start of the text and after every \n. Searched as that one expression, it took longer
# than libyaml's parse of a record: Python's regular expressions try every branch at every character.
# Split, each branch starts at a character it needs, and is only searched when the text holds one.
_AT_START = re.compile(r"[ \t]*[&*!]|%|[ \t]{100,}")
_NODE_START = re.compile(r"[-?:\[{,\n\r\x85\u2028\u2029\ufeff][ \t]*[&*!]")
_NESTED_FLOW = re.compile(r"[\[{]\s*[\[{]")
_COMPACT_SEQUENCE = re.compile(r"-[ \t]+-[ \t]")
_DEEP_INDENT = re.compile(r"\n[ \t]{100,}")


def needs_strict(text: str) -> bool:
    """Whether the text may hold what only the strict loader handles (see above)."""
    return bool(
        _AT_START.match(text)
        or (("&" in text or "*" in text or "!" in text) and _NODE_START.search(text))
        or "\n%" in text
        or (("[" in text or "{" in text) and _NESTED_FLOW.search(text))
        or _COMPACT_SEQUENCE.search(text)
        or _DEEP_INDENT.search(text)
    )


class Fallback(Exception):
    """Anything the fast path does not accept; the strict loader then finds and words the problem."""




def _build(node: Node, depth: int = 0):
    """Python values from a composed tree in one pass, with the same refusals as _check (no marks).

    Control characters are refused by _fast before parsing.
    """
    if depth > MAX_DEPTH:
        raise Fallback
    tag = node.tag
    if isinstance(node, ScalarNode):
        value = node.value
        if tag == STR:
            return value
        if tag == INT and len(value.lstrip("+-")) <= MAX_DIGITS:
            return int(value)
        if tag == FLOAT and math.isfinite(float(value)):
            return float(value)
        if tag == BOOL:
            return value.lower() == "true"
        if tag == NULL:
            return None
        if tag == DATE:
            return dt.date.fromisoformat(value)  # ValueError for 2024-13-01: the strict loader words it
        raise Fallback
    if isinstance(node, MappingNode) and tag == MAP:
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != STR or key_node.value in mapping:
                raise Fallback
            mapping[key_node.value] = _build(value_node, depth + 1)
        return mapping
    if isinstance(node, SequenceNode) and tag == SEQ:
        return [_build(item, depth + 1) for item in node.value]
    raise Fallback


class _LazyMarks(Mapping):
    """Line and column of each value, worked out only when a problem needs them (parsing again)."""

    def __init__(self, text: str):
        self._text: str | None = text
        self._marks: dict = {}

    def _all(self) -> dict:
        if self._text is not None:
            loader = FastLoader(self._text)
            try:
                check_tree(loader.get_single_node(), (), self._marks)
            finally:
                loader.dispose()
            self._text = None
        return self._marks

    def __getitem__(self, key):
        return self._all()[key]

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def read_fast(text: str) -> tuple[dict, Marks]:
    # Control characters can only reach a value from the text itself or through a backslash escape,
    # so one look at the whole text replaces a look at every value (the strict loader words the problem).
    if CONTROL.search(text) or "\\" in text:
        raise Fallback
    loader = FastLoader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if not isinstance(node, MappingNode):
        raise Fallback
    return _build(node), _LazyMarks(text)
