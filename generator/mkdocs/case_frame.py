"""Case pages from one rendering of the theme: Material's page around the article, filled per case.

Every case page lives at eksempler/<slug>/, so its relative links are those of every other case page,
and it is in no navigation. Around its article, Material's page then differs from one case to the next
only in a few values: the <title>, the description, the canonical address, the skip link's target, the
title in the header, the table of contents, and what the article holds. Rendering Material's templates
for each of a thousand cases spent most of its time on parts that came out the same every time (the
navigation, the header, the footer, the scripts' settings).

So the theme renders, once per build, a marker page: a case page whose values are marker words, with
the three partials that hold the page's own content (table of contents, content, search data) replaced
by marker words (an overlay of the Jinja environment). Cut at the markers, that is the frame. A case
page is the frame with its own values, each rendered by Jinja in the theme's environment: the three
partials themselves, and the few expressions (SLOT_EXPRESSIONS) with which base.html and ikb/layout.html
print the others.

The frame must give the page Material gives, byte for byte. The first GUARDED case pages of a build
are rendered both ways and compared, and so is a probe: the first page with a title and description
full of characters that escaping changes. On any difference every case page of the build goes through
Material as before, with a line on stderr: a theme upgrade can make the build slower, never wrong.
tests/mkdocs/test_case_frame.py compares the two for the fixture records and awkward titles.
"""

from __future__ import annotations

import copy
import re
import sys

from jinja2 import ChoiceLoader, DictLoader
from markupsafe import escape
from mkdocs.structure.toc import AnchorLink, TableOfContents

# The template a case page names while the frame renders it (the serial build; see events.py).
TEMPLATE = "ikb/case-frame.html"
CONTEXT_KEY = "ikb_case_page"
GUARDED = 2

# Letters only, so escaping, striptags and the url filter leave a marker as it is.
_MARK = "ikbframeslot{}ikbframeslot"
_MARKER = re.compile(r"ikbframeslot([a-z]+)ikbframeslot")
# The partials base.html and ikb/layout.html include with the page's own content.
PARTIALS = {"toc": "partials/toc.html", "content": "partials/content.html", "search": "partials/ikb-search-data.html"}
# What base.html has set when it includes them.
_PRELUDE = '{% import "partials/language.html" as lang with context %}{% set features = config.theme.features or [] %}'
# How base.html (and ikb/layout.html for the print line) print the page's other values. MkDocs' Jinja
# environment neither escapes nor finalizes, so `{{ x }}` prints str(x).
SLOT_EXPRESSIONS = {
    "title": "page.meta.title",
    "description": "page.meta.description",
    "canonical": "page.canonical_url",
    "skip": "(page.toc | first).id",
    "printed": "printed_from | e",
}
# Between the partials when one template renders all three (one import of the language macros, not three).
_BETWEEN = _MARK.format("between")
# A title and description as the front matter gives them (escaped text), with everything escaping touches.
_PROBE_TEXT = str(escape("Ærlig & «åpent» <b>\"sitat\"</b> 'nynorsk: kvardag' - ") * 3)


def shape(context) -> tuple:
    """What decides which branches of the theme a page takes, beyond the values filled in: the same on
    every case page (the records require a title and a summary), but a page unlike the frame's in any of
    it goes through the theme itself."""
    page = context["page"]
    return (frozenset(page.meta), bool(page.meta.get("title")), bool(page.meta.get("description")),
            bool(page.canonical_url), bool(page.toc.items), bool(context.get("printed_from")),
            bool(context.get("page_search")))


