"""Loading records: the real ones load, and bad input gets one clear line with file:line, never a traceback."""

from __future__ import annotations

import itertools
import random
import re
import typing
from pathlib import Path

import pytest

from generator.records.catalog import load_catalog, load_record
from generator.records.load import MAX_BYTES, LoadError
from generator.records.model import Case
from generator.records.model.figures import Qualifier

from tests.conftest import CASE_SLUGS, FIXTURES, ROOT

VALID = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")


def problems_for(tmp_path: Path, text: str | bytes, name: str = "testby.yaml") -> list[str]:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(LoadError) as caught:
        load_record(path, Case, root=tmp_path)
    return [str(p) for p in caught.value.problems]


def test_every_case_record_loads_and_validates():
    catalog = load_catalog(ROOT)
    assert [str(p) for p in catalog.problems] == []
    assert sorted(catalog.cases) == CASE_SLUGS


def test_every_case_file_points_editors_to_the_schema():
    for slug in CASE_SLUGS:
        first = (ROOT / "cases" / f"{slug}.yaml").read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/case.schema.json"


def test_the_fixture_record_is_valid(tmp_path):
    (tmp_path / "ok.yaml").write_text(VALID, encoding="utf-8")
    case = load_record(tmp_path / "ok.yaml", Case, root=tmp_path)
    assert case.municipalities[0].name == "Bindal"


def test_unknown_key_is_refused_with_line_and_a_suggestion(tmp_path):
    text = VALID.replace("summary:", "sumary:")
    line = text.splitlines().index(next(l for l in text.splitlines() if l.startswith("sumary:"))) + 1
    problems = problems_for(tmp_path, text)
    assert f"testby.yaml:{line}:1: ukjent felt «sumary»; mente du «summary»?" in problems
    assert any("mangler feltet «summary»" in p for p in problems)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("title: !!python/object/apply:os.system ['touch /tmp/pwned']\n", "YAML-taggen"),
        ("a: &x [1]\nb: *x\n", "anker (&navn) er ikke tillatt"),
        ("title: a\ntitle: b\n", "nøkkelen «title» står to ganger"),
        ("- a\n- b\n", "toppnivået må være en samling felt"),
        ("just text\n", "toppnivået må være en samling felt"),
        ("", "filen er tom"),
        ("# only a comment\n", "filen er tom"),
        ("title: [unclosed\n", "YAML-syntaksfeil"),
    ],
)
def test_unsafe_or_malformed_yaml_gets_one_clear_line(tmp_path, text, expected):
    problems = problems_for(tmp_path, text)
    assert len(problems) == 1
    assert problems[0].startswith("testby.yaml:")
    assert expected in problems[0]
    assert not Path("/tmp/pwned").exists()


def test_non_utf8_file_is_refused_with_its_line(tmp_path):
    problems = problems_for(tmp_path, "title: a\nsummary: Bærum\n".encode("latin-1"))
    assert problems == ["testby.yaml:2:1: filen er ikke lagret som UTF-8; lagre den på nytt med tegnkoding UTF-8"]


def test_oversized_file_is_refused(tmp_path):
    problems = problems_for(tmp_path, "title: x\n" + "# " + "x" * MAX_BYTES + "\n")
    assert "filen er for stor" in problems[0]


def test_yaml_1_1_traps_stay_text_and_are_reported_not_silently_changed(tmp_path):
    # `no` would be False and `3.10` would be 3.1 in YAML 1.1; here `no` stays the text «no».
    text = VALID.replace('title: "Eksempelby: tett oppfølging i Ørsta-modellen"', "title: no")
    case_title = None
    (tmp_path / "trap.yaml").write_text(text, encoding="utf-8")
    case_title = load_record(tmp_path / "trap.yaml", Case, root=tmp_path).title
    assert case_title == "no"
    problems = problems_for(tmp_path, VALID.replace("unit: antall", "unit: 3.10", 1))
    assert any("«unit» må være en av" in p for p in problems)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("value: 12.5, unit: prosent", "value: 125, unit: prosent", "prosentverdien 125 må være mellom 0 og 100"),
        ("year: 2021", "year: 1821", "årstallet 1821 er ikke plausibelt"),
        ('phones: ["+47 400 00 000"]', 'phones: ["99999"]', "er ikke et norsk telefonnummer"),
        ("title: En testkilde", "title: En testkilde\n    url: ftp://example.org/", "må være en nettadresse som starter med https://"),
        ("updated: 2024-01-01", "updated: 2024-13-01", "er ikke en gyldig dato"),
        ("updated: 2024-01-01", "updated: i fjor", "skal være en dato på formen ÅÅÅÅ-MM-DD"),
        ("themes: [organisering, arbeid-og-kvalifisering]", "themes: [organisering, sport]", "ukjent tema «sport»"),
        ("source: testkilde}\n    immigrant_share", "source: feilkilde}\n    immigrant_share", "ukjent kilde «feilkilde»"),
        ("{label: Deltakere, value: 40, unit: personer, year: 2021, source: testkilde}", "{label: Deltakere, value: 40, unit: personer, source: testkilde}", "mangler årstall"),
    ],
)
def test_model_rules_give_clear_norwegian_messages(tmp_path, old, new, expected):
    assert old in VALID
    problems = problems_for(tmp_path, VALID.replace(old, new, 1))
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("testby.yaml:") for p in problems)


