"""The published CSV files opened in LibreOffice Calc: text that starts like a formula stays text.

A record whose every text field starts with = + - or @ (tests/fixtures/hostile/formler.yaml) and a plain
one are written as data/cases.csv and data/key_figures.csv, converted by LibreOffice as a reader's
double click would import them, and read back cell by cell from the spreadsheet it made.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from generator.records.catalog import load_catalog
from generator.opendata import tables

from tests.conftest import FIXTURES
from tests.sandbox import make_project

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
FORMULA = f"{{{NS['table']}}}formula"
REPEATED = f"{{{NS['table']}}}number-columns-repeated"
VALUE_TYPE = f"{{{NS['office']}}}value-type"
VALUE = f"{{{NS['office']}}}value"


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    cases = {name: (FIXTURES / folder / name).read_text("utf-8")
             for folder, name in (("cases", "eksempelby.yaml"), ("hostile", "formler.yaml"))}
    catalog = load_catalog(make_project(tmp_path_factory.mktemp("formler"), cases))
    assert not catalog.problems, catalog.problems
    return catalog


@pytest.fixture(scope="module")
def written(catalog) -> dict[str, str]:
    return tables.csv_files(catalog, lambda slug: f"https://eksempel.no/eksempler/{slug}/")


def _cells(row: ET.Element) -> list[ET.Element]:
    cells = []
    for cell in row.findall("table:table-cell", NS):
        cells += [cell] * int(cell.get(REPEATED, "1"))
    return cells


@pytest.fixture(scope="module")
def opened(written, tmp_path_factory) -> dict[str, list[list[ET.Element]]]:
    """Each CSV file as LibreOffice Calc read it: rows of table cells."""
    assert SOFFICE, "LibreOffice is missing: apt-get install libreoffice-calc-nogui (.ci/run does)"
    folder = tmp_path_factory.mktemp("calc")
    for name, text in written.items():
        (folder / Path(name).name).write_text(text, encoding="utf-8")
    names = sorted(str(p) for p in folder.glob("*.csv"))
    # 44,34,76,1: comma, double quote, UTF-8, from line 1 — what Calc's import dialog offers for these files.
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless", "--norestore",
         "--infilter=CSV:44,34,76,1", "--convert-to", "ods", "--outdir", str(folder / "ods"), *names],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sheets = {}
    for name in written:
        ods = folder / "ods" / Path(name).with_suffix(".ods").name
        assert ods.exists(), f"Calc made no spreadsheet of {name} (is libreoffice-calc-nogui installed?)\n{result.stderr}"
        content = ET.fromstring(zipfile.ZipFile(ods).read("content.xml"))
        sheets[name] = [_cells(row) for row in content.iter(f"{{{NS['table']}}}table-row")]
    return sheets


def _shown(cell: ET.Element) -> str:
    return "\n".join("".join(p.itertext()) for p in cell.findall("text:p", NS))


def test_no_cell_of_any_published_csv_becomes_a_formula(opened, written):
    for name, rows in opened.items():
        formulas = [cell.get(FORMULA) for row in rows for cell in row if cell.get(FORMULA)]
        assert formulas == [], f"{name}: Calc made formulas of {formulas}"


@pytest.mark.parametrize("columns, name", [(tables.CASE_COLUMNS, tables.CASES_CSV), (tables.FIGURE_COLUMNS, tables.FIGURES_CSV)])
def test_text_shows_as_written_with_a_quote_in_front_and_numbers_stay_numbers(opened, written, columns, name):
    rows = list(csv.reader(io.StringIO(written[name])))
    types = {c.name: c.type for c in columns}
    header = rows[0]
    sheet = opened[name]
    for row, cells in zip(rows[1:], sheet[1:]):
        for column, value, cell in zip(header, row, cells):
            if types[column] in ("number", "integer") and value:
                assert cell.get(VALUE_TYPE) == "float" and float(cell.get(VALUE)) == float(value), (column, value)
            elif types[column] == "string":
                assert cell.get(VALUE_TYPE, "string") == "string" and _shown(cell) == value, (column, value, _shown(cell))
    assert len(sheet) >= len(rows)


def test_every_text_that_starts_like_a_formula_gets_the_quote_and_nothing_else_does(catalog, written):
    case = catalog.cases["formler"]
    expected = {
        # (a municipality's name cannot start like a formula: it must be one of Statistics Norway's)
        tables.CASES_CSV: [case.title],
        tables.FIGURES_CSV: [case.municipalities[0].population.label, case.key_figures[0].label,
                             case.key_figures[0].definition, case.results[0].label, case.sources[0].title],
    }
    for name, texts in expected.items():
        cells = [cell for row in csv.reader(io.StringIO(written[name])) for cell in row]
        for text in texts:
            assert text[0] in "=+-@" and "'" + text in cells and text not in cells, (name, text)
        plain = catalog.cases["eksempelby"]
        assert plain.title in cells or name == tables.FIGURES_CSV
        assert not any(cell.startswith("'") and cell[1:2] not in ("=", "+", "-", "@", "\t", "\r") for cell in cells)


@pytest.mark.parametrize("text", ["=1+1", "+47 22 00 00 00", "-2", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_tab_or_carriage_return_in_front_is_a_formula_start_too(text):
    assert tables.inert(text) == "'" + text
    assert tables.inert("Rælingen = 1") == "Rælingen = 1"
