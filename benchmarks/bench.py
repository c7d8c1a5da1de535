"""Benchmark: build the site from N synthetic cases and compare with plain MkDocs + Material.

    make bench                                   N = 10, 100, 1000, 5000 (plain Material up to 1000)
    python benchmarks/bench.py --sizes 10,100    fewer sizes
    python benchmarks/bench.py --repeat 3        median of three builds per size
    python benchmarks/bench.py --skip-plain-above 5000   plain Material at 5,000 too (quadratic: minutes, GBs)
    python benchmarks/bench.py --profile 1000    cProfile of one build with 1,000 cases, top functions

Every build runs as a child process in a temporary copy of the project (benchmarks/synthetic.py), so
its peak memory is its own (os.wait4). A script that prints figures, not a test: nothing fails on a miss,
the targets are reported as holding or not.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
for _name in ("SITE_URL", "SITE_REPO_URL", "SITE_EDIT_URI"):
    ENV.pop(_name, None)
PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "PyYAML", "pydantic", "Jinja2", "weasyprint", "playwright")
MB = 1_000_000


@dataclass
class Run:
    seconds: float
    peak_mb: float
    cpu_seconds: float = 0.0  # user + system: less sensitive than wall time to other load on the machine


@dataclass
class SiteFigures:
    label: str
    n: int
    runs: list[Run] = field(default_factory=list)
    site_mb: float = 0.0
    site_gzip_mb: float = 0.0  # every file as a web server sends it: text gzip-compressed
    open_data_mb: float = 0.0  # data/ (JSON, CSV, datapackage), vCards and the Atom feed
    index_raw: int = 0
    index_gzip: int = 0
    first_search_gzip: int = 0  # index + search worker + lunr language files, gzip
    search_ms: list[float] = field(default_factory=list)
    # Pagefind (the project): from the last key of fast typing (keys less than the search script's
    # TYPING_GAP apart) to results; the search waits for that pause first.
    typing_ms: list[float] = field(default_factory=list)
    search_ready_ms: float | None = None
    note: str = ""
    # Pagefind (the project): seconds indexing adds to the build, and what a first search downloads
    # per kind of query (bytes on the wire, a fresh browser cache each time).
    index_seconds: float | None = None
    first_search: dict[str, int] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return statistics.median(r.peak_mb for r in self.runs)


# --- running children -------------------------------------------------------------------------

def run_child(cmd: list[str], cwd: Path, log: Path) -> Run:
    """Run cmd to completion; wall seconds and the child's own peak RSS (os.wait4, not cumulative)."""
    with open(log, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=ENV)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"{' '.join(cmd)} (i {cwd}) feilet med kode {proc.returncode}:\n{tail}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)  # ru_maxrss is in KiB


def build_project(copy: Path, site: Path, log: Path) -> Run:
    return run_child([PYTHON, "-m", "generator", "build", "--site-dir", str(site)], copy, log)


def build_plain(copy: Path, site: Path, log: Path) -> Run:
    return run_child([PYTHON, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], copy, log)


# --- what a site costs on disk and in the reader's browser -------------------------------------

def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


ALREADY_COMPRESSED = {".pdf", ".docx", ".odt", ".gz", ".png", ".jpg", ".zip"}


def served_size(path: Path) -> int:
    """The site's files as a web server such as GitHub Pages sends them: text gzip-compressed."""
    return sum(p.stat().st_size if p.suffix in ALREADY_COMPRESSED else gzip_size(p)
               for p in path.rglob("*") if p.is_file())


def open_data_size(site: Path) -> int:
    """The downloads for reuse: data/, one vCard per contact, the Atom feed."""
    files = [p for p in (site / "data").rglob("*") if p.is_file()] + list(site.rglob("*.vcf"))
    files += [site / "feed.xml"] if (site / "feed.xml").exists() else []
    return sum(p.stat().st_size for p in files)


