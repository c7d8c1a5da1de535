"""Paged lists in a real browser, on a site with more cases than two pages hold (2 × PAGE_SIZE + 1).

The case list, the comparison and the theme pages come in pages of generator.site.paging.PAGE_SIZE.
Without JavaScript each page is a plain list with «Forrige side» and «Neste side»; with it, the case
list's filters count and show the matching cases of every page, and the choice stays in the address.
The expected cases come from the records, not from the code that lists them.
"""

from __future__ import annotations

import functools
import json
import math
import subprocess
import threading
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from generator.records.catalog import load_catalog
from generator.site import facets, paging

from ..conftest import run_generator
from ..sandbox import make_project
from tests.site.many_cases import copies
from .conftest import (
    DESKTOP, PHONE, SETTLED, VNU_JAR, WCAG_TAGS, SiteHandler, SiteServer, axe_violations, describe_violations,
    require_tool,
)

pytestmark = pytest.mark.browser

SIZE = paging.PAGE_SIZE
COUNT = 2 * SIZE + 1  # three pages: the middle one has both neighbours, the last a single case


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    where = make_project(tmp_path_factory.mktemp("paged"), cases=copies(COUNT), site=True)
    result = run_generator("build", "--site-dir", str(where / "site"), cwd=where)
    assert result.returncode == 0, result.stdout + result.stderr
    return where


@pytest.fixture(scope="module")
def catalog(project):
    return load_catalog(project)


@pytest.fixture(scope="module")
def titles(catalog) -> list[str]:
    """Every title in the order of the list."""
    return [case.title for _slug, case in catalog.sorted_cases()]


@pytest.fixture(scope="module")
def site_url(project):
    server = SiteServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(project / "site")))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _context(browser, javascript: bool = True, viewport=DESKTOP):
    context = browser.new_context(java_script_enabled=javascript, viewport=viewport, locale="nb-NO", **SETTLED)
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def tab(browser, site_url):
    """A tab on the paged site; the test fails if the page logged an error or a request failed."""
    context = _context(browser)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    yield page
    context.close()
    assert not problems, problems


@pytest.fixture
def no_script(browser):
    context = _context(browser, javascript=False)
    yield context.new_page()
    context.close()


def listed(page, selector: str = ".ikb-case:visible h2 a") -> list[str]:
    return page.locator(selector).all_inner_texts()


def expect_listed(page, titles: list[str], selector: str = ".ikb-case:visible h2 a") -> None:
    """The titles shown, in order, once the page's script has filled the list (it reads the index first)."""
    expect(page.locator(selector)).to_have_text(titles)


def status(page) -> str:
    return page.get_by_role("status").inner_text().replace("\u00a0", " ")


def pager(page, label_start: str = "Sidene i listen over eksempler"):
    return page.get_by_role("navigation", name=label_start, exact=True)


def test_without_javascript_the_case_list_pages_on_with_next_and_previous(no_script, site_url, titles):
    page = no_script
    page.goto(f"{site_url}/eksempler/")
    pages = math.ceil(len(titles) / SIZE)
    for number in range(1, pages + 1):
        expect_listed(page, titles[(number - 1) * SIZE: number * SIZE])
        nav = pager(page)
        expect(nav).to_contain_text(f"Side {number} av {pages}")
        previous, following = nav.get_by_role("link", name="Forrige side"), nav.get_by_role("link", name="Neste side")
        expect(previous).to_have_count(0 if number == 1 else 1)
        expect(following).to_have_count(0 if number == pages else 1)
        if number > 1:
            assert previous.get_attribute("rel") == "prev"
        if number < pages:
            assert following.get_attribute("rel") == "next"
            following.click()
            assert urlparse(page.url).path == f"/eksempler/side/{number + 1}/"
    assert len(listed(page)) == 1 and page.title().startswith(f"Alle eksempler, side {pages} av {pages}")
    page.get_by_role("link", name="Forrige side").click()
    assert urlparse(page.url).path == f"/eksempler/side/{pages - 1}/"
    expect_listed(page, titles[(pages - 2) * SIZE: (pages - 1) * SIZE])


