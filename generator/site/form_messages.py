"""The messages the contribution form shows, made by the code `make validate` runs.

Each message is got by feeding the real check a probe value and putting a {placeholder} where the
probe stands, so the form says what `make validate` would say, in the same words, and a reworded
message reaches the form by itself.
"""

from __future__ import annotations

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from generator.records import text_slips
from generator.records.model import Case, Figure, MAX_YEAR, MIN_YEAR, Municipality, Point, Result, places
from generator.records.model.contact import Contact
from generator.records.municipalities import register
from generator.records.vocabulary import FORMER_REGIONS, VOCABULARY
from generator.records.model.figures import WHOLE_UNITS
from generator.records.model.fields import check_date, check_phone, check_year, phone_problem
from generator.records.number_messages import MILLIONS, NUMBER_RANGE, PLAIN_NUMBER, QUALIFIERS, YEAR_SPAN, number_message
from generator.records.validation_messages import date_message, message, pattern_hint
from generator.records.yaml_checks import CONTROL, invisible_message
from generator.text import SLUG_MAX, slug_problem

FIELD, TEXT = "QQFIELD", "QQTEXT"


def _template(message: str, **probes: str) -> str:
    message = message.replace(FIELD, "{field}")
    for name, probe in probes.items():
        message = message.replace(str(probe), "{" + name + "}")
    return message


def _value_error(error: Exception, field: str = FIELD) -> str:
    return message({"type": "value_error", "loc": (field, 0), "msg": str(error), "ctx": {"error": error}, "input": {}}, Case)


def _validation(model, data: dict) -> dict:
    try:
        model.model_validate(data)
    except ValidationError as error:
        return error.errors(include_url=False)[0]
    raise AssertionError(f"probe {data} was accepted")


def _raised(check, value) -> str:
    try:
        check(value)
    except (ValueError, PydanticCustomError) as error:
        return str(error.message() if isinstance(error, PydanticCustomError) else error)
    raise AssertionError(f"probe {value!r} was accepted")


def _figure(**fields) -> dict:
    return {"label": "a", "value": 5, "unit": "prosent", "year": 2020, "source": "s", **fields}


def _case_rule(rule: str, **fields) -> str:
    """The message of one of the record's cross-field checks (Case.check_*), run on a record built for it."""
    case = Case.model_construct(**{"key_figures": [], "results": [], "sources": [], "practices": [], "contacts": [],
                                   "people": [], "municipalities": [], "literature": [], **fields})
    return _raised(lambda c: getattr(Case, rule)(c), case)


