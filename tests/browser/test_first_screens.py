"""A municipal adviser on a phone: the first two screens of each case answer «did it work» and «whom
can I call»; two or three cases side by side fit the phone; filter counts tell the truth.

Expectations come from the records (generator.records.catalog), so a new case is tested like the others.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from generator.records.catalog import load_catalog
from generator.records.model import Case
from generator.records.vocabulary import VOCABULARY
from generator.site import case_summary

from ..conftest import FIXTURES, ROOT
from .conftest import PAGE_TYPES, SETTLED, axe_violations, describe_violations, open_page

pytestmark = pytest.mark.browser

CASE_TYPES = [t for t in PAGE_TYPES if t.startswith("case-")]
FIRST_SCREENS = {"width": 360, "height": 800}
WITHIN = 1600  # two screens of a 360 × 800 phone
TOP = "e => e.getBoundingClientRect().top + scrollY"
WINDOWS = [(360, 640), (390, 844), (768, 1024), (1280, 600), (1920, 1080)]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


@pytest.fixture(scope="module")
def cases(catalog):
    return catalog.cases


@pytest.fixture(scope="module")
def in_page_order(catalog):
    """The slugs in the order the comparison lists them (by title)."""
    return [slug for slug, _case in catalog.sorted_cases()]


@pytest.fixture
def first_screens(tab):
    tab.set_viewport_size(FIRST_SCREENS)
    return tab


@pytest.mark.parametrize("page_type", CASE_TYPES)
def test_headline_and_contacts_are_within_two_phone_screens(first_screens, base_url, page_paths, page_type, cases):
    tab = first_screens
    case = cases[page_type.removeprefix("case-")]
    open_page(tab, base_url, page_paths[page_type])
    headline, contacts = tab.locator("[data-ikb-headline]"), tab.locator("[data-ikb-contacts]")
    assert headline.evaluate(TOP) < WITHIN, f"the headline result is {headline.evaluate(TOP)} px down"
    assert contacts.evaluate(TOP) < WITHIN, f"the contacts are {contacts.evaluate(TOP)} px down"
    expected = case_summary.headline(case, case.updated)
    if expected:
        expect(headline).to_contain_text(expected.value)
        expect(headline).to_contain_text(expected.year)
    if case.contacts:
        first_phone = next((n for c in case.contacts for n in c.phones), None)
        if first_phone:
            call = contacts.locator('a[href^="tel:"]').first
            expect(call).to_have_text(first_phone)
            assert call.evaluate(TOP) < WITHIN, f"the first number to call is {call.evaluate(TOP)} px down"
    else:
        expect(contacts).to_have_text("Kildene oppgir ingen kontaktperson.")
    expect(tab.locator("[data-ikb-age]")).to_be_in_viewport()


@pytest.mark.parametrize("page_type", CASE_TYPES)
def test_summary_county_and_practices_are_within_two_phone_screens(first_screens, base_url, page_paths, page_type, cases):
    tab = first_screens
    case = cases[page_type.removeprefix("case-")]
    open_page(tab, base_url, page_paths[page_type])
    summary = tab.locator("article .ikb-lead")
    expect(summary).to_have_text(case.summary)
    assert summary.evaluate(TOP) < WITHIN, f"the summary is {summary.evaluate(TOP)} px down"
    facts = tab.locator("article .ikb-facts")
    for municipality in case.municipalities:
        expect(facts).to_contain_text(municipality.name)
    county = facts.get_by_role("row", name=re.compile("^Fylke"))
    for key, _classified in case_summary.regions(case):
        link = county.get_by_role("link", name=VOCABULARY["regions"][key])
        assert link.evaluate(TOP) < WITHIN, f"the county is {link.evaluate(TOP)} px down"
    # Every practice is a link to its own section. The list opens the practices' section, right after
    # whom to call (so the contacts stand where they stand however many practices there are).
    practices = tab.get_by_role("navigation", name=re.compile("^Tiltak"))
    links = practices.get_by_role("link")
    assert links.all_inner_texts() == [p.name for p in case.practices]
    assert practices.evaluate("n => n.previousElementSibling.querySelector('h2').id") == "tiltak"
    assert tab.locator("[data-ikb-contacts]").evaluate(TOP) < practices.evaluate(TOP)
    assert links.first.evaluate(TOP) < WITHIN + 400, f"the practices start {links.first.evaluate(TOP)} px down"
    for link in links.all():
        assert link.bounding_box()["height"] >= 24, f"«{link.inner_text()}» is too small to tap"
        section = tab.locator(link.get_attribute("href"))
        expect(section).to_contain_text(link.inner_text())


def test_with_as_many_practices_as_a_case_may_have_whom_to_call_is_on_the_first_two_screens(browser, fixture_base_url):
    most = Case.model_fields["practices"].metadata
    allowed = next(m.max_length for m in most if getattr(m, "max_length", None))
    catalog = load_catalog(FIXTURES)
    slug, case = max(catalog.cases.items(), key=lambda item: len(item[1].practices))
    assert len(case.practices) == allowed, f"no fixture case has {allowed} practices"
    context = browser.new_context(viewport=FIRST_SCREENS, **SETTLED)
    page = context.new_page()
    page.goto(f"{fixture_base_url}/eksempler/{slug}/")
    call = page.locator('[data-ikb-contacts] a[href^="tel:"], [data-ikb-contacts] a[href^="mailto:"]').first
    expect(call).to_be_visible()
    assert call.evaluate(TOP) < WITHIN, f"with {allowed} practices the first contact is {call.evaluate(TOP)} px down"
    expect(page.get_by_role("navigation", name="Tiltak").get_by_role("link")).to_have_count(allowed)
    context.close()


def test_chosen_cases_side_by_side_fit_a_phone_at_a_shareable_address(phone_tab, base_url, cases, in_page_order):
    tab = phone_tab
    slugs = in_page_order[:2]
    open_page(tab, base_url, f"/sammenligning/?valgt={','.join(slugs)}")
    view = tab.locator("[data-ikb-compare-view]")
    expect(view).to_be_visible()
    headers = view.locator("thead th:visible")
    assert [h.inner_text().strip() for h in headers.all()] == [cases[s].title for s in slugs]
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360
    table = view.locator("table")
    assert table.evaluate("t => t.getBoundingClientRect().right <= innerWidth"), "the chosen columns run off the screen"
    assert table.evaluate("t => [...t.querySelectorAll('*')].concat([t.parentElement, t.parentElement.parentElement])"
                          ".every(e => e.scrollWidth <= e.clientWidth + 1 || getComputedStyle(e).overflowX === 'visible')"), \
        "the chosen columns scroll sideways inside their box"
    # The headline of each case is in its column, whichever list it was recorded in.
    row = view.locator("tbody tr", has=tab.get_by_role("rowheader", name=re.compile("^Resultat")))
    for index, slug in enumerate(slugs):
        headline = case_summary.headline(cases[slug], cases[slug].updated)
        cell = row.locator("td:visible").nth(index)
        expect(cell).to_contain_text(headline.value if headline else "–")
    # A third case by ticking it: the address follows, and a fourth cannot be added.
    third = in_page_order[2] if len(in_page_order) > 2 else None
    if third:
        tab.locator(f"#valgt-{third}").check()
        assert parse_qs(urlparse(tab.url).query) == {"valgt": [",".join(in_page_order[:3])]}
        expect(view.locator("thead th:visible")).to_have_count(3)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 360
        for other in in_page_order[3:]:
            expect(tab.locator(f"#valgt-{other}")).to_be_disabled()
    assert not axe_violations(tab), describe_violations(axe_violations(tab))
    # The full table stays on the page, for wide screens.
    expect(tab.locator(".ikb-comparison table tbody tr")).to_have_count(len(cases))


def test_comparison_without_choice_shows_only_the_full_table(tab, base_url, catalog):
    open_page(tab, base_url, "/sammenligning/")
    expect(tab.locator("form[data-ikb-compare]")).to_be_visible()
    expect(tab.locator("[data-ikb-compare-view]")).to_be_hidden()
    results = tab.locator(".ikb-comparison td[data-ikb-results]")
    for index, (_slug, case) in enumerate(catalog.sorted_cases()):
        headline = case_summary.headline(case, case.updated)
        if headline:
            expect(results.nth(index)).to_contain_text(headline.value)


def _visible_count(tab) -> int:
    return tab.locator(".ikb-case:visible").count()


def test_each_filter_count_is_what_ticking_it_shows(tab, base_url, cases):
    open_page(tab, base_url, "/eksempler/")
    first_county = sorted({m.region for c in cases.values() for m in c.municipalities if m.region})[0]
    tab.locator(f"#filter-fylke-{first_county}").check()
    boxes = tab.locator("form.ikb-filters input[type=checkbox]")
    checked_before = [b.get_attribute("id") for b in boxes.all() if b.is_checked()]
    for box in boxes.all():
        if box.is_checked():
            continue
        option = box.locator("xpath=..")
        promised = option.locator("[data-ikb-count]").inner_text()
        box.check()
        shown = _visible_count(tab)
        assert promised == ("(ingen)" if shown == 0 else f"({shown})"), f"{box.get_attribute('id')}: {promised}, showed {shown}"
        assert ("ikb-filters__option--empty" in option.get_attribute("class")) == (shown == 0)
        box.uncheck()
    assert [b.get_attribute("id") for b in boxes.all() if b.is_checked()] == checked_before


@pytest.mark.parametrize("width, height", WINDOWS)
def test_nothing_covers_the_filter_options(tab, base_url, width, height):
    tab.set_viewport_size({"width": width, "height": height})
    open_page(tab, base_url, "/eksempler/")
    for details in tab.locator("form.ikb-filters details").all():
        details.evaluate("d => { d.open = true; }")
    tab.locator("form.ikb-filters input[type=checkbox]").first.check()  # the status line says something
    for label in tab.locator("form.ikb-filters .ikb-filters__option label").all():
        label.evaluate("l => l.scrollIntoView({block: 'end'})")
        covered = label.evaluate(
            """l => { const r = l.getBoundingClientRect();
                      const hit = document.elementFromPoint(r.left + Math.min(8, r.width / 2), r.bottom - 2);
                      return hit && !l.contains(hit) && !l.parentNode.contains(hit) ? hit.outerHTML.slice(0, 120) : null; }"""
        )
        assert covered is None, f"at {width}×{height} «{label.inner_text()}» is covered by {covered}"


def test_without_javascript_a_shared_comparison_shows_the_full_table(browser, base_url, in_page_order):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800}, **SETTLED)
    page = context.new_page()
    page.goto(f"{base_url}/sammenligning/?valgt={','.join(in_page_order[:2])}")
    expect(page.locator("form[data-ikb-compare]")).to_be_hidden()
    expect(page.locator("[data-ikb-compare-view]")).to_be_hidden()
    expect(page.locator(".ikb-comparison table tbody tr")).to_have_count(len(in_page_order))
    context.close()
