"""Search as a reader uses it: the search page (sok/?q=...) and the field in the header, in Chromium.

Queries come from the records wherever possible: every case by its names typed with and without
æ/ø/å, a word that only one case's practices use, acronyms in parentheses.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from generator.records.catalog import load_catalog
from generator.paths import facet_path
from generator.search.page_data import KIND_PARAM, KINDS, case_names
from generator.text import ascii_variants
from generator.records.vocabulary import VOCABULARY

from ..conftest import ROOT
from .conftest import local_context, open_page

pytestmark = pytest.mark.browser

CATALOG = load_catalog(ROOT)
CASE = re.compile(r"^/eksempler/[^/]+/$")
# (what a reader types, the case that must come first): names as the sources write them and as typed
NAMES = sorted({
    (typed, slug)
    for slug, case in CATALOG.cases.items()
    for name in [m.name for m in case.municipalities[:1]]
    for typed in {name, *ascii_variants(name)}
    if sum(name in [m.name for m in other.municipalities] for other in CATALOG.cases.values()) == 1
})
# (a word from the work, a case that must be among the results)
WORDS = [
    ("fadderordning", "lorenskog"),
    ("helsekurs", "ralingen"),
    ("praksisplasser", "lorenskog"),
    ("NAV", "batsfjord"),
]


def _record_text(case) -> str:
    return case.model_dump_json().casefold()


def _stem(word: str) -> str:
    """The part of a word every inflection shares, cut short enough for any suffix the index's Norwegian
    stemmer removes («Båtsfjords» and «Båtsfjord» are one word to it)."""
    return word.casefold()[: max(5, len(word) - 4)]


def _without_practice_texts(case):
    """The case with its practices' descriptions blanked: everything else its page says."""
    practices = [p.model_copy(update={"description": "", "why_it_works": None}) for p in case.practices]
    return case.model_copy(update={"practices": practices})


def _practice_words() -> dict[str, tuple[str, bool]]:
    """For each case, a word its practice descriptions use and no other record, template or vocabulary
    label does, and whether the word stands only in those descriptions (not also in the case's title,
    summary or any other field): preferably one that does."""
    others = {slug: " ".join(_record_text(c) for s, c in CATALOG.cases.items() if s != slug) for slug in CATALOG.cases}
    shared = " ".join([
        *(t.model_dump_json().casefold() for t in CATALOG.templates.values()),
        *(label.casefold() for kind in VOCABULARY.keys() for label in VOCABULARY[kind].values()),
    ])
    found = {}
    for slug, case in CATALOG.cases.items():
        rest = _record_text(_without_practice_texts(case))
        words = re.findall(r"\w{7,}", " ".join(p.description for p in case.practices))
        unique = sorted(w for w in words if _stem(w) not in others[slug] and _stem(w) not in shared and not w.isdigit())
        only_there = [w for w in unique if _stem(w) not in rest]
        if unique:
            found[slug] = (only_there or unique)[0], bool(only_there)
    return found


PRACTICE_WORDS = _practice_words()


def _acronyms() -> dict[str, set[str]]:
    """Acronyms written in parentheses, «Individuell oppfølgingsplan (IOP)», and the pages they belong to."""
    found: dict[str, set[str]] = {}
    texts = [(f"/eksempler/{slug}/", [case.title, case.summary, *(p.name for p in case.practices)])
             for slug, case in CATALOG.cases.items()]
    texts += [(f"/maler/{slug}/", [template.title]) for slug, template in CATALOG.templates.items()]
    for path, strings in texts:
        for acronym in re.findall(r"\(([A-ZÆØÅ]{2,})\)", " ".join(strings)):
            found.setdefault(acronym, set()).add(path)
    return found


ACRONYMS = _acronyms()


@pytest.fixture
def search_page(tab: Page, base_url):
    if not tab.url.startswith(base_url + "/sok/"):  # the tests share one loaded search page
        open_page(tab, base_url, "/sok/")
    return tab


def results(tab: Page, query: str) -> list[tuple[str, str]]:
    """Type on the search page like a person; each result as (page path, the text a reader sees)."""
    field = tab.get_by_label("Søk etter")
    status = tab.locator(".ikb-search-page__status")
    field.fill("")
    expect(status).to_have_text("")
    field.press_sequentially(query, delay=15)
    # The count is announced once the list for this very query is drawn.
    expect(status).to_have_text(re.compile(rf"treff for «{re.escape(query)}»$"))
    read = """items => items.map(item => [new URL(item.querySelector('a').href).pathname, item.innerText])"""
    return [tuple(item) for item in tab.locator("[data-ikb-search-results] > li").evaluate_all(read)]


