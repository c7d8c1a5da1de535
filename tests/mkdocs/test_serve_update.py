"""`make serve` updates the site in place after a saved case file, and makes exactly what a full build makes.

A real `mkdocs serve` on a copy of the project, asked over HTTP as a browser would. After an edit the
terminal must say the site was updated in place (not built again), and every page in the sitemap, the
open data and the search index's entry must be the same bytes as after a full build of the same records
(forced by touching mkdocs.yml); of the search index, which Pagefind does not write byte for byte the
same twice, the number of pages it holds. Each wait is a bounded poll for the change to show.
"""

from __future__ import annotations

import json
import re
from contextlib import contextmanager

from generator.search import index_parts
from tests.conftest import FIXTURES
from tests.sandbox import fetch, make_project, serving, wait_until

SMALL = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
UPDATED = "Oppdatert på "
FULL = "Documentation built in "
# Beside the pages: what the open data and the search index publish about every case.
DATA = ("data/cases.json", "data/cases.csv", "data/key_figures.csv", "feed.xml", "sitemap.xml",
        "eksempler/indeks.json")
INDEX_ENTRY = "pagefind/pagefind-entry.json"


def _case(number: int, related: str | None = None) -> str:
    text = SMALL.replace('title: "Eksempelby: ', f'title: "Eksempelby {number}: ')
    return text + (f"related: [{related}]\n" if related else "")


def _page(address: str, path: str) -> str:
    """A page as the server sends it, without the reload script's build numbers (new with every build)."""
    return re.sub(r"livereload\(\d+, \d+\)", "livereload()", fetch(f"{address}/{path}")[1])


def _served(address: str) -> dict[str, str]:
    """Every page the sitemap names, and the data files, as the server sends them (without the reload
    script's build numbers, which change with every build)."""
    sitemap = fetch(f"{address}/sitemap.xml")[1]
    paths = [url.split("/", 3)[3] for url in re.findall(r"<loc>(.*?)</loc>", sitemap)]
    assert len(paths) > 10, sitemap
    served = {path: _page(address, path) for path in [*paths, *DATA]}
    served[INDEX_ENTRY] = re.findall(r'"page_count":\d+', fetch(f"{address}/{INDEX_ENTRY}")[1])
    return served


def _count(terminal, text: str) -> int:
    return terminal.read_text(encoding="utf-8").count(text)


def test_an_edited_case_is_updated_in_place_and_the_site_is_what_a_full_build_makes(tmp_path):
    cases = {"forste.yaml": _case(1), "andre.yaml": _case(2, related="forste"), "tredje.yaml": _case(3)}
    project = make_project(tmp_path / "project", cases=cases, site=True)
    with serving(project) as (address, terminal):
        wait_until(lambda: "Eksempelby 1: " in fetch(f"{address}/eksempler/andre/")[1], "the site")
        full_builds = _count(terminal, FULL)
        # A new title: the case's page, the case relating to it, the lists, the data and the index change.
        (project / "cases" / "forste.yaml").write_text(
            _case(1).replace('title: "Eksempelby 1: ', 'title: "Endret 1: '), encoding="utf-8"
        )
        wait_until(lambda: "Endret 1: " in fetch(f"{address}/eksempler/andre/")[1], "the related case shows the new title")
        wait_until(lambda: _count(terminal, UPDATED) == 1, "the terminal says the site was updated in place")
        assert _count(terminal, FULL) == full_builds, terminal.read_text(encoding="utf-8")
        updated = _served(address)
        assert "Endret 1: " in updated["eksempler/"] and "Endret 1: " in updated["data/cases.csv"]

        (project / "mkdocs.yml").touch()  # not a case file: a full build
        wait_until(lambda: _count(terminal, FULL) == full_builds + 1, "a full build")
        rebuilt = _served(address)
        assert rebuilt.keys() == updated.keys()
        differing = [path for path in rebuilt if rebuilt[path] != updated[path]]
        assert not differing, differing


@contextmanager
def _one_case_served(tmp_path):
    """`make serve` of a project with one case, once its page is served: (project, address, terminal, the
    number of full builds so far)."""
    project = make_project(tmp_path / "project", cases={"forste.yaml": _case(1)}, site=True)
    with serving(project) as (address, terminal):
        wait_until(lambda: "Eksempelby 1: " in fetch(f"{address}/eksempler/forste/")[1], "the site")
        yield project, address, terminal, _count(terminal, FULL)


def test_an_editors_backup_beside_the_saved_case_still_lets_the_site_update_in_place(tmp_path):
    with _one_case_served(tmp_path) as (project, address, terminal, full_builds):
        # As Emacs saves: the old text kept as a backup, a lock while edited, then the new text.
        (project / "cases" / "forste.yaml~").write_text(_case(1), encoding="utf-8")
        (project / "cases" / ".#forste.yaml").symlink_to("redaktor@maskin.1234")
        (project / "cases" / "forste.yaml").write_text(
            _case(1).replace('title: "Eksempelby 1: ', 'title: "Endret 1: '), encoding="utf-8"
        )
        wait_until(lambda: "Endret 1: " in fetch(f"{address}/eksempler/forste/")[1], "the new title")
        wait_until(lambda: _count(terminal, UPDATED) >= 1, "the terminal says the site was updated in place")
        assert _count(terminal, FULL) == full_builds, terminal.read_text(encoding="utf-8")


def test_a_new_case_file_is_a_full_build(tmp_path):
    with _one_case_served(tmp_path) as (project, address, terminal, full_builds):
        (project / "cases" / "andre.yaml").write_text(_case(2), encoding="utf-8")
        wait_until(lambda: "Eksempelby 2: " in fetch(f"{address}/eksempler/andre/")[1], "the new case's page")
        assert _count(terminal, FULL) == full_builds + 1 and _count(terminal, UPDATED) == 0


def test_with_more_pages_than_a_part_holds_only_the_parts_holding_a_changed_page_are_indexed_again(tmp_path):
    # As many cases as a part of the search index in `make serve` holds pages: with the site's other
    # pages the index has more than one part, and an edit changes the pages of only some of them.
    count = index_parts.SERVE_PART_PAGES
    cases = {f"sted-{n:03d}.yaml": _case(n) for n in range(count)}
    project = make_project(tmp_path / "project", cases=cases, site=True)
    with serving(project) as (address, terminal):
        wait_until(lambda: "Eksempelby 7: " in fetch(f"{address}/eksempler/sted-007/")[1], "the site")
        plan = json.loads(fetch(f"{address}/{index_parts.PLAN_FILE}")[1])["parts"]
        assert len(plan) >= 2, [len(part) for part in plan]
        pages = [page for part in plan for page in part]
        before = {page: _page(address, page) for page in pages}
        (project / "cases" / "sted-007.yaml").write_text(
            _case(7).replace('summary: "', 'summary: "Endret sammendrag. '), encoding="utf-8"
        )
        wait_until(lambda: _count(terminal, UPDATED) == 1, "the terminal says the site was updated in place")
        changed = [page for page in pages if _page(address, page) != before[page]]
        assert "eksempler/sted-007/index.html" in changed
        expected = sorted({index_parts.part_of(plan, page) + 1 for page in changed})
        assert len(expected) < len(plan)  # the test shows something only if some part is left alone
        said = re.search(r"søkeindeksens deler laget på nytt: ([\d, ]+)\.", terminal.read_text(encoding="utf-8"))
        assert said and [int(k) for k in said.group(1).split(", ")] == expected, terminal.read_text(encoding="utf-8")
