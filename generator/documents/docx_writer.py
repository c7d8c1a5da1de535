"""DOCX through python-docx: Heading styles, tables with a repeating header row, and content controls
(text, date and checkbox) as the fillable fields; title, language nb-NO and fixed dates in the metadata."""

from __future__ import annotations

import io
from itertools import count
from xml.sax.saxutils import escape, quoteattr

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor

from generator.documents.archive import normalize_zip
from generator.documents.html_preview import PUBLISHER
from generator.documents.layout import (
    ABOUT_HEADING,
    HEADER_PT,
    LANGUAGE,
    SIGNING_ROW_MM,
    Control,
    DocumentLayout,
    SectionLayout,
    TableLayout,
    about_lines,
    column_widths_mm,
)

PLACEHOLDER = "Skriv her"
DATE_PLACEHOLDER = "Velg dato"
TEXT_WIDTH_MM = 170  # A4 minus 2 cm margins
# Row heights in twentieths of a point: about 1.3 cm to write in by hand, 1.8 cm in logs (rows grow
# with typed text).
ROW_HEIGHT = 740
TALL_ROW_HEIGHT = 1020
SIGNING_ROW_HEIGHT = round(SIGNING_ROW_MM * 1440 / 25.4)
W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'


# Light enough to disappear on a printed form, still a hint on screen where to click.
PLACEHOLDER_COLOR = "BFBFBF"
FOOTER_COLOR = RGBColor(0x44, 0x44, 0x44)


def _placeholder_run(text: str) -> str:
    return f'<w:r><w:rPr><w:color w:val="{PLACEHOLDER_COLOR}"/></w:rPr><w:t>{escape(text)}</w:t></w:r>'


def _content_control(control: Control, ids) -> str:
    """A run-level w:sdt: alias is the name Word and screen readers show, tag the field name."""
    head = (
        f"<w:alias w:val={quoteattr(control.label)}/><w:tag w:val={quoteattr(control.name)}/>"
        f'<w:id w:val="{next(ids)}"/>'
    )
    if control.type == "checkbox":
        return (
            f"<w:sdt {nsdecls('w')} {W14}><w:sdtPr>{head}"
            '<w14:checkbox><w14:checked w14:val="0"/>'
            '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
            '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
            '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/>'
            "</w:rPr><w:t>\u2610</w:t></w:r></w:sdtContent></w:sdt>"
        )
    if control.type == "date":
        kind = (
            '<w:date><w:dateFormat w:val="dd.MM.yyyy"/>'
            f'<w:lid w:val="{LANGUAGE}"/><w:storeMappedDataAs w:val="dateTime"/>'
            '<w:calendar w:val="gregorian"/></w:date>'
        )
        text = "\u00a0" if control.in_table else DATE_PLACEHOLDER
    else:
        # Table text cells are multi-line, as in the HTML (textarea) and the PDF.
        multiline = control.type == "textarea" or (control.in_table and control.type == "text")
        multi = ' w:multiLine="1"' if multiline else ""
        kind = f"<w:text{multi}/>"
        # In a table the headers say what to write; a placeholder in every cell would only be noise.
        # A signature is written by hand on paper: nothing may stand in its box.
        text = "\u00a0" if control.in_table or control.type == "signature" else PLACEHOLDER
    return (
        f"<w:sdt {nsdecls('w')}><w:sdtPr>{head}<w:showingPlcHdr/>{kind}</w:sdtPr>"
        f"<w:sdtContent>{_placeholder_run(text)}</w:sdtContent></w:sdt>"
    )


def _add_control(paragraph, control: Control, ids) -> None:
    paragraph._p.append(parse_xml(_content_control(control, ids)))


