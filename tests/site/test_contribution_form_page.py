"""The contribution form's page: a control for every field of the model, the validator's messages, the
places to hand in, the links to it, and its weight."""

from __future__ import annotations

import gzip
import json
import posixpath
from typing import Literal

import pytest
from bs4 import BeautifulSoup
from pydantic import Field

from generator.paths import CONTRIBUTION_FORM, page_location
from generator.records.catalog import load_catalog
from generator.records.model import Case, Practice
from generator.records.model.fields import ShortText
from generator.records.vocabulary import VOCABULARY
from generator.site import contribution_form, form_fields
from generator.text import sort_key

from tests.conftest import CASE_SLUGS, FIXTURES, ROOT

# The page, its scripts and its styles, compressed as a web server sends them.
MAX_GZIP_BYTES = 100 * 1024
REPO = "https://github.com/eksempel/kunnskapsbank"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


def _schema_paths(schema: dict) -> set[str]:
    """Every property of the JSON Schema, lists written as *: practices/*/name."""
    found = set()

    def resolve(node):
        while "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        for option in node.get("anyOf", ()):
            if option.get("type") != "null":
                return resolve(option)
        return node

    def visit(node, prefix, depth=0):
        node = resolve(node)
        if node.get("type") == "array":
            visit(node.get("items", {}), f"{prefix}/*", depth)
        for key, prop in node.get("properties", {}).items():
            path = f"{prefix}/{key}" if prefix else key
            found.add(path)
            if depth < 6:
                visit(prop, path, depth + 1)

    visit(schema, "")
    return found


def _path(node) -> str:
    """A field's place in the record, read from how the fields and repeated items nest in the page."""
    parts = []
    while node is not None and node.name:
        if node.has_attr("data-item"):
            list_field = node.find_parent(attrs={"data-kind": "list"})
            if list_field.get("data-default") != "single":
                parts.insert(0, "*")
        elif node.has_attr("data-key"):
            item = node.parent if node.parent.has_attr("data-item") else None
            scalar_item = item is not None and item.find_parent(attrs={"data-kind": "list"})["data-key"] == node["data-key"]
            if not scalar_item:
                parts.insert(0, node["data-key"])
        node = node.parent
    return "/".join(parts)


def _control_paths(html: str) -> dict[str, list]:
    soup = BeautifulSoup(html, "html.parser")
    paths: dict[str, list] = {}
    # find_all, not select: CSS selectors do not look into <template>, where repeated groups wait.
    for node in soup.find_all(attrs={"data-key": True}):
        controls = node.find_all(["input", "select", "textarea", "button"])
        paths.setdefault(_path(node), []).extend(controls)
    return paths


def test_every_field_of_the_model_has_a_labelled_control(catalog):
    html = contribution_form.page(catalog).html
    paths = _control_paths(html)
    soup = BeautifulSoup(html, "html.parser")
    missing = [p for p in sorted(_schema_paths(Case.model_json_schema())) if not paths.get(p)]
    assert not missing, f"fields of the model with no control in the form: {missing}"
    labels = {label["for"] for label in soup.find_all("label")}
    controls = soup.find("form").find_all(["input", "select", "textarea"])
    assert len(controls) > 100
    assert [c["id"] for c in controls if c["id"] not in labels] == []


def test_a_field_added_to_the_model_appears_in_the_form_without_a_hand_edit(catalog):
    class CostedPractice(Practice):
        cost: ShortText | None = Field(None, description="Hva tiltaket koster i året.")

    class LanguageCase(Case):
        language: Literal["nb", "nn"] = Field("nb", description="Målformen posten er skrevet på.")
        practices: list[CostedPractice] = Field(min_length=1, description="Tiltakene.")

    form = form_fields.build(LanguageCase.model_json_schema(), VOCABULARY, {"cases": [], "templates": []})
    fields = {f.path: f for f in form.walk()}
    assert fields["language"].kind == "choice" and fields["language"].options == [("nb", "nb"), ("nn", "nn")]
    assert fields["practices/*/cost"].kind == "text"
    assert fields["practices/*/cost"].hint == "Hva tiltaket koster i året."
    assert set(_schema_paths(LanguageCase.model_json_schema())) <= set(fields)


def test_choices_come_from_the_vocabulary_and_sources_come_before_what_cites_them(catalog):
    form = contribution_form.form(catalog)
    fields = {f.path: f for f in form.walk()}
    assert fields["themes"].options == list(VOCABULARY["themes"].items())
    assert fields["municipalities/*/region"].options == list(VOCABULARY["regions"].items())
    assert fields["key_figures/*/source"].kind == "cite"
    assert fields["related/*"].kind == "cite" and fields["related/*"].cites == "cases"
    assert [t for _slug, t in fields["practices/*/templates"].options] == sorted(
        (t.title for t in catalog.templates.values()), key=sort_key)
    keys = [f.key for f in form.fields]
    assert keys.index("sources") < keys.index("municipalities")


