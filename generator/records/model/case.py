"""A case record: one municipality's (or several municipalities') integration practice."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from generator.records.model import places
from generator.records.model.fields import (
    CasePart,
    OrganisationModel,
    PastDate,
    Region,
    ShortText,
    Slug,
    TargetGroup,
    Text,
    Theme,
    WebUrl,
    Year,
)
from generator.records.model.contact import Contact
from generator.records.model.figures import Figure, Result
from generator.text import look_alike_key

class Municipality(CasePart):
    # region is optional to pydantic only so that places.py can say which county is missing; the editor's
    # schema and the form require it
    model_config = ConfigDict(**CasePart.model_config, json_schema_extra=places.county_required)

    name: ShortText = Field(description=(
        "Kommunens navn slik SSB skriver det, f.eks. «Rælingen», eller en tidligere kommune kilden nevner "
        "(f.eks. «Kvalsund», nå Hammerfest); se generator/records/municipalities.csv."
    ))
    region: Region | None = Field(
        None,
        description=(
            "Fylket kommunen ligger i: dagens fylke etter SSBs inndeling, eller et tidligere fylke når kilden "
            "bruker det og det står i regions i generator/records/vocabulary.yaml (f.eks. oppland). Står ikke "
            "fylket i kilden, finn det i generator/records/municipalities.csv og skriv region_basis: offentlig-inndeling."
        ),
        examples=["akershus"],
    )
    region_basis: Literal["kilde", "offentlig-inndeling"] = Field(
        "kilde",
        description=(
            "Hvor fylket kommer fra. kilde: kilden nevner det. offentlig-inndeling: kilden nevner det ikke, "
            "og fylket er hentet fra SSBs standard for kommuneinndeling (vises som «offentlig inndeling»)."
        ),
    )
    population: Figure | None = Field(None, description="Innbyggertall, med år og kilde.")
    immigrant_share: Figure | None = Field(None, description="Andel innvandrere, i prosent.")

    @model_validator(mode="after")
    def _in_the_classification(self):
        places.check(self.name, self.region, "region" in self.model_fields_set)
        return self

    @property
    def part_of_today(self) -> tuple[str, ...]:
        """Today's municipalities a former one is part of («Kvalsund» -> ("Hammerfest",)); empty for today's."""
        return places.today(self.name, self.region)

    @property
    def number(self) -> str | None:
        """The municipality's number in Statistics Norway's classification."""
        return places.number(self.name, self.region)

    @model_validator(mode="after")
    def _not_zero(self):
        # Every municipality has inhabitants and immigrants: a 0 here is a slip or a placeholder.
        for name, what in (("population", "innbyggertallet"), ("immigrant_share", "andelen innvandrere")):
            if getattr(self, name) is not None and getattr(self, name).value == 0:
                raise PydanticCustomError(
                    "zero_count", "«value»: {what} kan ikke være 0; skriv tallet fra kilden, eller fjern «{name}» "
                    "hvis kilden ikke oppgir det", {"what": what, "name": name, "at": (name, "value")},
                )
        return self


class Organisation(CasePart):
    model: OrganisationModel = Field(description="Hvordan tjenesten er organisert (organisation_models i generator/records/vocabulary.yaml).")
    unit: ShortText = Field(description="Enheten som gjør arbeidet, f.eks. «Flyktningtjenesten».")
    placement: Text | None = Field(None, description="Hvor enheten ligger i kommunen og hvem den svarer til.")
    since: Year | None = Field(None, description="Året organiseringen startet.")
    staff: Text | None = Field(None, description="Hvem og hvor mange som jobber der.")
    description: Text = Field(description="Hvordan arbeidet er organisert, med egne ord.")
    competences: list[ShortText] = Field(default_factory=list, max_length=30, description="Fagområder teamet dekker.")


class Practice(CasePart):
    """A tiltak: what it is, who it is for and why it works."""

    name: ShortText = Field(description="Tiltakets navn, f.eks. «Språkpraksis med fadder».")
    since: Year | None = Field(None, description="Året tiltaket startet.")
    description: Text = Field(description="Hva tiltaket er, med egne ord.")
    why_it_works: Text | None = Field(None, description="Hvorfor det virker, ifølge kilden.")
    target_groups: list[TargetGroup] = Field(default_factory=list, max_length=30, description="Målgruppene tiltaket er for.")
    templates: list[Slug] = Field(default_factory=list, max_length=20, description="Maler (templates/<slug>.yaml) som hører til tiltaket.")
    source: Slug = Field(description="id til kilden tiltaket er beskrevet i.")


class Statement(CasePart):
    """What a person said, in our words; quote holds at most a few words of their own."""

    summary: Text = Field(description="Hva personen sier, med egne ord.")
    quote: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)] | None = Field(
        None, description="Et kort, ordrett sitat (noen få ord)."
    )


class Person(CasePart):
    name: ShortText = Field(description="Navnet slik kilden skriver det.")
    role: ShortText = Field(description="Stilling eller rolle, f.eks. «Programrådgiver».")
    organisation: ShortText | None = Field(None, description="Arbeidsstedet.")
    statements: list[Statement] = Field(default_factory=list, max_length=20, description="Hva personen sier, gjengitt med egne ord.")
    source: Slug = Field(description="id til kilden uttalelsene kommer fra.")


class Partner(CasePart):
    name: ShortText = Field(description="Navnet på samarbeidspartneren, f.eks. «NAV Rælingen».")
    role: Text | None = Field(None, description="Hva samarbeidet går ut på.")


class Source(CasePart):
    id: Slug = Field(description="Kort id som tall og tiltak viser til, f.eks. «fagforbundet».")
    title: ShortText = Field(description="Kildens tittel.")
    publisher: ShortText | None = Field(None, description="Utgiver, f.eks. «IMDi».")
    published: PastDate | None = Field(None, description="Publiseringsdato (ÅÅÅÅ-MM-DD).")
    published_year: Year | None = Field(None, description="Publiseringsår, når datoen ikke er kjent.")
    url: WebUrl | None = Field(None, description="Nettadressen til kilden (https://, eller http:// når kilden bare finnes der).")
    note: Text | None = Field(None, description="Merknad om kilden.")


class Literature(CasePart):
    title: ShortText = Field(description="Tittelen på rapporten, boken eller artikkelen.")
    author: ShortText | None = Field(None, description="Forfatter(e).")
    series: ShortText | None = Field(None, description="Rapportserie og nummer, f.eks. «NIBR-rapport 2015:2».")
    year: Year | None = Field(None, description="Utgivelsesår.")
    url: WebUrl | None = Field(None, description="Nettadresse (https://, eller http:// når den bare finnes der).")
    summary: Text | None = Field(None, description="Hva den handler om, med egne ord.")
    note: Text | None = Field(None, description="Merknad om litteraturen, f.eks. hvor den kan lånes.")
    source: Slug | None = Field(None, description="Kilden som nevner litteraturen.")


class Case(CasePart):
    """One case: a municipality's (or several municipalities') integration practice."""

    title: ShortText = Field(description="Sidetittel, f.eks. «Rælingen: tøff kjærlighet og tett oppfølging».")
    kind: Literal["kommune", "prosjekt"] = Field(
        "kommune", description="kommune: én kommunes praksis. prosjekt: prosjekt eller modell i flere kommuner."
    )
    summary: Text = Field(description="Et kort sammendrag (2–3 setninger) som vises i lister og søk.")
    language: Literal["nb", "nn"] = Field(
        "nb", description="Språket teksten i posten er skrevet på: nb (bokmål, standard) eller nn (nynorsk), slik kilden skriver."
    )
    municipalities: list[Municipality] = Field(min_length=1, max_length=50, description="Kommunen eller kommunene casen gjelder.")
    aliases: list[ShortText] = Field(default_factory=list, max_length=30, description="Andre navn folk kan søke på.")
    themes: list[Theme] = Field(min_length=1, description="Minst ett tema.", examples=[["organisering", "arbeid-og-kvalifisering"]])
    target_groups: list[TargetGroup] = Field(min_length=1, description="Minst én målgruppe.", examples=[["flyktninger"]])
    background: Text | None = Field(None, description="Bakgrunnen for praksisen, med egne ord.")
    organisation: Organisation = Field(description="Hvordan arbeidet er organisert.")
    practices: list[Practice] = Field(min_length=1, max_length=30, description="Tiltakene, minst ett.")
    success_factors: list[Text] = Field(default_factory=list, max_length=30, description="Det kilden peker på som grunner til at det lykkes.")
    challenges: list[Text] = Field(default_factory=list, max_length=30, description="Utfordringer og funn kilden beskriver.")
    key_figures: list[Figure] = Field(default_factory=list, max_length=30, description="Nøkkeltall, hvert med år og kilde.")
    results: list[Result] = Field(default_factory=list, max_length=20, description="Resultater over flere år (vises som diagram og tabell).")
    contacts: list[Contact] = Field(default_factory=list, max_length=20, description="Kontaktpersoner som har sagt ja til å stå oppført, eller som kilden selv oppgir.")
    people: list[Person] = Field(default_factory=list, max_length=30, description="Personer som uttaler seg i kildene.")
    partners: list[Partner] = Field(default_factory=list, max_length=50, description="Samarbeidspartnere.")
    sources: list[Source] = Field(min_length=1, max_length=50, description="Kildene, minst én. Alt på siden må kunne spores hit.")
    literature: list[Literature] = Field(default_factory=list, max_length=50, description="Relatert litteratur (rapporter, forskning).")
    related: list[Slug] = Field(default_factory=list, max_length=30, description="Andre caser (filnavn uten .yaml).")
    updated: PastDate = Field(description="Dato posten sist ble endret (vises som «sist oppdatert»).")
    last_verified: PastDate = Field(description="Dato posten sist ble kontrollert mot kildene.")

    @property
    def regions(self) -> list[str]:
        """The counties of the case's municipalities, each once, sorted by key."""
        return sorted({m.region for m in self.municipalities if m.region})

    @model_validator(mode="after")
    def _no_repeats(self):
        lists = [(("themes",), self.themes), (("target_groups",), self.target_groups)]
        lists += [(("practices", p, "target_groups"), practice.target_groups) for p, practice in enumerate(self.practices)]
        for at, terms in lists:
            for index, term in enumerate(terms):
                if term in terms[:index]:
                    raise PydanticCustomError(
                        "repeated_term", "«{field}»: «{term}» står to ganger; fjern den ene",
                        {"field": at[-1], "term": term, "at": (*at, index)},
                    )
        return self

    @model_validator(mode="after")
    def check_one_headline(self):
        marked = [(name, index) for name in ("key_figures", "results")
                  for index, item in enumerate(getattr(self, name)) if item.headline]
        if len(marked) > 1:
            name, index = marked[1]
            raise PydanticCustomError(
                "two_headlines", "«headline»: bare ett tall eller én resultatserie kan være hovedresultatet; fjern «headline: true» her",
                {"at": (name, index, "headline")},
            )
        return self

    def headline(self) -> Figure | Result | None:
        """The headline result: the one the record marks, else the first result series, else the first key figure.

        The fallback is a choice of presentation (the first thing the contributor listed), not a claim of the source.
        """
        marked = [item for item in (*self.key_figures, *self.results) if item.headline]
        return next(iter(marked or self.results or self.key_figures), None)

    @model_validator(mode="after")
    def check_distinct_source_titles(self):
        # Every «Kilde: …» line names a source by its title: two alike would be two sources no reader can tell apart.
        seen: dict[str, str] = {}
        for index, source in enumerate(self.sources):
            first = seen.setdefault(look_alike_key(source.title), source.id)
            if first != source.id:
                raise PydanticCustomError(
                    "same_source_title",
                    "«title»: kilden «{id}» har samme tittel som kilden «{first}» («{title}»), så leseren ser ikke forskjell "
                    "på dem; legg til det som skiller dem i tittelen, f.eks. delen av nettstedet siden ligger under "
                    "(«{title} – Voksenopplæring») eller året («{title} 2016»)",
                    {"id": source.id, "first": first, "title": source.title, "at": ("sources", index, "title")},
                )
        return self

    @model_validator(mode="after")
    def check_references(self):
        # "at" in the context lets validation_messages.py point at the line of the offending value.
        ids = [s.id for s in self.sources]
        for index, source_id in enumerate(ids):
            if source_id in ids[:index]:
                raise PydanticCustomError(
                    "duplicate_source", "kilde-id «{id}» er brukt flere ganger", {"id": source_id, "at": ("sources", index, "id")}
                )
        known = ", ".join(sorted(ids))
        for loc, ref in self._citations():
            if ref not in ids:
                raise PydanticCustomError(
                    "unknown_source", "ukjent kilde «{ref}»; kjente kilder er: {known}", {"ref": ref, "known": known, "at": loc}
                )
        return self

    def _citations(self):
        """Every source id the record cites, with where: (("key_figures", 0, "source"), "ssb")."""
        for name in ("key_figures", "results", "practices", "contacts", "people"):
            for index, item in enumerate(getattr(self, name)):
                yield (name, index, "source"), item.source
        for index, m in enumerate(self.municipalities):
            for name in ("population", "immigrant_share"):
                if getattr(m, name):
                    yield ("municipalities", index, name, "source"), getattr(m, name).source
        for index, lit in enumerate(self.literature):
            if lit.source:
                yield ("literature", index, "source"), lit.source

    def source_refs(self) -> list[str]:
        return [ref for _loc, ref in self._citations()]

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)
