"""Numbers in a record: a key figure, and a series of results over time with its points."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.records.model.fields import CasePart, ShortText, Slug, Text, Year

# «millioner kroner» because budgets are given in millions («5,706 mill.»): kroner are whole kroner.
Unit = Literal["prosent", "antall", "personer", "årsverk", "kroner", "millioner kroner", "land", "år"]
# Units that count whole things: 4.210 here is a Norwegian thousands point, not four and a bit.
WHOLE_UNITS = ("antall", "personer", "land", "kroner")
# How a source hedges a number; shown before it («over 60 %», «i overkant av 60 %») wherever the number is
# shown. The words Norwegian reports use: about, nearly, just under, just over, at least, at most.
Qualifier = Literal[
    "ca.", "om lag", "rundt", "nærmere", "nesten", "knapt", "snaut", "i underkant av", "drøyt", "i overkant av",
    "mer enn", "over", "minst", "opp mot", "under",
]


class Figure(CasePart):
    """A single number with what it means, when and where it comes from."""

    label: ShortText = Field(description="Hva tallet viser, f.eks. «Innbyggere».")
    # strict: true, "12" and nan are not numbers here (YAML would otherwise let them through as 1, 12, nan)
    value: float = Field(strict=True, allow_inf_nan=False, description="Tallverdien (prosent skrives som 16.3, ikke 0.163).")
    unit: Unit = Field(
        description="Enhet: prosent, antall, personer, årsverk, kroner (hele kroner), millioner kroner, land eller år."
    )
    qualifier: Qualifier | None = Field(None, description="Brukes når kilden sier ca., rundt, nærmere, drøyt, over, minst o.l.")
    headline: bool = Field(False, description="true for tallet kilden framhever som hovedresultatet; vises øverst på siden.")
    year: Year | None = Field(None, description="Året tallet gjelder. Påkrevd, med mindre year_note forklarer hvorfor det mangler.")
    year_note: ShortText | None = Field(None, description="Når kilden ikke oppgir år: hva kilden sier om tid, f.eks. «to år på rad».")
    definition: Text | None = Field(None, description="Hvordan tallet er definert eller målt.")
    source: Slug = Field(description="id til en kilde i sources-listen.")

    @model_validator(mode="after")
    def _year_or_note(self):
        if self.year is None and self.year_note is None:
            raise ValueError("tallet mangler årstall: oppgi year, eller year_note når kilden ikke oppgir år")
        if self.unit == "prosent" and not 0 <= self.value <= 100:
            raise ValueError(f"prosentverdien {self.value:g} må være mellom 0 og 100")
        if self.value < 0:
            raise ValueError("tallet kan ikke være negativt")
        _whole(self.unit, self.value, ("value",))
        return self


class Point(CasePart):
    year: Year = Field(description="Året verdien gjelder.")
    value: float = Field(ge=0, strict=True, allow_inf_nan=False, description="Verdien dette året.")
    qualifier: Qualifier | None = Field(
        None, description="Brukes når kilden sier ca., rundt, nærmere, drøyt, over, minst o.l. om verdien."
    )


class Result(CasePart):
    """A series of results over time, drawn as a chart with a table beside it."""

    label: ShortText = Field(description="Hva resultatet viser, f.eks. «Introduksjonsprogrammet».")
    definition: Text = Field(description="Hvordan resultatet er målt (hvem som telles, når).")
    unit: Unit = Field("prosent", description="Enhet for verdiene; prosent hvis ikke annet er oppgitt.")
    source: Slug = Field(description="id til kilden for tallene, fra sources-listen.")
    headline: bool = Field(False, description="true for serien kilden framhever som hovedresultatet; siste år vises øverst på siden.")
    points: list[Point] = Field(min_length=1, max_length=50, description="Ett år og én verdi per punkt, f.eks. {year: 2019, value: 55}.")

    @model_validator(mode="after")
    def _points(self):
        # "at" in the context lets validation_messages.py point at the point itself, not at the series' label.
        years = [p.year for p in self.points]
        for index, year in enumerate(years):
            if year in years[:index]:
                raise PydanticCustomError("duplicate_year", "«year»: {year} står flere ganger i points; fjern det ene punktet",
                                          {"year": year, "at": ("points", index, "year")})
        for index, point in enumerate(self.points):
            if self.unit == "prosent" and point.value > 100:
                raise PydanticCustomError("percent_range", "«value»: prosentverdien {value} må være mellom 0 og 100",
                                          {"value": f"{point.value:g}", "at": ("points", index, "value")})
        for index, point in enumerate(self.points):
            _whole(self.unit, point.value, ("points", index, "value"))
        return self


def _whole(unit: str, value: float, at: tuple) -> None:
    """Refuse a fraction where the unit counts whole things, pointing at the value."""
    if unit not in WHOLE_UNITS or value == int(value):
        return
    thousands = value * 1000
    if 1 <= value < 1000 and abs(thousands - round(thousands)) < 1e-6:  # 4.210 → 4210, 12.5 → 12500
        # The typed digits are gone (4.210 and 4.21 are the same float): say both readings.
        hint = f"er punktumet et tusenskille, skriv {round(thousands)} (uten punktum eller mellomrom); ellers rund av til et helt tall"
    else:
        hint = "rund av til et helt tall"
    if unit == "kroner":  # «5,706 mill.» written as 5.706 would be shown as 5,7 kr
        hint = f"står beløpet i millioner i kilden, skriv unit: millioner kroner (og value: {value:g}); {hint}"
    raise PydanticCustomError(
        "whole_number", "«value» skal være et helt tall for enheten «{unit}»; {hint}", {"unit": unit, "hint": hint, "at": at}
    )
