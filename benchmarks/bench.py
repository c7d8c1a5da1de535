"""Benchmark: build the site from N synthetic cases and compare with plain MkDocs + Material.

    make bench                                   N = 10, 100, 1000, 5000 (plain Material up to 1000)
    python benchmarks/bench.py --sizes 10,100    fewer sizes
    python benchmarks/bench.py --repeat 3        median of three builds per size (project and plain in turns)
    python benchmarks/bench.py --skip-plain-above 5000   plain Material at 5,000 too (quadratic: minutes, GBs)
    python benchmarks/bench.py --profile 1000    cProfile of one build with 1,000 cases, top functions

Every build runs as a child process in a temporary copy of the project (synthetic.py), so its peak
memory is its own (processes.py). A script that prints figures, not a test: nothing fails on a miss,
each target is printed beside its figure as holding or not (report.py). The other modules beside this
one measure one thing each: sizes.py (bytes raw and gzip, the largest page of each kind), browser.py
(search in Chromium), serve_timing.py (`make serve`), profiling.py, snapshot.py (the code under test).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402
from browser import material_search, pagefind_search  # noqa: E402
from figures import MB, Run, SiteFigures  # noqa: E402
from processes import (build_plain, build_project, document_snapshot, documents_check, index_seconds,  # noqa: E402
                       time_plain_parsing, time_validate)
from profiling import profile_build  # noqa: E402
from queries import first_queries, rare_word, search_queries  # noqa: E402
from report import GROWTH, machine, number, print_table, print_targets, row  # noqa: E402
from serve_timing import time_serve_rebuild  # noqa: E402
from set_aside import new_file_microseconds, remove_set_aside, set_aside  # noqa: E402
from sizes import measure_site, tree_size  # noqa: E402
from snapshot import describe_source, take_snapshot  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,5000", help="antall caser, kommaseparert")
    parser.add_argument("--repeat", type=int, default=1,
                        help="bygg hver størrelse så mange ganger, prosjektet og ren Material annenhver gang (median)")
    parser.add_argument("--skip-plain-above", type=int, default=1000,
                        help="ingen ren Material-bygging over dette antallet (kvadratisk: 5 000 tar mange minutter)")
    parser.add_argument("--validate-size", type=int, default=1000, help="0: ikke mål validate")
    parser.add_argument("--serve-size", type=int, default=1000, help="0: ikke mål serve")
    parser.add_argument("--no-browser", action="store_true", help="ikke mål søketid i Chromium")
    parser.add_argument("--no-serve", action="store_true", help="ikke mål ny bygging i mkdocs serve")
    parser.add_argument("--profile", type=int, metavar="N", help="bare profiler én bygging med N caser (cProfile)")
    parser.add_argument("--workdir", type=Path, help="arbeidsmappe (standard: en ny mappe i /tmp, slettes etterpå)")
    parser.add_argument("--keep", action="store_true", help="behold arbeidsmappen")
    parser.add_argument("--json", type=Path, help="skriv tallene som JSON hit")
    parser.add_argument("--rev", help="mål en git-revisjon (f.eks. HEAD) i stedet for arbeidskopien")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="ikb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    info = machine()
    print(f"Maskin: {info['nproc']} kjerner, {info['cpu']}, {info['ram_gb']} GB RAM, Python {info['python']}; "
          f"belastning ved start {info['load'][0]:.2f}")
    print("Pakker: " + ", ".join(f"{k} {v}" for k, v in info["packages"].items()))
    print(f"Arbeidsmappe: {work}")
    try:
        args.source = take_snapshot(work / "source", args.rev)
        print(f"Kode: {args.rev or 'arbeidskopien'} ({describe_source()}), {time.strftime('%Y-%m-%d %H:%M %Z')}\n", flush=True)
        if args.profile:
            copy = work / f"project-{args.profile}"
            synthetic.write_project(copy, args.profile, source=args.source)
            build_project(copy, work / "site-warm", work / "warm.log")  # documents into the cache first
            profile_build(copy, work)
            return 0
        return run_all(args, sizes, work, info)
    finally:
        remove_set_aside(work)
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


@dataclass
class Builder:
    """One side of the comparison at one size: what builds it, from where, into where."""

    figures: SiteFigures
    build: Callable[..., Run]
    source: Path
    site: Path
    log: Path
    indexing: list[float | None] = field(default_factory=list)


def timed_builds(builders: list[Builder], repeat: int) -> None:
    """Each builder `repeat` times, taking turns (project, plain, project, plain …), so that a machine
    that speeds up or slows down during the run weighs on both sides alike. Nothing is deleted before a
    build (set_aside.py): an earlier build's site is moved aside, not left for the builder to clear."""
    for _ in range(repeat):
        for side in builders:
            side.figures.runs.append(_build_once(side, side.site, side.log))
            side.indexing.append(index_seconds(side.log))
    for side in builders:
        if None not in side.indexing:
            side.figures.index_seconds = statistics.median(side.indexing)