def messages() -> dict[str, str]:
    """Message templates by rule; {field}, {text}, {value} and the like are filled in by the form."""
    import datetime as dt

    future = dt.date(MAX_YEAR + 1, 1, 2)
    found = {
        "missing": _template(message({"type": "missing", "loc": (FIELD,)}, Case)),
        "too_long": _template(message({"type": "string_too_long", "loc": (FIELD,), "input": "x", "ctx": {"max_length": 987}}, Case), max=987),
        "too_few": _template(message({"type": "too_short", "loc": ("municipalities",), "input": [1], "ctx": {"min_length": 987}}, Case).replace("municipalities", FIELD), min=987),
        "too_many": _template(message({"type": "too_long", "loc": (FIELD,), "input": [1], "ctx": {"max_length": 987, "actual_length": 986}}, Case), max=987, count=986),
        "url": "«{field}» " + _template(pattern_hint("url", TEXT), text=TEXT),
        "email": "«{field}» " + pattern_hint("email", TEXT),
        "slug": "«{field}» " + pattern_hint("slug", "QQ TEXT").replace("QQ TEXT", "{text}").replace(
            slug_problem("QQ TEXT"), "{problem}").replace("qq-text", "{suggestion}"),
        "year_range": _template(message({"type": "value_error", "loc": (FIELD,), "msg": "", "input": 1234,
                                          "ctx": {"error": ValueError(_raised(check_year, 1234))}}, Case), value=1234),
        "year_text": _template(number_message("year", TEXT, Point).replace("«year»", f"«{FIELD}»"), text=TEXT),
        "number_text": _template(number_message(FIELD, TEXT, Point), text=TEXT),
        "date_text": _template(date_message(FIELD, TEXT, None), text=TEXT),
        "date_future": _template(_value_error(ValueError(_raised(check_date, future))).replace("«QQFIELD»: ", "«{field}»: "),
                                 value=future.isoformat()),
        "year_or_note": _template(_value_error(ValueError(_validation(Figure, _figure(year=None))["ctx"]["error"]))),
        "percent": _template(_value_error(_validation(Figure, _figure(value=123.5))["ctx"]["error"]), value="123.5"),
        "negative": _template(_value_error(_validation(Figure, _figure(value=-5, unit="antall"))["ctx"]["error"])),
        # Per unit: a sum in kroner is also told it may be millions.
        "whole_thousands": {unit: _template(_validation(Figure, _figure(value=4.21, unit=unit))["msg"], thousands=4210,
                                            value="4.21") for unit in WHOLE_UNITS},
        "whole_round": {unit: _template(_validation(Figure, _figure(value=4.2345, unit=unit))["msg"], value="4.2345")
                        for unit in WHOLE_UNITS},
        "point_percent": _template(_validation(Result, {"label": "a", "definition": "d", "source": "s", "points": [
            {"year": 2020, "value": 123.5}]})["msg"], value="123.5"),
        "duplicate_year": _template(_validation(Result, {"label": "a", "definition": "d", "source": "s", "points": [
            {"year": 2020, "value": 1}, {"year": 2020, "value": 2}]})["msg"], year=2020),
        "minimum": _template(message({"type": "greater_than_equal", "loc": (FIELD,), "input": -1, "ctx": {"ge": 987}}, Case), min=987),
        "two_headlines": _case_rule("check_one_headline", key_figures=[Figure.model_construct(headline=True)],
                                    results=[Result.model_construct(headline=True)]),
        "invisible_between": _template(invisible_message("AAQQ\u200bBBQQ", 4, (FIELD,)), code="U+200B", before="AAQQ", after="BBQQ"),
        "invisible_alone": _template(invisible_message("\u200b", 0, (FIELD,)), code="U+200B"),
        "wrapped": "«{field}»: " + text_slips.WRAPPED_IN_STRAIGHT,
    }
    found.update(_reference_messages())
    found.update(_slip_messages())
    found.update(_phone_messages())
    found.update(_amount_messages())
    found.update(_place_messages())
    found.update(_contact_messages())
    name, (county,) = _a_place()
    for kind in ("population", "immigrant_share"):
        data = {"name": name, "region": county, kind: _figure(value=0, unit="personer")}
        found[f"zero_{kind}"] = _validation(Municipality, data)["msg"]
    found["slug_problems"] = {"empty": slug_problem(""), "long": slug_problem("a" * (SLUG_MAX + 1)),
                              "hyphens": slug_problem("-a"), "letters": slug_problem("Å")}
    found["starter"] = _starter_messages()
    found["same_title"] = _same_title()
    return found


def _slip_messages() -> dict[str, str]:
    """What `validate` says of the usual slips in a number, a year, a date or an address."""
    quote = 'https://QQ"X'
    return {
        "url_quote": "«{field}» " + pattern_hint("url", quote).replace(quote, "{text}").replace('«"»', "«{char}»"),
        "url_space": "«{field}» " + _template(pattern_hint("url", "https://QQ X"), text="https://QQ X"),
        "url_www": "«{field}» " + _template(pattern_hint("url", "www.QQ"), text="www.QQ"),
        "year_span_note": _template(number_message("year", "1991/1992", Figure), text="1991/1992", first=1991,
                                    second=1992).replace("«year»", "«{field}»"),
        "year_span": _template(number_message("year", "1991/1992", Point), text="1991/1992").replace("«year»", "«{field}»"),
        "year_first": _template(number_message("year", "1993 QQ", Point), text="1993 QQ", first=1993).replace(
            "«year»", "«{field}»"),
        "number_percent": _template(number_message(FIELD, "987 %", Point), text="987 %"),
        "number_qualifier": _template(number_message(FIELD, "ca. 987", Point), text="ca. 987", number=987).replace(
            '"ca."', '"{qualifier}"'),
        "date_dotted": _template(date_message(FIELD, "31.12.1999", None), text="31.12.1999", iso="1999-12-31"),
    }


