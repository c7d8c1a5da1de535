"""The date each generated page last changed, taken from the records it shows (for sitemap.xml)."""

from __future__ import annotations

import datetime as dt

from generator import paths
from generator.records.catalog import Catalog
from generator.records.vocabulary import VOCABULARY
from generator.site import paging
from generator.site.facets import TERMS_OF_KIND, cases_by_size


def page_dates(catalog: Catalog) -> dict[str, dt.date]:
    """{docs path: date}. Pages not listed here (hand-written ones) keep the build date."""
    dates: dict[str, dt.date] = {}
    for slug, case in catalog.cases.items():
        dates[paths.case_path(slug)] = case.updated
    for slug, template in catalog.templates.items():
        dates[paths.template_path(slug)] = template.updated
    if catalog.templates:
        dates[f"{paths.TEMPLATES_DIR}/index.md"] = max(t.updated for t in catalog.templates.values())
    if catalog.cases:
        newest = max(c.updated for c in catalog.cases.values())
        dates[f"{paths.CASES_DIR}/index.md"] = newest
        dates[paths.COMPARISON] = newest
        for kind, getter in TERMS_OF_KIND.items():
            dates[paths.facet_path(kind)] = newest
            by_key: dict[str, list[dt.date]] = {key: [] for key in VOCABULARY[kind]}
            for c in catalog.cases.values():
                for key in dict.fromkeys(getter(c)):
                    if key in by_key:
                        by_key[key].append(c.updated)
            for key in VOCABULARY[kind]:
                listed = by_key[key]
                if listed:
                    dates[paths.facet_path(kind, key)] = max(listed)
                    _later_pages(dates, paths.facet_path(kind, key), len(listed))
        for key, _label, members in cases_by_size(catalog):
            dates[paths.size_path(key)] = max(c.updated for _s, c in members)
            _later_pages(dates, paths.size_path(key), len(members))
        _later_pages(dates, f"{paths.CASES_DIR}/index.md", len(catalog.cases))
        _later_pages(dates, paths.COMPARISON, len(catalog.cases))
    return dates


def _later_pages(dates: dict[str, dt.date], first: str, count: int) -> None:
    """Page 2 on of a long list (generator.site.paging) has the date of the list."""
    for path in paging.page_paths(first, count)[1:]:
        dates[path] = dates[first]