def found_paths(tab: Page, query: str) -> list[str]:
    paths = [path for path, _text in results(tab, query)]
    assert paths, f"{query!r} found nothing"
    return paths


@pytest.mark.parametrize(("query", "slug"), NAMES, ids=[q for q, _ in NAMES])
def test_a_case_is_found_first_by_its_name_typed_with_or_without_special_letters(search_page, query, slug):
    found = found_paths(search_page, query)
    assert found[0] == f"/eksempler/{slug}/", f"{query!r} found {found}"


@pytest.mark.parametrize(("query", "slug"), WORDS, ids=[q for q, _ in WORDS])
def test_case_is_found_by_words_from_the_work(search_page, query, slug):
    assert f"/eksempler/{slug}/" in found_paths(search_page, query)


@pytest.mark.parametrize("slug", sorted(PRACTICE_WORDS))
def test_a_word_from_a_cases_practices_finds_that_case_and_the_practice_it_stands_in(search_page, slug, base_url):
    word, only_in_practices = PRACTICE_WORDS[slug]
    for typed in {word, min(ascii_variants(word), default=word)}:
        cases = [p for p in found_paths(search_page, typed) if CASE.match(p)]
        assert cases == [f"/eksempler/{slug}/"], f"{typed!r} found {cases}"
    hit = search_page.locator("[data-ikb-search-results] > li").first
    sections = hit.locator("a.ikb-hit__section")
    if only_in_practices:  # the page's own text does not hold it: the hit leads to the practice
        expect(sections.first).to_be_visible()
    # Every section offered shows the word marked and leads to that section of the page.
    for index in range(sections.count()):
        section = sections.nth(index)
        expect(section.locator("xpath=following-sibling::p//mark").first).to_be_visible()
        assert "#" in section.get_attribute("href")
    if sections.count():
        href = sections.first.get_attribute("href")
        sections.first.click()
        expect(search_page.locator(f"[id='{href.split('#', 1)[1]}']")).to_be_attached()
        search_page.go_back()


def test_a_word_typed_with_special_letters_finds_what_it_finds_without_them(search_page):
    # «kulturforståelse» and «kulturforstaelse», «tilhørighet» and «tilhorighet»: the same pages.
    words = sorted({w for case in CATALOG.cases.values() for p in case.practices
                    for w in re.findall(r"\w*[æø]\w*", p.description) if len(w) > 8})[:3]
    assert words
    for word in words:
        with_letters = {p for p in found_paths(search_page, word) if CASE.match(p)}
        for typed in ascii_variants(word):
            assert {p for p in found_paths(search_page, typed) if CASE.match(p)} == with_letters, typed


