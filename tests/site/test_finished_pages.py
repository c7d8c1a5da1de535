"""Finished pages get the same headings, anchors and table of contents Python-Markdown would give them."""

import markdown
from bs4 import BeautifulSoup

from generator.site import heading_links
from generator.site.finished_pages import finish
from generator.formatting import escape
from generator.text import slugify

# As mkdocs.yml configures the hand-written pages.
TOC = {"toc": {"slugify": slugify}}

HEADINGS = [
    "# Åsåsen: ett kontor for alt",
    "## Tiltak",
    f"### {escape('Språkpraksis (del 1) & «tolk» <i>')}",
    f"### {escape('Språkpraksis (del 1) & «tolk» <i>')}",  # the same twice: _1
    "## Tiltak",  # and a third time at another level
    f"### {escape('Tiltak_1')}",
    "## Kontaktpersoner",
    f"### {escape('Geir Nilsen, Miljøarbeider #2 [NAV]')}",
]


def _python_markdown(headings: list[str]):
    md = markdown.Markdown(extensions=["toc", heading_links.makeExtension()], extension_configs=TOC)
    return md.convert("\n\n".join(headings)), md.toc_tokens


def _strip(tokens):
    return [{"level": t["level"], "id": t["id"], "name": t["name"], "children": _strip(t["children"])} for t in tokens]


def test_headings_anchors_and_toc_are_the_ones_python_markdown_makes():
    page = finish("---\ntitle: x\n---\n" + "\n\n<p>tekst</p>\n\n".join(HEADINGS) + "\n")
    expected_html, expected_tokens = _python_markdown(HEADINGS)
    headings = [line for line in page.html.split("\n") if line.startswith("<div")]
    assert headings == expected_html.split("\n")
    assert _strip(page.toc) == _strip(expected_tokens)
    assert page.anchors == {"asasen-ett-kontor-for-alt", "tiltak", "tiltak_1", "tiltak-1", "sprakpraksis-del-1-tolk-i",
                            "sprakpraksis-del-1-tolk-i_1", "kontaktpersoner", "geir-nilsen-miljoarbeider-2-nav"}


def test_html_between_headings_reaches_the_page_unchanged_and_only_front_matter_goes_to_mkdocs():
    source = '---\ntitle: "x"\n---\n# Tittel\n\n<div class="a">\n<p>*ikke kursiv* [ikke lenke](x)</p>\n</div>\n'
    page = finish(source)
    assert page.markdown == '---\ntitle: "x"\n---\n'
    assert '<div class="a">\n<p>*ikke kursiv* [ikke lenke](x)</p>\n</div>' in page.html
    assert "<em>" not in page.html and "<a href=\"x\"" not in page.html


def test_record_text_starting_with_hashes_stays_text():
    line = f"<p>{escape('## 1 i Norge')}</p>"
    page = finish(f"---\n---\n{escape('## 1 i Norge')}\n{line}\n")
    assert page.toc == [] and "<h2" not in page.html


def test_a_headings_permalink_stands_after_it_and_names_the_heading_it_leads_to():
    text = escape("Språkpraksis & «tolk» <i>")
    for html_text in (finish(f"---\n---\n## {text}\n").html, _python_markdown([f"## {text}"])[0]):
        wrapper = BeautifulSoup(html_text, "html.parser").select_one(".ikb-heading")
        heading, link = wrapper.find_all(recursive=False)
        assert heading.name == "h2" and heading.get_text() == "Språkpraksis & «tolk» <i>" and not heading.find("a")
        assert link["href"] == f"#{heading['id']}" and link.get_text() == "¶"
        assert link["aria-label"] == "Lenke til denne delen: Språkpraksis & «tolk» <i>"
