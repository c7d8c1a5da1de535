"""Case, index, theme and comparison pages as Markdown, rendered from generator/site/layouts/*.md.j2
(generator.site.rendering); the templates' pages are generator.site.template_pages."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from markupsafe import Markup

from generator.site import case_summary, charts, facets, list_index, paging
from generator import build_date, formatting, kept
from generator.site.finished_pages import FinishedPage, finish
from generator.site.rendering import ENV, href, render
from generator.site.template_pages import template_pages
from generator.records.catalog import Catalog
from generator.records.model import Case, phone_uri
from generator.opendata import jsonld, records, vcard
from generator.paths import (
    CASE_LIST_INDEX, CASES_DIR, COMPARISON, FACET_FOLDERS, absolute, case_path, contact_card_path,
    facet_path, page_location, record_urls, size_path,
)
from generator.text import sort_key
from generator.records.vocabulary import VOCABULARY

# Up to this many cases the front page lists them all; beyond it, the newest and a link to the list.
FRONT_PAGE_LIMIT = 30


def _source_label(case: Case, source_id: str) -> str:
    return case.source(source_id).title


def case_page(
    slug: str, case: Case, catalog: Catalog, today: dt.date, repo_url: str | None = None, site_url: str = "",
    site_name: str = "",
) -> str:
    here = case_path(slug)
    page_url = absolute(site_url, page_location(here))
    related = sorted(
        ((s, catalog.cases[s]) for s in case.related if s in catalog.cases), key=lambda i: sort_key(i[1].title)
    )
    chart_blocks = [
        (group, charts.bar_chart(group, f"diagram-{index}")) for index, group in enumerate(charts.groups(case.results), 1)
    ]
    return render(
        "case.md.j2",
        here,
        slug=slug,
        case=case,
        related=related,
        templates=catalog.templates_for(slug),
        template_titles={t_slug: t.title for t_slug, t in catalog.templates.items()},
        charts=chart_blocks,
        figures=case_summary.figures(case),
        knowledge_age=case_summary.knowledge_age(case),
        headline=case_summary.headline(case, today),
        is_old=lambda year: case_summary.is_old(year, today),
        mentioned=case_summary.people_not_contacts(case),
        source_label=lambda source_id: _source_label(case, source_id),
        source_index={s.id: i for i, s in enumerate(case.sources, 1)},
        stale=formatting.is_stale(case.last_verified, today),
        contact_notes=case_summary.contact_notes(case, today),
        tel=lambda number: Markup(f'<a href="{phone_uri(number)}">{formatting.escape(number)}</a>'),
        record_file=catalog.case_files[slug],
        record_urls=record_urls(repo_url, catalog.case_files[slug]),
        json_href=href(records.case_json_path(slug), here),
        regions=case_summary.regions(case),
        municipality_names=case_summary.municipality_names(case),
        text_lang=case_summary.text_lang(case),
        contact_cards=[contact_card_path(slug, name) for name in vcard.card_names(case)],
        structured_data=jsonld.script(jsonld.case_data(case, page_url, site_name, site_url)),
    )


def _shown(page: paging.ListPage) -> tuple:
    """What a page of a list shows of the list (generator.kept compares it with the last build's)."""
    return page.number, page.count, page.total, page.first, page.path, page.previous, page.next, tuple(page.items)


def cases_index(catalog: Catalog) -> dict[str, FinishedPage]:
    """The case list, a page for every paging.PAGE_SIZE cases: eksempler/, eksempler/side/2/, …"""
    here = f"{CASES_DIR}/index.md"
    filters = facets.filter_groups(catalog)

    def make(page: paging.ListPage) -> FinishedPage:
        return finish(render(
            "cases_index.md.j2", page.path, page=page, filters=filters,
            size_group=next(g for g in filters if not g.facet_kind), case_line=facets.case_line,
            group_page=facets.term_page, index_href=href(CASE_LIST_INDEX, page.path),
        ))

    return {
        page.path: kept.made(page.path, (_shown(page), filters), lambda page=page: make(page))
        for page in paging.split(catalog.sorted_cases(), here)
    }


def _listing(path: str, cases: list, **context) -> dict[str, FinishedPage]:
    return {
        page.path: kept.made(
            page.path, (_shown(page), context),
            lambda page=page: finish(render("facet.md.j2", page.path, page=page, **context)),
        )
        for page in paging.split(cases, path)
    }


def facet_pages(catalog: Catalog) -> dict[str, str | FinishedPage]:
    """The theme, target-group and county pages with their indexes, and the pages by municipality size."""
    pages = {}
    for kind, (_folder, heading) in FACET_FOLDERS.items():
        getter = facets.TERMS_OF_KIND[kind]
        groups: dict[str, list] = {key: [] for key in VOCABULARY[kind]}
        for s, c in catalog.sorted_cases():
            for key in dict.fromkeys(getter(c)):
                if key in groups:
                    groups[key].append((s, c))
        terms = sorted(VOCABULARY[kind].items(), key=lambda item: sort_key(item[1]))
        pages[facet_path(kind)] = kept.made(facet_path(kind), (kind, heading, terms, groups), lambda: render(
            "facet_index.md.j2", facet_path(kind), kind=kind, heading=heading, terms=terms, groups=groups,
            empty=[label for key, label in terms if not groups[key]],
        ))
        for key, label in terms:
            # «Innlandet» points to «Oppland – nå Innlandet», where the sources' older county has cases.
            see_also = [(k, other) for k, other in terms if k != key and label in other and groups[k]]
            pages.update(_listing(
                facet_path(kind, key), groups[key], kind=kind, label=label, see_also=see_also,
                back_path=facet_path(kind), back_text=f"alle {heading.lower()}",
            ))
    for key, label, members in facets.cases_by_size(catalog):
        pages.update(_listing(
            size_path(key), members, kind=None, label=label, see_also=[],
            back_path=f"{CASES_DIR}/index.md", back_text="alle eksemplene",
        ))
    return pages


def comparison_page(catalog: Catalog, today: dt.date | None = None) -> dict[str, FinishedPage]:
    """The comparison, a page of the full table for every paging.PAGE_SIZE cases."""
    today = today or build_date.today()

    def make(page: paging.ListPage) -> FinishedPage:
        return finish(render(
            "comparison.md.j2", page.path, page=page, page_size=paging.PAGE_SIZE,
            index_href=href(CASE_LIST_INDEX, page.path),
            headline=lambda case: case_summary.headline(case, today), regions=case_summary.regions,
            municipality_names=case_summary.municipality_names,
            is_old=lambda year: case_summary.is_old(year, today), point_value=formatting.point_value,
        ))

    return {
        page.path: kept.made(page.path, (_shown(page), today), lambda page=page: make(page))
        for page in paging.split(catalog.sorted_cases(), COMPARISON)
    }


def home_sections(catalog: Catalog, here: str = "index.md") -> str:
    """The generated part of the hand-written front page (docs/index.md): browse and list."""
    counts = {kind: dict.fromkeys(VOCABULARY[kind], 0) for kind in facets.TERMS_OF_KIND}
    for case in catalog.cases.values():
        for kind, getter in facets.TERMS_OF_KIND.items():
            for key in dict.fromkeys(getter(case)):
                if key in counts[kind]:
                    counts[kind][key] += 1
    terms = {kind: sorted(VOCABULARY[kind].items(), key=lambda item: sort_key(item[1])) for kind in FACET_FOLDERS}
    newest = sorted(catalog.sorted_cases(), key=lambda item: item[1].updated, reverse=True)[:FRONT_PAGE_LIMIT]
    return render(
        "home.md.j2", here, cases=catalog.sorted_cases(), counts=counts, terms=terms, newest=newest,
        FRONT_PAGE_LIMIT=FRONT_PAGE_LIMIT,
    )


class CaseContext(NamedTuple):
    """What a case page needs besides its record; the same on every page of one build."""

    catalog: Catalog
    today: dt.date
    repo_url: str | None
    site_url: str = ""
    site_name: str = ""


def case_front_matter(slug: str, case: Case) -> str:
    """The Markdown file MkDocs reads for a case page: front matter only (title, description, …).

    The page itself is finished_case_page, put in place by generator.mkdocs.hook or generator.mkdocs.parallel_pages.
    """
    return ENV.get_template("case_front_matter.md.j2").render(slug=slug, case=case)


def finished_case_page(context: CaseContext, slug: str) -> FinishedPage:
    return finish(case_page(
        slug, context.catalog.cases[slug], context.catalog, context.today, context.repo_url, context.site_url,
        context.site_name,
    ))


def render_pages(catalog: Catalog, sizes: dict | None = None) -> dict[str, str | FinishedPage]:
    """Every generated page, keyed by its docs-relative path: Markdown, or finished HTML; and the case
    list's index (JSON) that the filters and the comparison read.

    Case pages are only their front matter here (see case_front_matter).
    """
    pages: dict[str, str | FinishedPage] = {**cases_index(catalog), **comparison_page(catalog)}
    pages[CASE_LIST_INDEX] = list_index.build(catalog, href)
    pages.update(template_pages(catalog, sizes or {}))
    for slug, case in catalog.cases.items():
        pages[case_path(slug)] = case_front_matter(slug, case)
    pages.update(facet_pages(catalog))
    return pages
