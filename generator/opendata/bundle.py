"""Every open-data file the site publishes, as {docs-relative path: str or bytes}."""

from __future__ import annotations

from pathlib import Path

from generator import kept, parallel
from generator.paths import absolute, case_path, contact_card_path, page_location
from generator.records.catalog import Catalog
from generator.records.model.schema import SCHEMAS, schema_text
from generator.opendata import datapackage, feed, records, tables, vcard


def case_url(site_url: str, slug: str) -> str:
    """Absolute address of a case page, or its site-relative location when there is no site_url."""
    location = page_location(case_path(slug))
    return absolute(site_url, location) or location


class CaseFiles:
    """Each case's own files (JSON record, vCards) and its lines in the tables, made on other cores when
    worth it.

    Calling it waits for them: ({slug: {path: text}}, {slug: {table: lines}} or None when the tables are
    still to be made). The site builder's hook renders the list pages meanwhile. Given a folder (`out`),
    the workers also write the files there (`written`) and send back only the JSON record, which
    data/cases.json holds as well, so the process that renders the rest of the site does not: creating
    a few thousand small files took it more than a second at a thousand cases.
    """

    def __init__(self, catalog: Catalog, out: Path | None = None, site_url: str = ""):
        self._slugs = sorted(catalog.cases)
        self._catalog, self.site_url = catalog, site_url
        on_cores = parallel.worth_it(len(self._slugs))
        self.written = out is not None and on_cores
        self._running = None
        if on_cores:
            context = (catalog, out if self.written else None, site_url)
            self._running = parallel.start_cases(_made_on_a_core, self._slugs, context)

    def __call__(self) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]] | None]:
        if self._running is None:  # `make serve` makes them again only for the records that changed
            cases = self._catalog.cases
            with parallel.collector_paused():
                return {slug: kept.made(("open data", slug), cases[slug], lambda s=slug: case_files(self._catalog, s))
                        for slug in self._slugs}, None
        made = dict(zip(self._slugs, self._running.results()))
        return {slug: files for slug, (files, _) in made.items()}, {slug: lines for slug, (_, lines) in made.items()}


def start_case_files(catalog: Catalog, out: Path | None = None, site_url: str = "") -> CaseFiles:
    return CaseFiles(catalog, out, site_url)


def build(catalog: Catalog, site_name: str, site_url: str, started=None) -> dict[str, str | bytes]:
    """Every open-data file still to be written: `started` is what start_case_files returned, if it was
    called earlier, and the files its workers wrote themselves are left out."""
    def url_for(slug: str) -> str:
        return case_url(site_url, slug)

    slugs = sorted(catalog.cases)
    started = started or start_case_files(catalog, site_url=site_url)
    if started.site_url != site_url:  # its workers wrote the tables' addresses
        raise ValueError(f"the case files were started for {started.site_url!r}, not {site_url!r}")
    per_case, table_lines = started()
    files: dict[str, str | bytes] = {}
    for name, model in SCHEMAS.items():
        files[f"{records.SCHEMA_DIR}/{name}"] = schema_text(model)
    files.update(records.collection_files(site_name, {s: per_case[s][records.case_json_path(s)] for s in slugs}))
    files.update(tables.csv_files(catalog, url_for, table_lines))
    files[datapackage.DATAPACKAGE] = records.dumps(datapackage.datapackage(site_name))
    files[feed.FEED] = feed.atom(catalog, site_name, site_url, url_for)
    if not getattr(started, "written", False):
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


def _made_on_a_core(context, slug: str) -> tuple[dict[str, str], dict[str, str]]:
    """A worker's part for one case: its files (written into `out` when given, and then only the JSON
    record sent back) and its lines in the tables."""
    catalog, out, site_url = context
    files = case_files(catalog, slug)
    if out is not None:
        write(files, out)
        path = records.case_json_path(slug)
        files = {path: files[path]}
    return files, tables.case_lines(slug, catalog.cases[slug], case_url(site_url, slug))


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


