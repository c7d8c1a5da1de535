"""`make serve`: from saving one case file to the page showing the change, fetched over HTTP.

The server answers a page request only once the build under way is done (MkDocs' livereload waits for
it), and the search index is made before the build is done, so the time includes the search.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import statistics
import subprocess
import time
import urllib.request
from pathlib import Path

from processes import ENV, PYTHON


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
        return {"n": len(list((copy / "cases").glob("*.yaml"))), "first_s": first,
                "rebuild_s": statistics.median(rebuilds), "rebuilds": rebuilds}
    finally:
        case_file.write_text(original, encoding="utf-8")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
