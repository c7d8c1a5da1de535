"""What the first screens of a case page answer: how old the knowledge is, the headline result, the
county (and where it comes from), and whom to call or who else the sources name.

Everything here is read from the record; nothing is added. Where the record does not say which result
is the headline, the page shows the first result series (else the first key figure) and says only
what that figure is, not that the source calls it the main result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from generator import formatting
from generator.records.model import Case, Contact, Figure, Municipality, Person, Result
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


SITE_LANGUAGE = "nb"  # theme.language in mkdocs.yml
PUBLIC_CLASSIFICATION = "offentlig inndeling, ikke fra kilden"


def _and(names: list[str]) -> str:
    """«Sel», «Sel og Vågå», «Sel, Vågå og Lom»."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]


def regions(case: Case) -> list[tuple[str, str | None]]:
    """(county key, where the county is not from the source: a note saying so), each county once.

    The basis belongs to each municipality: where the source gives the county of some of a county's
    municipalities and not of others, the note names those it does not give it for.
    """
    result = []
    for key in case.regions:
        inside = [m for m in case.municipalities if m.region == key]
        classified = [m.name for m in inside if m.region_basis == "offentlig-inndeling"]
        if not classified:
            result.append((key, None))
        elif len(classified) == len(inside):
            result.append((key, PUBLIC_CLASSIFICATION))
        else:
            result.append((key, f"for {_and(classified)}: {PUBLIC_CLASSIFICATION}"))
    return result


def municipality_name(municipality: Municipality) -> str:
    """The name the record gives, with what a former municipality is part of today: «Kvalsund (nå Hammerfest)»."""
    today = municipality.part_of_today
    return f"{municipality.name} (nå {_and(list(today))})" if today else municipality.name


def text_lang(case: Case) -> Markup:
    """The lang attribute for the elements holding the record's own text, when it is not bokmål like the
    site: the page stays «nb» (Pagefind keeps one index per page language, and a nynorsk case must be
    found from every page), its parts say what they are (WCAG 3.1.2)."""
    return Markup(f' lang="{case.language}"') if case.language != SITE_LANGUAGE else Markup("")


def municipality_names(case: Case) -> str:
    return ", ".join(municipality_name(m) for m in case.municipalities)


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
