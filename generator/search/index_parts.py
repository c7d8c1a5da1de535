"""The search index in parts: which pages each part holds, and where each part's bundle lies.

Pagefind holds about half a megabyte per page while it writes an index, and no option lowers that: over
a whole site of 5,000 cases (5,071 indexed pages) its peak was ~2.5 GB. So the index is written in parts,
one Pagefind run after the other, each over at most PART_PAGES pages, and the reader's browser merges
them (Pagefind's mergeIndex, in search.js). A part can also be indexed again alone (`make serve`).

With several cores, a site from SPLIT_FROM pages on is cut into parts of at most PART_PAGES / cores
pages instead (at least one per core), and as many parts as there are cores are indexed at the same time
(at_once): Pagefind compresses every file it writes at its highest level, on one core, which was most of
its time. The pages indexed at once stay within PART_PAGES, so its memory is what one part's would be.

The plan is decided once, by the site builder's hook from the pages it writes, and written into the built
site folder (PLAN_FILE); the indexer obeys it and never decides again, so the parts the pages name (the
search definitions) and the parts the indexer writes cannot disagree.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

# Measured 7 Dec 2026: one Pagefind run over 1,497 pages of the 5,000-case site peaked at ~756 MB
# (~0.5 MB a page), the whole site at ~2.5 GB. 1,500 pages at once keep Pagefind well under the 1 GB
# target: on one core in parts of 1,500, on two in parts of 750 indexed two at a time (the 5,000-case
# site in seven parts: 12.3 s and 719 MB, against 18.1 s and 744 MB for four parts one at a time).
PART_PAGES = 1500
# `make serve` indexes again only the parts holding the pages a saved file changed, so there its parts
# are small: Pagefind takes a few tenths of a second over 100 pages, against seconds over 1,000. The
# reader's browser merges more parts there, which costs nothing on one's own machine.
SERVE_PART_PAGES = 100
# From this many pages a site is indexed in at least one part per core. Measured 7 Dec 2026 on 2 cores
# (pages of the 1,000-case benchmark site): 1,071 pages in one run 3.68 s, in two at once 2.27 s; 400
# pages 1.36 against 1.11 s. Below it, indexing takes under a second and the reader's browser loads one index.
SPLIT_FROM = 400
# A dot-file: MkDocs' clean_directory leaves it alone, and `python -m generator build` removes it from
# the site before publishing it.
PLAN_FILE = ".pagefind-parts.json"
_PRIMARY = "pagefind"
_BUNDLE = re.compile(r"pagefind(?:-(\d+))?")


class PlanFailed(Exception):
    """The plan file cannot be read; the message says why in Norwegian."""


def plan(pages: list[str], part_pages: int = PART_PAGES, cores: int = 1) -> list[list[str]]:
    """Site-relative HTML paths (eksempler/x/index.html), sorted and cut into consecutive parts of at most
    part_pages; always at least one part, which may be empty. With several cores, from SPLIT_FROM pages on,
    into parts of (nearly) equal size and at most part_pages // cores, at least one per core, so that one
    part per core can be indexed at once (at_once) within part_pages."""
    if part_pages < 1:
        raise ValueError(f"part_pages must be at least 1, not {part_pages}")
    ordered = sorted(set(pages))
    if cores > 1 and len(ordered) >= SPLIT_FROM:
        count = min(len(ordered), max(cores, -(-len(ordered) // max(1, part_pages // cores))))
        size, longer = divmod(len(ordered), count)  # the first `longer` parts take one page more
        parts, start = [], 0
        for k in range(count):
            end = start + size + (k < longer)
            parts.append(ordered[start:end])
            start = end
        return parts
    return [ordered[start:start + part_pages] for start in range(0, len(ordered), part_pages)] or [[]]


def at_once(parts: list[list[str]], cores: int = 1) -> int:
    """How many of these parts Pagefind indexes at the same time: one per core, as long as the pages
    indexed at once stay within PART_PAGES (its memory grows with them); otherwise one after the other."""
    sizes = sorted((len(pages) for pages in parts), reverse=True)
    count = max(1, min(cores, len(parts)))
    while count > 1 and sum(sizes[:count]) > PART_PAGES:
        count -= 1
    return count


def bundle_dir(part: int) -> str:
    """The folder of part `part` (0-based) in the site: pagefind for the first, as with one index, then
    pagefind-2, pagefind-3 ... beside it, so indexing one part again never touches another."""
    if part < 0:
        raise ValueError(f"no part {part}")
    return _PRIMARY if part == 0 else f"{_PRIMARY}-{part + 1}"


def part_of_bundle(name: str) -> int | None:
    """The part whose bundle folder is named `name` (the inverse of bundle_dir), or None."""
    found = _BUNDLE.fullmatch(name)
    if not found:
        return None
    if found.group(1) is None:
        return 0
    number = int(found.group(1))
    return number - 1 if number >= 2 and found.group(1) == str(number) else None


def bundle_addresses(parts: list[list[str]]) -> list[str]:
    """Every part's bundle as an address from the site root, the way the search definitions give them."""
    return [bundle_dir(k) + "/" for k in range(len(parts))]


def part_of(parts: list[list[str]], page: str) -> int | None:
    """The part that holds `page` (a site-relative HTML path), or None if the plan does not name it."""
    for k, pages in enumerate(parts):
        if page in pages:
            return k
    return None


def write_plan(site_dir: Path, parts: list[list[str]]) -> None:
    text = json.dumps({"parts": parts}, ensure_ascii=False, indent=0)
    (site_dir / PLAN_FILE).write_text(text + "\n", encoding="utf-8")


def read_plan(site_dir: Path) -> list[list[str]] | None:
    """The plan the hook wrote into site_dir, or None when there is none."""
    path = site_dir / PLAN_FILE
    if not path.is_file():
        return None
    try:
        parts = json.loads(path.read_text(encoding="utf-8"))["parts"]
    except (ValueError, KeyError, TypeError) as error:
        raise PlanFailed(f"Søkeindeksens plan {PLAN_FILE} kunne ikke leses ({error}).") from None
    if not isinstance(parts, list) or not parts or not all(
        isinstance(pages, list) and all(isinstance(p, str) and _inside(p) for p in pages) for pages in parts
    ):
        raise PlanFailed(f"Søkeindeksens plan {PLAN_FILE} har ikke en liste av deler med sider i nettstedet.")
    return parts


def _inside(page: str) -> bool:
    """A site-relative path that stays in the site: no leading slash, no «..»."""
    return bool(page) and not page.startswith("/") and ".." not in page.split("/")


def remove_plan(site_dir: Path) -> None:
    (site_dir / PLAN_FILE).unlink(missing_ok=True)
