"""`make new-case SLUG=...`: a commented starter record that cannot be published until it is filled in."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.records.starter import STARTER, starter_text
from generator.records.model import Case
from generator.records.vocabulary import VOCABULARY

from tests.conftest import FIXTURES, run_generator
from tests.sandbox import make_project

VALID = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
# What a contributor types into the starter's blanks, in order of appearance.
FILL_IN = [
    ('title: ""', 'title: "Testby: språkpraksis"'),
    ('summary: ""', 'summary: "Testby gir alle deltakere praksis med fadder."'),
    ('name: ""', 'name: "Bodø"'),
    ('region: ""', "region: nordland"),
    ("value: TALL", "value: 4200"),
    ("year: ÅÅÅÅ", "year: 2024"),
    ('source: ""', "source: kilde-1"),
    ("value: TALL", "value: 12.5"),
    ("year: ÅÅÅÅ", "year: 2024"),
    ('source: ""', "source: kilde-1"),
    ("themes: []", "themes: [organisering]"),
    ("target_groups: []", "target_groups: [flyktninger]"),
    ('model: ""', "model: egen-tjeneste"),
    ('unit: ""', 'unit: "Flyktningtjenesten"'),
    ('description: ""', 'description: "Et eget team følger opp deltakerne."'),
    ('name: ""', 'name: "Språkpraksis"'),
    ('description: ""', 'description: "Praksis med fadder fra første uke."'),
    ('source: ""', "source: kilde-1"),
    ('id: ""', "id: kilde-1"),
    ('title: ""', 'title: "Årsmelding 2024"'),
    ("updated: ÅÅÅÅ-MM-DD", "updated: 2025-01-31"),
    ("last_verified: ÅÅÅÅ-MM-DD", "last_verified: 2025-01-31"),
]


def fill_in(text: str) -> str:
    for blank, value in FILL_IN:
        assert blank in text, blank
        text = text.replace(blank, value, 1)
    return text


def uncomment_examples(text: str) -> str:
    """Remove «# » before each VALGFRITT example block (`# key:` and the indented lines under it)."""
    lines, inside = [], False
    for line in text.splitlines():
        starts = re.match(r"^# [a-z_]+:$", line)
        inside = bool(starts) or (inside and line.startswith("#  "))
        lines.append(line[2:] if inside else line)
    return "\n".join(lines) + "\n"


@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path, cases={"eksempelby.yaml": VALID})


def new_case(project: Path, slug: str = "testby") -> str:
    result = run_generator("new", slug, cwd=project)
    assert result.returncode == 0, result.stderr
    assert f"cases/{slug}.yaml" in result.stdout
    return (project / "cases" / f"{slug}.yaml").read_text(encoding="utf-8")


def test_new_case_is_commented_and_points_editors_to_the_schema(project):
    text = new_case(project)
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/case.schema.json"
    assert "UGYLDIG til du har fylt den ut" in text
    assert text == starter_text()


def test_starter_lists_every_term_contributors_may_use():
    # Contributors in GitHub's web editor have no autocompletion: the starter `make new-case` writes names
    # the allowed terms, taken from the vocabulary as it is (a word added there needs no edit here).
    text = starter_text()
    missing = [f"{kind}: {term}" for kind, terms in VOCABULARY.items() for term in terms if term not in text]
    assert missing == []


