"""Shared fixtures: the real site, built once per test session with the real MkDocs build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Every record in cases/, so a contributor's new case is tested like the others (and never turns the
# check red just for existing).
CASE_SLUGS = sorted(p.stem for p in (ROOT / "cases").iterdir() if p.suffix in (".yaml", ".yml"))


def run_generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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