def measure_built(side: Builder, args, queries, search_repeat: int, first: dict[str, str] | None = None,
                  memory_build: bool = False) -> None:
    """Measure the site a builder made last and search in it, and set it aside; with `memory_build`,
    build it once more with the memory of all its processes sampled (not timed for the figures: the
    sampling takes time on the same cores, see processes.run_child)."""
    figures, site = side.figures, side.site
    measure_site(figures, site)
    if not args.no_browser:
        if (site / "pagefind").exists():
            pagefind_search(figures, site, first or {}, queries, repeat=search_repeat)
        else:
            material_search(figures, site, queries, repeat=search_repeat)
    set_aside(site)
    if memory_build:
        memory_site = site.with_name(site.name + "-memory")
        figures.memory = _build_once(side, memory_site, side.log.with_suffix(".memory.log"), family=True)
        set_aside(memory_site)


def _build_once(side: Builder, site: Path, log: Path, family: bool = False) -> Run:
    set_aside(site)
    probe = new_file_microseconds(site.parent)
    what = "byggingen med minnet målt" if family else "byggingen"
    figures = side.figures
    print(f"[{figures.n}] {figures.label}: en ny mappe med fil tar {probe:.0f} µs før {what}", flush=True)
    run = side.build(side.source, site, log, family=family)
    print(f"[{figures.n}] {figures.label}{' (minnet målt)' if family else ''}: {run}", flush=True)
    return run


def measure_size(n: int, args, work: Path, shared_cache: Path, peer: Builder | None = None,
                 ) -> tuple[SiteFigures, SiteFigures, list]:
    """The project and plain Material at n cases, built from the same synthetic records, in turns; with
    `peer`, the smaller size of the growth target is built in the same turns (report.GROWTH)."""
    copy, plain_copy = work / f"project-{n}", work / f"plain-{n}"
    started = time.perf_counter()
    records = synthetic.write_project(copy, n, source=args.source)
    print(f"[{n}] {n} syntetiske caser skrevet ({tree_size(copy / 'cases') / MB:.1f} MB YAML, "
          f"{time.perf_counter() - started:.1f} s)", flush=True)
    # The same templates for every N: their documents are made once, in the check before.
    shutil.copytree(shared_cache, copy / ".cache" / "documents", dirs_exist_ok=True)
    rare = rare_word(records)
    queries, first = search_queries(records, rare), first_queries(records, rare)

    project = Builder(SiteFigures("prosjektet", n), build_project, copy, work / f"site-{n}", work / f"build-{n}.log")
    plain = Builder(SiteFigures("ren Material", n), build_plain, plain_copy, work / f"plain-site-{n}",
                    work / f"plain-{n}.log")
    with_plain = n <= args.skip_plain_above
    if with_plain:
        synthetic.write_plain_project(plain_copy, records)
    else:
        plain.figures.note = f"hoppet over (--skip-plain-above {args.skip_plain_above}; kvadratisk vekst)"
        print(f"[{n}] ren Material {plain.figures.note}", flush=True)

    shared = set(document_snapshot(shared_cache))
    timed_builds([project, *([plain] if with_plain else []), *([peer] if peer else [])], args.repeat)
    project.figures.growth_peer = peer.figures if peer else None
    if made := sorted(set(document_snapshot(copy / ".cache" / "documents")) - shared):
        # A miss would add the documents' ~12 s to the build time and hide what a build costs.
        print(f"[{n}] ADVARSEL: {len(made)} dokumenter ble laget på nytt, hurtiglageret traff ikke: {made[:3]}", flush=True)
    measure_built(project, args, queries, 3, first, memory_build=True)
    if with_plain:
        measure_built(plain, args, queries, 1)
        set_aside(plain_copy)
    print(row(project.figures))
    print(row(plain.figures), flush=True)
    return project.figures, plain.figures, records


