"""The template as HTML: the fragment the site shows as preview, and the page WeasyPrint prints."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator.documents.layout import ABOUT_HEADING, DocumentLayout, about_lines, column_widths_mm

ASSETS = Path(__file__).resolve().parent / "assets"
PUBLISHER = "Kunnskapsbank for kommuners integreringspraksis"
GENERATOR = "integreringspraksis (WeasyPrint)"
# A4 minus the 17 mm side margins in print.css and the body's default 8 px on each side (171.8 mm).
PDF_TEXT_WIDTH_MM = 171
CELL_EDGES_MM = 3.26  # a header cell's padding (2 × 1.5 mm) and border (0.75 pt) in print.css

# HTML input type for each field type; textarea and checkbox are written out in the template.
INPUT_TYPES = {"text": "text", "date": "date", "number": "number", "signature": "text", "checkbox": "checkbox"}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(ASSETS),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=False,
    )


def id_prefix(slug: str) -> str:
    return f"mal-{slug}"


# On paper and in the PDF a date is written by hand or typed as text: say how. The site's
# preview has a date picker that shows the format itself.
DATE_HINT = "dd.mm.åååå"


def fragment(
    doc: DocumentLayout, first_heading: int = 1, header: bool = True, printed: bool = False, search_exclude: bool = False
) -> str:
    """One <article>: headings, labelled fields, tables with header cells; all text escaped.

    first_heading is the level of the title (sections one below). Without the header (title,
    description, origin), for a page that already shows them, the sections take first_heading.
    search_exclude keeps the form out of the search index: its per-cell labels are for screen readers
    and read as gibberish in a result.
    """
    if not 1 <= first_heading <= 5:
        raise ValueError("first_heading må være mellom 1 og 5")
    template = _environment().get_template("preview.html.j2")
    html = template.render(
        doc=doc, p=id_prefix(doc.slug), header=header, level=first_heading, input_types=INPUT_TYPES,
        about_heading=ABOUT_HEADING, about=about_lines(doc), date_hint=DATE_HINT if printed else None,
        search_exclude=search_exclude,
    )
    return html.strip() + "\n"


def column_css(doc: DocumentLayout) -> str:
    """Each table's column widths for the PDF, by the same rule as the DOCX and the ODT. Only ids
    built from the slug and numbers go in, so the rules are safe to put in a <style> element."""
    rules = []
    for section in doc.sections:
        if section.table:
            table = f"#{id_prefix(doc.slug)}-s{section.number}-tabell"
            for n, width in enumerate(column_widths_mm(section.table, PDF_TEXT_WIDTH_MM), start=1):
                # A cell's CSS width leaves out its padding and border; the column is the whole.
                rules.append(f"{table} thead th:nth-child({n}) {{ width: {width - CELL_EDGES_MM:.2f}mm; }}")
    return "\n".join(rules)


def page(doc: DocumentLayout) -> str:
    """A complete HTML document (lang nb, title, fixed dates) around the fragment, for the PDF."""
    template = _environment().get_template("page.html.j2")
    date = doc.timestamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    return template.render(
        doc=doc, fragment=Markup(fragment(doc, printed=True)), date=date, author=PUBLISHER, generator=GENERATOR,
        column_css=Markup(column_css(doc)),
    )


def stylesheet(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")
