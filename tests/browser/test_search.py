"""Search through the real search box: names with and without æ/ø/å, and the words caseworkers type."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from generator.catalog import load_catalog
from generator.search_index import keywords
from generator.text import ascii_variants

from ..conftest import ROOT
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


CATALOG = load_catalog(ROOT)


def _acronyms() -> dict[str, set[str]]:
    """Acronyms written in parentheses, «Individuell oppfølgingsplan (IOP)», and the pages they belong to."""
    found: dict[str, set[str]] = {}
    texts = [(f"/eksempler/{slug}/", [case.title, case.summary, *keywords(case)]) for slug, case in CATALOG.cases.items()]
    texts += [(f"/maler/{slug}/", [template.title]) for slug, template in CATALOG.templates.items()]
    for path, strings in texts:
        for acronym in re.findall(r"\(([A-ZÆØÅ]{2,})\)", " ".join(strings)):
            found.setdefault(acronym, set()).add(path)
    return found


ACRONYMS = _acronyms()


@pytest.fixture
def search_box(tab: Page, base_url):
    if tab.url != base_url + "/":  # the search tests share one loaded front page
        open_page(tab, base_url, "/")
    box = tab.locator(".md-search__input")
    box.click()
    return box


def results(tab: Page, box, query: str) -> list[tuple[str, str]]:
    """Type like a person; each result as (page path, the text a reader sees), in order (maybe none)."""
    box.fill("")
    box.press_sequentially(query, delay=15)
    meta = tab.locator(".md-search-result__meta")
    expect(meta).not_to_have_text("Starter søk")
    expect(meta).not_to_have_text("Skriv søkeord")
    read = """items => items.map(item => {
        const link = item.querySelector(":scope > a.md-search-result__link");
        return [new URL(link.href).pathname, item.innerText];
    })"""
    items = tab.locator(".md-search-result__item")
    # Material answers every keystroke; the list is final once it stays the same for a moment.
    found, before = items.evaluate_all(read), None
    while found != before:
        tab.wait_for_timeout(150)
        found, before = items.evaluate_all(read), found
    return [tuple(item) for item in found]


def search(tab: Page, box, query: str) -> list[str]:
    """Type like a person and return the case paths of the results, in order."""
    paths = [path for path, _text in results(tab, box, query)]
    assert paths, f"{query!r} found nothing"
    return [h for h in paths if h.startswith("/eksempler/") and h.count("/") == 3]


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


@pytest.mark.parametrize(("query", "slug"), NAMES, ids=[q for q, _ in NAMES])
def test_a_municipality_name_puts_its_case_above_every_other_page(tab, search_box, query, slug):
    # Before the case's boost the front page, which quotes «Raelingen» as an example, came first.
    found = [path for path, _text in results(tab, search_box, query)]
    assert found and found[0] == f"/eksempler/{slug}/", f"{query!r} found {found}"


def test_a_municipality_that_starts_other_words_still_finds_its_case_first(tab, search_box):
    # «Sel» begins «Selvstendig», a column in five training plans; the Oppland case names Sel itself.
    found = [path for path, _text in results(tab, search_box, "Sel")]
    assert found and found[0] == "/eksempler/oppland-distriktsmodell/", found


def test_acronyms_in_parentheses_are_found():
    assert "IOP" in ACRONYMS  # «Individuell oppfølgingsplan (IOP)»: a template and Rælingen's practice


@pytest.mark.parametrize("acronym", sorted(ACRONYMS))
def test_an_acronym_in_parentheses_finds_its_pages(tab, search_box, acronym):
    for typed in (acronym, acronym.lower()):
        found = {path for path, _text in results(tab, search_box, typed)}
        assert ACRONYMS[acronym] <= found, f"{typed!r} found {sorted(found)}"


@pytest.mark.parametrize("slug", sorted(CATALOG.cases))
def test_a_case_result_shows_its_summary_and_not_the_spellings_without_special_letters(tab, search_box, slug):
    case = CATALOG.cases[slug]
    name = case.municipalities[0].name
    query = min(ascii_variants(name), default=name)  # Raelingen: a word found only among the hidden ones
    shown = dict(results(tab, search_box, query)).get(f"/eksempler/{slug}/")
    assert shown is not None, f"{query!r} did not find {slug}"
    own_words = set(re.findall(r"\w+", f"{case.title} {case.summary}"))
    folded = {v for word in re.findall(r"\w+", " ".join([case.title, *keywords(case)])) for v in ascii_variants(word)}
    assert not (folded - own_words) & set(re.findall(r"\w+", shown)), shown
    assert " ".join(case.summary.split()[:6]) in " ".join(shown.split())


def test_template_results_show_none_of_the_form_labels_meant_for_screen_readers(tab, search_box, site):
    labels = {
        " ".join(label.get_text().split())
        for page in (site / "maler").glob("*/index.html")
        for label in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("label.mal-skjult")
    }
    assert labels
    seen_templates = 0
    for query in ("Sel", "opplæringsplan", "fadder"):
        for path, shown in results(tab, search_box, query):
            seen_templates += path.startswith("/maler/") and path != "/maler/"
            text = " ".join(shown.split())
            assert not [label for label in labels if label in text], f"{query!r}: {path} shows {text[:300]}"
    assert seen_templates
