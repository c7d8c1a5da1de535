"""Command line: python -m generator validate | build | schema | stale | new | build-data."""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from generator import build_date, parallel
from generator.formatting import is_stale
from generator.mkdocs.build import SITE_BUILDERS
from generator.records.catalog import ROOT, load_catalog
from generator.records.model.schema import SCHEMAS, schema_text
from generator.records.problems import count_text, in_github_actions, report_lines
from generator.records.starter import STARTER, starter_text
from generator.records.vocabulary import VOCABULARY_FILE
from generator.search import index_parts, pagefind_index
from generator.text import slug_problem, slug_suggestion



def _print_problems(problems) -> None:
    for line in report_lines(problems):
        print(line)


def _what_next(count: int) -> str:
    them = "det" if count == 1 else "dem"
    if in_github_actions():  # contributors using GitHub's web editor cannot run make
        return f"{count_text(count)}. Rett {them} i filen på GitHub og lagre (Commit changes); da kjører kontrollen på nytt."
    return f"{count_text(count)}. Rett {them} og kjør `make validate` igjen."


def cmd_validate(args) -> int:
    started = time.perf_counter()
    given = [Path(p) for p in args.paths]
    catalog = load_catalog(ROOT, extra=given)
    problems = catalog.problems
    if given:  # report on the given files only; the rest of the catalog is there for cross-references
        wanted = {p.resolve() for p in given}
        # ... and on the vocabulary, which every record is checked against.
        wanted.add(VOCABULARY_FILE.resolve())
        problems = [p for p in problems if (ROOT / p.path).resolve() in wanted]
    _print_problems(problems)
    seconds = time.perf_counter() - started
    if problems:
        print(f"\n{_what_next(len(problems))}", file=sys.stderr)
        return 1
    print(f"Alt i orden: {len(catalog.cases)} caser og {len(catalog.templates)} maler kontrollert på {seconds:.2f} s.")
    return 0


def _valid_catalog(not_done: str):
    """The catalog, or None after printing its problems and what was therefore not done."""
    catalog = load_catalog(ROOT)
    if not catalog.problems:
        return catalog
    _print_problems(catalog.problems)
    print(f"\n{count_text(len(catalog.problems))}; {not_done}.", file=sys.stderr)
    return None


