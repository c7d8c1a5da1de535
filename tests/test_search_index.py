"""The search index as built: what each entry lets people find, and what a result shows them."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from generator.catalog import load_catalog
from generator.search_index import keywords
from generator.text import ascii_variants

from .conftest import ROOT


@pytest.fixture(scope="module")
def index(site) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


def words(separator: str, text: str) -> list[str]:
    """Material's tokenizer: the text between separator matches (Python's re reads this pattern as JS does)."""
    return [word for word in re.split(separator, text) if word]


def test_words_split_at_punctuation_so_acronyms_in_parentheses_are_words(index):
    separator = index["config"]["separator"]
    assert words(separator, "Individuell oppfølgingsplan (IOP) for «Sel», Vågå/Nordre Land &amp; NAV-kontoret.") == [
        "Individuell", "oppfølgingsplan", "IOP", "for", "Sel", "Vågå", "Nordre", "Land", "NAV", "kontoret",
    ]
    assert words(separator, "16,3 % i 2015: «tøff kjærlighet» – og sånn…") == [
        "16", "3", "%", "i", "2015", "tøff", "kjærlighet", "og", "sånn",
    ]


def test_a_case_entry_shows_its_summary_and_hides_names_and_spellings(index, catalog):
    entries = {doc["location"]: doc for doc in index["docs"]}
    for slug, case in catalog.cases.items():
        entry = entries[f"eksempler/{slug}/"]
        text = BeautifulSoup(entry["text"], "html.parser")
        hidden = " ".join(span.extract().get_text() for span in text.select("[hidden]"))
        assert " ".join(text.get_text().split()) == " ".join(case.summary.split())
        for name in [*keywords(case), *(v for m in case.municipalities for v in ascii_variants(m.name))]:
            assert name in hidden, f"{slug}: {name!r} is not searchable"
        assert entry["boost"] > 1  # a case outranks pages where its name only starts another word


def test_spellings_without_special_letters_stay_searchable(index):
    ralingen = next(doc for doc in index["docs"] if doc["location"] == "eksempler/ralingen/")
    assert {"Raelingen", "Ralingen"} <= set(words(index["config"]["separator"], ralingen["text"]))


def test_template_forms_stay_out_of_the_search_index(index, site, catalog):
    labels = set()
    for slug in catalog.templates:
        page = BeautifulSoup((site / "maler" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert not page.select("[data-search-exclude]")  # Material takes the marker out of the page
        assert page.select("form, article.mal, .mal-seksjon")  # the preview is still on the page
        labels |= {" ".join(label.get_text().split()) for label in page.select("label.mal-skjult")}
    assert labels
    template_docs = [doc for doc in index["docs"] if doc["location"].startswith("maler/")]
    for doc in template_docs:
        assert "#mal-" not in doc["location"], doc["location"]
        text = " ".join(doc["text"].split())
        assert not [label for label in labels if label in text], doc["location"]
    for slug, template in catalog.templates.items():
        first_words = " ".join(template.description.split()[:5])
        assert any(doc["location"].startswith(f"maler/{slug}/") and first_words in doc["text"] for doc in template_docs)
