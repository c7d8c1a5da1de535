"""Record text on the real build: hostile text is shown as text, never run; old records are flagged.

One throwaway project is built with the real `python -m generator build`: the fixture case (made fresh),
a copy of it last confirmed long ago, and a case and a template whose every text field is hostile.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import FIXTURES, run_generator, visible_text
from tests.sandbox import make_project

HOSTILE = FIXTURES / "hostile"
VALID = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
TODAY = dt.date.today().isoformat()
FRESH = VALID.replace("last_verified: 2024-01-01", f"last_verified: {TODAY}")
OLD = VALID.replace("last_verified: 2024-01-01", "last_verified: 2019-05-01").replace(
    'title: "Eksempelby:', 'title: "Gamleby:'
)
STALE_WARNING = "Opplysningene kan være utdatert"
PAYLOADS = [
    '</title><script>alert("title")</script>',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[klikk](javascript:alert(1))",
    '{: onclick="x"}',
    '" onmouseover="x',
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">lenke</a>',
    "# Overskrift fra posten",
    "- punkt fra posten",
    "> sitat fra posten",
    "{{ 7*7 }}",
    "&lt;script&gt; &amp;",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    cases = {"eksempelby.yaml": FRESH, "gamleby.yaml": OLD, "angrep.yaml": (HOSTILE / "angrep.yaml").read_text("utf-8")}
    templates = {"angrepsmal.yaml": (HOSTILE / "templates" / "angrepsmal.yaml").read_text("utf-8")}
    project = make_project(tmp_path_factory.mktemp("safe"), cases, templates, site=True)
    result = run_generator("build", "--site-dir", str(project / "site"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def soup_of(site: Path, location: str) -> BeautifulSoup:
    return BeautifulSoup((site / location / "index.html").read_text(encoding="utf-8"), "html.parser")


def all_pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def executable(script) -> bool:
    return script.get("type") in (None, "", "text/javascript", "application/javascript", "module")


def test_no_page_runs_script_from_a_record(site):
    for where, soup in all_pages(site):
        for script in soup.find_all("script"):
            text = script.string or ""
            if executable(script):
                assert "alert" not in text, where
                assert not script.get("src") or "assets/javascripts/" in script["src"], where
            else:  # a data block (JSON, JSON-LD): inert, as long as nothing in it can end the element
                assert "<" not in text, where
                json.loads(text)


def test_hostile_page_has_exactly_the_theme_scripts_of_an_ordinary_page(site):
    def scripts(location):
        return [(s.get("src"), s.string) for s in soup_of(site, location).find_all("script") if executable(s)]

    assert scripts("eksempler/angrep") == scripts("eksempler/eksempelby")


def test_no_event_handler_attribute_and_no_javascript_link_anywhere(site):
    for where, soup in all_pages(site):
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), f"{where}: <{tag.name} {name}>"
                if name in ("href", "src", "action", "formaction", "xlink:href"):
                    assert not str(value).strip().lower().startswith(("javascript:", "data:", "vbscript:")), where


def test_hostile_text_is_visible_as_text(site):
    text = visible_text(soup_of(site, "eksempler/angrep"))
    for payload in PAYLOADS:
        assert payload in text, payload
    template_text = visible_text(soup_of(site, "maler/angrepsmal"))
    assert "[klikk](javascript:alert(1))" in template_text


def test_markdown_in_a_record_does_not_become_structure(site):
    article = soup_of(site, "eksempler/angrep").select_one("article")
    assert len(article.find_all("h1")) == 1
    headings = " ".join(h.get_text() for h in article.find_all(re.compile("^h[1-6]$")))
    assert "Overskrift fra posten" not in headings and "Underoverskrift" not in headings
    assert not [li for li in article.find_all("li") if "punkt fra posten" in li.get_text()]
    structure = article.find_all(["blockquote", "pre", "hr", "iframe", "style", "img", "details"])
    assert [tag for tag in structure if "ikb-jump" not in tag.get("class", [])] == []  # the page's own jump list
    assert not article.select("#falsk-id, .klasse")
    assert not [a for a in article.find_all("a") if "klikk" in a.get_text() or a.get_text() == "lenke"]


def test_browser_title_is_the_record_title_as_text(site):
    for location, title in (("eksempler/angrep", "Angrep </title>"), ("maler/angrepsmal", "Mal </title>")):
        head = soup_of(site, location).head
        assert head.title.get_text().startswith(title)
        assert len(head.find_all("title")) == 1


def test_search_data_holds_record_text_as_text(site):
    # The search index takes its filters and descriptions from the page; a result shows them as text.
    for location in ("eksempler/angrep", "maler/angrepsmal"):
        body = soup_of(site, location).select_one("[data-pagefind-body]")
        data = body.select("[data-pagefind-filter], [data-pagefind-meta]")
        assert data and all(not tag.find(True) for tag in data)
        assert not body.select("[hidden] script, [hidden] img, [hidden] a")
    description = soup_of(site, "eksempler/angrep").select_one("[data-pagefind-meta=description]").get_text()
    assert "<svg onload=alert(1)>" in description and "&lt;" not in description  # shown as typed, once


def test_case_not_confirmed_for_two_years_carries_a_warning(site):
    old = visible_text(soup_of(site, "eksempler/gamleby"))
    assert STALE_WARNING in old
    assert "for mer enn to år siden" in old
    assert STALE_WARNING not in visible_text(soup_of(site, "eksempler/eksempelby"))


def test_contact_not_confirmed_for_two_years_carries_a_note(site):
    # The fixture's contact was last confirmed 2020-01-01.
    text = visible_text(soup_of(site, "eksempler/eksempelby"))
    assert "kontaktopplysningene ble sist bekreftet for mer enn to år siden" in text
    assert "Sjekk dem på kommunens nettsted før du ringer" in text
    assert "sentralbord" not in text  # no switchboard number is given anywhere


def test_stale_lists_old_cases_and_contacts(tmp_path):
    project = make_project(tmp_path, cases={"eksempelby.yaml": FRESH, "gamleby.yaml": OLD})
    result = run_generator("stale", cwd=project)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stderr
    assert "cases/gamleby.yaml: casen ble sist bekreftet 2019-05-01" in lines
    assert "cases/gamleby.yaml: kontaktpersonen Kari Testesen ble sist bekreftet 2020-01-01" in lines
    assert "cases/eksempelby.yaml: kontaktpersonen Kari Testesen ble sist bekreftet 2020-01-01" in lines
    assert not any(line.startswith("cases/eksempelby.yaml: casen") for line in lines)


def test_stale_reckons_from_the_day_the_pages_are_made_for(tmp_path):
    # SOURCE_DATE_EPOCH names the build's day (generator.build_date): on 2021-06-01 the contact confirmed
    # 2020-01-01 is not yet due, as the page made for that day says, while the case from 2019-05-01 is.
    project = make_project(tmp_path, cases={"eksempelby.yaml": FRESH, "gamleby.yaml": OLD})
    day = str(int(dt.datetime(2021, 6, 1, 12, tzinfo=dt.UTC).timestamp()))
    result = run_generator("stale", cwd=project, env={"SOURCE_DATE_EPOCH": day})
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stderr
    assert "cases/gamleby.yaml: casen ble sist bekreftet 2019-05-01" in lines
    assert not any("Kari Testesen" in line for line in lines)
