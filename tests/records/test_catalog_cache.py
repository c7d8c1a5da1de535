"""`make serve` loads the catalog again after every edit: it must see the edit and forget what it replaced."""

from __future__ import annotations

import shutil

from generator.records import catalog as catalog_module
from generator.records.catalog import load_catalog
from generator.records.vocabulary import VOCABULARY_FILE, Vocabulary

from tests.conftest import FIXTURES
from tests.sandbox import make_project


def test_an_edited_record_replaces_its_cached_version(tmp_path):
    project = make_project(tmp_path / "project", {"eksempelby.yaml": (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")})
    record = project / "cases" / "eksempelby.yaml"
    first = load_catalog(project)
    assert not first.problems, first.problems
    text = record.read_text(encoding="utf-8")
    old_title = first.cases["eksempelby"].title
    record.write_text(text.replace(old_title, old_title + " og omegn", 1), encoding="utf-8")
    second = load_catalog(project)
    assert second.cases["eksempelby"].title == old_title + " og omegn"
    entries = [key for key in catalog_module._RECORDS if key[0] == str(record)]
    assert len(entries) == 1, entries


def test_the_vocabulary_is_read_when_first_used_and_again_after_an_edit(tmp_path):
    path = tmp_path / "vocabulary.yaml"
    shutil.copy(VOCABULARY_FILE, path)
    vocabulary = Vocabulary(path)
    assert vocabulary._terms is None  # nothing read yet: no work at import
    assert "akershus" in vocabulary["regions"]
    assert not vocabulary.refresh()  # unchanged: not read again
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("regions:\n", "regions:\n  testfylke: Testfylke\n", 1), encoding="utf-8")
    assert vocabulary.refresh()
    assert vocabulary["regions"]["testfylke"] == "Testfylke"
    assert not vocabulary.problems
