"""What a reader on a 360 px phone sees without scrolling sideways or far down, and what reaches paper.

Key figures, the case list with its filters, the jump list on case pages, the downloads on /maler/, the
comparison table's sticky first column and the focus ring of a table that scrolls sideways.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from generator.records.catalog import load_catalog

from ..conftest import ROOT
from .conftest import PAGE_TYPES, PHONE, open_page

pytestmark = pytest.mark.browser

CASE_TYPES = [t for t in PAGE_TYPES if t.startswith("case-")]
# The first case on /eksempler/ must start within this distance from the top of the page on a phone
# (it was 1 751 px down, below 31 checkboxes, before the filter groups became disclosures).
FIRST_CASE_WITHIN = 1000


@pytest.fixture(scope="module")
def cases():
    return load_catalog(ROOT).cases


@pytest.mark.parametrize("page_type", CASE_TYPES)
def test_key_figures_show_value_year_explanation_and_source_on_a_phone_screen(phone_tab, base_url, page_paths, page_type):
    open_page(phone_tab, base_url, page_paths[page_type])
    table = phone_tab.locator(".ikb-figures table")
    if not table.count():
        pytest.skip("this case has no key figures")
    box = phone_tab.locator(".ikb-figures .md-typeset__scrollwrap")
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth"), "the key figures table scrolls sideways on a phone"
    for selector in (".ikb-figures__value", ".ikb-figures__year", ".ikb-figures__source a", ".ikb-figures__note"):
        for part in table.locator(selector).all():
            right = part.evaluate("e => e.getBoundingClientRect().right")
            assert 0 < right <= PHONE["width"], f"{selector} ends at {right} px on a {PHONE['width']} px screen"


def test_first_case_and_the_status_are_near_the_top_of_the_list_on_a_phone(phone_tab, base_url, cases):
    open_page(phone_tab, base_url, "/eksempler/")
    expect(phone_tab.locator("form.ikb-filters")).to_be_visible()
    groups = phone_tab.locator("form.ikb-filters details")
    assert groups.count() == 4 and all(not g.evaluate("d => d.open") for g in groups.all())
    top = "e => e.getBoundingClientRect().top + scrollY"
    first = phone_tab.locator(".ikb-case").first.evaluate(top)
    status = phone_tab.get_by_role("status")
    last_group_end = groups.last.evaluate("e => e.getBoundingClientRect().bottom + scrollY")
    assert first <= FIRST_CASE_WITHIN, f"the first case starts {first} px down on a phone"
    assert 0 <= status.evaluate(top) - last_group_end < 40, "the status line comes right after the filters"
    assert status.evaluate(top) < first and first - status.evaluate(top) < 160
    expect(status).to_be_in_viewport()
    expect(status).to_have_text(f"Viser alle {len(cases)} eksemplene.")


def test_filter_group_opens_and_ticks_with_the_keyboard_on_a_phone(phone_tab, base_url, cases):
    tab = phone_tab
    open_page(tab, base_url, "/eksempler/")
    summary = tab.locator("form.ikb-filters summary", has_text="Fylke")
    summary.focus()
    tab.keyboard.press("Enter")
    group = tab.get_by_role("group", name="Fylke")
    expect(group).to_be_visible()
    box = group.get_by_label("Nordland")
    box.focus()
    tab.keyboard.press("Space")
    expect(summary).to_have_text(re.compile(r"Fylke\s*\(1 valgt\)"))
    expected = sorted(c.title for c in cases.values() if any(m.region == "nordland" for m in c.municipalities))
    shown = sorted(tab.locator(".ikb-case:visible h2 a").all_inner_texts())
    assert shown == expected
    expect(tab.get_by_role("status")).to_have_text(f"Viser {len(expected)} av {len(cases)} eksempler.")
    assert parse_qs(urlparse(tab.url).query) == {"fylke": ["nordland"]}
    # While ticking, the count beside the box just ticked says how many cases are shown, in view
    # (nothing sticky may cover the options to keep the status line in view instead).
    count = box.locator("xpath=..").locator("[data-ikb-count]")
    expect(count).to_be_in_viewport()
    expect(count).to_have_text(f"({len(expected)})")


@pytest.mark.parametrize("page_type", CASE_TYPES)
def test_case_page_has_a_jump_list_on_a_phone_and_not_beside_the_sidebar(tab, base_url, page_paths, page_type):
    tab.set_viewport_size(PHONE)
    open_page(tab, base_url, page_paths[page_type])
    jump = tab.locator("details.ikb-jump")
    expect(jump).to_be_visible()
    top = jump.evaluate("e => e.getBoundingClientRect().top + scrollY")
    assert top < 2 * PHONE["height"], f"the jump list is {top} px down"
    jump.locator("summary").focus()
    tab.keyboard.press("Enter")
    links = jump.get_by_role("navigation", name="På denne siden").get_by_role("link")
    sections = tab.locator("article h2[id]").evaluate_all("hs => hs.map(h => '#' + h.id)")
    assert [link.get_attribute("href") for link in links.all()] == sections
    last = links.last
    target = last.get_attribute("href")
    last.click()
    expect(tab.locator(target)).to_be_in_viewport()
    tab.set_viewport_size({"width": 1280, "height": 900})
    expect(jump).to_be_hidden()  # the sidebar's table of contents shows the same
    expect(tab.locator(".md-sidebar--secondary")).to_be_visible()


def test_downloads_are_under_each_template_name_and_big_enough_to_tap(phone_tab, base_url, page_paths):
    open_page(phone_tab, base_url, page_paths["templates"])
    links = phone_tab.locator("article a.ikb-downloads__link")
    assert links.count() >= 3
    for link in links.all():
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, f"{link.inner_text()} is {box['width']}×{box['height']} px"
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "a download is off screen"
    first = links.first
    expect(first).to_have_accessible_name(re.compile(r"^\S.+, ODT$"))


def test_comparison_keeps_the_case_name_in_view_when_scrolled_sideways(phone_tab, base_url, page_paths):
    open_page(phone_tab, base_url, page_paths["comparison"])
    box = phone_tab.locator("article .ikb-scrollable").first
    box.evaluate("b => b.scrollLeft = b.scrollWidth")
    assert box.evaluate("b => b.scrollLeft") > 0
    first_cells = phone_tab.locator(".ikb-comparison tbody th[scope=row]")
    box_left = box.evaluate("b => b.getBoundingClientRect().left")
    for cell in first_cells.all():
        assert abs(cell.evaluate("c => c.getBoundingClientRect().left") - box_left) < 1


def test_focus_ring_of_a_table_that_scrolls_sideways_is_drawn_inside_it(phone_tab, base_url, page_paths):
    open_page(phone_tab, base_url, page_paths["comparison"])
    region = phone_tab.locator("[role=region].ikb-scrollable").first
    region.evaluate("e => e.focus({focusVisible: true})")
    phone_tab.keyboard.press("ArrowRight")  # keyboard use: :focus-visible applies
    width, offset, style = region.evaluate(
        "e => { const s = getComputedStyle(e); return [parseFloat(s.outlineWidth), parseFloat(s.outlineOffset), s.outlineStyle]; }"
    )
    assert style == "solid" and width >= 2 and offset + width <= 0, f"outline {width} px at offset {offset} px"
    assert region.evaluate("e => e.getBoundingClientRect().left >= 0 && e.getBoundingClientRect().right <= innerWidth")


def test_printed_case_says_where_it_comes_from_and_leaves_out_related_cases_and_editing(tab, base_url, page_paths):
    open_page(tab, base_url, page_paths["case-ralingen"])
    address = tab.locator(".ikb-print-only")
    expect(address).to_be_hidden()
    tab.emulate_media(media="print")
    try:
        expect(address).to_be_visible()
        # The tests' site has no public address (SITE_URL unset): none is printed that nobody can open.
        expect(address).to_have_text("Skrevet ut fra Integreringspraksis.")
        expect(tab.locator("#endre-eller-rette-opp")).to_be_hidden()
        if tab.locator("#relaterte-eksempler").count():
            expect(tab.locator("#relaterte-eksempler")).to_be_hidden()
        expect(tab.locator("details.ikb-jump")).to_be_hidden()
        expect(tab.locator("#kilder")).to_be_visible()
    finally:
        tab.emulate_media(media="screen")
