"""Builds and checks run as child processes, each timed with its own peak memory (os.wait4). On request
(a build run for its memory, whose time is no figure), the peak of the build and its own child processes
together (Pagefind, the page workers) is sampled too."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from figures import Run
from set_aside import set_aside

PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
for _name in ("SITE_URL", "SITE_REPO_URL", "SITE_EDIT_URI"):
    ENV.pop(_name, None)


def _family(pid: int) -> list[int]:
    """pid and every process below it (Linux: /proc/<pid>/task/<tid>/children)."""
    found, waiting = [], [pid]
    while waiting:
        current = waiting.pop()
        found.append(current)
        for children in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                waiting += [int(child) for child in children.read_text().split()]
            except (OSError, ValueError):
                pass
    return found


def _pss_kib(pid: int) -> int:
    """A process's proportional set size: its share of memory, shared pages divided among their users, so
    forked workers are not counted twice."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            return next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text(encoding="utf-8").strip()
    except OSError:
        return ""


class FamilyPeak(threading.Thread):
    """The largest summed PSS of a process and its descendants, sampled every 0.1 s while it runs; and the
    largest while Pagefind is one of them (indexing)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kib, self.indexing_kib, self.done = pid, 0, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            family = _family(self.pid)
            total = sum(_pss_kib(p) for p in family)
            self.peak_kib = max(self.peak_kib, total)
            if any(_name(p) == "pagefind" for p in family):
                self.indexing_kib = max(self.indexing_kib, total)


def run_child(cmd: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None, family: bool = False) -> Run:
    """Run cmd to completion; wall seconds, the child's own peak RSS (os.wait4, not cumulative) and, with
    `family`, the peak of the child with its own children at once (sampled PSS).

    The sampling reads every process's page tables ten times a second, on the same two cores as the build:
    a build of 1,000 cases took 6.91 s with it against 6.74 s without (median of seven each, 7 Dec 2026).
    So a build whose time is a figure is not sampled, and the peak of all its processes comes from a build
    of its own (bench.measure_built)."""
    with open(log, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env={**ENV, **(env or {})})
        sampler = FamilyPeak(proc.pid) if family else None
        if sampler is not None:
            sampler.start()
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        if sampler is not None:
            sampler.done.set()
            sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"{' '.join(cmd)} (i {cwd}) feilet med kode {proc.returncode}:\n{tail}")
    # ru_maxrss is in KiB
    peak, indexing = (sampler.peak_kib, sampler.indexing_kib) if sampler is not None else (0, 0)
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, peak / 1024,
               pagefind_peak_mb(log), indexing / 1024)


def build_project(copy: Path, site: Path, log: Path, family: bool = False) -> Run:
    return run_child([PYTHON, "-m", "generator", "build", "--site-dir", str(site)], copy, log, family=family)


def build_plain(copy: Path, site: Path, log: Path, family: bool = False) -> Run:
    return run_child([PYTHON, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], copy, log, family=family)


def index_seconds(log: Path) -> float | None:
    """The seconds `python -m generator build` reports for the search index."""
    found = re.search(r"Søkeindeksen: \d+ sider på ([\d.]+) s", log.read_text(encoding="utf-8", errors="replace"))
    return float(found.group(1)) if found else None


def pagefind_peak_mb(log: Path) -> float | None:
    """The peak memory of the largest Pagefind run, as `python -m generator build` reports it."""
    found = re.search(r"Pagefind brukte høyst (\d+) MB minne", log.read_text(encoding="utf-8", errors="replace"))
    return float(found.group(1)) if found else None


def time_validate(copy: Path, work: Path, repeat: int) -> float:
    runs = [run_child([PYTHON, "-m", "generator", "validate"], copy, work / "validate.log") for _ in range(repeat)]
    print(f"    validate: {runs}", flush=True)
    return statistics.median(r.seconds for r in runs)


# Only libyaml's parser over the same files, in a process of its own like validate: what reading the
# records costs before anything is checked. Validation's target is a multiple of this.
_PARSE_ONLY = """
import sys, yaml
from pathlib import Path
for path in sorted(Path("cases").glob("*.yaml")) + sorted(Path("templates").glob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""


def time_plain_parsing(copy: Path, work: Path, repeat: int) -> float:
    runs = [run_child([PYTHON, "-c", _PARSE_ONLY], copy, work / "parse.log") for _ in range(repeat)]
    print(f"    CSafeLoader: {runs}", flush=True)
    return statistics.median(r.seconds for r in runs)


def document_snapshot(cache: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in sorted(cache.glob("*")) if p.is_file()}


def documents_check(copy: Path, work: Path) -> dict:
    """A build with an empty documents cache, then one more: the second must not write any document."""
    cache = copy / ".cache" / "documents"
    shutil.rmtree(cache, ignore_errors=True)
    cold = build_project(copy, work / "site-docs-cold", work / "docs-cold.log")
    first = document_snapshot(cache)
    warm = build_project(copy, work / "site-docs-warm", work / "docs-warm.log")
    second = document_snapshot(cache)
    for site in ("site-docs-cold", "site-docs-warm"):
        set_aside(work / site)
    return {"cold_s": cold.seconds, "warm_s": warm.seconds, "files": len(first),
            "unchanged": bool(first) and first == second}
