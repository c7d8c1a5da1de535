"""ODT through odfpy: text:h headings with outline levels, tables with repeated header rows, and real
form controls (text, text area, date, number, checkbox) that LibreOffice fills and exports to PDF."""

from __future__ import annotations

import io
from itertools import count

from odf import dc, draw, form, meta, style, table, text
from odf.namespaces import XMLNS
from odf.office import Forms
from odf.opendocument import OpenDocumentText

from generator.documents.archive import normalize_zip
from generator.documents.html_preview import PUBLISHER
from generator.documents.layout import (
    ABOUT_HEADING,
    HEADER_PT,
    SIGNING_ROW_MM,
    Control,
    DocumentLayout,
    SectionLayout,
    TableLayout,
    about_lines,
    column_widths_mm,
)

PAGE_WIDTH_CM = 17.0  # A4 minus 2 cm margins
FONT = "Liberation Sans"
# Height of each kind of field on the page, in cm.
HEIGHTS = {"textarea": 2.6, "signature": 1.3, "checkbox": 0.45}
# Form controls in LibreOffice do not grow with their text: cells are tall enough for three lines,
# four in tables where people write the most.
CELL_HEIGHTS = {"text": 1.3, "checkbox": 0.45}
TALL_CELL_HEIGHT = 1.8
# In a row someone signs in, every field but a tick box fills the row (less the cell's padding).
SIGNING_CELL_HEIGHT = (SIGNING_ROW_MM - 1.6) / 10
DATE_FORMAT = "7"  # com.sun.star.awt DateField: DD/MM/YYYY, the separator from the locale (nb: «.»)
FORM_ELEMENTS = {
    "text": form.Text, "signature": form.Text, "textarea": form.Textarea,
    "date": form.Date, "number": form.FormattedText, "checkbox": form.Checkbox,
}