def test_without_javascript_the_comparison_and_a_theme_page_on(no_script, site_url, catalog, titles):
    page = no_script
    page.goto(f"{site_url}/sammenligning/")
    expect(page.locator("form[data-ikb-compare]")).to_be_hidden()
    expect_listed(page, titles[:SIZE], ".ikb-comparison tbody th a")
    pager(page, "Sidene i tabellen").get_by_role("link", name="Neste side").click()
    assert urlparse(page.url).path == "/sammenligning/side/2/"
    expect_listed(page, titles[SIZE: 2 * SIZE], ".ikb-comparison tbody th a")
    # The theme most cases have: its page holds the first of them, the next page the rest.
    themes = sorted({t for c in catalog.cases.values() for t in c.themes})
    theme = max(themes, key=lambda key: sum(key in c.themes for c in catalog.cases.values()))
    members = [c.title for _s, c in catalog.sorted_cases() if theme in c.themes]
    assert len(members) > SIZE
    page.goto(f"{site_url}/tema/{theme}/")
    expect_listed(page, members[:SIZE], ".ikb-facet-cases h2 a")
    page.get_by_role("link", name="Neste side").click()
    assert urlparse(page.url).path == f"/tema/{theme}/side/2/"
    expect_listed(page, members[SIZE: 2 * SIZE], ".ikb-facet-cases h2 a")


def _term_with_more_than_a_page(catalog) -> tuple[str, str, str, str, list[str]]:
    """A filter whose cases fill more than one page but not every page: (legend, param, key, label, titles)."""
    for group in facets.filter_groups(catalog):
        for key, label, _count in group.options:
            members = [c.title for _s, c in catalog.sorted_cases() if key in facets.case_terms(c)[group.param]]
            if SIZE < len(members) < len(catalog.cases):
                return group.legend, group.param, key, label, members
    pytest.fail("no filter has more than a page of cases; the copies in tests/site/many_cases.py changed")


def test_filters_in_the_address_survive_paging(tab, site_url, catalog, titles):
    legend, param, key, label, members = _term_with_more_than_a_page(catalog)
    tab.goto(f"{site_url}/eksempler/side/2/")  # ticking on any page filters every case, from the first
    tab.get_by_role("group", name=legend).locator(f"#filter-{param}-{key}").check()
    expect_listed(tab, members[:SIZE])
    assert parse_qs(urlparse(tab.url).query) == {param: [key]}
    pages = math.ceil(len(members) / SIZE)
    assert status(tab) == f"{len(members)} av {len(titles)} eksempler passer. Viser 1–{SIZE} (side 1 av {pages})."
    pager(tab, "Sidene i listen over eksempler som passer").get_by_role("link", name="Neste side").click()
    assert parse_qs(urlparse(tab.url).query) == {param: [key], "side": ["2"]}
    expect(tab.get_by_role("group", name=legend).locator(f"#filter-{param}-{key}")).to_be_checked()
    expect_listed(tab, members[SIZE: 2 * SIZE])
    tab.reload()  # a shared or bookmarked address opens on the same page of the same selection
    expect_listed(tab, members[SIZE: 2 * SIZE])
    tab.get_by_role("link", name="Forrige side").click()
    expect_listed(tab, members[:SIZE])
    assert parse_qs(urlparse(tab.url).query) == {param: [key]}
    tab.get_by_role("button", name="Fjern alle filtre").click()  # back to this page of the whole list
    expect_listed(tab, titles[SIZE: 2 * SIZE])
    assert urlparse(tab.url).query == ""


def _expected_count(catalog, chosen: dict[str, set[str]]) -> int:
    return sum(
        all(set(facets.case_terms(case)[param]) & keys for param, keys in chosen.items())
        for case in catalog.cases.values()
    )


