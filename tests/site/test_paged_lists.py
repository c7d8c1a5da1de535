"""Long lists come in pages of paging.PAGE_SIZE: tested just below, at and just above that size.

The case list, the comparison, and the theme, target-group, county and size pages each show every
case once, in the list's order, with «Forrige side» and «Neste side» between neighbouring pages; the
list index the scripts read holds every case with its filter terms and where every page is.
"""

from __future__ import annotations

import json
import math
import re

import pytest
from bs4 import BeautifulSoup

from generator import paths
from generator.records.catalog import load_catalog
from generator.site import facets, pages, paging, sitemap_dates
from generator.site.page_sizes import largest_pages, page_kind

from tests.conftest import run_generator
from tests.sandbox import make_project
from tests.site.many_cases import copies

SIZE = paging.PAGE_SIZE
AROUND = [SIZE - 1, SIZE, SIZE + 1]


@pytest.fixture(scope="module", params=AROUND, ids=lambda n: f"{n}-cases")
def catalog(request, tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp(f"cases{request.param}"), cases=copies(request.param))
    loaded = load_catalog(project)
    assert not loaded.problems and len(loaded.cases) == request.param
    return loaded


@pytest.fixture(scope="module")
def rendered(catalog):
    return pages.render_pages(catalog)


def _html(page) -> BeautifulSoup:
    return BeautifulSoup(page.html, "html.parser")


def _resolve(link: str, here: str) -> str:
    """The docs path a relative link on page `here` leads to (paged lists link to folders)."""
    parts = paths.page_location(here).split("/")[:-1]
    for part in link.rstrip("/").split("/"):
        if part == "..":
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    folder = "/".join(parts)
    return f"{folder}/index.md" if folder == paths.CASES_DIR else f"{folder}.md"


def _walk(rendered: dict, first: str, titles_of) -> list[list[str]]:
    """The titles on each page, following «Neste side» from `first`, checking each pager on the way."""
    seen, here, previous = [], first, None
    while here:
        soup = _html(rendered[here])
        seen.append(titles_of(soup))
        nav = soup.select_one("nav.ikb-pager")
        back = soup.select_one('nav.ikb-pager a[rel="prev"]')
        on = soup.select_one('nav.ikb-pager a[rel="next"]')
        if nav is None:
            assert previous is None and here == first  # a list of one page has no pager at all
            break
        assert re.fullmatch(r"Side \d+ av \d+", nav.select_one(".ikb-pager__where").get_text())
        assert (back is None) == (previous is None)
        if back is not None:
            assert back.get_text() == "Forrige side" and _resolve(back["href"], here) == previous
        if on is not None:
            assert on.get_text() == "Neste side"
        previous, here = here, _resolve(on["href"], here) if on is not None else None
    return seen


def _case_titles(soup):
    return [a.get_text() for a in soup.select(".ikb-case h2 a")]


def test_the_case_list_shows_every_case_once_in_pages_of_the_page_size(catalog, rendered):
    titles = [case.title for _slug, case in catalog.sorted_cases()]
    seen = _walk(rendered, f"{paths.CASES_DIR}/index.md", _case_titles)
    assert len(seen) == math.ceil(len(titles) / SIZE)
    assert [title for page in seen for title in page] == titles
    assert all(len(page) == SIZE for page in seen[:-1]) and 0 < len(seen[-1]) <= SIZE
    for number, found in enumerate(seen, 1):  # the page says where it is in the whole list
        soup = _html(rendered[paths.numbered_page(f"{paths.CASES_DIR}/index.md", number)])
        intro = " ".join(soup.select_one("p").get_text().replace("\u00a0", " ").split())
        assert f"alle {len(titles)} eksemplene" in intro
        if len(seen) > 1:
            first = (number - 1) * SIZE + 1
            assert f"side {number} av {len(seen)} (eksempel {first}–{first + len(found) - 1})" in intro


def test_the_comparison_table_is_paged_the_same_way(catalog, rendered):
    titles = [case.title for _slug, case in catalog.sorted_cases()]
    seen = _walk(rendered, paths.COMPARISON, lambda s: [a.get_text() for a in s.select(".ikb-comparison tbody th a")])
    assert [title for page in seen for title in page] == titles and len(seen) == math.ceil(len(titles) / SIZE)
    for number, found in enumerate(seen, 1):
        soup = _html(rendered[paths.numbered_page(paths.COMPARISON, number)])
        # The chooser and the columns have exactly this page's cases.
        chooser = [box["value"] for box in soup.select("form[data-ikb-compare] input[name=valgt]")]
        assert [catalog.cases[slug].title for slug in chooser] == found
        assert [th["data-case"] for th in soup.select("[data-ikb-compare-view] thead th")] == chooser


def test_every_term_page_lists_its_cases_in_pages(catalog, rendered):
    for group in facets.filter_groups(catalog):
        for key, _label, count in group.options:
            first = paths.facet_path(group.facet_kind, key) if group.facet_kind else paths.size_path(key)
            members = [c.title for _s, c in catalog.sorted_cases() if key in facets.case_terms(c)[group.param]]
            seen = _walk(rendered, first, lambda s: [a.get_text() for a in s.select(".ikb-facet-cases h2 a")])
            assert [title for page in seen for title in page] == members and len(members) == count
            assert len(seen) == math.ceil(count / SIZE), first


