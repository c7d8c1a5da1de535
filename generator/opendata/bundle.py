"""Every open-data file the site publishes, as {docs-relative path: str or bytes}."""

from __future__ import annotations

from generator import parallel
from generator.paths import absolute, case_path, contact_card_path, page_location
from generator.records.catalog import Catalog
from generator.records.model.schema import SCHEMAS, schema_text
from generator.opendata import datapackage, feed, records, tables, vcard


def case_url(site_url: str, slug: str) -> str:
    """Absolute address of a case page, or its site-relative location when there is no site_url."""
    location = page_location(case_path(slug))
    return absolute(site_url, location) or location


def start_case_files(catalog: Catalog):
    """Each case's own files (JSON record, vCards), started on other cores when worth it.

    Returns a function that waits for them: the site builder's hook renders the list pages meanwhile.
    """
    slugs = sorted(catalog.cases)
    if not parallel.worth_it(len(slugs)):
        return lambda: dict(zip(slugs, parallel.map_cases(case_files, slugs, catalog)))
    running = parallel.start_cases(case_files, slugs, catalog)
    return lambda: dict(zip(slugs, running.results()))


def build(catalog: Catalog, site_name: str, site_url: str, started=None) -> dict[str, str | bytes]:
    """Every open-data file; `started` is what start_case_files returned, if it was called earlier."""
    def url_for(slug: str) -> str:
        return case_url(site_url, slug)

    slugs = sorted(catalog.cases)
    per_case = (started or start_case_files(catalog))()
    files: dict[str, str | bytes] = {}
    for name, model in SCHEMAS.items():
        files[f"{records.SCHEMA_DIR}/{name}"] = schema_text(model)
    files.update(records.collection_files(site_name, {s: per_case[s][records.case_json_path(s)] for s in slugs}))
    files.update(tables.csv_files(catalog, url_for))
    files[datapackage.DATAPACKAGE] = records.dumps(datapackage.datapackage(site_name))
    files[feed.FEED] = feed.atom(catalog, site_name, site_url, url_for)
    for own in per_case.values():  # each case's JSON record and its contacts' vCards
        files.update(own)
    return files


def case_files(catalog: Catalog, slug: str) -> dict[str, str]:
    """One case's own files: its JSON record and its contacts' vCards (they depend on the case alone)."""
    case = catalog.cases[slug]
    files = {records.case_json_path(slug): records.compact(records.record(case))}
    for name, text in vcard.card_files(case):
        files[contact_card_path(slug, name)] = text
    return files


def write(files: dict[str, str | bytes], out) -> list:
    """Write the files under the folder `out` (a pathlib.Path); returns the paths written."""
    written = []
    for path, content in sorted(files.items()):
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        target.write_bytes(data)
        written.append(target)
    return written


