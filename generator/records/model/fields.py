"""Shared field types and validators: vocabulary terms, texts, years, dates, phone numbers, URLs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from generator.records.model.names import field_title
from generator.text import SLUG_MAX, SLUG_PATTERN
from generator.records.vocabulary import VOCABULARY, suggestion

MIN_YEAR = 1900
# Records are written about the past; one year ahead allows for planned figures entered late in a year.
MAX_YEAR = dt.date.today().year + 1


def _term_checker(kind: str, label: str):
    def check(value: str) -> str:
        # An empty list means vocabulary.yaml could not be read: that is reported, and nothing can be checked.
        if VOCABULARY[kind] and value not in VOCABULARY[kind]:
            raise ValueError(f"ukjent {label} «{value}»{suggestion(kind, value)}")
        return value

    return check


class _TermsSchema:
    """The JSON Schema of a vocabulary term: its list of keys, looked up when a schema is made."""

    def __init__(self, kind: str, description: str):
        self.kind, self.description = kind, description

    def __get_pydantic_json_schema__(self, _core_schema, _handler):
        return {"type": "string", "enum": sorted(VOCABULARY[self.kind]), "description": self.description}


def _term(kind: str, label: str, description: str):
    return Annotated[str, AfterValidator(_term_checker(kind, label)), _TermsSchema(kind, description)]


Theme = _term("themes", "tema", "Tema fra generator/records/vocabulary.yaml (themes).")
TargetGroup = _term("target_groups", "målgruppe", "Målgruppe fra generator/records/vocabulary.yaml.")
Region = _term("regions", "fylke", "Fylke fra generator/records/vocabulary.yaml (regions).")
OrganisationModel = _term(
    "organisation_models", "organiseringsmodell", "Organiseringsmodell fra generator/records/vocabulary.yaml."
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=SLUG_MAX)]
# http:// too: older reports are often reachable only so, and refusing the address would lose the provenance.
# Every other scheme (javascript:, ftp:, file:) stays refused.
WebUrl = Annotated[
    str,
    StringConstraints(pattern=r"^https?://[^\s<>\"']+$", max_length=500),
    Field(
        description="Nettadresse som starter med https://, eller http:// når kilden bare finnes der.",
        examples=["https://www.imdi.no/"],
    ),
]
Email = Annotated[
    str,
    StringConstraints(pattern=r"^[^@\s<>\"'()\[\],;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$", max_length=200),
]


def check_year(value: int) -> int:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise ValueError(f"årstallet {value} er ikke plausibelt (må være mellom {MIN_YEAR} og {MAX_YEAR})")
    return value


Year = Annotated[int, AfterValidator(check_year), Field(description="Årstall, f.eks. 2015.")]


def check_date(value: dt.date) -> dt.date:
    # A date ahead of today would, for last_verified, keep the «kan være utdatert» warning away for good.
    if value > dt.date.today():
        raise ValueError(f"datoen {value} ligger fram i tid; skriv datoen da det skjedde")
    if value.year < MIN_YEAR:
        raise ValueError(f"datoen {value} er ikke plausibel (før {MIN_YEAR})")
    return value


PastDate = Annotated[dt.date, AfterValidator(check_date)]

PHONE_DIGITS = re.compile(r"^(?:\+47|0047)?([2-9]\d{7})$")  # 0 and 1 start no Norwegian number


# A number with words around it: «tlf. 755 12 345», «Mobil: 913 54 954 (jobb)».
PHONE_IN_WORDS = re.compile(r"^(\D*?)[\s:.]*(\+?\d[\d\s\-.]*\d)[\s.]*(\D*)$")


MOBILE_WORD = "mobil"  # a number written after it is a mobile, for the contact's `mobile`


def phone_problem(digits: str) -> str:
    """Why a number (spaces removed) is not Norwegian, and what to do, for «… er ikke et norsk telefonnummer: …»."""
    national = re.sub(r"^(?:\+47|0047)", "", digits)
    if national.startswith(("+", "00")):
        return "bare norske numre kan stå her (8 siffer, eventuelt med +47 foran)"
    if not national.isdigit():
        return "skriv bare sifrene, 8 siffer, eventuelt med +47 foran"
    if len(national) != 8:
        return f"det har {len(national)} siffer, men et norsk nummer har 8 (eventuelt med +47 foran); sjekk nummeret i kilden"
    return f"det begynner på {national[0]}, men norske numre begynner ikke på 0 eller 1; sjekk nummeret i kilden"


def check_phone(value: str) -> str:
    compact = re.sub(r"[\s\-.]", "", value)
    if PHONE_DIGITS.match(compact):
        return value.strip()
    words = PHONE_IN_WORDS.match(value.strip())
    if words and (words.group(1) or words.group(3)):
        number = words.group(2)
        extra = " og ".join(f"«{w.strip()}»" for w in (words.group(1), words.group(3)) if w.strip())
        if PHONE_DIGITS.match(re.sub(r"[\s\-.]", "", number)):
            mobile = MOBILE_WORD in words.group(1).casefold()  # «Mobil: 913 54 954»: the contact's `mobile` says so
            hint = f'; det er en mobil: skriv det som mobile: "{number}"' if mobile else ""
            raise ValueError(f'skriv bare nummeret, uten {extra}: "{number}"{hint}')
        # 8 digits with a word in front: say what is wrong with the digits, and that the word goes too.
        problem = phone_problem(re.sub(r"[\s\-.]", "", number))
        raise ValueError(f"«{value}» er ikke et norsk telefonnummer: {problem}, og skriv bare nummeret, uten {extra}")
    raise ValueError(f"«{value}» er ikke et norsk telefonnummer: {phone_problem(compact)}")


Phone = Annotated[
    str,
    AfterValidator(check_phone),
    Field(description="Norsk telefonnummer slik kilden skriver det.", examples=["+47 913 54 954"]),
]


def phone_uri(number: str) -> str:
    """tel: URI for a validated Norwegian number."""
    match = PHONE_DIGITS.match(re.sub(r"[\s\-.]", "", number))
    return f"tel:+47{match.group(1)}" if match else ""


class Base(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class CasePart(Base):
    """A part of a case record: its fields carry their Norwegian names as the schema's titles."""

    model_config = ConfigDict(field_title_generator=field_title)
