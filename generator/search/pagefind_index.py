"""The full-text search index: Pagefind run over a built site folder, whatever built it.

Pagefind reads the finished HTML and writes a chunked index to `pagefind/` inside the folder; the
reader's browser later loads only the chunks a query needs. It indexes what each page marks with
`data-pagefind-body` (the article, see overrides/ikb/layout.html), so header, navigation and footer
stay out, and it stems Norwegian because the pages say lang="nb".

The indexer is Pagefind's own binary, installed as a Python wheel (pagefind-bin): nothing is
downloaded when the site is built.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

OUTPUT_DIR = "pagefind"
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


def index_site(site_dir: Path) -> IndexSummary:
    """Index every page of the built site in site_dir into site_dir/pagefind/, replacing an old index."""
    started = time.perf_counter()
    shutil.rmtree(site_dir / OUTPUT_DIR, ignore_errors=True)  # `make serve` builds into the same folder
    command = [_executable(), "--site", str(site_dir), "--output-subdir", OUTPUT_DIR, "--root-selector", ROOT]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["ingen melding"]
        raise IndexFailed(f"Søkeindeksen kunne ikke lages (Pagefind: {detail[0]}).")
    for pattern in UNUSED:
        for path in (site_dir / OUTPUT_DIR).glob(pattern):
            path.unlink()
    return IndexSummary(_page_count(done.stdout), time.perf_counter() - started)
