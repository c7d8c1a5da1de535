"""Case pages made from the theme's frame are the pages Material renders itself, byte for byte.

generator/mkdocs/case_frame.py renders Material's page once per build and fills it per case. Here the
same project is built three ways: with the frame on one core, with the frame on two (the workers of
parallel_pages, from the first case on), and with every case page rendered through Material (the
frame's render replaced by Material's in the build process). The records are the fixtures (every
optional field and unit), the hostile ones (markup and quotes in every text) and variants with
awkward titles and summaries (&, <, quotes, nynorsk, a long title). Then a theme override that shows
the title in a way the frame does not know: the build must notice, say so on stderr, and still make
every page as Material does.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, PUBLIC_SITE_URL
from tests.sandbox import make_project

FALLBACK = "Merk: casesidene lages side for side gjennom temaet"
BUILD = """
import sys
from generator import cli, parallel
from generator.mkdocs import case_frame
{extra}
sys.exit(cli.main(["build", "--site-dir", sys.argv[1]]))
"""
THROUGH_MATERIAL = "case_frame.CaseFrames.render = lambda self, context: self._material(context)"
FROM_THE_FIRST_CASE = "parallel.PARALLEL_FROM = 1"

EKSEMPELBY = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
AWKWARD = {  # file name: (title, summary), written into the small fixture record
    "og-tegn.yaml": ('Tom & Jerry <b>fet</b> "sitat" \'apostrof\' &amp; &lt;',
                     'Sammendrag med & og <i>kursiv</i>, "doble" og \'enkle\' anførselstegn > alt.'),
    "nynorsk-tittel.yaml": ("Kvardagen: språkpraksis på arbeidsplassen i Ørsta – «ei god øving»",
                            "Eit samandrag på nynorsk: kvinner som står langt frå arbeidslivet."),
    "lang-tittel.yaml": ("Lang tittel: " + " ".join(["oppfølging og kvalifisering tett på arbeidslivet"] * 2),
                         "Sammendrag " * 30),
}


def _yaml_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def awkward_records() -> dict[str, str]:
    records = {}
    for name, (title, summary) in AWKWARD.items():
        text = EKSEMPELBY.replace('title: "Eksempelby: tett oppfølging i Ørsta-modellen"', f"title: {_yaml_string(title)}")
        text = text.replace('summary: "Et oppdiktet testeksempel for automatiske tester. Det brukes aldri på nettstedet."',
                            f"summary: {_yaml_string(summary)}", 1)
        assert text != EKSEMPELBY
        records[name] = text
    return records


def all_records() -> dict[str, str]:
    records = {p.name: p.read_text(encoding="utf-8") for folder in ("cases", "hostile")
               for p in sorted((FIXTURES / folder).glob("*.yaml"))}
    return {**records, **awkward_records()}


def build(project: Path, site: Path, extra: str = "", workers: int = 1, site_url: str = PUBLIC_SITE_URL):
    result = subprocess.run(
        [sys.executable, "-c", BUILD.format(extra=extra), str(site)], cwd=project, capture_output=True, text=True,
        timeout=600, env={**os.environ, "GENERATOR_WORKERS": str(workers), "NO_MKDOCS_2_WARNING": "1",
                          "SITE_URL": site_url},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def case_pages(site: Path) -> dict[str, bytes]:
    return {p.parent.name: p.read_bytes() for p in sorted((site / "eksempler").glob("*/index.html"))}


def assert_same_pages(made: Path, material: Path, count: int) -> None:
    made_pages, material_pages = case_pages(made), case_pages(material)
    assert len(material_pages) == count
    assert made_pages.keys() == material_pages.keys()
    assert [slug for slug in material_pages if made_pages[slug] != material_pages[slug]] == []


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    templates = {p.name: p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "hostile" / "templates").glob("*.yaml"))}
    return make_project(tmp_path_factory.mktemp("frame"), cases=all_records(), templates=templates, site=True)


@pytest.mark.parametrize("site_url", [PUBLIC_SITE_URL, "http://127.0.0.1:8000/"])
def test_framed_case_pages_are_materials_own_pages_for_every_record(project, tmp_path, site_url):
    material = tmp_path / "material"
    build(project, material, THROUGH_MATERIAL, site_url=site_url)
    count = len(all_records())
    framed = build(project, tmp_path / "framed", site_url=site_url)
    assert FALLBACK not in framed.stderr  # the frame was used, not Material page by page
    assert_same_pages(tmp_path / "framed", material, count)
    workers = build(project, tmp_path / "workers", FROM_THE_FIRST_CASE, workers=2, site_url=site_url)
    assert FALLBACK not in workers.stderr
    assert_same_pages(tmp_path / "workers", material, count)
    # Each page has its own title and summary, with the awkward characters as the front matter escapes them.
    page = case_pages(material)["og-tegn"].decode("utf-8")
    assert "<title>Tom &amp; Jerry &lt;b&gt;fet&lt;/b&gt;" in page
    assert 'content="Sammendrag med &amp; og &lt;i&gt;kursiv&lt;/i&gt;' in page


@pytest.fixture(scope="module")
def unknown_title_project(tmp_path_factory) -> Path:
    """The fixture records, with a theme override that prints the title in capitals: a way the frame does not know."""
    cases = {p.name: p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "cases").glob("*.yaml"))}
    project = make_project(tmp_path_factory.mktemp("override"), cases={**cases, **awkward_records()}, site=True)
    layout = project / "overrides" / "ikb" / "layout.html"
    text = layout.read_text(encoding="utf-8")
    changed = text.replace("    {{ super() }}\n  {%- else -%}", "    <title>{{ page.title | upper }}</title>\n  {%- else -%}", 1)
    assert changed != text
    layout.write_text(changed, encoding="utf-8")
    return project


@pytest.mark.parametrize("workers", [1, 2])
def test_a_frame_unlike_the_themes_page_makes_the_build_render_every_case_page_through_material(
    unknown_title_project, tmp_path, workers
):
    material = tmp_path / "material"
    build(unknown_title_project, material, THROUGH_MATERIAL)
    made = build(unknown_title_project, tmp_path / "made", FROM_THE_FIRST_CASE, workers=workers)
    assert FALLBACK in made.stderr
    count = len(list((FIXTURES / "cases").glob("*.yaml"))) + len(AWKWARD)
    assert_same_pages(tmp_path / "made", material, count)
    titles = {re.search(r"<title>(.*?)</title>", page.decode("utf-8")).group(1) for page in case_pages(material).values()}
    assert len(titles) == count and all(title == title.upper() for title in titles)