def _in_own_process(work) -> int:
    """work() in a forked child process; its return value as the child's exit code.

    Under a profiler, coverage or a debugger, in this process instead: they see only their own process,
    and the work is what they are there for."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return work()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 1
        try:
            code = work()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _pid, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _build_into(staging: Path, site_name: str, builder: str) -> int:
    """Validate, then build the site into staging; 0, or 1 after saying why not."""
    if _valid_catalog("nettstedet ble ikke bygget") is None:
        return 1
    gc.freeze()  # the records live as long as the build: the collector need not walk them again and again
    from generator.mkdocs.build import BuildFailed, build_site

    try:
        build_site(ROOT, staging, builder)
    except BuildFailed as error:
        print(f"Byggingen feilet, {site_name}/ er uendret: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - the records passed validation: this is the generator's fault
        print(
            f"Byggingen feilet, {site_name}/ er uendret. Feilen ligger i generatoren, ikke i postene: "
            f"{type(error).__name__}: {error}. Meld gjerne fra om den i kodelageret.",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_build(args) -> int:
    """Validate and build into a temporary folder, index it, and replace the site folder only on success.

    Validating and building run in a process of their own: what they hold (the records, the pages, the
    site builder's structures, some 400 MB at 5,000 cases) is given back when it ends, before Pagefind
    indexes, so the two never hold their memory at once."""
    site = Path(args.site_dir).resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    if _in_own_process(lambda: _build_into(staging, site.name, args.builder)) != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    try:
        indexed = pagefind_index.index_site(staging)
        index_parts.remove_plan(staging)  # the indexer's instructions, not part of the site
    except pagefind_index.IndexFailed as error:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Byggingen feilet, {site.name}/ er uendret: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - the site was built: this is the indexer's fault
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Byggingen feilet, {site.name}/ er uendret. Feilen ligger i generatoren: {type(error).__name__}: "
              f"{error}. Meld gjerne fra om den i kodelageret.", file=sys.stderr)
        return 1
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    parts = f"{indexed.parts} {'del' if indexed.parts == 1 else 'deler'}"
    if indexed.at_once > 1:
        parts += f", {indexed.at_once} om gangen"
    print(f"Søkeindeksen: {indexed.pages} sider på {indexed.seconds:.1f} s "
          f"({parts}, Pagefind brukte høyst {indexed.peak_mb:.0f} MB minne)")
    print(f"Nettstedet er bygget i {site}")
    return 0


def cmd_schema(args) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, model in SCHEMAS.items():
        (out / name).write_text(schema_text(model), encoding="utf-8")
        print(f"skrev {out / name}")
    # The project's own schema/: the starter's lists of terms are made from the vocabulary too.
    if out.resolve() == (ROOT / "schema").resolve() and STARTER.read_text(encoding="utf-8") != starter_text():
        STARTER.write_text(starter_text(), encoding="utf-8")
        print(f"skrev {STARTER.relative_to(ROOT)}")
    return 0


def cmd_new(args) -> int:
    slug = args.slug or ""
    problem = slug_problem(slug)
    if problem:
        shown = f"«{slug}» {problem}" if slug else "navnet mangler"
        print(
            f"Ugyldig navn på casen: {shown}. Skriv f.eks. `make new-case SLUG={slug_suggestion(slug)}` "
            "(små bokstaver a–z, tall og bindestrek; æ, ø, å skrives ae, o, a).",
            file=sys.stderr,
        )
        return 1
    candidates = [ROOT / "cases" / f"{slug}.yaml", ROOT / "cases" / f"{slug}.yml", ROOT / "templates" / f"{slug}.yaml"]
    taken = [path for path in candidates if path.exists()]
    if taken:
        print(f"{taken[0].relative_to(ROOT)} finnes allerede. Velg et annet navn, eller rediger den filen.", file=sys.stderr)
        return 1
    target = candidates[0]
    target.parent.mkdir(exist_ok=True)
    target.write_text(starter_text(), encoding="utf-8")
    print(f"Skrev cases/{slug}.yaml. Fyll ut feltene (forklaringene står i filen), og kjør `make validate`.")
    return 0


def cmd_stale(args) -> int:
    catalog = load_catalog(ROOT)
    today = build_date.today()  # the day the pages are made for, so the list and the pages agree
    lines = []
    for slug, case in catalog.sorted_cases():
        path = catalog.case_files[slug]
        if is_stale(case.last_verified, today, args.years):
            lines.append(f"{path}: casen ble sist bekreftet {case.last_verified}")
        for contact in case.contacts:
            if is_stale(contact.last_verified, today, args.years):
                when = contact.last_verified or "aldri (bare hentet fra kilden)"
                lines.append(f"{path}: kontaktpersonen {contact.label} ble sist bekreftet {when}")
    print("\n".join(lines) if lines else f"Alt er bekreftet de siste {args.years} årene.")
    return 0


def cmd_build_data(args) -> int:
    """The open data files (JSON, CSV, Data Package, schemas, Atom feed, vCards) without the site."""
    catalog = _valid_catalog("dataene ble ikke skrevet")
    if catalog is None:
        return 1
    from generator.mkdocs.build import site_settings
    from generator.opendata import bundle

    site_name, site_url = site_settings(ROOT)
    files = bundle.build(catalog, site_name, args.site_url or site_url)
    written = bundle.write(files, Path(args.out))
    print(f"Skrev {len(written)} filer i {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Kunnskapsbankens verktøy.")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="kontroller alle caser og maler (eller bare de oppgitte filene)")
    validate.add_argument("paths", nargs="*")
    validate.set_defaults(func=cmd_validate)
    build = sub.add_parser("build", help="kontroller og bygg nettstedet til site/")
    build.add_argument("--site-dir", default=str(ROOT / "site"))
    build.add_argument(
        "--builder", choices=SITE_BUILDERS, default=os.environ.get("SITE_BUILDER") or "mkdocs",
        help="MkDocs eller ProperDocs (standard: miljøvariabelen SITE_BUILDER, ellers mkdocs)",
    )
    build.set_defaults(func=cmd_build)
    schema = sub.add_parser("schema", help="skriv JSON Schema for caser og maler (og ordlistene i startfilen)")
    schema.add_argument("--out", default=str(ROOT / "schema"))
    schema.set_defaults(func=cmd_schema)
    new = sub.add_parser("new", help="lag cases/SLUG.yaml fra en kommentert startfil")
    new.add_argument("slug", nargs="?", help="filnavnet uten .yaml, f.eks. min-kommune")
    new.set_defaults(func=cmd_new)
    stale = sub.add_parser("stale", help="list caser og kontakter som ikke er bekreftet på lenge")
    stale.add_argument("--years", type=int, default=2)
    stale.set_defaults(func=cmd_stale)
    data = sub.add_parser("build-data", help="skriv de åpne dataene (JSON, CSV, datapakke, Atom, vCard) uten nettstedet")
    data.add_argument("--out", default=str(ROOT / "site"))
    data.add_argument("--site-url", help="nettstedets adresse (standard: site_url i mkdocs.yml)")
    data.set_defaults(func=cmd_build_data)
    args = parser.parse_args(argv)
    parallel.use_all_cores()
    return args.func(args)
