"""Search timed in real Chromium: Material's own search for plain Material, Pagefind for the project."""

from __future__ import annotations

import contextlib
import json
import shutil
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from figures import SiteFigures
from http_server import serve_folder
from queries import TARGETED, TYPED, TYPED_DELAY_MS
from sizes import wire_size

from generator.search.index_parts import part_of_bundle


@dataclass(frozen=True)
class SearchField:
    """Where a site's search is typed into, what it dispatches, and where it shows it is done."""

    field: str
    status: str
    event: str  # "keyup" (Material listens for it) or "input" (a person typing in the header field)
    until: str  # "changed": the result line changed; "announces": the live region names the query


MATERIAL = SearchField("[data-md-component=search-query]", ".md-search-result__meta", "keyup", "changed")
PAGEFIND = SearchField("#ikb-search-field", "header [data-ikb-search-status]", "input", "announces")

# Types a query into the field and waits until the page shows its results: keystroke to results on screen.
_QUERY_JS = """
async ([field, status, event, until, query, timeout]) => {
  const input = document.querySelector(field);
  const shown = document.querySelector(status);
  input.focus();
  const before = shown.textContent;
  const done = until === "changed" ? () => shown.textContent !== before
    : () => query === "" ? shown.textContent === "" : shown.textContent.endsWith("«" + query + "»");
  return await new Promise((resolve) => {
    let start;
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve({ms: performance.now() - start, text: shown.textContent}));
    });
    observer.observe(shown, {childList: true, characterData: true, subtree: true});
    setTimeout(() => { observer.disconnect(); resolve({ms: null, text: shown.textContent}); }, timeout);
    start = performance.now();
    input.value = query;
    input.dispatchEvent(event === "keyup" ? new KeyboardEvent("keyup", {bubbles: true}) : new Event("input", {bubbles: true}));
    if (until === "announces" && query === "") { observer.disconnect(); resolve({ms: null, text: ""}); }
  });
}
"""

# The field's value set at once, as when a key comes before the search has started.
_SET_FIELD_JS = """
([field, query]) => {
  const input = document.querySelector(field);
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
}
"""


def _query(page, search: SearchField, query: str, timeout_ms: int) -> dict:
    return page.evaluate(_QUERY_JS, [search.field, search.status, search.event, search.until, query, timeout_ms])


def _kb(n: int) -> str:
    return f"{n / 1000:,.0f} KB".replace(",", " ")


@contextlib.contextmanager
def chromium_on(figures: SiteFigures, site: Path):
    """(address of the served site, a Chromium browser), or None without Playwright or Chromium.

    The browser is the system's Chromium (Debian's `chromium`): Playwright's own download is not used."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        figures.note += " (ingen playwright: søk ikke målt)"
        yield None
        return
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        figures.note += " (ingen Chromium: søk ikke målt; `apt-get install chromium`)"
        yield None
        return
    with serve_folder(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable)
        try:
            yield url, browser
        finally:
            browser.close()


def material_search(figures: SiteFigures, site: Path, queries: list[str], repeat: int) -> None:
    """Time Material's search in Chromium: index ready after page load, then each query to its results."""
    with chromium_on(figures, site) as running:
        if running is None:
            return
        url, browser = running
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(url)
        config = json.loads(page.locator("#__config").text_content())
        ready = config["translations"]["search.result.placeholder"]
        page.wait_for_function(
            "text => document.querySelector('.md-search-result__meta').textContent === text",
            arg=ready, timeout=300_000,
        )
        figures.search_ready_ms = (time.perf_counter() - started) * 1000
        for _ in range(repeat):
            for query in queries:
                for text in ("", query):  # clear first, so every query changes the result line
                    if text == "" and page.locator(MATERIAL.field).input_value() == "":
                        continue
                    result = _query(page, MATERIAL, text, 10_000)
                if result["ms"] is not None:
                    figures.search_ms.append(result["ms"])


def _search_parts(site: Path, paths: set[str]) -> str:
    """What a first search fetched from the index's parts (pagefind/, pagefind-2/ ...), by kind: script and
    WebAssembly, word index, filters, results; and from how many parts."""
    parts: dict[str, int] = {}
    bundles = set()
    for path in paths:
        if part_of_bundle(path.split("/")[0]) is not None and (site / path).is_file():
            bundles.add(path.split("/")[0])
            kind = path.split("/")[1] if path.count("/") > 1 else "skript, wasm, meta"
            parts[kind] = parts.get(kind, 0) + wire_size(site / path)
    kinds = ", ".join(f"{kind} {_kb(size)}" for kind, size in sorted(parts.items()))
    return f"{kinds} (fra {len(bundles)} deler av indeksen)"


def _first_searches(figures: SiteFigures, site: Path, url: str, browser, first: dict[str, str]) -> None:
    """The bytes each first search fetches, with a fresh browser cache for each."""
    for label, query in first.items():
        context = browser.new_context()
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url))
        if label in TYPED:  # letter by letter, as a person types: each key may start a search
            page.locator(PAGEFIND.field).press_sequentially(query, delay=TYPED_DELAY_MS)
        result = _query(page, PAGEFIND, query, 30_000)
        page.wait_for_load_state("networkidle")
        paths = {urllib.parse.urlsplit(u).path.lstrip("/") for u in fetched}
        figures.first_search[label] = sum(wire_size(site / path) for path in paths if (site / path).is_file())
        print(f"[{figures.n}] første søk «{query}» ({label}): {_kb(figures.first_search[label])}, "
              f"{len(paths)} filer, {result['text']}; {_search_parts(site, paths)}", flush=True)
        context.close()
    figures.first_search_gzip = max((size for label, size in figures.first_search.items() if label in TARGETED), default=0)


def pagefind_search(figures: SiteFigures, site: Path, first: dict[str, str], queries: list[str], repeat: int) -> None:
    """Pagefind in Chromium: bytes a first search fetches (fresh cache per query), then keystroke to results."""
    with chromium_on(figures, site) as running:
        if running is None:
            return
        url, browser = running
        _first_searches(figures, site, url, browser, first)
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(url)
        _query(page, PAGEFIND, queries[0], 30_000)  # loads Pagefind once
        figures.search_ready_ms = (time.perf_counter() - started) * 1000
        for _ in range(repeat):
            for query in queries:
                # A key after a pause: the field is cleared, and the next key comes 400 ms later.
                _query(page, PAGEFIND, "", 1000)
                page.wait_for_timeout(400)
                result = _query(page, PAGEFIND, query, 10_000)
                if result["ms"] is not None:
                    figures.search_ms.append(result["ms"])
                # The last key of fast typing: the query but its last letter, and at once the whole.
                _query(page, PAGEFIND, "", 1000)
                page.wait_for_timeout(400)
                page.evaluate(_SET_FIELD_JS, [PAGEFIND.field, query[:-1]])
                result = _query(page, PAGEFIND, query, 10_000)
                if result["ms"] is not None:
                    figures.typing_ms.append(result["ms"])