def _phone_messages() -> dict:
    """What the model says of a number that is not a Norwegian phone number, and of words around one."""
    from generator.records.model.fields import MOBILE_WORD

    def said(value: str) -> str:
        return f"«{FIELD}»: " + _raised(check_phone, value)

    count, first = phone_problem("12345"), phone_problem("12345678")
    return {
        "phone_wrong": _template(said("tolv").replace(phone_problem("tolv"), "{problem}"), text="tolv"),
        "phone_words": _template(said("tlf. 912 34 567"), extra="«tlf»", number="912 34 567"),
        "phone_words_mobile": _template(said(f"{MOBILE_WORD} 912 34 567"), extra=f"«{MOBILE_WORD}»", number="912 34 567"),
        "phone_words_wrong": _template(said("tlf 123 45").replace(count, "{problem}"), text="tlf 123 45", extra="«tlf»"),
        "phone_problems": {
            "foreign": phone_problem("+4612345678"), "digits": phone_problem("tolv"),
            "count": count.replace(" 5 siffer", " {count} siffer"), "first": first.replace("på 1,", "på {first},"),
        },
    }


def _reference_messages() -> dict[str, str]:
    source = type("S", (), {"id": "qqa"})
    unknown = _case_rule("check_references", sources=[source], key_figures=[Figure.model_construct(source="qqref", headline=False)])
    twice = _case_rule("check_references", sources=[source, source])
    return {"unknown_source": _template(unknown, ref="qqref", known="qqa"), "duplicate_source": _template(twice, id="qqa")}


def _amount_messages() -> dict:
    """A sum in millions (per kind of parent: a figure with its unit, or a series' point) and a range."""
    def said(text: str, parent) -> str:
        return number_message(FIELD, text, parent).replace(f"«{FIELD}»", "«{field}»")

    millions = {}
    for kind, parent in (("figure", Figure), ("point", Point)):
        millions[kind] = {
            "plain": said("7,25 mill.", parent).replace("«7,25 mill.»;", "«{text}»;").replace("7.25", "{value}"),
            "hedged": said("ca. 7,25 mill.", parent).replace("«ca. 7,25 mill.»;", "«{text}»;").replace("7.25", "{value}")
            .replace('"ca."', '"{qualifier}"'),
        }
    text = "mellom 18,5 og 55,5"
    spread = said(text, Point).replace(f"«{text}»;", "«{text}»;", 1)
    for probe, slot in (("18.5", "{low_dot}"), ("55.5", "{high_dot}"), ("18,5", "{low}"), ("55,5", "{high}")):
        spread = spread.replace(probe, slot)
    return {"number_millions": millions, "number_range": spread}


def _a_place(shared: bool = False) -> tuple[str, tuple[str, ...]]:
    """A name the classification knows, with its counties: one in a single county, or one shared by two."""
    for key in register().keys():
        found = register().find(key)
        counties = tuple(sorted({k.county for k in found}))
        if (len(counties) > 1) == shared and found[0].valid_until is None and found[0].short_name.casefold() == key:
            return found[0].short_name, counties
    raise AssertionError("no such municipality in the classification")


