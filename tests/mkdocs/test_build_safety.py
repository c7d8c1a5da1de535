"""`python -m generator build` replaces site/ only on success: a failed build leaves the old site as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_generator
from tests.sandbox import make_project, snapshot

VALID = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
BAD_THEME = (FIXTURES / "bad" / "unknown-theme.yaml").read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path) -> Path:
    """A project with one valid case and a previous site/ that must survive failed builds."""
    root = make_project(tmp_path / "project", cases={"eksempelby.yaml": VALID}, site=True)
    (root / "site" / "eksempler").mkdir(parents=True)
    (root / "site" / "index.html").write_text("<p>forrige versjon</p>", encoding="utf-8")
    (root / "site" / "eksempler" / "gammel.html").write_text("<p>gammel side</p>", encoding="utf-8")
    return root


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site-") or p.name.endswith(".old"))


def test_invalid_record_stops_the_build_and_keeps_the_old_site(project):
    (project / "cases" / "ny-kommune.yaml").write_text(BAD_THEME, encoding="utf-8")
    before = snapshot(project / "site")
    result = run_generator("build", cwd=project)
    assert result.returncode == 1
    assert "cases/ny-kommune.yaml:" in result.stdout and "ukjent tema «sport»" in result.stdout
    assert "nettstedet ble ikke bygget" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_failed_mkdocs_build_keeps_the_old_site(project):
    # Records are valid, but a hand-written page has a broken link, which the strict build refuses.
    (project / "docs" / "brutt.md").write_text("# Brutt\n\n[lenke](finnes-ikke.md)\n", encoding="utf-8")
    before = snapshot(project / "site")
    result = run_generator("build", cwd=project)
    assert result.returncode == 1
    assert "Byggingen feilet, site/ er uendret" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_successful_build_replaces_the_old_site(project):
    result = run_generator("build", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "eksempler" / "eksempelby" / "index.html").is_file()
    assert not (project / "site" / "eksempler" / "gammel.html").exists()
    assert leftovers(project) == []
