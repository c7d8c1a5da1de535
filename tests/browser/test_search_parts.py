"""Search over an index written in parts, in Chromium: the header field and the search page find pages
of the first part and of the last, and the search page's filters count them all.

The site is the real records built with the real build, on the cores the machine has, with PART_PAGES
short pages more in docs/, named so that they come before the case list: the hook plans the index
(index_parts.plan, PART_PAGES as it is: on one core two parts, the first full; on two cores three parts
indexed two at a time). The first short page falls in the first part, and the last short page and the
case pages in the last part, which the browser merges into the first with every part between.
"""

from __future__ import annotations

import gzip
import json
import re

import pytest
from playwright.sync_api import Page, expect

from generator import parallel, paths
from generator.records.catalog import load_catalog
from generator.search import index_parts
from generator.search.index_parts import PART_PAGES, PLAN_FILE, bundle_dir
from generator.search.page_data import KINDS

from ..conftest import ROOT, run_generator
from ..sandbox import make_project
from .conftest import DESKTOP, _serve, local_context, open_page

pytestmark = pytest.mark.browser

CATALOG = load_catalog(ROOT)
SIGNATURE = b"pagefind_dcd"
FILLER = "e"  # the short pages' folder: after the site's first pages (apne-data/, bidra/), before eksempler/
# Made-up words, each on short pages only: the first short page (the first part), the last (the last part),
# and one on both.
FIRST_ONLY, SECOND_ONLY, BOTH = "snorkelhvalross", "tindrefjellrev", "glassmanetkoral"


def _filler(i: int) -> str:
    words = [f"Fyllside {i} holder søkeindeksens deler fulle."]
    if i == 0:
        words += [FIRST_ONLY, BOTH]
    if i == PART_PAGES - 1:
        words += [SECOND_ONLY, BOTH]
    return f"# Fyllside {i:04d}\n\n" + " ".join(words) + "\n"


def _location(i: int) -> str:
    return f"/{FILLER}/fyll-{i:04d}/"


def _bundle_pages(site, part: int) -> set[str]:
    """The addresses a bundle holds, from its page fragments."""
    found = set()
    for path in (site / bundle_dir(part) / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        found.add(json.loads(data[len(SIGNATURE):])["url"])
    return found


@pytest.fixture(scope="module")
def parted(tmp_path_factory):
    cases = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "cases").glob("*.yaml")}
    project = make_project(tmp_path_factory.mktemp("search-parts"), cases, site=True)
    (project / "docs" / FILLER).mkdir()
    for i in range(PART_PAGES):
        (project / "docs" / FILLER / f"fyll-{i:04d}.md").write_text(_filler(i), encoding="utf-8")
    site = project / "site"
    result = run_generator("build", "--site-dir", str(site), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    for base in _serve(site):
        yield base, site


@pytest.fixture(scope="module")
def parts_tab(browser, parted) -> Page:
    base, _site = parted
    context = local_context(browser, base, viewport=DESKTOP, locale="nb-NO")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("response", lambda r: r.status >= 400 and page.problems.append(f"{r.status} {r.url}"))
    yield page
    context.close()


@pytest.fixture
def tab2(parts_tab):
    before = len(parts_tab.problems)
    yield parts_tab
    assert parts_tab.problems[before:] == []


def _header_search(tab: Page, base: str, query: str) -> list[str]:
    open_page(tab, base, "/om/")
    tab.locator("#ikb-search-field").fill(query)
    expect(tab.locator("header [data-ikb-search-status]")).to_have_text(re.compile(rf"treff for «{re.escape(query)}»$"))
    return tab.locator("#ikb-search-panel .ikb-hit__link").evaluate_all("links => links.map(a => new URL(a.href).pathname)")


def _page_search(tab: Page, base: str, query: str) -> list[str]:
    open_page(tab, base, f"/sok/?q={query}")
    expect(tab.locator(".ikb-search-page__status")).to_have_text(re.compile(rf"treff for «{re.escape(query)}»$"))
    return tab.locator("[data-ikb-search-results] > li a.ikb-hit__link").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)")


def _parts(site) -> list[int]:
    return sorted(k for p in site.iterdir() if p.is_dir() and (k := index_parts.part_of_bundle(p.name)) is not None)


def test_the_case_pages_are_in_the_last_part_and_every_page_names_every_part(parted):
    _base, site = parted
    parts = _parts(site)
    held = [_bundle_pages(site, k) for k in parts]
    assert len(parts) >= 2 and parts == list(range(len(parts)))
    assert sum(map(len, held)) == len(set().union(*held))  # no page in two parts
    # As many parts as the build's plan cuts these pages into on the cores the build had.
    pages = sorted(url.lstrip("/") + ("index.html" if url.endswith("/") else "") for h in held for url in h)
    assert len(parts) == len(index_parts.plan(pages, PART_PAGES, parallel.available_cores()))
    first, last = held[0], held[-1]
    cases = {paths.page_location(paths.case_path(slug)) for slug in CATALOG.cases}
    assert cases and {"/" + c for c in cases} <= last
    assert _location(0) in first and _location(PART_PAGES - 1) in last
    assert any(not p.startswith(f"/{FILLER}/") for p in first)
    assert not (site / PLAN_FILE).exists()  # the indexer's instructions are not published
    block = (site / "index.html").read_text(encoding="utf-8").split('id="ikb-search-definitions">', 1)[1]
    assert json.loads(block.split("</script>", 1)[0])["parts"] == [bundle_dir(k) + "/" for k in parts]


def test_the_header_field_finds_a_word_only_the_last_part_holds(tab2, parted):
    base, _site = parted
    assert _header_search(tab2, base, SECOND_ONLY) == [_location(PART_PAGES - 1)]


def test_the_header_field_finds_a_word_only_the_first_part_holds(tab2, parted):
    base, _site = parted
    assert _header_search(tab2, base, FIRST_ONLY) == [_location(0)]


@pytest.mark.parametrize("slug", sorted(CATALOG.cases))
def test_the_header_field_finds_each_case_in_the_last_part_by_its_title(tab2, parted, slug):
    base, _site = parted
    found = _header_search(tab2, base, CATALOG.cases[slug].title)
    assert found and found[0] == "/" + paths.page_location(paths.case_path(slug)), found


def test_the_search_page_finds_the_first_and_the_last_part_and_its_filters_count_them(tab2, parted):
    base, _site = parted
    assert sorted(_page_search(tab2, base, BOTH)) == sorted([_location(0), _location(PART_PAGES - 1)])
    assert _page_search(tab2, base, SECOND_ONLY) == [_location(PART_PAGES - 1)]
    _page_search(tab2, base, BOTH)
    # One short page from the first part and one from the last: the kind «Side» counts two.
    options = tab2.locator(".ikb-search-filter__option").all_text_contents()
    assert [o.strip() for o in options] == [f"{KINDS['page'].label} (2)"], options

