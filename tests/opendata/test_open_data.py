"""Open data on the built site, checked by readers that did not write it.

JSON against the published JSON Schema (jsonschema), CSV against the Data Package (frictionless), vCards
(vobject), the Atom feed (feedparser), JSON-LD (json), the sitemap (ElementTree). The real site shows
that every file is there and right; a throwaway project with records dated long ago and hostile text
shows that dates come from the records and that no record text can break a file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import frictionless
import pytest
import vobject
import yaml
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator, FormatChecker
from mkdocs.utils import get_build_date
from referencing import Registry, Resource

from generator.opendata import bundle, jsonld, records, vcard
from generator.records.catalog import load_catalog

from tests.conftest import CASE_SLUGS, FIXTURES, ROOT, run_generator
from tests.sandbox import make_project

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HOSTILE_TITLE = 'Angrep </title><script>alert("title")</script>'


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory) -> Path:
    """A project whose records were last changed on other days than today, one of them hostile."""
    cases = {
        "eksempelby.yaml": (FIXTURES / "cases" / "eksempelby.yaml").read_text("utf-8"),  # updated 2024-01-01
        "angrep.yaml": (FIXTURES / "hostile" / "angrep.yaml").read_text("utf-8"),  # updated 2026-01-01
    }
    project = make_project(tmp_path_factory.mktemp("opendata"), cases, site=True)
    result = run_generator("build", "--site-dir", str(project / "site"), cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def soup_of(site: Path, location: str) -> BeautifulSoup:
    return BeautifulSoup((site / location / "index.html").read_text(encoding="utf-8"), "html.parser")


def validator_for(site: Path, schema_file: Path) -> Draft202012Validator:
    """A validator for a published schema; relative $refs are fetched from the site's files."""

    def retrieve(uri: str) -> Resource:
        return Resource.from_contents(json.loads((schema_file.parent / uri).read_text(encoding="utf-8")))

    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=Registry(retrieve=retrieve), format_checker=FormatChecker())


def errors(validator: Draft202012Validator, instance) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in validator.iter_errors(instance)]


def csv_rows(site: Path, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO((site / "data" / name).read_text(encoding="utf-8"), newline="")))


def record_figures(case) -> list:
    figures = [f for m in case.municipalities for f in (m.population, m.immigrant_share) if f]
    return figures + list(case.key_figures)


# --- JSON and the published schema ---------------------------------------------------------------


@pytest.mark.parametrize("which", ["real", "dated"])
def test_every_json_file_validates_against_the_published_schema(which, site, dated_site):
    root = site if which == "real" else dated_site
    files = sorted((root / "data").rglob("*.json"))
    assert root / "data" / "cases.json" in files
    everything = json.loads((root / "data" / "cases.json").read_text(encoding="utf-8"))
    named_schema = (root / "data" / everything["$schema"]).resolve()
    assert named_schema.is_file(), f"$schema {everything['$schema']} is not published"
    assert errors(validator_for(root, named_schema), everything) == []
    case_schema = validator_for(root, root / "schema" / "case.schema.json")
    for path in files:
        if path.name in ("cases.json", "datapackage.json"):
            continue
        assert path.parent.name == "cases", f"no schema known for {path}"
        assert errors(case_schema, json.loads(path.read_text(encoding="utf-8"))) == [], path.name
    assert sorted(p.stem for p in (root / "data" / "cases").glob("*.json")) == sorted(everything["cases"])


def test_published_schema_refuses_a_broken_case(site):
    """The schema is a real check: a case missing its title, with an unknown theme, does not pass."""
    case = json.loads((site / "data" / "cases" / "ralingen.json").read_text(encoding="utf-8"))
    del case["title"]
    case["themes"] = ["ukjent-tema"]
    found = errors(validator_for(site, site / "schema" / "case.schema.json"), case)
    assert any("title" in e for e in found) and any("ukjent-tema" in e for e in found)


@pytest.mark.parametrize("slug", CASE_SLUGS)
def test_case_json_holds_what_the_yaml_record_says(slug, site):
    published = json.loads((site / "data" / "cases" / f"{slug}.json").read_text(encoding="utf-8"))
    record = yaml.safe_load((ROOT / "cases" / f"{slug}.yaml").read_text(encoding="utf-8"))
    assert published["title"] == record["title"]
    assert published["updated"] == record["updated"].isoformat()
    assert [m["name"] for m in published["municipalities"]] == [m["name"] for m in record["municipalities"]]
    assert [f["value"] for f in published["key_figures"]] == [f["value"] for f in record.get("key_figures", [])]
    assert [c["phones"] for c in published["contacts"]] == [c.get("phones", []) for c in record.get("contacts", [])]
    everything = json.loads((site / "data" / "cases.json").read_text(encoding="utf-8"))
    assert everything["cases"][slug] == published


