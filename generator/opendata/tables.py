"""The records as two tables (cases.csv, key_figures.csv); the columns are defined once, here.

datapackage.py turns the same column definitions into Table Schemas, so the files and their
description cannot drift apart.
"""

from __future__ import annotations

import csv
import io
import typing
from dataclasses import dataclass

from generator import kept
from generator.records.catalog import Catalog
from generator.records.model import Case, Figure, Result
from generator.records.model.figures import Qualifier, Unit

LIST_SEPARATOR = ";"
CASES_CSV = "data/cases.csv"
FIGURES_CSV = "data/key_figures.csv"
FIGURE_TYPES = {"kommune": "tall om kommunen", "nokkeltall": "nøkkeltall", "resultat": "resultat over tid"}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type: string, number, integer, date
    title: str
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()


def _list(description: str) -> str:
    return f"{description} Flere verdier er skilt med «{LIST_SEPARATOR}»."


CASE_COLUMNS = (
    Column("slug", "string", "Id", "Filnavnet i cases/ uten .yaml; brukes også i adressen til siden.", True),
    Column("title", "string", "Tittel", "Sidetittelen.", True),
    Column("kind", "string", "Type", "kommune: én kommunes praksis. prosjekt: prosjekt i flere kommuner.", True,
           ("kommune", "prosjekt")),
    Column("municipalities", "string", "Kommuner", _list("Kommunenavn."), True),
    Column("counties", "string", "Fylker",
           _list("Fylker (nøkler i regions i vokabularet, som i adressen fylke/<nøkkel>/): fra kilden, eller fra SSBs "
                 "kommuneinndeling når kilden ikke nevner fylket; tom når posten ikke oppgir fylke.")),
    Column("organisation_model", "string", "Organiseringsmodell", "Nøkkel i organisation_models i vokabularet.", True),
    Column("themes", "string", "Temaer", _list("Temaer (nøkler i themes, som i adressen tema/<nøkkel>/)."), True),
    Column("target_groups", "string", "Målgrupper", _list("Målgrupper (nøkler i target_groups, som i adressen malgruppe/<nøkkel>/)."), True),
    Column("updated", "date", "Sist oppdatert", "Dato posten sist ble endret.", True),
    Column("last_verified", "date", "Sist bekreftet", "Dato posten sist ble kontrollert mot kildene.", True),
    Column("url", "string", "Side", "Adressen til eksemplets side på nettstedet.", True),
)

FIGURE_COLUMNS = (
    Column("case", "string", "Case", "Id til casen tallet hører til (slug i cases.csv).", True),
    Column("figure_type", "string", "Type tall", "kommune: innbyggertall eller andel innvandrere for en kommune; "
           "nokkeltall: nøkkeltall for casen; resultat: ett år i en resultatserie.", True, tuple(FIGURE_TYPES)),
    Column("municipality", "string", "Kommune", "Kommunen tallet gjelder, for tall av typen kommune."),
    Column("label", "string", "Tall", "Hva tallet viser.", True),
    Column("value", "number", "Verdi", "Tallverdien; prosent er skrevet som 16.3, ikke 0.163.", True),
    Column("unit", "string", "Enhet", "Enheten til verdien.", True, typing.get_args(Unit)),
    Column("qualifier", "string", "Presisering", "ca., rundt, over, minst o.l. når kilden sier det.", False,
           typing.get_args(Qualifier)),
    Column("year", "integer", "År", "Året tallet gjelder; tomt når kilden ikke oppgir år (se year_note)."),
    Column("year_note", "string", "Om året", "Hva kilden sier om tid når den ikke oppgir år."),
    Column("definition", "string", "Forklaring", "Hvordan tallet er definert eller målt."),
    Column("source_title", "string", "Kilde", "Tittelen på kilden tallet kommer fra.", True),
    Column("source_url", "string", "Kildens adresse", "Nettadressen til kilden, når posten oppgir den."),
)


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def case_row(slug: str, case: Case, url: str) -> dict:
    return {
        "slug": slug,
        "title": case.title,
        "kind": case.kind,
        "municipalities": LIST_SEPARATOR.join(m.name for m in case.municipalities),
        "counties": LIST_SEPARATOR.join(case.regions),
        "organisation_model": case.organisation.model,
        "themes": LIST_SEPARATOR.join(case.themes),
        "target_groups": LIST_SEPARATOR.join(case.target_groups),
        "updated": case.updated.isoformat(),
        "last_verified": case.last_verified.isoformat(),
        "url": url,
    }


