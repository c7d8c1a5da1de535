"""Synthetic case records for the benchmark: N valid, varied, Norwegian cases of about 6 KB each.

    python benchmarks/synthetic.py 1000 /tmp/kopi          a project copy with 1,000 synthetic cases
    python benchmarks/synthetic.py 1000 /tmp/plain --plain  the same cases as plain MkDocs pages

Deterministic: case number i is drawn from its own seeded generator, so the same (seed, i, N) always
gives the same bytes. Every field of the Case model is used somewhere, and the vocabulary comes from
generator/records/vocabulary.yaml, so the records pass `python -m generator validate`.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "generator", "templates")
SEED = 2026
TODAY = dt.date(2026, 11, 1)  # fixed, so records do not change with the day the benchmark runs

VOCABULARY = yaml.safe_load((ROOT / "generator" / "records" / "vocabulary.yaml").read_text(encoding="utf-8"))


def todays_municipalities() -> list[tuple[str, str]]:
    """(name, county key) of each of today's municipalities, from the classification validate checks against."""
    lines = (ROOT / "generator" / "records" / "municipalities.csv").read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(line for line in lines if not line.startswith("#"))
    return [(re.sub(r"\s*\(.*\)$", "", r["name"]).split(" - ")[0], r["county"]) for r in rows if not r["valid_until"]]

# --- word pools --------------------------------------------------------------------------------

