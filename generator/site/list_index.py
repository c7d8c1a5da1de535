"""The case list's index (eksempler/indeks.json): what filters.js and compare.js read instead of a page
holding every case.

With it, the filters on any page of the case list count and show every matching case, and the
comparison finds the page a chosen case is on. Everything the scripts need about addresses and terms
is written here from Python, so they restate no rule: the groups and their keys in the order of the
filter form, the address of every page of the case list and of the comparison, and how a case's
address is made, each relative to the index itself.
"""

from __future__ import annotations

import json
from typing import Callable

from generator.paths import CASES_DIR, COMPARISON, PAGE_FOLDER, case_path
from generator.records.catalog import Catalog
from generator.site import facets, paging

SLUG_MARK = "slug-i-adressen"  # stands for a case's slug in the address pattern written to the index


def build(catalog: Catalog, href: Callable[[str, str], str]) -> str:
    """The index as compact JSON. `href(target, here)` makes relative links (generator.site.rendering.href)."""
    here = f"{CASES_DIR}/index.md"  # the index sits in the case list's folder, so links from either are the same
    groups = facets.filter_groups(catalog)
    positions = [{key: i for i, (key, _label, _count) in enumerate(group.options)} for group in groups]
    cases = catalog.sorted_cases()
    rows = []
    for slug, case in cases:
        terms = facets.case_terms(case)
        rows.append([
            slug, case.title, facets.case_line(case),
            [sorted(position[key] for key in terms[group.param]) for group, position in zip(groups, positions)],
        ])
    case_href = href(case_path(SLUG_MARK), here).split(SLUG_MARK)
    data = {
        "pageSize": paging.PAGE_SIZE,
        # the address names the page of the matching cases as the paged lists' folders do (?side=2)
        "pageParam": PAGE_FOLDER,
        "caseHref": case_href,
        "groups": [{"param": group.param, "keys": [key for key, _l, _c in group.options]} for group in groups],
        "pages": {
            "list": [href(p, here) for p in paging.page_paths(f"{CASES_DIR}/index.md", len(cases))],
            "comparison": [href(p, here) for p in paging.page_paths(COMPARISON, len(cases))],
        },
        "cases": rows,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