def test_the_page_does_not_grow_with_the_cases_it_offers_as_related(catalog):
    extra = sorted((FIXTURES / "cases").glob("*.yaml"))
    more = load_catalog(ROOT, extra=extra)
    assert len(more.cases) > len(catalog.cases)
    assert contribution_form.page(more).html == contribution_form.page(catalog).html
    listed = json.loads(contribution_form.cases_json(more))
    assert [(c["slug"], c["title"], c["file"]) for c in listed] == [
        (slug, case.title, more.case_files[slug]) for slug, case in more.sorted_cases()]


def test_the_messages_are_the_validators_with_nothing_of_the_probes_left(catalog):
    settings = contribution_form.settings(catalog, None, None)

    def texts(value):
        if isinstance(value, dict):
            for item in value.values():
                yield from texts(item)
        else:
            yield value

    messages = list(texts(settings["messages"]))
    assert messages and all(isinstance(m, str) and m for m in messages)
    assert not [m for m in messages if "QQ" in m or "qq" in m]
    assert settings["messages"]["missing"] == "mangler feltet «{field}»"


def test_without_a_repository_the_form_says_so_and_offers_the_download(catalog):
    html = contribution_form.page(catalog).html
    assert "bygget uten adresse til et kodelager" in html
    assert "github.com" not in html and "mailto:" not in html
    assert contribution_form.settings(catalog, None, None)["urls"] is None


def test_with_a_repository_the_form_opens_githubs_pages_for_the_cases_folder(catalog):
    settings = contribution_form.settings(catalog, REPO, None)
    assert settings["urls"]["upload"] == f"{REPO}/upload/main/cases"
    assert settings["urls"]["new"] == f"{REPO}/new/main/cases"
    assert settings["urls"]["edit"] == f"{REPO}/edit/main/cases/__SLUG__.yaml"
    html = contribution_form.page(catalog, REPO).html
    assert f'href="{REPO}/upload/main/cases"' in html and "mailto:" not in html


def test_the_editors_address_is_offered_only_when_configured(catalog):
    html = contribution_form.page(catalog, REPO, "redaksjonen@kommune.test").html
    assert 'href="mailto:redaksjonen@kommune.test?' in html


def test_a_hostile_case_title_stays_text_in_the_pages_settings():
    hostile = load_catalog(ROOT, extra=[FIXTURES / "hostile" / "angrep.yaml"])
    html = contribution_form.page(hostile).html
    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.select("script")
    assert [s["id"] for s in scripts if not s.has_attr("src")] == ["ikb-form-settings"]  # no other inline script
    json.loads(soup.select_one("#ikb-form-settings").string)
    titles = {case["title"] for case in json.loads(contribution_form.cases_json(hostile))}
    assert {case.title for case in hostile.cases.values()} == titles


@pytest.mark.parametrize("slug", CASE_SLUGS)
def test_every_case_page_links_to_its_correction_in_the_form(page, slug):
    link = page(f"eksempler/{slug}/").find("a", string="Rett opp dette eksempelet")
    assert link is not None and link["href"] == f"../../bidra/skjema/?eksempel={slug}"


def test_the_contributing_page_and_the_front_page_lead_to_the_form_first(page):
    bidra = page("bidra/")
    first = bidra.select_one("article a[href]:not(.headerlink)")
    assert first["href"] == "skjema/" and "skjemaet" in first.get_text()
    assert page("").select_one('article a[href="bidra/skjema/"]') is not None


def test_the_served_script_is_its_parts_without_comments_and_nothing_spans_lines():
    parts = ROOT / "overrides" / contribution_form.SCRIPT.removesuffix(".js")
    served = contribution_form.script(parts)
    assert "`" not in served  # no template literal, whose text indentation stripping would change
    for part in contribution_form.SCRIPT_PARTS:
        first_code = next(line.strip() for line in (parts / f"{part}.js").read_text(encoding="utf-8").splitlines()
                          if line.strip() and not line.strip().startswith(("/*", "*", "//")))
        assert first_code in served
    assert "\n//" not in served and "\n/*" not in served


def test_the_page_its_scripts_and_styles_weigh_at_most_100_kb_compressed(site, capsys):
    location = page_location(CONTRIBUTION_FORM)
    html_path = site / location / "index.html"
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    files = [html_path]
    for node in soup.select("script[src], link[rel~=stylesheet][href]"):
        url = (node.get("src") or node.get("href")).split("?")[0]
        files.append(site / posixpath.normpath(posixpath.join(location, url)))
    sizes = {str(f.relative_to(site)): len(gzip.compress(f.read_bytes(), 6)) for f in files}
    total = sum(sizes.values())
    with capsys.disabled():
        print(f"\n/{location}: {total / 1024:.1f} KB gzip in {len(files)} files")
    assert "assets/javascripts/contribution-form.js" in sizes
    assert total <= MAX_GZIP_BYTES, sizes