def test_each_filter_count_counts_the_cases_of_every_page(tab, site_url, catalog):
    tab.goto(f"{site_url}/eksempler/side/3/")  # the last page shows one case; the counts are of all
    boxes = tab.locator("form.ikb-filters input[type=checkbox]")
    expect(boxes.first).to_be_visible()

    def check_counts(chosen):
        for box in boxes.all():
            param, key = box.get_attribute("name"), box.get_attribute("value")
            would = {p: set(k) for p, k in chosen.items()}
            would.setdefault(param, set()).add(key)
            n = _expected_count(catalog, would)
            expect(box.locator("xpath=..").locator("[data-ikb-count]")).to_have_text(
                "(ingen)" if n == 0 else f"({n})".replace(" ", "\u00a0"))

    check_counts({})
    legend, param, key, label, members = _term_with_more_than_a_page(catalog)
    tab.get_by_role("group", name=legend).locator(f"#filter-{param}-{key}").check()
    check_counts({param: {key}})
    expect(tab.locator(".ikb-case:visible")).to_have_count(min(SIZE, len(members)))


def test_chosen_cases_on_different_pages_are_compared_and_the_choice_follows_the_pages(tab, site_url, catalog):
    order = [slug for slug, _case in catalog.sorted_cases()]
    chosen = [order[1], order[-1]]  # on the first page and on the last
    tab.set_viewport_size(PHONE)
    tab.goto(f"{site_url}/sammenligning/?valgt={','.join(chosen)}")
    view = tab.locator("[data-ikb-compare-view]")
    expect(view.locator("thead th:visible")).to_have_count(2)
    assert [h.inner_text().strip() for h in view.locator("thead th:visible").all()] == \
        [catalog.cases[s].title for s in chosen]
    expect(tab.locator(f"#valgt-{order[-1]}")).to_be_checked()  # the other page's case, ready to untick
    following = pager(tab, "Sidene i tabellen").get_by_role("link", name="Neste side")
    assert parse_qs(urlparse(following.get_attribute("href")).query) == {"valgt": [",".join(chosen)]}
    following.click()
    assert urlparse(tab.url).path == "/sammenligning/side/2/"
    expect(view.locator("thead th:visible")).to_have_count(2)
    third = order[SIZE]  # the first case on this page
    tab.locator(f"#valgt-{third}").check()
    expect(view.locator("thead th:visible")).to_have_count(3)
    assert parse_qs(urlparse(tab.url).query) == {"valgt": [",".join([order[1], third, order[-1]])]}
    expect(tab.locator(f"#valgt-{order[SIZE + 1]}")).to_be_disabled()  # three at most
    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not axe_violations(tab), describe_violations(axe_violations(tab))


@pytest.mark.parametrize("path, choose", [
    ("/eksempler/side/2/", False), ("/eksempler/side/2/", True), ("/sammenligning/side/2/", False),
])
def test_a_paged_list_has_no_wcag_violations(tab, site_url, catalog, path, choose):
    tab.goto(site_url + path)
    expect(tab.locator("form[data-ikb-filters], form[data-ikb-compare]")).to_be_visible()
    if choose:
        legend, param, key, _label, _members = _term_with_more_than_a_page(catalog)
        tab.get_by_role("group", name=legend).locator(f"#filter-{param}-{key}").check()
        expect(tab.locator("[data-ikb-matches] nav")).to_be_visible()
    violations = axe_violations(tab, runOnly={"type": "tag", "values": [*WCAG_TAGS, "wcag22aa", "best-practice"]})
    assert not violations, describe_violations(violations)


def test_the_pages_of_each_list_are_valid_html(project):
    site = project / "site"
    pages = [str(p) for p in sorted(site.rglob("side/*/index.html"))]
    pages += [str(site / "eksempler" / "index.html"), str(site / "sammenligning" / "index.html")]
    assert any("/eksempler/side/" in p for p in pages) and any("/sammenligning/side/" in p for p in pages)
    assert any("/tema/" in p for p in pages) and any("/storrelse/" in p for p in pages)
    result = subprocess.run(
        [require_tool("java"), "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *pages],
        capture_output=True, text=True, timeout=300, check=False,
    )
    report = json.loads(result.stderr or "{}")
    assert "messages" in report, result.stderr[:2000]
    errors = [f"{m.get('url', '')}: {m['message']}" for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
    assert not errors, "\n".join(errors[:20])
