"""The contribution form (/bidra/skjema/) in Chromium: what it writes loads to what was typed, it says
what `make validate` says, a case typed with the keyboard alone is accepted and published, the draft
survives a reload, and the page passes axe at phone and desktop width.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import re
import shutil

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from generator.records.catalog import load_catalog
from generator.records.load import read_yaml
from generator.records.model import Case
from generator.records.municipalities import municipality_choices, register
from generator.site import contribution_form
from generator.records.problems import LoadError
from generator.records.yaml_checks import CONTROL
from generator.text import slugify
from generator.records.catalog import load_record

from ..conftest import CASE_SLUGS, FIXTURES, ROOT, run_generator, visible_text
from ..sandbox import make_project
from .conftest import DESKTOP, PHONE, axe_violations, describe_violations, open_page

pytestmark = pytest.mark.browser

FORM = "/bidra/skjema/"
BASE_RECORD = FIXTURES / "cases" / "eksempelby.yaml"


def as_json(data):
    return json.loads(json.dumps(data, default=lambda value: value.isoformat()))


def open_form(tab, base_url, query: str = ""):
    """The form with no draft kept from an earlier test."""
    open_page(tab, base_url, FORM)
    tab.evaluate("() => localStorage.clear()")
    open_page(tab, base_url, FORM + query)
    tab.wait_for_function("() => document.querySelector('[data-ikb-form]').dataset.loaded === 'true'")


def form_yaml(tab, record: dict | None = None) -> str:
    if record is not None:
        tab.evaluate("record => window.ikbForm.load(record)", record)
    return tab.evaluate("() => window.ikbForm.toYaml(window.ikbForm.collect())")


def form_errors(tab, record: dict) -> list[dict]:
    tab.evaluate("record => window.ikbForm.load(record)", record)
    return tab.evaluate("() => window.ikbForm.check()")


# ---- the round trip: every published record, loaded into the form and written out unchanged ----

@pytest.mark.parametrize("slug", CASE_SLUGS)
def test_every_case_loads_into_the_form_and_comes_back_as_the_same_record(tab, base_url, tmp_path, slug):
    open_form(tab, base_url, f"?eksempel={slug}")
    expect(tab.locator("[data-correcting]")).to_contain_text(f"cases/{slug}.yaml")
    assert tab.evaluate("() => window.ikbForm.check()") == []
    written = tmp_path / f"{slug}.yaml"
    written.write_text(form_yaml(tab), encoding="utf-8")
    original = load_catalog(ROOT).cases[slug]
    assert load_record(written, Case, tmp_path) == original


def test_correcting_a_case_hands_in_the_same_file_name(tab, base_url):
    slug = CASE_SLUGS[0]
    open_form(tab, base_url, f"?eksempel={slug}")
    tab.get_by_role("button", name="Kontroller og lag filen").click()
    expect(tab.locator("[data-file-name]")).to_have_text(f"cases/{slug}.yaml")


# ---- the YAML writer: any text comes back as typed, or is refused with the loader's own words ----

PIECES = [
    '"', "'", ":", ": ", " #", "#", "- ", "-", "? ", "yes", "no", "on", "off", "Yes", "NO", "null", "~", "true",
    "0047 22 33 44 55", "0777", "1:30", "12", "1.5", "1e3", "2024-01-01", "\n", "\n\n", "\t", "\\", "\\n",
    "😀", "👩🏽‍🌾", "مرحبا بكم", "שלום", "{{ page }}", "{% raw %}", "<script>alert(1)</script>", "&amp;", "&a", "*b",
    "!tag", "%", "@", "`", "|", ">", "[", "]", "{", "}", ",", "Ærlig", "ø", "å", " ", "  ", "\u00a0", "\u2028", "\u2029",
    "ʼ", "æøå", "«sitat» i teksten", "x",
]
INVISIBLE = ["\u200b", "\u00ad", "\u2060", "\u202e", "\ufeff", "\u200d", "\u0007"]


def generated_strings(count: int = 300) -> list[str]:
    rng = random.Random(19)
    found = []
    for _ in range(count):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 6)))
        if text.strip() and "..." not in text:
            found.append(text)
    return found


def test_generated_strings_load_with_the_strict_loader_exactly_as_typed(tab, base_url, tmp_path):
    open_form(tab, base_url)
    texts = [*PIECES, *generated_strings()]
    # What the loader refuses (a zero-width joiner inside an emoji too) is for the next test.
    texts = [t for t in texts if t.strip() and not CONTROL.search(t)]
    assert len(texts) > 250
    # A one-line field drops line breaks as it is typed (the browser does), so it gets the texts without.
    single = [t for t in texts if "\n" not in t]
    record = {"title": "Tekstprøve", "success_factors": texts, "aliases": single, "summary": "\n".join(texts[:40])}
    written = tmp_path / "tekst.yaml"
    written.write_text(form_yaml(tab, record), encoding="utf-8")
    data, _marks = read_yaml(written)
    assert data["success_factors"] == [t.strip() for t in texts]
    assert data["aliases"] == [t.strip() for t in single]
    assert data["summary"] == "\n".join(texts[:40]).strip()


@pytest.mark.parametrize("invisible", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_characters_are_refused_with_the_loaders_message(tab, base_url, tmp_path, invisible):
    open_form(tab, base_url)
    title = f"Båts{invisible}fjord kommune"
    written = tmp_path / "usynlig.yaml"
    written.write_text(form_yaml(tab, {"title": title}), encoding="utf-8")
    with pytest.raises(LoadError) as refused:
        read_yaml(written)
    errors = form_errors(tab, {"title": title})
    assert {"path": "title", "message": refused.value.problems[0].message} in errors


# ---- verdict parity: the same faulty records to the form and to the validator ----

def _base() -> dict:
    data, _marks = read_yaml(BASE_RECORD)
    return as_json(data)


def _mutations() -> dict:
    """name -> a change to the valid base record that breaks one rule the form checks."""
    future = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    other_title = load_catalog(ROOT).sorted_cases()[0][1].title

    def put(path, value):
        def change(record):
            target = record
            for part in path[:-1]:
                target = target[part]
            if value is None:
                target.pop(path[-1], None)
            else:
                target[path[-1]] = value
        return change

    def add_source(source):
        return lambda record: record["sources"].append(source)

    return {
        "gyldig": lambda record: None,
        "tittel-mangler": put(("title",), None),
        "tittel-for-lang": put(("title",), "x" * 201),
        "tittel-usynlig-tegn": put(("title",), "Eksempel\u200bby"),
        "tittel-som-en-annen-case": put(("title",), other_title.upper()),
        "tittel-fra-startfilen": put(("title",), "Min kommune: praksis"),
        "sammendrag-i-typografiske-anforselstegn": put(("summary",), "«Et sammendrag»"),
        "sammendrag-for-langt": put(("summary",), "x" * 4001),
        "bakgrunn-tre-prikker": put(("background",), "..."),
        "tema-mangler": put(("themes",), []),
        "kilde-id-ugyldig": add_source({"id": "Ny Kilde", "title": "Ny"}),
        "kilde-id-to-ganger": add_source({"id": "testkilde", "title": "Igjen"}),
        "kilde-url-uten-https": add_source({"id": "ny", "title": "Ny", "url": "ftp://eksempel.no/rapport"}),
        "kilde-dato-i-framtiden": add_source({"id": "ny", "title": "Ny", "published": future}),
        "kilde-dato-umulig": add_source({"id": "ny", "title": "Ny", "published": "2024-13-01"}),
        "ukjent-kilde": put(("key_figures", 0, "source"), "finnes-ikke"),
        "arstall-usannsynlig": put(("key_figures", 0, "year"), 1800),
        "arstall-som-tekst": put(("key_figures", 0, "year"), "tjue"),
        "tall-som-tekst": put(("key_figures", 0, "value"), "mange"),
        "tall-uten-ar": lambda record: record["key_figures"][0].pop("year"),
        "prosent-over-100": lambda record: record["key_figures"][0].update(unit="prosent", value=150),
        "negativt-antall": lambda record: record["key_figures"][0].update(unit="antall", value=-3),
        "brok-av-personer": put(("key_figures", 0, "value"), 4.5),
        "brok-av-personer-avrund": put(("key_figures", 0, "value"), 0.25),
        "punkt-prosent-over-100": put(("results", 0, "points", 1, "value"), 120),
        "punkt-negativt": put(("results", 0, "points", 1, "value"), -1),
        "punkt-samme-ar": put(("results", 0, "points", 1, "year"), 2019),
        "to-hovedresultater": lambda record: (record["key_figures"][0].update(headline=True),
                                              record["results"][0].update(headline=True)),
        "fylke-mangler": lambda record: (record["municipalities"][0].pop("region"),
                                         record["municipalities"][0].update(region_basis="offentlig-inndeling")),
        "fylke-mangler-for-delt-navn": lambda record: (record["municipalities"][0].pop("region"),
                                                       record["municipalities"][0].update(name="Herøy")),
        "fylke-feil": put(("municipalities", 0, "region"), "troms"),
        "fylke-feil-tidligere-fylke": put(("municipalities", 0, "region"), "oppland"),
        "kommune-ikke-i-listen": put(("municipalities", 0, "name"), "Tastaturby"),
        "kommune-skrevet-uten-ae-o-a": put(("municipalities", 0, "name"), "Raelingen"),
        "kommune-tidligere-i-feil-fylke": lambda record: record["municipalities"][0].update(name="Kvalsund"),
        "kontakt-uten-telefon-mobil-og-e-post": lambda record: (record["contacts"][0].pop("phones"),
                                                                record["contacts"][0].pop("name")),
        "to-kilder-med-samme-tittel": add_source({"id": "ny", "title": " EN  TESTKILDE"}),
        "tall-med-naermere": put(("key_figures", 0, "value"), "nærmere 40"),
        "tall-i-millioner": put(("key_figures", 0, "value"), "5,706 mill."),
        "tall-i-milliarder-med-forbehold-i-punkt": put(("results", 0, "points", 1, "value"), "drøyt 1,2 mrd. kr"),
        "tall-som-spenn": put(("key_figures", 0, "value"), "mellom 18 og 55"),
        "brok-av-kroner": lambda record: record["key_figures"][0].update(unit="kroner", value=4.21),
        "innbyggertall-null": put(("municipalities", 0, "population", "value"), 0),
        "e-post-ugyldig": put(("contacts", 0, "email"), "kari@"),
        "telefon-med-bokstaver": put(("contacts", 0, "phones"), ["tolv"]),
        "telefon-for-kort": put(("contacts", 0, "phones"), ["912 34"]),
        "telefon-starter-med-1": put(("contacts", 0, "phones"), ["123 45 678"]),
        "telefon-utenlandsk": put(("contacts", 0, "phones"), ["+46 70 123 45 67"]),
        "telefon-med-ord-rundt": put(("contacts", 0, "phones"), ["Mobil: 913 54 954 (jobb)"]),
        "telefon-med-ord-og-for-kort": put(("contacts", 0, "phones"), ["tlf 123 45"]),
        "oppdatert-dato-som-tekst": put(("updated",), "i fjor"),
        "organisasjon-beskrivelse-mangler": lambda record: record["organisation"].pop("description"),
        "nettadresse-uten-https": add_source({"id": "ny", "title": "Ny", "url": "www.eksempel.no/rapport"}),
        "nettadresse-med-mellomrom": add_source({"id": "ny", "title": "Ny", "url": "https://eksempel.no/en rapport"}),
        "nettadresse-med-anforselstegn": add_source({"id": "ny", "title": "Ny", "url": 'https://eksempel.no/"rapport"'}),
        "arstall-som-periode": put(("key_figures", 0, "year"), "2019–2020"),
        "arstall-som-periode-i-punkt": put(("results", 0, "points", 0, "year"), "2019/20"),
        "arstall-med-ord-etter": put(("key_figures", 0, "year"), "2019 (anslag)"),
        "tall-med-prosenttegn": put(("key_figures", 0, "value"), "55 %"),
        "tall-med-ca": put(("key_figures", 0, "value"), "ca. 40"),
        "tall-med-over-i-punkt": put(("results", 0, "points", 1, "value"), "over 60"),
        "dato-med-punktum": put(("updated",), "31.12.2023"),
    }


MUTATIONS = _mutations()


@pytest.fixture(scope="module")
def validator_root(tmp_path_factory):
    """A project with the real cases and templates, for the validator's cross-file checks."""
    root = tmp_path_factory.mktemp("parity")
    for folder in ("cases", "templates"):
        shutil.copytree(ROOT / folder, root / folder)
    return root