def measure_validate(copy: Path, n: int, work: Path, repeat: int) -> tuple[int, float, float]:
    """validate beside libyaml's parser alone over the same files, in the same run."""
    seconds, parsing = time_validate(copy, work, repeat), time_plain_parsing(copy, work, repeat)
    print(f"[{n}] validate: {seconds:.2f} s; bare CSafeLoader: {parsing:.2f} s", flush=True)
    return n, seconds, parsing


def measure_serve(copy: Path, records, n: int, work: Path, repeat: int) -> dict:
    serve = time_serve_rebuild(copy, records[min(7, n - 1)][0], work, repeat)
    print(f"[{n}] serve: {serve}", flush=True)
    return serve


def run_all(args, sizes: list[int], work: Path, info: dict) -> int:
    rows: list[tuple[SiteFigures, SiteFigures]] = []
    shared_cache = work / "documents-cache"
    serve = validate = None
    results: dict = {"machine": info, "sizes": {}}
    repeat = max(3, args.repeat)
    copy = work / "project-documents"
    synthetic.write_project(copy, 10, source=args.source)
    documents = documents_check(copy, work)
    print(f"dokumenter (10 caser): {documents}", flush=True)
    shutil.copytree(copy / ".cache" / "documents", shared_cache, dirs_exist_ok=True)
    set_aside(copy)
    serve_size = 0 if args.no_serve else args.serve_size
    smaller, larger = GROWTH
    growth_copy = None  # the smaller size's copy, built again in turns with the larger
    for n in sizes:
        peer = None
        if n == larger and growth_copy is not None:
            peer = Builder(SiteFigures(f"prosjektet i turn med {number(larger)}", smaller), build_project, growth_copy,
                           work / f"site-{smaller}-i-turn", work / f"build-{smaller}-i-turn.log")
        project, plain, records = measure_size(n, args, work, shared_cache, peer)
        rows.append((project, plain))
        copy = work / f"project-{n}"
        if n == args.validate_size:
            validate = measure_validate(copy, n, work, repeat)
        if n == smaller and larger in sizes:
            growth_copy = copy
        if n == serve_size:
            serve_records = records  # measured after the builds: `mkdocs serve` deletes its site when it stops
        elif copy != growth_copy:
            set_aside(copy)
        results["sizes"][n] = {"project": project.as_dict(), "plain": plain.as_dict()}
    if growth_copy is not None and smaller != serve_size:
        set_aside(growth_copy)

    if validate is None and args.validate_size and args.validate_size not in sizes:
        copy = work / f"project-{args.validate_size}"
        synthetic.write_project(copy, args.validate_size, source=args.source)
        validate = measure_validate(copy, args.validate_size, work, repeat)
        set_aside(copy)
    if serve_size:
        copy = work / f"project-{serve_size}"
        if serve_size not in sizes:
            serve_records = synthetic.write_project(copy, serve_size, source=args.source)
            shutil.copytree(shared_cache, copy / ".cache" / "documents", dirs_exist_ok=True)
        serve = measure_serve(copy, serve_records, serve_size, work, repeat)
        set_aside(copy)

    print_table(rows)
    print_targets(rows, validate, serve, documents, info["nproc"])
    results.update(validate=validate, serve=serve, documents=documents)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