def _indexed_text(site, slug: str) -> str:
    """A case page's words as the index reads them: the searched part, without what it leaves out (a
    word only in a source's address, say, is in the record but not on the page)."""
    soup = BeautifulSoup((site / "eksempler" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("[data-pagefind-body]")
    for ignored in body.select("[data-pagefind-ignore], .headerlink"):
        ignored.decompose()
    return body.get_text(" ").casefold()


def test_words_on_theme_pages_and_in_cases_are_found(search_page, site):
    # «mentor» is in a theme's name («Fadder- og mentorordning») and in the cases whose pages use a word
    # starting with it.
    theme = next(key for key, label in VOCABULARY["themes"].items() if "mentor" in label.casefold())
    found = set(found_paths(search_page, "mentor"))
    assert "/" + facet_path("themes", theme).removesuffix(".md") + "/" in found
    for slug in CATALOG.cases:
        if re.search(r"\bmentor", _indexed_text(site, slug)):
            assert f"/eksempler/{slug}/" in found, slug
    for slug in CATALOG.cases:
        if re.search(r"\blitauen", _indexed_text(site, slug)):
            assert f"/eksempler/{slug}/" in found_paths(search_page, "Litauen")


def test_cases_come_before_templates_and_templates_before_other_pages(search_page):
    results(search_page, "praksis")
    kinds = search_page.locator("[data-ikb-search-results] > li .ikb-hit__kind").all_inner_texts()
    order = {"Eksempel": 0, "Mal": 1, "Side": 2}
    ranks = [order[k] for k in kinds]
    assert len(set(ranks)) == 3 and ranks == sorted(ranks), kinds


def test_a_municipality_that_starts_other_words_still_finds_its_case_first(search_page):
    # «Sel» begins «Selvstendig», a column in five training plans; the Oppland case names Sel itself.
    slug = next(s for s, c in CATALOG.cases.items() if "Sel" in case_names(c))
    assert found_paths(search_page, "Sel")[0] == f"/eksempler/{slug}/"


def test_acronyms_in_parentheses_are_found():
    assert "IOP" in ACRONYMS  # «Individuell oppfølgingsplan (IOP)»: a template and Rælingen's practice


@pytest.mark.parametrize("acronym", sorted(ACRONYMS))
def test_an_acronym_in_parentheses_finds_its_pages(search_page, acronym):
    for typed in (acronym, acronym.lower()):
        assert ACRONYMS[acronym] <= set(found_paths(search_page, typed)), typed


@pytest.mark.parametrize("slug", sorted(CATALOG.cases))
def test_a_case_result_shows_its_summary_and_not_the_spellings_without_special_letters(search_page, slug):
    case = CATALOG.cases[slug]
    name = case.municipalities[0].name
    query = min(ascii_variants(name), default=name)  # Raelingen: a word found only among the hidden ones
    shown = dict(results(search_page, query)).get(f"/eksempler/{slug}/")
    assert shown is not None, f"{query!r} did not find {slug}"
    visible = set(re.findall(r"\w+", f"{case.title} {case.summary}"))
    folded = {v for word in re.findall(r"\w+", " ".join([case.title, *case_names(case)])) for v in ascii_variants(word)}
    assert not (folded - visible) & set(re.findall(r"\w+", shown)), shown
    assert " ".join(case.summary.split()[:6]) in " ".join(shown.split())


def test_template_results_show_none_of_the_form_labels_meant_for_screen_readers(search_page, site):
    labels = {
        " ".join(label.get_text().split())
        for page in (site / "maler").glob("*/index.html")
        for label in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("label.mal-skjult")
    }
    assert labels
    seen_templates = 0
    for query in ("Sel", "opplæringsplan", "fadder"):
        for path, shown in results(search_page, query):
            seen_templates += path.startswith("/maler/") and path != "/maler/"
            text = " ".join(shown.split())
            assert not [label for label in labels if label in text], f"{query!r}: {path} shows {text[:300]}"
    assert seen_templates


def test_no_hits_says_so_and_links_to_the_case_list(search_page, base_url):
    results(search_page, "xqzzyv")
    expect(search_page.locator(".ikb-search-page__status")).to_have_text("Ingen treff for «xqzzyv»")
    search_page.locator(".ikb-search__none").get_by_role("link", name="alle eksemplene").click()
    expect(search_page).to_have_url(base_url + "/eksempler/")


def test_filters_count_what_the_query_finds_and_narrow_it(search_page):
    results(search_page, "praksis")
    status = search_page.locator(".ikb-search-page__status")
    everything = int(status.inner_text().split()[0])
    refine = search_page.locator("details.ikb-search-page__refine")
    if refine.get_attribute("open") is None:
        refine.locator("summary").click()
    templates = search_page.get_by_role("group", name="Type").get_by_role("checkbox", name=re.compile(r"^Mal \(\d+\)$"))
    count = int(re.search(r"\((\d+)\)", templates.evaluate("e => e.labels[0].textContent")).group(1))
    templates.check()
    expect(status).to_have_text(f"{count} treff for «praksis»")
    paths = [p for p, _ in (tuple(i) for i in search_page.locator("[data-ikb-search-results] > li").evaluate_all(
        "items => items.map(i => [new URL(i.querySelector('a').href).pathname, ''])"))]
    assert paths and all(p.startswith("/maler/") for p in paths) and count < everything
    assert f"{KIND_PARAM}={KINDS['template'].key}" in search_page.url  # named as on the case list: by key
    search_page.get_by_role("group", name="Type").get_by_role("checkbox", name=re.compile(r"^Mal ")).uncheck()
    expect(status).to_have_text(f"{everything} treff for «praksis»")


def test_a_search_address_can_be_shared_and_back_returns_to_the_last_search(tab, base_url):
    open_page(tab, base_url, "/sok/?q=" + quote("fadder"))
    status = tab.locator(".ikb-search-page__status")
    expect(status).to_have_text(re.compile(r"^\d+ treff for «fadder»$"))
    expect(tab.get_by_label("Søk etter")).to_have_value("fadder")
    expect(tab.get_by_text("Søket trenger JavaScript")).to_be_hidden()
    field = tab.get_by_label("Søk etter")
    field.fill("Litauen")
    field.press("Enter")
    expect(status).to_have_text(re.compile(r"treff for «Litauen»$"))
    expect(tab).to_have_url(re.compile(r"q=Litauen"))
    tab.go_back()
    expect(status).to_have_text(re.compile(r"treff for «fadder»$"))
    expect(field).to_have_value("fadder")


def test_header_field_on_every_page_opens_with_slash_and_closes_with_escape(tab, base_url, page_paths):
    open_page(tab, base_url, page_paths["case-nesna"])
    field = tab.locator("header").get_by_role("searchbox", name="Søk i kunnskapsbanken")
    tab.keyboard.press("/")
    expect(field).to_be_focused()
    tab.keyboard.type("fadder", delay=15)
    status = tab.locator("header [data-ikb-search-status]")
    expect(status).to_have_text(re.compile(r"^\d+ treff for «fadder»$"))
    panel = tab.locator("#ikb-search-panel")
    expect(panel).to_be_visible()
    tab.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(field).to_be_focused()


def test_tab_and_shift_tab_walk_through_the_results(tab, base_url):
    open_page(tab, base_url, "/")
    field = tab.locator("#ikb-search-field")
    field.click()
    field.press_sequentially("praksis", delay=15)
    expect(tab.locator("header [data-ikb-search-status]")).to_have_text(re.compile(r"treff for «praksis»$"))
    links = tab.locator("#ikb-search-panel a")
    assert links.count() >= 3
    for i in range(3):
        tab.keyboard.press("Tab")
        expect(links.nth(i)).to_be_focused()
        box = links.nth(i).bounding_box()
        assert box["height"] >= 24, box  # a target a finger or a shaky hand can hit
    for i in (1, 0):
        tab.keyboard.press("Shift+Tab")
        expect(links.nth(i)).to_be_focused()
    tab.keyboard.press("Shift+Tab")
    expect(field).to_be_focused()


def test_on_a_phone_the_title_is_whole_and_the_field_opens_over_the_bar(phone_tab, base_url):
    tab = phone_tab
    open_page(tab, base_url, "/eksempler/")
    title = tab.locator(".md-header__title .md-ellipsis").first
    expect(title).to_be_visible()
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth"), f"the site title is cut: {title.inner_text()}"
    field = tab.locator("#ikb-search-field")
    form_left = tab.locator("header form[role=search]").bounding_box()["x"]
    assert title.evaluate("e => e.getBoundingClientRect().right") <= form_left, "the search field covers the title"
    # A tap on the magnifier opens the field rather than sending an empty search.
    icon = tab.locator(".ikb-search__submit").bounding_box()
    tab.mouse.click(icon["x"] + icon["width"] / 2, icon["y"] + icon["height"] / 2)
    expect(field).to_be_focused()
    assert tab.url.endswith("/eksempler/")
    width = tab.viewport_size["width"]
    assert field.bounding_box()["width"] >= 0.75 * width, "the open field is too narrow to read what is typed"
    field.press_sequentially("Nesna", delay=15)
    expect(tab.locator("header [data-ikb-search-status]")).to_have_text(re.compile(r"treff for «Nesna»$"))
    expect(tab.locator("#ikb-search-panel a.ikb-hit__link").first).to_be_visible()
    # Leaving the field folds it again, and «/» opens it from anywhere on the page.
    tab.keyboard.press("Escape")
    expect(field).to_be_focused()
    tab.keyboard.press("Shift+Tab")
    expect(field).not_to_be_focused()
    expect(title).to_be_visible()
    assert field.bounding_box()["x"] >= title.evaluate("e => e.getBoundingClientRect().right")
    tab.keyboard.press("/")
    expect(field).to_be_focused()
    assert field.bounding_box()["width"] >= 0.75 * width


@pytest.fixture
def no_script_tab(browser, base_url):
    context = local_context(browser, base_url, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_without_javascript_the_form_leads_to_a_page_that_says_so(no_script_tab, base_url):
    tab = no_script_tab
    tab.goto(base_url + "/")
    tab.get_by_label("Søk i alt som står i kunnskapsbanken").fill("fadder")
    tab.get_by_label("Søk i alt som står i kunnskapsbanken").press("Enter")
    expect(tab).to_have_url(re.compile(r"/sok/\?q=fadder$"))
    expect(tab.locator("article")).to_contain_text("Søket trenger JavaScript")
    tab.get_by_role("link", name="listen over eksempler").click()
    expect(tab).to_have_url(base_url + "/eksempler/")


def test_a_name_typed_with_special_letters_finds_a_page_that_writes_it_without_them(tab, base_url):
    # The front page gives «Raelingen» as an example of typing without æ/ø/å.
    front = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    pairs = [(m.name, v) for c in CATALOG.cases.values() for m in c.municipalities
             for v in ascii_variants(m.name) if re.search(rf"\b{re.escape(v)}\b", front)]
    assert pairs
    for name, _written in pairs:
        # other pages only: a shared address
        open_page(tab, base_url, f"/sok/?q={quote(name)}&{KIND_PARAM}={KINDS['page'].key}")
        status = tab.locator(".ikb-search-page__status")
        expect(status).to_have_text(re.compile(rf"treff for «{name}»$"))
        total = int(status.inner_text().split()[0])
        items = tab.locator("[data-ikb-search-results] > li")
        while items.count() < total:  # «Vis flere treff» until every result is shown
            shown = items.count()
            tab.get_by_role("button", name="Vis flere treff").click()
            expect(items).not_to_have_count(shown)
        paths = tab.locator("[data-ikb-search-results] > li a.ikb-hit__link").evaluate_all(
            "links => links.map(a => new URL(a.href).pathname)")
        assert "/" in paths, (name, paths)


# A label of the vocabulary with «og» in it («Arbeid og kvalifisering»): a query a reader types whole.
WITH_OG = next(label for kind in ("themes", "target_groups") for label in VOCABULARY[kind].values()
               if " og " in label and len(label.split()) == 3)


def _header_search(tab: Page, query: str) -> None:
    field = tab.locator("#ikb-search-field")
    field.fill(query)
    expect(tab.locator("header [data-ikb-search-status]")).to_have_text(re.compile(rf"treff for «{re.escape(query)}»$"))


def test_a_word_on_nearly_every_page_adds_nothing_to_download_to_a_longer_query(tab, base_url, traffic):
    # «og» is on every page, so its index chunk is the largest there is, and it narrows nothing down.
    first, _og, last = WITH_OG.split()
    open_page(tab, base_url, "/")
    _header_search(tab, f"{first} {last}")
    without = tab.locator("#ikb-search-panel .ikb-hit__link").evaluate_all("links => links.map(a => a.href)")
    before = len(traffic.requests)
    _header_search(tab, WITH_OG)
    with_og = tab.locator("#ikb-search-panel .ikb-hit__link").evaluate_all("links => links.map(a => a.href)")
    assert with_og == without and without
    assert not [u for u in traffic.requests[before:] if "/pagefind/index/" in u]


def test_one_or_two_letters_wait_for_more_and_enter_searches_them(tab, base_url):
    name = CATALOG.cases[sorted(CATALOG.cases)[0]].municipalities[0].name
    open_page(tab, base_url, "/")
    field = tab.locator("#ikb-search-field")
    panel = tab.locator("#ikb-search-panel")
    _header_search(tab, name[:3])
    expect(panel).to_be_visible()
    field.press("Backspace")  # two letters: the results of three are taken away, nothing new is searched
    expect(panel).to_be_hidden()
    expect(tab.locator("header [data-ikb-search-status]")).to_have_text("")
    field.press("Enter")
    expect(tab).to_have_url(re.compile(r"/sok/\?q="))
    expect(tab.locator(".ikb-search-page__status")).to_have_text(re.compile(rf"^\d+ treff for «{re.escape(name[:2])}»$"))


def test_typing_without_a_pause_searches_once_when_typing_stops(browser_context, base_url):
    # The page's clock moves only when the test moves it: a key every 100 ms of it, then a pause. One
    # search, one announcement, and none for the words on the way («fad», «fadd» ...).
    tab = browser_context.new_page()
    try:
        tab.clock.install(time=dt.datetime(2026, 1, 1, 12, 0))
        open_page(tab, base_url, "/")
        tab.clock.pause_at(dt.datetime(2026, 1, 1, 13, 0))
        status = tab.locator("header [data-ikb-search-status]")
        status.evaluate("""status => { window.heard = [];
            new MutationObserver(() => window.heard.push(status.textContent))
              .observe(status, {childList: true, characterData: true, subtree: true}); }""")
        field = tab.locator("#ikb-search-field")
        for letter in "fadder":  # a key every 100 ms; after each, anything searched has time to show
            field.press(letter)
            tab.clock.run_for(100)
            tab.wait_for_load_state("networkidle")
        assert tab.evaluate("window.heard") == [] and tab.locator("#ikb-search-panel").is_hidden()
        tab.clock.run_for(300)
        tab.clock.resume()
        expect(status).to_have_text(re.compile(r"^\d+ treff for «fadder»$"))
        assert [text for text in tab.evaluate("window.heard") if text] == [status.text_content()]
    finally:
        tab.close()