def _source(case: Case, source_id: str) -> dict:
    source = case.source(source_id)
    return {"source_title": source.title, "source_url": source.url or ""}


def _figure_row(slug: str, case: Case, figure: Figure, figure_type: str, municipality: str = "") -> dict:
    return {
        "case": slug,
        "figure_type": figure_type,
        "municipality": municipality,
        "label": figure.label,
        "value": number_text(figure.value),
        "unit": figure.unit,
        "qualifier": figure.qualifier or "",
        "year": str(figure.year) if figure.year else "",
        "year_note": figure.year_note or "",
        "definition": figure.definition or "",
        **_source(case, figure.source),
    }


def _result_rows(slug: str, case: Case, result: Result) -> list[dict]:
    return [
        {
            "case": slug,
            "figure_type": "resultat",
            "municipality": "",
            "label": result.label,
            "value": number_text(point.value),
            "unit": result.unit,
            "qualifier": point.qualifier or "",
            "year": str(point.year),
            "year_note": "",
            "definition": result.definition,
            **_source(case, result.source),
        }
        for point in sorted(result.points, key=lambda p: p.year)
    ]


def figure_rows(slug: str, case: Case) -> list[dict]:
    """Every number in a case: municipality figures, key figures, then each year of each result."""
    rows = []
    for m in case.municipalities:
        for figure in (m.population, m.immigrant_share):
            if figure:
                rows.append(_figure_row(slug, case, figure, "kommune", m.name))
    rows += [_figure_row(slug, case, figure, "nokkeltall") for figure in case.key_figures]
    for result in case.results:
        rows += _result_rows(slug, case, result)
    return rows


# Excel and LibreOffice run a cell that starts like a formula when the file is opened (OWASP, «CSV
# injection»); a leading ' keeps it text. Only text columns: a number keeps its minus sign.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(columns: tuple[Column, ...], rows: list[dict], header: bool = True) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[c.name for c in columns], lineterminator="\r\n")
    if header:
        writer.writeheader()
    text = [c.name for c in columns if c.type == "string"]
    writer.writerows({**row, **{name: inert(row[name]) for name in text}} for row in rows)
    return out.getvalue()


TABLES = ((CASES_CSV, CASE_COLUMNS), (FIGURES_CSV, FIGURE_COLUMNS))


def case_lines(slug: str, case: Case, url: str) -> dict[str, str]:
    """One case's lines in each table, without the header; url is the address of its page."""
    return {CASES_CSV: to_csv(CASE_COLUMNS, [case_row(slug, case, url)], header=False),
            FIGURES_CSV: to_csv(FIGURE_COLUMNS, figure_rows(slug, case), header=False)}


def csv_files(catalog: Catalog, url_for, lines_by_case: dict[str, dict[str, str]] | None = None) -> dict[str, str]:
    """data/cases.csv and data/key_figures.csv; url_for(slug) gives the address of a case page.

    Each case's lines are made on their own: by the workers that make its other open data
    (`lines_by_case`, by slug), or here (and kept by `make serve` while the record is unchanged).
    """
    def lines(slug: str, case: Case) -> dict[str, str]:
        if lines_by_case is not None:
            return lines_by_case[slug]
        return kept.made(("tables", slug), (case, url_for(slug)), lambda: case_lines(slug, case, url_for(slug)))

    per_case = [lines(slug, case) for slug, case in sorted(catalog.cases.items())]
    return {table: to_csv(columns, []) + "".join(own[table] for own in per_case) for table, columns in TABLES}
