"""One neutral layout of a template that every output format draws from.

The layout fixes what the formats must agree on: headings, the fillable controls, their names and
their accessible labels. A field is called the same thing in the web preview, the PDF, the DOCX and
the ODT, so a filled-in form can be compared across formats and the tests can check each one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from generator import build_date
from generator.records.model import Template, TemplateColumn, TemplateTable
from generator.documents.text_width import longest_word_mm, text_mm

LANGUAGE = "nb-NO"
# ZIP archives cannot hold dates before 1980.
_EARLIEST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Control:
    """A fillable control: name is unique in the document, label is what a screen reader says."""

    name: str
    label: str
    type: str  # text, textarea, date, checkbox, number, signature
    help: str | None = None
    # The visible label is elsewhere (a table header); label is then only the accessible name.
    in_table: bool = False


@dataclass(frozen=True)
class Cell:
    header: str | None = None  # a row heading (th scope=row)
    control: Control | None = None


@dataclass(frozen=True)
class TableLayout:
    caption: str | None  # None: the section heading names the table
    label: str  # the table's accessible name either way
    columns: list[str]
    rows: list[list[Cell]]
    column_types: list[str]
    # Rows where people write the most (dated notes, measures with a deadline) are drawn taller.
    tall_rows: bool = False
    # The template's width hint per column: None, "narrow" or "wide".
    width_hints: list[str | None] = field(default_factory=list)

    @property
    def signed(self) -> bool:
        """Someone signs in each row (a signature block, a revision log): rows are SIGNING_ROW_MM tall."""
        return "signature" in self.column_types


@dataclass(frozen=True)
class SectionLayout:
    number: int
    heading: str
    intro: str | None
    fields: list[Control]
    table: TableLayout | None
    checklist: list[Control]
    # A plain list, nothing to tick: obligations in an agreement apply whether ticked or not.
    bullets: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentLayout:
    slug: str
    title: str
    description: str
    based_on: str
    cases: list[tuple[str, str]]  # (slug, title)
    sections: list[SectionLayout]
    timestamp: dt.datetime
    controls: list[Control] = field(default_factory=list)


ABOUT_HEADING = "Om malen"
# A signature block: one row per signer, so each writes a name that can be read and a date of their
# own (parties often sign on different days). The rows are tall enough to sign by hand.
SIGNATURE_COLUMNS = (
    TemplateColumn(label="Rolle"),
    TemplateColumn(label="Navn (blokkbokstaver)"),
    TemplateColumn(label="Sted og dato"),
    TemplateColumn(label="Signatur", type="signature"),
)
SIGNING_ROW_MM = 15


def about_lines(doc: DocumentLayout) -> list[tuple[str, str]]:
    """What the template is based on and which cases: for the web page and the file metadata, and
    on paper only as a small note at the end, never above a participant's plan or an agreement."""
    cases = ", ".join(title for _, title in doc.cases)
    return [("Bygger på", doc.based_on), ("Case" if len(doc.cases) == 1 else "Caser", cases)]


def timestamp(template: Template) -> dt.datetime:
    """The one date written into every file: SOURCE_DATE_EPOCH if set, else the template's date."""
    moment = build_date.fixed_moment() or dt.datetime.combine(template.updated, dt.time(), tzinfo=dt.UTC)
    return max(moment, _EARLIEST)


def slugify(text: str) -> str:
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-") or "felt"


class _Names:
    """Hands out unique, readable control names: s2-navn-pa-deltaker, s2-navn-pa-deltaker-2 …"""

    def __init__(self):
        self.used: set[str] = set()

    def __call__(self, *parts: str) -> str:
        base = "-".join(slugify(p) for p in parts)
        name, n = base, 1
        while name in self.used:
            n += 1
            name = f"{base}-{n}"
        self.used.add(name)
        return name


def _signature_table(section) -> TemplateTable:
    return TemplateTable(columns=list(SIGNATURE_COLUMNS), rows=section.signatures)


def _table(section, prefix: str, names: _Names) -> TableLayout:
    table = section.table or _signature_table(section)
    specs = table.columns
    rows: list[list[Cell]] = []
    if table.rows:
        fill = specs[1:]
        for r, row_label in enumerate(table.rows, start=1):
            cells = [Cell(header=row_label)]
            for spec in fill:
                label = f"{row_label}: {spec.label}"
                cells.append(Cell(control=Control(names(prefix, f"r{r}", spec.label), label, spec.type, in_table=True)))
            rows.append(cells)
    for r in range(len(table.rows) + 1, len(table.rows) + table.empty_rows + 1):
        cells = []
        for spec in specs:
            label = f"{spec.label}, rad {r}"
            cells.append(Cell(control=Control(names(prefix, f"r{r}", spec.label), label, spec.type, in_table=True)))
        rows.append(cells)
    label = table.caption or section.heading
    types = [s.type for s in specs]
    return TableLayout(
        table.caption, label, [s.label for s in specs], rows, types, _writes_a_lot(table.rows, types),
        [s.width for s in specs],
    )