PREFIXES = [
    "Nord", "Sør", "Øst", "Vest", "Stor", "Lille", "Ny", "Gammel", "Høy", "Lang", "Bjørn", "Rav",
    "Ås", "Elv", "Fjell", "Skog", "Sand", "Stein", "Eik", "Bjørke", "Furu", "Sol", "Måne", "Hval",
    "Ørn", "Laks", "Bre", "Myr", "Grøn", "Kvit",
]
SUFFIXES = [
    "fjord", "dal", "vik", "heim", "stad", "nes", "by", "øy", "berg", "sund", "haug", "land",
    "vang", "rud", "åsen", "li", "mo", "bakken", "voll", "strand",
]
FIRST_NAMES = [
    "Kari", "Ola", "Ingrid", "Per", "Sigrid", "Lars", "Astrid", "Knut", "Marit", "Jon", "Anne",
    "Bjørn", "Hilde", "Erik", "Solveig", "Tor", "Ragnhild", "Geir", "Liv", "Håkon", "Amina", "Ahmed",
    "Fatima", "Yonas", "Samira", "Mohammed", "Nadia", "Tesfay", "Olena", "Andrii", "Maryam", "Ali",
]
SURNAMES = [
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Berg", "Haugen", "Hagen", "Bakke", "Dahl", "Moen", "Lie", "Strand",
    "Solberg", "Aasen", "Eide", "Nygård", "Sæther", "Brekke", "Økland", "Hassan", "Tesfaye",
    "Abdi", "Kovalenko", "Rahimi",
]
SUBJECTS = [
    "kommunen", "flyktningtjenesten", "NAV-kontoret", "voksenopplæringen", "programrådgiveren",
    "teamet", "prosjektlederen", "arbeidsgiverne", "deltakerne", "frivilligsentralen",
    "helsesykepleieren", "bosettingskonsulenten", "kommunedirektøren", "ledergruppen", "mentorene",
    "fadderne", "skolen", "barnehagen", "boligkontoret", "kvalifiseringsteamet", "jobbspesialisten",
    "tolketjenesten", "næringsforeningen", "miljøarbeideren", "familieteamet",
]
VERBS = [
    "følger opp", "kartlegger", "samarbeider med", "tilbyr", "organiserer", "styrker", "prioriterer",
    "evaluerer", "utvikler", "koordinerer", "rekrutterer", "veileder", "møter", "støtter",
    "planlegger", "dokumenterer", "forbereder", "motiverer", "inkluderer", "involverer",
]
OBJECTS = [
    "deltakerne i introduksjonsprogrammet", "lokale arbeidsgivere", "praksisplasser i helse og omsorg",
    "språkpraksis på arbeidsplassen", "individuelle planer", "bosatte familier",
    "enslige mindreårige", "norskopplæringen", "kvalifiseringsløpene", "mentorordningen",
    "frivillige lag og foreninger", "det boligsosiale arbeidet", "helsekurset", "fagbrevløpene",
    "sommerjobber for ungdom", "kurs i arbeidslivskunnskap", "foreldregrupper", "leksehjelpen",
    "overgangen til ordinært arbeid", "samarbeidet med næringslivet", "tolkebruken",
    "kartleggingen av kompetanse", "bedriftsintern opplæring", "arbeidstreningen i kantina",
    "de nyankomne barna", "kvinner som står langt fra arbeidslivet", "fritidsaktivitetene",
    "digitale ferdigheter", "økonomiopplæringen", "førerkortopplæringen",
]
ADVERBIALS = [
    "hver uke", "fra første dag", "gjennom hele programmet", "i tett dialog med NAV",
    "etter en felles plan", "sammen med voksenopplæringen", "i egne samtaler", "på tvers av sektorene",
    "i små grupper", "med tolk ved behov", "i samarbeid med næringslivet", "siden oppstarten",
    "tre ganger i året", "på arbeidsplassen", "i nærmiljøet", "etter avtale med deltakeren",
    "i hele kommunen", "før bosettingen", "i det første året", "når behovet oppstår",
]
EFFECTS = [
    "bedre resultater", "færre avbrudd", "mer forutsigbarhet for deltakerne",
    "raskere overgang til arbeid", "tryggere arbeidsgivere", "et sterkere faglig fellesskap",
    "flere fast ansatte", "kortere ventetid", "bedre norskferdigheter", "mer tillit mellom partene",
    "større eierskap hos deltakerne", "en mer samlet innsats", "lavere sosialhjelpsutgifter",
]
CONNECTORS = [
    "I tillegg", "Samtidig", "Etter hvert", "Derfor", "Ifølge kilden", "I praksis", "Over tid",
    "Fra starten", "Likevel", "Dessuten", "Først", "Deretter",
]
TOPICS = [
    "tett oppfølging og tydelige forventninger", "arbeid først", "praksis med fadder",
    "helhetlig bosetting", "språk på arbeidsplassen", "familien i sentrum", "frivillige som brobyggere",
    "kvalifisering i distriktet", "mentorer fra næringslivet", "ett kontor for alt",
    "fagbrev for voksne", "bolig som grunnmur", "helse og livsmestring", "ungdom i jobb",
    "felles plan på tvers", "raskt i arbeid",
]
PRACTICE_KINDS = [
    "Fadderordning", "Språkpraksis", "Jobbsjanse", "Helsekurs", "Mentorprogram", "Arbeidstrening",
    "Bokurs", "Foreldreveiledning", "Kompetansekartlegging", "Bedriftsintern opplæring",
    "Inkluderingsdugnad", "Leksehjelp", "Sommerjobb", "Tverrfaglig team", "Boveiledning",
]
COMPETENCES = [
    "arbeid og kvalifisering", "bolig", "helse", "barnevern", "skole og barnehage", "økonomi",
    "tolking", "psykisk helse", "rus", "frivillighet", "næringsliv",
]
PARTNER_KINDS = [
    "Frivilligsentral", "Voksenopplæring", "Næringsforening", "Husbanken", "Røde Kors", "Idrettslag",
    "Videregående skole", "Helsestasjon", "Bibliotek", "Sanitetsforening", "Sparebank",
]
PUBLISHERS = ["IMDi", "KS", "SSB", "NIBR", "Fafo", "NAV", "Kommunal Rapport", "Distriktssenteret"]
ROLES = ["Flyktningkonsulent", "Programrådgiver", "Avdelingsleder", "Jobbspesialist", "Miljøarbeider",
         "Prosjektleder", "Kommunalsjef", "Rektor", "Helsesykepleier", "Daglig leder"]