def test_the_list_index_holds_every_case_with_its_terms_and_every_page(catalog, rendered):
    index = json.loads(rendered[paths.CASE_LIST_INDEX])
    assert index["pageSize"] == SIZE
    assert [row[0] for row in index["cases"]] == [slug for slug, _case in catalog.sorted_cases()]
    groups = facets.filter_groups(catalog)
    assert [g["param"] for g in index["groups"]] == [g.param for g in groups] == ["tema", "malgruppe", "fylke", "storrelse"]
    for slug, title, meta, numbers in index["cases"]:
        case = catalog.cases[slug]
        assert title == case.title and case.municipalities[0].name in meta
        terms = facets.case_terms(case)
        for group, held in zip(index["groups"], numbers):
            assert sorted(group["keys"][n] for n in held) == sorted(terms[group["param"]])
    pages_of = math.ceil(len(catalog.cases) / SIZE)
    list_pages = [paths.numbered_page(f"{paths.CASES_DIR}/index.md", n) for n in range(1, pages_of + 1)]
    assert [_resolve(h, f"{paths.CASES_DIR}/index.md") for h in index["pages"]["list"]] == list_pages
    assert [_resolve(h, f"{paths.CASES_DIR}/index.md") for h in index["pages"]["comparison"]] == \
        [paths.numbered_page(paths.COMPARISON, n) for n in range(1, pages_of + 1)]
    slug = index["cases"][0][0]
    assert index["caseHref"][0] + slug + index["caseHref"][1] == f"{slug}/"  # beside eksempler/indeks.json


def test_the_filter_form_counts_every_case_on_every_page(catalog, rendered):
    for number in range(1, math.ceil(len(catalog.cases) / SIZE) + 1):
        soup = _html(rendered[paths.numbered_page(f"{paths.CASES_DIR}/index.md", number)])
        legends = [legend.get_text() for legend in soup.select("form.ikb-filters legend")]
        assert legends == [group.legend for group in facets.filter_groups(catalog)]  # every group, every page
        for box in soup.select("form.ikb-filters input[type=checkbox]"):
            expected = sum(box["value"] in facets.case_terms(c)[box["name"]] for c in catalog.cases.values())
            label = soup.select_one(f'label[for="{box["id"]}"] [data-ikb-count]').get_text()
            assert label == f"({expected})"


def test_paths_of_numbered_pages():
    assert paths.numbered_page("eksempler/index.md", 1) == "eksempler/index.md"
    assert paths.numbered_page("eksempler/index.md", 2) == "eksempler/side/2.md"
    assert paths.numbered_page("tema/arbeid-og-kvalifisering.md", 3) == "tema/arbeid-og-kvalifisering/side/3.md"
    assert paths.page_location(paths.numbered_page(paths.COMPARISON, 2)) == "sammenligning/side/2/"
    assert [p.count for p in (paging.split(list(range(n)), "x.md")[0] for n in (0, *AROUND))] == [1, 1, 1, 2]


def test_page_kinds_for_the_benchmark():
    assert page_kind("eksempler/index.html") == page_kind("eksempler/side/12/index.html") == "case list"
    assert page_kind("eksempler/side/index.html") == "case"  # a case that happens to be called «side»
    assert page_kind("sammenligning/side/2/index.html") == "comparison"
    assert page_kind("tema/arbeid/side/2/index.html") == "theme" and page_kind("tema/index.html") == "theme index"
    assert page_kind("storrelse/ukjent/index.html") == "size" and page_kind("index.html") == "front page"


def test_a_built_site_just_over_one_page(tmp_path):
    """The real build at PAGE_SIZE + 1 cases: the second pages are published, linked, and the largest."""
    project = make_project(tmp_path / "prosjekt", cases=copies(SIZE + 1), site=True)
    result = run_generator("build", "--site-dir", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    for first in ("eksempler/", "sammenligning/"):
        page = BeautifulSoup((site / first / "index.html").read_text(encoding="utf-8"), "html.parser")
        following = page.select_one('nav.ikb-pager a[rel="next"]')["href"]
        second = BeautifulSoup((site / first / following / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert len(second.select(".ikb-case h2 a, .ikb-comparison tbody th a")) == 1
        assert second.select_one('nav.ikb-pager a[rel="prev"]')["href"] == "../../"
        assert second.title.get_text().split(" - ")[0].endswith(", side 2 av 2")
        # Search finds the list on its first page; the others would fill the results with the same words.
        assert page.select("[data-pagefind-body]") and not second.select("[data-pagefind-body]")
    assert json.loads((site / paths.CASE_LIST_INDEX).read_text(encoding="utf-8"))["pageSize"] == SIZE
    sizes = largest_pages(site)
    assert sizes["case list"][0] == "eksempler/index.html" and sizes["comparison"][0] == "sammenligning/index.html"
    assert {"case", "theme", "target group", "county", "size", "front page"} <= sizes.keys()
    assert all(size == (site / location).stat().st_size for location, size in sizes.values())


def test_every_later_page_of_a_list_has_the_date_of_its_first_page(catalog, rendered):
    """sitemap.xml dates each page by its records, not by the day of the build."""
    dates = sitemap_dates.page_dates(catalog)
    later = [path for path in rendered if f"/{paths.PAGE_FOLDER}/" in path]
    assert bool(later) == (len(catalog.cases) > SIZE)
    for path in later:
        folder = path.split(f"/{paths.PAGE_FOLDER}/")[0]
        first = f"{folder}/index.md" if folder == paths.CASES_DIR else f"{folder}.md"
        assert dates[path] == dates[first], path
    for key, _label, members in facets.cases_by_size(catalog):
        assert dates[paths.size_path(key)] == max(case.updated for _slug, case in members)
