"""Load every case and template, validate each against the model and all of them against each other."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from generator import parallel
from generator.records import vocabulary
from generator.records.validation_messages import problems_from
from generator.records.load import MAX_BYTES, read_yaml
from generator.records.problems import LoadError, Problem
from generator.records.model import Case, Template
from generator.text import look_alike_key, slug_problem, slug_suggestion, sort_key

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Catalog:
    cases: dict[str, Case] = field(default_factory=dict)
    templates: dict[str, Template] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Where each record came from, relative to the project root: {"ralingen": "cases/ralingen.yaml"}.
    case_files: dict[str, str] = field(default_factory=dict)
    template_files: dict[str, str] = field(default_factory=dict)
    # Line and column of every value in every file, so cross-file problems can point at a line.
    marks: dict[str, dict] = field(default_factory=dict)

    _sorted: list | None = field(default=None, repr=False, compare=False)

    def sorted_cases(self) -> list[tuple[str, Case]]:
        """Cases in Norwegian alphabetical order (computed once: the catalog is not changed after loading)."""
        if self._sorted is None or len(self._sorted) != len(self.cases):
            self._sorted = sorted(self.cases.items(), key=lambda item: sort_key(item[1].title))
        return self._sorted

    def templates_for(self, case_slug: str) -> list[tuple[str, Template]]:
        found = [(slug, t) for slug, t in self.templates.items() if case_slug in t.cases]
        return sorted(found, key=lambda item: sort_key(item[1].title))


def _display(path: Path, root: Path) -> str:
    try:
        return os.path.relpath(path, root)
    except ValueError:
        return str(path)


# Records already read in this process: {(path, display, model): (file version, (record, marks, problems))}.
# `generator build` and the site builder's hook both load the catalog, and `make serve` re-reads only
# the file that changed, whose entry then replaces the old one.
_RECORDS: dict[tuple, tuple] = {}


def _cached(key) -> tuple | None:
    if key is None:
        return None
    entry = _RECORDS.get(key[0])
    return entry[1] if entry is not None and entry[0] == key[1] else None


def load_record(path: Path, model: type[BaseModel], root: Path = ROOT, marks_out: dict | None = None):
    """One record as a model instance; raises LoadError with every problem in it."""
    display = _display(path, root)
    key = _cache_key(Path(path), model, display)
    cached = _cached(key)
    if cached is not None:
        record, marks, problems = cached
    else:
        record, marks, problems = _load_uncached(Path(path), model, display)
        if key is not None:
            _RECORDS[key[0]] = (key[1], (record, marks, problems))
    if marks_out is not None and marks is not None:
        marks_out[display] = marks
    if problems:
        raise LoadError(problems)
    return record


def _load_uncached(path: Path, model: type[BaseModel], display: str):
    """(record, marks, problems): exactly one of record and problems is set."""
    try:
        data, marks = read_yaml(path, display)
    except LoadError as error:
        return None, None, error.problems
    problem = slug_problem(path.stem)
    if problem:  # the name becomes the page's address and what `related` names
        message = f"filnavnet «{path.name}» {problem}; gi filen navnet {slug_suggestion(path.stem)}{path.suffix}"
        return None, marks, [Problem(display, 1, 1, message)]
    try:
        return model.model_validate(data), marks, None
    except ValidationError as error:
        return None, marks, problems_from(error, model, display, marks)


def cross_check(catalog: Catalog) -> None:
    def add(path: str, message: str, loc: tuple = ()):
        line, column = catalog.marks.get(path, {}).get(loc, (1, 1))
        catalog.problems.append(Problem(path, line, column, message))

    titles: dict[str, str] = {}  # the same title, however written (see look_alike_key) -> the first case with it
    for slug, case in catalog.cases.items():
        titles.setdefault(look_alike_key(case.title), slug)
    _names_written_alike(catalog, add)
    _template_titles_alike(catalog, add)
    for slug, case in catalog.cases.items():
        path = catalog.case_files[slug]
        first = titles[look_alike_key(case.title)]
        if first != slug:  # a copied case: both files are named, since either may be the new one
            for here, there in ((path, catalog.case_files[first]), (catalog.case_files[first], path)):
                add(here, f"«title» er den samme som i {there}; gi casen en egen tittel (og sjekk at resten av teksten "
                          f"gjelder riktig kommune)", ("title",))
        for i, other in enumerate(case.related):
            if other == slug:
                add(path, f"«related» viser til casen selv («{slug}»); fjern den, eller skriv en annen case", ("related", i))
            elif other not in catalog.cases:
                add(path, f"«related» viser til ukjent case «{other}» (finnes ingen cases/{other}.yaml)", ("related", i))
        for p, practice in enumerate(case.practices):
            for t, template in enumerate(practice.templates):
                if template not in catalog.templates:
                    add(path, f"tiltaket «{practice.name}» viser til ukjent mal «{template}» (finnes ingen templates/{template}.yaml)", ("practices", p, "templates", t))
    for slug, template in catalog.templates.items():
        for i, case_slug in enumerate(template.cases):
            if case_slug not in catalog.cases:
                add(catalog.template_files[slug], f"«cases» viser til ukjent case «{case_slug}» (finnes ingen cases/{case_slug}.yaml)", ("cases", i))
    clashes = set(catalog.cases) & set(catalog.templates)
    for slug in sorted(clashes):
        add(catalog.template_files[slug], f"en case og en mal heter begge «{slug}»; gi malen et annet filnavn")


def _names_written_alike(catalog: Catalog, add) -> None:
    """A municipality named twice in a case, or spelt with other characters than in another case."""
    first: dict[str, tuple[str, str, str]] = {}  # look-alike key -> (name as written, file, where in it)
    for slug, case in sorted(catalog.cases.items()):
        path = catalog.case_files[slug]
        for index, municipality in enumerate(case.municipalities):
            name, at = municipality.name, ("municipalities", index, "name")
            seen = first.setdefault(look_alike_key(name), (name, path, at))
            if seen[1] == path and seen[2] != at:
                add(path, f"«name»: kommunen «{name}» står to ganger i «municipalities»; fjern den ene", at)
            elif seen[0] != name and unicodedata.normalize("NFC", seen[0]) == unicodedata.normalize("NFC", name):
                add(path, f"«name»: «{name}» ser ut som «{seen[0]}» i {seen[1]}, men er lagret med andre tegn (en bokstav "
                          f"som æ, ø eller å er satt sammen av to tegn); slett navnet og skriv det inn på nytt", at)
            elif seen[0] != name:
                add(path, f"«name»: «{name}» er skrevet annerledes enn «{seen[0]}» i {seen[1]}, men er samme "
                          f"kommune; skriv navnet likt (kopier det derfra)", at)


def _template_titles_alike(catalog: Catalog, add) -> None:
    first: dict[str, str] = {}  # look-alike key -> the first template with that title
    for slug, template in sorted(catalog.templates.items()):
        seen = first.setdefault(look_alike_key(template.title), slug)
        if seen != slug:
            add(catalog.template_files[slug], f"«title» er den samme som i {catalog.template_files[seen]}; gi malen en "
                                              f"egen tittel", ("title",))


def left_alone(name: str) -> bool:
    """A file name in cases/ or templates/ that is never a record and never reported: hidden files
    (.gitkeep, an editor's lock .#fjellvik.yaml, a swap file) and editors' backups (fjellvik.yaml~,
    #fjellvik.yaml#), which come and go while a record is being edited."""
    return name.startswith(".") or name.endswith("~") or (len(name) > 1 and name.startswith("#") and name.endswith("#"))


def _files(root: Path, folder: str, extra: list[Path]) -> list[Path]:
    found = sorted(p for p in (root / folder).glob("*.y*ml") if not left_alone(p.name))
    if not extra:
        return found
    known = {p.resolve() for p in found}
    return found + [p for p in extra if p.resolve() not in known and (p.parent.name == "templates") == (folder == "templates")]


def _stray_files(root: Path, folder: str) -> list[Problem]:
    """Files in cases/ or templates/ that would be skipped without a word: wrong name or a subfolder."""
    problems = []
    directory = root / folder
    if not directory.is_dir():
        return problems
    for entry in sorted(directory.iterdir()):
        if left_alone(entry.name) or entry.suffix in (".yaml", ".yml"):
            continue
        shown = f"{folder}/{entry.name}"
        if entry.is_dir():
            message = f"mappen «{entry.name}» blir ikke lest; legg filene direkte i {folder}/"
        else:
            stem = entry.name.split(".")[0] or entry.name  # fjellvik, fjellvik.txt, fjellvik.yaml.txt
            message = f"filen blir ikke med fordi navnet ikke slutter på .yaml; gi den navnet {folder}/{stem}.yaml"
        problems.append(Problem(shown, 1, 1, message))
    return problems


# Top-level keys that make a file look like a record (a configuration file has other keys).
_RECORD_KEYS = (("cases", re.compile(r"^municipalities:", re.M)), ("templates", re.compile(r"^sections:", re.M)))
_TITLE = re.compile(r"^title:", re.M)


def _stray_root_files(root: Path) -> list[Problem]:
    """A case or template saved next to README.md (GitHub's «Add file» on the front page): never read."""
    problems = []
    for entry in sorted(root.glob("*.y*ml")):
        if entry.name.startswith(".") or entry.suffix not in (".yaml", ".yml") or entry.name.startswith("mkdocs."):
            continue
        try:
            info = os.lstat(entry)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                continue
            text = entry.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        folder = next((folder for folder, key in _RECORD_KEYS if key.search(text)), None)
        if folder and _TITLE.search(text):
            message = f"filen blir ikke med fordi den ligger utenfor {folder}/; flytt den til {folder}/{entry.stem}.yaml"
            problems.append(Problem(entry.name, 1, 1, message))
    return problems


def _cache_key(path: Path, model: type[BaseModel], display: str):
    """The file as it is now: any change to it (an edit in `make serve`) changes its times or size.

    Only lstat: reading and hashing every file again for each load would be most of the file system
    work of a build with many cases.
    """
    try:
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_BYTES:
            version = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
            return (os.path.abspath(path), display, model), version
    except OSError:
        pass  # read_yaml says what is wrong
    return None


def _load_job(_context, job: tuple[str, type[BaseModel], str]):
    path, model, display = job
    return _load_uncached(Path(path), model, display)


def _prefetch(jobs: list[tuple[Path, type[BaseModel], str]]) -> None:
    """Parse many records on several cores at once, into the same cache load_record reads."""
    todo = [(job, key) for job in jobs if (key := _cache_key(*job)) is not None and _cached(key) is None]
    if not parallel.worth_it(len(todo)):
        return
    results = parallel.map_cases(_load_job, [(str(p), m, d) for (p, m, d), _key in todo], None)
    for (_job, key), result in zip(todo, results):
        _RECORDS[key[0]] = (key[1], result)


def load_catalog(root: Path = ROOT, extra: list[Path] = ()) -> Catalog:
    """All records under root/cases and root/templates, plus any extra files, with their problems.

    From the command line (parallel.WORKERS > 1), large catalogs are parsed on several cores.
    """
    if vocabulary.VOCABULARY.refresh():  # records were checked against the old terms
        _RECORDS.clear()
    catalog = Catalog()
    extra = [Path(p) for p in extra]
    groups = (
        (_files(root, "cases", extra), Case, catalog.cases, catalog.case_files),
        (_files(root, "templates", extra), Template, catalog.templates, catalog.template_files),
    )
    with parallel.collector_paused():
        _prefetch([(Path(p), model, _display(Path(p), root)) for paths, model, _r, _f in groups for p in paths])
        _add_records(catalog, groups, root)
    for folder in ("cases", "templates"):
        catalog.problems.extend(_stray_files(root, folder))
    catalog.problems.extend(_stray_root_files(root))
    if not catalog.problems:
        cross_check(catalog)
    catalog.problems.sort()
    # First: the records are checked against it.
    catalog.problems[:0] = vocabulary.VOCABULARY.problems
    return catalog


def _add_records(catalog: Catalog, groups, root: Path) -> None:
    for paths, model, records, files in groups:
        for path in paths:
            try:
                record = load_record(Path(path), model, root, catalog.marks)
            except LoadError as error:
                catalog.problems.extend(error.problems)
                continue
            if path.stem in records:
                catalog.problems.append(Problem(_display(path, root), 1, 1, f"«{path.stem}» finnes allerede som {files[path.stem]}"))
                continue
            records[path.stem] = record
            files[path.stem] = _display(Path(path), root)
