"""Finished HTML between Markdown headings reaches the page exactly as generated."""

import markdown

from generator.markdown_passthrough import END, START
from generator.pages import mark_html_blocks

EXTENSIONS = ["generator.markdown_passthrough", "tables", "toc", "md_in_html"]


def test_marked_html_is_handed_through_unchanged_and_headings_still_make_the_toc():
    source = "---\ntitle: x\n---\n# Tittel\n\n<div class=\"a\">\n<p>*ikke kursiv* [ikke lenke](x)</p>\n</div>\n\n## Del\n\n<ul><li>én</li></ul>\n"
    md = markdown.Markdown(extensions=EXTENSIONS)
    html = md.convert(mark_html_blocks(source).split("---\n", 2)[2])
    assert '<div class="a">\n<p>*ikke kursiv* [ikke lenke](x)</p>\n</div>' in html
    assert "<p><div" not in html and "<em>" not in html
    assert [t["name"] for t in md.toc_tokens[0]["children"]] == ["Del"]


def test_without_an_end_marker_the_html_is_still_rendered_as_ordinary_raw_html():
    html = markdown.markdown(f"{START}\n<p>hei</p>\n", extensions=EXTENSIONS)
    assert "<p>hei</p>" in html
    assert END not in html
