"""`make serve` in a real browser: the open page turns into the list of problems when a record breaks, and
back into the page, without the reader doing anything, when the record is fixed."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from ..sandbox import make_project, serving
from tests.mkdocs.test_serve import BROKEN, CASE_PAGE, HEADING, PLACE, TITLE, VALID
from .conftest import SETTLED

pytestmark = pytest.mark.browser
# How long a rebuild and the page's own reload may take on a slow, busy machine.
REBUILT_WITHIN_MS = 60_000


def test_the_open_page_shows_the_problems_and_comes_back_by_itself(browser, tmp_path):
    project = make_project(tmp_path / "project", cases={"eksempelby.yaml": VALID}, site=True)
    record = project / "cases" / "eksempelby.yaml"
    with serving(project) as (address, _terminal):
        context = browser.new_context(service_workers="block", **SETTLED)
        try:
            page = context.new_page()
            page.goto(address + CASE_PAGE)
            heading = page.locator("h1").first
            expect(heading).to_contain_text(TITLE)
            record.write_text(BROKEN, encoding="utf-8")
            expect(heading).to_have_text(HEADING, timeout=REBUILT_WITHIN_MS)
            expect(page.locator("main li").first).to_contain_text(PLACE)
            expect(page).to_have_url(re.compile(re.escape(CASE_PAGE) + "$"))  # still where the reader was
            record.write_text(VALID, encoding="utf-8")
            expect(heading).to_contain_text(TITLE, timeout=REBUILT_WITHIN_MS)
        finally:
            context.close()


def test_a_word_saved_into_a_case_is_found_by_the_open_search_page_once_it_reloads(browser, tmp_path):
    project = make_project(tmp_path / "project", cases={"eksempelby.yaml": VALID}, site=True)
    record = project / "cases" / "eksempelby.yaml"
    word = "Kvitveisdugnad"  # a made-up word no record has
    assert word.casefold() not in VALID.casefold()
    with serving(project) as (address, terminal):
        context = browser.new_context(service_workers="block", **SETTLED)
        try:
            page = context.new_page()
            page.goto(f"{address}/sok/?q={word}")
            status = page.locator(".ikb-search-page__status")
            expect(status).to_contain_text("Ingen treff", timeout=REBUILT_WITHIN_MS)
            record.write_text(VALID.replace('summary: "', f'summary: "{word} er nytt. ', 1), encoding="utf-8")
            hit = page.locator("[data-ikb-search-results] a.ikb-hit__link").first
            expect(hit).to_have_attribute("href", re.compile(r"/eksempler/eksempelby/$"), timeout=REBUILT_WITHIN_MS)
            # updated in place, search index included, not built again
            assert "Oppdatert på " in terminal.read_text(encoding="utf-8")
        finally:
            context.close()
