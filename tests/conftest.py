"""Shared fixtures: the real site, built once per test session with the real MkDocs build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.search.index_parts import part_of_bundle

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Every record in cases/, so a contributor's new case is tested like the others (and never turns the
# check red just for existing).
CASE_SLUGS = sorted(p.stem for p in (ROOT / "cases").iterdir() if p.suffix in (".yaml", ".yml"))


def run_generator(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as `make build` makes it, from the real records."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = run_generator("build", "--site-dir", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


# A public address for the site built from the fixture records: reserved for examples, never reached.
PUBLIC_SITE_URL = "https://integreringspraksis.example/"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The site built from the fixture records (tests/fixtures/cases/), published at a public address."""
    from .sandbox import make_project

    cases = {p.name: p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "cases").glob("*.yaml"))}
    project = make_project(tmp_path_factory.mktemp("fixture-project"), cases=cases, site=True)
    out = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": PUBLIC_SITE_URL}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--site-dir", str(out)], cwd=project, env=env,
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def page(site):
    """page("eksempler/ralingen/") -> BeautifulSoup of the built page's HTML."""

    def load(location: str) -> BeautifulSoup:
        path = site / location / "index.html" if not location.endswith(".html") else site / location
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    return load


def visible_text(soup: BeautifulSoup) -> str:
    """The text of the article as a reader sees it, with whitespace (and no-break spaces) collapsed."""
    article = soup.select_one("article") or soup
    return " ".join(article.get_text(" ").replace("\u00a0", " ").split())


def _varies_between_builds(path: str) -> bool:
    # Pagefind writes its filter and metadata chunks in an order that changes from run to run, and names
    # them (and pagefind-entry.json's hash) by content; its word index and page fragments are stable.
    # Every part of the index is a bundle of its own (pagefind/, pagefind-2/ ...).
    folder, _, inside = path.partition("/")
    in_bundle = part_of_bundle(folder) is not None
    return in_bundle and (inside.startswith(("filter/", "pagefind-entry.json")) or inside.endswith(".pf_meta"))


def stable_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site with its bytes, but for the few that differ between identical builds."""
    files = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}
    return {path: p.read_bytes() for path, p in files.items() if not _varies_between_builds(path)}
