"""Safe YAML loading for records written by hand: every problem becomes a Problem with file:line:col.

Refused: tags (never constructed, so never executed), anchors and aliases, duplicate keys, keys that
are not text, nesting deeper than yaml_checks.MAX_DEPTH, control characters, impossible dates and numbers, files
over MAX_BYTES, symlinks, non-UTF-8, empty files and a top level that is not a mapping. Only YAML 1.2
core scalars are resolved, so YAML 1.1 traps (`no`, `on`, `0777`, `1:30`) stay strings and reach the
model as text, where the model decides whether text is allowed."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import yaml
from yaml.nodes import MappingNode

from generator.records import text_slips
from generator.records.problems import LoadError, Marks, Problem
from generator.records.syntax_messages import syntax_problem
from generator.records.fast_yaml import needs_strict, read_fast
from generator.records.yaml_checks import Refused, StrictLoader, check_tree

MAX_BYTES = 256 * 1024


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


def _compose(loader_class, text: str) -> tuple[dict, Marks]:
    loader = None
    try:
        loader = loader_class(text)  # the pure-Python reader checks for unprintable characters here
        node = loader.get_single_node()
        if node is None:
            raise _Empty
        marks: Marks = {}
        check_tree(node, (), marks)
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
    if not needs_strict(text):
        try:
            return read_fast(text)
        except Exception:  # noqa: BLE001 - the strict loader below finds and words the problem
            pass
    try:
        return _compose(StrictLoader, text)
    except Refused as refused:
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
