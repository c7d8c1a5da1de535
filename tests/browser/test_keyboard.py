"""Without a mouse: skip link, visible focus, search, the menu on small screens and the wide table."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import DESKTOP, PHONE, open_page

pytestmark = pytest.mark.browser

IN_VIEW = """() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
        && r.left < innerWidth && r.top < innerHeight;
}"""


def tab_until(tab: Page, selector: str, limit: int = 60) -> int:
    """Press Tab until the focused element matches selector; return how many presses it took."""
    for presses in range(1, limit + 1):
        tab.keyboard.press("Tab")
        if tab.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def test_skip_link_appears_on_focus_and_moves_focus_to_the_content(tab, base_url, page_paths):
    open_page(tab, base_url, page_paths["case-batsfjord"])
    skip = tab.get_by_role("link", name="Gå til innhold")
    assert skip.evaluate("e => getComputedStyle(e).opacity") == "0"
    tab.keyboard.press("Tab")
    expect(skip).to_be_focused()
    tab.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    expect(skip).to_be_in_viewport()
    tab.keyboard.press("Enter")
    expect(tab).to_have_url(re.compile("#batsfjord"))
    tab.keyboard.press("Tab")
    assert tab.evaluate("() => !!document.activeElement.closest('article')"), "focus did not move to the content"


def test_focus_on_a_link_is_clearly_visible(tab, base_url, page_paths):
    open_page(tab, base_url, page_paths["case-ralingen"])
    tab.keyboard.press("Tab")
    tab.keyboard.press("Enter")  # skip link, then into the content
    tab_until(tab, "article a[href]:not(.headerlink)")
    link = tab.locator(":focus")
    style = link.evaluate("e => { const s = getComputedStyle(e); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    assert style[0] not in ("none", "auto") and style[1] >= 2, f"focus outline is {style}"
    box = link.bounding_box()
    clip = {"x": box["x"] - 6, "y": box["y"] - 6, "width": box["width"] + 12, "height": box["height"] + 12}
    focused = tab.screenshot(clip=clip)
    tab.keyboard.press("Shift+Tab")
    unfocused = tab.screenshot(clip=clip)
    assert focused != unfocused, "the link looks the same with and without keyboard focus"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_with_the_keyboard_only(tab, base_url, viewport):
    tab.set_viewport_size(viewport)
    open_page(tab, base_url, "/")
    tab_until(tab, "#ikb-search-field", limit=5)
    tab.keyboard.type("Lorenskog", delay=15)
    expect(tab.locator("header [data-ikb-search-status]")).to_have_text(re.compile(r"treff for «Lorenskog»$"))
    tab.keyboard.press("Tab")
    expect(tab.locator("#ikb-search-panel a.ikb-hit__link").first).to_be_focused()
    tab.keyboard.press("Enter")
    expect(tab).to_have_url(re.compile(r"/eksempler/lorenskog/"))


def test_menu_on_a_small_screen_works_with_the_keyboard(phone_tab, base_url, page_paths):
    tab = phone_tab
    open_page(tab, base_url, page_paths["case-nesna"])
    menu = tab.get_by_role("button", name="Meny")
    expect(menu).to_have_attribute("aria-expanded", "false")
    tab_until(tab, "button.ikb-menu-button", limit=5)
    # While the menu is closed, the next stops are all on screen (not in the hidden drawer).
    for _ in range(4):
        tab.keyboard.press("Tab")
        assert tab.evaluate(IN_VIEW), "focus went to something that is not on screen"
    menu.focus()
    tab.keyboard.press("Enter")
    expect(tab.locator(".md-sidebar--primary")).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "true")
    nav_link = tab.locator(".md-sidebar--primary a.md-nav__link").first
    expect(nav_link).to_be_focused()
    tab.wait_for_function(IN_VIEW)
    tab.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")


def test_wide_comparison_table_scrolls_with_the_keyboard(phone_tab, base_url, page_paths):
    tab = phone_tab
    open_page(tab, base_url, page_paths["comparison"])
    region = tab.get_by_role("region", name=re.compile("Sammenligning"))
    expect(region).to_have_attribute("tabindex", "0")
    assert region.evaluate("e => e.scrollWidth > e.clientWidth"), "the table should be wider than a phone"
    tab_until(tab, "[role='region'].ikb-scrollable", limit=80)
    expect(region).to_be_focused()
    assert region.evaluate("e => e.scrollLeft") == 0
    for _ in range(5):
        tab.keyboard.press("ArrowRight")
    tab.wait_for_function("() => document.activeElement.scrollLeft > 0")