def _writes_a_lot(row_headings: list[str], types: list[str]) -> bool:
    """A dated entry with two or more text columns to fill: a log (meetings, contacts, talks) or
    measures with a deadline. Those rows get more room than a table of names or ticks."""
    filled = types[1:] if row_headings else types
    return "date" in filled and filled.count("text") >= 2


# Headers are bold 9 pt and cells 10.5 pt in every format; padding and borders take about 4.5 mm.
HEADER_PT = 9
CELL_PT = 10.5
PADDING_MM = 4.5
# The least a column gets: a tick box, a number, a handwritten date (dd.mm.åååå), text to write.
# A handwritten signature needs about 40 mm.
MINIMUM_MM = {"checkbox": 12, "number": 14, "date": 24, "signature": 42, "narrow": 16, "text": 22, "wide": 30}
TEXT_SHARE = {"narrow": 1, None: 2, "wide": 3}
# A row heading longer than this share of the width wraps onto two lines rather than crowd the rest.
ROW_HEADING_SHARE = 0.3


def _header_mm(label: str) -> float:
    """No header word is broken: the column is at least as wide as its longest word in bold."""
    return longest_word_mm(label, HEADER_PT, bold=True) + PADDING_MM


def _row_heading_mm(table: TableLayout, total: int) -> float:
    """As wide as the longest row heading on one line, or, if that would take more than
    ROW_HEADING_SHARE of the width, on two lines; never narrower than its longest word."""
    labels = [row[0].header for row in table.rows if row and row[0].header]
    one_line = max(text_mm(label, CELL_PT) for label in labels) + PADDING_MM
    words = max(longest_word_mm(label, CELL_PT) for label in labels) + PADDING_MM
    if one_line <= total * ROW_HEADING_SHARE:
        return one_line
    return max(words, min(total * ROW_HEADING_SHARE, one_line / 2 + PADDING_MM))


def column_widths_mm(table: TableLayout, total: int) -> list[int]:
    """Whole-millimetre column widths for a table `total` mm wide, the same rule in every format.

    Tick box, number, date and signature columns get what they need; a row-heading column is sized
    from its longest label; the text columns share the rest, a «narrow» one half and a «wide» one
    one and a half times a plain one's share. No column is narrower than its longest header word.
    """
    n = len(table.columns)
    hints = table.width_hints or [None] * n
    floors = [_header_mm(label) for label in table.columns]
    fixed: dict[int, float] = {}
    for i, kind in enumerate(table.column_types):
        if kind != "text":
            fixed[i] = max(floors[i], MINIMUM_MM[kind])
    if table.rows and table.rows[0][0].header:
        fixed[0] = max(floors[0], _row_heading_mm(table, total))
    free = [i for i in range(n) if i not in fixed]
    minimum = {i: max(floors[i], MINIMUM_MM[hints[i] or "text"]) for i in free}
    widths = dict(fixed)
    # Share the rest by weight; a column whose share falls below its minimum takes the minimum and
    # leaves the others to share what is left.
    while free:
        rest = total - sum(widths[i] for i in widths if i not in free)
        weight = sum(TEXT_SHARE[hints[i]] for i in free)
        short = [i for i in free if rest * TEXT_SHARE[hints[i]] / weight < minimum[i]]
        if not short:
            for i in free:
                widths[i] = rest * TEXT_SHARE[hints[i]] / weight
            break
        for i in short:
            widths[i] = minimum[i]
        free = [i for i in free if i not in short]
    scale = total / sum(widths.values())
    if scale < 1:  # more columns than the page holds: everything gives a little
        widths = {i: w * scale for i, w in widths.items()}
    rounded = [round(widths[i]) for i in range(n)]
    # Whole millimetres that add up to the width: the difference goes to the widest column.
    widest = max(range(n), key=lambda i: (table.column_types[i] == "text", rounded[i]))
    rounded[widest] += total - sum(rounded)
    return rounded


def build_layout(slug: str, template: Template, case_titles: dict[str, str]) -> DocumentLayout:
    names = _Names()
    sections, controls = [], []
    for number, section in enumerate(template.sections, start=1):
        prefix = f"s{number}"
        fields = [Control(names(prefix, f.label), f.label, f.type, f.help) for f in section.fields]
        table = _table(section, prefix, names) if section.table or section.signatures else None
        checklist = [Control(names(prefix, item), item, "checkbox") for item in section.checklist]
        sections.append(SectionLayout(
            number, section.heading, section.intro, fields, table, checklist, list(section.bullets)
        ))
        controls += fields
        if table:
            controls += [cell.control for row in table.rows for cell in row if cell.control]
        controls += checklist
    cases = [(c, case_titles.get(c, c)) for c in template.cases]
    return DocumentLayout(
        slug, template.title, template.description, template.based_on, cases, sections, timestamp(template), controls
    )
