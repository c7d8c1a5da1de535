"""Turn pydantic's validation errors into one Norwegian line per problem, placed at file:line:col."""

from __future__ import annotations

import difflib
import re
import typing

from pydantic import BaseModel, ValidationError

from generator.records.problems import Marks, Problem
from generator.records.syntax_messages import NBSP_MESSAGE
from generator.records.model.fields import MAX_YEAR, MIN_YEAR, Year, _check_year
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


def _pattern_hint(field: str, value) -> str:
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


def _shown(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split())


def _is_year(parent: type[BaseModel] | None, field: str) -> bool:
    info = parent.model_fields.get(field) if parent else None
    if info is None:
        return False
    annotations = [info.annotation, *typing.get_args(info.annotation)]
    return Year in annotations or any(getattr(m, "func", None) is _check_year for m in info.metadata)


_RANGE = re.compile(r"(\d{4})\s*[-–—/]\s*(\d{2,4})")
# What people write before a number, and the qualifier that says it.
_QUALIFIERS = (
    (re.compile(r"(?:ca\.?|cirka|omtrent|~)\s*", re.I), "ca."),
    (re.compile(r"rundt\s*", re.I), "rundt"),
    (re.compile(r"om lag\s*", re.I), "om lag"),
    (re.compile(r"(?:nærmere|naermere)\s*", re.I), "nærmere"),
    (re.compile(r"nesten\s*", re.I), "nesten"),
    (re.compile(r"knapt\s*", re.I), "knapt"),
    (re.compile(r"snaut\s*", re.I), "snaut"),
    (re.compile(r"(?:drøyt|drøye)\s*", re.I), "drøyt"),
    (re.compile(r"i underkant av\s*", re.I), "i underkant av"),
    (re.compile(r"i overkant av\s*", re.I), "i overkant av"),
    (re.compile(r"(?:mer enn|mer end)\s*", re.I), "mer enn"),
    (re.compile(r"(?:over|>)\s*", re.I), "over"),
    (re.compile(r"(?:opp mot|opptil)\s*", re.I), "opp mot"),
    (re.compile(r"(?:minst|minimum)\s*", re.I), "minst"),
    (re.compile(r"(?:under|mindre enn|<)\s*", re.I), "under"),
)
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_DIGITS = r"\d+(?:[.,]\d+)?"
# «5,706 mill.», «12 mill. kr», «1,2 mrd»: a sum in millions or billions, with or without a hedge before it.
_MILLIONS = re.compile(rf"(?P<hedge>\D*?)(?P<number>{_DIGITS})\s*(?P<scale>mill(?:ioner|ion)?|mrd|milliard(?:er)?)\.?"
                       rf"(?:\s*(?:kr|kroner|nok)\.?)?", re.I)
# «mellom 18 og 55», «18–55 år», «fra 18 til 55»: a range where one number belongs.
_NUMBER_RANGE = re.compile(rf"(?:mellom|fra)?\s*({_DIGITS})\s*(?:[-–—]|og|til)\s*({_DIGITS})\b.*", re.I)


def _millions_message(start: str, found: re.Match, parent: type[BaseModel] | None) -> str:
    """A sum in millions: value in millions with unit «millioner kroner», never kroner with a decimal point."""
    value = float(found.group("number").replace(",", "."))
    if found.group("scale").lower().startswith(("mrd", "milliard")):
        value *= 1000
    written = f"{value:.6f}".rstrip("0").rstrip(".")
    hedge = found.group("hedge").strip()
    qualifier = next((q for pattern, q in _QUALIFIERS if hedge and pattern.fullmatch(hedge + " ")), None)
    fields = [f"value: {written}"] + ([f'qualifier: "{qualifier}"'] if qualifier else [])
    if parent and "unit" in parent.model_fields:
        how = " og ".join([*fields, "unit: millioner kroner"])
    else:  # a point of a result series: the unit belongs to the series
        how = f"{' og '.join(fields)} her, og unit: millioner kroner på serien"
    return f"{start}; et beløp i millioner skrives {how} (vises som «… mill. kr»)"


def _range_message(start: str, found: re.Match) -> str:
    low, high = found.group(1), found.group(2)
    return (f"{start}; et spenn er ikke ett tall: skriv det i teksten (label eller definition, f.eks. «mellom {low} og "
            f"{high} år»), eller som to tall, ett med value: {low.replace(',', '.')} og ett med value: "
            f"{high.replace(',', '.')}")


