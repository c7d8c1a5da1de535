"""The filters on the case list and the printed case page, in a real browser (Chromium via Playwright).

The expected cases come from the records, not from the filter code.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from generator.site.facets import SIZE_BANDS
from generator.records.catalog import load_catalog
from generator.records.vocabulary import VOCABULARY

from ..conftest import ROOT
from .conftest import SETTLED, open_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def cases():
    return load_catalog(ROOT).cases


def titles_with(cases, keep) -> list[str]:
    return sorted(case.title for case in cases.values() if keep(case))


def shown_titles(page) -> list[str]:
    return sorted(page.locator(".ikb-case:visible h2 a:not(.headerlink)").all_inner_texts())


def status(page) -> str:
    return page.get_by_role("status").inner_text().replace("\u00a0", " ")


def open_list(tab, base_url, query: str = ""):
    open_page(tab, base_url, f"/eksempler/{query}")
    expect(tab.locator("form.ikb-filters")).to_be_visible()


def test_without_javascript_every_case_is_listed_with_plain_links(browser, base_url, cases):
    context = browser.new_context(java_script_enabled=False, **SETTLED)
    page = context.new_page()
    page.goto(f"{base_url}/eksempler/?fylke=nordland")  # a filtered address still lists everything
    assert shown_titles(page) == sorted(c.title for c in cases.values())
    expect(page.locator("form.ikb-filters")).to_be_hidden()
    county = page.locator(".ikb-browse").get_by_role("link", name="Nordland", exact=True)
    expect(county).to_be_visible()
    county.click()
    assert urlparse(page.url).path.endswith("/fylke/nordland/")
    context.close()


def test_filtering_by_theme_shows_only_matching_cases(tab, base_url, cases):
    open_list(tab, base_url)
    expect(tab.locator(".ikb-browse")).to_be_hidden()
    assert status(tab) == f"Viser alle {len(cases)} eksemplene."
    tab.get_by_label("Distriktskommuner og tilflytting").check()
    expected = titles_with(cases, lambda c: "distriktskommuner" in c.themes)
    assert shown_titles(tab) == expected and len(expected) < len(cases)
    assert status(tab) == f"Viser {len(expected)} av {len(cases)} eksempler."
    # The table of contents has the page's sections, not one entry per case (a thousand, in time).
    contents = tab.locator("nav.md-nav--secondary a.md-nav__link").all_inner_texts()
    assert {t.strip() for t in contents} == {"Etter kommunestørrelse"}  # sidebar, and the menu on phones


def test_combined_filters_widen_within_a_group_and_narrow_across_groups(tab, base_url, cases):
    open_list(tab, base_url)
    themes = tab.get_by_role("group", name="Tema")
    counties = tab.get_by_role("group", name="Fylke")
    themes.get_by_label("Distriktskommuner og tilflytting").check()
    themes.get_by_label("Foreldreveiledning og familie").check()
    # Expected lists come from the records, so a contributor's new case cannot break the test.
    either = titles_with(cases, lambda c: {"distriktskommuner", "foreldreveiledning"} & set(c.themes))
    only_one = [titles_with(cases, lambda c, t=t: t in c.themes) for t in ("distriktskommuner", "foreldreveiledning")]
    assert shown_titles(tab) == either and all(len(either) > len(titles) for titles in only_one)  # wider
    counties.get_by_label("Akershus").check()
    both = titles_with(
        cases,
        lambda c: {"distriktskommuner", "foreldreveiledning"} & set(c.themes)
        and any(m.region == "akershus" for m in c.municipalities),
    )
    assert shown_titles(tab) == both and 0 < len(both) < len(either)  # narrower
    tab.get_by_role("group", name="Kommunestørrelse").get_by_label("5 000–19 999 innbyggere").check()
    medium = [t for t in both if any(
        m.population and 5000 <= m.population.value < 20000 for c in cases.values() if c.title == t for m in c.municipalities
    )]
    assert shown_titles(tab) == medium == both
    counties.get_by_label("Akershus").uncheck()
    counties.get_by_label("Finnmark").check()
    assert shown_titles(tab) == titles_with(
        cases,
        lambda c: {"distriktskommuner", "foreldreveiledning"} & set(c.themes)
        and any(m.region == "finnmark" for m in c.municipalities)
        and any(m.population and 5000 <= m.population.value < 20000 for m in c.municipalities),
    )


def test_a_selection_no_case_matches_says_so(tab, base_url, cases):
    # A county and a size band that no case has together, found from the records' populations.
    def in_band(case, lowest, below):
        return any(m.population and lowest <= m.population.value < below for m in case.municipalities)

    bands = [(label, lowest, below) for (_k, label, lowest), below in
             zip(SIZE_BANDS, [b[2] for b in SIZE_BANDS[1:]] + [float("inf")])]
    county, band = next(
        (county, band)
        for county in sorted({m.region for c in cases.values() for m in c.municipalities if m.region})
        for band in bands
        if any(in_band(c, *band[1:]) for c in cases.values())
        and not any(in_band(c, *band[1:]) and any(m.region == county for m in c.municipalities) for c in cases.values())
    )
    open_list(tab, base_url)
    tab.get_by_role("group", name="Fylke").get_by_label(VOCABULARY["regions"][county]).check()
    tab.get_by_role("group", name="Kommunestørrelse").get_by_label(band[0]).check()
    assert shown_titles(tab) == []
    assert status(tab).startswith("Ingen eksempler passer")


def test_filtered_address_reloads_to_the_same_view(tab, base_url, browser, cases):
    open_list(tab, base_url)
    tab.get_by_label("Akershus").check()
    tab.get_by_label("Praksisplasser og arbeidstrening").check()
    chosen = shown_titles(tab)
    query = parse_qs(urlparse(tab.url).query)
    assert query == {"fylke": ["akershus"], "tema": ["praksisplasser"]}
    tab.reload()
    expect(tab.get_by_label("Akershus")).to_be_checked()
    expect(tab.get_by_label("Praksisplasser og arbeidstrening")).to_be_checked()
    assert shown_titles(tab) == chosen
    other = browser.new_context(**SETTLED).new_page()  # someone opening a shared link
    other.goto(tab.url)
    assert shown_titles(other) == chosen == titles_with(
        cases, lambda c: "praksisplasser" in c.themes and any(m.region == "akershus" for m in c.municipalities)
    )
    other.context.close()


def test_filters_work_with_the_keyboard_and_reset_clears_the_address(tab, base_url, cases):
    open_list(tab, base_url)
    tab.get_by_label("Nordland").focus()
    tab.keyboard.press("Space")
    assert shown_titles(tab) == titles_with(cases, lambda c: any(m.region == "nordland" for m in c.municipalities))
    tab.keyboard.press("Tab")
    tab.keyboard.press("Space")  # the next county is added with the keyboard as well
    added = tab.evaluate("document.activeElement.value")
    assert added != "nordland" and shown_titles(tab) == titles_with(
        cases, lambda c: any(m.region in ("nordland", added) for m in c.municipalities)
    )
    tab.get_by_role("button", name="Fjern alle filtre").focus()
    tab.keyboard.press("Enter")
    expect(tab.locator(".ikb-case:visible")).to_have_count(len(cases))
    assert urlparse(tab.url).query == ""
    assert status(tab) == f"Viser alle {len(cases)} eksemplene."


def test_filter_groups_have_legends_and_every_box_a_label(tab, base_url):
    open_list(tab, base_url)
    legends = tab.locator("form.ikb-filters fieldset > legend").all_inner_texts()
    assert legends == ["Tema", "Målgruppe", "Fylke", "Kommunestørrelse"]
    boxes = tab.locator("form.ikb-filters input[type=checkbox]")
    for i in range(boxes.count()):
        box_id = boxes.nth(i).get_attribute("id")
        assert tab.locator(f'label[for="{box_id}"]').inner_text().strip()
    assert tab.get_by_role("status").get_attribute("aria-live") == "polite"


@pytest.fixture
def printing(tab):
    """The shared tab as a printer sees pages, back on screen afterwards."""
    tab.emulate_media(media="print")
    yield tab
    tab.emulate_media(media="screen")


def test_printed_case_page_keeps_contacts_and_figures_and_drops_screen_controls(tab, base_url, printing):
    open_page(tab, base_url, "/eksempler/ralingen/")
    expect(tab.locator(".ikb-vcard").first).to_be_hidden()
    expect(tab.locator(".md-header")).to_be_hidden()
    contact = tab.locator(".ikb-contact").first
    expect(contact).to_be_visible()
    assert contact.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    expect(tab.locator(".ikb-facts")).to_be_visible()
    expect(tab.locator(".ikb-figures").get_by_role("rowheader", name=re.compile("^Innbyggere")).first).to_be_visible()  # key figures
    expect(tab.locator("#kilder")).to_be_visible()
    tab.emulate_media(media="screen")
    expect(tab.locator(".ikb-vcard").first).to_be_visible()
