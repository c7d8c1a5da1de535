"""Turn pydantic's validation errors into one Norwegian line per problem, placed at file:line:col."""

from __future__ import annotations

import difflib
import re
import typing

from pydantic import BaseModel, ValidationError

from generator.records.problems import Marks, Problem
from generator.records.syntax_messages import NBSP_MESSAGE
from generator.records.model.fields import MAX_YEAR, MIN_YEAR
from generator.records.number_messages import millions_key_message, number_message, shown
from generator.text import slug_problem, slug_suggestion


def _models_in(annotation) -> list[type[BaseModel]]:
    """Models reachable through Optional, list and Annotated wrappers of a field annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    for arg in typing.get_args(annotation):
        found += _models_in(arg)
    return found


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        candidates = _models_in(field.annotation)
        if not candidates:
            return None
        model = candidates[0]
    return model


def _where(marks: Marks, loc: tuple) -> tuple[int, int]:
    for end in range(len(loc), -1, -1):
        if loc[:end] in marks:
            return marks[loc[:end]]
    return (1, 1)


def pattern_hint(field: str, value) -> str:
    if field == "url":
        text = str(value).strip()
        quote = re.search(r"[\"'<>]", text)
        web = text.startswith(("https://", "http://"))
        if web and quote:
            return (f"inneholder tegnet «{quote.group()}» («{text}»), som ikke kan stå i en nettadresse; fjern det, "
                    f"eller kopier adressen på nytt fra adressefeltet i nettleseren")
        if web and re.search(r"\s", text):
            return f"inneholder mellomrom («{text}»); bytt hvert mellomrom i nettadressen med %20"
        if text.startswith("www."):
            return f"må være en nettadresse som starter med https://; skriv «https://{text}»"
        return f"må være en nettadresse som starter med https:// (eller http:// når kilden bare finnes der), ikke «{text}»"
    if field == "email":
        return "er ikke en gyldig e-postadresse"
    text = str(value)
    return f"er «{text}», men {slug_problem(text)}; skriv f.eks. «{slug_suggestion(text)}»"


def date_message(field: str, value, parent: type[BaseModel] | None) -> str:
    start = f"«{field}» skal være en dato på formen ÅÅÅÅ-MM-DD, f.eks. 2024-05-31"
    if isinstance(value, int) and not isinstance(value, bool) and MIN_YEAR <= value <= MAX_YEAR:
        if parent and f"{field}_year" in parent.model_fields:
            return f"{start}; er bare året kjent, skriv {field}_year: {value} i stedet"
        return f"{start}; skriv hele datoen, ikke bare året"
    text = shown(value)
    dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if dotted:
        day, month, year = dotted.groups()
        return f"{start}, ikke «{text}»; skriv {year}-{int(month):02d}-{int(day):02d}"
    return f"{start}, ikke «{text}»"


_LONG_QUOTE = re.compile(r"«([^»]{60})[^»]+»")


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) else str(value)


def _empty_message(field: str, parent: type[BaseModel] | None) -> str:
    info = parent.model_fields.get(field) if parent else None
    if info is None or info.is_required():
        return f"«{field}» er tom; fyll inn en verdi"
    # An optional field whose line was uncommented alone (the starter's VALGFRITT blocks).
    annotation = info.annotation
    if _models_in(annotation) or list in (typing.get_origin(annotation), *map(typing.get_origin, typing.get_args(annotation))):
        return (f"«{field}» står uten innhold: fjern «# » foran linjene under, eller sett «# » foran «{field}:» igjen "
                f"hvis du ikke bruker feltet")
    return f"«{field}» er tom; fyll inn en verdi, eller sett «# » foran linjen hvis du ikke bruker feltet"


# Words people write for a field, in Norwegian or English, that difflib matches to the wrong one
# («mobile» looks like «role»): the field each may mean, in order, and how to write it.
_FIELD_WORDS = {
    ("mobil", "mobilnummer", "mobiltelefon", "mobile_phone", "cell", "cellphone"): "mobile",
    ("phone", "telefon", "telefonnummer", "tlf", "tel", "telephone"): "phones",
    ("e-post", "epost", "e_post", "mail", "e-mail", "epostadresse"): "email",
    ("navn",): "name",
    ("tittel",): "title",
    ("stilling", "rolle", "jobbtittel"): "role",
    ("beskrivelse",): "description",
    ("sammendrag",): "summary",
    ("kilde",): "source",
    ("kilder",): "sources",
    ("lenke", "link", "nettadresse", "adresse"): "url",
    ("år", "aar", "årstall"): "year",
}
_HOW_TO_WRITE = {"phones": ', f.eks. phones: ["+47 913 54 954"]', "mobile": ', f.eks. mobile: "+47 913 54 954"',
                 "email": ", f.eks. email: navn@kommune.no"}


def _unknown_field(field: str, known: list[str]) -> str:
    meant = next((target for words, target in _FIELD_WORDS.items() if field.casefold() in words and target in known), None)
    if meant:
        return f"ukjent felt «{field}»; feltet heter «{meant}»{_HOW_TO_WRITE.get(meant, '')}"
    close = difflib.get_close_matches(str(field), known, n=1, cutoff=0.7)
    hint = f"; mente du «{close[0]}»?" if close else (f"; tillatte felt her: {', '.join(known)}" if known else "")
    return f"ukjent felt «{field}»{hint}"


def _list_length_message(kind: str, field: str, ctx: dict, parent: type[BaseModel] | None) -> str:
    if kind == "too_long":
        return (f"«{field}» har {ctx.get('actual_length')} elementer, men høyst {ctx.get('max_length')} er tillatt; "
                f"slå sammen eller fjern elementer til det er {ctx.get('max_length')} eller færre")
    info = parent.model_fields.get(field) if parent else None
    if info is not None and not info.is_required():
        return (f"«{field}» er en tom liste; skriv minst ett element mellom [ ], eller fjern linjen «{field}: []» "
                f"hvis feltet ikke brukes")
    return f"«{field}» må ha minst {ctx.get('min_length')} element"


def message(error: dict, model: type[BaseModel]) -> str:
    kind, loc, ctx = error["type"], error["loc"], error.get("ctx") or {}
    field = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if "at" in ctx:  # a rule over the whole record that knows which value it is about
        return error["msg"]
    if error.get("input", 0) in (None, "") and kind not in ("missing", "extra_forbidden"):
        return _empty_message(field, _model_at(model, loc[:-1]) if loc and loc[-1] == field else None)
    if kind == "missing":
        return f"mangler feltet «{field}»"
    if kind == "extra_forbidden" and "\u00a0" in str(field):
        return NBSP_MESSAGE
    if kind == "extra_forbidden" and millions_key_message(str(field)):
        return millions_key_message(str(field))
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        return _unknown_field(str(field), list(parent.model_fields) if parent else [])
    if kind == "string_type" and isinstance(error.get("input"), (list, dict)):
        return f"«{field}» skal være én tekst, ikke en liste eller en samling felt"
    if kind == "string_type":
        return f"«{field}» skal være tekst; sett anførselstegn rundt verdien"
    if kind == "int_from_float":
        return f"«{field}» skal være et helt tall"
    if kind in ("int_type", "int_parsing", "float_type", "float_parsing", "finite_number"):
        return number_message(field, error.get("input"), _model_at(model, loc[:-1]))
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return date_message(field, error.get("input"), _model_at(model, loc[:-1]))
    if kind == "string_pattern_mismatch":
        return f"«{field}» {pattern_hint(field, error.get('input'))}"
    if kind == "string_too_long":
        return f"«{field}» er for lang (høyst {ctx.get('max_length')} tegn)"
    if kind == "string_too_short":
        return f"«{field}» kan ikke være tom"
    if kind in ("too_short", "too_long"):
        return _list_length_message(kind, field, ctx, _model_at(model, loc[:-1]))
    if kind == "list_type":
        return f"«{field}» skal være en liste (hver linje starter med «- »)"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"«{field}» skal være en samling felt (nøkkel: verdi)"
    if kind == "literal_error":
        return f"«{field}» må være en av: {str(ctx.get('expected', '')).replace(' or ', ' eller ')}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"«{field}» må være minst {_number(ctx.get('ge', ctx.get('gt')))}"
    if kind in ("less_than_equal", "less_than"):
        return f"«{field}» kan være høyst {_number(ctx.get('le', ctx.get('lt')))}"
    if kind == "value_error":
        said = str(ctx.get("error", error["msg"]))
        return f"«{field}»: {said}" if field else said
    return f"«{field}»: {error['msg']}"


def problems_from(error: ValidationError, model: type[BaseModel], path: str, marks: Marks) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"]) + tuple((item.get("ctx") or {}).get("at", ()))
        if item["type"] == "too_long":  # at the first element past the limit, not at the list's start
            loc += (item["ctx"]["max_length"],)
        key_loc = ("<key>", *loc)
        line, column = marks[key_loc] if item["type"] == "extra_forbidden" and key_loc in marks else _where(marks, loc)
        text = _LONG_QUOTE.sub(r"«\1…»", message(item, model))  # a pasted essay is not echoed back
        problems.append(Problem(path, line, column, text))
    return sorted(set(problems))

