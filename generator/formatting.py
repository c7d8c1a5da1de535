"""Norwegian display of numbers, dates and record text, safe for both Markdown and HTML."""

from __future__ import annotations

import datetime as dt
import re

from markupsafe import Markup

from generator.records.model import Figure

# Every character that means something to HTML or to Python-Markdown (and its extensions such as
# attr_list and tables) is written as a numeric entity: text from a record can then never become
# markup, a link or an attribute, whichever context it lands in.
_SPECIAL = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'`*_[]()\\|#!{}~=+"})
_HAS_SPECIAL = re.compile("[" + re.escape("&<>\"'`*_[]()\\|#!{}~=+") + "]")
# At the start of a line, «1. » or «1) » would begin a list and «- » a bullet.
_LINE_START = re.compile(r"^(\d+)([.)])(?=\s|$)|^(-)")

MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)
NBSP = "\u00a0"


_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f]+")  # any whitespace but the no-break spaces


def escape(value) -> Markup:
    """Inert text: safe inside Markdown, inside HTML text and inside quoted HTML attributes."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Markup(str(value))
    text = str(value)
    if "\u00a0" in text or "\u202f" in text:  # no-break spaces keep «17 185» and «16,3 %» together
        text = _BREAKING_SPACE.sub(" ", text).strip()
    else:
        text = " ".join(text.split())  # record text never carries layout of its own
    if _HAS_SPECIAL.search(text):  # most text has none: translate is the slow part of a page
        text = text.translate(_SPECIAL)
    if text[:1].isdigit() or text[:1] == "-":
        text = _LINE_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};" if m.group(1) else "&#45;", text)
    return Markup(text)


def paragraphs(value) -> Markup:
    """Record prose as escaped Markdown paragraphs.

    YAML folded blocks (>) turn a blank line into one newline; literal blocks (|) keep the hard line
    breaks, so there paragraphs are separated by a blank line.
    """
    text = str(value).strip()
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return Markup("\n\n").join(escape(part) for part in parts if part.strip())


def html_paragraphs(value) -> Markup:
    """Record prose as escaped HTML paragraphs (for raw HTML blocks, which Markdown leaves alone)."""
    return Markup("\n").join(Markup("<p>") + part + Markup("</p>") for part in paragraphs(value).split("\n\n"))


def number(value: float, decimals: int | None = None) -> str:
    """17185 -> «17 185», 16.3 -> «16,3» (Norwegian separators, no-break space between groups)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",")


def quantity(value: float, unit: str, qualifier: str | None = None) -> str:
    """A number with its unit and the source's hedge, the same in text, tables and chart labels:
    «over 60 %», «309 personer», «1,2 millioner kr», «5,7 mill. kr»."""
    prefix = f"{qualifier} " if qualifier else ""
    if unit == "prosent":
        body = f"{number(value)}{NBSP}%"
    elif unit == "kroner" and value >= 1_000_000:
        body = f"{number(value / 1_000_000)}{NBSP}millioner kr"
    elif unit == "kroner":
        body = f"{number(value)}{NBSP}kr"
    elif unit == "millioner kroner":
        body = f"{number(value)}{NBSP}mill.{NBSP}kr"
    elif unit == "antall":
        body = number(value)
    else:
        body = f"{number(value)}{NBSP}{unit}"
    return prefix + body


def figure_value(figure: Figure) -> str:
    return quantity(figure.value, figure.unit, figure.qualifier)


def point_value(result, point) -> str:
    """One year of a result series, as its chart label, its table cell and the comparison show it."""
    return quantity(point.value, result.unit, point.qualifier)


def axis_label(value: float, unit: str) -> str:
    """A chart's scale: the number, with % for percentages (other units are named in the table)."""
    return number(value) + (f"{NBSP}%" if unit == "prosent" else "")


def figure_year(figure: Figure) -> str:
    """The year, or the record's note on what the source says about time («to år på rad», «år ikke oppgitt»)."""
    return str(figure.year) if figure.year else figure.year_note


def date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.day}.{NBSP}{MONTHS[value.month - 1]} {value.year}"


def is_stale(value: dt.date | None, today: dt.date, years: int = 2) -> bool:
    """True when a confirmation is missing or older than `years` years."""
    if value is None:
        return True
    try:
        limit = value.replace(year=value.year + years)
    except ValueError:  # 29 February
        limit = value.replace(year=value.year + years, day=28)
    return today > limit


def file_size(size: int) -> str:
    """Download size as readers know it: «14 kB», «1,2 MB»."""
    if size >= 1_000_000:
        return f"{number(size / 1_000_000, 1)}{NBSP}MB"
    return f"{max(1, round(size / 1000))}{NBSP}kB"
