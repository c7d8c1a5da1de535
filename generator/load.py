"""Safe YAML loading for records written by hand: every problem becomes a Problem with file:line:col.

Refused: tags (never constructed, so never executed), anchors and aliases, duplicate keys, files over
MAX_BYTES, non-UTF-8, empty files and a top level that is not a mapping. Only YAML 1.2 core scalars
are resolved, so YAML 1.1 traps (`no`, `on`, `0777`, `1:30`) stay strings and reach the model as
text, where the model decides whether text is allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, ScalarEvent, SequenceStartEvent, MappingStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_BYTES = 256 * 1024
MAX_DEPTH = 30


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class LoadError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


# Line and column (1-based) of each value, keyed by its path in the document: ("practices", 0, "name").
Marks = dict[tuple, tuple[int, int]]

_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core resolution and no aliases or anchors."""

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(event.start_mark, "alias (*navn) er ikke tillatt; skriv verdien ut på nytt")
        if isinstance(event, (ScalarEvent, SequenceStartEvent, MappingStartEvent)) and event.anchor:
            raise _Refused(event.start_mark, "anker (&navn) er ikke tillatt; skriv verdien ut der den trengs")
        return Composer.compose_node(self, parent, index)


_StrictLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    ("timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
):
    _StrictLoader.add_implicit_resolver(_CORE + _tag, re.compile(_pattern), list(_first))


class _Refused(Exception):
    def __init__(self, mark, message: str):
        super().__init__(message)
        self.mark = mark
        self.message = message


def _check(node: Node, path: tuple, marks: Marks, depth: int = 0) -> None:
    """Refuse what the composed tree must not hold, and note where each value starts."""
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if depth > MAX_DEPTH:
        raise _Refused(node.start_mark, "strukturen er for dypt nøstet")
    if node.tag not in _ALLOWED_TAGS:
        raise _Refused(node.start_mark, f"YAML-taggen «{node.tag}» er ikke tillatt; fjern den")
    if isinstance(node, MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused(key_node.start_mark, "en nøkkel må være et enkelt ord")
            _check(key_node, ("<key>", *path, key_node.value), marks, depth + 1)
            key = key_node.value
            if key in seen:
                raise _Refused(
                    key_node.start_mark,
                    f"nøkkelen «{key}» står to ganger (første gang på linje {seen[key]}); fjern den ene",
                )
            seen[key] = key_node.start_mark.line + 1
            _check(value_node, (*path, key), marks, depth + 1)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _check(item, (*path, index), marks, depth + 1)


def read_yaml(path: Path, display: str | None = None) -> tuple[dict, Marks]:
    """Parse one record file; raise LoadError with one Problem on anything unsafe or malformed."""
    name = display or str(path)

    def fail(message: str, line: int = 1, column: int = 1):
        raise LoadError([Problem(name, line, column, message)])

    try:
        size = path.stat().st_size
    except OSError as error:
        fail(f"filen kan ikke leses ({error.strerror})")
    if size > MAX_BYTES:
        fail(f"filen er for stor ({size // 1024} KB); en post kan være høyst {MAX_BYTES // 1024} KB")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        fail("filen er ikke lagret som UTF-8; lagre den på nytt med tegnkoding UTF-8", line)
    if "\x00" in text:
        fail("filen inneholder nulltegn (binærfil?); lagre den som ren tekst i UTF-8")
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        fail("filen er tom; start med en kopi av en eksisterende post eller `make new-case`")

    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            fail("filen er tom")
        marks: Marks = {}
        _check(node, (), marks)
        if not isinstance(node, MappingNode):
            fail("toppnivået må være en samling felt (nøkkel: verdi), ikke en liste eller en enkelt verdi")
        data = loader.construct_document(node)
    except _Refused as refused:
        fail(refused.message, refused.mark.line + 1, refused.mark.column + 1)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        fail(f"YAML-syntaksfeil: {error.problem or error.context}; sjekk innrykk, kolon og anførselstegn", line, column)
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        fail(f"YAML-feil: {error}")
    except RecursionError:
        fail("strukturen er for dypt nøstet")
    finally:
        loader.dispose()
    return data, marks