def search_files(site: Path) -> list[Path]:
    """What Material fetches for search on page load: the index, the worker and lunr's language files."""
    files = [site / "search" / "search_index.json"]
    files += sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    files += [lunr / "lunr.stemmer.support.min.js", lunr / "lunr.no.min.js"]
    return [f for f in files if f.exists()]


# Pagefind's index chunks are gzip-compressed on disk and sent as they are.
PAGEFIND_COMPRESSED = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind")


def wire_size(path: Path) -> int:
    return path.stat().st_size if path.name.endswith(PAGEFIND_COMPRESSED) else gzip_size(path)


def measure_site(figures: SiteFigures, site: Path) -> None:
    figures.site_mb = tree_size(site) / MB
    figures.site_gzip_mb = served_size(site) / MB
    figures.open_data_mb = open_data_size(site) / MB
    pagefind = site / "pagefind"
    if pagefind.exists():
        files = [p for p in pagefind.rglob("*") if p.is_file()]
        figures.index_raw = sum(p.stat().st_size for p in files)
        figures.index_gzip = sum(wire_size(p) for p in files)
        return
    index = site / "search" / "search_index.json"
    figures.index_raw = index.stat().st_size
    figures.index_gzip = gzip_size(index)
    figures.first_search_gzip = sum(gzip_size(f) for f in search_files(site))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# Types a query the way Material listens for it (keyup) and waits for the result count to change.
_QUERY_JS = """
async ([query, timeout]) => {
  const input = document.querySelector("[data-md-component=search-query]");
  const meta = document.querySelector(".md-search-result__meta");
  input.focus();
  const before = meta.textContent;
  return await new Promise((resolve) => {
    let start;
    const observer = new MutationObserver(() => {
      if (meta.textContent === before) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve({ms: performance.now() - start, meta: meta.textContent}));
    });
    observer.observe(meta, {childList: true, characterData: true, subtree: true});
    setTimeout(() => { observer.disconnect(); resolve({ms: null, meta: meta.textContent}); }, timeout);
    start = performance.now();
    input.value = query;
    input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
  });
}
"""


@contextlib.contextmanager
def chromium_on(figures: SiteFigures, site: Path):
    """(address of the served site, a Chromium browser), or None without Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        figures.note += " (ingen playwright: søk ikke målt)"
        yield None
        return
    with serve_folder(site) as url, sync_playwright() as p:
        executable = shutil.which("chromium") or shutil.which("chromium-browser")
        browser = p.chromium.launch(executable_path=executable) if executable else p.chromium.launch()
        try:
            yield url, browser
        finally:
            browser.close()


def browser_search(figures: SiteFigures, site: Path, queries: list[str], repeat: int) -> None:
    """Time Material's search in Chromium: index ready after page load, then each query to its results."""
    with chromium_on(figures, site) as running:
        if running is None:
            return
        url, browser = running
        page = browser.new_page()
        config = None
        started = time.perf_counter()
        page.goto(url)
        config = json.loads(page.locator("#__config").text_content())
        ready = config["translations"]["search.result.placeholder"]
        page.wait_for_function(
            "text => document.querySelector('.md-search-result__meta').textContent === text",
            arg=ready, timeout=300_000,
        )
        figures.search_ready_ms = (time.perf_counter() - started) * 1000
        for _ in range(repeat):
            for query in queries:
                for text in ("", query):  # clear first, so every query changes the result line
                    if text == "" and page.locator("[data-md-component=search-query]").input_value() == "":
                        continue
                    result = page.evaluate(_QUERY_JS, [text, 10_000])
                if result["ms"] is not None:
                    figures.search_ms.append(result["ms"])