def _year_message(field: str, text: str, parent: type[BaseModel] | None) -> str:
    span = _RANGE.fullmatch(text)
    if span:
        if parent and "year_note" in parent.model_fields:
            return (f"«{field}» skal være ett årstall, ikke «{text}»; velg året tallet gjelder, "
                    f'eller skriv perioden i year_note: "{span.group(1)}–{span.group(2)}"')
        return f"«{field}» skal være ett årstall, ikke «{text}»; velg ett år"
    first = re.match(r"(\d{4})\b", text)
    if first:
        return f"«{field}» skal være et årstall, ikke «{text}»; skriv bare {first.group(1)}"
    return f"«{field}» skal være et årstall med fire siffer, f.eks. 2019, ikke «{text}»"


def _number_message(field: str, value, parent: type[BaseModel] | None) -> str:
    """What was written, and the slip in it: a % sign, «ca.», a decimal comma, a space, quotes, a range."""
    if isinstance(value, (list, dict)):
        return f"«{field}» skal være ett tall, ikke en liste eller en samling felt"
    text = _shown(value)
    if _is_year(parent, field):
        return _year_message(field, text, parent)
    start = f"«{field}» skal være et tall, ikke «{text}»"
    if "%" in text:
        return f"{start}; fjern %-tegnet (enheten står i unit)"
    millions = _MILLIONS.fullmatch(text)
    if millions:
        return _millions_message(start, millions, parent)
    span = _NUMBER_RANGE.fullmatch(text)
    if span:
        return _range_message(start, span)
    for pattern, qualifier in _QUALIFIERS:
        words = pattern.match(text)
        number = text[words.end():] if words else ""
        if words and _PLAIN_NUMBER.fullmatch(number):
            if parent and "qualifier" in parent.model_fields:
                return f'{start}; skriv bare tallet ({number}) og sett qualifier: "{qualifier}"'
            return f"{start}; skriv bare tallet ({number})"
    if re.fullmatch(r"[-+]?\d+,\d+", text):
        return f"{start}; bruk punktum som desimaltegn: {text.replace(',', '.')}"
    if re.fullmatch(r"\d{1,3}(?:\s\d{3})+", text):
        return f"{start}; skriv tallet uten mellomrom: {''.join(text.split())}"
    if isinstance(value, str) and _PLAIN_NUMBER.fullmatch(text):
        return f"«{field}» skal være et tall, men «{text}» står i anførselstegn; fjern anførselstegnene"
    return f"{start}; skriv tallet uten anførselstegn, med punktum som desimaltegn (f.eks. 16.3)"


def _date_message(field: str, value, parent: type[BaseModel] | None) -> str:
    start = f"«{field}» skal være en dato på formen ÅÅÅÅ-MM-DD, f.eks. 2024-05-31"
    if isinstance(value, int) and not isinstance(value, bool) and MIN_YEAR <= value <= MAX_YEAR:
        if parent and f"{field}_year" in parent.model_fields:
            return f"{start}; er bare året kjent, skriv {field}_year: {value} i stedet"
        return f"{start}; skriv hele datoen, ikke bare året"
    text = _shown(value)
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


def _message(error: dict, model: type[BaseModel]) -> str:
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
        return _number_message(field, error.get("input"), _model_at(model, loc[:-1]))
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return _date_message(field, error.get("input"), _model_at(model, loc[:-1]))
    if kind == "string_pattern_mismatch":
        return f"«{field}» {_pattern_hint(field, error.get('input'))}"
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
        message = str(ctx.get("error", error["msg"]))
        return f"«{field}»: {message}" if field else message
    return f"«{field}»: {error['msg']}"


def problems_from(error: ValidationError, model: type[BaseModel], path: str, marks: Marks) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"]) + tuple((item.get("ctx") or {}).get("at", ()))
        if item["type"] == "too_long":  # at the first element past the limit, not at the list's start
            loc += (item["ctx"]["max_length"],)
        key_loc = ("<key>", *loc)
        line, column = marks[key_loc] if item["type"] == "extra_forbidden" and key_loc in marks else _where(marks, loc)
        message = _LONG_QUOTE.sub(r"«\1…»", _message(item, model))  # a pasted essay is not echoed back
        problems.append(Problem(path, line, column, message))
    return sorted(set(problems))

