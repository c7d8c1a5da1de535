"""PyYAML's syntax errors said in Norwegian, at the line where the contributor's slip is.

PyYAML notices an unclosed quote, a missing space after a colon or a field indented under plain text
lines after the slip, in its own (English) words. These functions find the slip's own line and say
what to do; an error they do not recognise is given with PyYAML's words, marked as technical.
"""

from __future__ import annotations

import re

import yaml

# PyYAML's wording of common slips, said in Norwegian with a hint; anything else is said to be
# PyYAML's own (English) words.
_SYNTAX_HINTS = (
    ("'\\t'", "tabulatortegn (Tab) kan ikke brukes til innrykk; bruk mellomrom"),
    ("mapping values are not allowed", "kolon og mellomrom («: ») midt i en verdi; sett anførselstegn rundt teksten"),
    ("could not find expected ':'",
     "mangler kolon etter et feltnavn, eller mellomrom etter kolon (skriv «felt: verdi»); er linjen en "
     "fortsettelse av teksten over, rykk den inn eller sett anførselstegn rundt hele teksten"),
    ("end of stream", "filen slutter midt i en verdi; mangler et avsluttende anførselstegn, ] eller }?"),
    ("another document", "filen inneholder flere dokumenter (---); en post skal være ett dokument"),
    ("expected <block end>", "innrykket stemmer ikke, eller et anførselstegn er ikke lukket; "
                             "felt på samme nivå må starte i samme kolonne"),
    ("did not find expected", "innrykket stemmer ikke; felt på samme nivå må starte i samme kolonne"),
    ("expected ',' or ']'", "mangler komma eller ] i en liste i hakeparentes"),
    ("expected ',' or '}'", "mangler komma eller } i en samling i krøllparentes"),
    ("unknown escape character", "ukjent tegn etter \\ i tekst med doble anførselstegn; bruk enkle anførselstegn"),
    ("that cannot start any token", "en verdi kan ikke starte med dette tegnet; sett anførselstegn rundt teksten"),
    ("tag handle", "YAML-tagger (!…) er ikke tillatt; fjern den"),
    ("scanning an alias", "en tekst kan ikke starte med * uten anførselstegn; sett anførselstegn rundt teksten "
                          "(formatering som *uthevet* vises ikke på nettstedet)"),
    ("scanning an anchor", "en tekst kan ikke starte med & uten anførselstegn; sett anførselstegn rundt teksten"),
    ("sequence entries are not allowed", "en tekst kan ikke starte med «- » på samme linje som feltnavnet; "
                                         "sett anførselstegn rundt teksten, eller fjern «- »"),
)
_TYPOGRAPHIC_OPEN = "«“”„‘’‚"
# The start of a value on a line: after `- `, `key: ` or both; group 1 is the value's first character.
_VALUE_START = re.compile(r"^[ \t]*(?:-[ \t]+)?(?:[^\s#:\"'][^:#]*:[ \t]+)?(\S)")
_NBSP_INDENT = re.compile(r"^[ \t]*\u00a0", re.MULTILINE)
NBSP_MESSAGE = ("linjen starter med et hardt mellomrom (U+00A0, ofte kopiert fra Word); slett innrykket "
                "og skriv det på nytt med vanlige mellomrom")
TYPOGRAPHIC_MESSAGE = ("teksten står i typografiske anførselstegn («…» eller “…”); bruk rette anførselstegn "
                       '"…" rundt hele teksten (« » kan stå inne i teksten)')


def _quoted_before(lines: list[str], line: int, column: int) -> tuple | None:
    """The last quoted text that starts before (line, column), as YAML's scanner reads it.

    (quote, start line, start column, end line or None, end column, " #" inside), 1-based. A rough
    reader, run only after a syntax error: a quote opens a text only where a value can start (after
    «key: », «- », [ { or , in a flow), so an apostrophe in plain text (NAV's) opens nothing.
    """
    found = None
    quote = None
    flow = 0
    for number, source in enumerate(lines[:line], 1):
        source = source.rstrip("\r")
        stop = column - 1 if number == line else len(source)
        i = 0
        while i < len(source) and (quote or i < stop):
            char = source[i]
            if quote:
                if quote == '"' and char == "\\":
                    i += 2
                    continue
                if char == quote:
                    if quote == "'" and source[i + 1:i + 2] == "'":
                        i += 2
                        continue
                    found = (*found[:3], number, i + 1, found[5])
                    quote = None
                elif char == "#" and i and source[i - 1] in " \t":
                    found = (*found[:5], True)
            elif char == "#" and (i == 0 or source[i - 1] in " \t"):
                break
            elif char in "\"'":
                before = source[:i].rstrip()
                last = before[-1:]
                if not before or (last == ":" and before != source[:i]) or (last == "-" and before.strip() == "-") \
                        or (flow and last in "[{,") or last in "[{":
                    quote = char
                    found = (char, number, i + 1, None, 0, False)
            elif char in "[{":
                flow += 1
            elif char in "]}":
                flow = max(0, flow - 1)
            i += 1
    return found