# Types a query into the header field as a person would (an input event) and waits until the live
# region announces the results for it: from keystroke to results on screen.
_PAGEFIND_QUERY_JS = """
async ([query, timeout]) => {
  const input = document.querySelector("#ikb-search-field");
  const status = document.querySelector("header [data-ikb-search-status]");
  input.focus();
  const done = () => query === "" ? status.textContent === "" : status.textContent.endsWith("«" + query + "»");
  return await new Promise((resolve) => {
    let start;
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve({ms: performance.now() - start, text: status.textContent}));
    });
    observer.observe(status, {childList: true, characterData: true, subtree: true});
    setTimeout(() => { observer.disconnect(); resolve({ms: null, text: status.textContent}); }, timeout);
    start = performance.now();
    input.value = query;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    if (query === "") { observer.disconnect(); resolve({ms: null, text: ""}); }
  });
}
"""


_SET_FIELD_JS = """
(query) => {
  const input = document.querySelector("#ikb-search-field");
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
}
"""


def _search_parts(site: Path, paths: set[str]) -> str:
    """What a first search fetched from pagefind/, by kind: script and WebAssembly, word index, filters, results."""
    parts: dict[str, int] = {}
    for path in paths:
        if path.startswith("pagefind/") and (site / path).is_file():
            kind = path.split("/")[1] if path.count("/") > 1 else "skript, wasm, meta"
            parts[kind] = parts.get(kind, 0) + wire_size(site / path)
    return ", ".join(f"{kind} {_kb(size)}" for kind, size in sorted(parts.items()))


def pagefind_search(figures: SiteFigures, site: Path, first: dict[str, str], queries: list[str], repeat: int) -> None:
    """Pagefind in Chromium: bytes a first search fetches (fresh cache per query), then keystroke to results."""
    with chromium_on(figures, site) as running:
        if running is None:
            return
        url, browser = running
        for label, query in first.items():
            context = browser.new_context()
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            fetched: list[str] = []
            page.on("request", lambda request: fetched.append(request.url))
            if label in TYPED:  # letter by letter, as a person types: each key may start a search
                page.locator("#ikb-search-field").press_sequentially(query, delay=TYPED_DELAY_MS)
            result = page.evaluate(_PAGEFIND_QUERY_JS, [query, 30_000])
            page.wait_for_load_state("networkidle")
            paths = {urllib.parse.urlsplit(u).path.lstrip("/") for u in fetched}
            figures.first_search[label] = sum(wire_size(site / path) for path in paths if (site / path).is_file())
            print(f"[{figures.n}] første søk «{query}» ({label}): {_kb(figures.first_search[label])}, "
                  f"{len(paths)} filer, {result['text']}; {_search_parts(site, paths)}", flush=True)
            context.close()
        figures.first_search_gzip = max((size for label, size in figures.first_search.items() if label in TARGETED), default=0)
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(url)
        page.evaluate(_PAGEFIND_QUERY_JS, [queries[0], 30_000])  # loads Pagefind once
        figures.search_ready_ms = (time.perf_counter() - started) * 1000
        for _ in range(repeat):
            for query in queries:
                # A key after a pause: the field is cleared, and the next key comes 400 ms later.
                page.evaluate(_PAGEFIND_QUERY_JS, ["", 1000])
                page.wait_for_timeout(400)
                result = page.evaluate(_PAGEFIND_QUERY_JS, [query, 10_000])
                if result["ms"] is not None:
                    figures.search_ms.append(result["ms"])
                # The last key of fast typing: the query but its last letter, and at once the whole.
                page.evaluate(_PAGEFIND_QUERY_JS, ["", 1000])
                page.wait_for_timeout(400)
                page.evaluate(_SET_FIELD_JS, query[:-1])
                result = page.evaluate(_PAGEFIND_QUERY_JS, [query, 10_000])
                if result["ms"] is not None:
                    figures.typing_ms.append(result["ms"])


def rare_word(records: list[tuple[str, dict]]) -> str:
    """A long word that as few cases as possible use, and that starts no other word (Pagefind finds
    words by their beginning): what a reader copies from a page they half remember."""
    counts: dict[str, int] = {}
    for _slug, record in records:
        text = " ".join(p["description"] for p in record["practices"])
        for word in set(re.findall(r"\b[a-zæøå]{9,}\b", text)):
            counts[word] = counts.get(word, 0) + 1
    words = sorted(counts)
    alone = [w for i, w in enumerate(words) if i + 1 == len(words) or not words[i + 1].startswith(w)]
    return min(alone, key=lambda w: counts[w])