def _path_at(marks: dict, line: int, column: int) -> str:
    at = [p for p, place in marks.items() if place == (line, column) and (not p or p[0] != "<key>")]
    return ".".join(map(str, max(at, key=len))) if at else ""


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_the_form_and_the_validator_give_the_same_verdict_on_the_same_field(tab, base_url, validator_root, name):
    record = _base()
    MUTATIONS[name](record)
    open_form(tab, base_url)
    form = form_errors(tab, record)
    probe = validator_root / "cases" / f"zz-{name}.yaml"
    probe.write_text(form_yaml(tab), encoding="utf-8")
    try:
        catalog = load_catalog(validator_root)
    finally:
        probe.unlink()
    display = f"cases/{probe.name}"
    marks = catalog.marks.get(display, {})
    python = [{"path": _path_at(marks, p.line, p.column), "message": p.message} for p in catalog.problems if p.path == display]
    assert bool(form) == bool(python), f"form: {form}\nmake validate: {python}"
    if name == "gyldig":
        return
    assert python[0]["message"] in [error["message"] for error in form], f"form: {form}\nmake validate: {python}"
    flagged = next(error for error in form if error["message"] == python[0]["message"])
    assert flagged["path"].startswith(python[0]["path"]), f"form: {flagged}\nmake validate: {python[0]}"