class _Styles:
    """The named and automatic styles the body refers to."""

    def __init__(self, document: OpenDocumentText):
        add, auto = document.styles.addElement, document.automaticstyles.addElement
        document.fontfacedecls.addElement(
            style.FontFace(name=FONT, fontfamily=f"'{FONT}'", fontfamilygeneric="swiss", fontpitch="variable")
        )
        default = style.DefaultStyle(family="paragraph")
        default.addElement(style.TextProperties(fontname=FONT, fontsize="10.5pt", language="nb", country="NO"))
        add(default)
        self.body = self._paragraph(add, "Text_20_body", "Text body", "0cm", "0.18cm")
        self.intro = self._paragraph(add, "Innledning", "Innledning", "0cm", "0.18cm", keep=True)
        self.label = self._paragraph(add, "Feltnavn", "Feltnavn", "0.15cm", "0.08cm", bold=True, keep=True)
        self.help = self._paragraph(add, "Hjelpetekst", "Hjelpetekst", "0cm", "0.08cm", size="9pt", italic=True, keep=True)
        # The «Om malen» note at the end: small print, kept together with its heading.
        self.about_heading = self._paragraph(add, "Om_20_malen", "Om malen", "0.6cm", "0.05cm", bold=True, size="8pt", keep=True)
        self.about = self._paragraph(add, "Om_20_malen_20_tekst", "Om malen tekst", "0cm", "0.08cm", size="8pt")
        self.footer = style.Style(name="Footer", displayname="Footer", family="paragraph")
        footer_props = style.ParagraphProperties()
        stops = style.TabStops()
        stops.addElement(style.TabStop(position=f"{PAGE_WIDTH_CM}cm", type="right"))
        footer_props.addElement(stops)
        self.footer.addElement(footer_props)
        self.footer.addElement(style.TextProperties(fontsize="8pt", color="#444444"))
        add(self.footer)
        self.cell = self._paragraph(add, "Table_20_Contents", "Table Contents", "0cm", "0cm")
        # Column headers in bold 9 pt, as in the PDF: the size column_widths_mm measures words at.
        self.cell_heading = self._paragraph(
            add, "Table_20_Heading", "Table Heading", "0cm", "0cm", bold=True, size=f"{HEADER_PT}pt"
        )
        self.field = self._paragraph(add, "Skjemafelt", "Skjemafelt", "0cm", "0.25cm")
        self.headings = {
            level: self._paragraph(
                add, f"Heading_20_{level}", f"Heading {level}", "0.45cm", "0.15cm",
                bold=True, size=size, keep=True, outline=level,
            )
            for level, size in ((1, "17pt"), (2, "13pt"))
        }
        layout = style.PageLayout(name="A4")
        layout.addElement(style.PageLayoutProperties(
            pagewidth="21cm", pageheight="29.7cm", printorientation="portrait",
            margintop="1.8cm", marginbottom="1.5cm", marginleft="2cm", marginright="2cm",
        ))
        auto(layout)
        self.master = style.MasterPage(name="Standard", pagelayoutname=layout)
        document.masterstyles.addElement(self.master)
        self.table = style.Style(name="Tabell", family="table")
        self.table.addElement(style.TableProperties(width=f"{PAGE_WIDTH_CM}cm", align="left", margintop="0.1cm", marginbottom="0.3cm"))
        auto(self.table)
        self.header_cell = self._cell(auto, "TH", "#e8e8e8")
        self.row_header_cell = self._cell(auto, "TR", "#f4f4f4")
        self.data_cell = self._cell(auto, "TD", None)
        self.row = style.Style(name="Rad", family="table-row")
        self.row.addElement(style.TableRowProperties(keeptogether="always"))
        auto(self.row)
        self.control = style.Style(name="Kontroll", family="graphic")
        # A thin flat border instead of LibreOffice's default 3D frame.
        self.control.addElement(style.GraphicProperties(
            verticalpos="middle", verticalrel="text", wrap="none", border="0.5pt solid #555555",
        ))
        auto(self.control)
        self.strong = style.Style(name="Strong_20_Emphasis", displayname="Strong Emphasis", family="text")
        self.strong.addElement(style.TextProperties(fontweight="bold", fontweightasian="bold", fontweightcomplex="bold"))
        add(self.strong)
        # A plain bullet list (obligations in an agreement): a bullet, indented, no box to tick.
        self.bullets = text.ListStyle(name="Punktliste", displayname="Punktliste")
        level = text.ListLevelStyleBullet(level="1", bulletchar="•")
        level.addElement(style.ListLevelProperties(
            listlevelpositionandspacemode="label-alignment",
        ))
        level.lastChild.addElement(style.ListLevelLabelAlignment(
            labelfollowedby="listtab", listtabstopposition="0.6cm", textindent="-0.4cm", marginleft="0.6cm",
        ))
        add(self.bullets)
        self.bullets.addElement(level)
        self.columns: dict[int, style.Style] = {}
        self._auto = auto

    @staticmethod
    def _paragraph(add, name, display, above, below, bold=False, italic=False, size=None, keep=False, outline=None):
        attrs = {"name": name, "displayname": display, "family": "paragraph"}
        if outline:
            attrs.update(defaultoutlinelevel=str(outline), nextstylename="Text_20_body")
        item = style.Style(**attrs)
        props = {"margintop": above, "marginbottom": below}
        if keep:
            props["keepwithnext"] = "always"
        item.addElement(style.ParagraphProperties(**props))
        text_props = {}
        if bold:
            text_props.update(fontweight="bold", fontweightasian="bold", fontweightcomplex="bold")
        if italic:
            text_props["fontstyle"] = "italic"
        if size:
            text_props["fontsize"] = size
        if text_props:
            item.addElement(style.TextProperties(**text_props))
        add(item)
        return item

    @staticmethod
    def _cell(auto, name, background):
        item = style.Style(name=name, family="table-cell")
        props = {"border": "0.5pt solid #555555", "padding": "0.08cm"}
        if background:
            props["backgroundcolor"] = background
        item.addElement(style.TableCellProperties(**props))
        auto(item)
        return item

    def column(self, width_mm: int) -> style.Style:
        if width_mm not in self.columns:
            item = style.Style(name=f"Kol{width_mm}", family="table-column")
            item.addElement(style.TableColumnProperties(columnwidth=f"{width_mm / 10:.1f}cm"))
            self._auto(item)
            self.columns[width_mm] = item
        return self.columns[width_mm]


