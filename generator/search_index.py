"""Lean search entries for case pages: title, summary, names and keywords instead of the full text.

The full text of every case would make the index grow with the content (8 MB at 1,000 cases); these
entries keep what people search for, plus the ways names are typed without æ/ø/å.
"""

from __future__ import annotations

from html import escape

from .catalog import Catalog
from .model import Case
from .text import ascii_variants
from .vocabulary import VOCABULARY


def keywords(case: Case) -> list[str]:
    words = [m.name for m in case.municipalities] + list(case.aliases)
    words += [p.name for p in case.practices]
    words += [VOCABULARY["themes"][t] for t in case.themes]
    words += [VOCABULARY["target_groups"][g] for g in case.target_groups]
    words += [VOCABULARY["regions"][m.region] for m in case.municipalities]
    words += [case.organisation.unit, VOCABULARY["organisation_models"][case.organisation.model]]
    words += [c.name for c in case.contacts] + [p.name for p in case.people]
    words += [p.name for p in case.partners]
    return list(dict.fromkeys(words))


def entry(location: str, case: Case) -> dict:
    words = keywords(case)
    folded = sorted({v for w in [case.title, *words] for v in ascii_variants(w)})
    text = " ".join([case.summary, " · ".join(words), " ".join(folded)])
    # Material's search shows title and text as HTML (innerHTML), like the entries it makes itself.
    return {"location": location, "title": escape(case.title, quote=False), "text": escape(text, quote=False)}


def case_entries(catalog: Catalog, location_for) -> list[dict]:
    return [entry(location_for(slug), case) for slug, case in catalog.sorted_cases()]