def test_problem_points_at_the_line_of_the_bad_value(tmp_path):
    text = VALID.replace('phones: ["+47 400 00 000"]', 'phones: ["99999"]')
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "99999" in l)
    problems = problems_for(tmp_path, text)
    assert problems[0].startswith(f"testby.yaml:{line}:")


def test_loading_on_several_cores_gives_the_same_catalog_as_one_core(monkeypatch):
    from generator.records import catalog as catalog_module
    from generator import parallel as parallel_module

    monkeypatch.setattr(parallel_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel_module, "WORKERS", 2)
    monkeypatch.setattr(catalog_module, "_RECORDS", {})
    parallel = load_catalog(ROOT)
    monkeypatch.setattr(parallel_module, "WORKERS", 1)
    assert len(catalog_module._RECORDS) == len(parallel.cases) + len(parallel.templates)
    monkeypatch.setattr(catalog_module, "_RECORDS", {})
    serial = load_catalog(ROOT)
    assert parallel.cases == serial.cases and parallel.templates == serial.templates
    assert parallel.problems == serial.problems == []


def _yaml_files() -> list[Path]:
    found = [*ROOT.glob("cases/*.yaml"), *ROOT.glob("templates/*.yaml"), *FIXTURES.rglob("*.yaml")]
    return sorted(p for p in found if p.is_file() and not p.is_symlink())


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_fast_reader_gives_what_the_strict_reader_gives_or_leaves_the_file_to_it(path):
    """libyaml's fast path is only an optimisation: same values, or it hands over (never a different answer)."""
    from generator.records import fast_yaml, load, yaml_checks

    text = path.read_bytes().decode("utf-8", errors="replace")
    try:
        strict = load._compose(yaml_checks.StrictLoader, text)[0]
    except Exception:  # noqa: BLE001 - a file the strict reader refuses must not pass the fast one
        strict = None
    try:
        fast = fast_yaml.read_fast(text)[0] if not fast_yaml.needs_strict(text) else None
    except Exception:  # noqa: BLE001 - handing over to the strict reader is always allowed
        fast = None
    if fast is not None:
        assert fast == strict
    if not fast_yaml.needs_strict(text):
        assert not _node_properties(text), f"the screen let through {_node_properties(text)}"


def _node_properties(text: str) -> list[str]:
    """The anchors, aliases and tags libyaml's own parser finds in a text (nothing for text it cannot parse)."""
    import yaml

    found = []
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.AliasEvent):
                found.append(f"*{event.anchor}")
            elif getattr(event, "anchor", None):
                found.append(f"&{event.anchor}")
            if getattr(event, "tag", None):
                found.append(f"!{event.tag}")
    except yaml.YAMLError:
        return []
    return found