class _Writer:
    def __init__(self, doc: DocumentLayout):
        self.doc = doc
        self.odt = OpenDocumentText()
        self.styles = _Styles(self.odt)
        # One form holds every control; the controls are anchored in the text by draw:control.
        self.form = form.Form(name="Skjema")
        container = Forms(applydesignmode="false", automaticfocus="false")
        container.addElement(self.form)
        self.odt.text.addElement(container)
        self.ids = count(1)

    def control(self, paragraph, control: Control, width_cm: float, height_cm: float) -> None:
        """Add the form control to the form and anchor it, as a character, in the paragraph."""
        control_id = f"control{next(self.ids)}"
        implementation = "ooo:com.sun.star.form.component." + _implementation(control.type)
        attrs = {"name": control.name, "controlimplementation": implementation}
        if control.type == "checkbox":
            attrs.update(state="unchecked", currentstate="unchecked", imageposition="center")
        # Text cells in a table are multi-line, as in the HTML (textarea), the PDF and the DOCX.
        kind = "textarea" if control.in_table and control.type == "text" else control.type
        item = FORM_ELEMENTS[kind](id=control_id, qattributes={(XMLNS, "id"): control_id}, title=control.label, **attrs)
        if control.type == "date":
            # An explicit format, not the reader's locale default: DD.MM.YYYY with the locale's
            # separator (LibreOffice's DateFormat 7), the dd.mm.åååå of the PDF and the DOCX.
            properties = form.Properties()
            properties.addElement(form.Property(propertyname="DateFormat", valuetype="float", value=DATE_FORMAT))
            item.addElement(properties)
        self.form.addElement(item)
        paragraph.addElement(draw.Control(
            control=control_id, anchortype="as-char", zindex="0", stylename=self.styles.control,
            width=f"{width_cm:.2f}cm", height=f"{height_cm:.2f}cm",
        ))

    def heading(self, level: int, content: str) -> None:
        self.odt.text.addElement(text.H(outlinelevel=level, stylename=self.styles.headings[level], text=content))

    def paragraph(self, content: str = "", style_=None) -> text.P:
        paragraph = text.P(stylename=style_ or self.styles.body, text=content)
        self.odt.text.addElement(paragraph)
        return paragraph

    def labelled(self, prefix: str, content: str, style_=None) -> None:
        paragraph = text.P(stylename=style_ or self.styles.body)
        paragraph.addElement(text.Span(stylename=self.styles.strong, text=prefix))
        paragraph.addText(content)
        self.odt.text.addElement(paragraph)

    def field(self, control: Control) -> None:
        # Help between the label and the box: read before writing (privacy notes above all).
        if control.type == "checkbox":
            if control.help:
                self.paragraph(control.help, self.styles.help)
            self.checkbox_line(control)
        else:
            self.paragraph(control.label, self.styles.label)
            if control.help:
                self.paragraph(control.help, self.styles.help)
            self.control(self.paragraph("", self.styles.field), control, PAGE_WIDTH_CM, HEIGHTS.get(control.type, 0.75))

    def checkbox_line(self, control: Control) -> None:
        paragraph = self.paragraph("", self.styles.body)
        self.control(paragraph, control, 0.5, HEIGHTS["checkbox"])
        paragraph.addText(" " + control.label)

    def table(self, layout: TableLayout, number: int) -> None:
        widths = column_widths_mm(layout, int(PAGE_WIDTH_CM * 10))
        grid = table.Table(name=f"Tabell{number}", stylename=self.styles.table)
        for width in widths:
            grid.addElement(table.TableColumn(stylename=self.styles.column(width)))
        header_rows = table.TableHeaderRows()
        header = table.TableRow()
        for column in layout.columns:
            cell = table.TableCell(stylename=self.styles.header_cell, valuetype="string")
            cell.addElement(text.P(stylename=self.styles.cell_heading, text=column))
            header.addElement(cell)
        header_rows.addElement(header)
        grid.addElement(header_rows)
        for cells in layout.rows:
            row = table.TableRow(stylename=self.styles.row)
            for item, width in zip(cells, widths):
                if item.header:
                    cell = table.TableCell(stylename=self.styles.row_header_cell, valuetype="string")
                    cell.addElement(text.P(stylename=self.styles.cell, text=item.header))
                else:
                    cell = table.TableCell(stylename=self.styles.data_cell, valuetype="string")
                    paragraph = text.P(stylename=self.styles.cell)
                    kind = item.control.type
                    control_width = 0.5 if kind == "checkbox" else width / 10 - 0.25
                    height = CELL_HEIGHTS.get(kind, 0.7)
                    if kind == "text" and layout.tall_rows:
                        height = TALL_CELL_HEIGHT
                    if kind != "checkbox" and layout.signed:
                        height = SIGNING_CELL_HEIGHT
                    self.control(paragraph, item.control, control_width, height)
                    cell.addElement(paragraph)
                row.addElement(cell)
            grid.addElement(row)
        self.odt.text.addElement(grid)

    def section(self, section: SectionLayout) -> None:
        self.heading(2, section.heading)
        if section.intro:
            self.paragraph(section.intro, self.styles.intro)
        for control in section.fields:
            self.field(control)
        if section.table:
            self.table(section.table, section.number)
        if section.bullets:
            items = text.List(stylename=self.styles.bullets)
            for item in section.bullets:
                entry = text.ListItem()
                entry.addElement(text.P(stylename=self.styles.body, text=item))
                items.addElement(entry)
            self.odt.text.addElement(items)
        if section.checklist:
            self.paragraph(f"Sjekkliste: {section.heading}", self.styles.label)
            for control in section.checklist:
                self.checkbox_line(control)


