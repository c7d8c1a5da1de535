"""The search page as it loads, in Chromium: nothing moves as results arrive, the hits are headings right
under the page's title, each search landmark has its own name, and an address filtered on the case list
filters the search page the same way.

The query is a word that the most cases use, taken from the records, so the page fills with results.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from generator.paths import FACET_FOLDERS
from generator.records.catalog import load_catalog

from ..conftest import ROOT
from .conftest import DESKTOP, PHONE, WCAG_TAGS, axe_violations, describe_violations, open_page

pytestmark = pytest.mark.browser

CATALOG = load_catalog(ROOT)
CASE = re.compile(r"^/eksempler/[^/]+/$")


def _widest_word() -> tuple[str, str]:
    """(a word, a case that uses it): of the words in the cases' titles, summaries and practices, one that
    the most cases use, so the search page fills with results."""
    uses = Counter()
    first = {}
    for slug, case in sorted(CATALOG.cases.items()):
        text = " ".join([case.title, case.summary, *(p.name for p in case.practices)])
        for word in sorted({w.casefold() for w in re.findall(r"[^\W\d_]{6,}", text)}):
            uses[word] += 1
            first.setdefault(word, slug)
    word = min(uses, key=lambda w: (-uses[w], w))
    return word, first[word]


WIDE_WORD, WIDE_CASE = _widest_word()
THEME_PARAM = FACET_FOLDERS["themes"][0]


def _wait_for_results(tab: Page, query: str) -> int:
    status = tab.locator(".ikb-search-page__status")
    expect(status).to_have_text(re.compile(rf"^\d+ treff for «{re.escape(query)}»$"))
    return int(status.inner_text().split()[0])


def _two_frames(tab: Page) -> None:
    tab.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


# Every layout shift the page reports, but those right after a key or a click (as CLS counts them).
WATCH_SHIFTS = """
window.ikbShifts = [];
window.ikbShiftWatch = new PerformanceObserver(list => list.getEntries().forEach(e => {
  if (!e.hadRecentInput) window.ikbShifts.push(e.value);
}));
window.ikbShiftWatch.observe({ type: "layout-shift", buffered: true });
"""
TAKE_SHIFTS = """() => {
  window.ikbShiftWatch.takeRecords().forEach(e => { if (!e.hadRecentInput) window.ikbShifts.push(e.value); });
  return window.ikbShifts;
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("way", ["query", "query-and-theme"])
def test_results_arriving_move_nothing_on_the_search_page(browser_context, base_url, viewport, way):
    # Cumulative layout shift as Lighthouse counts it, from the page's own PerformanceObserver: the sum of
    # every shift of visible content not caused by the reader. Shifts are counted, not timed.
    address = f"/sok/?q={quote(WIDE_WORD)}"
    theme = CATALOG.cases[WIDE_CASE].themes[0]
    if way == "query-and-theme":  # the filters stand open above the results from the start
        address += f"&{THEME_PARAM}={theme}"
    tab = browser_context.new_page()
    try:
        tab.set_viewport_size(viewport)
        tab.add_init_script(WATCH_SHIFTS)
        open_page(tab, base_url, address)
        assert _wait_for_results(tab, WIDE_WORD) >= 1
        expect(tab.locator("[data-ikb-search-results] > li").first).to_be_visible()
        if way == "query-and-theme":
            expect(tab.locator(f"input[name={THEME_PARAM}][value='{theme}']")).to_be_checked()
        _two_frames(tab)
        shifts = tab.evaluate(TAKE_SHIFTS)
        assert sum(shifts) < 0.1, f"{address} at {viewport['width']} px: layout shifts {shifts}"
    finally:
        tab.close()


# What a reader sees first on the search page, top to bottom; none of it may move when results arrive.
PLACES = """() => ["h1", "form[data-ikb-search-page]", "[data-ikb-search-output]"]
  .map(selector => Math.round(document.querySelector(selector).getBoundingClientRect().top))"""
# How far the results' region reaches down the first screen, in px from the top of the window.
REACH = """() => Math.round(document.querySelector("[data-ikb-search-output]").getBoundingClientRect().bottom)"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_page_painted_before_its_script_has_the_place_results_take(browser_context, base_url, viewport):
    # A slow phone may paint the search page before its script has run. The page as painted without the
    # script (served empty here, so nothing depends on when a paint happens) must already hold the
    # places the title, the form and the results have once the results are there, and the results'
    # region must fill the rest of the first screen, so nothing below it shows and is then pushed away.
    address = f"/sok/?q={quote(WIDE_WORD)}"
    tab = browser_context.new_page()
    try:
        tab.set_viewport_size(viewport)
        tab.route("**/search-page.js", lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))
        open_page(tab, base_url, address)
        without_script = tab.evaluate(PLACES)
        assert tab.evaluate(REACH) >= viewport["height"]
        tab.unroute("**/search-page.js")
        open_page(tab, base_url, address)
        assert _wait_for_results(tab, WIDE_WORD) >= 1
        _two_frames(tab)
        assert tab.evaluate(PLACES) == without_script
    finally:
        tab.close()


def test_before_a_query_the_search_page_offers_no_filters(tab, base_url):
    open_page(tab, base_url, "/sok/")
    expect(tab.get_by_label("Søk etter")).to_have_value("")
    expect(tab.locator("[data-ikb-search-refine]")).to_be_hidden()
    expect(tab.get_by_text("Søket trenger JavaScript")).to_be_hidden()
    open_page(tab, base_url, f"/sok/?q={quote(WIDE_WORD)}")
    _wait_for_results(tab, WIDE_WORD)
    expect(tab.locator("[data-ikb-search-refine] summary")).to_be_visible()


def test_the_hits_are_headings_right_under_the_page_title(phone_tab, base_url):
    open_page(phone_tab, base_url, f"/sok/?q={quote(WIDE_WORD)}")
    _wait_for_results(phone_tab, WIDE_WORD)
    levels = phone_tab.evaluate("""() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
        .filter(h => h.getClientRects().length).map(h => Number(h.tagName[1]))""")
    assert levels[0] == 1 and levels.count(1) == 1, levels
    skipped = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not skipped, f"heading levels {levels} skip a level at {skipped}"
    hits = phone_tab.locator("[data-ikb-search-results] > li").count()
    assert phone_tab.locator("[data-ikb-search-results] > li > h2").count() == hits > 0


@pytest.mark.parametrize("path", ["/", f"/sok/?q={quote(WIDE_WORD)}"])
def test_each_search_landmark_has_a_name_of_its_own(tab, base_url, path):
    open_page(tab, base_url, path)
    if path.startswith("/sok/"):
        _wait_for_results(tab, WIDE_WORD)
    names = tab.locator("[role=search], search").evaluate_all("forms => forms.map(f => f.getAttribute('aria-label'))")
    assert len(names) == 2 and all(names) and len(set(names)) == len(names), names
    violations = axe_violations(tab, runOnly={"type": "tag", "values": [*WCAG_TAGS, "wcag22aa", "best-practice"]})
    assert not violations, f"{path}:\n{describe_violations(violations)}"


def test_an_address_filtered_on_the_case_list_filters_the_search_page_the_same_way(tab, base_url):
    # The case list writes its filters into the address (eksempler/?tema=<key>); the same words after
    # a query on the search page choose the same filter, and choosing it there writes the same words.
    open_page(tab, base_url, "/eksempler/")
    box = tab.locator(f"form[data-ikb-filters] input[type=checkbox][name='{THEME_PARAM}']").first
    name, value = box.get_attribute("name"), box.get_attribute("value")
    box.check()
    chosen = tab.url.split("?", 1)[1]
    assert chosen == f"{name}={quote(value)}"
    shown = tab.locator("[data-ikb-matches]:not([hidden]) .ikb-case h2 a")
    expect(shown.first).to_be_visible()
    listed = {p.split("/")[2] for p in shown.evaluate_all("links => links.map(a => new URL(a.href).pathname)")}
    slug = sorted(listed)[0]
    query = CATALOG.cases[slug].municipalities[0].name
    open_page(tab, base_url, f"/sok/?q={quote(query)}&{chosen}")
    _wait_for_results(tab, query)
    on_search = tab.locator(f".ikb-search-page__filters input[name='{name}'][value='{value}']")
    expect(on_search).to_be_checked()
    cases = {p.split("/")[2] for p in tab.locator("[data-ikb-search-results] a.ikb-hit__link").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)") if CASE.match(p)}
    assert slug in cases and cases <= listed, (cases, listed)
    on_search.uncheck()
    expect(tab).not_to_have_url(re.compile(re.escape(chosen)))
    tab.locator(f".ikb-search-page__filters input[name='{name}'][value='{value}']").check()
    expect(tab).to_have_url(re.compile(re.escape(chosen) + "$"))
    open_page(tab, base_url, "/")  # the shared tab leaves no filter chosen for the next test
