"""Lean search entries for case pages: title and summary shown, names and keywords searchable but hidden.

The full text of every case would make the index grow with the content (8 MB at 1,000 cases); these
entries keep what people search for, plus the ways names are typed without æ/ø/å.

Material's search shows an entry's `text` as HTML (innerHTML) but indexes every word in it, markup
or not. So the names, keywords and their æ/ø/å-free spellings go in a `hidden` element: found by
search, never shown. They sit inside the summary's paragraph because a result shows only the
paragraphs that hold a match: a case found by a hidden word still shows its summary.
"""

from __future__ import annotations

from html import escape

from .catalog import Catalog
from .model import Case
from .text import ascii_variants
from .vocabulary import VOCABULARY

# Material multiplies the score of every match in an entry by its `boost`. A case is what people look
# for when they type its municipality or one of its practices; without this a word that merely starts
# the same way in another page (Sel -> «Selvstendig» in a template) outranks the case.
CASE_BOOST = 2


def keywords(case: Case) -> list[str]:
    """Names people type: places and their county, other names, practices, the unit, partners and people.

    Theme and target-group labels are left out: they are shared by many cases, have pages of their own
    (kept out of search), and would make the index grow with every case by several words. A county is
    one or two words, and «Akershus» or «Innlandet» should find the cases there.
    """
    words = [m.name for m in case.municipalities] + list(case.aliases)
    words += [VOCABULARY["regions"][m.region] for m in case.municipalities if m.region]
    words += [p.name for p in case.practices]
    words += [case.organisation.unit]
    words += [c.name for c in case.contacts] + [p.name for p in case.people]
    words += [p.name for p in case.partners]
    return list(dict.fromkeys(words))


def _folded(texts: list[str]) -> list[str]:
    """Each word with æ/ø/å as people type it without them: Rælingen -> Raelingen, Ralingen."""
    words = {w.strip(".,:;()«»\"'") for text in texts for w in text.split() if not w.isascii()}
    return sorted({variant for word in words for variant in ascii_variants(word)})


def entry(location: str, case: Case) -> dict:
    words = keywords(case)
    hidden = " ".join([*words, *_folded([case.title, *words])])
    text = f"<p>{escape(case.summary, quote=False)}<span hidden> {escape(hidden, quote=False)}</span></p>"
    # Material shows title and text as HTML (innerHTML), like the entries it makes itself.
    return {"location": location, "title": escape(case.title, quote=False), "text": text, "boost": CASE_BOOST}


def case_entries(catalog: Catalog, location_for) -> list[dict]:
    return [entry(location_for(slug), case) for slug, case in catalog.sorted_cases()]
