"""The rules a record's YAML must keep, checked on the composed tree before any value is made.

The strict, pure-Python loader resolves only YAML 1.2 core scalars, so YAML 1.1 traps (`no`, `on`,
`0777`, `1:30`) stay strings. check_tree refuses tags, anchors and aliases, duplicate keys, keys that are
not text, nesting deeper than MAX_DEPTH, control and invisible characters and impossible numbers, each
as Refused at its place, and notes the line and column of every value in Marks.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.records.problems import Marks

MAX_DEPTH = 30
CORE = "tag:yaml.org,2002:"
# Control characters and bidirectional overrides can hide or reorder text; lone surrogates and
# non-characters (from "\ud800" escapes) cannot even be written out as UTF-8. Invisible characters
# (soft hyphen, zero-width space and joiners, word joiner, direction marks, a byte order mark inside
# the text) make two names that look the same differ, and hide words from search.
CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    r"\ufeff\ud800-\udfff\ufffe\uffff]"
)
MAX_DIGITS = 15
STR, INT, FLOAT, BOOL, NULL, DATE, MAP, SEQ = (
    CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
_ALLOWED_TAGS = {CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core resolution and no tags, aliases, anchors or deep nesting."""

    depth = 0

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise Refused(event.start_mark, "alias (*navn) er ikke tillatt; står * først i en tekst, sett "
                                             "anførselstegn rundt teksten (formatering som *uthevet* vises ikke "
                                             "på nettstedet), ellers skriv verdien ut på nytt")
        if isinstance(event, (ScalarEvent, SequenceStartEvent, MappingStartEvent)):
            if event.anchor:
                raise Refused(event.start_mark, "anker (&navn) er ikke tillatt; står & først i en tekst, sett "
                                                 "anførselstegn rundt teksten, ellers skriv verdien ut der den trengs")
            # Explicit tags, even core ones (!!timestamp, !!bool), would reach constructors that crash or
            # read more into a value than its text says; a value is text, a number, a date or true/false.
            if event.tag is not None:
                raise Refused(event.start_mark, f"YAML-taggen «{_short_tag(event.tag)}» er ikke tillatt; fjern den")
        if self.depth >= MAX_DEPTH:  # checked while composing, before Python's own stack runs out
            raise Refused(event.start_mark, "strukturen er for dypt nøstet")
        self.depth += 1
        try:
            return Composer.compose_node(self, parent, index)
        finally:
            self.depth -= 1


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(CORE):] if tag.startswith(CORE) else tag


StrictLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    ("timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
):
    StrictLoader.add_implicit_resolver(CORE + _tag, re.compile(_pattern), list(_first))
# YAML 1.2: `0777` is the number 777, not octal 511 as YAML 1.1 (and PyYAML) would read it.
StrictLoader.add_constructor(CORE + "int", lambda loader, node: int(node.value))


class Refused(Exception):
    def __init__(self, mark, message: str):
        super().__init__(message)
        self.mark = mark
        self.message = message


def invisible_message(value: str, at: int, path: tuple) -> str:
    """Where the character is, by the letters next to it: it cannot be seen, so «fjern det» alone is no help."""
    code = f"U+{ord(value[at]):04X}"
    field = next((f"«{CONTROL.sub('', p)}»: " for p in reversed(path) if isinstance(p, str) and p != "<key>"), "")
    before = CONTROL.sub("", value[max(0, at - 20):at]).split(" ")[-1]
    after = CONTROL.sub("", value[at + 1:at + 21]).split(" ")[0]
    where = f" mellom «{before}» og «{after}»" if before and after else (
        f" rett etter «{before}»" if before else f" rett foran «{after}»" if after else "")
    fix = "slett ordet og skriv det inn på nytt" if before or after else "fjern det"
    return f"{field}teksten inneholder et usynlig eller ugyldig tegn ({code}){where}; {fix}"


