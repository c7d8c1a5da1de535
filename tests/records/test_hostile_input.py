"""Malformed and hostile record files: `python -m generator validate FILE` refuses each one cleanly.

Each file in tests/fixtures/bad/ says in its first lines what is wrong with it. For every file the
command must exit 1, print only `path:line:col: message` lines and a count, name the problem in
Norwegian, and never show a traceback. A few files are made here instead (too big, or not files).
"""

from __future__ import annotations

import re
import shutil
import time
import unicodedata
from pathlib import Path

import pytest

from generator.records.catalog import load_catalog
from generator.records.load import MAX_BYTES
from generator.records.problems import MAX_LINE

from tests.conftest import FIXTURES, ROOT, run_generator
from tests.sandbox import make_project

BAD = FIXTURES / "bad"
VALID = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
PWNED = Path("/tmp/ikb-hostile-pwned")  # what the !!python tags in the fixtures would create if run

# file(s) given to `validate` -> a fragment the output must contain
EXPECTED = {
    "tag-python-apply.yaml": "YAML-taggen «!!python/object/apply:os.system» er ikke tillatt",
    "tag-python-top-level.yaml": "YAML-taggen «!!python/object/new:os.system»",
    "tag-python-name.yaml": "YAML-taggen «!!python/name:os.system»",
    "tag-local.yaml": "YAML-taggen «!kommune»",
    "tag-explicit-core.yaml": "YAML-taggen «!!timestamp»",
    "tag-explicit-bool.yaml": "YAML-taggen «!!bool»",
    "anchor-alias.yaml": "anker (&navn) er ikke tillatt",
    "alias-undefined.yaml": "alias (*navn) er ikke tillatt",
    "merge-key.yaml": "anker (&navn) er ikke tillatt",
    "billion-laughs.yaml": "anker (&navn) er ikke tillatt",
    "duplicate-key.yaml": "nøkkelen «summary» står to ganger (første gang på linje 4)",
    "latin1.yaml": "filen er ikke lagret som UTF-8",
    "utf16-bom.yaml": "filen er lagret som UTF-16",
    "empty.yaml": "filen er tom",
    "only-comments.yaml": "filen er tom",
    "top-level-list.yaml": "toppnivået må være en samling felt",
    "top-level-scalar.yaml": "toppnivået må være en samling felt",
    "yaml11-bool-words.yaml": "«region»: ukjent fylke «no»",
    "yaml11-numbers.yaml": "«title» skal være tekst; sett anførselstegn rundt verdien",
    "yaml11-short-date.yaml": "«updated» skal være en dato på formen ÅÅÅÅ-MM-DD",
    "unknown-key.yaml": "ukjent felt «sumary»; mente du «summary»?",
    "unknown-key-nested.yaml": "ukjent felt «descripton»; mente du «description»?",
    "wrong-type-list.yaml": "«themes» skal være en liste",
    "wrong-type-mapping.yaml": "«organisation» skal være en samling felt",
    "wrong-type-number.yaml": "«value» skal være et tall",
    "percent-out-of-range.yaml": "prosentverdien 125 må være mellom 0 og 100",
    "percent-negative.yaml": "«value» må være minst 0",
    "implausible-year.yaml": "årstallet 1821 er ikke plausibelt",
    "bad-date-month.yaml": "«2024-13-01» er ikke en gyldig dato",
    "bad-date-day.yaml": "«2023-02-30» er ikke en gyldig dato",
    "bad-date-text.yaml": "«updated» skal være en dato på formen ÅÅÅÅ-MM-DD",
    "phone-foreign.yaml": "«+46 70 123 45 67» er ikke et norsk telefonnummer",
    "phone-short.yaml": "«400 00» er ikke et norsk telefonnummer",
    "bad-email.yaml": "«email» er ikke en gyldig e-postadresse",
    "ftp-url.yaml": "bad/ftp-url.yaml:39:10: «url» må være en nettadresse som starter med https:// (eller http:// når "
                    "kilden bare finnes der), ikke «ftp://ftp.eksempelby.kommune.no/rapport.pdf»",
    "javascript-url.yaml": "«url» må være en nettadresse som starter med https://",
    "unknown-theme.yaml": "ukjent tema «sport»",
    "unknown-target-group.yaml": "ukjent målgruppe «turister»",
    "unknown-source.yaml": "ukjent kilde «feilkilde»; kjente kilder er: testkilde",
    "unknown-related.yaml": "«related» viser til ukjent case «finnes-ikke»",
    ("duplicate-slug.yaml", "duplicate-slug.yml"): "«duplicate-slug» finnes allerede som bad/duplicate-slug.yaml",
    "deeply-nested.yaml": "strukturen er for dypt nøstet",
    "deeply-nested-flow.yaml": "strukturen er for dypt nøstet",
    "tab-indent.yaml": "tabulatortegn (Tab) kan ikke brukes til innrykk",
    "unclosed-quote.yaml": "bad/unclosed-quote.yaml:4:10: YAML-syntaksfeil: anførselstegnet som starter her, er ikke lukket",
    "colon-in-text.yaml": "kolon og mellomrom («: ») midt i en verdi",
    "multiple-documents.yaml": "filen inneholder flere dokumenter",
    "non-string-key.yaml": "nøkkelen «2024» må være et feltnavn",
    "control-characters.yaml": "usynlig eller ugyldig tegn (U+001B)",
    "surrogate.yaml": "usynlig eller ugyldig tegn (U+D800)",
    "raw-control-character.yaml": "ugyldig tegn (U+001B)",
    "huge-number.yaml": "tallet er for stort",
    "huge-integer.yaml": "tallet er for stort",
    "not-a-number.yaml": "«value» skal være et tall",
    "empty-required.yaml": "«title» er tom; fyll inn en verdi",
    "figure-without-year.yaml": "tallet mangler årstall",
    "html-in-slug.yaml": "«id» er «<script>alert(1)</script>», men kan bare inneholde små bokstaver",
    "future-date.yaml": "datoen 2099-01-01 ligger fram i tid",
    "phone-service-number.yaml": "«+47 123 45 678» er ikke et norsk telefonnummer",
    "unknown-template.yaml": "viser til ukjent mal «finnes-ikke»",
    "templates/bad-template.yaml": "ukjent felt «sectons»; mente du «sections»?",
    "templates/unknown-case.yaml": "«cases» viser til ukjent case «finnes-ikke»",
    ("templates/look-alike-title.yaml", "templates/look-alike-title-caps.yaml"):
        "bad/templates/look-alike-title-caps.yaml:3:8: «title» er den samme som i bad/templates/look-alike-title.yaml; gi malen "
        "en egen tittel",
    "templates/too-many-columns.yaml": "bad/templates/too-many-columns.yaml:10:47: «columns» har 11 elementer, men høyst 10 er "
                                       "tillatt; slå sammen eller fjern elementer til det er 10 eller færre",
    # slips people make in the web editor: the whole start of the line, so the location is checked too
    "typographic-quotes-colon.yaml": "bad/typographic-quotes-colon.yaml:3:8: YAML-syntaksfeil: teksten står i typografiske "
                                     'anførselstegn («…» eller “…”); bruk rette anførselstegn "…" rundt hele teksten',
    "typographic-quotes-wrapped.yaml": "bad/typographic-quotes-wrapped.yaml:38:12: «title»: teksten står i typografiske "
                                       "anførselstegn («…» eller “…”), og de blir med på siden; bruk rette anførselstegn",
    "nbsp-indent.yaml": "bad/nbsp-indent.yaml:7:1: YAML-syntaksfeil: linjen starter med et hardt mellomrom (U+00A0, ofte "
                        "kopiert fra Word); slett innrykket og skriv det på nytt med vanlige mellomrom",
    "missing-space-after-colon.yaml": "bad/missing-space-after-colon.yaml:14:3: YAML-syntaksfeil: det mangler mellomrom "
                                      "etter kolon; skriv «unit: Flyktningtjenesten»",
    "text-continues-unindented.yaml": "bad/text-continues-unindented.yaml:20:1: YAML-syntaksfeil: mangler kolon etter et "
                                      "feltnavn, eller mellomrom etter kolon (skriv «felt: verdi»); er linjen en "
                                      "fortsettelse av teksten over, rykk den inn",
    "markdown-emphasis.yaml": "bad/markdown-emphasis.yaml:19:18: YAML-syntaksfeil: en tekst kan ikke starte med * uten "
                              "anførselstegn; sett anførselstegn rundt teksten",
    "pasted-bullet.yaml": "bad/pasted-bullet.yaml:19:18: YAML-syntaksfeil: en tekst kan ikke starte med «- » på samme "
                          "linje som feltnavnet; sett anførselstegn rundt teksten, eller fjern «- »",
    "duplicate-key-in-list-item.yaml": "bad/duplicate-key-in-list-item.yaml:36:5: nøkkelen «name» står to ganger i samme "
                                       "element (første gang på linje 30); begynner et nytt element her? Bytt da ut de "
                                       "to mellomrommene foran «name» med «- », slik som på linje 30",
    "optional-list-left-empty.yaml": "bad/optional-list-left-empty.yaml:36:8: «people» står uten innhold: fjern «# » foran "
                                     "linjene under, eller sett «# » foran «people:» igjen hvis du ikke bruker feltet",
    "hash-glued-to-text.yaml": "bad/hash-glued-to-text.yaml:14:28: «unit»: teksten fra «#2 (Voksenopplæringen)» ble lest "
                               "som en kommentar og kommer ikke med; sett anførselstegn rundt hele teksten",
    # the slug rule, invisible characters, look-alike names, zeros, list lengths and the three messages that
    # sent people round again: file, line, column and the whole message
    "-zz-testfjord.yaml": "bad/-zz-testfjord.yaml:1:1: filnavnet «-zz-testfjord.yaml» kan ikke starte eller slutte med "
                          "bindestrek, eller ha to bindestreker etter hverandre; gi filen navnet zz-testfjord.yaml",
    "a--b.yaml": "bad/a--b.yaml:1:1: filnavnet «a--b.yaml» kan ikke starte eller slutte med bindestrek, eller ha to "
                 "bindestreker etter hverandre; gi filen navnet a-b.yaml",
    "related-not-a-slug.yaml": "bad/related-not-a-slug.yaml:39:11: «related» er «-zz-testfjord», men kan ikke starte eller "
                               "slutte med bindestrek, eller ha to bindestreker etter hverandre; skriv f.eks. «zz-testfjord»",
    "invisible-zero-width-space.yaml": "bad/invisible-zero-width-space.yaml:6:11: «name»: teksten inneholder et usynlig eller "
                                       "ugyldig tegn (U+200B) mellom «Eksempel» og «by»; slett ordet og skriv det inn på nytt",
    "invisible-joiner.yaml": "bad/invisible-joiner.yaml:3:8: «title»: teksten inneholder et usynlig eller ugyldig tegn "
                             "(U+200C) mellom «Eksempel» og «by:»; slett ordet og skriv det inn på nytt",
    "invisible-word-joiner.yaml": "bad/invisible-word-joiner.yaml:30:11: «name»: teksten inneholder et usynlig eller ugyldig "
                                  "tegn (U+2060) rett etter «Kari»; slett ordet og skriv det inn på nytt",
    "invisible-soft-hyphen.yaml": "bad/invisible-soft-hyphen.yaml:18:11: «name»: teksten inneholder et usynlig eller ugyldig "
                                  "tegn (U+00AD) mellom «Språk» og «praksis»; slett ordet og skriv det inn på nytt",
    "invisible-bom-in-text.yaml": "bad/invisible-bom-in-text.yaml:3:8: «title»: teksten inneholder et usynlig eller ugyldig "
                                  "tegn (U+FEFF) rett foran «Eksempelby:»; slett ordet og skriv det inn på nytt",
    ("look-alike-title.yaml", "look-alike-title-nfd.yaml"):
        "bad/look-alike-title-nfd.yaml:3:8: «title» er den samme som i bad/look-alike-title.yaml; gi casen en egen tittel",
    ("look-alike-name.yaml", "look-alike-name-nfd.yaml"):
        f"bad/look-alike-name-nfd.yaml:6:11: «name»: «{unicodedata.normalize('NFD', 'Båtsfjord')}» ser ut som «Båtsfjord» "
        "i bad/look-alike-name.yaml, men er "
        "lagret med andre tegn (en bokstav som æ, ø eller å er satt sammen av to tegn); slett navnet og skriv det inn på nytt",
    "municipality-twice.yaml": "bad/municipality-twice.yaml:8:11: «name»: kommunen «VEFSN» står to ganger i "
                               "«municipalities»; fjern den ene",
    "population-zero.yaml": "bad/population-zero.yaml:8:44: «value»: innbyggertallet kan ikke være 0; skriv tallet fra "
                            "kilden, eller fjern «population» hvis kilden ikke oppgir det",
    "immigrant-share-zero.yaml": "bad/immigrant-share-zero.yaml:9:56: «value»: andelen innvandrere kan ikke være 0; skriv "
                                 "tallet fra kilden, eller fjern «immigrant_share» hvis kilden ikke oppgir det",
    "too-many-phones.yaml": "bad/too-many-phones.yaml:33:104: «phones» har 6 elementer, men høyst 5 er tillatt; slå sammen "
                            "eller fjern elementer til det er 5 eller færre",
    "phones-empty.yaml": "bad/phones-empty.yaml:33:13: «phones» er en tom liste; skriv minst ett element mellom [ ], eller "
                         "fjern linjen «phones: []» hvis feltet ikke brukes",
    "url-with-quote.yaml": 'bad/url-with-quote.yaml:39:10: «url» inneholder tegnet «"» («https://www.example.no/rapport"2023»), '
                           "som ikke kan stå i en nettadresse; fjern det, eller kopier adressen på nytt fra adressefeltet "
                           "i nettleseren",
    "unknown-field-mobil.yaml": 'bad/unknown-field-mobil.yaml:33:5: ukjent felt «mobil»; feltet heter «mobile», f.eks. '
                                'mobile: "+47 913 54 954"',
    # what sources say that the model says otherwise: reachable contacts, sums in millions, ranges, source titles
    "contact-unreachable.yaml": "bad/contact-unreachable.yaml:30:5: kontakten har verken telefonnummer («phones» eller "
                                "«mobile») eller e-post («email»); skriv jobbnummeret eller jobb-e-posten fra kilden. "
                                "Oppgir ikke kilden noen av dem, finn nummeret på arbeidsstedets nettsted og før opp den "
                                "siden som kilde, eller før personen opp under «people» i stedet for under «contacts»",
    "sum-in-millions.yaml": "bad/sum-in-millions.yaml:24:12: «value» skal være et tall, ikke «5,706 mill.»; et beløp i "
                            "millioner skrives value: 5.706 og unit: millioner kroner (vises som «… mill. kr»)",
    "sum-in-millions-in-braces.yaml": "bad/sum-in-millions-in-braces.yaml:23:32: «value» ble delt ved kommaet, og "
                                      "«706 mill.» ble lest som et feltnavn; et beløp i millioner skrives med punktum "
                                      "som desimaltegn og unit: millioner kroner",
    "sum-in-billions.yaml": "bad/sum-in-billions.yaml:30:16: «value» skal være et tall, ikke «ca. 1,2 mrd. kr»; et beløp i "
                            'millioner skrives value: 1200 og qualifier: "ca." her, og unit: millioner kroner på serien',
    "kroner-with-decimals.yaml": "bad/kroner-with-decimals.yaml:23:30: «value» skal være et helt tall for enheten «kroner»; "
                                 "står beløpet i millioner i kilden, skriv unit: millioner kroner (og value: 5.706)",
    "number-range.yaml": "bad/number-range.yaml:24:12: «value» skal være et tall, ikke «mellom 18 og 55»; et spenn er ikke "
                         "ett tall: skriv det i teksten (label eller definition, f.eks. «mellom 18 og 55 år»), eller som "
                         "to tall, ett med value: 18 og ett med value: 55",
    "same-source-title.yaml": "bad/same-source-title.yaml:40:12: «title»: kilden «annen-side» har samme tittel som kilden "
                              "«testkilde» («INTEGRERING»), så leseren ser ikke forskjell på dem; legg til det som skiller "
                              "dem i tittelen, f.eks. delen av nettstedet siden ligger under",
    "phone-with-words-quoted.yaml": "bad/phone-with-words-quoted.yaml:33:14: «phones»: «tlf. 12 34 56 78» er ikke et norsk "
                                    "telefonnummer: det begynner på 1, men norske numre begynner ikke på 0 eller 1; sjekk "
                                    "nummeret i kilden, og skriv bare nummeret, uten «tlf»",
    # a municipality and its county, checked against Statistics Norway's classification; the record's language
    "municipality-misspelt.yaml": "bad/municipality-misspelt.yaml:6:11: «name»: «Raelingen» er ikke en kommune i SSBs "
                                  "kommuneinndeling (generator/records/municipalities.csv); mente du «Rælingen»?",
    "municipality-wrong-county.yaml": "bad/municipality-wrong-county.yaml:7:13: «region»: Hattfjelldal ligger i "
                                      "«nordland» ifølge SSBs kommuneinndeling (generator/records/municipalities.csv), "
                                      "ikke i «troms»; skriv «region: nordland»",
    "municipality-without-county.yaml": "bad/municipality-without-county.yaml:7:12: «region» mangler: hver kommune ligger "
                                        "i et fylke, og Bindal ligger i «nordland» ifølge SSBs kommuneinndeling "
                                        "(generator/records/municipalities.csv). Skriv «region: nordland», og "
                                        "«region_basis: offentlig-inndeling» på linjen under når kilden ikke nevner fylket",
    "language-unknown.yaml": "bad/language-unknown.yaml:4:11: «language» må være en av: 'nb' eller 'nn'",
    "theme-in-nynorsk.yaml": "bad/theme-in-nynorsk.yaml:10:10: «themes»: ukjent tema «busetjing-og-bustad»; "
                             "«busetjing-og-bustad» er nynorsk, i filen skriver du nøkkelen «bosetting-og-bolig»",
    # made by the `project` fixture below
    "oversized.yaml": "filen er for stor",
    "long-line.yaml": "«summary» er for lang (høyst 4000 tegn)",
    "long-unknown-term.yaml": "ukjent tema «xxxxxxxxxx",
    "long-key.yaml": "må være et feltnavn (tekst)",
    "too-many-practices.yaml": "bad/too-many-practices.yaml:52:5: «practices» har 5000 elementer, men høyst 30 er tillatt; "
                               "slå sammen eller fjern elementer til det er 30 eller færre",
    "symlink.yaml": "filen er en symbolsk lenke",
    "directory.yaml": "er ikke en vanlig fil",
    "missing.yaml": "filen finnes ikke",
}
MADE_HERE = {"oversized.yaml", "long-line.yaml", "long-unknown-term.yaml", "long-key.yaml", "symlink.yaml", "directory.yaml",
             "missing.yaml", "too-many-practices.yaml"}
