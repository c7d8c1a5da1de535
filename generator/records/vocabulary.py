"""The controlled vocabulary (themes, target groups, regions, organisation models).

Contributors edit vocabulary.yaml too (CONTRIBUTING invites a new theme in the same pull request as a
case), so it is read with the records' strict loader and checked here, without raising, the first time a
term is looked up (not at import): its problems are in VOCABULARY.problems, and the catalog reports them as `generator/records/vocabulary.yaml:line:col: …`
from `validate` and the build. A term whose label is wrong is still known, so the records that use it
are not reported as well; a file that cannot be read leaves the vocabulary empty and unchecked.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from generator.records.load import read_yaml
from generator.records.problems import LoadError, Marks, Problem
from generator.text import slug_problem, slug_suggestion, slugify

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")
DISPLAY = "generator/records/vocabulary.yaml"
# Each list, with how a message names one of its terms.
KINDS = {"themes": "temaet", "target_groups": "målgruppen", "regions": "fylket", "organisation_models": "modellen"}
MAX_LABEL = 200
# Not a list of terms: the nynorsk form of a theme's or a target group's key, and the key it stands for,
# so a nynorsk writer who types «busetjing-og-bustad» is told the key is «bosetting-og-bolig».
NYNORSK = "nynorsk"
NYNORSK_KINDS = ("themes", "target_groups")


def read(path: Path = VOCABULARY_FILE, display: str = DISPLAY) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """The vocabulary and its problems; never raises."""
    vocabulary: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    try:
        data, marks = read_yaml(path, display)
    except LoadError as error:
        return vocabulary, [_reworded(problem) for problem in error.problems]
    problems: list[Problem] = []

    def add(loc: tuple, message: str) -> None:
        line, column = marks.get(loc, (1, 1))
        problems.append(Problem(display, line, column, message))

    for kind, terms in data.items():
        if kind == NYNORSK:
            continue
        if kind not in KINDS:
            close = difflib.get_close_matches(kind, KINDS, n=1)
            hint = f"mente du «{close[0]}»?" if close else f"listene heter {', '.join(KINDS)}"
            add(("<key>", kind), f"ukjent liste «{kind}»; {hint}")
        elif terms is None:
            add((kind,), f"listen «{kind}» er tom; skriv ett ord per linje under den, f.eks. «  nokkel: Navn»")
        elif not isinstance(terms, dict):
            add((kind,), f"«{kind}» skal ha ett ord per linje på formen «nøkkel: Navn», ikke en liste med «- »")
        else:
            for key, text in terms.items():
                vocabulary[kind][key] = _checked_term(kind, key, text, marks, add)
    vocabulary[NYNORSK] = _nynorsk_forms(data.get(NYNORSK), vocabulary, add)
    misspelt = {close for name in data if name not in KINDS for close in difflib.get_close_matches(name, KINDS, n=1)}
    for kind in KINDS:
        if kind not in data and kind not in misspelt:
            add((), f"mangler listen «{kind}:»; hent den fra forrige versjon av filen")
    return vocabulary, sorted(problems)


def _nynorsk_forms(forms, vocabulary: dict, add) -> dict[str, str]:
    """{nynorsk key: the key it stands for}, after adding any problem with the list."""
    if forms is None:
        return {}
    if not isinstance(forms, dict):
        add((NYNORSK,), f"«{NYNORSK}» skal ha én linje per ord på formen «nynorsk-nokkel: bokmal-nokkel»")
        return {}
    known = {key for kind in NYNORSK_KINDS for key in vocabulary[kind]}
    checked = {}
    for form, key in forms.items():
        problem = slug_problem(str(form))
        if problem:
            add(("<key>", NYNORSK, form), f"nøkkelen «{form}» {problem}; skriv f.eks. «{slug_suggestion(str(form), 'nytt-ord')}»")
        elif key not in known:
            add((NYNORSK, form), f"«{key}» er ikke et tema eller en målgruppe; skriv nøkkelen nynorskformen «{form}» står for")
        else:
            checked[form] = key
    return checked


def _checked_term(kind: str, key: str, text, marks: Marks, add) -> str:
    """The label of one term, after adding any problem with it (the key stands in for a bad label)."""
    problem = slug_problem(key)
    if problem:
        add(("<key>", kind, key), f"nøkkelen «{key}» {problem}; skriv f.eks. «{slug_suggestion(key, 'nytt-ord')}»")
    example = key.replace("-", " ").capitalize()
    if text is None or (isinstance(text, str) and not text.strip()):
        add(("<key>", kind, key), f"{KINDS[kind]} «{key}» mangler navn; skriv navnet etter kolon og mellomrom, "
                                  f"f.eks. «{key}: {example}»")
    elif not isinstance(text, str):
        add((kind, key), f"navnet på {KINDS[kind]} «{key}» skal være tekst; sett anførselstegn rundt det, "
                         f'f.eks. «{key}: "{example}"»')
    elif len(text) > MAX_LABEL:
        add((kind, key), f"navnet på {KINDS[kind]} «{key}» er for langt (høyst {MAX_LABEL} tegn)")
    else:
        return text.strip()
    return key


def _reworded(problem: Problem) -> Problem:
    if problem.message.startswith("filen er tom"):  # the records' wording suggests a new case
        return Problem(problem.path, problem.line, problem.column, "filen er tom; hent forrige versjon av filen")
    return problem


class Vocabulary(Mapping):
    """{kind: {key: label}}, read from vocabulary.yaml when first used, and again after it changes."""

    def __init__(self, path: Path = VOCABULARY_FILE):
        self._path = path
        self._version: tuple | None = None
        self._terms: dict[str, dict[str, str]] | None = None
        self._problems: list[Problem] = []

    def _file_version(self) -> tuple | None:
        try:
            info = os.stat(self._path)
        except OSError:
            return None
        return (info.st_ino, info.st_size, info.st_mtime_ns)

    def refresh(self) -> bool:
        """Read the file again if it changed since it was read (an edit during `make serve`); True if so."""
        version = self._file_version()
        if self._terms is not None and version == self._version:
            return False
        self._terms, self._problems = read(self._path)
        self._version = version
        return True

    def _loaded(self) -> dict[str, dict[str, str]]:
        if self._terms is None:
            self.refresh()
        return self._terms

    @property
    def problems(self) -> list[Problem]:
        self._loaded()
        return self._problems

    def __getitem__(self, kind: str) -> dict[str, str]:
        return self._loaded()[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(KINDS)  # the lists of terms; the nynorsk forms are looked up by name

    def __len__(self) -> int:
        return len(KINDS)


VOCABULARY = Vocabulary()

# Counties that no longer exist, with the counties of today (SSB's classification from 2024) their
# municipalities are in now. Sources written before a reform name them; a record names today's county.
FORMER_REGIONS = {
    "viken": ("akershus", "buskerud", "ostfold"),
    "troms-og-finnmark": ("troms", "finnmark"),
    "vestfold-og-telemark": ("vestfold", "telemark"),
    "hedmark": ("innlandet",),
    "oppland": ("innlandet",),
    "hordaland": ("vestland",),
    "sogn-og-fjordane": ("vestland",),
    "aust-agder": ("agder",),
    "vest-agder": ("agder",),
    "sor-trondelag": ("trondelag",),
    "nord-trondelag": ("trondelag",),
}


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


def _former_region(key: str) -> str:
    choices = [k for k in FORMER_REGIONS[key] if k in VOCABULARY["regions"]]
    named = choices[0] if len(choices) == 1 else ", ".join(choices[:-1]) + " eller " + choices[-1]
    return (f"; det er et tidligere fylke: skriv fylket kommunen hører til i dag ({named}) "
            f"og «region_basis: offentlig-inndeling» på linjen under")


def suggestion(kind: str, value: str) -> str:
    """The tail of an «ukjent …» message: the key that was meant, or the keys there are.

    The likely slips are æøå, a capital letter, the label copied from the site instead of the key,
    and a letter too many or too few; the last gets difflib's nearest key or label.
    """
    terms = VOCABULARY.get(kind) or {}
    if not terms:
        return ""
    folded = slugify(value[:200])  # æ→ae, ø→o, å→a, lower case, spaces → hyphens (as generator/text.py)
    if kind == "regions" and folded in FORMER_REGIONS and folded not in terms:
        return _former_region(folded)
    by_label = {slugify(text): key for key, text in terms.items()}
    nynorsk = {form: key for form, key in (VOCABULARY.get(NYNORSK) or {}).items() if key in terms}
    if folded in nynorsk:
        return f"; «{folded}» er nynorsk, i filen skriver du nøkkelen «{nynorsk[folded]}» (teksten kan gjerne være på nynorsk)"
    by_label.update(nynorsk)  # a nynorsk form with a letter wrong is matched below too
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
    # Past this the line would be cut (load.MAX_LINE), and a message that changes with every new theme
    # could not be quoted in CONTRIBUTING: point to the list instead (themes have passed it).
    if len(allowed) > 300:
        return f"; bruk en av nøklene under «{kind}» i generator/records/vocabulary.yaml"
    return f"; lovlige verdier: {allowed} (nye legges til i generator/records/vocabulary.yaml)"
