"""A build on several cores makes the same site, byte for byte, as a build on one.

`python -m generator build` forks workers only from 200 cases on (parallel.PARALLEL_FROM); here the
threshold is lowered so the five real cases take that path. Each build runs in its own process, as
the command line does: forking the test process, which may hold browser threads, would be unsafe.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, stable_files

BUILD = """
import sys
from generator import cli, parallel
parallel.PARALLEL_FROM = 1
{extra}
sys.exit(cli.main(["build", "--site-dir", sys.argv[1]]))
"""


def _build(site: Path, workers: int, extra: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", BUILD.format(extra=extra), str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, "GENERATOR_WORKERS": str(workers)},
    )



def test_case_pages_built_by_workers_are_the_pages_mkdocs_would_build(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert _build(one, 1).returncode == 0
    result = _build(two, 2)
    assert result.returncode == 0, result.stderr
    serial, parallel = stable_files(one), stable_files(two)
    assert serial.keys() == parallel.keys()
    different = [path for path in serial if serial[path] != parallel[path]]
    assert different == []
    page = parallel["eksempler/nesna/index.html"].decode("utf-8")
    assert 'id="kontaktpersoner"' in page and "md-nav--secondary" in page  # content and Material's frame
    assert any(path.startswith("pagefind/fragment/") for path in parallel)  # both were indexed


@pytest.mark.parametrize("slug", ["batsfjord", "nesna"])  # the first page is built before the workers start
def test_a_failing_case_page_fails_the_build_with_a_message_and_keeps_the_old_site(tmp_path, slug):
    site = tmp_path / "site"
    site.mkdir()
    (site / "gammel.html").write_text("forrige bygging", encoding="utf-8")
    breaks_one_page = (
        "from generator.site import pages\n"
        "original = pages.finished_case_page\n"
        "def broken(context, slug):\n"
        f"    if slug == '{slug}':\n"
        f"        raise ValueError('noe gikk galt med {slug}')\n"
        "    return original(context, slug)\n"
        "pages.finished_case_page = broken\n"
    )
    result = _build(site, 2, breaks_one_page)
    assert result.returncode == 1
    assert f"noe gikk galt med {slug}" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["gammel.html"]
