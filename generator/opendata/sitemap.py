"""The date each generated page last changed, taken from the records it shows (for sitemap.xml)."""

from __future__ import annotations

import datetime as dt

from generator.site import pages
from generator.records.catalog import Catalog
from generator.records.vocabulary import VOCABULARY


def page_dates(catalog: Catalog) -> dict[str, dt.date]:
    """{docs path: date}. Pages not listed here (hand-written ones) keep the build date."""
    dates: dict[str, dt.date] = {}
    for slug, case in catalog.cases.items():
        dates[pages.case_path(slug)] = case.updated
    for slug, template in catalog.templates.items():
        dates[pages.template_path(slug)] = template.updated
    if catalog.templates:
        dates[f"{pages.TEMPLATES_DIR}/index.md"] = max(t.updated for t in catalog.templates.values())
    if catalog.cases:
        newest = max(c.updated for c in catalog.cases.values())
        dates[f"{pages.CASES_DIR}/index.md"] = newest
        dates["sammenligning.md"] = newest
        for kind, (_folder, _heading, getter) in pages.FACETS.items():
            dates[pages.facet_path(kind)] = newest
            for key in VOCABULARY[kind]:
                listed = [c.updated for c in catalog.cases.values() if key in getter(c)]
                if listed:
                    dates[pages.facet_path(kind, key)] = max(listed)
    return dates