# ---- keyboard only: a new case from a fixture, downloaded, validated, built and shown ----

NEW_CASE = {
    "title": "Tastaturby: språkpraksis og «fadder» i to spor",
    "summary": "Tastaturby gir alle deltakere praksis med fadder.\nDe følger opp arbeidsgiverne hver måned: 100 % oppmøte.",
    "sources": [{"id": "arsmelding", "title": "Årsmelding for flyktningtjenesten", "published_year": 2023}],
    "language": "nb",
    "municipalities": [{"name": "Bindal", "region": "nordland",
                        "population": {"label": "Innbyggere", "value": "4210", "unit": "personer", "year": "2023",
                                       "source": "arsmelding"},
                        "immigrant_share": {"label": "Andel innvandrere", "value": "12,5", "unit": "prosent",
                                            "year_note": "oppgitt uten år", "source": "arsmelding"}}],
    "aliases": ["Tastaturmodellen"],
    "themes": ["organisering", "sprakopplaering"],
    "target_groups": ["flyktninger"],
    "organisation": {"model": "egen-tjeneste", "unit": "Flyktningtjenesten",
                     "description": "Et eget team følger opp deltakerne: #1 er arbeid."},
    "background": "Kommunen tok imot flere flyktninger enn før.",
    "practices": [
        {"name": "Språkpraksis med fadder", "description": "Praksis fra første uke.", "source": "arsmelding",
         "target_groups": ["introduksjonsdeltakere"]},
        {"name": "Jobbklubb", "description": "Ukentlig jobbklubb: yes, på tirsdager.", "source": "arsmelding"},
    ],
    "success_factors": ["Tett oppfølging"],
    "challenges": ["Få praksisplasser"],
    "key_figures": [{"label": "Deltakere", "value": "38", "unit": "personer", "year": "2023", "source": "arsmelding"}],
    "results": [{"label": "I arbeid eller utdanning", "definition": "Andel etter programmet.", "source": "arsmelding",
                 "points": [{"year": "2021", "value": "55"}, {"year": "2022", "value": "61,5"},
                            {"year": "2023", "value": "70"}]}],
    "contacts": [{"name": "Kari Tastesen", "role": "Leder", "organisation": "Tastaturby kommune",
                  "phones": ["0047 75 12 34 56"], "source": "arsmelding"},
                 {"role": "Koordinator", "organisation": "Tastaturby kommune", "mobile": "913 54 954",
                  "source": "arsmelding"}],
    "people": [{"name": "Ola Tastesen", "role": "Rådgiver", "source": "arsmelding",
                "statements": [{"summary": "Fadderne er nøkkelen."}]}],
    "partners": [{"name": "NAV Tastaturby", "role": "Arbeidstrening"}],
    "literature": [{"title": "En rapport om språkpraksis", "year": "2019", "url": "http://rapport.example/praksis",
                    "note": "Kan lånes på biblioteket."}],
    "related": [CASE_SLUGS[0]],
    "updated": "2024-05-31",
    "last_verified": "2024-05-31",
}


