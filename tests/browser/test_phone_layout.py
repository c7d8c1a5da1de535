"""What a reader on a 360 px phone sees without scrolling sideways or far down, and what reaches paper.

Key figures, the case list with its filters, the jump list on case pages, the downloads on /maler/, the
comparison table's sticky first column and the focus ring of a table that scrolls sideways.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from generator.catalog import load_catalog

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
