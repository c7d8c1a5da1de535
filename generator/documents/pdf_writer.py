"""PDF through WeasyPrint from the same HTML as the web preview: tagged (PDF/UA-1), language nb,
fonts embedded, real AcroForm fields, fixed dates and file identifier."""

from __future__ import annotations

import hashlib
import logging
from functools import partial

from generator.documents.html_preview import page, stylesheet
from generator.documents.layout import DocumentLayout
from generator.documents.pdf_fields import finish_fields

# WeasyPrint warns about CSS it ignores (e.g. 'appearance' on form fields); those are not our errors.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


def render_pdf(doc: DocumentLayout) -> bytes:
    from weasyprint import CSS, HTML  # imported late: loading Pango is slow and only PDFs need it

    source = page(doc)
    cells = frozenset(c.name for c in doc.controls if c.in_table and c.type == "text")
    # Derived from the content, so the same template gives the same /ID (PDF needs one for PDF/UA).
    identifier = hashlib.sha256(source.encode("utf-8")).hexdigest()[:32].encode("ascii")
    return HTML(string=source, base_url=None).write_pdf(
        stylesheets=[CSS(string=stylesheet("print.css"))],
        pdf_variant="pdf/ua-1",
        pdf_forms=True,
        pdf_identifier=identifier,
        finisher=partial(finish_fields, auto_size=cells),
    )