def _field_box(paragraph, control: Control) -> None:
    """A ruled box around a field, so the printed form also has room to write by hand."""
    sides = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="4" w:color="555555"/>'
        for side in ("top", "left", "bottom", "right")
    )
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:pBdr {nsdecls("w")}>{sides}</w:pBdr>'))
    paragraph.paragraph_format.space_after = Pt(8)
    # Empty lines after the control make the box taller; typed text pushes them down.
    for _ in range({"textarea": 3, "signature": 1}.get(control.type, 0)):
        paragraph.add_run().add_break()


def _mark_header_row(row) -> None:
    """Repeat the row at the top of each page; Word and LibreOffice treat it as the header row."""
    tr_pr = row._tr.get_or_add_trPr()  # schema order: cantSplit before tblHeader
    tr_pr.append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
    tr_pr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def _shade(cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def _bold_text(cell, text: str) -> None:
    """A column header: bold 9 pt as in the PDF, the size column_widths_mm measures words at."""
    run = cell.paragraphs[0].add_run(text)
    run.bold = True
    run.font.size = Pt(HEADER_PT)


def _table(document, table: TableLayout, ids) -> None:
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    widths = [Mm(w) for w in column_widths_mm(table, TEXT_WIDTH_MM)]
    for column, width in zip(grid.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width
    tbl_pr = grid._tbl.tblPr
    # Alternative text: what the table is, for screen readers (Word 2010+).
    tbl_pr.append(parse_xml(f"<w:tblCaption {nsdecls('w')} w:val={quoteattr(table.label)}/>"))
    header = grid.rows[0]
    _mark_header_row(header)
    for cell, column in zip(header.cells, table.columns):
        _bold_text(cell, column)
        _shade(cell, "E8E8E8")
    height = SIGNING_ROW_HEIGHT if table.signed else TALL_ROW_HEIGHT if table.tall_rows else ROW_HEIGHT
    for row, cells in zip(grid.rows[1:], table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))
        tr_pr.append(parse_xml(f'<w:trHeight {nsdecls("w")} w:val="{height}" w:hRule="atLeast"/>'))
        for cell, item in zip(row.cells, cells):
            if item.header:
                cell.paragraphs[0].add_run(item.header)
                _shade(cell, "F4F4F4")
            else:
                _add_control(cell.paragraphs[0], item.control, ids)
    if table.signed:  # the signers' rows stay together on one page, as in the PDF
        for row in grid.rows[:-1]:
            for cell in row.cells:
                cell.paragraphs[0].paragraph_format.keep_with_next = True


def _help(document, control: Control) -> None:
    """Help between the label and the box: read before writing, and kept on the box's page."""
    if control.help:
        paragraph = document.add_paragraph()
        paragraph.add_run(control.help).italic = True
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_after = Pt(2)


def _section(document, section: SectionLayout, ids) -> None:
    document.add_heading(section.heading, level=2)
    if section.intro:
        document.add_paragraph(section.intro).paragraph_format.keep_with_next = True
    for control in section.fields:
        if control.type == "checkbox":
            _help(document, control)
            paragraph = document.add_paragraph()
            _add_control(paragraph, control, ids)
            paragraph.add_run(" " + control.label)
        else:
            label = document.add_paragraph()
            label.add_run(control.label).bold = True
            label.paragraph_format.keep_with_next = True
            label.paragraph_format.space_after = Pt(2)
            _help(document, control)
            paragraph = document.add_paragraph()
            _add_control(paragraph, control, ids)
            _field_box(paragraph, control)
    if section.table:
        _table(document, section.table, ids)
        document.add_paragraph()
    for item in section.bullets:
        document.add_paragraph(item, style="List Bullet")
    if section.checklist:
        label = document.add_paragraph()
        label.add_run(f"Sjekkliste: {section.heading}").bold = True
        for control in section.checklist:
            paragraph = document.add_paragraph()
            _add_control(paragraph, control, ids)
            paragraph.add_run(" " + control.label)


def _about(document, doc: DocumentLayout) -> None:
    """The «Om malen» note in small grey print at the end, as in the PDF and the ODT."""
    heading = document.add_paragraph()
    heading.add_run(ABOUT_HEADING).bold = True
    heading.paragraph_format.space_before = Pt(18)
    heading.paragraph_format.keep_with_next = True
    paragraphs = [heading]
    for term, content in about_lines(doc):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{term}: ").bold = True
        paragraph.add_run(content)
        paragraphs.append(paragraph)
    for paragraph in paragraphs:
        paragraph.paragraph_format.space_after = Pt(2)
        for run in paragraph.runs:
            run.font.size = Pt(8)
            run.font.color.rgb = RGBColor(0x33, 0x33, 0x33)


def _page_setup(document) -> None:
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin, section.bottom_margin = Cm(2), Cm(2.2)


def _footer(document, title: str) -> None:
    """The title on the left and «Side x av y» on the right, as in the PDF: a loose printed page
    still says which form it belongs to."""
    for section in document.sections:
        footer = section.footer.paragraphs[0]
        footer.add_run(title)
        footer.add_run("\tSide ")
        footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        footer.add_run(" av ")
        footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    footer_style = document.styles["Footer"]
    # The starter file's Footer style has its stops for US Letter; one right stop at the margin.
    footer_style.paragraph_format.tab_stops.clear_all()
    footer_style.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
    footer_style.font.size = Pt(8)
    footer_style.font.color.rgb = FOOTER_COLOR


def _black_headings(document) -> None:
    """Black headings as in the PDF and the ODT, not the blue of python-docx's default theme."""
    for name in ("Title", "Heading 1", "Heading 2"):
        color = document.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:color')}")
        if color is not None:
            for key in list(color.attrib):
                if key.endswith(("themeColor", "themeShade", "themeTint")):
                    del color.attrib[key]
        document.styles[name].font.color.rgb = RGBColor(0, 0, 0)


def _fonts(document) -> None:
    """Arial everywhere (Liberation Sans in LibreOffice): the theme's Calibri and Cambria are often missing."""
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        for key in list(fonts.attrib):
            if key.endswith("Theme"):
                del fonts.attrib[key]
        for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(key), "Arial")


