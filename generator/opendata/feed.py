"""An Atom feed (RFC 4287) of the newest cases, each entry dated from its record's `updated`."""

from __future__ import annotations

import datetime as dt

from feedgen.ext.base import BaseEntryExtension
from feedgen.feed import FeedGenerator

from generator.records.catalog import Catalog
from generator.records.vocabulary import VOCABULARY

FEED = "feed.xml"
FEED_TITLE = "Nye og oppdaterte eksempler"
# Feed readers fetch the feed again and again and show what is new: the newest cases are enough, and
# the feed stays small however many cases there are (data/cases.json has them all).
FEED_ENTRIES = 50


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_LANGUAGE = "nb"


class _EntryLanguage(BaseEntryExtension):
    """xml:lang on an entry whose text is not in the feed's language (a case written in nynorsk)."""

    def __init__(self):
        self.code = FEED_LANGUAGE

    def extend_atom(self, entry):
        if self.code != FEED_LANGUAGE:
            entry.set(XML_LANG, self.code)
        return entry


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def atom(catalog: Catalog, site_name: str, site_url: str, url_for) -> bytes:
    """The feed; url_for(slug) gives a case page's absolute address, which is also the entry's id."""
    if not site_url.startswith(("https://", "http://")):
        raise ValueError("Atom-strømmen trenger en absolutt site_url i mkdocs.yml")
    base = site_url.rstrip("/") + "/"
    feed = FeedGenerator()
    feed.id(base)
    feed.title(f"{site_name}: {FEED_TITLE.lower()}")
    feed.subtitle("Eksempler i kunnskapsbanken, sist oppdaterte først.")
    feed.author({"name": site_name})
    feed.link(href=base + FEED, rel="self", type="application/atom+xml")
    feed.link(href=base, rel="alternate", type="text/html")
    feed.language(FEED_LANGUAGE)
    feed.rights("CC BY 4.0")
    feed.generator(site_name)
    newest_first = sorted(catalog.cases.items(), key=lambda item: (-item[1].updated.toordinal(), item[0]))
    if newest_first:
        feed.updated(_moment(newest_first[0][1].updated))
    for slug, case in newest_first[:FEED_ENTRIES]:
        entry = feed.add_entry(order="append")
        entry.register_extension("text_language", _EntryLanguage, atom=True, rss=False)
        entry.text_language.code = case.language
        entry.id(url_for(slug))
        entry.title(case.title)
        entry.link(href=url_for(slug), rel="alternate", type="text/html")
        entry.updated(_moment(case.updated))
        entry.summary(case.summary)
        for theme in case.themes:
            entry.category(term=theme, label=VOCABULARY["themes"][theme])
    return feed.atom_str(pretty=True)
