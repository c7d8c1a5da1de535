"""The templates' pages: the list of templates with their downloads, and a preview page per template."""

from __future__ import annotations

from markupsafe import Markup

from generator import documents, formatting, kept
from generator.paths import TEMPLATES_DIR, template_file, template_path
from generator.records.catalog import Catalog
from generator.site.finished_pages import FinishedPage, finish
from generator.site.rendering import render
from generator.text import sort_key


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
        index: finish(render(
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
    return finish(render(
        "template.md.j2", template_path(slug), slug=slug, template=template, case_titles=case_titles,
        downloads=downloads, preview=preview, template_file=template_file,
    ))
