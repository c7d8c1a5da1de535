"""A municipality and its county, checked against Statistics Norway's classification (municipalities.csv).

Every municipality lies in a county, so a record always names one; where the source does not, the record
takes it from the classification and says so (`region_basis: offentlig-inndeling`). A former municipality
(merged or divided since 1994) is accepted, since a source written before the change names it so; the page
says what it is part of today.
"""

from __future__ import annotations

from pydantic_core import PydanticCustomError

from generator.records.municipalities import Known, register
from generator.records.vocabulary import FORMER_REGIONS

WHERE = "SSBs kommuneinndeling (generator/records/municipalities.csv)"


def _counties(region: str) -> set[str]:
    """Today's counties a county key stands for: itself, or those a former county became."""
    return set(FORMER_REGIONS.get(region, ())) | {region}


def described(known: Known, written: str) -> str:
    """The municipality as the record writes it, with what a former one is part of today."""
    if known.valid_until is None:
        return written
    return f"{written} (nå {' og '.join(k.short_name for k in register().part_of(known))})"


def _named(keys) -> str:
    keys = [f"«{key}»" for key in sorted(keys)]
    return keys[0] if len(keys) == 1 else ", ".join(keys[:-1]) + " eller " + keys[-1]


def check(name: str, region: str | None, region_given: bool) -> None:
    """Raise the problem with this municipality and county, pointing at the line it is on."""
    found = register().find(name)
    if not found:
        meant = register().suggestion(name)
        hint = (f"mente du «{meant}»?" if meant else
                "skriv navnet slik SSB skriver det, f.eks. «Rælingen»; gjelder teksten en bydel eller et område, "
                "skriv kommunen det ligger i")
        raise PydanticCustomError(
            "unknown_municipality", "«name»: «{name}» er ikke en kommune i {where}; {hint}",
            {"name": name, "where": WHERE, "hint": hint, "at": ("name",)},
        )
    counties = {k.county for k in found}
    if region is None:
        if len(counties) == 1:
            lies = f"{described(found[0], name)} ligger i {_named(counties)} ifølge {WHERE}. Skriv"
        else:
            both = " og ".join(f"«{c}»" for c in sorted(counties))
            lies = f"det finnes en {name} i både {both} ifølge {WHERE}. Skriv fylket kilden mener,"
        raise PydanticCustomError(
            "missing_region",
            "«region» mangler: hver kommune ligger i et fylke, og {lies} {fix}, og «region_basis: offentlig-inndeling» "
            "på linjen under når kilden ikke nevner fylket",
            {"lies": lies, "fix": " eller ".join(f"«region: {c}»" for c in sorted(counties)),
             "at": ("region",) if region_given else ("name",)},
        )
    if not any(k.county in _counties(region) for k in found):
        raise PydanticCustomError(
            "wrong_region", "«region»: {place} ligger i {counties} ifølge {where}, ikke i «{region}»; skriv {fix}",
            {"place": described(found[0], name), "counties": _named(counties), "where": WHERE, "region": region,
             "fix": " eller ".join(f"«region: {c}»" for c in sorted(counties)), "at": ("region",)},
        )


def today(name: str, region: str | None) -> tuple[str, ...]:
    """The names of today's municipalities a former one is part of; empty for one of today's (or unknown)."""
    found = [k for k in register().find(name) if region is None or k.county in _counties(region)]
    if not found or found[0].valid_until is None:
        return ()
    return tuple(k.short_name for k in register().part_of(found[0]))


def number(name: str, region: str | None) -> str | None:
    """The municipality's number in the classification (for a former one, its last number)."""
    found = [k for k in register().find(name) if region is None or k.county in _counties(region)]
    return found[0].number if found else None


def county_required(schema: dict) -> None:
    """The JSON Schema of a municipality with `region` required and never null: every municipality lies in a county."""
    schema.setdefault("required", []).append("region")
    region = schema["properties"]["region"]
    region.pop("default", None)
    choices = [option for option in region.pop("anyOf", []) if option.get("type") != "null"]
    if choices:
        region.update({key: value for key, value in choices[0].items() if key not in region})