# Text that holds &, * or ! as ordinary characters: the fast reader takes it and gives what the strict
# reader gives. (Which reader a record takes is never required of a record: both give the same answer.)
ORDINARY_TEXT = [
    ('title: "Eksempelby: tett oppfølging i Ørsta-modellen"', 'title: "Velkommen! Mat & drikke *hver* dag"'),
    ("    title: En testkilde", "    title: En testkilde\n    url: https://kommune.example/side?id=1&cat=2"),
    ("    title: En testkilde", "    title: Velkommen!\n    note: 'Tall * antall & andel!'"),
    ('summary: "', 'summary: "*Kort* sagt: «Velkommen!» & mer. '),
]
# Anchors, aliases, tags and directives, wherever YAML reads them: the strict reader decides.
YAML_SYNTAX = [
    ("title: ", "title: &tittel "), ("themes: [organisering, ", "themes: [&t organisering, "),
    ("themes: [organisering, ", "themes: [organisering, *t, "), ("  - name: Språk", "  - &p name: Språk"),
    ("  - name: Språk", "  - !!map\n    name: Språk"), ("updated: ", "updated: !!str "),
    ("updated: ", "updated:\t!lokal "), ("updated: ", "updated:\n  !!timestamp "), ("title: ", "? &k title\n: "),
    ("# yaml-language-server", "%YAML 1.2\n---\n# yaml-language-server"), ("title: ", "--- !t\ntitle: "),
    ("target_groups: [flyktninger]", "target_groups: {a: *b}"),
]


# The fixture record with its one nested flow collection (which the fast reader leaves) written as a block.
ORDINARY = VALID.replace(
    "points: [{year: 2019, value: 55}, {year: 2020, value: 61}]",
    "points:\n      - {year: 2019, value: 55}\n      - {year: 2020, value: 61}",
)


@pytest.mark.parametrize(("old", "new"), ORDINARY_TEXT, ids=[n for _o, n in ORDINARY_TEXT])
def test_ampersands_stars_and_exclamation_marks_in_text_are_text_to_the_fast_reader(old, new):
    from generator.records import fast_yaml, load, yaml_checks

    assert ORDINARY != VALID and not fast_yaml.needs_strict(ORDINARY)
    assert old in ORDINARY
    text = ORDINARY.replace(old, new, 1)
    assert not fast_yaml.needs_strict(text)
    assert fast_yaml.read_fast(text)[0] == load._compose(yaml_checks.StrictLoader, text)[0]


@pytest.mark.parametrize(("old", "new"), YAML_SYNTAX, ids=[n for _o, n in YAML_SYNTAX])
def test_anchors_aliases_tags_and_directives_go_to_the_strict_reader(old, new):
    from generator.records import fast_yaml

    assert old in VALID
    text = VALID.replace(old, new, 1)
    assert _node_properties(text) or new.startswith("%"), "libyaml finds no anchor, alias or tag here"
    assert fast_yaml.needs_strict(text)


# The screen as the one expression fast_yaml's comment gives: needs_strict must answer as it does.
SCREEN = re.compile(
    r"(?:^|[-?:\[{,\r\x85\u2028\u2029\ufeff])[ \t]*[&*!]|^%|[\[{]\s*[\[{]|-[ \t]+-[ \t]|^[ \t]{100,}", re.MULTILINE
)
# Every character a branch of the screen looks at, and two that none does.
SCREEN_CHARACTERS = "&*!%[{-?:, \t\n\r\x85\u2028\u2029\ufeffa«"


def test_the_screen_answers_as_its_one_expression_for_every_short_text_and_many_long_ones():
    from generator.records import fast_yaml

    short = ("".join(chars) for n in range(5) for chars in itertools.product(SCREEN_CHARACTERS, repeat=n))
    rng = random.Random(20261208)
    long = ("".join(rng.choices(SCREEN_CHARACTERS, k=rng.randrange(5, 60))) for _ in range(20_000))
    indented = (f"{head}{' ' * width}{tail}" for head in ("", "a:\n", "a:\r", " \t\n") for width in (98, 99, 100, 101)
                for tail in ("", "\t", "x", "- &a"))
    files = (path.read_bytes().decode("utf-8", errors="replace") for path in _yaml_files())
    differing = [text for text in itertools.chain(short, long, indented, files)
                 if fast_yaml.needs_strict(text) != bool(SCREEN.search(text))]
    assert differing == []


