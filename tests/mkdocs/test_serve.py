"""`make serve` with a faulty record: the terminal and the browser list the problems, then the site comes back.

A real `mkdocs serve` on a copy of the project, asked over HTTP as a browser would; every wait is a
bounded poll for the page to change (the server rebuilds in the background when a file is saved).
"""

from __future__ import annotations

import re

from tests.conftest import FIXTURES
from tests.sandbox import fetch, make_project, serving, wait_until

VALID = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
TITLE = "Eksempelby: tett oppfølging i Ørsta-modellen"
# A year no figure can have, at the line and column where it is written.
BROKEN = VALID.replace("year: 2021", "year: 1821", 1)
PLACE = f"cases/eksempelby.yaml:{BROKEN[:BROKEN.index('1821')].count(chr(10)) + 1}:"
PROBLEM = "«year»: årstallet 1821 er ikke plausibelt (må være mellom 1900 og"
HEADING = "Nettstedet vises igjen når postene er rettet"
CASE_PAGE = "/eksempler/eksempelby/"


def _problems_page(address: str, path: str):
    text = fetch(address + path)[1]
    return text if HEADING in text else None


def _the_site(address: str, path: str):
    status, text = fetch(address + path)
    return text if status == 200 and HEADING not in text and TITLE in text else None


def _assert_lists_the_problem(text: str) -> None:
    item = re.search(r"<li><code>(.*?)</code>: (.*?)</li>", text)
    assert item, text
    assert item.group(1).startswith(PLACE) and item.group(2).startswith(PROBLEM), item.group(0)


def test_serve_started_with_a_faulty_record_shows_the_problems_then_the_site_when_it_is_fixed(tmp_path):
    project = make_project(tmp_path / "project", cases={"eksempelby.yaml": BROKEN}, site=True)
    with serving(project) as (address, terminal):
        for path in ("/", CASE_PAGE):  # the front page, and any other address the reader had open
            _assert_lists_the_problem(wait_until(lambda path=path: _problems_page(address, path), f"problems at {path}"))
        status, front = fetch(address + "/")
        assert status == 200 and "livereload" in front  # mkdocs reloads it as soon as the site is rebuilt
        log = terminal.read_text(encoding="utf-8")
        assert PLACE in log and PROBLEM in log and "Traceback" not in log, log
        (project / "cases" / "eksempelby.yaml").write_text(VALID, encoding="utf-8")
        wait_until(lambda: _the_site(address, CASE_PAGE), "the case page once the record is fixed")


def test_a_record_broken_while_serving_replaces_the_site_by_the_problems_until_it_is_fixed(tmp_path):
    project = make_project(tmp_path / "project", cases={"eksempelby.yaml": VALID}, site=True)
    record = project / "cases" / "eksempelby.yaml"
    with serving(project) as (address, _terminal):
        wait_until(lambda: _the_site(address, CASE_PAGE), "the case page")
        record.write_text(BROKEN, encoding="utf-8")
        page = wait_until(lambda: _problems_page(address, CASE_PAGE), "the problems in place of the case page")
        _assert_lists_the_problem(page)
        record.write_text(VALID, encoding="utf-8")
        wait_until(lambda: _the_site(address, CASE_PAGE), "the case page once the record is fixed")
