"""What was written where a number or a year belongs, and the slip in it, said in Norwegian.

A % sign, a hedge such as «ca.» or «nærmere», a decimal comma, a space, quotes, a sum in millions
(«5,706 mill.»), a range («mellom 18 og 55») or a period of years («2019-2020»): each gets the way to
write it instead.
"""

from __future__ import annotations

import re
import typing

from pydantic import BaseModel

from generator.records.model.fields import Year, check_year


def shown(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return " ".join(str(value).split())


def _is_year(parent: type[BaseModel] | None, field: str) -> bool:
    info = parent.model_fields.get(field) if parent else None
    if info is None:
        return False
    annotations = [info.annotation, *typing.get_args(info.annotation)]
    return Year in annotations or any(getattr(m, "func", None) is check_year for m in info.metadata)


YEAR_SPAN = re.compile(r"(\d{4})\s*[-–—/]\s*(\d{2,4})")
# What people write before a number, and the qualifier that says it.
QUALIFIERS = (
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
PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_DIGITS = r"\d+(?:[.,]\d+)?"
# «5,706 mill.», «12 mill. kr», «1,2 mrd»: a sum in millions or billions, with or without a hedge before it.
MILLIONS = re.compile(rf"(?P<hedge>\D*?)(?P<number>{_DIGITS})\s*(?P<scale>mill(?:ioner|ion)?|mrd|milliard(?:er)?)\.?"
                       rf"(?:\s*(?:kr|kroner|nok)\.?)?", re.I)
# «mellom 18 og 55», «18–55 år», «fra 18 til 55»: a range where one number belongs.
NUMBER_RANGE = re.compile(rf"(?:mellom|fra)?\s*({_DIGITS})\s*(?:[-–—]|og|til)\s*({_DIGITS})\b.*", re.I)


def _millions_message(start: str, found: re.Match, parent: type[BaseModel] | None) -> str:
    """A sum in millions: value in millions with unit «millioner kroner», never kroner with a decimal point."""
    value = float(found.group("number").replace(",", "."))
    if found.group("scale").lower().startswith(("mrd", "milliard")):
        value *= 1000
    written = f"{value:.6f}".rstrip("0").rstrip(".")
    hedge = found.group("hedge").strip()
    qualifier = next((q for pattern, q in QUALIFIERS if hedge and pattern.fullmatch(hedge + " ")), None)
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
    span = YEAR_SPAN.fullmatch(text)
    if span:
        if parent and "year_note" in parent.model_fields:
            return (f"«{field}» skal være ett årstall, ikke «{text}»; velg året tallet gjelder, "
                    f'eller skriv perioden i year_note: "{span.group(1)}–{span.group(2)}"')
        return f"«{field}» skal være ett årstall, ikke «{text}»; velg ett år"
    first = re.match(r"(\d{4})\b", text)
    if first:
        return f"«{field}» skal være et årstall, ikke «{text}»; skriv bare {first.group(1)}"
    return f"«{field}» skal være et årstall med fire siffer, f.eks. 2019, ikke «{text}»"


def number_message(field: str, value, parent: type[BaseModel] | None) -> str:
    """What was written, and the slip in it: a % sign, «ca.», a decimal comma, a space, quotes, a range."""
    if isinstance(value, (list, dict)):
        return f"«{field}» skal være ett tall, ikke en liste eller en samling felt"
    text = shown(value)
    if _is_year(parent, field):
        return _year_message(field, text, parent)
    start = f"«{field}» skal være et tall, ikke «{text}»"
    if "%" in text:
        return f"{start}; fjern %-tegnet (enheten står i unit)"
    millions = MILLIONS.fullmatch(text)
    if millions:
        return _millions_message(start, millions, parent)
    span = NUMBER_RANGE.fullmatch(text)
    if span:
        return _range_message(start, span)
    for pattern, qualifier in QUALIFIERS:
        words = pattern.match(text)
        number = text[words.end():] if words else ""
        if words and PLAIN_NUMBER.fullmatch(number):
            if parent and "qualifier" in parent.model_fields:
                return f'{start}; skriv bare tallet ({number}) og sett qualifier: "{qualifier}"'
            return f"{start}; skriv bare tallet ({number})"
    if re.fullmatch(r"[-+]?\d+,\d+", text):
        return f"{start}; bruk punktum som desimaltegn: {text.replace(',', '.')}"
    if re.fullmatch(r"\d{1,3}(?:\s\d{3})+", text):
        return f"{start}; skriv tallet uten mellomrom: {''.join(text.split())}"
    if isinstance(value, str) and PLAIN_NUMBER.fullmatch(text):
        return f"«{field}» skal være et tall, men «{text}» står i anførselstegn; fjern anførselstegnene"
    return f"{start}; skriv tallet uten anførselstegn, med punktum som desimaltegn (f.eks. 16.3)"


_MILLIONS_KEY = re.compile(r"\d+\s*(?:mill|mrd|milliard)", re.I)


def millions_key_message(key: str) -> str | None:
    """`{value: 5,706 mill.}`: inside { } the comma ends the value (5), and «706 mill.» becomes a field name."""
    if not _MILLIONS_KEY.match(key):
        return None
    return (f"«value» ble delt ved kommaet, og «{key}» ble lest som et feltnavn; et beløp i millioner skrives med "
            f"punktum som desimaltegn og unit: millioner kroner, f.eks. value: 5.706 og unit: millioner kroner "
            f"(vises som «5,7 mill. kr»)")
