"""A reader who asks for reduced motion (as every browser test does) gets a page where nothing moves.

Material stops its own transitions then (prefers-reduced-motion in its stylesheet) and the site adds no
animation; should one come, this test names the element, and ikb.css needs a rule for it.
"""

from __future__ import annotations

import pytest

from .conftest import PAGE_TYPES, open_page

pytestmark = pytest.mark.browser

# The longest transition or animation, with its delay, of any element or pseudo-element, in seconds.
LONGEST_MOTION = """() => {
    const seconds = value => Math.max(...value.split(',').map(part => parseFloat(part) * (part.trim().endsWith('ms') ? 0.001 : 1)));
    let longest = [0, ''];
    for (const element of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
            const style = getComputedStyle(element, pseudo);
            const time = Math.max(
                seconds(style.transitionDuration) + seconds(style.transitionDelay),
                seconds(style.animationDuration) + seconds(style.animationDelay));
            if (time > longest[0]) longest = [time, element.tagName.toLowerCase() + '.' + element.className + (pseudo || '')];
        }
    }
    return longest;
}"""


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_nothing_on_the_page_moves_when_the_reader_asks_for_reduced_motion(tab, base_url, page_paths, page_type):
    open_page(tab, base_url, page_paths[page_type])
    assert tab.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches")
    seconds, where = tab.evaluate(LONGEST_MOTION)
    assert seconds <= 0.001, f"{where} moves for {seconds} s"
