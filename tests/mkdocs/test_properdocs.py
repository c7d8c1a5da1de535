"""ProperDocs, the maintained continuation of MkDocs 1.x, builds the same site as MkDocs.

Both read mkdocs.yml, run the hook and Material; only the generator tag in each page's <head> names
the builder. Everything else, every page and every file, must be the same bytes (but for the search
index files whose order varies between any two builds).
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import run_generator, stable_files

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site) -> dict[str, bytes]:
    return {name: GENERATOR_TAG.sub(b"", data) for name, data in stable_files(site).items()}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("properdocs") / "site"
    result = run_generator("build", "--builder", "properdocs", "--site-dir", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_properdocs_names_itself_as_the_builder(properdocs_site):
    html = (properdocs_site / "eksempler" / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in GENERATOR_TAG.search(html.encode()).group().decode()


def test_properdocs_builds_the_same_pages_and_files_as_mkdocs(site, properdocs_site):
    mkdocs_files, properdocs_files = _files(site), _files(properdocs_site)
    assert sorted(properdocs_files) == sorted(mkdocs_files)
    different = [name for name in mkdocs_files if mkdocs_files[name] != properdocs_files[name]]
    assert not different, f"ProperDocs built these differently: {different[:10]}"


def test_a_site_builder_that_is_not_known_is_refused_with_the_choices():
    result = run_generator("build", "--builder", "sphinx", "--site-dir", "/nonexistent/site")
    assert result.returncode != 0
    assert "mkdocs" in result.stderr and "properdocs" in result.stderr