def _fields(tab, container: str) -> list[dict]:
    """The direct fields of a container, read (not changed) from the page."""
    return tab.evaluate(
        """sel => {
            const box = document.querySelector(sel);
            const owner = n => n.parentElement.closest('[data-key], [data-item], [data-ikb-form]');
            return [...box.querySelectorAll('[data-key]')].filter(n => owner(n) === box).map(n => ({
                key: n.dataset.key, kind: n.dataset.kind,
                id: (n.matches('fieldset') ? n : n.querySelector('input, select, textarea')).id,
                add: n.dataset.kind === 'list' ? n.querySelector(':scope > [data-add]').id || null : null,
                sel: '#' + (n.id || n.querySelector('input, select, textarea').id),
            }));
        }""",
        container,
    )


def _tab_to(tab, element_id: str, limit: int = 1500):
    for _ in range(limit):
        if tab.evaluate("() => document.activeElement && document.activeElement.id") == element_id:
            return
        tab.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def _tab_to_element(tab, handle, limit: int = 1500):
    for _ in range(limit):
        if tab.evaluate("el => document.activeElement === el", handle):
            return
        tab.keyboard.press("Tab")
    raise AssertionError("Tab never reached the element")


def _type_value(tab, field: dict, value, typed: set):
    typed.add(str(value))
    _tab_to(tab, field["id"])
    kind = field["kind"]
    if kind in ("choice", "cite"):
        index = tab.evaluate("([id, v]) => [...document.getElementById(id).options].findIndex(o => o.value === v)",
                             [field["id"], value])
        assert index > 0, f"{field['key']}: no option {value}"
        tab.keyboard.press("Home")
        for _ in range(index):
            tab.keyboard.press("ArrowDown")
    elif kind == "textarea":
        for number, line in enumerate(str(value).split("\n")):
            if number:
                tab.keyboard.press("Enter")
            tab.keyboard.type(line)
    else:
        tab.keyboard.type(str(value))


_IDS = iter(range(1, 1_000_000))


