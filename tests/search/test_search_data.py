"""What the search index is given: which part of each page, its filters, and spellings without æ/ø/å."""

from __future__ import annotations

import json
import re

import pytest
import soupsieve as sv
from bs4 import BeautifulSoup

from generator import paths
from generator.search import page_data, pagefind_index
from generator.records.catalog import load_catalog
from generator.search.pagefind_index import EXCLUDED
from generator.text import ascii_variants
from generator.records.vocabulary import VOCABULARY

from tests.conftest import ROOT

CATALOG = load_catalog(ROOT)
NOT_SEARCHED = {"sok/index.html", "404.html"}


def _soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def pages(site) -> dict[str, BeautifulSoup]:
    return {p.relative_to(site).as_posix(): _soup(p) for p in sorted(site.rglob("*.html")) if "pagefind" not in p.parts}


def searched_words(body) -> set[str]:
    """The words of a page that a reader sees and the index reads."""
    copy = BeautifulSoup(str(body), "html.parser")
    for left_out in copy.select(", ".join(["[hidden]", "[data-pagefind-ignore]", *EXCLUDED])):
        left_out.extract()
    return set(re.findall(r"\w+", copy.get_text(" ")))


def test_what_the_index_leaves_out_is_marked_the_way_pagefind_reads_it(pages):
    # Any other value makes Pagefind warn at every build and guess what was meant.
    values = {(path, element["data-pagefind-ignore"]) for path, soup in pages.items()
              for element in soup.select("[data-pagefind-ignore]")}
    assert values and not {(path, v) for path, v in values if v not in ("", "index", "all")}


def test_folded_words_are_the_words_with_special_letters_typed_without_them():
    words = page_data.folded_words(page_data.searched_text("<p>Rælingen &amp; Lørenskog</p><p><a href='x'>Båtsfjord</a> Nesna</p>"))
    assert {"Raelingen", "Ralingen", "Lorenskog", "Batsfjord"} <= set(words)
    assert "Nesna" not in words and "amp" not in words and "href" not in words
    assert words == sorted(words)


def test_only_the_words_the_index_reads_are_folded():
    html = ("<h1>Tøffe tak</h1><div data-pagefind-ignore><p>Rælingen</p><div><p>Lørenskog</p></div></div><p>Båtsfjord</p>"
            # Left out inside what is left out, and text right after a left-out element.
            "<div data-pagefind-ignore>Nærbø<span data-pagefind-ignore>Sørum</span><svg><text>Ås</text></svg></div>Østre Toten"
            "<nav>Vågå</nav><script>Gjøvik</script>")
    folded = page_data.for_page(CATALOG, {}, html).folded.split()
    assert {"Toffe", "Batsfjord", "Ostre"} <= set(folded)
    assert not {"Raelingen", "Lorenskog", "Naerbo", "Sorum", "As", "Vaga", "Gjovik"} & set(folded)


def test_each_kind_of_page_gets_its_kind_and_a_case_its_filters():
    slug, case = next(iter(CATALOG.sorted_cases()))
    data = page_data.for_page(CATALOG, {"case_slug": slug, "description": case.summary}, f"<h1>{case.title}</h1>")
    assert ("Type", "Eksempel") in data.filters and data.description == case.summary
    for theme in case.themes:
        assert ("Tema", VOCABULARY["themes"][theme]) in data.filters
    for group in case.target_groups:
        assert ("Målgruppe", VOCABULARY["target_groups"][group]) in data.filters


@pytest.mark.parametrize("slug", sorted(CATALOG.cases))
def test_a_cases_search_filters_are_the_pages_it_is_listed_on(site, slug):
    # A practice «for» a target group puts the case on that group's page; the search filter must agree.
    case = CATALOG.cases[slug]
    data = page_data.for_page(CATALOG, {"case_slug": slug, "description": case.summary}, "")
    listed = {
        (legend, VOCABULARY[kind][key])
        for kind, legend in (("themes", "Tema"), ("target_groups", "Målgruppe"), ("regions", "Fylke"))
        for key in VOCABULARY[kind]
        if slug in _cases_on(site, paths.page_location(paths.facet_path(kind, key)))
    }
    assert set(data.filters) - {("Type", "Eksempel")} == listed
    assert all(name in data.names for name in page_data.case_names(case))
    template = next(iter(CATALOG.templates))
    assert page_data.for_page(CATALOG, {"template_slug": template}, "").kind == "Mal"
    assert page_data.for_page(CATALOG, {}, "<p>Om oss</p>").kind == "Side"
    assert page_data.for_page(CATALOG, {"search_page": True}, "") is None


def test_every_page_but_the_search_page_is_searched_without_header_navigation_or_footer(pages):
    for path, soup in pages.items():
        bodies = soup.select("[data-pagefind-body]")
        if path in NOT_SEARCHED:
            assert not bodies, path
            continue
        assert len(bodies) == 1, path
        body = bodies[0]
        assert body.find_parent(pagefind_index.ROOT) is not None, path  # where Pagefind starts reading
        assert not body.select("header, footer, .md-nav, .md-sidebar, .ikb-search"), path


def test_the_index_holds_every_searched_page_in_norwegian(site, pages):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    searched = [p for p, soup in pages.items() if soup.select_one("[data-pagefind-body]")]
    assert list(entry["languages"]) == ["nb"]
    assert entry["languages"]["nb"]["page_count"] == len(searched)


def test_a_case_page_holds_its_names_and_every_spelling_without_special_letters_hidden(pages):
    for slug, case in CATALOG.cases.items():
        body = pages[f"eksempler/{slug}/index.html"].select_one("[data-pagefind-body]")
        hidden = " ".join(tag.get_text(" ") for tag in body.select("[hidden]"))
        hidden_words = set(hidden.split())
        for word in searched_words(body):
            assert ascii_variants(word) <= hidden_words, f"{slug}: {word} is not findable without æ/ø/å"
        weighted = body.select_one("[data-pagefind-weight]").get_text(" ")
        for name in page_data.case_names(case):
            assert name in weighted, (slug, name)
            assert all(v in weighted.split() for w in name.split() for v in ascii_variants(w)), (slug, name)
        description = body.select_one("[data-pagefind-meta=description]").get_text()
        assert " ".join(description.split()) == " ".join(case.summary.split())


def test_template_form_labels_for_screen_readers_stay_out_of_the_index(pages):
    seen = 0
    for slug in CATALOG.templates:
        soup = pages[f"maler/{slug}/index.html"]
        assert soup.select("form, .mal-seksjon")  # the preview is still on the page
        for label in soup.select("label.mal-skjult"):
            ancestors = [parent for parent in label.parents if parent.name != "[document]"]
            ignored = [*EXCLUDED, "[data-pagefind-ignore]"]
            assert any(sv.match(s, parent) for s in ignored for parent in ancestors), f"{slug}: {label} is indexed"
            seen += 1
    assert seen


def _cases_on(site, location: str) -> set[str]:
    """The cases a built facet page lists, by the links in its article."""
    page = site / location / "index.html"
    if not page.exists():
        return set()
    article = _soup(page).select_one("article")
    return {m.group(1) for a in article.select("a[href]") if (m := re.search(r"eksempler/([a-z0-9-]+)/$", a["href"]))}
