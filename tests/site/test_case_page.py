"""The first screens of a case page and its results: the age of the sources, the headline result, the
county and where it comes from, result series with gaps, and numbers shown the same in chart and table.

The record tests/fixtures/cases/alle-enheter.yaml has a result series for every unit the model allows
and points with every optional field; the real records are read from cases/.
"""

from __future__ import annotations

import datetime as dt
import re
import typing

import pytest
from bs4 import BeautifulSoup

from generator.formatting import is_stale
from generator.records.catalog import load_catalog
from generator.records.model import Contact, Figure, Literature, Point, Source
from generator.records.municipalities import register
from generator.records.model.figures import Qualifier, Unit
from generator.site import case_summary, charts, pages
from generator.site.finished_pages import finish
from generator.opendata import records, tables
from generator.records.vocabulary import FORMER_REGIONS, VOCABULARY

from tests.conftest import CASE_SLUGS, FIXTURES, ROOT, run_generator, visible_text

EVERY_UNIT = FIXTURES / "cases" / "alle-enheter.yaml"
TODAY = dt.date(2026, 12, 4)


@pytest.fixture(scope="module")
def catalog():
    found = load_catalog(ROOT, extra=[EVERY_UNIT])
    assert found.problems == []
    return found


@pytest.fixture(scope="module")
def every_unit(catalog):
    return catalog.cases["alle-enheter"]


def rendered(catalog, slug: str) -> BeautifulSoup:
    page = finish(pages.case_page(slug, catalog.cases[slug], catalog, TODAY))
    return BeautifulSoup(page.html, "html.parser")


def texts(nodes) -> list[str]:
    return [" ".join(n.get_text(" ").replace("\u00a0", " ").split()) for n in nodes]


def test_the_fixture_tries_every_unit_qualifier_and_optional_field_of_a_point(every_unit):
    assert {r.unit for r in every_unit.results} == set(typing.get_args(Unit))
    assert {p.qualifier for r in every_unit.results for p in r.points} == set(typing.get_args(Qualifier)) | {None}
    optional = {name for name, field in Point.model_fields.items() if not field.is_required()}
    for name in optional:
        assert any(getattr(p, name) is not None for r in every_unit.results for p in r.points), name


@pytest.mark.parametrize("model", [Figure, Point, Contact, Source, Literature], ids=lambda m: m.__name__)
def test_the_fixture_sets_every_optional_field_of_figures_contacts_and_sources(every_unit, model):
    found = [every_unit.municipalities, every_unit.key_figures, [p for r in every_unit.results for p in r.points],
             every_unit.contacts, every_unit.sources, every_unit.literature]
    items = [item for group in found for item in group if isinstance(item, model)]
    for name, field in model.model_fields.items():
        if not field.is_required():
            assert any(getattr(item, name) not in (None, [], False) for item in items), f"{model.__name__}.{name}"


@pytest.mark.parametrize("slug", ["alle-enheter", *CASE_SLUGS])
def test_every_chart_label_is_its_table_cell_with_the_same_unit(catalog, slug):
    soup = rendered(catalog, slug)
    drawn_charts = soup.select(".ikb-chart")
    assert len(drawn_charts) == len(charts.groups(catalog.cases[slug].results))
    for chart in drawn_charts:
        labels = texts(chart.select("svg text.ikb-chart__value"))
        cells = texts(chart.select("table tbody td"))
        assert labels == cells and labels


def test_labels_carry_the_unit_and_the_qualifier_of_each_point(catalog, every_unit):
    cells = texts(rendered(catalog, "alle-enheter").select(".ikb-chart table tbody td"))
    for result in every_unit.results:
        for point in result.points:
            shown = " ".join(charts.ChartGroup((result,)).cell(result, point).replace("\u00a0", " ").split())
            assert shown in cells
            if point.qualifier:
                assert shown.startswith(point.qualifier + " ")
            if result.unit == "millioner kroner":  # a sum in millions: «5,7 mill. kr», never «5,7 kr»
                assert shown.endswith(" mill. kr"), shown
            elif result.unit not in ("antall", "prosent", "kroner"):
                assert shown.endswith(" " + result.unit), shown


def test_series_of_one_measure_share_a_chart_and_missing_years_are_a_gap(catalog):
    for slug, case in catalog.cases.items():
        for group in charts.groups(case.results):
            assert len({(r.unit, r.source) for r in group.series}) == 1
            years = [p.year for r in group.series for p in r.points]
            covered = set()
            for row in group.rows():
                first, _, last = row.label.partition("–")
                covered |= set(range(int(first), int(last or first) + 1))
                if row.is_gap:
                    assert not set(range(int(first), int(last or first) + 1)) & set(years)
            assert covered == set(range(min(years), max(years) + 1)), slug
    # Lørenskog's two programmes: one chart, both programmes side by side per year.
    lorenskog = rendered(catalog, "lorenskog")
    assert len(lorenskog.select(".ikb-chart")) == 1
    headers = texts(lorenskog.select(".ikb-chart thead th"))
    assert headers == ["År", *[r.label for r in catalog.cases["lorenskog"].results]]
    # The fixture's 2016 and 2019 are not neighbours: 2017 has one series, 2018 none.
    fixture = rendered(catalog, "alle-enheter")
    rows = [texts(tr.select("th, td")) for tr in fixture.select(".ikb-chart")[0].select("tbody tr")]
    assert rows[0][0] == "2016" and rows[-1][0] == "2019"
    assert ["2018", charts.MISSING, charts.MISSING] in rows