def _next_id() -> int:
    return next(_IDS)


def _type_into(tab, container: str, record: dict, typed: set):
    """Type the record's values into the fields the form has for them; what was typed goes into `typed`."""
    for field in _fields(tab, container):
        value = record.get(field["key"])
        if value is None:
            continue
        kind = field["kind"]
        if kind == "object":
            _type_into(tab, field["sel"], value, typed)
        elif kind == "choices":
            for box in tab.locator(f"{field['sel']} input").element_handles():
                if box.get_attribute("value") in value:
                    _tab_to_element(tab, box)
                    tab.keyboard.press("Space")
        elif kind == "list":
            values = [value] if isinstance(value, dict) and not isinstance(value, list) else value
            for index, one in enumerate(values):
                items = tab.locator(f"{field['sel']} > [data-items] > [data-item]")
                if index >= items.count():
                    add = tab.locator(f"{field['sel']} > [data-add]").element_handle()
                    _tab_to_element(tab, add)
                    tab.keyboard.press("Enter")
                    assert tab.evaluate("() => document.activeElement.closest('[data-item]') !== null")
                item = items.nth(index)
                item_id = item.evaluate("(el, n) => el.id || (el.id = 'proveelement-' + n)", _next_id())
                if isinstance(one, dict):
                    _type_into(tab, f"#{item_id}", one, typed)
                else:
                    inner = _fields(tab, f"#{item_id}")[0]
                    _type_value(tab, inner, one, typed)
        else:
            _type_value(tab, field, value, typed)


@pytest.fixture(scope="module")
def typed_case(browser, base_url, tmp_path_factory):
    """The fixture typed into the form with the keyboard alone, and the file the form downloads."""
    context = browser.new_context(viewport=DESKTOP, locale="nb-NO", accept_downloads=True)
    context.route(lambda url: not url.startswith(base_url), lambda route: route.abort())
    tab = context.new_page()
    open_form(tab, base_url)
    typed: set = set()
    _type_into(tab, "[data-ikb-form]", NEW_CASE, typed)
    submit = tab.get_by_role("button", name="Kontroller og lag filen").element_handle()
    _tab_to_element(tab, submit)
    tab.keyboard.press("Enter")
    summary = tab.locator("[data-summary]")
    assert summary.is_hidden(), summary.inner_text()
    download_button = tab.get_by_role("button", name="Last ned filen").element_handle()
    _tab_to_element(tab, download_button)
    with tab.expect_download() as download:
        tab.keyboard.press("Enter")
    folder = tmp_path_factory.mktemp("typed")
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    context.close()
    return saved, typed


# Typed texts the case page shows (of those the model has a field for when the test runs).
SHOWN = ("Tett oppfølging", "Få praksisplasser", "Språkpraksis med fadder", "Jobbklubb", "Kari Tastesen",
         "Fadderne er nøkkelen.", "NAV Tastaturby", "Et eget team følger opp deltakerne: #1 er arbeid.")