def _implementation(kind: str) -> str:
    return {
        "textarea": "TextField", "text": "TextField", "signature": "TextField", "date": "DateField",
        "number": "FormattedField", "checkbox": "CheckBox",
    }[kind]


def _metadata(odt: OpenDocumentText, doc: DocumentLayout) -> None:
    stamp = doc.timestamp.strftime("%Y-%m-%dT%H:%M:%S")
    odt.meta.addElement(dc.Title(text=doc.title))
    odt.meta.addElement(dc.Description(text=doc.description))
    odt.meta.addElement(dc.Subject(text=f"Bygger på: {doc.based_on}"))
    odt.meta.addElement(dc.Language(text="nb-NO"))
    odt.meta.addElement(dc.Creator(text=PUBLISHER))
    odt.meta.addElement(meta.InitialCreator(text=PUBLISHER))
    odt.meta.addElement(meta.CreationDate(text=stamp))
    odt.meta.addElement(dc.Date(text=stamp))
    for _, title in doc.cases:
        odt.meta.addElement(meta.Keyword(text=title))


def _footer(writer: _Writer) -> None:
    """The title on the left and «Side x av y» on the right, as in the PDF and the DOCX."""
    footer = style.Footer()
    paragraph = text.P(stylename=writer.styles.footer, text=writer.doc.title)
    paragraph.addElement(text.Tab())
    paragraph.addText("Side ")
    paragraph.addElement(text.PageNumber(selectpage="current", text="1"))
    paragraph.addText(" av ")
    paragraph.addElement(text.PageCount(text="1"))
    footer.addElement(paragraph)
    writer.styles.master.addElement(footer)


def render_odt(doc: DocumentLayout) -> bytes:
    writer = _Writer(doc)
    _metadata(writer.odt, doc)
    _footer(writer)
    writer.heading(1, doc.title)
    writer.paragraph(doc.description)
    for section in doc.sections:
        writer.section(section)
    writer.paragraph(ABOUT_HEADING, writer.styles.about_heading)
    for term, content in about_lines(doc):
        writer.labelled(f"{term}: ", content, writer.styles.about)
    buffer = io.BytesIO()
    writer.odt.write(buffer)
    return normalize_zip(buffer.getvalue(), doc.timestamp)
