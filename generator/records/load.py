"""Safe YAML loading for records written by hand: every problem becomes a Problem with file:line:col.

Refused: tags (never constructed, so never executed), anchors and aliases, duplicate keys, keys that
are not text, nesting deeper than MAX_DEPTH, control characters, impossible dates and numbers, files
over MAX_BYTES, symlinks, non-UTF-8, empty files and a top level that is not a mapping. Only YAML 1.2
core scalars are resolved, so YAML 1.1 traps (`no`, `on`, `0777`, `1:30`) stay strings and reach the
model as text, where the model decides whether text is allowed."""

from __future__ import annotations

import codecs
import datetime as dt
import math
import os
import re
import stat
from pathlib import Path
from collections.abc import Mapping
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.cyaml import CParser
from yaml.resolver import Resolver
from yaml.events import AliasEvent, ScalarEvent, SequenceStartEvent, MappingStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.records import text_slips
from generator.records.problems import LoadError, Marks, Problem
from generator.records.syntax_messages import syntax_problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 30

_CORE = "tag:yaml.org,2002:"
# Control characters and bidirectional overrides can hide or reorder text; lone surrogates and
# non-characters (from "\ud800" escapes) cannot even be written out as UTF-8. Invisible characters
# (soft hyphen, zero-width space and joiners, word joiner, direction marks, a byte order mark inside
# the text) make two names that look the same differ, and hide words from search.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    r"\ufeff\ud800-\udfff\ufffe\uffff]"
)
MAX_DIGITS = 15
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core resolution and no tags, aliases, anchors or deep nesting."""

    depth = 0

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(event.start_mark, "alias (*navn) er ikke tillatt; står * først i en tekst, sett "
                                             "anførselstegn rundt teksten (formatering som *uthevet* vises ikke "
                                             "på nettstedet), ellers skriv verdien ut på nytt")
        if isinstance(event, (ScalarEvent, SequenceStartEvent, MappingStartEvent)):
            if event.anchor:
                raise _Refused(event.start_mark, "anker (&navn) er ikke tillatt; står & først i en tekst, sett "
                                                 "anførselstegn rundt teksten, ellers skriv verdien ut der den trengs")
            # Explicit tags, even core ones (!!timestamp, !!bool), would reach constructors that crash or
            # read more into a value than its text says; a value is text, a number, a date or true/false.
            if event.tag is not None:
                raise _Refused(event.start_mark, f"YAML-taggen «{_short_tag(event.tag)}» er ikke tillatt; fjern den")
        if self.depth >= MAX_DEPTH:  # checked while composing, before Python's own stack runs out
            raise _Refused(event.start_mark, "strukturen er for dypt nøstet")
        self.depth += 1
        try:
            return Composer.compose_node(self, parent, index)
        finally:
            self.depth -= 1


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


_StrictLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    ("timestamp", r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "0123456789"),
):
    _StrictLoader.add_implicit_resolver(_CORE + _tag, re.compile(_pattern), list(_first))
# YAML 1.2: `0777` is the number 777, not octal 511 as YAML 1.1 (and PyYAML) would read it.
_StrictLoader.add_constructor(_CORE + "int", lambda loader, node: int(node.value))


class _FastLoader(CParser, SafeConstructor, Resolver):
    """libyaml's parser with the same YAML 1.2 core resolution: for ordinary records, 20 times faster.

    It cannot refuse anchors, aliases, tags or deep nesting while composing, so it is only used for
    text that cannot hold them (see _NEEDS_STRICT); anything else, and any error, goes to _StrictLoader.
    """

    yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers

    def __init__(self, stream):
        CParser.__init__(self, stream)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)

    # Resolver's own methods, cut to what this resolver uses (no path resolvers, no wildcards): they
    # run for every value of every record, and were a fifth of the time of reading one.
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
            return _STR
        return _SEQ if kind is SequenceNode else _MAP


# Anchors (&), aliases (*), tags (!), nested flow collections and compact nested sequences, and very
# deep indentation: only the strict, pure-Python loader handles these safely.
_NEEDS_STRICT = re.compile(r"[&*!]|[\[{]\s*[\[{]|-[ \t]+-[ \t]|^[ \t]{100,}", re.MULTILINE)


class _Refused(Exception):
    def __init__(self, mark, message: str):
        super().__init__(message)
        self.mark = mark
        self.message = message


def _invisible_message(value: str, at: int, path: tuple) -> str:
    """Where the character is, by the letters next to it: it cannot be seen, so «fjern det» alone is no help."""
    code = f"U+{ord(value[at]):04X}"
    field = next((f"«{_CONTROL.sub('', p)}»: " for p in reversed(path) if isinstance(p, str) and p != "<key>"), "")
    before = _CONTROL.sub("", value[max(0, at - 20):at]).split(" ")[-1]
    after = _CONTROL.sub("", value[at + 1:at + 21]).split(" ")[0]
    where = f" mellom «{before}» og «{after}»" if before and after else (
        f" rett etter «{before}»" if before else f" rett foran «{after}»" if after else "")
    fix = "slett ordet og skriv det inn på nytt" if before or after else "fjern det"
    return f"{field}teksten inneholder et usynlig eller ugyldig tegn ({code}){where}; {fix}"


def _check_scalar(node: ScalarNode, path: tuple = ()) -> None:
    control = _CONTROL.search(node.value)
    if control:
        raise _Refused(node.start_mark, _invisible_message(node.value, control.start(), path))
    kind = node.tag[len(_CORE):]
    if kind == "timestamp":
        try:
            dt.date.fromisoformat(node.value)
        except ValueError:
            message = f"«{node.value}» er ikke en gyldig dato; skriv datoen som ÅÅÅÅ-MM-DD"
            raise _Refused(node.start_mark, message) from None
    elif kind == "int" and len(node.value.lstrip("+-")) > MAX_DIGITS:
        raise _Refused(node.start_mark, f"tallet er for stort (høyst {MAX_DIGITS} siffer)")
    elif kind == "float" and not math.isfinite(float(node.value)):
        raise _Refused(node.start_mark, "tallet er for stort")


def _check(node: Node, path: tuple, marks: Marks, depth: int = 0) -> None:
    """Refuse what the composed tree must not hold, and note where each value starts."""
    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if depth > MAX_DEPTH:
        raise _Refused(node.start_mark, "strukturen er for dypt nøstet")
    if node.tag not in _ALLOWED_TAGS:
        raise _Refused(node.start_mark, f"YAML-taggen «{_short_tag(node.tag)}» er ikke tillatt; fjern den")
    if isinstance(node, ScalarNode):
        _check_scalar(node, path)
    elif isinstance(node, MappingNode):
        seen: dict[Any, int] = {}
        for index, (key_node, value_node) in enumerate(node.value):
            if not isinstance(key_node, ScalarNode):
                raise _Refused(key_node.start_mark, "en nøkkel må være et enkelt ord")
            if key_node.tag != _CORE + "str":
                _number_as_key(node, index, path)
                shown = key_node.value if len(key_node.value) <= 40 else key_node.value[:40] + "…"
                message = f"nøkkelen «{shown}» må være et feltnavn (tekst), ikke et tall, en dato, true/false eller null"
                raise _Refused(key_node.start_mark, message)
            _check(key_node, ("<key>", *path, key_node.value), marks, depth + 1)
            key = key_node.value
            if key in seen:
                raise _Refused(key_node.start_mark, _duplicate_message(key, seen[key], node, path))
            seen[key] = key_node.start_mark.line + 1
            _check(value_node, (*path, key), marks, depth + 1)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _check(item, (*path, index), marks, depth + 1)


def _number_as_key(mapping: MappingNode, index: int, path: tuple) -> None:
    """A number where a field name should be, from a decimal comma or a point written as `2019: 55`."""
    key_node, value_node = mapping.value[index]
    if mapping.flow_style and index and key_node.tag == _INT:
        # {year: 2019, value: 55,5}: the comma ended the value, and «5» became a key of its own.
        field_node, number = mapping.value[index - 1]
        end = number.end_mark
        if number.tag == _INT and (key_node.start_mark.line, key_node.start_mark.column) == (end.line, end.column + 1):
            written = f"{number.value},{key_node.value}"
            raise _Refused(number.start_mark, f"«{field_node.value}» skal være et tall, ikke «{written}»; bruk punktum "
                                              f"som desimaltegn: {number.value}.{key_node.value}")
    if path and path[-1] == "points" and key_node.tag == _INT and isinstance(value_node, ScalarNode):
        point = f"{key_node.value}: {value_node.value}"
        raise _Refused(key_node.start_mark, f"«points» er en liste med ett punkt per år; skriv «{point}» som "
                                            f"«- {{year: {key_node.value}, value: {value_node.value}}}»")


def _duplicate_message(key: str, first_line: int, mapping: MappingNode, path: tuple) -> str:
    if path and isinstance(path[-1], int) and not mapping.flow_style:
        # In a list item, a repeated key is most often the next item written without its «- ».
        item_line = mapping.start_mark.line + 1
        return (f"nøkkelen «{key}» står to ganger i samme element (første gang på linje {first_line}); begynner "
                f"et nytt element her? Bytt da ut de to mellomrommene foran «{key}» med «- », slik som på linje "
                f"{item_line}")
    return f"nøkkelen «{key}» står to ganger (første gang på linje {first_line}); fjern den ene"


def _decode(raw: bytes, fail) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        fail("filen er lagret som UTF-16; lagre den på nytt med tegnkoding UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        fail("filen er ikke lagret som UTF-8; lagre den på nytt med tegnkoding UTF-8", line)
    if "\x00" in text:
        fail("filen inneholder nulltegn (binærfil?); lagre den som ren tekst i UTF-8")
    return text


class _NotMapping(Exception):
    pass


class _Empty(Exception):
    pass


class _Fallback(Exception):
    """Anything the fast path does not accept; the strict loader then finds and words the problem."""


_STR, _INT, _FLOAT, _BOOL, _NULL, _DATE, _MAP, _SEQ = (
    _CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


def _build(node: Node, depth: int = 0):
    """Python values from a composed tree in one pass, with the same refusals as _check (no marks).

    Control characters are refused by _fast before parsing.
    """
    if depth > MAX_DEPTH:
        raise _Fallback
    tag = node.tag
    if isinstance(node, ScalarNode):
        value = node.value
        if tag == _STR:
            return value
        if tag == _INT and len(value.lstrip("+-")) <= MAX_DIGITS:
            return int(value)
        if tag == _FLOAT and math.isfinite(float(value)):
            return float(value)
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _NULL:
            return None
        if tag == _DATE:
            return dt.date.fromisoformat(value)  # ValueError for 2024-13-01: the strict loader words it
        raise _Fallback
    if isinstance(node, MappingNode) and tag == _MAP:
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag != _STR or key_node.value in mapping:
                raise _Fallback
            mapping[key_node.value] = _build(value_node, depth + 1)
        return mapping
    if isinstance(node, SequenceNode) and tag == _SEQ:
        return [_build(item, depth + 1) for item in node.value]
    raise _Fallback


class _LazyMarks(Mapping):
    """Line and column of each value, worked out only when a problem needs them (parsing again)."""

    def __init__(self, text: str):
        self._text: str | None = text
        self._marks: dict = {}

    def _all(self) -> dict:
        if self._text is not None:
            loader = _FastLoader(self._text)
            try:
                _check(loader.get_single_node(), (), self._marks)
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


def _fast(text: str) -> tuple[dict, Marks]:
    # Control characters can only reach a value from the text itself or through a backslash escape,
    # so one look at the whole text replaces a look at every value (the strict loader words the problem).
    if _CONTROL.search(text) or "\\" in text:
        raise _Fallback
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if not isinstance(node, MappingNode):
        raise _Fallback
    return _build(node), _LazyMarks(text)


def _compose(loader_class, text: str) -> tuple[dict, Marks]:
    loader = None
    try:
        loader = loader_class(text)  # the pure-Python reader checks for unprintable characters here
        node = loader.get_single_node()
        if node is None:
            raise _Empty
        marks: Marks = {}
        _check(node, (), marks)
        if not isinstance(node, MappingNode):
            raise _NotMapping
        return loader.construct_document(node), marks
    finally:
        if loader is not None:
            loader.dispose()


def read_yaml(path: Path, display: str | None = None) -> tuple[dict, Marks]:
    """Parse one record file; raise LoadError with one Problem on anything unsafe or malformed."""
    name = display or str(path)

    def fail(message: str, line: int = 1, column: int = 1):
        raise LoadError([Problem(name, line, column, message)])

    try:
        info = os.lstat(path)  # lstat: a link could publish any file on the machine that builds the site
    except FileNotFoundError:
        fail("filen finnes ikke")
    except OSError as error:
        fail(f"filen kan ikke leses ({error.strerror})")
    if stat.S_ISLNK(info.st_mode):
        fail("filen er en symbolsk lenke; legg inn selve filen i stedet")
    if not stat.S_ISREG(info.st_mode):
        fail("er ikke en vanlig fil, men en mappe eller lignende")
    if info.st_size > MAX_BYTES:
        fail(f"filen er for stor ({info.st_size // 1024} KB); en post kan være høyst {MAX_BYTES // 1024} KB")
    try:
        raw = path.read_bytes()
    except OSError as error:
        fail(f"filen kan ikke leses ({error.strerror})")
    text = _decode(raw, fail)
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        fail("filen er tom; start med en kopi av en eksisterende post eller `make new-case`")

    data, marks = _parse(text, fail)
    slips = text_slips.slips(text, data, marks)
    if slips:
        raise LoadError([Problem(name, line, column, message) for line, column, message in slips])
    return data, marks


def _parse(text: str, fail) -> tuple[dict, Marks]:
    if not _NEEDS_STRICT.search(text):
        try:
            return _fast(text)
        except Exception:  # noqa: BLE001 - the strict loader below finds and words the problem
            pass
    try:
        return _compose(_StrictLoader, text)
    except _Refused as refused:
        fail(refused.message, refused.mark.line + 1, refused.mark.column + 1)
    except _Empty:
        fail("filen er tom")
    except _NotMapping:
        fail("toppnivået må være en samling felt (nøkkel: verdi), ikke en liste eller en enkelt verdi")
    except yaml.MarkedYAMLError as error:
        line, column, message = syntax_problem(error, text)
        fail(message, line, column)
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        fail(f"filen inneholder et ugyldig tegn (U+{error.character:04X}); fjern det", line)
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        fail(f"YAML-feil: {' '.join(str(error).split())}")
    except RecursionError:
        fail("strukturen er for dypt nøstet")
    raise AssertionError("unreachable")  # every branch above returns or fails
