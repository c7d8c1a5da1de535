"""Norway's municipalities, their numbers and counties (Statistics Norway's classification 131), and the
former municipalities with what they are part of today: read from municipalities.csv, which names its
sources. A record's municipality is checked against it, and the contribution form offers it as a choice.

A name is matched as SSB writes it, or by one of its forms («Kautokeino» for «Guovdageaidnu - Kautokeino»),
without the county SSB adds where two municipalities share a name («Herøy» for «Herøy (Nordland)»); the
county then tells them apart.
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from generator.text import look_alike_key, slugify

MUNICIPALITIES_FILE = Path(__file__).with_name("municipalities.csv")
DISPLAY = "generator/records/municipalities.csv"
_COUNTY_IN_NAME = re.compile(r"\s*\(([^)]*)\)\s*$")


@dataclass(frozen=True)
class Known:
    """One municipality of the classification, today's or a former one."""

    number: str
    name: str  # as SSB writes it
    county: str  # today's county key (vocabulary.yaml regions); for a former one, of what it is part of now
    valid_until: int | None  # the last year a former municipality existed; None for today's
    now: tuple[str, ...]  # the numbers of today's municipalities a former one is part of

    @property
    def forms(self) -> list[str]:
        """The names it may be written with: «Guovdageaidnu - Kautokeino» -> [Guovdageaidnu, Kautokeino]."""
        bare = _COUNTY_IN_NAME.sub("", self.name)
        return [part.strip() for part in bare.split(" - ") if part.strip()]

    @property
    def short_name(self) -> str:
        """The first form, without SSB's county in brackets: the name a reader knows it by."""
        return self.forms[0]


class Choice(NamedTuple):
    """What the contribution form fills in when a municipality is chosen."""

    number: str
    county: str
    part_of: tuple[str, ...]  # today's municipalities a former one is part of; empty for today's


class Register:
    def __init__(self, rows: list[Known]):
        self.all = rows
        self.by_number = {k.number: k for k in rows if k.valid_until is None}
        self._by_key: dict[str, list[Known]] = {}
        for known in rows:
            for form in {*known.forms, _COUNTY_IN_NAME.sub("", known.name), known.name}:
                self._by_key.setdefault(look_alike_key(form), []).append(known)
        self._by_folded = {slugify(form): form for k in rows for form in (*k.forms, k.name)}

    def find(self, name: str) -> list[Known]:
        """Every municipality, today's first, that `name` may mean (several where names are shared)."""
        found = self._by_key.get(look_alike_key(name), [])
        return sorted(set(found), key=lambda k: (k.valid_until is not None, -(k.valid_until or 0), k.number))

    def keys(self) -> list[str]:
        """Every name the register accepts, by its look-alike key (what find() looks up)."""
        return sorted(self._by_key)

    def folded(self) -> dict[str, str]:
        """Names by their slug form: what suggestion() offers for a name written without æøå or capitals."""
        return dict(sorted(self._by_folded.items()))

    def suggestion(self, name: str) -> str | None:
        """The name as the classification writes it, for a name written without æøå, accents or capitals,
        or with a letter wrong."""
        folded = slugify(name)
        if folded in self._by_folded:
            return self._by_folded[folded]
        close = difflib.get_close_matches(folded, list(self._by_folded), n=1, cutoff=0.8)
        return self._by_folded[close[0]] if close else None

    def part_of(self, known: Known) -> list[Known]:
        """Today's municipalities a former one is part of (itself, for one of today's)."""
        return [self.by_number[n] for n in known.now if n in self.by_number] if known.valid_until else [known]

    def choices(self) -> dict[str, Choice]:
        """{name: (number, county key, today's municipalities it is part of)}, for the contribution form: today's
        municipalities by each of their names, then the former ones that do not share a name with one of today's."""
        result: dict[str, Choice] = {}
        for known in sorted(self.all, key=lambda k: (k.valid_until is not None, -(k.valid_until or 0))):
            # «Herøy (Nordland)» as SSB tells shared names apart; «Hábmer» and «Hamarøy» each for «Hábmer - Hamarøy»
            labels = [known.name] if _COUNTY_IN_NAME.search(known.name) else known.forms
            parts = tuple(p.short_name for p in self.part_of(known)) if known.valid_until else ()
            for label in labels:
                result.setdefault(label, Choice(known.number, known.county, parts))
        return dict(sorted(result.items(), key=lambda item: slugify(item[0])))


def read(path: Path = MUNICIPALITIES_FILE) -> Register:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows = [
        Known(r["number"], r["name"], r["county"], int(r["valid_until"]) if r["valid_until"] else None,
              tuple(r["now"].split()))
        for r in csv.DictReader(lines)
    ]
    return Register(rows)


@functools.cache
def register() -> Register:
    """The classification, read when first needed (not at import)."""
    return read()


def municipality_choices() -> dict[str, Choice]:
    """name -> (number, county key, today's municipalities a former one is part of): what the form offers."""
    return register().choices()
