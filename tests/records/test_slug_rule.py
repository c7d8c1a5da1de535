"""One slug rule: file names, `related`, source ids, vocabulary keys and `make new-case` accept the same names."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from generator import cli
from generator.records import vocabulary
from generator.records.catalog import load_record
from generator.records.load import LoadError
from generator.records.model import Case, Slug
from generator.text import SLUG_MAX, slug_problem, slug_suggestion

from tests.conftest import FIXTURES

VALID = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
NAMES = ["fjellvik", "nord-aurdal", "rana-2", "2024", "-zz-testfjord", "zz-", "a--b", "Fjellvik", "bærum", "min_kommune",
         "min kommune", "x" * SLUG_MAX, "x" * (SLUG_MAX + 1)]


def _file_name_accepted(tmp_path: Path, name: str) -> bool:
    path = tmp_path / f"{name}.yaml"
    path.write_text(VALID, encoding="utf-8")
    try:
        load_record(path, Case, root=tmp_path)
    except LoadError as error:
        assert all("filnavnet" in p.message for p in error.problems), error.problems
        return False
    return True


def _model_accepts(name: str) -> bool:
    try:
        TypeAdapter(Slug).validate_python(name)
    except ValidationError:
        return False
    return True


def _vocabulary_accepts(tmp_path: Path, name: str) -> bool:
    path = tmp_path / "vocabulary.yaml"
    lists = "".join(f"{kind}:\n  noe: Noe\n" for kind in vocabulary.KINDS if kind != "themes")
    path.write_text(f'themes:\n  "{name}": Et tema\n{lists}', encoding="utf-8")
    terms, problems = vocabulary.read(path, "vocabulary.yaml")
    assert name in terms["themes"]
    return not problems


def _new_case_accepts(tmp_path: Path, monkeypatch, name: str) -> bool:
    monkeypatch.setattr(cli, "ROOT", tmp_path)
    return cli.main(["new", "--", name]) == 0


@pytest.mark.parametrize("name", NAMES)
def test_every_place_that_names_a_case_or_term_follows_the_same_rule(tmp_path, monkeypatch, name):
    expected = slug_problem(name) is None
    assert _file_name_accepted(tmp_path, name) is expected
    assert _model_accepts(name) is expected  # related, source ids, templates, a template's cases
    assert _vocabulary_accepts(tmp_path, name) is expected
    assert _new_case_accepts(tmp_path, monkeypatch, name) is expected


@pytest.mark.parametrize("name", NAMES)
def test_what_the_message_suggests_follows_the_rule(name):
    assert slug_problem(slug_suggestion(name)) is None


def test_make_new_case_names_what_is_wrong_and_what_to_write(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "ROOT", tmp_path)
    assert cli.main(["new", "--", "-zz-testfjord"]) == 1
    message = capsys.readouterr().err
    assert "«-zz-testfjord» kan ikke starte eller slutte med bindestrek" in message
    assert "make new-case SLUG=zz-testfjord" in message
    assert not (tmp_path / "cases").exists()