def _at(text: str, fragment: str) -> str:
    """"line:col" of the first occurrence of fragment in text."""
    before = text[: text.index(fragment)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


def assert_reported_at(tmp_path, old, new, fragment, expected):
    """Replace `old` by `new` in the valid record: a problem starting with `expected` is at `fragment`."""
    assert old in VALID
    text = VALID.replace(old, new, 1)
    problems = problems_for(tmp_path, text)
    assert any(p.startswith(f"testby.yaml:{_at(text, fragment)}: {expected}") for p in problems), problems


@pytest.mark.parametrize(
    "old, new, fragment, expected",
    [
        ("themes: [organisering,", "themes: [språkopplæring,", "språkopplæring",
         "«themes»: ukjent tema «språkopplæring»; mente du «sprakopplaering»? (skrives uten æ, ø og å)"),
        ("themes: [organisering,", "themes: [Fadder- og mentorordning,", "Fadder-",
         "«themes»: ukjent tema «Fadder- og mentorordning»; «Fadder- og mentorordning» er navnet som vises på "
         "nettstedet, i filen skriver du nøkkelen «mentorordning»"),
        ("themes: [organisering,", "themes: [mentor-ordning,", "mentor-ordning",
         "«themes»: ukjent tema «mentor-ordning»; mente du «mentorordning»?"),
        ("region: nordland", 'region: "Nordland"', '"Nordland"',
         "«region»: ukjent fylke «Nordland»; mente du «nordland»? (skrives med små bokstaver)"),
        ("model: egen-tjeneste", 'model: "Egen flyktningtjeneste"', '"Egen',
         "«model»: ukjent organiseringsmodell «Egen flyktningtjeneste»; «Egen flyktningtjeneste» er navnet som "
         "vises på nettstedet, i filen skriver du nøkkelen «egen-tjeneste»"),
        ("target_groups: [flyktninger]", "target_groups: [introduksjonsdeltaker]", "introduksjonsdeltaker",
         "«target_groups»: ukjent målgruppe «introduksjonsdeltaker»; mente du «introduksjonsdeltakere»?"),
        ("region: nordland", "region: narnia", "narnia", "«region»: ukjent fylke «narnia»; lovlige verdier: "),
    ],
)
def test_unknown_vocabulary_term_suggests_the_key_or_lists_the_allowed_ones(tmp_path, old, new, fragment, expected):
    assert_reported_at(tmp_path, old, new, fragment, expected)


@pytest.mark.parametrize(
    "old, new, fragment, expected",
    [
        ("value: 12345, unit: antall", "value: 4.210, unit: antall", "4.210",
         "«value» skal være et helt tall for enheten «antall»; er punktumet et tusenskille, skriv 4210 (uten punktum eller mellomrom); ellers rund av til et helt tall"),
        ("value: 40, unit: personer", "value: 4210.5, unit: personer", "4210.5",
         "«value» skal være et helt tall for enheten «personer»; rund av til et helt tall"),
        ("source: testkilde\n    points: [{year: 2019, value: 55}", "source: testkilde\n    unit: land\n    points: [{year: 2019, value: 5.5}",
         "5.5", "«value» skal være et helt tall for enheten «land»; er punktumet et tusenskille, skriv 5500 (uten punktum eller mellomrom); ellers rund av til et helt tall"),
    ],
)
def test_a_count_must_be_a_whole_number_so_a_thousands_point_is_caught(tmp_path, old, new, fragment, expected):
    assert old in VALID
    text = VALID.replace(old, new, 1)
    assert f"testby.yaml:{_at(text, fragment)}: {expected}" in problems_for(tmp_path, text)


def test_other_units_may_have_decimals(tmp_path):
    (tmp_path / "ok.yaml").write_text(VALID.replace("value: 40, unit: personer", "value: 2.5, unit: årsverk"), encoding="utf-8")
    assert load_record(tmp_path / "ok.yaml", Case, root=tmp_path).key_figures[0].value == 2.5


@pytest.mark.parametrize(
    "old, new, fragment, expected",
    [
        ("value: 40, unit", "value: 12.5 %, unit", "12.5 %",
         "«value» skal være et tall, ikke «12.5 %»; fjern %-tegnet (enheten står i unit)"),
        ("value: 40, unit", "value: ca. 61, unit", "ca. 61",
         '«value» skal være et tall, ikke «ca. 61»; skriv bare tallet (61) og sett qualifier: "ca."'),
        ("value: 40, unit", "value: rundt 61, unit", "rundt 61",
         '«value» skal være et tall, ikke «rundt 61»; skriv bare tallet (61) og sett qualifier: "rundt"'),
        ("value: 12345,", "value: 4 210,", "4 210", "«value» skal være et tall, ikke «4 210»; skriv tallet uten mellomrom: 4210"),
        ("value: 12345,", 'value: "4210",', '"4210"', "«value» skal være et tall, men «4210» står i anførselstegn"),
        ("year: 2021", "year: 2019-2020", "2019-2020",
         '«year» skal være ett årstall, ikke «2019-2020»; velg året tallet gjelder, eller skriv perioden i year_note: "2019–2020"'),
        ("since: 2015", "since: 2015 (pilot)", "2015 (pilot)", "«since» skal være et årstall, ikke «2015 (pilot)»; skriv bare 2015"),
        ("title: En testkilde", "title: En testkilde\n    published: 2023", "2023",
         "«published» skal være en dato på formen ÅÅÅÅ-MM-DD, f.eks. 2024-05-31; er bare året kjent, skriv published_year: 2023"),
        ("title: En testkilde", 'title: En testkilde\n    url: "https://www.example.no/års melding.pdf"', '"https',
         "«url» inneholder mellomrom («https://www.example.no/års melding.pdf»); bytt hvert mellomrom i nettadressen med %20"),
        ("updated: 2024-01-01", "updated: 20.11.2023", "20.11.2023",
         "«updated» skal være en dato på formen ÅÅÅÅ-MM-DD, f.eks. 2024-05-31, ikke «20.11.2023»; skriv 2023-11-20"),
    ],
)
def test_number_year_date_and_url_messages_repeat_what_was_written_and_name_the_slip(tmp_path, old, new, fragment, expected):
    assert_reported_at(tmp_path, old, new, fragment, expected)


@pytest.mark.parametrize(
    "old, new, fragment, expected",
    [
        ("title: En testkilde", 'title: "«En testkilde»"', "«En", "«title»: teksten står i typografiske anførselstegn inne i "
         'de rette ("«…»"), og de blir med på siden; fjern de typografiske'),
        ("    role: Leder", "    role: “Leder”", "“Leder",
         "«role»: teksten står i typografiske anførselstegn («…» eller “…”), og de blir med på siden"),
        ("  description: \"Tjenesten", "  description: |x\n    \"Tjenesten", "x\n",
         "YAML-syntaksfeil: sjekk innrykk, kolon og anførselstegn her. Teknisk melding fra YAML-leseren (engelsk): "
         "expected chomping or indentation indicators, but found 'x'"),
        ('  description: "Tjenesten er organisert som et eget team."', "  description: *Hele* teamet", "*Hele",
         "YAML-syntaksfeil: en tekst kan ikke starte med * uten anførselstegn"),
        ('  description: "Tjenesten er organisert som et eget team."', "  description: *Hele teamet* samarbeider", "*Hele",
         "alias (*navn) er ikke tillatt; står * først i en tekst, sett anførselstegn rundt teksten"),
        ("summary:", "\u00a0\u00a0summary:", "\u00a0", "linjen starter med et hardt mellomrom (U+00A0, ofte kopiert fra Word)"),
        ("  since: 2015", "  since: 2015\n  placement: \"\"", '""',
         "«placement» er tom; fyll inn en verdi, eller sett «# » foran linjen hvis du ikke bruker feltet"),
        ("points: [{year: 2019, value: 55}", "points: [{year: 2019, year: 2018, value: 55}", "year: 2018",
         "nøkkelen «year» står to ganger (første gang på linje 29); fjern den ene"),
        ("themes: [organisering, arbeid-og-kvalifisering]", "themes: [organisering, arbeid-og-kvalifisering]\naliases:\n  - Eksempel #1 by",
         "#1", "«aliases»: teksten fra «#1 by» ble lest som en kommentar og kommer ikke med"),
    ],
)
def test_quotes_comments_pasted_spaces_and_empty_blocks_are_named_at_their_line(tmp_path, old, new, fragment, expected):
    assert_reported_at(tmp_path, old, new, fragment, expected)


@pytest.mark.parametrize(
    "old, new",
    [
        ("  unit: Flyktningtjenesten", '  unit: "Flyktningtjenesten #2"'),  # # inside quotes is text
        ("  unit: Flyktningtjenesten", "  unit: Flyktningtjenesten # the unit"),  # a comment, as the starter writes them
        ("  unit: Flyktningtjenesten", "  unit: Flyktningtjenesten\n  #placement: commented out"),
        ("  - name: Språkpraksis på arbeidsplassen", "  - name: «Språkpraksis på arbeidsplassen»"),  # a programme's name
        ('summary: "Et oppdiktet', 'summary: "«Eksempelby» er et oppdiktet'),  # quotes inside the text
        ('  description: "Tjenesten er organisert som et eget team."', "  description: |\n    Tiltak #2: «Språkkafé»"),
        ("    role: Leder", '    role: Leder i "Ny start"'),  # quotes inside plain text, both of them
        ("    role: Leder", """    role: 'Leder 5"'"""),  # single quotes keep a " that is meant
    ],
)
def test_what_looks_like_a_slip_but_is_not_passes(tmp_path, old, new):
    assert old in VALID
    (tmp_path / "ok.yaml").write_text(VALID.replace(old, new, 1), encoding="utf-8")
    load_record(tmp_path / "ok.yaml", Case, root=tmp_path)


@pytest.mark.parametrize(
    "old, new, fragment, expected",
    [
        # YAML reads on to the next " lines later and complains there; the slip is where the text starts.
        ('  description: "Tjenesten er organisert som et eget team."', '  description: "Tjenesten er organisert',
         '"Tjenesten', 'YAML-syntaksfeil: anførselstegnet som starter her, er ikke lukket; sett " til slutt i teksten'),
        ('summary: "Et oppdiktet testeksempel for automatiske tester. Det brukes aldri på nettstedet."',
         'summary: "Et oppdiktet testeksempel', '"Et oppdiktet', "YAML-syntaksfeil: anførselstegnet som starter her, er ikke lukket"),
        # closed only by a quote in what was meant as a comment on the same line
        ("    role: Leder", '    role: "Leder          # f.eks. "Leder"', '"Leder ',
         "YAML-syntaksfeil: anførselstegnet som starter her, er ikke lukket"),
        ("    title: En testkilde", '    title: "En testkilde', '"En', "YAML-syntaksfeil: anførselstegnet som starter her, er ikke lukket"),
        ('  description: "Tjenesten er organisert som et eget team."',
         '  description: "Tjenesten i prosjektet "Ny start" er et eget team."', '"Ny start',
         'YAML-syntaksfeil: et " inne i teksten avslutter den; bruk « » inne i teksten'),
        ('  description: "Tjenesten er organisert som et eget team."', "  description: 'Tjenesten i NAV's lokaler'",
         "'s lokaler", "YAML-syntaksfeil: en ' inne i teksten avslutter den; bruk doble anførselstegn"),
    ],
)
def test_an_unclosed_or_inner_quote_is_reported_where_it_is_not_lines_later(tmp_path, old, new, fragment, expected):
    assert_reported_at(tmp_path, old, new, fragment, expected)


def test_a_text_over_several_lines_in_quotes_is_not_taken_for_an_unclosed_quote(tmp_path):
    text = VALID.replace('summary: "Et oppdiktet testeksempel', 'summary: "Et oppdiktet\n  testeksempel', 1)
    text = text.replace("  since: 2015\n", "  since: 2015\n   placement: x\n", 1)  # the real slip, further down
    problems = problems_for(tmp_path, text)
    assert len(problems) == 1 and "anførselstegnet som starter her" not in problems[0], problems


@pytest.mark.parametrize(
    "old, new, fragment",
    [
        ('title: "Eksempelby: tett oppfølging i Ørsta-modellen"', 'title: Eksempelby tett oppfølging"', "Eksempelby tett"),
        ("    role: Leder", '    role: Leder"', 'Leder"'),
        ("{label: Deltakere, value: 40", '{label: Deltakere", value: 40', 'Deltakere"'),
    ],
)
def test_a_text_without_its_opening_quote_is_not_published_with_a_stray_quote(tmp_path, old, new, fragment):
    assert old in VALID
    text = VALID.replace(old, new, 1)
    problems = problems_for(tmp_path, text)
    expected = 'teksten slutter med " men begynner ikke med "; sett anførselstegn foran teksten også'
    assert any(p.startswith(f"testby.yaml:{_at(text, fragment)}: «") and expected in p for p in problems), problems


@pytest.mark.parametrize(
    "old, new, fragment, expected",
    [
        ("population: {label: Innbyggere, value: 12345, unit: antall, year: 2020, source: testkilde}",
         "population:\n      label: Innbyggere\n      value: 12345\n      unit: antall\n        year: 2020\n"
         "      source: testkilde", "year: 2020", "«unit:» på linjen over, så den ble lest som en del av teksten der; "
         "flytt «year:» til samme kolonne som «unit:»"),
        ("    role: Leder\n", "    role: Leder\n      organisation: x\n", "organisation: x",
         "«role:» på linjen over, så den ble lest som en del av teksten der; flytt «organisation:» til samme kolonne som «role:»"),
    ],
)
def test_a_field_indented_under_plain_text_is_an_indentation_slip_not_a_colon_in_text(tmp_path, old, new, fragment, expected):
    assert old in VALID
    text = VALID.replace(old, new, 1)
    problems = problems_for(tmp_path, text)
    assert any(p.startswith(f"testby.yaml:{_at(text, fragment)}: YAML-syntaksfeil: linjen er rykket lenger inn enn {expected}")
               for p in problems), problems


def test_a_colon_in_a_text_that_goes_on_over_lines_still_asks_for_quotes(tmp_path):
    text = VALID.replace("    role: Leder\n", "    role: Leder for\n      tjenesten og fadder: ansvar\n", 1)
    problems = problems_for(tmp_path, text)
    assert any("kolon og mellomrom («: ») midt i en verdi; sett anførselstegn rundt teksten" in p for p in problems), problems


def test_a_case_copied_with_its_title_is_reported_in_both_files(tmp_path):
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "eksempelby.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "cases" / "fjellvik.yaml").write_text(VALID.replace("name: Bindal", "name: Brønnøy"), encoding="utf-8")
    line = f"{_at(VALID, 'title: ').split(':')[0]}:8"
    problems = [str(p) for p in load_catalog(tmp_path).problems]
    assert problems == [
        f"cases/eksempelby.yaml:{line}: «title» er den samme som i cases/fjellvik.yaml; gi casen en egen tittel "
        "(og sjekk at resten av teksten gjelder riktig kommune)",
        f"cases/fjellvik.yaml:{line}: «title» er den samme som i cases/eksempelby.yaml; gi casen en egen tittel "
        "(og sjekk at resten av teksten gjelder riktig kommune)",
    ]
    (tmp_path / "cases" / "fjellvik.yaml").write_text(VALID.replace("title: \"Eksempelby:", "title: \"Fjellvik:"), encoding="utf-8")
    assert [str(p) for p in load_catalog(tmp_path).problems] == []


@pytest.mark.parametrize(
    "written, expected",
    [
        ('"tlf. 400 00 000"', '«phones»: skriv bare nummeret, uten «tlf»: "400 00 000"'),
        ('"Mobil: +47 913 54 954 (jobb)"', '«phones»: skriv bare nummeret, uten «Mobil» og «(jobb)»: "+47 913 54 954"; det er en mobil: '
                                          'skriv det som mobile: "+47 913 54 954"'),
        ('"tlf 123 45 678"', "«phones»: «tlf 123 45 678» er ikke et norsk telefonnummer"),  # no valid number inside
    ],
)
def test_a_phone_number_with_words_around_it_asks_for_the_number_alone(tmp_path, written, expected):
    text = VALID.replace('phones: ["+47 400 00 000"]', f"phones: [{written}]", 1)
    problems = problems_for(tmp_path, text)
    assert any(p.startswith(f"testby.yaml:{_at(text, written)}: {expected}") for p in problems), problems


@pytest.mark.parametrize(
    "old, new, fragment, expected",
    [
        ('title: "Eksempelby: tett oppfølging i Ørsta-modellen"', 'title: "Min kommune: ..."', '"Min',
         "«title» er fortsatt eksempelet fra startfilen; skriv kommunens navn og hva praksisen handler om"),
        ('title: "Eksempelby: tett oppfølging i Ørsta-modellen"', 'title: "Eksempelby: ..."', '"Eksempelby: ...',
         "«title» er fortsatt eksempelet fra startfilen"),
        ("    organisation: Eksempelby kommune", '    organisation: "Flyktningtjenesten i Min kommune"', '"Flyktningtjenesten',
         "«organisation»: «Min kommune» er eksempelteksten fra startfilen; skriv kommunens navn"),
        ('  description: "Tjenesten er organisert som et eget team."', '  description: "..."', '"..."',
         "«description»: «...» står igjen fra startfilen; skriv teksten ferdig"),
    ],
)
def test_example_text_from_the_starter_is_not_published(tmp_path, old, new, fragment, expected):
    assert_reported_at(tmp_path, old, new, fragment, expected)


def test_the_starters_own_comments_and_an_ellipsis_in_a_text_pass(tmp_path):
    text = VALID.replace("    role: Leder", '    role: Leder       # f.eks. "Flyktningtjenesten i Min kommune" ...', 1)
    text = text.replace('"Et oppdiktet testeksempel', '"Et oppdiktet ... testeksempel', 1)
    (tmp_path / "ok.yaml").write_text("# Skriv: title: \"Min kommune: ...\"\n" + text, encoding="utf-8")
    load_record(tmp_path / "ok.yaml", Case, root=tmp_path)


@pytest.mark.parametrize(
    "new, fragment, expected",
    [
        ("points: [{year: 2019, value: 55,5}, {year: 2020, value: 61}]", "55,5",
         "«value» skal være et tall, ikke «55,5»; bruk punktum som desimaltegn: 55.5"),
        ("points:\n      2019: 55\n      2020: 61", "2019: 55",
         "«points» er en liste med ett punkt per år; skriv «2019: 55» som «- {year: 2019, value: 55}»"),
        ("points: [{year: 2019, value: 55}, {year: 2020, value: 112}]", "112",
         "«value»: prosentverdien 112 må være mellom 0 og 100"),
        ("points: [{year: 2019, value: 55}, {year: 2019, value: 61}]", "2019, value: 61",
         "«year»: 2019 står flere ganger i points; fjern det ene punktet"),
    ],
)
def test_a_result_point_is_named_at_its_own_value_with_the_slip(tmp_path, new, fragment, expected):
    old = "points: [{year: 2019, value: 55}, {year: 2020, value: 61}]"
    assert_reported_at(tmp_path, old, new, fragment, expected)


@pytest.mark.parametrize(
    "old, new, fragment, expected",
    [
        ("themes: [organisering, arbeid-og-kvalifisering]", "themes: [organisering, mentorordning, mentorordning]",
         "mentorordning]", "«themes»: «mentorordning» står to ganger; fjern den ene"),
        ("target_groups: [flyktninger]", "target_groups: [flyktninger, flyktninger]", "flyktninger]",
         "«target_groups»: «flyktninger» står to ganger; fjern den ene"),
        ("target_groups: [introduksjonsdeltakere]", "target_groups: [introduksjonsdeltakere, introduksjonsdeltakere]",
         "introduksjonsdeltakere]", "«target_groups»: «introduksjonsdeltakere» står to ganger; fjern den ene"),
    ],
)
def test_a_theme_or_target_group_given_twice_is_named_at_the_second(tmp_path, old, new, fragment, expected):
    assert_reported_at(tmp_path, old, new, fragment, expected)


def test_a_case_related_to_itself_is_reported(tmp_path):
    (tmp_path / "cases").mkdir()
    text = VALID.replace("updated: 2024-01-01", "related: [eksempelby]\nupdated: 2024-01-01", 1)
    (tmp_path / "cases" / "eksempelby.yaml").write_text(text, encoding="utf-8")
    assert [str(p) for p in load_catalog(tmp_path).problems] == [
        f"cases/eksempelby.yaml:{_at(text, 'eksempelby]')}: «related» viser til casen selv («eksempelby»); fjern den, "
        "eller skriv en annen case"
    ]


@pytest.mark.parametrize("qualifier", typing.get_args(Qualifier))
def test_a_hedge_written_before_the_number_leads_to_its_qualifier(tmp_path, qualifier):
    text = VALID.replace("{label: Deltakere, value: 40,", f"{{label: Deltakere, value: {qualifier} 40,", 1)
    problems = problems_for(tmp_path, text)
    assert problems == [f"testby.yaml:{_at(text, qualifier + ' 40')}: «value» skal være et tall, ikke «{qualifier} 40»; "
                        f'skriv bare tallet (40) og sett qualifier: "{qualifier}"'], problems


def test_http_only_sources_and_literature_are_kept_as_written(tmp_path):
    text = VALID.replace("title: En testkilde", "title: En testkilde\n    url: http://www.example.org/rapport.pdf", 1)
    text = text.replace("updated:", "literature:\n  - {title: Eldre rapport, url: http://www.example.org/eldre.pdf, "
                                     'note: "Bare skannet."}\nupdated:', 1)
    (tmp_path / "ok.yaml").write_text(text, encoding="utf-8")
    case = load_record(tmp_path / "ok.yaml", Case, root=tmp_path)
    assert case.sources[0].url == "http://www.example.org/rapport.pdf"
    assert (case.literature[0].url, case.literature[0].note) == ("http://www.example.org/eldre.pdf", "Bare skannet.")
    for scheme in ("ftp://", "javascript:", "file:///", "htp://"):
        problems = problems_for(tmp_path, text.replace("http://www.example.org/rapport", f"{scheme}www.example.org/rapport"))
        assert any("må være en nettadresse som starter med https:// (eller http://" in p for p in problems), problems