QUOTES = [
    "Vi gir aldri opp", "Arbeid er den beste integreringen", "Det handler om tillit",
    "Alle må bidra", "Språket lærer man best på jobb", "Vi møter folk der de er",
    "Tydelige forventninger hjelper", "Små kommuner kan mye",
]
UNITS_FIGURES = [("Deltakere i programmet", "personer"), ("Ansatte i tjenesten", "årsverk"),
                 ("Praksisplasser", "antall"), ("Tilskudd per år", "kroner"), ("Land deltakerne kom fra", "land"),
                 ("Gjennomsnittlig botid", "år")]
RESULT_LABELS = ["Overgang til arbeid eller utdanning", "Deltakere i arbeid ett år etter programmet",
                 "Bestått norskprøve", "Deltakere i praksis", "Fullført introduksjonsprogram"]


def slugify(value: str) -> str:
    text = value.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a"}))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def real_sentences(cases_dir: Path = ROOT / "cases") -> list[list[str]]:
    """The sentences of the real records, as word lists: the vocabulary and rhythm of real cases."""
    sentences = set()
    for path in sorted(cases_dir.glob("*.yaml")):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«])", " ".join(text.split())):
                if len(sentence.split()) >= 6 and "@" not in sentence and "http" not in sentence:
                    sentences.add(sentence.rstrip("."))
    return [s.split() for s in sorted(sentences)]


REAL = real_sentences()


class Writer:
    """Norwegian sentences, varied per case: most recombined from the real records (the first part of
    one sentence, the rest of another), some from the pools above with the case's own names."""

    def __init__(self, rng: random.Random, local_words: list[str]):
        self.rng = rng
        self.local = local_words  # names that belong to this case, so its text is its own

    def sentence(self) -> str:
        if REAL and self.rng.random() < 0.75:
            return self.recombined()
        return self.pooled()

    def recombined(self) -> str:
        r = self.rng
        first, second = r.choice(REAL), r.choice(REAL)
        cut_a, cut_b = r.randint(2, len(first) - 2), r.randint(2, len(second) - 2)
        words = first[:cut_a] + second[cut_b:]
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def pooled(self) -> str:
        r = self.rng
        subject = r.choice(SUBJECTS + self.local)
        verb, obj, adverbial = r.choice(VERBS), r.choice(OBJECTS), r.choice(ADVERBIALS)
        if r.random() < 0.35:
            text = f"{r.choice(CONNECTORS)} {verb} {subject} {obj} {adverbial}"
        else:
            text = f"{subject[0].upper()}{subject[1:]} {verb} {obj} {adverbial}"
        roll = r.random()
        if roll < 0.3:
            text += f", og det gir {r.choice(EFFECTS)}"
        elif roll < 0.45:
            text += f", fordi {r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)}"
        elif roll < 0.55:
            text += f" ({r.choice(self.local)} {r.randint(2005, 2025)})"
        return text + "."

    def text(self, low: int, high: int) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def short(self, limit: int = 190) -> str:
        return self.sentence()[:limit].rstrip(" ,.") + "."


def _phone(rng: random.Random) -> str:
    digits = f"{rng.choice('49')}{rng.randint(0, 9999999):07d}"
    style = rng.random()
    if style < 0.5:
        return f"+47 {digits[:3]} {digits[3:5]} {digits[5:]}"
    if style < 0.8:
        return f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"
    return digits


def _date(rng: random.Random, start_year: int = 2023) -> dt.date:
    start = dt.date(start_year, 1, 1)
    return start + dt.timedelta(days=rng.randint(0, (TODAY - start).days))


def municipality_name(rng: random.Random) -> str:
    prefix, suffix = rng.choice(PREFIXES), rng.choice(SUFFIXES)
    return prefix + (suffix if not prefix.endswith(suffix[0]) else suffix[1:])


