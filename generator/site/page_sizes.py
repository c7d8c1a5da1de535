"""The largest HTML page of each kind in a built site, for the benchmark: lists come in pages
(generator.site.paging) so that none of them grows with the knowledge base, and this shows they do not.
"""

from __future__ import annotations

from pathlib import Path

from generator.paths import CASES_DIR, COMPARISON, FACET_FOLDERS, PAGE_FOLDER, SIZE_FOLDER, TEMPLATES_DIR

_FACET_NAMES = {"themes": "theme", "target_groups": "target group", "regions": "county"}
_FACET_KINDS = {folder: _FACET_NAMES[kind] for kind, (folder, _heading) in FACET_FOLDERS.items()}


def page_kind(location: str) -> str:
    """The kind of the page at a site location such as «eksempler/side/2/index.html»."""
    parts = location.split("/")[:-1]  # the folders above index.html
    if not parts:
        return "front page" if location == "index.html" else "other"
    top, rest = parts[0], parts[1:]
    if top == CASES_DIR:
        return "case list" if not rest or rest[0] == PAGE_FOLDER and len(rest) == 2 else "case"
    if top == COMPARISON.removesuffix(".md"):
        return "comparison"
    if top in _FACET_KINDS:
        return f"{_FACET_KINDS[top]} index" if not rest else _FACET_KINDS[top]
    if top == SIZE_FOLDER:
        return "size"
    if top == TEMPLATES_DIR:
        return "templates" if not rest else "template"
    return "other"


def largest_pages(site_dir: Path) -> dict[str, tuple[str, int]]:
    """{kind: (location, bytes)}: the largest raw HTML page of each kind, kinds in a fixed order."""
    site_dir = Path(site_dir)
    largest: dict[str, tuple[str, int]] = {}
    for path in site_dir.rglob("*.html"):
        location = path.relative_to(site_dir).as_posix()
        kind, size = page_kind(location), path.stat().st_size
        if kind not in largest or size > largest[kind][1] or size == largest[kind][1] and location < largest[kind][0]:
            largest[kind] = (location, size)
    return dict(sorted(largest.items()))