# --- CSV and the Data Package ---------------------------------------------------------------------


@pytest.mark.parametrize("which", ["real", "dated"])
def test_csv_files_validate_against_the_datapackage(which, site, dated_site):
    root = site if which == "real" else dated_site
    report = frictionless.validate(str(root / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} == {"cases.csv", "key_figures.csv"}
    assert all(r["profile"] == "tabular-data-resource" for r in package["resources"])
    titles = [row["title"] for row in csv_rows(root, "cases.csv")]
    assert which == "real" or any(title.startswith(HOSTILE_TITLE) for title in titles)


def test_datapackage_catches_a_wrong_unit_and_an_unknown_case(site, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(site / "data", data)
    figures = (data / "key_figures.csv").read_bytes().decode("utf-8")
    assert "\r\nralingen,kommune," in figures
    broken = figures.replace("\r\nralingen,kommune,", "\r\nraelingen,kommune,", 1).replace(",personer,", ",folk,", 1)
    assert broken != figures
    (data / "key_figures.csv").write_text(broken, encoding="utf-8", newline="")
    report = frictionless.validate(str(data / "datapackage.json"))
    kinds = {error[0] for error in report.flatten(["type"])}
    assert {"foreign-key", "constraint-error"} <= kinds


def test_licence_is_the_one_the_site_states(site):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^copyright:.*CC BY 4\.0", config, re.MULTILINE)
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [licence["name"] for licence in package["licenses"]] == ["CC-BY-4.0"]
    assert json.loads((site / "data" / "cases.json").read_text(encoding="utf-8"))["license"] == "CC-BY-4.0"


def test_cases_csv_has_one_row_per_case_with_its_page(site, catalog):
    rows = {row["slug"]: row for row in csv_rows(site, "cases.csv")}
    assert sorted(rows) == sorted(CASE_SLUGS)
    for slug, case in catalog.cases.items():
        row = rows[slug]
        assert row["title"] == case.title
        assert row["municipalities"].split(";") == [m.name for m in case.municipalities]
        assert row["themes"].split(";") == list(case.themes)
        assert row["updated"] == case.updated.isoformat()
        assert row["url"].endswith(f"/eksempler/{slug}/")
        assert (site / "eksempler" / slug / "index.html").is_file()


def test_open_data_started_for_another_address_is_refused_not_published_with_wrong_links(catalog):
    started = bundle.start_case_files(catalog, site_url="https://gammel.example/")
    with pytest.raises(ValueError, match="gammel.example"):
        bundle.build(catalog, "Kunnskapsbanken", "https://ny.example/", started)
    files = bundle.build(catalog, "Kunnskapsbanken", "https://ny.example/",
                         bundle.start_case_files(catalog, site_url="https://ny.example/"))
    urls = [row["url"] for row in csv.DictReader(io.StringIO(files["data/cases.csv"]))]
    assert urls == [f"https://ny.example/eksempler/{slug}/" for slug in sorted(catalog.cases)]


def test_key_figures_csv_has_every_number_with_year_and_source(site, catalog):
    rows = csv_rows(site, "key_figures.csv")
    for slug, case in catalog.cases.items():
        mine = [r for r in rows if r["case"] == slug]
        points = sum(len(result.points) for result in case.results)
        assert len(mine) == len(record_figures(case)) + points, slug
        for row in mine:
            assert row["year"] or row["year_note"], row
            assert row["source_title"] in {s.title for s in case.sources}
    raelingen = next(r for r in rows if r["case"] == "ralingen" and r["label"] == "Innbyggere")
    assert (raelingen["value"], raelingen["unit"], raelingen["year"]) == ("17185", "personer", "2015")
    assert (raelingen["figure_type"], raelingen["municipality"]) == ("kommune", "Rælingen")
    assert raelingen["source_title"] == "Flyktningteamet i Rælingen"
    lorenskog_results = [r for r in rows if r["case"] == "lorenskog" and r["figure_type"] == "resultat"]
    assert lorenskog_results and all(r["year"] for r in lorenskog_results)


# --- vCards -------------------------------------------------------------------------------------


def vcard_links(site: Path, slug: str) -> list[Path]:
    soup = soup_of(site, f"eksempler/{slug}")
    links = [a for a in soup.select("article a") if a.get_text(strip=True) == "Legg til i kontakter"]
    assert all(a.has_attr("download") for a in links)  # saved as a file, not shown as text
    return [(site / "eksempler" / slug / a["href"]).resolve() for a in links]


def assert_card_says_what_the_record_says(text: str, contact) -> None:
    """A vCard 4 read back by vobject: the name (or, for a function, the role at its workplace), every number
    with a mobile marked as a mobile, and the e-mail address."""
    assert text.splitlines()[:2] == ["BEGIN:VCARD", "VERSION:4.0"]
    card = vobject.readOne(text)
    if contact.name:
        assert card.fn.value == contact.name and card.kind.value == "individual"
        assert f"{card.n.value.given} {card.n.value.family}" == contact.name
    else:  # the function is what the reader's phone lists
        assert card.fn.value == f"{contact.role}, {contact.organisation}" and card.kind.value == "org"
    assert card.org.value == [contact.organisation]
    assert card.title.value == contact.role
    tels = card.contents.get("tel", [])
    numbers = [*contact.phones, *([contact.mobile] if contact.mobile else [])]
    assert [tel.value for tel in tels] == ["tel:+47" + re.sub(r"\D", "", n)[-8:] for n in numbers]
    assert [("cell" in tel.params["TYPE"]) for tel in tels] == [False] * len(contact.phones) + [True] * bool(contact.mobile)
    assert all(tel.params["VALUE"] == ["uri"] for tel in tels)
    assert [e.value for e in card.contents.get("email", [])] == ([contact.email] if contact.email else [])


@pytest.mark.parametrize("slug", CASE_SLUGS)
def test_each_contact_has_a_vcard_4_that_round_trips_name_and_phone(slug, site, catalog):
    case = catalog.cases[slug]
    cards = vcard_links(site, slug)
    assert len(cards) == len(case.contacts)
    for path, contact in zip(cards, case.contacts):
        assert_card_says_what_the_record_says(path.read_text(encoding="utf-8"), contact)


def test_a_contact_known_by_role_only_and_a_mobile_are_exported_as_such():
    fixture = load_catalog(ROOT, extra=[FIXTURES / "cases" / "alle-enheter.yaml"]).cases["alle-enheter"]
    assert any(c.name is None for c in fixture.contacts) and any(c.mobile for c in fixture.contacts)
    files = vcard.card_files(fixture)
    assert [name for name, _text in files] == ["kari-testesen.vcf", "lokal-prosjektleder.vcf"]
    for (_name, text), contact in zip(files, fixture.contacts):
        assert_card_says_what_the_record_says(text, contact)
    # In the open data the function stays a function: no name, its role and workplace.
    exported = records.record(fixture)["contacts"]
    assert [c["name"] for c in exported] == [c.name for c in fixture.contacts]
    assert [c["mobile"] for c in exported] == [c.mobile for c in fixture.contacts]
    points = [jsonld._contact(c) for c in fixture.contacts]
    assert points[1] == {"@type": "Organization", "name": "Enhetsvik kommune", "contactPoint": [
        {"@type": "ContactPoint", "email": "prosjekt@enhetsvik.example", "contactType": "Lokal prosjektleder"}]}
    assert points[0]["telephone"] == ["+4740000000", "+4790000000"] and points[0]["email"] == fixture.contacts[0].email


def test_raelingen_contact_card_has_the_number_from_the_record(site):
    cards = vcard_links(site, "ralingen")
    card = vobject.readOne(cards[0].read_text(encoding="utf-8"))
    assert card.fn.value == "Narges Pourzia" and card.tel.value == "tel:+4748167512"


def test_vcard_keeps_hostile_text_as_text(dated_site):
    (card_file,) = vcard_links(dated_site, "angrep")
    card = vobject.readOne(card_file.read_text(encoding="utf-8"))
    assert card.fn.value == "<script>alert(1)</script> Navn"
    assert card.tel.value == "tel:+4740000000"
    assert card.email.value == "test@example.org"  # a contact reached by e-mail only needs it on the card


# --- Atom feed ----------------------------------------------------------------------------------


def test_feed_parses_as_atom_with_one_entry_per_case_dated_from_the_record(site, catalog):
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == len(catalog.cases)
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    for entry in feed.entries:
        slug = entry.link.rstrip("/").rsplit("/", 1)[-1]
        assert dt.date(*entry.updated_parsed[:3]) == catalog.cases[slug].updated
        assert entry.title == catalog.cases[slug].title
    dates = [dt.date(*e.updated_parsed[:3]) for e in feed.entries]
    assert dates == sorted(dates, reverse=True)


def test_feed_holds_the_newest_cases_only_however_many_there_are(catalog):
    from generator.records.catalog import Catalog
    from generator.opendata import feed as feed_module

    case = next(iter(catalog.cases.values()))
    many = Catalog(cases={
        f"kommune-{i:03}": case.model_copy(update={"updated": dt.date(2020, 1, 1) + dt.timedelta(days=i)})
        for i in range(120)
    })
    text = feed_module.atom(many, "Integreringspraksis", "https://eksempel.no/", lambda slug: f"https://eksempel.no/{slug}/")
    entries = feedparser.parse(text).entries
    assert len(entries) == feed_module.FEED_ENTRIES < 120
    assert [e.link for e in entries][:2] == ["https://eksempel.no/kommune-119/", "https://eksempel.no/kommune-118/"]


def test_feed_dates_are_the_records_not_the_build_date(dated_site):
    feed = feedparser.parse((dated_site / "feed.xml").read_bytes())
    assert feed.version == "atom10" and not feed.bozo
    dates = {e.title: dt.date(*e.updated_parsed[:3]) for e in feed.entries}
    assert dates[next(t for t in dates if t.startswith("Eksempelby"))] == dt.date(2024, 1, 1)
    assert dates[next(t for t in dates if t.startswith("Angrep"))] == dt.date(2026, 1, 1)
    assert any(title.startswith(HOSTILE_TITLE) for title in dates)


def test_every_page_links_the_feed_from_its_head(site):
    for path in sorted(site.rglob("*.html")):
        head = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head
        links = head.select('link[rel="alternate"][type="application/atom+xml"]')
        assert len(links) == 1, path
        href = links[0]["href"]  # relative, or from the site root on 404.html (served at any address)
        target = site / href.lstrip("/") if href.startswith("/") else path.parent / href
        assert target.resolve() == (site / "feed.xml").resolve(), path


# --- JSON-LD ------------------------------------------------------------------------------------


def structured_data(site: Path, slug: str) -> dict:
    scripts = soup_of(site, f"eksempler/{slug}").select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


@pytest.mark.parametrize("slug", CASE_SLUGS)
def test_case_page_json_ld_names_the_case_its_municipalities_and_contacts(slug, site, catalog):
    case = catalog.cases[slug]
    data = structured_data(site, slug)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["headline"] == case.title
    assert [p["name"] for p in data["about"]] == [m.name for m in case.municipalities]
    assert all(p["@type"] == "AdministrativeArea" for p in data["about"])
    assert data["dateModified"] == case.updated.isoformat()
    canonical = soup_of(site, f"eksempler/{slug}").select_one('link[rel="canonical"]')["href"]
    assert data["url"] == canonical
    people = data.get("mentions", [])
    assert [p["name"] for p in people] == [c.name for c in case.contacts]
    for person, contact in zip(people, case.contacts):
        numbers = [point["telephone"] for point in person.get("contactPoint", [])]
        assert numbers == ["+47" + re.sub(r"\D", "", n)[-8:] for n in contact.phones]


def test_json_ld_keeps_hostile_text_inside_its_element(dated_site):
    page = (dated_site / "eksempler" / "angrep" / "index.html").read_text(encoding="utf-8")
    data = structured_data(dated_site, "angrep")
    assert data["headline"].startswith(HOSTILE_TITLE)
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL).group(1)
    assert "<" not in block


# --- sitemap ------------------------------------------------------------------------------------


def lastmods(site: Path) -> dict[str, str]:
    tree = ET.parse(site / "sitemap.xml")
    return {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in tree.getroot()}


def test_sitemap_dates_case_pages_from_their_records(site, catalog):
    found = lastmods(site)
    for slug, case in catalog.cases.items():
        (loc,) = [loc for loc in found if loc.endswith(f"/eksempler/{slug}/")]
        assert found[loc] == case.updated.isoformat()


def test_sitemap_date_is_the_record_date_not_the_build_date(dated_site):
    found = lastmods(dated_site)
    by_path = {re.sub(r"^https?://[^/]+/", "", loc): date for loc, date in found.items()}
    assert by_path["eksempler/eksempelby/"] == "2024-01-01"
    assert by_path["eksempler/angrep/"] == "2026-01-01"
    assert by_path["eksempler/"] == "2026-01-01"  # the list changes when its newest case does
    assert by_path["om/"] == get_build_date()  # hand-written pages keep the build date


# --- the data page --------------------------------------------------------------------------------


def test_data_page_is_in_the_menu_and_explains_every_column(site, page):
    nav = [a.get_text(strip=True) for a in page("").select("nav.md-nav--primary a")]
    assert "Åpne data" in nav
    soup = page("apne-data/")
    text = soup.select_one("article").get_text(" ")
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            assert field["name"] in text, f"{resource['path']}: {field['name']} is not explained"
    assert "CC BY 4.0" in text
    for link in soup.select("article a[href]"):
        href = link["href"]
        if not href.startswith(("http", "#")) and not href.endswith("/"):
            assert (site / "apne-data" / href).resolve().is_file(), href