def case_slug(index: int, seed: int = SEED) -> str:
    rng = random.Random(f"{seed}-slug-{index}")
    return f"{slugify(municipality_name(rng))}-{index:05d}"


def case_record(index: int, n: int, template_slugs: list[str], seed: int = SEED) -> dict:
    """Case number `index` of `n` as the dict a contributor would write in YAML."""
    rng = random.Random(f"{seed}-case-{index}")
    name_rng = random.Random(f"{seed}-slug-{index}")
    names = [municipality_name(name_rng)]
    kind = "prosjekt" if rng.random() < 0.15 else "kommune"
    if kind == "prosjekt":
        names += [municipality_name(rng) for _ in range(rng.randint(1, 3))]
        names = list(dict.fromkeys(names))
    project = f"{rng.choice(PRACTICE_KINDS)} {names[0]}"
    people_names = [f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(rng.randint(1, 3))]
    w = Writer(rng, [names[0], f"{names[0]} kommune", project, *people_names])

    source_ids = ["imdi", "ssb", "kommunen", "rapport"][: rng.randint(2, 4)]
    src = lambda: rng.choice(source_ids)  # noqa: E731
    themes = rng.sample(list(VOCABULARY["themes"]), rng.randint(2, 4))
    groups = rng.sample(list(VOCABULARY["target_groups"]), rng.randint(1, 3))

    def figure(label: str, unit: str, value: float, year: bool = True) -> dict:
        f = {"label": label, "value": value, "unit": unit}
        if rng.random() < 0.2:
            f["qualifier"] = rng.choice(["ca.", "mer enn", "rundt", "om lag"])
        if year:
            f["year"] = rng.randint(2015, 2025)
        else:
            f["year_note"] = "kilden oppgir ikke år"
        if rng.random() < 0.5:
            f["definition"] = w.text(1, 1)
        f["source"] = src()
        return f

    municipalities = []
    # The invented place names make each case's text its own; the municipalities themselves must be real
    # (validate checks them against Statistics Norway's classification), each with its county.
    today = todays_municipalities()
    for name, county in dict(rng.choice(today) for _ in names).items():
        m = {"name": name, "region": county}
        if rng.random() < 0.2:
            m["region_basis"] = "offentlig-inndeling"  # a source that does not name the county
        m["population"] = figure("Innbyggere", "antall", rng.randint(800, 60000))
        if rng.random() < 0.7:
            m["immigrant_share"] = figure("Andel innvandrere", "prosent", round(rng.uniform(3, 30), 1), rng.random() < 0.85)
        municipalities.append(m)

    practices = []
    for _ in range(rng.randint(2, 3)):
        p = {"name": f"{rng.choice(PRACTICE_KINDS)} {rng.choice(['for', 'med', 'i'])} {rng.choice(OBJECTS)}"[:190]}
        if rng.random() < 0.7:
            p["since"] = rng.randint(2008, 2025)
        p["description"] = w.text(2, 3)
        if rng.random() < 0.8:
            p["why_it_works"] = w.text(1, 2)
        p["target_groups"] = rng.sample(groups, rng.randint(1, len(groups)))
        if template_slugs and rng.random() < 0.25:
            p["templates"] = rng.sample(template_slugs, rng.randint(1, 2))
        p["source"] = src()
        practices.append(p)

    results = []
    for label in rng.sample(RESULT_LABELS, rng.randint(1, 2)):
        first = rng.randint(2012, 2020)
        results.append({
            "label": label, "definition": w.text(1, 1), "unit": "prosent", "source": src(),
            "points": [{"year": y, "value": round(rng.uniform(20, 90), 1)} for y in range(first, first + rng.randint(3, 6))],
        })

    contacts = []
    for person in people_names[: rng.randint(1, 2)]:
        c = {"name": person, "role": rng.choice(ROLES), "organisation": f"{names[0]} kommune",
             "phones": [_phone(rng) for _ in range(rng.randint(1, 2))]}
        if rng.random() < 0.6:
            c["email"] = f"{slugify(person).replace('-', '.')}@{slugify(names[0])}.kommune.no"
        c["last_verified"] = _date(rng) if rng.random() < 0.7 else None
        c["source"] = src()
        contacts.append(c)

    people = []
    for person in people_names:
        statements = [{"summary": w.text(1, 2)} for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.6:
            statements[0]["quote"] = rng.choice(QUOTES)
        people.append({"name": person, "role": rng.choice(ROLES), "organisation": f"{names[0]} kommune",
                       "statements": statements, "source": src()})

    sources = []
    for sid in source_ids:
        s = {"id": sid, "title": f"{rng.choice(TOPICS).capitalize()} i {names[0]}", "publisher": rng.choice(PUBLISHERS)}
        if any(other["title"] == s["title"] for other in sources):  # two sources a reader could not tell apart
            s["title"] += f" ({sid})"
        if rng.random() < 0.5:
            s["published"] = _date(rng, 2015)
        else:
            s["published_year"] = rng.randint(2012, 2025)
        s["url"] = f"https://www.{slugify(names[0])}.kommune.no/{sid}/{index}"
        if rng.random() < 0.4:
            s["note"] = w.text(1, 2)
        sources.append(s)

    literature = [{
        "title": f"{rng.choice(TOPICS).capitalize()}: erfaringer fra kommunene",
        "author": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
        "series": f"{rng.choice(['NIBR-rapport', 'Fafo-rapport', 'IMDi-rapport'])} {rng.randint(2010, 2025)}:{rng.randint(1, 20)}",
        "year": rng.randint(2010, 2025),
        "url": f"https://www.{rng.choice(['imdi', 'fafo', 'oslomet'])}.no/rapport/{index}",
        "summary": w.text(1, 2),
        "source": src(),
    } for _ in range(rng.randint(0, 2))]

    # Its own generator: how many cases there are to pick from must not change the draws after it
    # (the titles of cases 0-2 are in the template downloads, whose cache is shared between sizes).
    related_rng = random.Random(f"{seed}-related-{index}")
    picked = [i for i in related_rng.sample(range(n), min(n, related_rng.randint(1, 4) + 1)) if i != index][:4]
    related = sorted({case_slug(i, seed) for i in picked})
    updated = _date(rng, 2024)
    return {
        # Numbered: two cases may not share a title (validate refuses it), and names and topics repeat.
        "title": f"{', '.join(names) if kind == 'prosjekt' else names[0]}: {rng.choice(TOPICS)} ({index})",
        "kind": kind,
        "summary": w.text(2, 3),
        "municipalities": municipalities,
        "aliases": [project, f"{rng.choice(TOPICS).capitalize()} i {names[0]}"],
        "themes": themes,
        "target_groups": groups,
        "background": w.text(2, 3) + "\n\n" + w.text(1, 2),
        "organisation": {
            "model": "tverrkommunalt-prosjekt" if kind == "prosjekt" else rng.choice(
                [m for m in VOCABULARY["organisation_models"] if m != "tverrkommunalt-prosjekt"]),
            "unit": f"{rng.choice(['Flyktningtjenesten', 'Inkluderingsenheten', 'NAV', 'Kvalifiseringssenteret'])} i {names[0]}",
            "placement": w.text(1, 2),
            "since": rng.randint(2000, 2024),
            "staff": f"{rng.randint(2, 14)} ansatte, blant dem en {rng.choice(ROLES).lower()}.",
            "description": w.text(2, 3),
            "competences": rng.sample(COMPETENCES, rng.randint(2, 5)),
        },
        "practices": practices,
        "success_factors": [w.text(1, 2) for _ in range(rng.randint(2, 3))],
        "challenges": [w.text(1, 2) for _ in range(rng.randint(1, 2))],
        "key_figures": [figure(label, unit, rng.randint(2, 500)) for label, unit in rng.sample(UNITS_FIGURES, rng.randint(1, 3))],
        "results": results,
        "contacts": contacts,
        "people": people,
        "partners": [{"name": f"{kind_} {names[0]}", "role": w.short()} if rng.random() < 0.8 else {"name": f"{kind_} {names[0]}"}
                     for kind_ in rng.sample(PARTNER_KINDS, rng.randint(1, 3))],
        "sources": sources,
        "literature": literature,
        "related": related,
        "updated": updated,
        "last_verified": updated - dt.timedelta(days=rng.randint(0, 200)),
    }


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: 5,000 records in seconds


def case_yaml(record: dict) -> str:
    body = yaml.dump(record, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return "# yaml-language-server: $schema=../schema/case.schema.json\n\n" + body


def _ignore(_dir, names):
    # Only the project's parts are copied, never the built site; a folder named site (generator/site/) is source.
    return [n for n in names if n in ("__pycache__", ".cache") or n.endswith(".pyc")]


def template_slugs(source: Path = ROOT) -> list[str]:
    return sorted(p.stem for p in (source / "templates").glob("*.yaml"))


def snapshot(source: Path, dest: Path) -> Path:
    """The project parts the benchmark needs, copied once, so edits made during a long run do not leak in."""
    dest = Path(dest)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, dest / part, ignore=_ignore, dirs_exist_ok=True)
        elif (source / part).exists():
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / part, dest / part)
    return dest