# The first searches the targets are set for, and more that a reader also makes: the word most cases
# use (on every page, so its index chunk is the largest there is), a query of several words, and
# «arbeid» typed letter by letter at TYPED_DELAY_MS a key, as on a phone.
TARGETED = ("kasusnavn", "arbeid", "sjeldent ord")
TYPED = ("arbeid, tastet",)
TYPED_DELAY_MS = 180


def most_common_word(records: list[tuple[str, dict]]) -> str:
    """The word of at least five letters that the most cases use, counted once per case."""
    counts: dict[str, int] = {}
    for _slug, record in records:
        text = " ".join(p["description"] for p in record["practices"]).casefold()
        for word in set(re.findall(r"\b[a-zæøå]{5,}\b", text)):
            counts[word] = counts.get(word, 0) + 1
    return max(sorted(counts), key=lambda w: counts[w])


def first_queries(records: list[tuple[str, dict]], rare: str) -> dict[str, str]:
    record = records[min(5, len(records) - 1)][1]
    return {"kasusnavn": record["municipalities"][0]["name"], "arbeid": "arbeid", "sjeldent ord": rare,
            "vanligste ord": most_common_word(records), "flere ord": "arbeid og kvalifisering",
            "arbeid, tastet": "arbeid"}


def search_queries(records: list[tuple[str, dict]], rare: str) -> list[str]:
    record = records[min(5, len(records) - 1)][1]
    name = record["municipalities"][0]["name"]
    folded = name.translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"}))
    surname = record["people"][0]["name"].split()[-1]
    return [name, folded, "arbeid", "språkpraksis", "mentorprogram arbeidsgivere", surname, rare]


# --- the checks beside the builds ----------------------------------------------------------------

def document_snapshot(cache: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in sorted(cache.glob("*")) if p.is_file()}


def documents_check(copy: Path, work: Path) -> dict:
    """A build with an empty documents cache, then one more: the second must not write any document."""
    cache = copy / ".cache" / "documents"
    shutil.rmtree(cache, ignore_errors=True)
    cold = build_project(copy, work / "site-docs", work / "docs-cold.log")
    first = document_snapshot(cache)
    warm = build_project(copy, work / "site-docs", work / "docs-warm.log")
    second = document_snapshot(cache)
    shutil.rmtree(work / "site-docs", ignore_errors=True)
    return {"cold_s": cold.seconds, "warm_s": warm.seconds, "files": len(first),
            "unchanged": bool(first) and first == second}


def time_validate(copy: Path, work: Path, repeat: int) -> float:
    runs = [run_child([PYTHON, "-m", "generator", "validate"], copy, work / "validate.log") for _ in range(repeat)]
    print(f"    validate: {runs}", flush=True)
    return statistics.median(r.seconds for r in runs)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return None