def test_untouched_starter_fails_validation_and_says_what_to_fill_in(project):
    new_case(project)
    result = run_generator("validate", "cases/testby.yaml", cwd=project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert all(re.match(r"^cases/testby\.yaml:\d+:\d+: ", line) for line in lines)
    for expected in ("«title» er tom; fyll inn en verdi", "«themes» må ha minst 1 element", "«updated» skal være en dato"):
        assert any(expected in line for line in lines), expected


def test_filled_in_starter_is_valid(project):
    path = project / "cases" / "testby.yaml"
    path.write_text(fill_in(new_case(project)), encoding="utf-8")
    result = run_generator("validate", "cases/testby.yaml", cwd=project)
    assert result.returncode == 0, result.stdout


# The blanks of the VALGFRITT example blocks, in order of appearance.
FILL_IN_EXAMPLES = [
    ('label: ""', 'label: "Deltakere i arbeid"'), ("value: TALL", "value: 61"), ("year: ÅÅÅÅ", "year: 2020"),
    ('source: ""', "source: kilde-1"),
    ('label: ""', 'label: "Overgang til arbeid"'), ('definition: ""', 'definition: "Andel i arbeid"'),
    ('source: ""', "source: kilde-1"),
    ("{year: ÅÅÅÅ, value: TALL}", "{year: 2019, value: 55}"), ("{year: ÅÅÅÅ, value: TALL}", "{year: 2020, value: 61}"),
    ('name: ""', 'name: "Kari Testesen"'), ('role: ""', 'role: "Leder"'), ('organisation: ""', 'organisation: "Testby kommune"'),
    ('phones: ["TELEFON"]', 'phones: ["+47 913 54 954"]'),
    ('source: ""', "source: kilde-1"),
    ('name: ""', 'name: "Kari Testesen"'), ('role: ""', 'role: "Leder"'), ('summary: ""', 'summary: "Hun mener praksis virker."'),
    ('source: ""', "source: kilde-1"),
    ('name: ""', 'name: "NAV Testby"'), ('role: ""', 'role: "Felles oppfølging"'),
    ('title: ""', 'title: "En rapport"'),
]


def test_optional_example_blocks_stop_the_case_until_filled_in(project):
    # A contributor who uncomments a block and forgets to fill it in must not publish an example
    # contact person or example figures.
    path = project / "cases" / "testby.yaml"
    text = uncomment_examples(fill_in(new_case(project)))
    for key in ("key_figures:", "results:", "contacts:", "people:", "partners:", "literature:"):
        assert f"\n{key}\n" in text, key
    path.write_text(text, encoding="utf-8")
    result = run_generator("validate", "cases/testby.yaml", cwd=project)
    assert result.returncode == 1
    first_example_line = text.splitlines().index("key_figures:") + 1
    lines = [int(line.split(":")[1]) for line in result.stdout.splitlines() if line.startswith("cases/testby.yaml:")]
    assert len(lines) >= len(FILL_IN_EXAMPLES) - 4 and min(lines) > first_example_line

    for blank, value in FILL_IN_EXAMPLES:
        assert blank in text, blank
        text = text.replace(blank, value, 1)
    path.write_text(text, encoding="utf-8")
    result = run_generator("validate", "cases/testby.yaml", cwd=project)
    assert result.returncode == 0, result.stdout


def _field_names(model: type[BaseModel], seen: set) -> set[str]:
    names = set()
    for name, field in model.model_fields.items():
        names.add(name)
        for arg in [field.annotation, *typing.get_args(field.annotation)]:
            for inner in [arg, *typing.get_args(arg)]:
                if isinstance(inner, type) and issubclass(inner, BaseModel) and inner not in seen:
                    seen.add(inner)
                    names |= _field_names(inner, seen)
    return names


def test_starter_explains_every_field_of_a_case():
    text = STARTER.read_text(encoding="utf-8")
    missing = [name for name in _field_names(Case, set()) if not re.search(rf"^[#\s-]*{name}:", text, re.M)]
    assert missing == []


@pytest.mark.parametrize("slug", ["Min Kommune", "bærum", "../hack", "min_kommune", "slutt-", "a" * 81])
def test_bad_slug_is_refused_in_norwegian(project, slug):
    result = run_generator("new", slug, cwd=project)
    assert result.returncode == 1
    assert "Ugyldig navn på casen" in result.stderr
    assert sorted(p.name for p in (project / "cases").iterdir()) == ["eksempelby.yaml"]


def test_missing_slug_is_refused(project):
    result = run_generator("new", cwd=project)
    assert result.returncode == 1
    assert "make new-case SLUG=min-kommune" in result.stderr


@pytest.mark.parametrize("existing", ["cases/eksempelby.yaml", "cases/eksempelby.yml", "templates/eksempelby.yaml"])
def test_existing_record_is_never_overwritten(tmp_path, existing):
    project = make_project(tmp_path)
    (project / existing).write_text("title: mitt arbeid\n", encoding="utf-8")
    result = run_generator("new", "eksempelby", cwd=project)
    assert result.returncode == 1
    assert f"{existing} finnes allerede" in result.stderr
    assert (project / existing).read_text(encoding="utf-8") == "title: mitt arbeid\n"