def test_the_page_says_how_old_its_sources_are(catalog):
    for slug, case in catalog.cases.items():
        age = rendered(catalog, slug).select_one("[data-ikb-age]").get_text(" ")
        years = case_summary.source_years(case)
        if years:
            assert str(min(years)) in age and str(max(years)) in age
        assert ("udatert" in age) == (len(years) < len(case.sources))
        figure_years = case_summary.figure_years(case)
        if figure_years:
            assert str(min(figure_years)) in age and str(max(figure_years)) in age


def test_figures_older_than_five_years_are_marked(catalog):
    for slug, case in catalog.cases.items():
        soup = rendered(catalog, slug)
        for row, (figure, _place) in zip(soup.select(".ikb-figures tbody tr"), case_summary.figures(case)):
            old = figure.year is not None and TODAY.year - figure.year > case_summary.OLD_AFTER_YEARS
            assert bool(row.select(".ikb-old")) == old, (slug, figure.label)


def test_headline_is_the_marked_one_or_the_first_listed(catalog, every_unit):
    assert case_summary.headline(every_unit, TODAY).value.replace("\u00a0", " ") == "over 64 %"
    for slug, case in catalog.cases.items():
        box = rendered(catalog, slug).select_one("[data-ikb-headline]")
        headline = case_summary.headline(case, TODAY)
        text = " ".join(box.get_text(" ").replace("\u00a0", " ").split())
        if headline is None:
            assert "ingen tall" in text
            continue
        assert headline.value.replace("\u00a0", " ") in text and headline.year in text
        assert case.source(headline.source).title in text
        assert ("Hovedresultat" in text) == headline.marked, "only a record's own mark makes a headline"


def test_contacts_or_the_sentence_that_there_are_none_then_the_people_named(catalog):
    for slug, case in catalog.cases.items():
        soup = rendered(catalog, slug)
        contacts = soup.select_one("[data-ikb-contacts]")
        tel = {a["href"] for a in contacts.select('a[href^="tel:"]')}
        mail = [a["href"] for a in contacts.select('a[href^="mailto:"]')]
        if case.contacts:
            assert len(tel) == len({n for c in case.contacts for n in (*c.phones, c.mobile) if n})
            assert mail == [f"mailto:{c.email}" for c in case.contacts if c.email]
        else:
            assert contacts.get_text(strip=True) == "Kildene oppgir ingen kontaktperson."
        mentioned = texts(soup.select(".ikb-mentioned li"))
        contact_names = {c.name for c in case.contacts if c.name}
        assert [m.split(",")[0] for m in mentioned] == [p.name for p in case.people if p.name not in contact_names]
    batsfjord = " ".join(texts(rendered(catalog, "batsfjord").select(".ikb-mentioned li")))
    assert "Marianne Tiberg, virksomhetsleder, NAV Båtsfjord" in batsfjord


def test_a_contact_is_a_person_or_a_function_and_says_which_number_is_a_mobile(catalog):
    for slug, case in catalog.cases.items():
        cards = rendered(catalog, slug).select(".ikb-contact")
        assert len(cards) == len(case.contacts)
        for card, contact in zip(cards, case.contacts):
            who = " ".join(card.select_one(".ikb-contact__who").get_text().split())
            if contact.name:
                assert who.startswith(f"{contact.name}, ") and "oppgir ikke navn" not in who
            else:  # the role leads, and the reader is told no name was given
                assert who == f"{contact.role}, {contact.organisation} (kilden oppgir ikke navn)"
            call = " ".join(texts(card.select(".ikb-contact__call")))
            assert ("Mobil" in call) == bool(contact.mobile) and ("Telefon" in call) == bool(contact.phones)
            if contact.mobile:
                assert call.endswith(f"Mobil: {contact.mobile}")
            assert bool(card.select('a[href^="mailto:"]')) == bool(contact.email)
    assert {c.name is None for c in catalog.cases["alle-enheter"].contacts} == {True, False}


def test_sources_and_literature_link_their_address_as_written_and_literature_shows_its_note(catalog):
    for slug, case in catalog.cases.items():
        soup = rendered(catalog, slug)
        links = {a["href"] for a in soup.select("a[href]")}
        for item in (*case.sources, *case.literature):
            if item.url:
                assert item.url in links, item.url  # http:// stays http://: the address is the provenance
        text = visible_text(soup)
        for lit in case.literature:
            if lit.note:
                assert " ".join(lit.note.split()) in text
    assert any(s.url and s.url.startswith("http://") for s in catalog.cases["alle-enheter"].sources)
    assert any(lit.note for lit in catalog.cases["alle-enheter"].literature)


