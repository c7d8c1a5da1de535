"""WCAG 2.1 A/AA on every page type (axe-core in Chromium), Norwegian theme text and the 404 page."""

from __future__ import annotations

import re
import unicodedata

import pytest
from playwright.sync_api import expect

from generator.records.catalog import load_catalog

from ..conftest import ROOT
from .conftest import DESKTOP, PAGE_TYPES, PHONE, axe_violations, describe_violations, open_page

pytestmark = pytest.mark.browser

# Material's English defaults that must not reach a Norwegian page (landmark names, buttons, footer).
ENGLISH_THEME_TEXT = [
    "Header", "Footer", "Navigation", "Search", "Skip to content", "Table of contents", "Back to top",
    "Previous", "Next", "Made with", "Copy to clipboard", "Edit this page", "Not found",
]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_type_has_no_wcag_violations(tab, base_url, page_paths, page_type):
    open_page(tab, base_url, page_paths[page_type])
    assert tab.get_attribute("html", "lang") == "nb"
    violations = axe_violations(tab)
    assert not violations, f"{page_paths[page_type]}:\n{describe_violations(violations)}"


# Colours are measured once nothing moves: axe once read a link mid-transition (4.28:1) and failed.
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_search_results_open_have_no_violations(tab, base_url, viewport):
    tab.set_viewport_size(viewport)
    open_page(tab, base_url, "/")
    field = tab.locator("#ikb-search-field")
    field.click()
    field.press_sequentially("praksis")
    expect(tab.locator("header [data-ikb-search-status]")).to_have_text(re.compile(r"treff for «praksis»$"))
    expect(tab.locator("#ikb-search-panel a").first).to_be_visible()
    tab.locator("#ikb-search-panel a").first.focus()
    tab.wait_for_function(SETTLED)
    violations = axe_violations(tab, ".ikb-search")
    open_page(tab, base_url, "/sok/?q=praksis")
    expect(tab.locator(".ikb-search-page__status")).to_have_text(re.compile(r"treff for «praksis»$"))
    tab.wait_for_function(SETTLED)
    violations += axe_violations(tab)
    assert not violations, describe_violations(violations)


def test_case_summary_table_has_no_empty_header(tab, base_url, page_paths):
    open_page(tab, base_url, page_paths["case-ralingen"])
    violations = axe_violations(tab, runOnly={"type": "rule", "values": ["empty-table-header"]})
    assert not violations, describe_violations(violations)


def test_theme_text_is_norwegian(tab, base_url, page_paths):
    open_page(tab, base_url, page_paths["case-ralingen"])
    labels = tab.eval_on_selector_all(
        "[aria-label], [title], [placeholder]",
        "els => els.flatMap(e => ['aria-label', 'title', 'placeholder'].map(a => e.getAttribute(a)).filter(Boolean))",
    )
    chrome_text = tab.locator("header.md-header").inner_text() + "\n" + tab.locator("footer").inner_text()
    found = [
        text for text in ENGLISH_THEME_TEXT
        if text in labels or re.search(rf"\b{re.escape(text)}\b", chrome_text)
    ]
    assert not found, f"English theme text on the page: {found}"


def test_footer_links_to_accessibility_statement(tab, base_url, page_paths):
    open_page(tab, base_url, page_paths["case-nesna"])
    tab.locator("footer").get_by_role("link", name="Tilgjengelighetserklæring").click()
    expect(tab).to_have_url(base_url + page_paths["accessibility"])
    expect(tab.locator("h1")).to_have_text(re.compile(r"^Tilgjengelighetserklæring"))


def test_missing_address_shows_norwegian_not_found_page(tab, base_url, traffic):
    missing = base_url + "/eksempler/finnes-ikke/"
    traffic.expected_missing.add(missing)
    response = tab.goto(missing)
    assert response.status == 404
    expect(tab.locator("h1")).to_have_text("Fant ikke siden")
    assert tab.title().startswith("Fant ikke siden")
    violations = axe_violations(tab)
    assert not violations, describe_violations(violations)
    tab.get_by_role("link", name="Gå til forsiden").click()
    expect(tab).to_have_url(base_url + "/")


# A heading or link in Playwright's aria snapshot: «- heading "Kontaktpersoner" [level=2]», quoted as YAML
# when the name needs it.
_SNAPSHOT_ROLE = re.compile(r"""^\s*- '?(heading|link) "((?:[^"\\]|\\.)*)"(?: \[level=(\d)\])?""")


def _named(tab, role: str) -> list[str]:
    snapshot = tab.locator("body").aria_snapshot()
    return [m.group(2).replace('\\"', '"') for m in map(_SNAPSHOT_ROLE.match, snapshot.splitlines()) if m and m.group(1) == role]


def _stray(name: str) -> list[str]:
    """Characters a screen reader would read out after a heading's words: a pilcrow, a section sign, a
    link symbol, or any other symbol (Unicode category S)."""
    return [c for c in name if c in "¶§#" or unicodedata.category(c).startswith("S")]


@pytest.mark.parametrize("page_type", [*PAGE_TYPES, "search"])
def test_headings_are_named_by_their_words_alone_and_keep_their_permalinks(tab, base_url, page_paths, page_type):
    path = "/sok/" if page_type == "search" else page_paths[page_type]
    open_page(tab, base_url, path)
    headings = _named(tab, "heading")
    assert headings, f"{path}: no headings in the accessibility tree"
    for name in headings:
        assert not _stray(name), f"{path}: the heading «{name}» is read with {_stray(name)}"
    permalinks = {name.removeprefix("Lenke til denne delen: ") for name in _named(tab, "link") if name.startswith("Lenke til denne delen: ")}
    # Every heading of the page's own text has its permalink; a template's preview (its sections in
    # .mal-seksjon) is the document drawn as it prints, and the 404 page a single title, without them.
    own = [] if page_type == "404" else tab.locator("article :is(h1, h2, h3, h4, h5, h6)[id]:not(.mal-seksjon *)").all()
    assert own or page_type == "404"
    for heading in own:
        name = " ".join(heading.inner_text().split())
        assert name in headings and name in permalinks, f"{path}: «{name}» has no permalink after it"
        link = tab.locator(f"article a.headerlink[href='#{heading.get_attribute('id')}']")
        expect(link).to_have_count(1)
    if page_type.startswith("case-"):
        case = load_catalog(ROOT).cases[page_type.removeprefix("case-")]
        assert headings[headings.index(case.title)] == case.title  # the page's title exactly as recorded
