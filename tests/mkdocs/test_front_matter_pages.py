"""Pages outside the navigation skip Python-Markdown when they are only front matter, and end up as
MkDocs' own Page.render would leave them; pages in the navigation keep the titles mkdocs.yml gives them."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from generator.mkdocs.front_matter_pages import FrontMatterPage, outside_navigation
from tests.conftest import ROOT

FRONT_MATTER_ONLY = "---\ntitle: Eksempelby\ndescription: Et sammendrag.\ncase_slug: eksempelby\n---\n"
WITH_MARKDOWN = FRONT_MATTER_ONLY + "\n# Overskrift {#egen}\n\nTekst med [lenke](#egen) og <a id=\"anker\"></a>.\n"


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def _file(folder, config, path: str, markdown: str) -> File:
    (folder / path).parent.mkdir(parents=True, exist_ok=True)
    (folder / path).write_text(markdown, encoding="utf-8")
    return File(path, str(folder), str(folder / "site"), config.use_directory_urls)


def _rendered(page_class, config, markdown: str, folder) -> dict:
    file = _file(folder, config, "eksempler/eksempelby.md", markdown)
    files = Files([file])
    page = page_class(None, file, config)
    page.read_source(config)
    page.render(config, files)
    state = {name: value for name, value in vars(page).items() if name not in ("file", "update_date")}
    state["title"] = page.title
    state["toc"] = [(item.title, item.id, item.level) for item in page.toc]
    state["links_to_anchors"] = {to.src_uri: links for to, links in (page.links_to_anchors or {}).items()}
    return state


@pytest.mark.parametrize("blank", ["", "\n", "\n\n   \n"])
def test_a_front_matter_page_ends_as_python_markdown_leaves_it(config, blank, tmp_path):
    expected = _rendered(Page, config, FRONT_MATTER_ONLY + blank, tmp_path)
    assert expected["content"] == "" and expected["title"] == "Eksempelby"
    assert _rendered(FrontMatterPage, config, FRONT_MATTER_ONLY + blank, tmp_path) == expected


def test_a_page_with_markdown_after_its_front_matter_is_still_converted(config, tmp_path):
    expected = _rendered(Page, config, WITH_MARKDOWN, tmp_path)
    assert "Overskrift" in expected["content"] and {"egen", "anker"} <= expected["present_anchor_ids"]
    assert _rendered(FrontMatterPage, config, WITH_MARKDOWN, tmp_path) == expected


def test_only_pages_outside_the_navigation_change_and_the_navigation_keeps_its_titles(config, tmp_path):
    files = Files([
        _file(tmp_path, config, "index.md", "---\ntitle: Forsiden\n---\n"),
        _file(tmp_path, config, "eksempler/index.md", "---\ntitle: Alle eksempler\n---\n"),
        _file(tmp_path, config, "eksempler/eksempelby.md", FRONT_MATTER_ONLY),
        _file(tmp_path, config, "tema/arbeid.md", WITH_MARKDOWN),
    ])
    nav = get_navigation(files, config)
    in_nav = list(nav.pages)
    outside_navigation(files, nav, config)

    kinds = {file.src_uri: type(file.page) for file in files.documentation_pages()}
    assert kinds == {"index.md": Page, "eksempler/index.md": Page,
                     "eksempler/eksempelby.md": FrontMatterPage, "tema/arbeid.md": FrontMatterPage}
    assert [page.file.page for page in in_nav] == in_nav  # the navigation's pages are the files' pages
    assert [page.title for page in nav.pages] == ["Forside", "Eksempler"]  # as mkdocs.yml names them
