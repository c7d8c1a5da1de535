"""Search through the real search box: names with and without æ/ø/å, and the words caseworkers type."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import open_page

pytestmark = pytest.mark.browser

# (what a reader types, the case that must come first)
NAMES = [
    ("Rælingen", "ralingen"), ("Raelingen", "ralingen"), ("Ralingen", "ralingen"),
    ("Lørenskog", "lorenskog"), ("Lorenskog", "lorenskog"),
    ("Båtsfjord", "batsfjord"), ("Batsfjord", "batsfjord"), ("batsfjord", "batsfjord"),
    ("Nesna", "nesna"),
    ("Vågå", "oppland-distriktsmodell"), ("Vaga", "oppland-distriktsmodell"),
]
# (a word from the work, a case that must be among the results)
WORDS = [
    ("fadderordning", "lorenskog"),
    ("helsekurs", "ralingen"),
    ("praksisplasser", "lorenskog"),
    ("NAV", "batsfjord"),
]


@pytest.fixture
def search_box(tab: Page, base_url):
    if tab.url != base_url + "/":  # the search tests share one loaded front page
        open_page(tab, base_url, "/")
    box = tab.locator(".md-search__input")
    box.click()
    return box


def search(tab: Page, box, query: str) -> list[str]:
    """Type like a person and return the case paths of the results, in order."""
    box.fill("")
    box.press_sequentially(query, delay=15)
    results = tab.locator(".md-search-result__item > a.md-search-result__link")
    expect(results.first).to_be_visible()
    expect(tab.locator(".md-search-result__meta")).not_to_have_text("Starter søk")
    hrefs = results.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    return [h for h in hrefs if h.startswith("/eksempler/") and h.count("/") == 3]


@pytest.mark.parametrize(("query", "slug"), NAMES, ids=[q for q, _ in NAMES])
def test_case_is_found_by_its_name_typed_with_or_without_special_letters(tab, search_box, query, slug):
    cases = search(tab, search_box, query)
    assert cases and cases[0] == f"/eksempler/{slug}/", f"{query!r} found {cases}"


@pytest.mark.parametrize(("query", "slug"), WORDS, ids=[q for q, _ in WORDS])
def test_case_is_found_by_words_from_the_work(tab, search_box, query, slug):
    assert f"/eksempler/{slug}/" in search(tab, search_box, query)


def test_search_result_opens_the_case(tab, search_box, base_url):
    search(tab, search_box, "Raelingen")
    tab.locator(".md-search-result__item > a", has_text="Rælingen").first.click()
    expect(tab).to_have_url(re.compile(re.escape(base_url + "/eksempler/ralingen/")))
    expect(tab.locator("h1")).to_contain_text("Rælingen")
