"""ProperDocs, the maintained continuation of MkDocs 1.x, builds the same site as MkDocs.

Both read mkdocs.yml, run the hook and Material; only the generator tag in each page's <head> names
the builder. Everything else, every page and every file, must be the same bytes (but for the search
index files whose order varies between any two builds) when both are built on one day: the pages say
how old things are, and the sitemap is dated by the day of the build.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.conftest import run_generator, stable_files

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site) -> dict[str, bytes]:
    return {name: GENERATOR_TAG.sub(b"", data) for name, data in stable_files(site).items()}


def _build(builder: str, out):
    result = run_generator("build", "--builder", builder, "--site-dir", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _days() -> tuple[dt.date, dt.date]:
    """Today where the machine is (the pages' day) and in UTC (MkDocs' day for the sitemap)."""
    return dt.date.today(), dt.datetime.now(dt.UTC).date()


@pytest.fixture(scope="module")
def both_sites(tmp_path_factory) -> tuple:
    """(MkDocs' site, ProperDocs' site) of the real project, built one after the other on one day: built
    again should midnight fall between them. Not SOURCE_DATE_EPOCH, which would date the downloads too and
    make them again in place of the ones the other tests keep."""
    while True:
        began = _days()
        out = tmp_path_factory.mktemp("builders")
        sites = _build("mkdocs", out / "mkdocs"), _build("properdocs", out / "properdocs")
        if _days() == began:
            return sites


@pytest.fixture(scope="module")
def properdocs_site(both_sites):
    return both_sites[1]


def test_properdocs_names_itself_as_the_builder(properdocs_site):
    html = (properdocs_site / "eksempler" / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in GENERATOR_TAG.search(html.encode()).group().decode()


def test_properdocs_builds_the_same_pages_and_files_as_mkdocs(both_sites):
    mkdocs_files, properdocs_files = (_files(site) for site in both_sites)
    assert sorted(properdocs_files) == sorted(mkdocs_files)
    different = [name for name in mkdocs_files if mkdocs_files[name] != properdocs_files[name]]
    assert not different, f"ProperDocs built these differently: {different[:10]}"


def test_a_site_builder_that_is_not_known_is_refused_with_the_choices():
    result = run_generator("build", "--builder", "sphinx", "--site-dir", "/nonexistent/site")
    assert result.returncode != 0
    assert "mkdocs" in result.stderr and "properdocs" in result.stderr
