"""The full-text search index: Pagefind run over a built site folder, whatever built it, in parts.

Pagefind reads the finished HTML and writes a chunked index (a bundle); the reader's browser later loads
only the chunks a query needs. It indexes what each page marks with `data-pagefind-body` (the article,
see overrides/ikb/layout.html), so header, navigation and footer stay out, and it stems Norwegian
because the pages say lang="nb".

The index is written in the parts the site's plan names (index_parts): one Pagefind run per part, each
over a temporary tree of links to that part's pages only, at their paths in the site, so a result's
address is the page's. The tree is made in memory where the machine has a file system there (MEMORY),
else beside the site. Each run's memory grows with its pages, not the site's. The runs go one after the
other, or side by side on several cores when the plan's parts together fit in one (index_parts.at_once).
Part 0 is `pagefind/`, with Pagefind's script and WebAssembly; the others only add their index to it in
the browser (search.js, Pagefind's mergeIndex).

The indexer is Pagefind's own binary, installed as a Python wheel (pagefind-bin): nothing is
downloaded when the site is built.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator import parallel
from generator.search import index_parts

OUTPUT_DIR = index_parts.bundle_dir(0)
# Where Pagefind starts reading a page: the article, which holds the indexed part (data-pagefind-body)
# and everything it is told about the page. Header, navigation and footer are then passed over rather
# than read: the same index, made about a tenth faster.
ROOT = "article"
# Parts of an indexed page a reader does not read as its text: the filter form on the case list and
# the heading links («¶»). The template previews' form marks itself (data-pagefind-ignore).
EXCLUDED = (".ikb-filters", ".headerlink")
# Pagefind also writes its prebuilt interfaces; the site has its own (search.js), so they would be
# published unused.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")
# A merged part is read by the first part's script and WebAssembly: it fetches only its entry file, its
# metadata and its index, filter and fragment chunks (pagefind_web_js/lib/coupled_search.ts, where a
# merged instance is initialised with load_wasm: false).
MERGED_UNUSED = ("pagefind.js", "pagefind-worker.js", "wasm.*")
_WORK_PREFIX = ".pagefind-part-"
# Linux's file system in memory. A part's page tree is a folder per page (eksempler/<slug>/index.html),
# made and removed again on every build. On disk that cost 0.1–0.5 s before Pagefind could start (a
# thousand folders; most where files had just been deleted, which some file systems search past); in
# memory, a few hundredths. Pagefind reads the pages through symbolic links (hard links cannot cross
# file systems). Where there is no such folder, or it refuses, the tree is hard links beside the site.
MEMORY = Path("/dev/shm")
# Pagefind cuts each part's word index into chunks of about this many word places (its default), and a
# first search fetches, from every part, the chunk that holds each word it looks for, neighbours and
# all, besides each part's own metadata. With the index in n parts, chunks of 1/(2n) the size keep a
# first search to what one index fetches: at 1,000 cases, «arbeid» fetched 136 KB from one index; from
# two parts 153 KB with chunks of 1/2 and 137 KB with 1/4 (benchmarks/README.md). Pagefind reads the size
# from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; were that gone, it would use its default, with the same results.
INDEX_CHUNK = 20_000


def search_code(language: str) -> tuple[str, str]:
    """(script, WebAssembly) that a browser loads before its first search, as site paths.

    Pagefind names its search code by the language of the pages (lang="nb": wasm.nb.pagefind).
    """
    return f"{OUTPUT_DIR}/pagefind.js", f"{OUTPUT_DIR}/wasm.{language}.pagefind"


class IndexFailed(Exception):
    """Pagefind could not index the site; the message says why in Norwegian."""


@dataclass(frozen=True)
class IndexSummary:
    pages: int
    seconds: float
    # Pagefind's peak memory (resident set, in MiB): the largest run's, or, with runs side by side, the
    # sum of the largest that ran at once
    peak_mb: float = 0.0
    parts: int = 1
    at_once: int = 1  # the runs side by side


@dataclass(frozen=True)
class _Run:
    pages: int
    peak_mb: float


def _executable() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError:  # pragma: no cover - a broken install
        raise IndexFailed("Pagefind mangler. Kjør `make install` (pakken pagefind[bin]).") from None
    return str(get_executable())


def _page_count(output: str) -> int:
    for line in output.splitlines():
        if "Indexed" in line and "page" in line:
            digits = "".join(c for c in line.split("Indexed", 1)[1].split("page")[0] if c.isdigit())
            if digits:
                return int(digits)
    return 0


def _html_on_disk(site_dir: Path) -> set[str]:
    """Every HTML file of the site, site-relative, but for the index's own folders."""
    found = set()
    for folder, dirs, files in os.walk(site_dir):
        at_top = Path(folder) == site_dir
        dirs[:] = [d for d in dirs if not d.startswith(".")
                   and not (at_top and index_parts.part_of_bundle(d) is not None)]
        relative = Path(folder).relative_to(site_dir)
        found.update((relative / name).as_posix() for name in files if name.endswith(".html"))
    return found


