"""The municipalities table (Statistics Norway's classification 131, with former municipalities) and the
check of a record's municipality and county against it.

Expectations are read from generator/records/municipalities.csv with the csv module, not from the code
under test, so a row the code reads wrongly shows here.
"""

from __future__ import annotations

import csv

import pytest

from generator.records.model import Municipality
from generator.records.municipalities import MUNICIPALITIES_FILE, municipality_choices, register
from generator.records.catalog import load_catalog
from generator.records.vocabulary import FORMER_REGIONS, VOCABULARY

from tests.conftest import ROOT

ROWS = list(csv.DictReader(line for line in MUNICIPALITIES_FILE.read_text(encoding="utf-8").splitlines()
                           if not line.startswith("#")))
TODAY = [r for r in ROWS if not r["valid_until"]]
FORMER = [r for r in ROWS if r["valid_until"]]


def bare(name: str) -> str:
    return name.split(" (")[0].split(" - ")[0]


def test_the_file_names_its_sources_and_their_dates():
    head = [line for line in MUNICIPALITIES_FILE.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    text = " ".join(head)
    assert "classification" in text and "131" in text
    for repository in ("hogne67/321skole-translate", "lauriejh/regtools", "gardenberg/kommunekoder"):
        assert repository in text
    assert "2026-01-01" in text


def test_todays_municipalities_each_lie_in_one_of_todays_counties():
    numbers = [r["number"] for r in TODAY]
    assert len(numbers) == len(set(numbers))
    todays_counties = {k for k in VOCABULARY["regions"] if k not in FORMER_REGIONS}
    assert {r["county"] for r in TODAY} == todays_counties
    for row in TODAY:  # the county's number is the start of each municipality's number
        same_county = {r["county"] for r in TODAY if r["number"][:2] == row["number"][:2]}
        assert same_county == {row["county"]}, row


def test_every_former_municipality_is_part_of_municipalities_of_today():
    today = {r["number"]: r for r in TODAY}
    assert FORMER
    for row in FORMER:
        parts = row["now"].split()
        assert parts and all(p in today for p in parts), row
        assert set(row["county"].split()) == {today[p]["county"] for p in parts}, row


def test_the_choices_for_the_form_give_number_county_and_what_a_former_one_is_part_of():
    choices = municipality_choices()
    today = {r["number"]: r for r in TODAY}
    for row in TODAY:
        labels = [row["name"]] if "(" in row["name"] else row["name"].split(" - ")  # «Hábmer» and «Hamarøy»
        for label in labels:
            assert choices[label] == (row["number"], row["county"], ()), row
    for row in FORMER:
        label = row["name"] if "(" in row["name"] else bare(row["name"])
        if any(bare(r["name"]) == label for r in TODAY):
            continue  # a name of today's municipality is offered as today's
        number, county, part_of = choices[label]
        assert county in row["county"].split()
        assert set(part_of) <= {bare(today[n]["name"]) for n in row["now"].split()}, row


def test_every_record_names_municipalities_of_the_classification():
    for case in load_catalog(ROOT).cases.values():
        for m in case.municipalities:
            assert register().find(m.name), m.name


def test_a_former_municipality_is_accepted_and_knows_what_it_is_part_of_today():
    for row in FORMER[:40]:
        today = {r["number"]: r for r in TODAY}
        name = bare(row["name"])
        county = row["county"].split()[0]
        if any(bare(r["name"]) == name for r in TODAY):
            continue
        m = Municipality(name=name, region=county)
        assert set(m.part_of_today) <= {bare(today[n]["name"]) for n in row["now"].split()}
        assert m.part_of_today


def test_a_shared_name_is_told_apart_by_its_county():
    shared = [r for r in TODAY if "(" in r["name"]]
    assert shared
    for row in shared:
        m = Municipality(name=bare(row["name"]), region=row["county"])
        assert m.number == row["number"]
        assert not m.part_of_today


@pytest.mark.parametrize("former", sorted(k for k in FORMER_REGIONS if k in VOCABULARY["regions"]))
def test_a_former_county_in_the_vocabulary_is_accepted_for_its_municipalities_only(former):
    inside = next(r for r in TODAY if r["county"] in FORMER_REGIONS[former])
    outside = next(r for r in TODAY if r["county"] not in FORMER_REGIONS[former])
    Municipality(name=bare(inside["name"]), region=former)
    with pytest.raises(ValueError, match="ikke i «" + former):
        Municipality(name=bare(outside["name"]), region=former)


def test_a_shared_name_without_its_county_is_refused_naming_each_county():
    shared = {}
    for row in TODAY:
        shared.setdefault(bare(row["name"]), set()).add(row["county"])
    name, counties = next((n, c) for n, c in sorted(shared.items()) if len(c) > 1)
    with pytest.raises(ValueError) as refused:
        Municipality(name=name)
    for county in counties:
        assert f"«region: {county}»" in str(refused.value)
