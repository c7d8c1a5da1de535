"""One template → an HTML preview, and ODT, DOCX and PDF downloads.

    render_html(slug, template, case_titles)          the preview fragment (one <article>)
    render_document(slug, template, fmt, case_titles) the bytes of one download, deterministic
    build_documents(catalog, cache_dir)               every template × format, cached on disk
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from generator.records.model import Template
from generator.records.problems import LoadError
from generator.documents.cache import DiskCache, content_key
from generator.documents.html_preview import ASSETS, fragment
from generator.documents.layout import build_layout, timestamp

if TYPE_CHECKING:
    from generator.records.catalog import Catalog

FORMATS = ("odt", "docx", "pdf")
FORMAT_LABELS = {
    "odt": "ODT (LibreOffice, OpenDocument)",
    "docx": "DOCX (Word)",
    "pdf": "PDF (utfyllbar)",
}
# Stylesheet for the preview on the site; the site adds it (e.g. extra_css). Scoped to .mal.
PREVIEW_CSS = ASSETS / "preview.css"

__all__ = [
    "FORMATS",
    "FORMAT_LABELS",
    "PREVIEW_CSS",
    "build_documents",
    "render_document",
    "render_html",
]


def _titles_for(template: Template, case_titles: dict[str, str]) -> dict[str, str]:
    return {slug: case_titles.get(slug, slug) for slug in template.cases}


def render_html(
    slug: str, template: Template, case_titles: dict[str, str], *, first_heading: int = 1, header: bool = True,
    search_exclude: bool = False,
) -> str:
    """The template as an HTML fragment for the site's preview page (one <article>, text escaped).

    By default as in the PDF: title h1, sections h2. A page that shows the title, description and
    origin itself can pass header=False, first_heading=3 to get only the sections, as h3.
    """
    layout = build_layout(slug, template, _titles_for(template, case_titles))
    return fragment(layout, first_heading, header, search_exclude=search_exclude)


def render_document(slug: str, template: Template, fmt: str, case_titles: dict[str, str]) -> bytes:
    """The template as an ODT, DOCX or PDF file. The same input always gives the same bytes."""
    doc = build_layout(slug, template, _titles_for(template, case_titles))
    if fmt == "pdf":
        from generator.documents.pdf_writer import render_pdf

        return render_pdf(doc)
    if fmt == "docx":
        from generator.documents.docx_writer import render_docx

        return render_docx(doc)
    if fmt == "odt":
        from generator.documents.odt_writer import render_odt

        return render_odt(doc)
    raise ValueError(f"ukjent format «{fmt}»; kjente formater er {', '.join(FORMATS)}")


def _render_by_name(slug: str, template: Template, fmt: str, titles: dict[str, str]) -> bytes:
    # Looked up at call time, so a test can count the renders that the cache lets through.
    return render_document(slug, template, fmt, titles)


def build_documents(catalog: Catalog, cache_dir: Path) -> dict[tuple[str, str], bytes]:
    """Every template in the catalog in every format: {(slug, fmt): bytes}, rendered only when changed.

    A catalog with problems is refused whole (LoadError, with the problems): no download is built from
    records that failed validation or point at cases that do not exist.
    """
    if catalog.problems:
        raise LoadError(catalog.problems)
    cache = DiskCache(Path(cache_dir))
    case_titles = {slug: case.title for slug, case in catalog.cases.items()}
    built: dict[tuple[str, str], bytes] = {}
    for slug in sorted(catalog.templates):
        template = catalog.templates[slug]
        titles = _titles_for(template, case_titles)
        data = template.model_dump(mode="json")
        stamp = timestamp(template).isoformat()
        for fmt in FORMATS:
            key = content_key(slug, data, titles, fmt, stamp)
            render = partial(_render_by_name, slug, template, fmt, titles)
            built[(slug, fmt)] = cache.get_or_render(slug, fmt, key, render)
    return built
