"""Finishing touches on WeasyPrint's AcroForm fields, applied to the PDF objects before they are
written (WeasyPrint's `finisher` hook), so no second pass over the file is needed.

- Multi-line text fields in table cells get an automatic font size (`0 Tf`): a long note shrinks
  to fit its cell instead of being cut off after two lines on screen and on paper. The large text
  areas outside tables keep the body size, which leaves room for six lines.
- Checkboxes get what viewers need to draw a tick: a default appearance (/DA) with ZapfDingbats,
  the tick character (/MK /CA), and an explicit empty "Off" appearance. With /NeedAppearances set,
  Poppler-based viewers (Evince, Okular, many print paths) rebuild the appearance from /DA and drew
  nothing without it.
- Every /Rect is written lower-left to upper-right, as the PDF specification asks.
"""

from __future__ import annotations

import re

import pydyf

MULTILINE = 1 << 12
RADIO = 1 << 15
CHECKBOX_DA = b"/ZaDb 0 Tf 0 g"
TICK = "4"  # ZapfDingbats a20: the check mark
_FONT_SIZE = re.compile(rb"(?<=\s)\d+(?:\.\d+)?(?= Tf\b)")


def _normalized(rect) -> pydyf.Array:
    x1, y1, x2, y2 = rect
    return pydyf.Array((min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)))


def _zapf_dingbats_resources(pdf: pydyf.PDF) -> None:
    """The form's default resources: the page fonts the text fields use, plus ZapfDingbats."""
    form = pdf.catalog["AcroForm"]
    resources = pdf.objects[int(form["DR"].split()[0])]
    fonts = resources["Font"]
    if isinstance(fonts, bytes):
        fonts = pdf.objects[int(fonts.split()[0])]
    zapf = pydyf.Dictionary({"Type": "/Font", "Subtype": "/Type1", "BaseFont": "/ZapfDingbats"})
    pdf.add_object(zapf)
    form["DR"] = pydyf.Dictionary({"Font": pydyf.Dictionary({**fonts, "ZaDb": zapf.reference})})
    form["DA"] = pydyf.String(CHECKBOX_DA)


def _checkbox(pdf: pydyf.PDF, field: pydyf.Dictionary) -> None:
    x1, y1, x2, y2 = field["Rect"]
    off = pydyf.Stream(extra={
        "Type": "/XObject", "Subtype": "/Form",
        "BBox": pydyf.Array((0, 0, abs(x2 - x1), abs(y2 - y1))),
    })
    pdf.add_object(off)
    field["AP"]["N"]["Off"] = off.reference
    field["DA"] = pydyf.String(CHECKBOX_DA)
    field["MK"]["CA"] = pydyf.String(TICK)


def _multiline(field: pydyf.Dictionary) -> None:
    field["DA"] = pydyf.String(_FONT_SIZE.sub(b"0", field["DA"].string))


def finish_fields(document, pdf: pydyf.PDF, auto_size: frozenset[str] = frozenset()) -> None:
    """WeasyPrint finisher: called with the document and the pydyf PDF just before it is written.
    auto_size names the multi-line fields whose font shrinks to fit (the table cells)."""
    if "AcroForm" not in pdf.catalog:
        return
    _zapf_dingbats_resources(pdf)
    for item in list(pdf.objects):
        if not isinstance(item, pydyf.Dictionary) or item.get("Subtype") != "/Widget":
            continue
        flags = item.get("Ff", 0)
        if item.get("FT") == "/Btn" and not flags & RADIO:
            _checkbox(pdf, item)
        elif item.get("FT") == "/Tx" and flags & MULTILINE and item["T"].string in auto_size:
            _multiline(item)
        item["Rect"] = _normalized(item["Rect"])
