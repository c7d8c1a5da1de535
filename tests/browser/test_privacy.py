"""No visit leaves the machine: every page type and a search make requests to the local server only."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import PAGE_TYPES, open_page

pytestmark = pytest.mark.browser


def test_pages_and_search_request_only_the_local_server(tab, base_url, page_paths, traffic):
    start = len(traffic.requests)
    for page_type in PAGE_TYPES:
        open_page(tab, base_url, page_paths[page_type])
    tab.locator("#ikb-search-field").click()
    tab.locator("#ikb-search-field").press_sequentially("Lorenskog")
    expect(tab.locator("#ikb-search-panel .ikb-hit").first).to_be_visible()
    tab.wait_for_load_state("networkidle")

    requested = traffic.requests[start:]
    hosts = {urlsplit(url).netloc for url in requested if urlsplit(url).scheme in ("http", "https")}
    assert hosts == {urlsplit(base_url).netloc}, f"requests went to {sorted(hosts)}"
    # The record is real: the theme's files and the search index were fetched, locally.
    paths = {urlsplit(url).path for url in requested}
    assert any(p.endswith(".css") for p in paths) and any(p.endswith(".js") for p in paths)
    assert "/pagefind/pagefind.js" in paths and any(p.startswith("/pagefind/index/") for p in paths)
    assert not any("fonts.googleapis" in url or "fonts.gstatic" in url for url in requested)