def _place_messages() -> dict[str, str]:
    """What `validate` says of a municipality not in the classification, a county missing, or the wrong county."""
    def said(name, region, given):
        return _raised(lambda _: places.check(name, region, given), None)

    name, (county,) = _a_place()
    shared, both = _a_place(shared=True)
    other = next(key for key in VOCABULARY["regions"] if key != county and key not in FORMER_REGIONS)
    unknown = "Qqzzqq"
    meant, written = next((folded, form) for folded, form in register().folded().items()
                          if not form.isascii() and form.isalpha() and not register().find(folded))
    fix = lambda counties: " eller ".join(f"«region: {c}»" for c in counties)  # noqa: E731
    return {
        "unknown_municipality": said(unknown, county, True).replace(unknown, "{name}"),
        "unknown_municipality_meant": said(meant, county, True).replace(f"«{written}»?", "«{meant}»?").replace(
            f"«{meant}»", "«{name}»"),
        "missing_region": said(name, None, False).replace(fix([county]), "{fix}").replace(f"«{county}»", "{counties}")
        .replace(name, "{place}"),
        "missing_region_shared": said(shared, None, False).replace(fix(both), "{fix}").replace(
            " og ".join(f"«{c}»" for c in both), "{both}").replace(shared, "{name}"),
        "wrong_region": said(name, other, True).replace(fix([county]), "{fix}").replace(f"«{other}»", "«{region}»")
        .replace(f"«{county}»", "{counties}").replace(name, "{place}"),
    }


def _contact_messages() -> dict[str, str]:
    """A contact with no way to reach it, and two sources a reader cannot tell apart by title."""
    unreachable = _validation(Contact, {"role": "a", "organisation": "b", "last_verified": None, "source": "s"})["msg"]
    source = lambda id_: type("S", (), {"id": id_, "title": "QQTITLE"})  # noqa: E731
    twice = _case_rule("check_distinct_source_titles", sources=[source("qqfirst"), source("qqsecond")])
    return {"unreachable_contact": unreachable,
            "same_source_title": _template(twice, id="qqsecond", first="qqfirst", title="QQTITLE")}


def _same_title() -> str:
    """What `validate` says of a title another case has, however written; {there} is the other file."""
    from generator.records.catalog import Catalog, cross_check

    catalog = Catalog()
    for slug in ("qqa", "qqb"):
        catalog.cases[slug] = Case.model_construct(title="QQ", municipalities=[], related=[], practices=[])
        catalog.case_files[slug] = f"{slug}.yaml"
    cross_check(catalog)
    message = next(p.message for p in catalog.problems if p.path == "qqb.yaml")
    return message.replace("qqa.yaml", "{there}")


def _starter_messages() -> dict[str, str]:
    text = 'title: "Min kommune"\nsummary: "Min kommune"\nbackground: "..."\n'
    data = {"title": "Min kommune", "summary": "Min kommune", "background": "..."}
    marks = {("title",): (1, 8), ("summary",): (2, 10), ("background",): (3, 13)}
    title, name, dots = (message for _line, _col, message in text_slips.slips(text, data, marks))
    return {"title": title, "name": name.replace("«summary»", "«{field}»"), "dots": dots.replace("«background»", "«{field}»")}


def rules() -> dict:
    """The values the form's checks need, from where the model keeps them."""
    from generator.records.model.fields import PHONE_DIGITS, PHONE_IN_WORDS, MOBILE_WORD

    return {
        "min_year": MIN_YEAR, "max_year": MAX_YEAR, "whole_units": list(WHOLE_UNITS), "percent_unit": "prosent",
        "control": CONTROL.pattern, "phone": PHONE_DIGITS.pattern, "phone_words": PHONE_IN_WORDS.pattern,
        "mobile_word": MOBILE_WORD,
        "wrap_quotes": dict(text_slips.CLOSES), "quotes": text_slips.QUOTES,
        "starter_words": "Min kommune", "lone_dots": text_slips.LONE_DOTS.pattern,
        "headline_lists": ["key_figures", "results"],
        # How `validate` recognises a span of years, a hedged number and a plain number in what was typed.
        "year_span": YEAR_SPAN.pattern, "millions": MILLIONS.pattern, "number_range": NUMBER_RANGE.pattern, "qualifiers": [[p.pattern, q] for p, q in QUALIFIERS],
        "plain_number": PLAIN_NUMBER.pattern,
    }