def time_serve_rebuild(copy: Path, slug: str, work: Path, repeat: int) -> dict:
    """`make serve` on the copy: first build, then edit one case and wait until the page shows the edit."""
    port = _free_port()
    cmd = [PYTHON, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
    log = open(work / "serve.log", "wb")
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=copy, stdout=log, stderr=subprocess.STDOUT, env=ENV, start_new_session=True)
    url = f"http://127.0.0.1:{port}/eksempler/{slug}/"
    case_file = copy / "cases" / f"{slug}.yaml"
    original = case_file.read_text(encoding="utf-8")
    try:
        while _fetch(url) is None:
            if proc.poll() is not None or time.perf_counter() - started > 600:
                raise SystemExit("mkdocs serve kom ikke opp:\n" + (work / "serve.log").read_text()[-3000:])
            time.sleep(0.1)
        first = time.perf_counter() - started
        rebuilds = []
        for attempt in range(repeat):
            marker = f"Endringsmerke{attempt}x{os.getpid()}"
            # After an opening quote, if the summary has one (text with «: » is quoted in YAML).
            edited = re.sub(r"^summary: (['\"]?)", rf"summary: \g<1>{marker} ", original, count=1, flags=re.M)
            time.sleep(1.0)  # let the watcher settle after the previous build
            t0 = time.perf_counter()
            case_file.write_text(edited, encoding="utf-8")
            while marker not in (_fetch(url) or ""):
                if time.perf_counter() - t0 > 300:
                    raise SystemExit("endringen kom aldri fram:\n" + (work / "serve.log").read_text()[-3000:])
                time.sleep(0.05)
            rebuilds.append(time.perf_counter() - t0)
        return {"n": len(list((copy / "cases").glob("*.yaml"))), "first_s": first, "rebuild_s": statistics.median(rebuilds), "rebuilds": rebuilds}
    finally:
        case_file.write_text(original, encoding="utf-8")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()


def profile_build(copy: Path, work: Path, top: int = 30) -> None:
    out = work / "build.prof"
    run_child([PYTHON, "-m", "cProfile", "-o", str(out), "-m", "generator", "build", "--site-dir",
               str(work / "site-prof")], copy, work / "profile.log")
    import pstats

    for key in ("cumulative", "tottime"):
        print(f"\n--- cProfile, sortert etter {key} ({out}) ---")
        pstats.Stats(str(out)).sort_stats(key).print_stats(top)


def take_snapshot(dest: Path, rev: str | None) -> Path:
    """The code under test, frozen for the whole run (other people may be editing the working tree)."""
    shutil.rmtree(dest, ignore_errors=True)
    if rev:
        dest.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", rev, *synthetic.PROJECT_PARTS], cwd=synthetic.ROOT,
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        return dest
    return synthetic.snapshot(synthetic.ROOT, dest)


def describe_source() -> str:
    run = lambda *cmd: subprocess.run(cmd, cwd=synthetic.ROOT, capture_output=True, text=True).stdout.strip()  # noqa: E731
    changed = run("git", "status", "--short", "--", *synthetic.PROJECT_PARTS)
    return f"git {run('git', 'rev-parse', '--short', 'HEAD')}" + (f", {len(changed.splitlines())} endrede filer" if changed else "")


# --- report ---------------------------------------------------------------------------------------

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


def _n(n: float, spec: str = ",.0f") -> str:
    """Thousands with a space, the Norwegian way: 1 000."""
    return format(n, spec).replace(",", " ")


def _kb(n: int) -> str:
    return f"{_n(n / 1000)} KB"


def _row(f: SiteFigures) -> str:
    if not f.runs:
        return f"| {_n(f.n)} | {f.label} | {f.note.strip() or 'ikke kjørt'} | | | | | | |"
    search = "–"
    if f.search_ms:
        ready = "første søk ferdig" if f.first_search else "indeks klar"
        search = f"{statistics.median(f.search_ms):.0f} / {max(f.search_ms):.0f} ms, {ready} etter {f.search_ready_ms / 1000:.1f} s"
        if f.typing_ms:
            search += f"; etter rask skriving {statistics.median(f.typing_ms):.0f} / {max(f.typing_ms):.0f} ms"
    first = _kb(f.first_search_gzip)
    if f.first_search:
        first = " / ".join(f"{label} {_kb(size)}" for label, size in f.first_search.items())
    build = f"{f.seconds:.1f} s ({f.cpu_seconds:.1f} s CPU" + (f"; indeksering {f.index_seconds:.1f} s)" if f.index_seconds is not None else ")")
    return (f"| {_n(f.n)} | {f.label} | {build} | {f.seconds / f.n * 1000:.1f} ms | {f.peak_mb:.0f} MB | "
            f"{f.site_mb:.1f} MB ({f.open_data_mb:.1f} MB åpne data; {f.site_gzip_mb:.1f} MB gzip) | {f.index_raw / MB:.2f} MB / {_kb(f.index_gzip)} | {first} | "
            f"{search} |")


