"""What the first screens of a case page answer: how old the knowledge is, the headline result, the
county (and where it comes from), and whom to call or who else the sources name.

Everything here is read from the record; nothing is added. Where the record does not say which result
is the headline, the page shows the first result series (else the first key figure) and says only
what that figure is, not that the source calls it the main result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator import formatting
from generator.records.model import Case, Contact, Figure, Person, Result
from generator.site import charts

# A figure older than this many years is marked as such wherever it is shown.
OLD_AFTER_YEARS = 5
UNDATED = "udatert"


def year_span(years) -> str:
    """«2014–2016», «2017», or «udatert» when there are none."""
    found = sorted(set(years))
    if not found:
        return UNDATED
    return str(found[0]) if found[0] == found[-1] else f"{found[0]}–{found[-1]}"


def source_years(case: Case) -> list[int]:
    return [s.published.year if s.published else s.published_year for s in case.sources
            if s.published or s.published_year]


def figure_years(case: Case) -> list[int]:
    return [f.year for f, _place in figures(case) if f.year] + [p.year for r in case.results for p in r.points]


def knowledge_age(case: Case) -> str:
    """One sentence on how old the sources and their figures are, apart from when the record was edited."""
    years = source_years(case)
    sources = year_span(years)
    text = "Kildene er udatert" if sources == UNDATED else f"Kildene er fra {sources}"
    undated = len(case.sources) - len(years)
    if years and undated:
        text += " (én kilde er udatert)" if undated == 1 else f" ({undated} kilder er udatert)"
    figures = figure_years(case)
    if figures:
        text += f"; tallene gjelder {year_span(figures)}"
    return text + "."


def is_old(year: int | None, today: dt.date) -> bool:
    return year is not None and today.year - year > OLD_AFTER_YEARS


@dataclass(frozen=True)
class Headline:
    label: str
    value: str
    year: str  # a year, or the record's note on time when the source gives none
    source: str  # source id
    marked: bool  # the record marks it as the headline (else it is the first one listed)
    old: bool


def headline(case: Case, today: dt.date) -> Headline | None:
    item = case.headline()
    if item is None:
        return None
    if isinstance(item, Result):
        value, year = charts.headline_value(item)
        return Headline(item.label, value, str(year), item.source, item.headline, is_old(year, today))
    return Headline(item.label, formatting.figure_value(item), formatting.figure_year(item), item.source,
                    item.headline, is_old(item.year, today))


def regions(case: Case) -> list[tuple[str, bool]]:
    """(county key, taken from the public classification rather than the source), without repeats."""
    classified = {m.region for m in case.municipalities if m.region and m.region_basis == "offentlig-inndeling"}
    return [(key, key in classified) for key in case.regions]


def people_not_contacts(case: Case) -> list[Person]:
    """The people the sources name who are not listed as contacts (a contact is named once, as a contact)."""
    contacts = {c.name.casefold() for c in case.contacts if c.name}
    return [p for p in case.people if p.name.casefold() not in contacts]


def figures(case: Case) -> list[tuple[Figure, str | None]]:
    """Every single figure of a case, with the municipality it is about when the case has several:
    the municipalities' own figures, then the key figures."""
    several = len(case.municipalities) > 1
    own = [(f, m.name if several else None) for m in case.municipalities for f in (m.population, m.immigrant_share) if f]
    return own + [(f, None) for f in case.key_figures]


def contact_note(contact: Contact, today: dt.date) -> str | None:
    """Why to check a contact before calling, or None when it was confirmed in the last two years."""
    if not formatting.is_stale(contact.last_verified, today):
        return None
    if contact.last_verified:
        return "kontaktopplysningene ble sist bekreftet for mer enn to år siden"
    return "kontaktopplysningene kan ha endret seg siden kilden ble skrevet"


def contact_notes(case: Case, today: dt.date) -> tuple[str | None, list[str | None]]:
    """(one note for every contact, or None; the note for each contact that is not said once for all).
    Said once above the cards when it is the same for all, so two contacts do not cost two warnings."""
    notes = [contact_note(c, today) for c in case.contacts]
    if len(notes) > 1 and notes[0] and len(set(notes)) == 1:
        return notes[0], [None] * len(notes)
    return None, notes
