"""What Pagefind actually indexed: each page's text as the index holds it (its page fragments)."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from bs4 import BeautifulSoup

from generator import paths
from generator.records.catalog import load_catalog

from tests.conftest import ROOT

CATALOG = load_catalog(ROOT)
SIGNATURE = b"pagefind_dcd"  # Pagefind's files start with it, after gzip


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


@pytest.fixture(scope="module")
def indexed(site) -> dict[str, dict]:
    """{page location: Pagefind's fragment of the page (url, content, meta, anchors ...)}."""
    fragments = {}
    for path in sorted((site / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path.name
        fragment = json.loads(data[len(SIGNATURE):])
        fragments[fragment["url"].strip("/")] = fragment
    return fragments


def _page_text(site, location: str) -> str:
    soup = BeautifulSoup((site / location / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("[data-pagefind-body]").get_text(" ")


def test_the_index_holds_no_word_that_is_not_on_the_page(site, indexed):
    # Adjacent cells, headings or labels without a space between them would be indexed as one word
    # («ÅrAndel»): found by nobody, and shown glued together in a result's excerpt.
    for location, fragment in indexed.items():
        glued = words(fragment["content"]) - words(_page_text(site, location))
        assert not glued, f"/{location}/: {sorted(glued)[:10]}"


def test_a_case_is_found_by_its_title_on_its_own_page_and_its_templates_only(indexed):
    # Lists of cases (the case list, comparison, theme, target-group and county pages, related cases on
    # a case page) are not indexed: each case is found on its own page, not on every page that lists it.
    # A template's page says which cases it builds on, so searching a case finds its templates too.
    for slug, case in CATALOG.cases.items():
        expected = [paths.case_path(slug)] + [paths.template_path(t) for t, tpl in CATALOG.templates.items() if slug in tpl.cases]
        expected = sorted(paths.page_location(p).strip("/") for p in expected)
        holding = sorted(loc for loc, fragment in indexed.items() if case.title in fragment["content"])
        assert holding == expected, f"{case.title}: {holding}"


def test_listing_pages_are_found_by_their_own_words(site, indexed):
    facet_pages = [loc for loc in indexed if loc.split("/")[0] in {f for f, _ in paths.FACET_FOLDERS.values()}]
    assert facet_pages
    for location in [*facet_pages, "eksempler", "sammenligning"]:
        soup = BeautifulSoup((site / location / "index.html").read_text(encoding="utf-8"), "html.parser")
        # The heading and the introduction (after the heading's wrapper, which holds its permalink).
        own = [soup.select_one("article h1"), *soup.select("article .ikb-heading:has(> h1) ~ p")[:1]]
        assert own[0], location
        for element in own:
            assert words(element.get_text(" ")) <= words(indexed[location]["content"]), (location, element)
