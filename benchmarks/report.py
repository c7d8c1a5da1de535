"""The figures as tables, and each target beside the figure it is measured against."""

from __future__ import annotations

import contextlib
import os
import platform
import statistics
from importlib import metadata
from pathlib import Path

from figures import MB, SiteFigures
from queries import TARGETED

PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "PyYAML", "pydantic", "Jinja2", "weasyprint", "playwright", "pagefind")
PAGE_LIMIT = 300_000  # raw bytes, for every HTML page at 5,000 cases
# The growth target: the larger size's build time against the smaller's. When a run has both, the smaller
# is built again in turns with the larger (bench.measure_size), since the speed of these machines drifts
# in the minutes between the two sizes: at 03.05 on 8 Dec 2026, 1 000 cases took 10.5–12.8 s CPU and
# 5 000 cases, minutes later, 66–79 s CPU (54–63 s in the run just before).
GROWTH = (1000, 5000)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    versions = {}
    for name in PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[name] = metadata.version(name)
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(mem / 1024 / 1024, 1),
            "python": platform.python_version(), "packages": versions, "load": os.getloadavg()}


def number(n: float, spec: str = ",.0f") -> str:
    """Thousands with a space, the Norwegian way: 1 000."""
    return format(n, spec).replace(",", " ")


def kb(n: int) -> str:
    return f"{number(n / 1000)} KB"


def memory(f: SiteFigures) -> str:
    """The build process's own peak, the largest Pagefind run's, and the build with its children at once."""
    text = f"{f.peak_mb:.0f} MB"
    if f.pagefind_mb is not None:
        text += f"; Pagefind {f.pagefind_mb:.0f} MB"
    if f.family_mb:
        text += f"; samlet {f.family_mb:.0f} MB"
    if f.indexing_mb:
        text += f", under indeksering {f.indexing_mb:.0f} MB"
    return text


def row(f: SiteFigures) -> str:
    if not f.runs:
        return f"| {number(f.n)} | {f.label} | {f.note.strip() or 'ikke kjørt'} | | | | | | |"
    search = "–"
    if f.search_ms:
        ready = "første søk ferdig" if f.first_search else "indeks klar"
        search = f"{statistics.median(f.search_ms):.0f} / {max(f.search_ms):.0f} ms, {ready} etter {f.search_ready_ms / 1000:.1f} s"
        if f.typing_ms:
            search += f"; etter rask skriving {statistics.median(f.typing_ms):.0f} / {max(f.typing_ms):.0f} ms"
    first = kb(f.first_search_gzip)
    if f.first_search:
        first = " / ".join(f"{label} {kb(size)}" for label, size in f.first_search.items())
    build = f"{f.seconds:.1f} s ({f.cpu_seconds:.1f} s CPU" + (f"; indeksering {f.index_seconds:.1f} s)" if f.index_seconds is not None else ")")
    return (f"| {number(f.n)} | {f.label} | {build} | {f.seconds / f.n * 1000:.1f} ms | {memory(f)} | "
            f"{f.site_mb:.1f} MB ({f.open_data_mb:.1f} MB åpne data; {f.site_gzip_mb:.1f} MB gzip) | "
            f"{f.index_raw / MB:.2f} MB / {kb(f.index_gzip)} | {first} | {search} |")


def print_table(rows: list[tuple[SiteFigures, SiteFigures]]) -> None:
    print("\n| caser | bygger | byggetid | per case | topp-RSS (bygging; Pagefind; samlet) | nettsted | søkeindeks (rå / slik den sendes) "
          "| første søk laster ned (gzip) | tastetrykk → treff: median / maks |")
    print("|---|---|---|---|---|---|---|---|---|")
    for project, plain in rows:
        print(row(project))
        print(row(plain))
    print("\n| caser | byggetid ren / prosjekt | nettsted ren / prosjekt | første søk ren / prosjekt |")
    print("|---|---|---|---|")
    for project, plain in rows:
        if plain.runs:
            first = (f"{plain.first_search_gzip / project.first_search_gzip:.1f}×"
                     if plain.first_search_gzip and project.first_search_gzip else "–")  # searched only in the browser
            print(f"| {number(project.n)} | {plain.seconds / project.seconds:.1f}× | {plain.site_mb / project.site_mb:.1f}× | "
                  f"{first} |")
    print_largest_pages([project for project, _plain in rows])


def print_largest_pages(projects: list[SiteFigures]) -> None:
    kinds = sorted({kind for p in projects for kind in p.largest_pages})
    if not kinds:
        return
    print("\nStørste HTML-side av hvert slag (rå):\n")
    print("| slag | " + " | ".join(f"{number(p.n)} caser" for p in projects) + " |")
    print("|---|" + "---|" * len(projects))
    for kind in kinds:
        cells = [kb(p.largest_pages[kind][1]) if kind in p.largest_pages else "–" for p in projects]
        print(f"| {kind} | " + " | ".join(cells) + " |")


def _first_text(p: SiteFigures) -> str:
    """The largest first search of those the target is set for; the others beside it, as figures."""
    others = ", ".join(f"{label} {kb(size)}" for label, size in p.first_search.items() if label not in TARGETED)
    return f"{kb(p.first_search_gzip)}" + (f" (utenfor målet: {others})" if others else "")


def _search_checks(p: SiteFigures, limit: int) -> list[tuple[str, bool, str]]:
    checks = []
    if p.first_search_gzip:  # measured only with the browser
        checks.append((f"{number(p.n)} caser: første søk laster ned ≤ {limit // 1000} KB (gzip)",
                       p.first_search_gzip <= limit, _first_text(p)))
    if p.search_ms:
        checks.append((f"{number(p.n)} caser: søkeresultat ≤ 150 ms (median)", statistics.median(p.search_ms) <= 150,
                       f"median {statistics.median(p.search_ms):.0f} ms, maks {max(p.search_ms):.0f} ms"))
    return checks


