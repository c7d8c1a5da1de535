"""`make serve` reuses the case pages of the last rebuild that nothing changed, and remakes the rest.

A real `mkdocs serve` on a copy of the project with three small cases, the second relating to the
first; each wait is a bounded poll for the page to change. The same pages must come out as a full
rebuild would make them: the edited case, and the case that shows its title, change; the third not.
"""

from __future__ import annotations

import re

from tests.conftest import FIXTURES
from tests.sandbox import fetch, make_project, serving, wait_until

SMALL = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")


def _case(number: int, related: str | None = None) -> str:
    text = SMALL.replace('title: "Eksempelby: ', f'title: "Eksempelby {number}: ')
    return text + (f"related: [{related}]\n" if related else "")


def test_an_edit_remakes_the_edited_case_and_the_case_showing_its_title_and_reuses_the_other(tmp_path):
    cases = {"forste.yaml": _case(1), "andre.yaml": _case(2, related="forste"), "tredje.yaml": _case(3)}
    project = make_project(tmp_path / "project", cases=cases, site=True)
    with serving(project) as (address, terminal):
        def page(slug: str) -> str:  # without the live-reload script's build numbers, which the server adds
            return re.sub(r"livereload\(\d+, \d+\)", "livereload()", fetch(f"{address}/eksempler/{slug}/")[1])

        before = {slug: wait_until(lambda s=slug: "Eksempelby" in page(s) and page(s), slug) for slug in ("forste", "andre", "tredje")}
        assert "Eksempelby 1: " in before["andre"]  # the related case is listed by its title
        (project / "cases" / "forste.yaml").write_text(
            _case(1).replace('title: "Eksempelby 1: ', 'title: "Endret 1: '), encoding="utf-8"
        )
        wait_until(lambda: "Endret 1: " in page("forste"), "the edited case shows its new title")
        after = {slug: page(slug) for slug in ("forste", "andre", "tredje")}
        assert "Endret 1: " in after["andre"] and "Eksempelby 1: " not in after["andre"], terminal.read_text()
        assert after["tredje"] == before["tredje"]
        # A reused page is not stuck: an edit to its own record shows.
        (project / "cases" / "tredje.yaml").write_text(
            _case(3).replace('summary: "', 'summary: "Endret sammendrag. '), encoding="utf-8"
        )
        wait_until(lambda: "Endret sammendrag." in page("tredje"), "the third case shows its new summary")
        assert page("forste") == after["forste"]
