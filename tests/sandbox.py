"""A throwaway copy of the project, so a test can add records or break things without touching the real one.

`python -m generator` run with the copy as working directory imports the copy's generator package
(the working directory comes first on sys.path), and that package treats its parent as the project root.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from .conftest import ROOT

SITE_PARTS = ("mkdocs.yml", "docs", "overrides")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".cache")
# Every build of a copy in one test run is made for the day the run began (generator.build_date), so two
# builds compared byte for byte say the same of how old things are, and date the sitemap alike, even when
# midnight falls between them.
ONE_DAY = {"SOURCE_DATE_EPOCH": str(int(time.time()))}


def make_project(where: Path, cases: dict[str, str] | None = None, templates: dict[str, str] | None = None, site: bool = False) -> Path:
    """A project at `where` with the given records ({"eksempelby.yaml": text}) and the real generator."""
    where.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "generator", where / "generator", ignore=IGNORE)
    for part in SITE_PARTS if site else ():
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, where / part, ignore=IGNORE)
        else:
            shutil.copy2(source, where / part)
    for folder, records in (("cases", cases or {}), ("templates", templates or {})):
        (where / folder).mkdir(exist_ok=True)
        for name, text in records.items():
            (where / folder / name).write_text(text, encoding="utf-8")
    return where


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to show that nothing changed."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    """Status and text of a page; a 404 is an answer too."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_until(condition, what: str, timeout: float = 60):
    """condition()'s first true value, asked again and again until `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = condition()
        except OSError:  # the server is not listening yet
            result = None
        if result:
            return result
        assert time.monotonic() < deadline, f"after {timeout} s still not: {what}"
        time.sleep(0.2)


@contextmanager
def serving(project: Path):
    """`mkdocs serve` as `make serve` runs it, on a free local port: yields (address, file with the terminal output)."""
    port = free_port()
    terminal = project / "terminal.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **ONE_DAY}
    with terminal.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    address = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: server.poll() is not None or fetch(address + "/")[0], "the server answers")
        assert server.poll() is None, terminal.read_text(encoding="utf-8")
        yield address, terminal
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