class Frame:
    """Material's case page cut at its per-page values: parts[0], slot, parts[1], slot, …"""

    def __init__(self, env, parts: list[str], slots: list[str], shape: tuple):
        self.parts, self.slots, self.shape = parts, slots, shape
        self._partials = env.from_string(_PRELUDE + _BETWEEN.join(f'{{% include "{p}" %}}' for p in PARTIALS.values()))
        self._partial = {name: env.from_string(_PRELUDE + f'{{% include "{path}" %}}') for name, path in PARTIALS.items()}
        self._expressions = {name: env.compile_expression(SLOT_EXPRESSIONS[name])
                             for name in dict.fromkeys(slots) if name in SLOT_EXPRESSIONS}

    def render(self, context) -> str:
        own = self._partials.render(context).split(_BETWEEN)
        if len(own) != len(PARTIALS):  # the page's own text holds the marker word: one at a time
            own = [template.render(context) for template in self._partial.values()]
        values = dict(zip(PARTIALS, own))
        for name, expression in self._expressions.items():
            values[name] = str(expression(**context))
        out = [self.parts[0]]
        for slot, part in zip(self.slots, self.parts[1:]):
            out.append(values[slot])
            out.append(part)
        return "".join(out)


def _marker_page(page):
    marked = copy.copy(page)
    marked.meta = {**page.meta, "title": _MARK.format("title"), "description": _MARK.format("description")}
    marked.canonical_url = _MARK.format("canonical") if page.canonical_url else None
    first = page.toc.items[0] if page.toc.items else None
    marked.toc = TableOfContents([AnchorLink(_MARK.format("title"), _MARK.format("skip"), first.level)] if first else [])
    return marked


def make_frame(env, template_name: str, context) -> Frame:
    """The frame of the page in `context` (after on_page_context), rendered once through the theme."""
    marked = dict(context)
    marked["page"] = _marker_page(context["page"])
    if context.get("printed_from"):
        marked["printed_from"] = _MARK.format("printed")
    overlay = env.overlay(loader=ChoiceLoader([
        DictLoader({path: _MARK.format(name) for name, path in PARTIALS.items()}), env.loader,
    ]))
    output = overlay.get_template(template_name).render(marked)
    pieces = _MARKER.split(output)
    slots = pieces[1::2]
    unknown = set(slots) - PARTIALS.keys() - SLOT_EXPRESSIONS.keys()
    if unknown:
        raise ValueError(f"unknown slots {sorted(unknown)}")
    return Frame(env, pieces[0::2], slots, shape(context))


def _probe(context):
    probe = dict(context)
    page = copy.copy(context["page"])
    page.meta = {**page.meta, "title": _PROBE_TEXT, "description": _PROBE_TEXT}
    probe["page"] = page
    return probe


class CaseFrames:
    """The frame of one build's case pages, checked against Material on the first GUARDED pages."""

    def __init__(self, env, template_name: str = "main.html"):
        self.env, self.template_name = env, template_name
        self.frame: Frame | None = None
        self.failed = False
        self.checked = 0

    def _material(self, context) -> str:
        return self.env.get_template(self.template_name).render(context)

    def _fall_back(self, page, why: str) -> None:
        self.failed, self.frame = True, None
        print(f"Merk: casesidene lages side for side gjennom temaet, fordi rammen ikke ga samme side som "
              f"temaet for {page.file.src_uri} ({why}). Byggingen blir tregere, men sidene blir riktige.",
              file=sys.stderr, flush=True)

    def render(self, context) -> str:
        """The page in `context` (a case page, after on_page_context): from the frame when it matches."""
        if self.failed:
            return self._material(context)
        if self.checked >= GUARDED:
            return self.frame.render(context) if shape(context) == self.frame.shape else self._material(context)
        self.checked += 1
        expected = self._material(context)
        page = context["page"]
        try:
            if self.frame is None:
                if _MARKER.search(expected):
                    raise ValueError("the page holds a marker word")
                self.frame = make_frame(self.env, self.template_name, context)
                probe = _probe(context)
                if self.frame.render(probe) != self._material(probe):
                    raise ValueError("a title with & < > and quotes came out differently")
            if shape(context) != self.frame.shape or self.frame.render(context) != expected:
                raise ValueError("a different page")
        except Exception as error:  # noqa: BLE001 - any failure of the frame means: render as before
            self._fall_back(page, str(error))
        return expected