def _check_scalar(node: ScalarNode, path: tuple = ()) -> None:
    control = CONTROL.search(node.value)
    if control:
        raise Refused(node.start_mark, invisible_message(node.value, control.start(), path))
    kind = node.tag[len(CORE):]
    if kind == "timestamp":
        try:
            dt.date.fromisoformat(node.value)
        except ValueError:
            message = f"«{node.value}» er ikke en gyldig dato; skriv datoen som ÅÅÅÅ-MM-DD"
            raise Refused(node.start_mark, message) from None
    elif kind == "int" and len(node.value.lstrip("+-")) > MAX_DIGITS:
        raise Refused(node.start_mark, f"tallet er for stort (høyst {MAX_DIGITS} siffer)")
    elif kind == "float" and not math.isfinite(float(node.value)):
        raise Refused(node.start_mark, "tallet er for stort")


def check_tree(node: Node, path: tuple, marks: Marks, depth: int = 0) -> None:
    """Refuse what the composed tree must not hold, and note where each value starts."""
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if depth > MAX_DEPTH:
        raise Refused(node.start_mark, "strukturen er for dypt nøstet")
    if node.tag not in _ALLOWED_TAGS:
        raise Refused(node.start_mark, f"YAML-taggen «{_short_tag(node.tag)}» er ikke tillatt; fjern den")
    if isinstance(node, ScalarNode):
        _check_scalar(node, path)
    elif isinstance(node, MappingNode):
        seen: dict[Any, int] = {}
        for index, (key_node, value_node) in enumerate(node.value):
            if not isinstance(key_node, ScalarNode):
                raise Refused(key_node.start_mark, "en nøkkel må være et enkelt ord")
            if key_node.tag != CORE + "str":
                _number_as_key(node, index, path)
                shown = key_node.value if len(key_node.value) <= 40 else key_node.value[:40] + "…"
                message = f"nøkkelen «{shown}» må være et feltnavn (tekst), ikke et tall, en dato, true/false eller null"
                raise Refused(key_node.start_mark, message)
            check_tree(key_node, ("<key>", *path, key_node.value), marks, depth + 1)
            key = key_node.value
            if key in seen:
                raise Refused(key_node.start_mark, _duplicate_message(key, seen[key], node, path))
            seen[key] = key_node.start_mark.line + 1
            check_tree(value_node, (*path, key), marks, depth + 1)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            check_tree(item, (*path, index), marks, depth + 1)


def _number_as_key(mapping: MappingNode, index: int, path: tuple) -> None:
    """A number where a field name should be, from a decimal comma or a point written as `2019: 55`."""
    key_node, value_node = mapping.value[index]
    if mapping.flow_style and index and key_node.tag == INT:
        # {year: 2019, value: 55,5}: the comma ended the value, and «5» became a key of its own.
        field_node, number = mapping.value[index - 1]
        end = number.end_mark
        if number.tag == INT and (key_node.start_mark.line, key_node.start_mark.column) == (end.line, end.column + 1):
            written = f"{number.value},{key_node.value}"
            raise Refused(number.start_mark, f"«{field_node.value}» skal være et tall, ikke «{written}»; bruk punktum "
                                              f"som desimaltegn: {number.value}.{key_node.value}")
    if path and path[-1] == "points" and key_node.tag == INT and isinstance(value_node, ScalarNode):
        point = f"{key_node.value}: {value_node.value}"
        raise Refused(key_node.start_mark, f"«points» er en liste med ett punkt per år; skriv «{point}» som "
                                            f"«- {{year: {key_node.value}, value: {value_node.value}}}»")


def _duplicate_message(key: str, first_line: int, mapping: MappingNode, path: tuple) -> str:
    if path and isinstance(path[-1], int) and not mapping.flow_style:
        # In a list item, a repeated key is most often the next item written without its «- ».
        item_line = mapping.start_mark.line + 1
        return (f"nøkkelen «{key}» står to ganger i samme element (første gang på linje {first_line}); begynner "
                f"et nytt element her? Bytt da ut de to mellomrommene foran «{key}» med «- », slik som på linje "
                f"{item_line}")
    return f"nøkkelen «{key}» står to ganger (første gang på linje {first_line}); fjern den ene"