def test_a_case_typed_with_the_keyboard_alone_is_accepted_built_and_shown(typed_case, tmp_path):
    typed_case, typed = typed_case
    assert typed_case.name == "bindal.yaml"
    assert {NEW_CASE["title"], NEW_CASE["summary"], "61,5", CASE_SLUGS[0]} <= typed
    project = make_project(tmp_path / "prosjekt", cases={typed_case.name: typed_case.read_text(encoding="utf-8")},
                           site=True)
    for folder in ("cases", "templates"):  # a copy of the repository with the new file added
        shutil.copytree(ROOT / folder, project / folder, dirs_exist_ok=True)
    checked = run_generator("validate", cwd=project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = run_generator("build", "--site-dir", str(tmp_path / "site"), cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    page = (tmp_path / "site" / "eksempler" / "bindal" / "index.html").read_text(encoding="utf-8")
    text = visible_text(BeautifulSoup(page, "html.parser"))
    related_title = load_catalog(ROOT).cases[CASE_SLUGS[0]].title
    for shown in (NEW_CASE["title"], related_title, *(t for t in SHOWN if t in typed)):
        assert shown in text, shown
    record = load_record(project / "cases" / typed_case.name, Case, project)
    assert [p.value for p in record.results[0].points] == [55, 61.5, 70]
    assert "0047 75 12 34 56" in str(record.contacts[0].phones)
    assert record.summary == NEW_CASE["summary"]
    assert record.municipalities[0].immigrant_share.value == 12.5 and record.related == [CASE_SLUGS[0]]
    assert record.aliases == ["Tastaturmodellen"] and record.contacts[0].last_verified is None
    assert record.contacts[1].name is None and record.contacts[1].mobile == "913 54 954"
    assert record.municipalities[0].region == "nordland" and record.literature[0].note == "Kan lånes på biblioteket."


# ---- the draft ----

def test_the_draft_survives_a_reload_and_is_deleted_only_when_confirmed(tab, base_url):
    open_form(tab, base_url)
    tab.locator("#f-title").fill("Utkastby: noe å ta vare på")
    tab.locator("#f-summary").fill("Første linje.\nAndre linje.")
    tab.reload()
    expect(tab.locator("#f-title")).to_have_value("Utkastby: noe å ta vare på")
    expect(tab.locator("#f-summary")).to_have_value("Første linje.\nAndre linje.")
    expect(tab.locator("[data-status]")).to_have_text("Utkastet ditt er hentet fram.")
    tab.get_by_role("button", name="Slett utkastet", exact=True).click()
    tab.get_by_role("button", name="Nei, behold det").click()
    expect(tab.locator("#f-title")).to_have_value("Utkastby: noe å ta vare på")
    tab.get_by_role("button", name="Slett utkastet", exact=True).click()
    expect(tab.locator("[data-confirm]")).to_be_focused()
    tab.get_by_role("button", name="Ja, slett utkastet").click()
    expect(tab.locator("#f-title")).to_have_value("")
    tab.reload()
    expect(tab.locator("#f-title")).to_have_value("")


def test_adding_and_removing_a_practice_moves_focus_and_is_announced(tab, base_url):
    open_form(tab, base_url)
    practices = tab.locator('[data-ikb-form] > [data-key="practices"] > [data-items] > [data-item]')
    expect(practices).to_have_count(1)
    tab.get_by_role("button", name="Legg til tiltak").click()
    expect(practices).to_have_count(2)
    expect(practices.nth(1).locator("input").first).to_be_focused()
    expect(tab.locator("[data-status]")).to_have_text("Tiltak 2 er lagt til.")
    tab.get_by_role("button", name="Fjern tiltak 1").click()
    expect(practices).to_have_count(1)
    expect(practices.nth(0).locator("legend").first).to_have_text("Tiltak 1")
    expect(practices.nth(0).locator("input").first).to_be_focused()
    expect(tab.locator("[data-status]")).to_have_text("Tiltak 1 er fjernet.")


def test_a_source_typed_once_is_offered_by_title_wherever_a_source_is_cited(tab, base_url):
    open_form(tab, base_url)
    source = tab.locator('[data-ikb-form] > [data-key="sources"] > [data-items] > [data-item]').first
    title = source.locator('[data-key="title"] input')
    title.fill("Årsmelding 2023")
    expect(source.locator('[data-key="id"] input')).to_have_value("arsmelding-2023")
    cited = tab.locator('[data-key="practices"] [data-key="source"] select').first
    cited.select_option(label="Årsmelding 2023 (arsmelding-2023)")
    title.fill("Årsmelding for 2023")
    expect(cited).to_have_value("arsmelding-for-2023")
    expect(cited.locator("option:checked")).to_have_text("Årsmelding for 2023 (arsmelding-for-2023)")
    record = tab.evaluate("() => window.ikbForm.collect()")
    assert record["practices"][0]["source"] == record["sources"][0]["id"] == "arsmelding-for-2023"


def test_a_municipality_is_offered_from_the_classification_and_brings_its_county(tab, base_url):
    choices = municipality_choices()
    open_form(tab, base_url)
    place = tab.locator('[data-ikb-form] > [data-key="municipalities"] > [data-items] > [data-item]').first
    name = place.locator('[data-key="name"] input')
    offered = tab.evaluate("id => [...document.getElementById(id).options].map(o => o.value)", name.get_attribute("list"))
    assert offered == list(choices)
    one, (_number, county, _part_of) = next((n, c) for n, c in choices.items() if len(register().find(n)) == 1)
    name.fill(one)
    expect(place.locator('[data-key="region"] select')).to_have_value(county)
    basis = contribution_form.county_basis(contribution_form.case_schema())
    expect(place.locator('[data-key="region_basis"] select')).to_have_value(basis)
    expect(tab.locator("[data-status]")).to_contain_text("Fylket er fylt inn")
    # A name two counties share fills nothing: the county is the contributor's to choose.
    shared = next(n for n in choices if len({k.county for k in register().find(n.split(" (")[0])}) > 1).split(" (")[0]
    place.locator('[data-key="region"] select').select_option("")
    name.fill(shared)
    expect(place.locator('[data-key="region"] select')).to_have_value("")


def test_the_error_summary_links_to_each_field(tab, base_url):
    open_form(tab, base_url)
    tab.get_by_role("button", name="Kontroller og lag filen").click()
    summary = tab.locator("[data-summary]")
    expect(summary).to_be_focused()
    links = summary.get_by_role("link")
    assert links.count() == tab.locator("[data-error]:visible").count() > 1
    summary.get_by_role("link", name="Tittel: mangler feltet «title»", exact=True).click()
    expect(tab.locator("#f-title")).to_be_focused()
    described = tab.locator("#f-title").get_attribute("aria-describedby").split()
    assert described == ["f-title-hint", "f-title-error"]
    expect(tab.locator("#f-title-hint")).to_have_text(Case.model_fields["title"].description)
    expect(tab.locator("#f-title-error")).to_have_text("mangler feltet «title»")


# ---- universal design ----

def _open_every_group(tab):
    tab.evaluate("""() => {
        for (const list of document.querySelectorAll('[data-ikb-form] [data-kind="list"]')) {
            const add = list.querySelector(':scope > [data-add]');
            if (!list.querySelector(':scope > [data-items] > [data-item]') && !add.hidden) add.click();
        }
    }""")
    # Lists inside the groups just opened (points, statements, phones) are opened on the second pass.
    tab.evaluate("""() => {
        for (const list of document.querySelectorAll('[data-ikb-form] [data-kind="list"]')) {
            const add = list.querySelector(':scope > [data-add]');
            if (!list.querySelector(':scope > [data-items] > [data-item]') && !add.hidden) add.click();
        }
    }""")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_form_with_every_group_open_and_errors_shown_has_no_violations(tab, base_url, viewport):
    tab.set_viewport_size(viewport)
    open_form(tab, base_url)
    _open_every_group(tab)
    tab.locator("#f-title").fill("Eksempel\u200bby")
    tab.get_by_role("button", name="Kontroller og lag filen").click()
    expect(tab.locator("[data-summary]")).to_be_visible()
    untied = tab.evaluate("""() => [...document.querySelectorAll('[data-ikb-form] .ikb-form__hint')].filter(hint =>
        !hint.id || !document.querySelector(`[aria-describedby~="${hint.id}"]`)).map(hint => hint.textContent)""")
    assert untied == [], "help texts no control is described by"
    violations = axe_violations(tab)
    violations += axe_violations(tab, runOnly={"type": "tag", "values": ["best-practice", "wcag22aa"]})
    assert not violations, describe_violations(violations)
    width = tab.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"sideways scroll at {viewport['width']} px: {width}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_finished_file_has_no_violations_and_says_how_to_hand_it_in(tab, base_url, viewport):
    tab.set_viewport_size(viewport)
    open_form(tab, base_url, f"?eksempel={CASE_SLUGS[0]}")
    tab.get_by_role("button", name="Kontroller og lag filen").click()
    result = tab.locator("[data-result]")
    expect(result).to_be_focused()
    expect(result.get_by_role("heading", name="Slik sender du inn filen")).to_be_visible()
    # The test site is built without repo_url: the form says so and offers the download.
    expect(result).to_contain_text("bygget uten adresse til et kodelager")
    result.locator("summary").click()  # the file's text, shown
    expect(result.locator("[data-preview]")).to_be_visible()
    width = tab.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1], f"sideways scroll at {viewport['width']} px: {width}"
    violations = axe_violations(tab)
    assert not violations, describe_violations(violations)


# ---- handing in on GitHub, as the site is built with a repository ----

REPO = "https://github.com/eksempel/kunnskapsbank"


EDITORS = "redaksjonen@kommune.test"


@pytest.fixture(params=[None])
def repository_tab(request, tab, base_url):
    """The form as a site built with repo_url shows it: the article made with the repository's address
    (and, when the test asks, an editors' address)."""
    from generator.site import contribution_form

    article = contribution_form.page(load_catalog(ROOT), REPO, request.param).html.strip()
    end_mark = 'contribution-form.js" defer></script>'

    def rewrite(route):
        body = route.fetch().text()
        start, end = body.index('<h1 id="skriv-et-eksempel"'), body.index(end_mark) + len(end_mark)
        route.fulfill(body=body[:start] + article + body[end:], content_type="text/html; charset=utf-8")

    tab.route(re.compile(r".*/bidra/skjema/(\?.*)?$"), rewrite)
    yield tab
    tab.unroute(re.compile(r".*/bidra/skjema/(\?.*)?$"))


def _encode(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="-_.!~*'()")  # encodeURIComponent


@pytest.mark.parametrize("extra", [-1, 0, 1], ids=["7999", "8000", "8001"])
def test_the_new_file_address_carries_the_text_only_while_github_accepts_its_length(repository_tab, base_url, extra):
    from generator.site.contribution_form import MAX_URL

    tab = repository_tab
    open_form(tab, base_url)
    record = {**copy.deepcopy(_base()), "success_factors": ["a", "a", "a"]}
    name = f"{slugify(record['municipalities'][0]['name'])}.yaml"  # the file is named by the municipality
    address = f"{REPO}/new/main/cases?filename={name}&value="
    length = len(address) + len(_encode(form_yaml(tab, record)))
    grow = MAX_URL + extra - length  # each added «a» adds one character to the address
    record["success_factors"] = ["a" * (1 + grow // 3 + (grow % 3 if i == 0 else 0)) for i in range(3)]
    tab.evaluate("record => window.ikbForm.load(record)", record)
    tab.get_by_role("button", name="Kontroller og lag filen").click()
    link = tab.locator("[data-new-file]")
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    text = tab.locator("[data-preview]").text_content()
    if extra <= 0:
        assert href == address + _encode(text) and len(href) == MAX_URL + extra
    else:
        assert href == f"{REPO}/new/main/cases?filename={name}"
    expect(tab.get_by_role("link", name=re.compile("opplastingssiden"))).to_have_attribute("href", f"{REPO}/upload/main/cases")


def test_a_correction_leads_to_githubs_edit_page_for_its_file(repository_tab, base_url):
    tab = repository_tab
    slug = CASE_SLUGS[-1]
    open_form(tab, base_url, f"?eksempel={slug}")
    tab.get_by_role("button", name="Kontroller og lag filen").click()
    edit = tab.get_by_role("link", name="redigeringssiden for filen på GitHub")
    expect(edit).to_have_attribute("href", f"{REPO}/edit/main/cases/{slug}.yaml")
    expect(tab.locator("[data-new-file]")).to_be_hidden()


def test_deleting_the_draft_of_a_correction_brings_back_the_published_case(tab, base_url):
    slug = CASE_SLUGS[0]
    published = load_catalog(ROOT).cases[slug].title
    open_form(tab, base_url, f"?eksempel={slug}")
    expect(tab.locator("#f-title")).to_have_value(published)
    tab.locator("#f-title").fill("Rettet tittel")
    tab.reload()
    expect(tab.locator("#f-title")).to_have_value("Rettet tittel")
    tab.get_by_role("button", name="Slett utkastet", exact=True).click()
    tab.get_by_role("button", name="Ja, slett utkastet").click()
    expect(tab.locator("#f-title")).to_have_value(published)
    tab.reload()
    expect(tab.locator("#f-title")).to_have_value(published)


@pytest.mark.parametrize("repository_tab", [EDITORS], indirect=True)
def test_with_an_editors_address_the_file_can_go_by_e_mail(repository_tab, base_url):
    tab = repository_tab
    open_form(tab, base_url, f"?eksempel={CASE_SLUGS[0]}")
    tab.get_by_role("button", name="Kontroller og lag filen").click()
    mail = tab.get_by_role("link", name="Send filen som vedlegg til redaksjonen")
    expect(mail).to_have_attribute("href", re.compile(rf"^mailto:{re.escape(EDITORS)}\?subject=.*{CASE_SLUGS[0]}\.yaml$"))


def test_opening_githubs_new_file_page_puts_the_file_on_the_clipboard(repository_tab, base_url):
    tab = repository_tab
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    open_form(tab, base_url)
    tab.evaluate("record => window.ikbForm.load(record)", _base())
    tab.get_by_role("button", name="Kontroller og lag filen").click()
    # The page stays: the test follows what the link does here, not GitHub.
    tab.evaluate("() => document.addEventListener('click', event => event.preventDefault(), true)")
    tab.get_by_role("link", name="lag filen direkte på GitHub").click()
    text = tab.locator("[data-preview]").text_content()
    tab.wait_for_function("text => navigator.clipboard.readText().then(t => t === text)", arg=text)
    tab.context.clear_permissions()


# Where the form starts, and where the page's footer stands, at a phone's width.
FORM_PLACE = """() => [Math.round(document.querySelector("[data-ikb-form]").getBoundingClientRect().top),
  Math.round(document.querySelector("footer").getBoundingClientRect().top)]"""


def test_the_form_keeps_its_place_before_its_script_shows_it(browser_context, base_url):
    # A slow phone paints the page before the form's script has run. The form must already hold its
    # place then, so the footer is out of sight and nothing jumps when the form appears. The script is
    # served empty here, so nothing depends on when a paint happens.
    tab = browser_context.new_page()
    try:
        tab.set_viewport_size(PHONE)
        tab.route(f"**/{contribution_form.SCRIPT.rsplit('/', 1)[-1]}",
                  lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))
        open_page(tab, base_url, FORM)
        form_top, footer_top = tab.evaluate(FORM_PLACE)
        assert footer_top >= PHONE["height"], "the footer shows on the first screen before the form appears"
        tab.unroute(f"**/{contribution_form.SCRIPT.rsplit('/', 1)[-1]}")
        open_page(tab, base_url, FORM)
        tab.wait_for_function("() => document.querySelector('[data-ikb-form]').dataset.loaded === 'true'")
        assert tab.evaluate(FORM_PLACE)[0] == form_top
    finally:
        tab.close()
