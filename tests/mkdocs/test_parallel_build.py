"""A build on several cores makes the same site, byte for byte, as a build on one, at any number of cases.

`python -m generator build` forks workers from parallel.PARALLEL_FROM cases on. The sites here have
PARALLEL_FROM − 1, PARALLEL_FROM and PARALLEL_FROM + 1 small generated cases, each built with one worker
and with two (GENERATOR_WORKERS), and compared file by file: once, exactly PARALLEL_FROM cases gave
empty case pages from the parallel path while the build reported success. Each build runs in its own
process, as the command line does: forking the test process, which may hold browser threads, would be
unsafe.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.parallel import PARALLEL_FROM
from tests.conftest import FIXTURES, stable_files
from tests.sandbox import ONE_DAY, make_project

SMALL_CASE = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
SIZES = (PARALLEL_FROM - 1, PARALLEL_FROM, PARALLEL_FROM + 1)

BUILD = """
import sys
from generator import cli
{extra}
sys.exit(cli.main(["build", "--site-dir", sys.argv[1]]))
"""


def small_case(number: int) -> str:
    """The small fixture record with its own title and practice, so every page differs from the others."""
    text = SMALL_CASE.replace('title: "Eksempelby: ', f'title: "Eksempelby {number}: ')
    return text.replace("  - name: Språkpraksis på arbeidsplassen", f"  - name: Språkpraksis nr. {number}")


def slugs(count: int) -> list[str]:
    return [f"eksempelby-{number:03d}" for number in range(count)]


def build(project: Path, site: Path, workers: int, extra: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", BUILD.format(extra=extra), str(site)], cwd=project, capture_output=True, text=True,
        timeout=600, env={**os.environ, "GENERATOR_WORKERS": str(workers), "NO_MKDOCS_2_WARNING": "1", **ONE_DAY},
    )


@pytest.fixture(scope="session")
def projects(tmp_path_factory) -> dict[int, Path]:
    """A project per size with that many small cases (the real generator, site parts and no templates)."""
    made = {}
    for count in SIZES:
        cases = {f"{slug}.yaml": small_case(number) for number, slug in enumerate(slugs(count))}
        made[count] = make_project(tmp_path_factory.mktemp(f"cases-{count}"), cases=cases, site=True)
    return made


@pytest.mark.parametrize("count", SIZES)
def test_one_worker_and_two_build_the_same_site_around_the_threshold(projects, count, tmp_path):
    project = projects[count]
    one, two = tmp_path / "one", tmp_path / "two"
    serial = build(project, one, workers=1)
    assert serial.returncode == 0, serial.stderr
    parallel = build(project, two, workers=2)
    assert parallel.returncode == 0, parallel.stderr
    serial_files, parallel_files = stable_files(one), stable_files(two)
    assert serial_files.keys() == parallel_files.keys()
    assert [path for path in serial_files if serial_files[path] != parallel_files[path]] == []
    for number, slug in enumerate(slugs(count)):  # the same, and not the same empty frame
        page = parallel_files[f"eksempler/{slug}/index.html"].decode("utf-8")
        assert re.search(rf"<h1 [^>]*>Eksempelby {number}: ", page), slug
        assert f">Språkpraksis nr. {number}<" in page and 'id="kontaktpersoner"' in page, slug
    assert any(path.startswith("pagefind/fragment/") for path in parallel_files)  # both were indexed


def _breaks(slug: str, how: str) -> str:
    """Code run before the build that spoils one case page: it raises, or it comes out empty."""
    spoil = (f"        raise ValueError('noe gikk galt med {slug}')\n" if how == "raises" else
             "        page = original(context, slug)\n        page.html = ''\n        return page\n")
    return (
        "from generator.site import pages\n"
        "original = pages.finished_case_page\n"
        "def spoiled(context, slug):\n"
        f"    if slug == '{slug}':\n"
        f"{spoil}"
        "    return original(context, slug)\n"
        "pages.finished_case_page = spoiled\n"
    )


def _old_site(where: Path) -> Path:
    where.mkdir()
    (where / "gammel.html").write_text("forrige bygging", encoding="utf-8")
    return where


# The first case page is built before the workers start, the last by a worker.
@pytest.mark.parametrize("which", [0, -1])
def test_a_failing_case_page_fails_the_build_with_a_message_and_keeps_the_old_site(projects, tmp_path, which):
    slug = slugs(PARALLEL_FROM)[which]
    site = _old_site(tmp_path / "site")
    result = build(projects[PARALLEL_FROM], site, 2, _breaks(slug, "raises"))
    assert result.returncode == 1
    assert f"noe gikk galt med {slug}" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["gammel.html"]


@pytest.mark.parametrize(("count", "workers"), [(PARALLEL_FROM - 1, 2), (PARALLEL_FROM, 2)])
def test_a_case_page_written_without_its_content_fails_the_build_naming_the_case(projects, tmp_path, count, workers):
    slug = slugs(count)[count // 2]
    site = _old_site(tmp_path / "site")
    result = build(projects[count], site, workers, _breaks(slug, "empty"))
    assert result.returncode == 1, result.stdout
    assert "Byggingen feilet, site/ er uendret" in result.stderr and "Traceback" not in result.stderr
    assert f"cases/{slug}.yaml: siden mangler tiltaket «Språkpraksis nr. {count // 2}»" in result.stderr
    assert "Nettstedet er bygget" not in result.stdout
    assert [p.name for p in site.iterdir()] == ["gammel.html"]
