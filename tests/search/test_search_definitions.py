"""What the search scripts know comes from the page, made from Python's own lists, and nowhere else.

The build writes the kinds of page, the filters, the folding table and the addresses the scripts need
into every page (generator/search/definitions.py). These tests hold the page to Python, the search
page's filter names to the case list's, the index to the names the scripts look for, and the scripts
to holding no copy of any of it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import paths
from generator.records.catalog import load_catalog
from generator.search import definitions, index_parts
from generator.site.facets import SIZE_PARAM, case_terms
from generator.text import ASCII_FOLDING

from tests.conftest import ROOT

CATALOG = load_catalog(ROOT)
SEARCH_PAGE = paths.page_location(paths.SEARCH_PAGE) + "index.html"
CASE_LIST = paths.page_location(paths.CASES_INDEX) + "index.html"
# The index in two parts, as a site one page over PART_PAGES has it: the scripts name neither bundle.
TWO_PARTS = index_parts.bundle_addresses(index_parts.plan([f"p{i}/index.html" for i in range(index_parts.PART_PAGES + 1)]))
SCRIPT_FOLDERS = (ROOT / "overrides" / "assets" / "javascripts", ROOT / "docs" / "assets" / "javascripts")


@pytest.fixture(scope="module")
def pages(site) -> dict[str, BeautifulSoup]:
    return {
        p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        for p in sorted(site.rglob("*.html"))
        if "pagefind" not in p.parts
    }


def page_definitions(soup: BeautifulSoup) -> dict:
    blocks = soup.select("script#ikb-search-definitions")
    assert len(blocks) == 1, f"{len(blocks)} definition blocks"
    assert blocks[0].get("type") == "application/json"
    return json.loads(blocks[0].string)


def test_every_page_carries_the_definitions_python_holds(pages):
    assert SEARCH_PAGE in pages and "404.html" in pages
    # The index's parts as planned from the pages it holds (index_parts), each a bundle in the site.
    parts = index_parts.bundle_addresses(index_parts.plan([path for path, soup in pages.items()
                                                          if soup.select_one("[data-pagefind-body]")]))
    for path, soup in pages.items():
        if not soup.select_one("form[data-ikb-search]"):  # pages without the header field need none
            continue
        expected = definitions.for_scripts(CATALOG, path == SEARCH_PAGE, parts)
        assert page_definitions(soup) == expected, path


def test_the_search_page_asks_for_pagefind_s_code_while_it_loads(site, pages):
    # Its first search needs Pagefind's script and WebAssembly: asked for at once, and both exist.
    links = pages[SEARCH_PAGE].select("link[rel=modulepreload], link[rel=preload]")
    assert {link["rel"][0] for link in links} == {"modulepreload", "preload"}
    for link in links:
        assert (site / "sok" / link["href"]).resolve().is_file(), link["href"]
    assert all(link.get("crossorigin") == "anonymous" for link in links if link["rel"] == ["preload"])
    others = [path for path, soup in pages.items() if path != SEARCH_PAGE and soup.select("link[rel$=preload]")]
    assert not others


def test_the_definitions_are_the_site_s_own_lists():
    found = definitions.for_scripts(CATALOG, True, TWO_PARTS)
    assert found["folding"] == ASCII_FOLDING
    assert found["pages"] == {"cases": paths.page_location(paths.CASES_INDEX), "search": paths.page_location(paths.SEARCH_PAGE)}
    kinds = found["kinds"]["options"]
    assert len(kinds) >= 2 and len({k["key"] for k in kinds}) == len(kinds)
    # Every term of every case is a filter option, and every option belongs to some case.
    terms = {(group["param"], option["key"]) for group in found["filters"] for option in group["options"]}
    held = {(param, key) for case in CATALOG.cases.values() for param, keys in case_terms(case).items()
            if param != SIZE_PARAM for key in keys}
    assert terms == held


def test_the_search_page_names_its_filters_as_the_case_list_does(pages):
    # The same address filters both pages: tema=<key> on eksempler/ and on sok/.
    search = page_definitions(pages[SEARCH_PAGE])["filters"]
    on_search = {(group["param"], option["key"]) for group in search for option in group["options"]}
    boxes = pages[CASE_LIST].select("form[data-ikb-filters] input[type=checkbox]")
    on_list = {(box["name"], box["value"]) for box in boxes}
    assert on_search and on_search <= on_list
    # What the case list offers and the search page does not is what the index does not hold: size.
    assert {name for name, _ in on_list - on_search} <= {SIZE_PARAM}


def test_the_index_holds_the_names_the_scripts_look_for(pages):
    # The scripts ask the index for a filter by its name and a term by its label.
    found = page_definitions(pages[SEARCH_PAGE])
    labels = {group["name"]: {o["label"] for o in group["options"]} for group in [found["kinds"], *found["filters"]]}
    seen = set()
    for path, soup in pages.items():
        for tag in soup.select("[data-pagefind-filter]"):
            name = tag["data-pagefind-filter"]
            assert name in labels and tag.get_text() in labels[name], (path, name, tag.get_text())
            seen.add(name)
    assert seen == set(labels)


# --- the scripts hold no copy --------------------------------------------------------------------------

_TOKEN = re.compile(
    r"""(?P<comment>/\*.*?\*/|//[^\n]*)
      | (?P<string>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)
      | (?P<regex>(?<=[(,=:\[!&|?{};])\s*/(?![*/])(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n\[])+/[a-z]*)
      | (?P<code>.)""",
    re.S | re.X,
)


def script_parts(source: str) -> tuple[list[str], list[str], str]:
    """(string literals, regular expressions, the rest of the code) of a script, comments left out."""
    strings, regexes, code = [], [], []
    for match in _TOKEN.finditer(source):
        if match.lastgroup == "string":
            strings.append(match.group()[1:-1])
            code.append('""')
        elif match.lastgroup == "regex":
            regexes.append(match.group().strip())
            code.append("/x/")
        elif match.lastgroup == "code":
            code.append(match.group())
    return strings, regexes, "".join(code)


def restated(source: str, found: dict) -> list[str]:
    """What a script says itself that the page defines: names, terms, addresses, folded letters."""
    groups = [found["kinds"], *found["filters"]]
    names = {group["name"] for group in groups} | {group["param"] for group in groups} | {
        value for group in groups for option in group["options"] for value in (option["key"], option["label"])
    }
    addresses = [a for a in found["pages"].values() if a] + found["parts"]
    strings, regexes, code = script_parts(source)
    problems = [f"the text {s!r}" for s in strings if s in names or any(a in s for a in addresses)]
    # A filter's name as a property (filters.Type) or as a key ({Tema: …}).
    problems += [f"the name {n!r}" for n in sorted(names) if n[:1].isupper()
                 and re.search(rf"\.{re.escape(n)}\b|\b{re.escape(n)}\s*:", code)]
    # A folded letter anywhere but in a sentence shown to a reader: a table, a pattern or a code point.
    letters = "".join(ASCII_FOLDING)
    problems += [f"the pattern {r}" for r in regexes if any(c in r for c in letters)]
    problems += [f"the letter {s!r}" for s in strings if any(c in s for c in letters) and not re.search(r"\s", s)]
    escapes = {f"\\u{ord(c):04x}" for c in letters}
    problems += [f"the escape {e}" for e in sorted(escapes) if e in source.lower()]
    return problems


def site_scripts() -> list[Path]:
    return sorted(p for folder in SCRIPT_FOLDERS for p in folder.rglob("*.js"))  # the form's parts too


def test_the_scripts_are_found():
    names = {p.name for p in site_scripts()}
    assert {"search.js", "search-page.js"} <= names


@pytest.mark.parametrize("script", site_scripts(), ids=lambda p: p.name)
def test_no_script_restates_what_the_page_defines(script):
    found = definitions.for_scripts(CATALOG, True, TWO_PARTS)
    problems = restated(script.read_text(encoding="utf-8"), found)
    assert not problems, f"{script.relative_to(ROOT)} says itself what the page defines: {problems}"


# The search scripts as they were before they read the page: each way of restating is caught.
OLD_WAYS = [
    'var FILTER_GROUPS = ["Type", "Tema", "Målgruppe", "Fylke"];',
    'var KIND_ORDER = { "Eksempel": 0, "Mal": 1 };',
    'copy.Type = kind;',
    'var kind = (data.filters && data.filters.Type || [])[0];',
    'return text.replace(/[æÆ]/g, function (c) { return c === "æ" ? "ae" : "Ae"; });',
    'var caseList = rootPath + "eksempler/";',
    'var searchPage = rootPath + "sok/";',
    'params.append("tema", key);',
    'var a = "\\u00e6";',
    'loading = import(rootPath + "pagefind/pagefind.js");',
    'pf.mergeIndex(rootPath + "pagefind-2/");',
]


@pytest.mark.parametrize("line", OLD_WAYS)
def test_a_restated_list_is_caught(line):
    assert restated(line, definitions.for_scripts(CATALOG, True, TWO_PARTS)), line


def test_sentences_and_comments_are_not_restating():
    text = '/* «Raelingen» is found by «Rælingen»; filters.Type */ var t = "Søket fant ingenting. Prøv et annet ord";'
    assert not restated(text, definitions.for_scripts(CATALOG, True, TWO_PARTS))