def _pairs(over, under, label: str) -> str:
    """With --repeat, each build of `over` divided by the build of `under` taken in turn with it."""
    if len(over.runs) < 2 or len(over.runs) != len(under.runs):
        return ""
    return f"; {label} " + " / ".join(f"{a.seconds / b.seconds:.1f}" for a, b in zip(over.runs, under.runs)) + "×"


def _ceiling(project, plain, cores: int | None, target: float = 6) -> str:
    """The most the build could gain with the CPU time it used: on `cores` cores it takes at least
    CPU / cores, however well its work is spread. Below the target, only less work can reach it."""
    if not cores or not project.cpu_seconds:
        return ""
    ceiling = plain.seconds * cores / project.cpu_seconds
    return (f"; med denne CPU-tiden på {cores} kjerner høyst {ceiling:.1f}×, "
            f"{target:.0f}× krever ≤ {plain.seconds * cores / target:.1f} s CPU")


def targets(rows, validate, serve, documents, cores: int | None = None) -> list[tuple[str, bool, str]]:
    """(target, holds, the figure it is measured against): every target the run has figures for. With the
    machine's `cores`, the build's ratio is printed beside the highest its CPU time allows there."""
    by_n = {p.n: (p, plain) for p, plain in rows}
    checks = []
    if 1000 in by_n:
        p, plain = by_n[1000]
        if plain.runs:
            ratio = plain.seconds / p.seconds
            checks.append(("1 000 caser: bygging med søkeindeks ≥ 6× raskere enn ren Material (samme kjøring)", ratio >= 6,
                           f"{ratio:.1f}× ({plain.seconds:.1f} s / {p.seconds:.1f} s; CPU {plain.cpu_seconds / p.cpu_seconds:.1f}×)"
                           + _pairs(plain, p, "byggingene parvis:") + _ceiling(p, plain, cores)))
        checks += _search_checks(p, 150_000)
    smaller, larger = GROWTH
    if larger in by_n:
        p = by_n[larger][0]
        peer = p.growth_peer or (by_n[smaller][0] if smaller in by_n else None)
        if peer is not None and peer.runs:
            growth = p.seconds / peer.seconds
            checks.append((f"{number(smaller)} → {number(larger)} caser: byggetid ≤ 5,5 × (høyst lineær)", growth <= 5.5,
                           f"{growth:.1f}× ({peer.seconds:.1f} s → {p.seconds:.1f} s"
                           + (f"; annenhver gang{_pairs(p, peer, 'parvis')})" if p.growth_peer else ")")))
    if 5000 in by_n:
        p, _plain = by_n[5000]
        largest = max(p.peak_mb, p.pagefind_mb or 0)
        checks.append(("5 000 caser: topp-RSS ≤ 1 GB (byggeprosessen og hver Pagefind-kjøring)", largest <= 1000,
                       f"bygging {p.peak_mb:.0f} MB, Pagefind {p.pagefind_mb or 0:.0f} MB"))
        if p.family_mb:
            checks.append(("5 000 caser: bygging og underprosesser samtidig ≤ 1 GB (PSS)", p.family_mb <= 1000,
                           f"{p.family_mb:.0f} MB, under indeksering {p.indexing_mb:.0f} MB"))
        checks += _search_checks(p, 300_000)
    if rows:
        p = max((p for p, _plain in rows), key=lambda f: f.n)
        if p.largest_pages:
            kind, (path, size) = max(p.largest_pages.items(), key=lambda item: item[1][1])
            applies = "" if p.n == 5000 else " (målet gjelder 5 000)"
            checks.append((f"{number(p.n)} caser: ingen HTML-side over 300 KB{applies}", size <= PAGE_LIMIT,
                           f"størst: {path} {kb(size)}"))
    if validate:
        n, seconds, parsing = validate
        applies = "" if n == 1000 else " (målet gjelder 1 000)"
        checks.append((f"validate på {number(n)} caser ≤ 2 × ren CSafeLoader-lesing av de samme filene{applies}",
                       seconds <= 2 * parsing, f"{seconds / parsing:.1f}× ({seconds:.2f} s / {parsing:.2f} s)"))
    if serve:
        applies = "" if serve["n"] == 1000 else " (målet gjelder 1 000)"
        checks.append((f"serve, {number(serve['n'])} caser: fra lagret case til siden viser endringen ≤ 2 s{applies}",
                       serve["rebuild_s"] <= 2, f"{serve['rebuild_s']:.1f} s (første bygging {serve['first_s']:.1f} s)"))
    if documents:
        checks.append(("dokumenter lages ikke på nytt i andre bygging", documents["unchanged"],
                       f"{documents['files']} filer; bygging {documents['cold_s']:.1f} s uten, {documents['warm_s']:.1f} s med hurtiglager"))
    return checks


def print_targets(rows, validate, serve, documents, cores: int | None = None) -> None:
    by_n = {p.n: p for p, _plain in rows}
    if 1000 in by_n:
        # The size of the whole site is a figure, not a target: what counts is what a reader downloads.
        p = by_n[1000]
        print(f"\nNettstedet ved 1 000 caser: {p.site_mb:.1f} MB, uten åpne data {p.site_mb - p.open_data_mb:.1f} MB, "
              f"slik det sendes (gzip) {p.site_gzip_mb:.1f} MB")
    print("\nMål:")
    for name, ok, value in targets(rows, validate, serve, documents, cores):
        print(f"  [{'OK' if ok else 'NEI'}] {name}: {value}")
    print(f"\nBelastning ved slutt: {os.getloadavg()[0]:.2f}")
