"""What each page tells the search index beyond its visible text: kind, filters, names, folded spellings.

Pagefind indexes the words a reader sees. People also type names without æ, ø and å («Raelingen»,
«Lorenskog»), and Pagefind folds å but not æ or ø. So every word of a page that has one of these
letters is also given in the ways it is typed without them (generator.text.ascii_variants), in a
hidden element at the top of the indexed text: found by search, never shown (the result shows the
page's description, and the sections under its headings, which hold none of these words).

Only the words the index reads are folded: a part of a page marked data-pagefind-ignore (the lists of
cases on the listing pages, which are searched on each case's own page) adds none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from generator.records.catalog import Catalog
from generator.records.model import Case
from generator.text import ascii_variants
from generator.records.vocabulary import VOCABULARY
from generator.site.facets import LEGENDS, TERMS_OF_KIND


@dataclass(frozen=True)
class Kind:
    key: str  # in the search page's address: type=mal
    label: str  # what the index holds and a result shows


# In the order results are ranked: cases, then templates, then every other page.
KINDS = {"case": Kind("eksempel", "Eksempel"), "template": Kind("mal", "Mal"), "page": Kind("side", "Side")}
KIND_PARAM = "type"
KIND_FILTER = "Type"  # the kind's filter in the index; the other filters are named by their legend (LEGENDS)

_WORD = re.compile(r"\w+")
# What the index does not read: elements it is told to ignore, and those Pagefind never reads as text.
_NOT_READ = "[data-pagefind-ignore], script, style, svg, form, label, nav, template"


@dataclass(frozen=True)
class PageSearch:
    kind: str
    filters: list[tuple[str, str]]
    names: str  # a case's places and other names: weighted, so the case comes first when one is typed
    folded: str
    description: str


def case_names(case: Case) -> list[str]:
    return list(dict.fromkeys([m.name for m in case.municipalities] + list(case.aliases)))


def case_filters(case: Case) -> list[tuple[str, str]]:
    """(filter, term) pairs: the terms that put the case on theme, target-group and county pages."""
    return [
        (LEGENDS[kind], VOCABULARY[kind][key])
        for kind, terms_of in TERMS_OF_KIND.items()
        for key in dict.fromkeys(terms_of(case))
    ]


def folded_words(*texts: str) -> list[str]:
    """Every word with æ/ø/å in these plain texts, as typed without them: Rælingen -> Raelingen, Ralingen."""
    words = {
        word
        for text in texts
        for token in text.split()
        if not token.isascii()  # most words are: only the others are looked at closer
        for word in _WORD.findall(token)
        if not word.isascii()
    }
    return sorted({variant for word in words for variant in ascii_variants(word)})


def searched_text(html: str) -> str:
    """The text the search index reads in a page's HTML, without the elements it is told to ignore.

    Parsed with Lexbor (selectolax), a page in about 0.4 ms against lxml's 1.1 ms: it is done for every
    searched page of every build."""
    if not html.strip():
        return ""
    tree = LexborHTMLParser(html)
    left_out = tree.css(_NOT_READ)
    matched = {element.mem_id for element in left_out}
    for element in left_out:
        # Only the outermost: removing one frees what it holds, so a match inside is not touched again.
        if not _inside_one_of(element, matched):
            element.decompose()  # the text that follows the element stays
    return tree.body.text(separator=" ") if tree.body is not None else ""


def _inside_one_of(element, ids: set[int]) -> bool:
    parent = element.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def is_searched(meta: dict) -> bool:
    """Whether the index holds a page with this front matter: not the search page, nor page 2 on of a list."""
    return not (meta.get("search_page") or meta.get("not_searched"))


def for_page(catalog: Catalog, meta: dict, html: str) -> PageSearch | None:
    """The search data of a page, from its front matter and finished HTML; None for the search page."""
    if not is_searched(meta):
        return None
    description = str(meta.get("description") or "")
    case = catalog.cases.get(meta.get("case_slug") or "")
    if case is not None:
        names = case_names(case)
        folded_names = folded_words(*names)
        return PageSearch(
            KINDS["case"].label, [(KIND_FILTER, KINDS["case"].label), *case_filters(case)], " ".join([*names, *folded_names]),
            " ".join(w for w in folded_words(searched_text(html)) if w not in set(folded_names)), description,
        )
    kind = (KINDS["template"] if meta.get("template_slug") in catalog.templates else KINDS["page"]).label
    return PageSearch(kind, [(KIND_FILTER, kind)], "", " ".join(folded_words(searched_text(html))), description)