def print_table(rows: list[tuple[SiteFigures, SiteFigures]]) -> None:
    print("\n| caser | bygger | byggetid | per case | topp-RSS | nettsted | søkeindeks (rå / slik den sendes) "
          "| første søk laster ned (gzip) | tastetrykk → treff: median / maks |")
    print("|---|---|---|---|---|---|---|---|---|")
    for project, plain in rows:
        print(_row(project))
        print(_row(plain))
    print("\n| caser | byggetid ren / prosjekt | nettsted ren / prosjekt | første søk ren / prosjekt |")
    print("|---|---|---|---|")
    for project, plain in rows:
        if plain.runs:
            print(f"| {_n(project.n)} | {plain.seconds / project.seconds:.1f}× | {plain.site_mb / project.site_mb:.1f}× | "
                  f"{plain.first_search_gzip / project.first_search_gzip:.1f}× |")


def _first_text(p: SiteFigures) -> str:
    """The largest first search of those the target is set for; the others beside it, as figures."""
    others = ", ".join(f"{label} {_kb(size)}" for label, size in p.first_search.items() if label not in TARGETED)
    return f"{_kb(p.first_search_gzip)}" + (f" (utenfor målet: {others})" if others else "")


def print_targets(rows, validate, serve, documents) -> None:
    by_n = {p.n: p for p, _plain in rows}
    checks = []
    if 1000 in by_n:
        p = by_n[1000]
        checks.append(("1 000 caser: bygging ≤ 10 s", p.seconds <= 10, f"{p.seconds:.1f} s"))
        # The size of the whole site is a figure, not a target: open data and templates are counted
        # apart, and what counts is what a reader downloads (gzip) and what a first search downloads.
        print(f"Nettstedet ved 1 000 caser: {p.site_mb:.1f} MB, uten åpne data {p.site_mb - p.open_data_mb:.1f} MB, "
              f"slik det sendes (gzip) {p.site_gzip_mb:.1f} MB")
        if p.first_search_gzip:  # measured only with the browser
            checks.append(("1 000 caser: første søk laster ned ≤ 150 KB (gzip)", p.first_search_gzip <= 150_000, _first_text(p)))
        if p.search_ms:
            checks.append(("1 000 caser: søkeresultat ≤ 150 ms (median)", statistics.median(p.search_ms) <= 150,
                           f"median {statistics.median(p.search_ms):.0f} ms, maks {max(p.search_ms):.0f} ms"))
    if 5000 in by_n:
        p = by_n[5000]
        checks.append(("5 000 caser: bygging ≤ 60 s", p.seconds <= 60, f"{p.seconds:.1f} s"))
        if p.first_search_gzip:
            checks.append(("5 000 caser: første søk laster ned ≤ 300 KB (gzip)", p.first_search_gzip <= 300_000, _first_text(p)))
        if 1000 in by_n:
            growth = p.seconds / by_n[1000].seconds
            checks.append(("1 000 → 5 000: høyst lineær vekst (≤ 5×)", growth <= 5, f"{growth:.1f}×"))
    if validate:
        n, seconds = validate
        checks.append((f"validate på {_n(n)} caser ≤ 2 s" + ("" if n == 1000 else " (målet gjelder 1 000)"), seconds <= 2, f"{seconds:.2f} s"))
    if serve:
        checks.append((f"ny bygging i serve etter én endring, {_n(serve['n'])} caser ≤ 3 s" + ("" if serve["n"] == 100 else " (målet gjelder 100)"), serve["rebuild_s"] <= 3,
                       f"{serve['rebuild_s']:.1f} s (første bygging {serve['first_s']:.1f} s)"))
    if documents:
        checks.append(("dokumenter lages ikke på nytt i andre bygging", documents["unchanged"],
                       f"{documents['files']} filer; bygging {documents['cold_s']:.1f} s uten, {documents['warm_s']:.1f} s med hurtiglager"))
    print("\nMål:")
    for name, ok, value in checks:
        print(f"  [{'OK' if ok else 'NEI'}] {name}: {value}")


