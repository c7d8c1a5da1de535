"""Pages whose Markdown is only front matter, read without starting Python-Markdown.

The generator hands MkDocs its case, list, theme and comparison pages as front matter alone; the HTML
is put in place by the hook (see generator.site.finished_pages). MkDocs still set up a Python-Markdown
with every extension for each of them, to convert an empty text: at 5,000 cases some two seconds on
one core, while nothing else could run. A page outside the navigation is given here as a
FrontMatterPage, which sets what that conversion would have set (no content, no headings, no
anchors, no links) without it; a page that has Markdown after all goes through Python-Markdown as before.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class FrontMatterPage(Page):
    def render(self, config, files) -> None:
        if self.markdown is None or self.markdown.strip():
            super().render(config, files)
            return
        # What Page.render gets from Python-Markdown for a text of only blank lines: Markdown.convert
        # returns "" before any extension runs.
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def outside_navigation(files, nav, config) -> None:
    """Give every documentation page that the navigation does not hold as a FrontMatterPage.

    Run after MkDocs made the navigation (on_nav): it made these pages with no title and no place in it,
    as this does; the navigation's own pages keep the titles mkdocs.yml gives them."""
    in_nav = {id(page) for page in nav.pages}
    for file in files.documentation_pages():
        if file.page is not None and id(file.page) not in in_nav and type(file.page) is Page:
            FrontMatterPage(None, file, config)  # Page() sets file.page
