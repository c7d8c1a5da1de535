"""A downloadable template (plan, logbook, agreement), generated as ODT, DOCX and PDF."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from generator.records.model.fields import (
    Base,
    PastDate,
    ShortText,
    Slug,
    Text,
)

FieldType = Literal["text", "textarea", "date", "checkbox", "number", "signature"]
ColumnType = Literal["text", "date", "checkbox", "number", "signature"]
ColumnWidth = Literal["narrow", "wide"]


class TemplateField(Base):
    label: ShortText = Field(description="Ledetekst som står ved feltet, f.eks. «Navn på deltaker».")
    type: FieldType = Field(
        "text",
        description=(
            "Felttype: text (én linje), textarea (flere linjer), date, checkbox, number eller signature "
            "(én signaturrute; når flere signerer en plan eller avtale, bruk signatures i seksjonen)."
        ),
    )
    help: Text | None = Field(None, description="Kort veiledning til den som fyller ut feltet.")


class TemplateColumn(Base):
    label: ShortText = Field(description="Kolonneoverskrift.")
    type: ColumnType = Field(
        "text",
        description=(
            "Hva cellene i kolonnen er: text, date, checkbox, number eller signature "
            "(en rute å signere i, f.eks. «Deltaker (signatur)» i en endringslogg)."
        ),
    )
    width: ColumnWidth | None = Field(
        None,
        description=(
            "Valgfritt for tekstkolonner: narrow for korte svar (klokkeslett, telefon), wide der det skal "
            "skrives mye eller langt (e-post, «Hva ble tatt opp»). Uten den deler tekstkolonnene plassen likt."
        ),
    )


def _column_from_text(value):
    return {"label": value} if isinstance(value, str) else value


# A plain string is the common case (a text column); the JSON Schema offers both spellings to editors.
ColumnSpec = Annotated[
    TemplateColumn,
    BeforeValidator(_column_from_text, json_schema_input_type=ShortText | TemplateColumn),
]


class TemplateTable(Base):
    caption: ShortText | None = Field(None, description="Tabelltittel; uten den brukes seksjonsoverskriften.")
    columns: list[ColumnSpec] = Field(
        min_length=1,
        max_length=10,
        description="Kolonneoverskrifter. Skriv bare teksten for tekstkolonner, eller label og type for avkrysning/dato/tall.",
    )
    rows: list[ShortText] = Field(
        default_factory=list,
        max_length=60,
        description="Faste radoverskrifter: står i første kolonne, så første kolonne er overskrift for dem.",
    )
    empty_rows: int = Field(0, ge=0, le=30, description="Antall tomme rader å fylle ut.")

    @model_validator(mode="after")
    def _has_rows(self):
        if not self.rows and not self.empty_rows:
            raise ValueError("tabellen har ingen rader: legg til rows eller empty_rows")
        if self.rows and len(self.columns) < 2:
            raise ValueError("med faste rader trengs minst to kolonner: radoverskriften og en kolonne å fylle ut")
        labels = [c.label for c in self.columns]
        if len(set(labels)) != len(labels):
            raise ValueError("to kolonner har samme overskrift")
        return self


class TemplateSection(Base):
    heading: ShortText = Field(description="Seksjonsoverskrift (blir overskrift på nivå 2 i dokumentet).")
    intro: Text | None = Field(None, description="Forklarende tekst øverst i seksjonen.")
    fields: list[TemplateField] = Field(default_factory=list, max_length=40, description="Felt som skal fylles ut.")
    table: TemplateTable | None = Field(None, description="En tabell med kolonner og rader å fylle ut.")
    checklist: list[ShortText] = Field(default_factory=list, max_length=40, description="Punkter som krysses av.")
    bullets: list[ShortText] = Field(
        default_factory=list,
        max_length=40,
        description=(
            "Punkter i en vanlig punktliste, uten avkrysningsbokser: plikter og vilkår i en avtale, "
            "der en tom boks ville se ut som om punktet ikke gjelder."
        ),
    )
    signatures: list[ShortText] = Field(
        default_factory=list,
        max_length=10,
        description=(
            "De som signerer, f.eks. «Deltaker» og «Kontaktperson i flyktningtjenesten». Hver får en rad i "
            "en signaturtabell med kolonnene Rolle, Navn (blokkbokstaver), Sted og dato og Signatur, så "
            "hver skriver sitt navn og sin dato. Kan ikke stå i samme seksjon som table."
        ),
    )

    @model_validator(mode="after")
    def _not_empty(self):
        if not (self.intro or self.fields or self.table or self.checklist or self.bullets or self.signatures):
            raise ValueError(
                f"seksjonen «{self.heading}» er tom: legg til intro, fields, table, checklist, bullets eller signatures"
            )
        for kind, labels in (("feltet", [f.label for f in self.fields]), ("rollen", self.signatures)):
            twice = sorted({label for label in labels if labels.count(label) > 1})
            if twice:
                raise ValueError(f"{kind} «{twice[0]}» står to ganger i seksjonen «{self.heading}»")
        if self.table and self.signatures:
            raise ValueError(
                f"seksjonen «{self.heading}» har både table og signatures: legg signaturene i en egen seksjon"
            )
        return self


class Template(Base):
    """A downloadable plan or logbook, generated as ODT, DOCX and PDF."""

    title: ShortText = Field(description="Malens tittel, f.eks. «Loggbok for deltakere i praksis».")
    description: Text = Field(description="Hva malen er til og hvem som bruker den (vises på nettstedet).")
    cases: list[Slug] = Field(min_length=1, max_length=30, description="Casene malen bygger på (filnavn uten .yaml).")
    based_on: Text = Field(description="Hva i kildene malen bygger på.")
    sections: list[TemplateSection] = Field(min_length=1, max_length=30, description="Malens seksjoner i rekkefølge.")
    updated: PastDate = Field(description="Dato malen sist ble endret (ÅÅÅÅ-MM-DD).")
