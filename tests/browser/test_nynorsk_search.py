"""A case written in nynorsk is found by search like any other, from the search page and from the field
on every page type, in Chromium.

Pagefind keeps one index per `<html lang>`, and a reader's page only searches the index of its own
language: so the nynorsk case's page stays «nb» and only its text is marked lang="nn". The site is the
real records plus tests/fixtures/cases/nynorsk-prosjekt.yaml, built with the real build.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.records.catalog import load_catalog

from ..conftest import FIXTURES, ROOT, run_generator
from ..sandbox import make_project
from .conftest import (
    DESKTOP, VNU_JAR, SiteHandler, SiteServer, axe_violations, describe_violations, local_context, open_page,
    require_tool,
)

pytestmark = pytest.mark.browser

NYNORSK = FIXTURES / "cases" / "nynorsk-prosjekt.yaml"
SLUG = NYNORSK.stem


def _words_only_in_the_nynorsk_case() -> list[str]:
    """Words of the nynorsk case's practices that no other record uses (nynorsk forms, mostly)."""
    catalog = load_catalog(ROOT, extra=[NYNORSK])
    case = catalog.cases[SLUG]
    others = " ".join(c.model_dump_json().casefold() for s, c in catalog.cases.items() if s != SLUG)
    others += " ".join(t.model_dump_json().casefold() for t in catalog.templates.values())
    words = re.findall(r"\w{6,}", " ".join(f"{p.name} {p.description}" for p in case.practices))
    return sorted({w for w in words if w.casefold() not in others})


WORDS = _words_only_in_the_nynorsk_case()


@pytest.fixture(scope="module")
def nynorsk_url(tmp_path_factory):
    cases = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "cases").glob("*.yaml")}
    cases[NYNORSK.name] = NYNORSK.read_text(encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("nynorsk-search"), cases, site=True)
    site = project / "site"
    result = run_generator("build", "--site-dir", str(site), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    server = SiteServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", site
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def nynorsk_tab(browser, nynorsk_url) -> Page:
    base, _site = nynorsk_url
    context = local_context(browser, base, viewport=DESKTOP, locale="nb-NO")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_the_index_has_one_language_only(nynorsk_url):
    _base, site = nynorsk_url
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nb"]


@pytest.mark.parametrize("word", WORDS[:3])
def test_a_nynorsk_word_finds_the_nynorsk_case_on_the_search_page(nynorsk_tab, nynorsk_url, word):
    base, _site = nynorsk_url
    open_page(nynorsk_tab, base, "/sok/")
    field = nynorsk_tab.get_by_label("Søk etter")
    field.press_sequentially(word, delay=15)
    expect(nynorsk_tab.locator(".ikb-search-page__status")).to_have_text(re.compile(rf"treff for «{re.escape(word)}»$"))
    paths = nynorsk_tab.locator("[data-ikb-search-results] > li a.ikb-hit__link").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)")
    assert paths and paths[0] == f"/eksempler/{SLUG}/", (word, paths)


@pytest.mark.parametrize("path", ["/", "/eksempler/nesna/", f"/eksempler/{SLUG}/", "/maler/"])
def test_the_nynorsk_case_is_found_from_every_page_type(nynorsk_tab, nynorsk_url, path):
    base, _site = nynorsk_url
    assert WORDS
    open_page(nynorsk_tab, base, path)
    nynorsk_tab.locator("#ikb-search-field").fill(WORDS[0])
    expect(nynorsk_tab.locator("header [data-ikb-search-status]")).to_have_text(
        re.compile(rf"treff for «{re.escape(WORDS[0])}»$"))
    links = nynorsk_tab.locator("#ikb-search-panel .ikb-hit__link").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)")
    assert f"/eksempler/{SLUG}/" in links, (path, links)


def test_the_nynorsk_case_page_has_no_wcag_or_best_practice_violations(nynorsk_tab, nynorsk_url):
    base, _site = nynorsk_url
    open_page(nynorsk_tab, base, f"/eksempler/{SLUG}/")
    assert nynorsk_tab.get_attribute("html", "lang") == "nb"
    assert nynorsk_tab.locator('article [lang="nn"]').count() > 0
    violations = axe_violations(nynorsk_tab, runOnly={"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]})
    assert not violations, describe_violations(violations)


def test_the_nynorsk_case_page_is_valid_html(nynorsk_url):
    java = require_tool("java")
    _base, site = nynorsk_url
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always",
         str(site / "eksempler" / SLUG / "index.html")],
        capture_output=True, text=True, timeout=300, check=False,
    )
    errors = [m for m in json.loads(result.stderr or "{}")["messages"] if m.get("type") in ("error", "non-document-error")]
    assert not errors, errors[:5]