def test_county_from_the_public_classification_says_so(catalog):
    for slug, case in catalog.cases.items():
        row = next(tr for tr in rendered(catalog, slug).select(".ikb-facts tr") if tr.th and tr.th.get_text() == "Fylke")
        for key, classified in case_summary.regions(case):
            assert VOCABULARY["regions"][key] in row.get_text()
        assert ("offentlig inndeling" in row.get_text()) == any(c for _k, c in case_summary.regions(case))
    assert case_summary.regions(catalog.cases["lorenskog"]) == [("akershus", case_summary.PUBLIC_CLASSIFICATION)]


def test_lorenskog_is_on_the_akershus_page(page):
    text = visible_text(page("fylke/akershus/"))
    assert "Lørenskog" in text


@pytest.mark.parametrize("former", sorted(FORMER_REGIONS))
def test_a_former_county_is_refused_naming_todays(tmp_path, former):
    valid = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
    record = tmp_path / "eksempelby.yaml"
    # a municipality of today in one of the counties the former one became, so only the county is in question
    known = next(k for k in register().all if k.valid_until is None and k.county in FORMER_REGIONS[former])
    valid = valid.replace("  - name: Bindal\n", f"  - name: {known.name}\n", 1)
    record.write_text(valid.replace("region: nordland", f"region: {former}", 1), encoding="utf-8")
    result = run_generator("validate", str(record))
    if former in VOCABULARY["regions"]:  # a former county the sources name, shown as «Oppland – nå Innlandet»
        assert result.returncode == 0, result.stdout
        return
    assert result.returncode == 1
    line = next(line for line in result.stdout.splitlines() if "«region»" in line)
    assert re.search(r"eksempelby\.yaml:\d+:\d+: ", line)
    for today in FORMER_REGIONS[former]:
        assert today in line and today in VOCABULARY["regions"]
    assert "region_basis: offentlig-inndeling" in line


def test_point_qualifier_reaches_the_json_and_the_csv(every_unit):
    data = records.record(every_unit)
    qualified = [p for r in data["results"] for p in r["points"] if p["qualifier"]]
    assert len(qualified) == sum(1 for r in every_unit.results for p in r.points if p.qualifier)
    rows = [row for row in tables.figure_rows("alle-enheter", every_unit) if row["figure_type"] == "resultat"]
    assert {(row["label"], row["year"], row["qualifier"]) for row in rows} == {
        (r.label, str(p.year), p.qualifier or "") for r in every_unit.results for p in r.points
    }


def _validate_changed(tmp_path, old: str, new: str) -> list[str]:
    text = EVERY_UNIT.read_text(encoding="utf-8")
    assert old in text
    record = tmp_path / "alle-enheter.yaml"
    record.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_generator("validate", str(record))
    assert result.returncode == 1
    return [line for line in result.stdout.splitlines() if re.search(r"alle-enheter\.yaml:\d+:\d+: ", line)]


def test_a_municipality_without_its_county_is_refused_naming_the_county(tmp_path):
    lines = _validate_changed(tmp_path, "    region: akershus\n", "")
    name_line = EVERY_UNIT.read_text(encoding="utf-8").splitlines().index("  - name: Nesodden") + 1
    assert [line.split("alle-enheter.yaml:", 1)[1] for line in lines] == [
        f"{name_line}:11: «region» mangler: hver kommune ligger i et fylke, og Nesodden "
        "ligger i «akershus» ifølge SSBs kommuneinndeling (generator/records/municipalities.csv). Skriv «region: "
        "akershus», og «region_basis: offentlig-inndeling» på linjen under når kilden ikke nevner fylket"
    ]


def test_a_second_headline_is_refused_where_it_is_written(tmp_path):
    old = "    source: testkilde\n    points: [{year: 2016, value: 55.5}"
    lines = _validate_changed(tmp_path, old, old.replace("    points:", "    headline: true\n    points:"))
    assert len(lines) == 1 and "«headline»: bare ett tall eller én resultatserie kan være hovedresultatet" in lines[0]
    line_number = EVERY_UNIT.read_text(encoding="utf-8").splitlines().index("    points: [{year: 2016, value: 55.5}, {year: 2019, value: 61, qualifier: over}]") + 1
    assert f"alle-enheter.yaml:{line_number}:" in lines[0]


def test_a_warning_that_holds_for_every_contact_is_said_once(catalog):
    for slug, case in catalog.cases.items():
        warnings = texts(rendered(catalog, slug).select("[data-ikb-contacts] .ikb-warning"))
        stale = [c for c in case.contacts if is_stale(c.last_verified, TODAY)]
        same = len({bool(c.last_verified) for c in stale}) == 1
        expected = 1 if len(stale) == len(case.contacts) > 1 and same else len(stale)
        assert len(warnings) == expected, f"{slug}: {warnings}"
        assert all("Sjekk dem på kommunens nettsted før du ringer" in w for w in warnings)
