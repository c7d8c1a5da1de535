"""The Norwegian name of each field, as the JSON Schema's `title`: editors show it beside the key, and
the contribution form labels its controls with it. A field with no name here is titled by its key."""

from __future__ import annotations

FIELD_NAMES = {
    "title": "Tittel", "kind": "Type", "summary": "Sammendrag", "municipalities": "Kommuner", "name": "Navn",
    "region": "Fylke", "region_basis": "Hvor fylket kommer fra", "population": "Innbyggertall",
    "immigrant_share": "Andel innvandrere", "label": "Hva tallet viser", "value": "Verdi", "unit": "Enhet",
    "qualifier": "Forbehold", "headline": "Hovedresultat", "year": "År", "year_note": "Merknad om år",
    "definition": "Definisjon", "source": "Kilde", "aliases": "Andre navn", "themes": "Temaer",
    "target_groups": "Målgrupper", "background": "Bakgrunn", "organisation": "Organisering", "model": "Modell",
    "placement": "Plassering", "since": "Startår", "staff": "Ansatte", "description": "Beskrivelse",
    "competences": "Fagområder", "practices": "Tiltak", "why_it_works": "Hvorfor det virker",
    "templates": "Maler", "success_factors": "Suksessfaktorer", "challenges": "Utfordringer",
    "key_figures": "Nøkkeltall", "results": "Resultater over tid", "points": "Punkter", "contacts": "Kontaktpersoner",
    "role": "Rolle", "phones": "Telefonnumre", "email": "E-post", "last_verified": "Sist bekreftet",
    "people": "Personer i kildene", "statements": "Uttalelser", "quote": "Sitat", "partners": "Samarbeidspartnere",
    "sources": "Kilder", "id": "Kort id", "publisher": "Utgiver", "published": "Publiseringsdato",
    "published_year": "Publiseringsår", "url": "Nettadresse", "note": "Merknad", "literature": "Litteratur",
    "author": "Forfatter", "series": "Serie", "related": "Relaterte eksempler", "updated": "Sist endret",
    "language": "Språk", "phone": "Telefon", "number": "Nummer", "mobile": "Mobil",
}

# One item of a list, as the JSON Schema's `x-item-title`: «Tiltak 2», «Legg til tiltak», «Fjern tiltak 2».
ITEM_NAMES = {
    "municipalities": "Kommune", "aliases": "Navn", "practices": "Tiltak", "success_factors": "Suksessfaktor",
    "challenges": "Utfordring", "key_figures": "Nøkkeltall", "results": "Resultatserie", "points": "Punkt",
    "contacts": "Kontaktperson", "phones": "Telefonnummer", "people": "Person", "statements": "Uttalelse",
    "partners": "Samarbeidspartner", "sources": "Kilde", "literature": "Litteratur", "competences": "Fagområde",
    "population": "Innbyggertall", "immigrant_share": "Andel innvandrere", "related": "Relatert eksempel",
}


def field_title(name: str, _info=None) -> str:
    return FIELD_NAMES.get(name, name)
