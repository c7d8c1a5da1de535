"""Generated pages as finished HTML: the generator writes the headings, anchors and table of contents.

Case, theme, comparison, case-list and template pages are headings with finished HTML between them.
Running them through Python-Markdown only to turn `## Tiltak` into a heading with an anchor would cost
more than everything else a case page needs, so the generator does that part itself, the way
Python-Markdown's toc extension would (same ids, same de-duplication; the permalink after the heading, as
generator.site.heading_links puts it on hand-written pages), and MkDocs gets a page whose Markdown is only
the front matter. The site builder's hook puts the HTML, the table of contents and the anchors in place.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import nest_toc_tokens, strip_tags, unique

from generator.site.heading_links import heading_html
from generator.text import slugify

# A layout line holding only this becomes a short list of the page's sections (its h2 headings): phones
# do not show Material's table of contents for pages outside the navigation, such as case pages.
JUMP_LIST = "<!-- ikb:jump-list -->"
JUMP_LIST_TITLE = "På denne siden"
# «<!-- ikb:section-list tiltak -->» becomes a list of links to the subsections (h3) of the section
# whose h2 has that id, so a list of a case's practices links to the anchors their headings really got.
_SECTION_LIST = re.compile(r"<!-- ikb:section-list ([a-z0-9-]+) -->")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")


@dataclass
class FinishedPage:
    """A page MkDocs does not render: `markdown` is front matter only; the rest goes in as it is."""

    markdown: str
    html: str
    toc: list[dict] = field(default_factory=list)  # nested toc tokens, as Python-Markdown makes them
    anchors: set[str] = field(default_factory=set)


def _heading(level: int, inner: str, used: set[str]) -> tuple[str, dict]:
    name = strip_tags(inner)
    anchor = unique(slugify(html.unescape(name)), used)
    markup = heading_html(level, anchor, inner, name)
    return markup, {"level": level, "id": anchor, "name": name, "html": inner, "data-toc-label": ""}


def finish(markdown: str) -> FinishedPage:
    """A generated page (front matter, then `#` headings and finished HTML) as a FinishedPage.

    Heading text must already be escaped (formatting.escape does that for record text); every other
    line is HTML and passes through unchanged.
    """
    _, front, body = markdown.split("---\n", 2)
    used: set[str] = set()
    out: list[str] = []
    tokens: list[dict] = []
    for line in body.split("\n"):
        match = _HEADING.match(line)
        if match:
            markup, token = _heading(len(match.group(1)), match.group(2), used)
            out.append(markup)
            tokens.append(token)
        else:
            out.append(line)  # blank lines too: inside <pre> or <textarea> they are content
    html_text = "\n".join(out)
    if JUMP_LIST in html_text:
        html_text = html_text.replace(JUMP_LIST, jump_list(tokens), 1)
    html_text = _SECTION_LIST.sub(lambda m: section_list(tokens, m.group(1)), html_text)
    return FinishedPage(f"---\n{front}---\n", html_text, nest_toc_tokens(tokens), used)


def jump_list(tokens: list[dict]) -> str:
    """A closed disclosure with a link to each section (h2) of the page; ikb.css hides it where the
    sidebar shows the table of contents."""
    links = "".join(
        f'<li><a href="#{t["id"]}">{t["html"]}</a></li>' for t in tokens if t["level"] == 2
    )
    if not links:
        return ""
    return (
        f'<details class="ikb-jump" data-pagefind-ignore><summary>{JUMP_LIST_TITLE}</summary>'
        f'<nav aria-label="{JUMP_LIST_TITLE}"><ul>{links}</ul></nav></details>'
    )


def section_list(tokens: list[dict], section: str) -> str:
    """Links to the h3 headings under the h2 with id `section`, or nothing when there are none."""
    inside, links = False, []
    for token in tokens:
        if token["level"] == 2:
            inside = token["id"] == section
        elif inside and token["level"] == 3:
            links.append(f'<li><a href="#{token["id"]}">{token["html"]}</a></li>')
    return f'<ul class="ikb-section-list">{"".join(links)}</ul>' if links else ""
