"""The date each generated page last changed, taken from the records it shows (for sitemap.xml)."""

from __future__ import annotations

import datetime as dt

from generator import paths
from generator.records.catalog import Catalog
from generator.records.vocabulary import VOCABULARY
from generator.site.facets import TERMS_OF_KIND


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
            for key in VOCABULARY[kind]:
                listed = [c.updated for c in catalog.cases.values() if key in getter(c)]
                if listed:
                    dates[paths.facet_path(kind, key)] = max(listed)
    return dates