def index_seconds(log: Path) -> float | None:
    """The seconds `python -m generator build` reports for the search index."""
    found = re.search(r"Søkeindeksen: \d+ sider på ([\d.]+) s", log.read_text(encoding="utf-8", errors="replace"))
    return float(found.group(1)) if found else None


def measure_builds(figures, build, source: Path, site: Path, log: Path, args, queries, search_repeat: int,
                   first: dict[str, str] | None = None) -> None:
    """Build `source` args.repeat times, then measure the site and search in it, and remove it."""
    indexing = []
    for _ in range(args.repeat):
        figures.runs.append(build(source, site, log))
        indexing.append(index_seconds(log))
        print(f"[{figures.n}] {figures.label}: {figures.runs[-1]}", flush=True)
    if None not in indexing:
        figures.index_seconds = statistics.median(indexing)
    measure_site(figures, site)
    if not args.no_browser:
        if (site / "pagefind").exists():
            pagefind_search(figures, site, first or {}, queries, repeat=search_repeat)
        else:
            browser_search(figures, site, queries, repeat=search_repeat)
    shutil.rmtree(site, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,5000", help="antall caser, kommaseparert")
    parser.add_argument("--repeat", type=int, default=1, help="bygg hver størrelse så mange ganger (median)")
    parser.add_argument("--skip-plain-above", type=int, default=1000,
                        help="ingen ren Material-bygging over dette antallet (kvadratisk: 5 000 tar mange minutter)")
    parser.add_argument("--validate-size", type=int, default=1000, help="0: ikke mål validate")
    parser.add_argument("--serve-size", type=int, default=100, help="0: ikke mål serve")
    parser.add_argument("--no-browser", action="store_true", help="ikke mål søketid i Chromium")
    parser.add_argument("--no-serve", action="store_true", help="ikke mål ny bygging i mkdocs serve")
    parser.add_argument("--profile", type=int, metavar="N", help="bare profiler én bygging med N caser (cProfile)")
    parser.add_argument("--workdir", type=Path, help="arbeidsmappe (standard: en ny mappe i /tmp, slettes etterpå)")
    parser.add_argument("--keep", action="store_true", help="behold arbeidsmappen")
    parser.add_argument("--json", type=Path, help="skriv tallene som JSON hit")
    parser.add_argument("--rev", help="mål en git-revisjon (f.eks. HEAD) i stedet for arbeidskopien")
    args = parser.parse_args(argv)
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
        print(f"Kode: {args.rev or 'arbeidskopien'} ({describe_source()})\n", flush=True)
        if args.profile:
            copy = work / f"project-{args.profile}"
            synthetic.write_project(copy, args.profile, source=args.source)
            build_project(copy, work / "site-warm", work / "warm.log")  # documents into the cache first
            profile_build(copy, work)
            return 0
        return run_all(args, sizes, work, info)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


def run_all(args, sizes: list[int], work: Path, info: dict) -> int:
    rows: list[tuple[SiteFigures, SiteFigures]] = []
    shared_cache = work / "documents-cache"
    serve = validate_s = None
    results: dict = {"machine": info, "sizes": {}}
    copy = work / "project-documents"
    synthetic.write_project(copy, 10, source=args.source)
    documents = documents_check(copy, work)
    print(f"dokumenter (10 caser): {documents}", flush=True)
    shutil.copytree(copy / ".cache" / "documents", shared_cache, dirs_exist_ok=True)
    shutil.rmtree(copy, ignore_errors=True)
    for n in sizes:
        copy, plain_copy = work / f"project-{n}", work / f"plain-{n}"
        t = time.perf_counter()
        records = synthetic.write_project(copy, n, source=args.source)
        print(f"[{n}] {n} syntetiske caser skrevet ({tree_size(copy / 'cases') / MB:.1f} MB YAML, "
              f"{time.perf_counter() - t:.1f} s)", flush=True)
        # The same templates for every N: their documents are made once, in the check above.
        shutil.copytree(shared_cache, copy / ".cache" / "documents", dirs_exist_ok=True)
        rare = rare_word(records)
        queries, first = search_queries(records, rare), first_queries(records, rare)

        project = SiteFigures("prosjektet", n)
        shared = set(document_snapshot(shared_cache))
        measure_builds(project, build_project, copy, work / f"site-{n}", work / f"build-{n}.log", args, queries, 3, first)
        if made := sorted(set(document_snapshot(copy / ".cache" / "documents")) - shared):
            # A miss would add the documents' ~12 s to the build time and hide what a build costs.
            print(f"[{n}] ADVARSEL: {len(made)} dokumenter ble laget på nytt, hurtiglageret traff ikke: {made[:3]}",
                  flush=True)

        plain = SiteFigures("ren Material", n)
        if n <= args.skip_plain_above:
            synthetic.write_plain_project(plain_copy, records)
            measure_builds(plain, build_plain, plain_copy, work / f"plain-site-{n}", work / f"plain-{n}.log",
                           args, queries, 1)
            shutil.rmtree(plain_copy, ignore_errors=True)
        else:
            plain.note = f"hoppet over (--skip-plain-above {args.skip_plain_above}; kvadratisk vekst)"
            print(f"[{n}] ren Material {plain.note}", flush=True)
        rows.append((project, plain))
        print(_row(project))
        print(_row(plain), flush=True)

        if n == args.validate_size:
            validate_s = time_validate(copy, work, max(3, args.repeat))
            print(f"[{n}] validate: {validate_s:.2f} s", flush=True)
        if n == args.serve_size and not args.no_serve:
            serve = time_serve_rebuild(copy, records[min(7, n - 1)][0], work, max(3, args.repeat))
            print(f"[{n}] serve: {serve}", flush=True)
        results["sizes"][n] = {"project": _as_dict(project), "plain": _as_dict(plain)}
        shutil.rmtree(copy, ignore_errors=True)

    if validate_s is None and args.validate_size and args.validate_size not in sizes:
        copy = work / f"project-{args.validate_size}"
        synthetic.write_project(copy, args.validate_size, source=args.source)
        validate_s = time_validate(copy, work, max(3, args.repeat))
        print(f"[{args.validate_size}] validate: {validate_s:.2f} s", flush=True)
        shutil.rmtree(copy, ignore_errors=True)
    if serve is None and not args.no_serve and args.serve_size and args.serve_size not in sizes:
        copy = work / f"project-{args.serve_size}"
        records = synthetic.write_project(copy, args.serve_size, source=args.source)
        if shared_cache.exists():
            shutil.copytree(shared_cache, copy / ".cache" / "documents", dirs_exist_ok=True)
        serve = time_serve_rebuild(copy, records[min(7, args.serve_size - 1)][0], work, max(3, args.repeat))
        print(f"[{args.serve_size}] serve: {serve}", flush=True)
        shutil.rmtree(copy, ignore_errors=True)

    print_table(rows)
    print_targets(rows, validate_s and (args.validate_size, validate_s), serve, documents)
    results.update(validate_s=validate_s, serve=serve, documents=documents)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return 0


def _as_dict(f: SiteFigures) -> dict:
    return {"runs": [r.__dict__ for r in f.runs], "site_mb": f.site_mb, "site_gzip_mb": f.site_gzip_mb,
            "open_data_mb": f.open_data_mb, "index_raw": f.index_raw,
            "index_gzip": f.index_gzip, "first_search_gzip": f.first_search_gzip, "search_ms": f.search_ms, "typing_ms": f.typing_ms,
            "search_ready_ms": f.search_ready_ms, "note": f.note, "index_seconds": f.index_seconds,
            "first_search": f.first_search}


if __name__ == "__main__":
    sys.exit(main())
