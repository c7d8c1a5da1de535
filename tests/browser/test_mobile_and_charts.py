"""A 360 px phone: nothing scrolls sideways but wide tables. Charts: a name and a table of the numbers."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import PAGE_TYPES, open_page

pytestmark = pytest.mark.browser

CASE_TYPES = [t for t in PAGE_TYPES if t.startswith("case-")]


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_does_not_scroll_sideways_on_a_phone(phone_tab, base_url, page_paths, page_type):
    open_page(phone_tab, base_url, page_paths[page_type])
    width = phone_tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{page_paths[page_type]} is {width} px wide on a 360 px screen"


def test_wide_table_scrolls_inside_its_own_box_on_a_phone(phone_tab, base_url, page_paths):
    open_page(phone_tab, base_url, page_paths["comparison"])
    table = phone_tab.locator("article .ikb-comparison table").first
    table_width = table.evaluate("t => t.getBoundingClientRect().width")
    box = phone_tab.locator("article .ikb-scrollable").first
    assert table_width > 360, "the comparison table should be wider than a phone"
    assert box.evaluate("b => b.clientWidth <= 360 && b.scrollWidth > b.clientWidth")
    box.evaluate("b => b.scrollLeft = b.scrollWidth")
    assert box.evaluate("b => b.scrollLeft") > 0
    assert phone_tab.evaluate("window.scrollX") == 0


def test_every_chart_has_a_text_alternative_and_a_table_of_its_numbers(tab, base_url, page_paths):
    charts_seen = 0
    for page_type in CASE_TYPES:
        open_page(tab, base_url, page_paths[page_type])
        charts = tab.locator(".ikb-chart")
        for index in range(charts.count()):
            chart = charts.nth(index)
            svg = chart.locator("svg")
            expect(svg).to_have_attribute("role", "img")
            expect(svg).to_have_accessible_name(re.compile(r"\w"))
            table = chart.locator("table")
            expect(table).to_be_visible()
            # One cell per bar; a year the source has no figure for is «–» in both.
            cells = table.locator("tbody td").all_text_contents()
            bars = svg.locator("rect.ikb-chart__bar").count()
            assert len([c for c in cells if c != "–"]) == bars
            # The numbers drawn on the bars are the numbers in the table.
            drawn = svg.locator("text.ikb-chart__value").all_text_contents()
            listed = table.locator("tbody td").all_text_contents()
            assert [t.replace("\u00a0", " ") for t in drawn] == [t.replace("\u00a0", " ") for t in listed]
            charts_seen += 1
    assert charts_seen > 0, "no case page has a chart: nothing was checked"