def _runaway_quote(text: str, line: int, column: int) -> tuple[int, int, str] | None:
    """An unclosed quote, or a " inside quoted text, that YAML notices only later: where it starts."""
    lines = text.split("\n")
    found = _quoted_before(lines, line, column)
    if found is None:
        return None
    quote, start, start_column, end, end_column, comment = found
    if end is None or end >= line and (end > start or comment):
        # Unclosed at the error, or closed only lines later or by a quote in what was meant as a comment.
        return start, start_column, (f"YAML-syntaksfeil: anførselstegnet som starter her, er ikke lukket; sett {quote} "
                                     f"til slutt i teksten på samme linje")
    source = lines[end - 1] if end <= len(lines) else ""
    after = source[end_column:].lstrip()
    if end == start == line and after[:1].isalnum():
        if quote == '"':
            return end, end_column, 'YAML-syntaksfeil: et " inne i teksten avslutter den; bruk « » inne i teksten'
        return end, end_column, ("YAML-syntaksfeil: en ' inne i teksten avslutter den; bruk doble anførselstegn "
                                 '"…" rundt hele teksten')
    return None


_KEY_LINE = re.compile(r"^([ \t]*)([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$")


def _indented_under_text(lines: list[str], line: int, column: int) -> tuple[int, int, str] | None:
    """`key: value` indented deeper than a `field: text` above it: YAML read it as more of that text.

    PyYAML then finds a «: » in the middle of a value, which would otherwise get the advice to quote it.
    """
    source = lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""
    here = _KEY_LINE.match(source)
    if not here or here.end(2) != column - 1:  # the «: » YAML stopped at is not this line's own key's
        return None
    above = next((lines[i].rstrip("\r") for i in range(line - 2, -1, -1)
                  if lines[i].strip() and not lines[i].lstrip().startswith("#")), "")
    field = re.match(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*):[ \t]+([^\s#\"'|>&*!\[{].*)$", above)
    if not field or here.start(2) <= field.start(1):
        return None
    key, over = here.group(2), field.group(1)
    return line, here.start(2) + 1, (f"YAML-syntaksfeil: linjen er rykket lenger inn enn «{over}:» på linjen over, så den "
                                     f"ble lest som en del av teksten der; flytt «{key}:» til samme kolonne som «{over}:»")


def syntax_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Line, column and Norwegian message for PyYAML's complaint, at the line that causes it."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    words = f"{error.context or ''} {error.problem or ''}"
    nbsp = _NBSP_INDENT.search(text)
    if nbsp and text.count("\n", 0, nbsp.start()) < line:  # invisible, and the error follows from it
        return text.count("\n", 0, nbsp.start()) + 1, 1, f"YAML-syntaksfeil: {NBSP_MESSAGE}"
    runaway = _runaway_quote(text, line, column)
    if runaway:
        return runaway
    if error.context_mark and any(k in words for k in ("simple key", "scanning an alias", "scanning an anchor")):
        # PyYAML notices a missing colon a line later, and a bad * or & at its end: the start is the slip.
        line, column = error.context_mark.line + 1, error.context_mark.column + 1
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    start = _VALUE_START.match(source)
    if start and start.group(1) in _TYPOGRAPHIC_OPEN:
        return line, start.start(1) + 1, f"YAML-syntaksfeil: {TYPOGRAPHIC_MESSAGE}"
    glued = re.match(r"^[ \t]*(?:-[ \t]+)?([\w-]+):(\S.*)$", source)
    if "could not find expected ':'" in words and glued:
        written = f"{glued.group(1)}: {glued.group(2)}"
        shown = written if len(written) <= 60 else written[:60] + "…"
        return line, column, f"YAML-syntaksfeil: det mangler mellomrom etter kolon; skriv «{shown}»"
    if "mapping values are not allowed" in words:
        deeper = _indented_under_text(lines, line, column)
        if deeper:
            return deeper
    hint = next((hint for needle, hint in _SYNTAX_HINTS if needle in words), None)
    if hint is None:
        technical = " ".join(str(error.problem or error.context).split())
        hint = f"sjekk innrykk, kolon og anførselstegn her. Teknisk melding fra YAML-leseren (engelsk): {technical}"
    return line, column, f"YAML-syntaksfeil: {hint}"