LINE = re.compile(r"^bad/[\w./-]+:\d+:\d+: \S.*$")
COUNT = re.compile(r"^\d+ (problem|problemer) funnet\. Rett (det|dem) og kjør `make validate` igjen\.$")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project holding one valid case, with the bad files copied to bad/ (plus those made here)."""
    root = make_project(tmp_path_factory.mktemp("hostile"), cases={"eksempelby.yaml": VALID})
    bad = root / "bad"
    shutil.copytree(BAD, bad)
    (bad / "oversized.yaml").write_text(VALID + "# " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    # (not `{'ord ' * 30_000}#"…"`: a # glued to text after a plain value is now a problem of its own)
    (bad / "long-line.yaml").write_text(VALID.replace('summary: "', f'summary: "{"ord " * 30_000}', 1), encoding="utf-8")
    themes = "themes: [organisering, arbeid-og-kvalifisering]"
    (bad / "long-unknown-term.yaml").write_text(VALID.replace(themes, f"themes: [{'x' * 100_000}]"), encoding="utf-8")
    (bad / "long-key.yaml").write_text(f"? 1.{'1' * 100_000}\n: x\n", encoding="utf-8")
    practice = "  - {name: T, description: D, source: testkilde}\n"  # 5,000 of them stay under MAX_BYTES
    (bad / "too-many-practices.yaml").write_text(VALID.replace("key_figures:", practice * 4999 + "key_figures:", 1), encoding="utf-8")
    (bad / "symlink.yaml").symlink_to("/etc/hostname")
    (bad / "directory.yaml").mkdir()
    return root


def _names(key) -> tuple[str, ...]:
    return key if isinstance(key, tuple) else (key,)


def test_every_bad_fixture_file_is_checked():
    on_disk = {str(p.relative_to(BAD)) for p in BAD.rglob("*.y*ml")}
    listed = {name for key in EXPECTED for name in _names(key)} - MADE_HERE
    assert on_disk == listed


@pytest.mark.parametrize("key", list(EXPECTED), ids=lambda key: "+".join(_names(key)))
def test_bad_file_is_refused_with_one_clear_line_per_problem(project, key):
    PWNED.unlink(missing_ok=True)
    result = run_generator("validate", *(f"bad/{name}" for name in _names(key)), cwd=project)
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert lines, result.stderr
    for line in lines:
        assert LINE.match(line), line
        # a long value is not echoed back in full (a list of allowed values may still make a long line)
        assert len(line) <= MAX_LINE and not re.search(r"(.)\1{99}", line), line
    assert EXPECTED[key] in result.stdout, result.stdout
    assert [line for line in result.stderr.splitlines() if line] == [
        f"{len(lines)} {'problem' if len(lines) == 1 else 'problemer'} funnet. "
        f"Rett {'det' if len(lines) == 1 else 'dem'} og kjør `make validate` igjen."
    ]
    assert COUNT.match(result.stderr.strip())
    assert not PWNED.exists(), "a YAML tag was executed"


def test_problem_line_points_at_the_offending_line(project):
    result = run_generator("validate", "bad/unknown-source.yaml", cwd=project)
    text = (project / "bad" / "unknown-source.yaml").read_text(encoding="utf-8").splitlines()
    line = int(result.stdout.split(":")[1])
    assert "feilkilde" in text[line - 1]


def test_the_valid_record_passes_in_the_same_project(project):
    result = run_generator("validate", "cases/eksempelby.yaml", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_all_real_records_validate_well_under_a_second():
    load_catalog(ROOT)  # warm up imports and the vocabulary
    started = time.perf_counter()
    catalog = load_catalog(ROOT)
    seconds = time.perf_counter() - started
    assert not catalog.problems
    assert len(catalog.cases) + len(catalog.templates) >= 5
    print(f"\nvalidated {len(catalog.cases)} cases and {len(catalog.templates)} templates in {seconds:.3f} s")
    assert seconds < 1.0


# A slip while adding a term to generator/records/vocabulary.yaml (which CONTRIBUTING invites): inserted as the
# last theme, the line it gives, and what the message must say.
VOCABULARY_SLIPS = {
    "indent-one-too-few": (" idrett: Idrett og fritid", 2, "YAML-syntaksfeil: innrykket stemmer ikke"),
    "indent-one-too-many": ("   idrett: Idrett og fritid", 4, "YAML-syntaksfeil: linjen er rykket lenger inn enn «forskning:» "
                                                                 "på linjen over, så den ble lest som en del av teksten der; "
                                                                 "flytt «idrett:» til samme kolonne som «forskning:»"),
    "colon-in-label": ("  idrett: Idrett: fritid og lag", 17, "YAML-syntaksfeil: kolon og mellomrom («: ») midt i en verdi"),
    "no-label": ("  idrett:", 3, "temaet «idrett» mangler navn; skriv navnet etter kolon og mellomrom, f.eks. «idrett: Idrett»"),
    "key-with-aeoa": ("  språkkafé: Språkkafé", 3, "nøkkelen «språkkafé» kan bare inneholde små bokstaver a–z, tall og "
                                                   "bindestrek (ikke æ, ø, å eller mellomrom); skriv f.eks. «sprakkafe»"),
    "key-with-spaces": ("  Nytt tema: Nytt tema", 3, "nøkkelen «Nytt tema» kan bare inneholde"),
    "key-with-a-leading-hyphen": ("  -idrett: Idrett og fritid", 3, "nøkkelen «-idrett» kan ikke starte eller slutte med "
                                                                    "bindestrek, eller ha to bindestreker etter hverandre; "
                                                                    "skriv f.eks. «idrett»"),
    "label-a-number": ("  aar: 2024", 8, "navnet på temaet «aar» skal være tekst; sett anførselstegn rundt det"),
}


@pytest.mark.parametrize("slip", list(VOCABULARY_SLIPS))
def test_a_slip_in_the_vocabulary_is_reported_at_its_line_by_validate_and_build(tmp_path, slip):
    line_text, column, expected = VOCABULARY_SLIPS[slip]
    root = make_project(tmp_path, cases={"eksempelby.yaml": VALID})
    vocabulary = root / "generator" / "records" / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8")
    assert "\n\ntarget_groups:" in text
    text = text.replace("\n\ntarget_groups:", f"\n{line_text}\n\ntarget_groups:", 1)
    vocabulary.write_text(text, encoding="utf-8")
    line = text.splitlines().index(line_text) + 1
    for command in ("validate", "build"):
        result = run_generator(command, cwd=root)
        assert result.returncode == 1
        assert "Traceback" not in result.stdout + result.stderr
        assert "generatoren" not in result.stderr, "the fault is in the edit, not in the generator"
        assert result.stdout.splitlines()[0].startswith(f"generator/records/vocabulary.yaml:{line}:{column}: {expected}"), result.stdout
