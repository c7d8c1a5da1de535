"""A Python-Markdown extension that hands marked blocks of finished HTML straight to the output.

Generated pages mark their HTML blocks with `<!-- ikb:html -->` … `<!-- /ikb:html -->`. Python-Markdown
would otherwise tokenise every tag of them with html.parser, which was half the time of a case page.
The blocks are stored in Markdown's own HTML stash, exactly as raw HTML is, and restored unchanged.
Without this extension the markers are plain comments and the blocks are ordinary raw HTML.
"""

from __future__ import annotations

from markdown import Extension
from markdown.preprocessors import Preprocessor

START, END = "<!-- ikb:html -->", "<!-- /ikb:html -->"


class _Passthrough(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None and line.strip() == START:
                block = []
            elif block is not None and line.strip() == END:
                # Stripped, so Markdown sees the first tag and restores it as a block, not inside <p>.
                out += ["", self.md.htmlStash.store("\n".join(block).strip()), ""]
                block = None
            elif block is not None:
                block.append(line)
            else:
                out.append(line)
        if block is not None:  # an unclosed marker: leave the lines for the normal HTML handling
            out += [START, *block]
        return out


class PassthroughExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's API
        # After whitespace normalisation (30), before the raw HTML block parser (20).
        md.preprocessors.register(_Passthrough(md), "ikb_html_passthrough", 25)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's API
    return PassthroughExtension(**kwargs)
