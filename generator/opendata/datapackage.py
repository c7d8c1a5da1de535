"""A Frictionless Data Package (datapackage.json) describing cases.csv and key_figures.csv."""

from __future__ import annotations

import posixpath

from generator.opendata.records import LICENCE
from generator.opendata.tables import CASE_COLUMNS, CASES_CSV, FIGURE_COLUMNS, FIGURES_CSV, Column

DATAPACKAGE = "data/datapackage.json"


def _field(column: Column) -> dict:
    field = {"name": column.name, "type": column.type, "title": column.title, "description": column.description}
    constraints = {}
    if column.required:
        constraints["required"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if constraints:
        field["constraints"] = constraints
    return field


def _resource(name: str, path: str, title: str, description: str, columns, schema_extra: dict) -> dict:
    return {
        "name": name,
        "type": "table",
        "path": posixpath.relpath(path, posixpath.dirname(DATAPACKAGE)),
        "title": title,
        "description": description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": {"fields": [_field(c) for c in columns], "missingValues": [""], **schema_extra},
    }


def datapackage(site_name: str) -> dict:
    return {
        "name": "integreringspraksis",
        "title": f"{site_name}: eksempler og tall",
        "description": (
            "Eksemplene i kunnskapsbanken som tabeller: én rad per eksempel i cases.csv og én rad per tall "
            "(kommunetall, nøkkeltall og hvert år i resultatseriene) i key_figures.csv. Hvert tall har årstall "
            "eller en merknad om året, og kilden det kommer fra."
        ),
        "profile": "tabular-data-package",
        "languages": ["nb"],
        "licenses": [{"name": LICENCE, "title": "Creative Commons Navngivelse 4.0 Internasjonal (CC BY 4.0)"}],
        "resources": [
            _resource(
                "cases", CASES_CSV, "Eksempler", "Én rad per eksempel.", CASE_COLUMNS, {"primaryKey": ["slug"]}
            ),
            _resource(
                "key_figures", FIGURES_CSV, "Tall", "Én rad per tall med år, enhet og kilde.", FIGURE_COLUMNS,
                {"foreignKeys": [{"fields": ["case"], "reference": {"resource": "cases", "fields": ["slug"]}}]},
            ),
        ],
    }
