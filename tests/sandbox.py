"""A throwaway copy of the project, so a test can add records or break things without touching the real one.

`python -m generator` run with the copy as working directory imports the copy's generator package
(the working directory comes first on sys.path), and that package treats its parent as the project root.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import ROOT

SITE_PARTS = ("mkdocs.yml", "docs", "overrides")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".cache")


def make_project(where: Path, cases: dict[str, str] | None = None, templates: dict[str, str] | None = None, site: bool = False) -> Path:
    """A project at `where` with the given records ({"eksempelby.yaml": text}) and the real generator."""
    where.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "generator", where / "generator", ignore=IGNORE)
    for part in SITE_PARTS if site else ():
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, where / part, ignore=IGNORE)
        else:
            shutil.copy2(source, where / part)
    for folder, records in (("cases", cases or {}), ("templates", templates or {})):
        (where / folder).mkdir(exist_ok=True)
        for name, text in records.items():
            (where / folder / name).write_text(text, encoding="utf-8")
    return where


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to show that nothing changed."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
