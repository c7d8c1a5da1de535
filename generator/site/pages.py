"""Case, index, theme and comparison pages as Markdown, rendered from generator/site/layouts/*.md.j2.

Every `{{ value }}` in a layout passes through formatting.escape, so record text reaches the page as
inert text. Markup built here on purpose (links, charts) is wrapped in Markup.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from pathlib import Path
from typing import NamedTuple

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape as html_escape

from generator.site import case_summary, charts, facets, list_index, paging
from generator import documents, formatting, kept
from generator.site.finished_pages import FinishedPage, finish
from generator.records.catalog import Catalog
from generator.records.model import Case, phone_uri
from generator.opendata import jsonld, records, vcard
from generator.paths import CONTRIBUTION_FORM, CORRECTION_PARAMETER, PAGE_ASSETS
from generator.paths import (
    CASE_LIST_INDEX, CASES_DIR, COMPARISON, FACET_FOLDERS, TEMPLATES_DIR, absolute, case_path, contact_card_path,
    facet_path, page_location, record_urls, size_path, template_file, template_path,
)
from generator.text import sort_key
from generator.records.vocabulary import VOCABULARY

LAYOUTS = Path(__file__).with_name("layouts")

# Up to this many cases the front page lists them all; beyond it, the newest and a link to the list.
FRONT_PAGE_LIMIT = 30


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(LAYOUTS),
        autoescape=False,  # Markdown output: escaping is done by `finalize` for every expression
        finalize=formatting.escape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        value=lambda f: formatting.figure_value(f),
        year=formatting.figure_year,
        date=formatting.date,
        number=formatting.number,
        paragraphs=formatting.paragraphs,
        html_paragraphs=formatting.html_paragraphs,
        # Front matter: a JSON string (valid YAML) of HTML-escaped text, since themes print it unescaped.
        front_matter=lambda text: Markup(json.dumps(str(html_escape(' '.join(str(text).split()))), ensure_ascii=False)),
    )
    env.globals.update(vocabulary=VOCABULARY, Markup=Markup, page_assets=PAGE_ASSETS)
    return env


ENV = _environment()


def markdown_link(text: str, target: str, here: str) -> Markup:
    """A Markdown link from page `here` to page `target` (both docs-relative); MkDocs checks it."""
    relative = _relpath(target, posixpath.dirname(here) or ".")
    return Markup(f"[{formatting.escape(text)}]({relative})")


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for paths inside the site, without the getcwd() it makes on every call."""
    parts = [p for p in path.split("/") if p not in ("", ".")]
    base = [p for p in start.split("/") if p not in ("", ".")]
    common = 0
    for mine, theirs in zip(parts, base):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def href(target: str, here: str) -> str:
    """Relative URL from page `here` to `target` (docs-relative paths), for links in raw HTML blocks.

    Raw HTML is not rewritten by MkDocs, so these are final URLs; tests/site/test_links.py checks them all.
    """
    url, base = page_location(target), page_location(here)
    relative = _relpath(url or ".", base or ".")
    return relative + "/" if (url == "" or url.endswith("/")) and relative != "." else (relative if relative != "." else "./")


def html_link(text: str, target: str, here: str) -> Markup:
    return Markup(f'<a href="{href(target, here)}">{formatting.escape(text)}</a>')


def _render(layout: str, here: str, **context) -> str:
    def md_link(target: str, text: str) -> Markup:
        return markdown_link(text, target, here)

    def link(target: str, text: str) -> Markup:
        return html_link(text, target, here)

    def relative(target: str) -> str:
        return href(target, here)

    return ENV.get_template(layout).render(
        here=here,
        md_link=md_link,
        link=link,
        href=relative,
        case_path=case_path,
        facet_path=facet_path,
        template_path=template_path,
        comparison_path=COMPARISON,
        contribution_form_path=CONTRIBUTION_FORM, correction_parameter=CORRECTION_PARAMETER,
        **context,
    )


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
    return _render(
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
        return finish(_render(
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
            lambda page=page: finish(_render("facet.md.j2", page.path, page=page, **context)),
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
        pages[facet_path(kind)] = kept.made(facet_path(kind), (kind, heading, terms, groups), lambda: _render(
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
    today = today or dt.date.today()

    def make(page: paging.ListPage) -> FinishedPage:
        return finish(_render(
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
    return _render(
        "home.md.j2", here, cases=catalog.sorted_cases(), counts=counts, terms=terms, newest=newest,
        FRONT_PAGE_LIMIT=FRONT_PAGE_LIMIT,
    )


def _downloads(slug: str, sizes: dict[tuple[str, str], int]) -> list[tuple[str, str, str]]:
    return [
        (fmt, documents.FORMAT_LABELS[fmt], formatting.file_size(sizes[(slug, fmt)]))
        for fmt in documents.FORMATS
        if (slug, fmt) in sizes
    ]


def template_pages(catalog: Catalog, sizes: dict[tuple[str, str], int]) -> dict[str, str | FinishedPage]:
    """The templates index and a preview page per template; sizes are the download sizes in bytes."""
    case_titles = {slug: case.title for slug, case in catalog.cases.items()}
    ordered = sorted(catalog.templates.items(), key=lambda item: sort_key(item[1].title))
    index = f"{TEMPLATES_DIR}/index.md"
    pages = {
        index: finish(_render(
            "templates_index.md.j2", index, templates=ordered, case_titles=case_titles,
            downloads={slug: _downloads(slug, sizes) for slug, _t in ordered},
        ))
    }
    for slug, template in ordered:
        downloads = _downloads(slug, sizes)
        pages[template_path(slug)] = kept.made(
            template_path(slug), (template, case_titles, downloads),
            lambda slug=slug, template=template, downloads=downloads: _template_page(slug, template, case_titles, downloads),
        )
    return pages


def _template_page(slug: str, template, case_titles: dict[str, str], downloads: list) -> FinishedPage:
    preview = Markup(documents.render_html(
        slug, template, case_titles, header=False, first_heading=3, search_exclude=True
    ))
    return finish(_render(
        "template.md.j2", template_path(slug), slug=slug, template=template, case_titles=case_titles,
        downloads=downloads, preview=preview, template_file=template_file,
    ))


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