def _plan(site_dir: Path) -> list[list[str]] | None:
    try:
        return index_parts.read_plan(site_dir)
    except index_parts.PlanFailed as error:
        raise IndexFailed(str(error)) from None


_MARK = b"data-pagefind-body"


def _pages_of(site_dir: Path, parts: list[list[str]], k: int, on_disk: set[str]) -> list[str]:
    """Part k's pages; part 0 also takes every HTML file the plan does not name that marks what to index
    (data-pagefind-body), such as a 404.html that did."""
    missing = [page for page in parts[k] if page not in on_disk]
    if missing:
        more = {1: "", 2: " (og 1 side til)"}.get(len(missing), f" (og {len(missing) - 1} sider til)")
        raise IndexFailed(f"Siden {missing[0]} står i søkeindeksens plan, men finnes ikke i "
                          f"{site_dir.name}/{more}; bygg nettstedet på nytt.")
    if k != 0:
        return parts[k]
    listed = {page for pages in parts for page in pages}
    # Only those that mark a part to index: Pagefind would read the others (page 2 on of every list)
    # and leave them out, since the site marks what it indexes.
    marked = {page for page in on_disk - listed if _MARK in (site_dir / page).read_bytes()}
    return sorted(set(parts[0]) | marked)


@contextmanager
def _page_tree(site_dir: Path, pages: list[str], work: Path) -> Iterator[Path]:
    """A folder holding these pages only, at their paths in the site, while one Pagefind run reads it:
    symbolic links in memory (MEMORY) where the machine has it, else hard links in `work`."""
    tree = _tree_in_memory(site_dir, pages)
    if tree is None:
        _link_tree(site_dir, pages, work / "pages")
        yield work / "pages"
        return
    try:
        yield tree
    finally:
        shutil.rmtree(tree, ignore_errors=True)


def _tree_in_memory(site_dir: Path, pages: list[str]) -> Path | None:
    """Symbolic links to these pages in a new folder in MEMORY; None where that cannot be made (no such
    folder, not Linux, no room or no right to write there)."""
    try:
        tree = Path(tempfile.mkdtemp(prefix=_WORK_PREFIX, dir=MEMORY))
    except OSError:
        return None
    try:
        _link_tree(site_dir, pages, tree, symbolic=True)
    except OSError:
        shutil.rmtree(tree, ignore_errors=True)
        return None
    return tree


def _link_tree(site_dir: Path, pages: list[str], tree: Path, symbolic: bool = False) -> None:
    """Each page at its path in `tree`: a symbolic link to it, or a hard link (a copy on a file system
    without hard links)."""
    site = site_dir.resolve()
    for page in pages:
        link = tree / page
        link.parent.mkdir(parents=True, exist_ok=True)
        if symbolic:
            os.symlink(site / page, link)
            continue
        try:
            os.link(site / page, link)
        except OSError:  # a file system without hard links
            shutil.copyfile(site / page, link)


def chunk_size(parts: int) -> int:
    """The size of the word index's chunks in an index of `parts` parts: Pagefind's own for one, else
    INDEX_CHUNK / (2 × parts)."""
    return INDEX_CHUNK if parts <= 1 else max(INDEX_CHUNK // (2 * parts), 1000)


def _run_pagefind(tree: Path, output: Path, chunk: int) -> _Run:
    """One Pagefind run over `tree` into `output`, with its own peak memory."""
    command = [_executable(), "--site", str(tree), "--output-path", str(output), "--root-selector", ROOT]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    environment = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(chunk)}
    with tempfile.TemporaryFile() as log:
        try:
            child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment)
        except OSError as error:
            raise IndexFailed(f"Pagefind kunne ikke startes ({error}). Kjør `make install`.") from None
        peak_kib, usage, status = _wait_with_peak(child.pid)
        child.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        said = log.read().decode("utf-8", errors="replace")
    if child.returncode != 0:
        detail = said.strip().splitlines()[-1:] or ["ingen melding"]
        raise IndexFailed(f"Søkeindeksen kunne ikke lages (Pagefind: {detail[0]}).")
    return _Run(_page_count(said), (peak_kib or usage.ru_maxrss) / 1024)  # KiB


