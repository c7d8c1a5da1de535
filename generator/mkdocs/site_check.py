"""After the site is written: every case in the catalog has its page, with its title and its practices.

A build that exits 0 must have made the site it says it made. Once, every case page came out as an
empty frame (the theme without the article) and the build still reported success; this check reads
what was written, not what was meant to be written, so any such failure stops the build, naming the case.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from generator import paths
from generator.records.catalog import Catalog

# A heading as finished_pages writes it: the text, then the permalink («¶»), which is not part of it.
_HEADING = re.compile(r"<h([13])\b[^>]*>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


class SiteIncomplete(Exception):
    """Case pages missing or without their content; the message names them, in Norwegian."""


def _text(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", _PERMALINK.sub("", markup))).split())


def _same(text: str) -> str:
    return " ".join(str(text).split())


def page_problem(page: Path, title: str, practices: list[str]) -> str | None:
    """What is wrong with one written case page, or None when it has its title and every practice."""
    try:
        markup = page.read_text(encoding="utf-8")
    except FileNotFoundError:
        return "siden ble ikke skrevet"
    headings = {"1": [], "3": []}
    for level, inner in _HEADING.findall(markup):
        headings[level].append(_text(inner))
    if _same(title) not in headings["1"]:
        return f"siden mangler tittelen «{_same(title)}»"
    missing = [name for name in practices if _same(name) not in headings["3"]]
    if missing:
        return f"siden mangler tiltaket «{_same(missing[0])}»" + (f" og {len(missing) - 1} til" if len(missing) > 1 else "")
    return None


def check_case_pages(catalog: Catalog, site_dir: Path, slugs=None) -> None:
    """Raise SiteIncomplete naming each case whose page is missing, or lacks its title or a practice.

    Every case, or only those named in `slugs` (`make serve`, after an update that made only these)."""
    problems = []
    for slug in sorted(catalog.cases if slugs is None else slugs):
        case = catalog.cases[slug]
        page = site_dir / paths.page_location(paths.case_path(slug)) / "index.html"
        problem = page_problem(page, case.title, [p.name for p in case.practices])
        if problem:
            problems.append(f"{catalog.case_files.get(slug, slug)}: {problem}")
    if problems:
        shown = "\n".join(problems[:10]) + (f"\n… og {len(problems) - 10} til" if len(problems) > 10 else "")
        raise SiteIncomplete(
            f"{len(problems)} caseside{'r' if len(problems) > 1 else ''} ble ikke laget riktig:\n{shown}"
        )