def write_project(dest: Path, n: int, seed: int = SEED, source: Path = ROOT) -> list[tuple[str, dict]]:
    """A copy of the project at dest with exactly n synthetic cases; returns the (slug, record) pairs.

    Templates are copied with their `cases` pointing at synthetic cases 0–2 (the real cases are not
    copied), so the template downloads keep the same inputs for every N and their cache can be shared.
    """
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        target = dest / part
        if target.is_dir():
            shutil.rmtree(target)
        if (source / part).is_dir():
            shutil.copytree(source / part, target, ignore=_ignore)
        elif (source / part).exists():
            shutil.copy2(source / part, target)
    slugs = template_slugs(source)
    for path in sorted((dest / "templates").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["cases"] = [case_slug(i, seed) for i in range(min(n, 3))]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    cases_dir = dest / "cases"
    if cases_dir.exists():
        shutil.rmtree(cases_dir)
    cases_dir.mkdir()
    records = []
    for i in range(n):
        slug, record = case_slug(i, seed), case_record(i, n, slugs, seed)
        (cases_dir / f"{slug}.yaml").write_text(case_yaml(record), encoding="utf-8")
        records.append((slug, record))
    return records


# --- the same cases as hand-written pages for plain MkDocs + Material ---------------------------

def _year(f: dict) -> str:
    return str(f["year"]) if "year" in f else f["year_note"]


def plain_markdown(slug: str, record: dict, titles: dict[str, str]) -> str:
    """What a contributor would write by hand in a plain MkDocs site: the same content, plain Markdown."""
    out = [f"# {record['title']}", "", record["summary"], "",
           f"Sist oppdatert {record['updated']} · Sist bekreftet {record['last_verified']}", "",
           "| Kort om casen | |", "|---|---|",
           f"| Kommune | {', '.join(m['name'] for m in record['municipalities'])} |",
           f"| Fylke | {', '.join(VOCABULARY['regions'][m['region']] for m in record['municipalities'] if 'region' in m) or 'ikke oppgitt'} |"]
    for m in record["municipalities"]:
        for key in ("population", "immigrant_share"):
            if key in m:
                f = m[key]
                out.append(f"| {f['label']} i {m['name']} | {f['value']} ({_year(f)}; kilde: {f['source']}) |")
    org = record["organisation"]
    out += [f"| Organisering | {VOCABULARY['organisation_models'][org['model']]}: {org['unit']} |",
            f"| Temaer | {', '.join(VOCABULARY['themes'][t] for t in record['themes'])} |",
            f"| Målgrupper | {', '.join(VOCABULARY['target_groups'][g] for g in record['target_groups'])} |", "",
            "## Bakgrunn", "", record["background"], "", "## Organisering", "", org["description"], "",
            f"**Plassering:** {org['placement']}", "", f"**Bemanning:** {org['staff']}", "",
            "**Fagområder i teamet:**", ""] + [f"- {c}" for c in org["competences"]] + ["", "## Tiltak", ""]
    for p in record["practices"]:
        out += [f"### {p['name']}", "", p["description"], ""]
        if "why_it_works" in p:
            out += [f"**Hvorfor det virker:** {p['why_it_works']}", ""]
    out += ["## Suksessfaktorer", ""] + [f"- {s}" for s in record["success_factors"]]
    out += ["", "## Utfordringer", ""] + [f"- {s}" for s in record["challenges"]]
    out += ["", "## Nøkkeltall", "", "| Tall | Verdi | År | Kilde |", "|---|---|---|---|"]
    out += [f"| {f['label']} | {f['value']} {f['unit']} | {_year(f)} | {f['source']} |" for f in record["key_figures"]]
    out += ["", "## Resultater", ""]
    for r in record["results"]:
        out += [f"### {r['label']}", "", r["definition"], "", "| År | Prosent |", "|---|---|"]
        out += [f"| {p['year']} | {p['value']} |" for p in r["points"]] + [""]
    out += ["## Kontakt", ""]
    for c in record["contacts"]:
        phones = ", ".join(c["phones"])
        out += [f"- **{c['name']}**, {c['role']}, {c['organisation']}: {phones}" + (f", {c['email']}" if "email" in c else "")]
    out += ["", "## Dette sier de", ""]
    for person in record["people"]:
        for s in person["statements"]:
            out += [f"**{person['name']}** ({person['role']}): {s['summary']}" + (f" «{s['quote']}»" if "quote" in s else ""), ""]
    out += ["## Samarbeidspartnere", ""] + [f"- **{p['name']}**" + (f": {p['role']}" if "role" in p else "") for p in record["partners"]]
    out += ["", "## Kilder", ""] + [f"1. [{s['title']}]({s['url']}), {s['publisher']}" for s in record["sources"]]
    if record["literature"]:
        out += ["", "## Litteratur", ""] + [f"- *{lit['title']}* ({lit['series']}): {lit['summary']}" for lit in record["literature"]]
    out += ["", "## Relaterte eksempler", ""] + [f"- [{titles[r]}]({r}.md)" for r in record["related"]]
    return "\n".join(str(line) for line in out) + "\n"


def write_plain_project(dest: Path, records: list[tuple[str, dict]]) -> None:
    """A `mkdocs new`-style project with Material and its search plugin, every page in the default nav."""
    dest = Path(dest)
    if dest.exists():
        shutil.rmtree(dest)
    pages = dest / "docs" / "eksempler"
    pages.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(
        "site_name: Integreringspraksis (ren MkDocs)\n"
        "theme:\n  name: material\n  language: nb\n  font: false\n"
        "plugins:\n  - search:\n      lang: [\"no\"]\n"
        "markdown_extensions:\n  - tables\n",
        encoding="utf-8",
    )
    (dest / "docs" / "index.md").write_text("# Integreringspraksis\n\nAlle eksemplene ligger under Eksempler.\n", encoding="utf-8")
    titles = {slug: record["title"] for slug, record in records}
    for slug, record in records:
        (pages / f"{slug}.md").write_text(plain_markdown(slug, record, titles), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--plain", action="store_true", help="write a plain MkDocs project instead")
    args = parser.parse_args(argv)
    if args.plain:
        slugs = template_slugs()
        records = [(case_slug(i, args.seed), case_record(i, args.n, slugs, args.seed)) for i in range(args.n)]
        write_plain_project(args.dest, records)
    else:
        write_project(args.dest, args.n, args.seed)
    print(f"{args.n} caser skrevet til {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
