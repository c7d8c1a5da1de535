"""Slips that parse but lose or change text, found before the record reaches the model.

A value wrapped in typographic quotes, a text missing its opening quote, a `#` glued to a word (the
rest of the line becomes a comment) and text left from the starter file all load as valid YAML; these
functions find them from the file's text, the parsed data and the marks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.records.problems import Marks

# Slips that parse but lose or change text. One look at the whole text finds the candidates (most
# files have none); only these are checked against the parsed values and their marks.
_WRAPPED_CANDIDATE = re.compile(r"(?:^[ \t]*-|:)[ \t]+[\"']?[«“”„‘]", re.MULTILINE)
_COMMENT_CANDIDATE = re.compile(r" #\S")  # a literal start: the regex engine skips ahead with a fast search
QUOTES = "«»“”„‘’"
WRAPPED = ("teksten står i typografiske anførselstegn («…» eller “…”), og de blir med på siden; bruk rette "
           'anførselstegn "…" rundt hele teksten (« » kan stå inne i teksten)')
WRAPPED_IN_STRAIGHT = ('teksten står i typografiske anførselstegn inne i de rette ("«…»"), og de blir med på siden; '
                       "fjern de typografiske")
CLOSES = {"«": "»", "“": "”", "”": "”", "„": "“", "‘": "’"}


def _wrapped(value: str) -> bool:
    """The whole text in typographic quotes, with none inside: «Fjellvik – språkpraksis med fadder»."""
    return (len(value) > 2 and CLOSES.get(value[0]) == value[-1]
            and not any(q in value[1:-1] for q in QUOTES))


def _value_at(data, path: tuple):
    for part in path:
        data = data[part]
    return data


def _field(path: tuple) -> str:
    return next((p for p in reversed(path) if isinstance(p, str)), "")


_NUMBERISH = re.compile(r"[\d\s.,+-]*")


def _half_quoted(text: str, data: dict, marks: Marks) -> list[tuple[int, int, str]]:
    """A value written without its opening quote, `title: Fjellvik språkpraksis"`: the " is published.

    Called only when the text holds an odd number of ", which a file with every text in quotes does not.
    """
    lines = text.split("\n")
    found = []
    for path, (line, column) in marks.items():
        if not path or path[0] == "<key>":
            continue
        value = _value_at(data, path)
        if not isinstance(value, str) or not value.endswith('"') or value.startswith('"') or value.count('"') % 2 == 0:
            continue
        if lines[line - 1][column - 1:column] in ("\"", "'", "|", ">"):  # quoted or a block: the " was meant
            continue
        if _NUMBERISH.fullmatch(value[:-1]):  # `value: 5"`: the model says a number needs no quotes
            continue
        found.append((line, column, f'«{_field(path)}»: teksten slutter med " men begynner ikke med "; sett '
                                    f"anførselstegn foran teksten også"))
    return found


_STARTER_WORDS = ("Min kommune", "...", "…")
# «...» where text should be: the whole value, or the end after a colon (the starter's "Min kommune: ...").
# Not in the middle of a text, where it can mark words left out of a quote.
LONE_DOTS = re.compile(r"^\s*(?:\.\.\.|…)\s*$|:\s*(?:\.\.\.|…)\s*$|^\s*(?:\.\.\.|…)\s*:")


def _outside_comments(text: str, word: str) -> bool:
    """Whether word stands somewhere in text other than in a # comment (the starter's comments hold it)."""
    at = text.find(word)
    while at != -1:
        line_start = text.rfind("\n", 0, at) + 1
        before = text[line_start:at]
        if not before.lstrip().startswith("#") and " #" not in before and "\t#" not in before:
            return True
        at = text.find(word, at + len(word))
    return False


def _starter_text(text: str, data: dict, marks: Marks) -> list[tuple[int, int, str]]:
    """Example text from the starter file left in a value: «Min kommune», or «...» standing for text."""
    if not any(word in text and _outside_comments(text, word) for word in _STARTER_WORDS):
        return []
    found = []
    for path, (line, column) in marks.items():
        if not path or path[0] == "<key>":
            continue
        value = _value_at(data, path)
        if not isinstance(value, str) or not ("Min kommune" in value or LONE_DOTS.search(value)):
            continue
        field = _field(path)
        if path == ("title",):
            message = "«title» er fortsatt eksempelet fra startfilen; skriv kommunens navn og hva praksisen handler om"
        elif "Min kommune" in value:
            message = f"«{field}»: «Min kommune» er eksempelteksten fra startfilen; skriv kommunens navn"
        else:
            message = f"«{field}»: «...» står igjen fra startfilen; skriv teksten ferdig"
        found.append((line, column, message))
    return found


def slips(text: str, data: dict, marks: Marks) -> list[tuple[int, int, str]]:
    """(line, column, message) for a value wrapped in typographic quotes or cut short by ` #`.

    Run on every file, so the common case costs a few substring searches: a `#` or a typographic
    quote in the text, then one regex with a literal start; only a line where text stands before
    ` #x`, or a value starts with a quote, is checked against the parsed values and their marks.
    """
    found = _half_quoted(text, data, marks) if text.count('"') % 2 else []
    found += _starter_text(text, data, marks)
    candidates = []  # (line, 0-based index in the line, "wrapped" or "comment")
    if any(quote in text for quote in CLOSES):
        for match in _WRAPPED_CANDIDATE.finditer(text):
            line_start = text.rfind("\n", 0, match.end() - 1) + 1
            candidates.append((text.count("\n", 0, line_start) + 1, match.end() - 1 - line_start, "wrapped"))
    if "#" in text:
        for match in _COMMENT_CANDIDATE.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            if text[line_start:match.start()].strip():  # not a comment line of its own
                candidates.append((text.count("\n", 0, line_start) + 1, match.start() + 1 - line_start, "comment"))
    if not candidates:
        return sorted(set(found))
    lines = text.split("\n")
    values: dict[int, list[tuple[int, tuple]]] = {}  # line -> (column, path) of each value starting there
    for path, (line, column) in marks.items():
        if path and path[0] != "<key>":
            values.setdefault(line, []).append((column, path))
    for line, at, kind in candidates:
        source = lines[line - 1].rstrip("\r")
        for column, path in values.get(line, ()):
            value = _value_at(data, path)
            if not isinstance(value, str) or not value:
                continue
            field = _field(path)
            if kind == "wrapped" and column - 1 in (at, at - 1) and _wrapped(value):
                if path[-1] == "name" and value[0] == "«":
                    continue  # the name of a programme, written as Norwegian does: «Kjenn din samarbeidspartner»
                inside = column - 1 == at - 1  # "«…»": the straight quotes are already there
                found.append((line, at + 1, f"«{field}»: {WRAPPED_IN_STRAIGHT if inside else WRAPPED}"))
            rest = source[column - 1:]
            if kind == "comment" and rest.startswith(value) and column - 1 + len(value) <= at \
                    and not rest[len(value):at - column + 1].strip():
                lost = source[at:].strip()
                shown = lost if len(lost) <= 40 else lost[:40] + "…"
                found.append((line, at + 1, f"«{field}»: teksten fra «{shown}» ble lest som en kommentar og kommer "
                                            f"ikke med; sett anførselstegn rundt hele teksten, eller skriv «# » med "
                                            f"mellomrom hvis det skal være en kommentar"))
    return sorted(set(found))