def _wait_with_peak(pid: int):
    """Wait for the child; its own peak memory (VmHWM, read every 20 ms while it runs) with its rusage.

    The child's ru_maxrss alone would not do: Linux counts in it the memory of the process it was started
    from (this build, hundreds of MB) until it replaced itself with Pagefind. VmHWM is Pagefind's own."""
    peak = 0
    status_file = Path(f"/proc/{pid}/status")
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return peak, usage, status
        try:
            for line in status_file.read_text(encoding="ascii").splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except (OSError, ValueError):
            pass
        time.sleep(0.02)


def _index_part(site_dir: Path, k: int, pages: list[str], parts: int) -> _Run:
    """Part k of `parts` into its bundle folder, which is replaced only once the new one is written."""
    # Beside the site: the bundle is moved into place, and hard links need the same disk.
    work = Path(tempfile.mkdtemp(prefix=_WORK_PREFIX, dir=site_dir))
    try:
        with _page_tree(site_dir, pages, work) as tree:
            run = _run_pagefind(tree, work / "bundle", chunk_size(parts))
        unused = UNUSED + (MERGED_UNUSED if k else ())
        for pattern in unused:
            for path in (work / "bundle").glob(pattern):
                path.unlink()
        target = site_dir / index_parts.bundle_dir(k)
        shutil.rmtree(target, ignore_errors=True)  # `make serve` builds into the same folder
        (work / "bundle").rename(target)
        return run
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _remove_leftovers(site_dir: Path, parts: int) -> None:
    """Bundles of parts the plan no longer has, and work folders a stopped run left behind."""
    for path in site_dir.iterdir():
        part = index_parts.part_of_bundle(path.name)
        if path.is_dir() and ((part is not None and part >= parts) or path.name.startswith(_WORK_PREFIX)):
            shutil.rmtree(path, ignore_errors=True)


def index_site(site_dir: Path, cores: int | None = None) -> IndexSummary:
    """Index every part the site's plan names, side by side on up to `cores` cores (parallel.WORKERS unless
    given) as far as index_parts.at_once allows; without a plan the whole site is one part, pagefind/."""
    started = time.perf_counter()
    on_disk = _html_on_disk(site_dir)
    parts = _plan(site_dir) or [sorted(on_disk)]
    _remove_leftovers(site_dir, len(parts))
    side_by_side = index_parts.at_once(parts, parallel.WORKERS if cores is None else cores)
    each = [_pages_of(site_dir, parts, k, on_disk) for k in range(len(parts))]
    if side_by_side == 1:
        runs = [_index_part(site_dir, k, each[k], len(parts)) for k in range(len(parts))]
    else:  # threads only wait for the Pagefind processes (and make their page trees)
        with ThreadPoolExecutor(side_by_side) as pool:
            runs = list(pool.map(lambda k: _index_part(site_dir, k, each[k], len(parts)), range(len(parts))))
    peaks = sorted((r.peak_mb for r in runs), reverse=True)
    return IndexSummary(sum(r.pages for r in runs), time.perf_counter() - started,
                        sum(peaks[:side_by_side]), len(runs), side_by_side)


def index_part(site_dir: Path, k: int) -> IndexSummary:
    """Index part k of the site's plan again, alone, replacing only its bundle (`make serve`, after a
    page of that part changed; index_parts.part_of finds the part)."""
    started = time.perf_counter()
    parts = _plan(site_dir) or [[]]
    if not 0 <= k < len(parts):
        raise IndexFailed(f"Søkeindeksen har ingen del {k + 1}; planen har {len(parts)}.")
    on_disk = _html_on_disk(site_dir) if k == 0 else {p for p in parts[k] if (site_dir / p).is_file()}
    run = _index_part(site_dir, k, _pages_of(site_dir, parts, k, on_disk), len(parts))
    return IndexSummary(run.pages, time.perf_counter() - started, run.peak_mb, 1)