def _language(document) -> None:
    """nb-NO as the language of every style, so spelling and screen readers use Norwegian."""
    styles = document.styles.element
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
    settings = document.settings.element
    for lang in settings.iter(qn("w:themeFontLang")):
        lang.set(qn("w:val"), LANGUAGE)


def _clip(value: str, limit: int = 255) -> str:
    """python-docx refuses core properties over 255 characters; cut at a word and mark the cut."""
    if len(value) <= limit:
        return value
    return value[: limit - 1].rsplit(" ", 1)[0] + "…"


def _metadata(document, doc: DocumentLayout) -> None:
    props = document.core_properties
    props.title = _clip(doc.title)
    props.subject = _clip(doc.description)
    props.author = PUBLISHER
    props.last_modified_by = PUBLISHER
    props.comments = _clip(f"Bygger på: {doc.based_on}")
    props.keywords = _clip(", ".join(title for _, title in doc.cases))
    props.language = LANGUAGE
    props.category = "Mal"
    props.revision = 1
    moment = doc.timestamp.replace(tzinfo=None)
    props.created = props.modified = props.last_printed = moment


def _drop_thumbnail(document) -> None:
    """python-docx's starter file carries a thumbnail of a blank page; file browsers would show it."""
    rels = document.part.package.rels
    for rel_id, rel in list(rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            rels.pop(rel_id)


def render_docx(doc: DocumentLayout) -> bytes:
    document = Document()
    _drop_thumbnail(document)
    ids = count(1000)
    _page_setup(document)
    _footer(document, doc.title)
    _black_headings(document)
    _language(document)
    _fonts(document)
    _metadata(document, doc)
    document.styles["Normal"].font.size = Pt(10.5)
    document.add_heading(doc.title, level=1)
    document.add_paragraph(doc.description)
    for section in doc.sections:
        _section(document, section, ids)
    _about(document, doc)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue(), doc.timestamp)
