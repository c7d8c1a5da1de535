"""Long lists in pages of PAGE_SIZE cases: the case list, the comparison, and the theme, target-group,
county and size pages. Every page is plain HTML with «Forrige side» and «Neste side» links, so a list
works without JavaScript and no page grows with the knowledge base.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Sequence, TypeVar

from generator.paths import numbered_page

# Cases on one page of a list. The one place this is decided: the pages, the list index the scripts read
# (generator.site.list_index) and the tests take it from here. At 50, the largest page at 5,000 cases
# (the comparison) stays well under 300 KB of HTML, and a phone scrolls a page of the list in a minute.
PAGE_SIZE = 50

T = TypeVar("T")


@dataclass(frozen=True)
class ListPage(Generic[T]):
    """One page of a list: its items and where it and its neighbours are (docs-relative paths)."""

    number: int  # from 1
    count: int  # pages in the list, at least 1
    total: int  # items in the whole list
    first: int  # position of the first item in the whole list, from 0
    items: Sequence[T]
    path: str
    previous: str | None
    next: str | None

    @property
    def last(self) -> int:
        """Position (from 1) of the last item on the page; with `first + 1`, «eksempel 51–100»."""
        return self.first + len(self.items)


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    return max(1, -(-total // size))


def split(items: Sequence[T], path: str, size: int = PAGE_SIZE) -> list[ListPage[T]]:
    """The list at `path` in pages of `size`; an empty list is one empty page."""
    count = page_count(len(items), size)
    return [
        ListPage(
            number=number,
            count=count,
            total=len(items),
            first=(number - 1) * size,
            items=items[(number - 1) * size: number * size],
            path=numbered_page(path, number),
            previous=numbered_page(path, number - 1) if number > 1 else None,
            next=numbered_page(path, number + 1) if number < count else None,
        )
        for number in range(1, count + 1)
    ]


def page_paths(path: str, total: int, size: int = PAGE_SIZE) -> list[str]:
    """Where each page of a list of `total` items is, in order."""
    return [numbered_page(path, number) for number in range(1, page_count(total, size) + 1)]
