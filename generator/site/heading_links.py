"""Each heading's permalink («¶») stands right after the heading, not inside it.

Inside the heading, the link's text became part of the heading's name: a screen reader announced
«Kontaktpersoner ¶». After it, the heading is named by its own text and the link by its label
(«Lenke til denne delen: Kontaktpersoner»). Heading and link share a wrapper, so hovering the heading
shows the link (Material's `:hover > .headerlink`) and ikb.css can place it beside the heading.

Generated pages get this markup from `heading_html` (generator.site.finished_pages); hand-written pages
from the Markdown extension below, which mkdocs.yml lists after `toc` (whose own permalinks are off).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

PERMALINK_TITLE = "Lenke til denne delen"
WRAPPER_CLASS = "ikb-heading"
_HEADINGS = {f"h{level}" for level in range(1, 7)}


def link_label(name: str) -> str:
    """The link's accessible name, from the heading's name as the toc tokens hold it (HTML text)."""
    return f"{PERMALINK_TITLE}: {html.unescape(name)}"


def _attribute(value: str) -> str:
    # As Python-Markdown's serializer escapes attribute values (and it writes them sorted by name), so
    # both paths give the same bytes.
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def heading_html(level: int, anchor: str, inner: str, name: str) -> str:
    """A finished heading (`inner` is escaped HTML) followed by its permalink, in their wrapper."""
    return (
        f'<div class="{WRAPPER_CLASS}"><h{level} id="{anchor}">{inner}</h{level}>'
        f'<a aria-label="{_attribute(link_label(name))}" class="headerlink" href="#{anchor}">&para;</a></div>'
    )


def _names(tokens: list[dict], into: dict[str, str]) -> dict[str, str]:
    for token in tokens:
        into[token["id"]] = token["name"]
        _names(token["children"], into)
    return into


class _HeadingLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        names = _names(getattr(self.md, "toc_tokens", []), {})
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                anchor = child.get("id")
                if child.tag not in _HEADINGS or not anchor or anchor not in names:
                    continue
                wrapper = etree.Element("div", {"class": WRAPPER_CLASS})
                wrapper.tail, child.tail = child.tail, None
                link = etree.SubElement(
                    wrapper, "a", {"class": "headerlink", "href": f"#{anchor}", "aria-label": link_label(names[anchor])}
                )
                link.text = f"{AMP_SUBSTITUTE}para;"
                wrapper.insert(0, child)
                parent.remove(child)
                parent.insert(index, wrapper)


class HeadingLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After toc (priority 5), which gives the headings their ids and makes the tokens named here.
        md.treeprocessors.register(_HeadingLinks(md), "ikb_heading_links", 4)


def makeExtension(**kwargs) -> HeadingLinksExtension:  # noqa: N802 - the name Python-Markdown looks for
    return HeadingLinksExtension(**kwargs)
