"""The search index made while the site is built: each page goes to Pagefind as soon as it is written.

Indexing the finished folder afterwards (search/pagefind_index.index_site) left one core idle while
the pages were rendered and the other idle while Pagefind read them back. Pagefind's own service
(the `pagefind` package, the same indexer as its command line, with the same settings) runs in a
process of its own and takes pages one at a time; here it is fed from a thread of the build, so
rendering and indexing overlap on two cores. No page is held for it: the hook hands over what MkDocs
has just rendered, and case pages written by workers are read back from disk.

Pagefind's index depends on the order pages are added, and the same input must build the same bytes
(and one core the same as two): case pages go first, in the catalog's order, whoever renders them,
then the other pages in the order MkDocs renders them. A page that comes early waits for its turn.
"""

from __future__ import annotations

import asyncio
import os
import queue
import shutil
import threading
import time
from pathlib import Path

from generator.search.pagefind_index import EXCLUDED, OUTPUT_DIR, ROOT, UNUSED, IndexFailed, IndexSummary

_DONE = object()
# What the last build's index came to, for `python -m generator build` to report.
LAST_SUMMARY: IndexSummary | None = None


def _wait_until_written(folder: Path, quiet: float = 0.3, limit: float = 120) -> None:
    """Wait until no file in folder is empty or still growing.

    Pagefind's service answers that it has written the index while the last piece of a file may still
    be on its way to the disk (its writes finish in the background), and when the service ends, such a
    piece is lost: a build under load once published a pagefind.js cut short. Its command line waits
    for them at exit; here the folder is watched until it has been still for `quiet` seconds.
    """
    started = still_since = time.monotonic()
    last = None
    while True:
        sizes = {str(path): path.stat().st_size for path in folder.rglob("*") if path.is_file()}
        now = time.monotonic()
        if sizes != last or 0 in sizes.values():
            last, still_since = sizes, now
        elif now - still_since >= quiet:
            return
        if now - started > limit:
            raise IndexFailed("Søkeindeksen ble ikke ferdig skrevet til disken.")
        time.sleep(0.05)


class StreamedIndex:
    """Pages in, index out: add_case/add_page as pages are written, finish() to write pagefind/."""

    def __init__(self, site_dir: Path, case_pages: list[str]):
        self.site_dir = Path(site_dir)
        self._dests = list(case_pages)
        self._order = {path: position for position, path in enumerate(case_pages)}
        self._early: dict[int, str] = {}  # case pages that came before their turn, by position
        self._next = 0
        self._others: list[tuple[str, str]] | None = [] if case_pages else None  # until every case page is in
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._started = time.perf_counter()
        self._pid = os.getpid()  # forked workers call the same hook, and must not feed this process's thread
        shutil.rmtree(self.site_dir / OUTPUT_DIR, ignore_errors=True)  # `make serve` builds into the same folder
        self._thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self._thread.start()

    # --- the build's side -------------------------------------------------------------------------

    def add_case(self, dest: str, html: str | None = None) -> None:
        """A case page (its path in the site folder), with its HTML or, when None, read from disk."""
        if os.getpid() != self._pid:
            return
        position = self._order[dest]
        self._early[position] = html if html is not None else (self.site_dir / dest).read_text(encoding="utf-8")
        while self._next in self._early:
            self._send(self._early.pop(self._next), self._dests[self._next])
            self._next += 1
        self._case_pages_done()

    def add_page(self, dest: str, html: str) -> None:
        """Any other page, in the order MkDocs renders them."""
        if os.getpid() != self._pid:
            return
        if self._others is None:
            self._send(html, dest)
        else:
            self._others.append((dest, html))

    def finish(self) -> IndexSummary:
        """Write pagefind/ once every page is in; IndexFailed if Pagefind failed on the way."""
        if self._next != len(self._order):
            missing = [path for path, position in self._order.items() if position >= self._next][:3]
            self.cancel()
            raise IndexFailed(f"Søkeindeksen kunne ikke lages: sidene {', '.join(missing)} kom aldri fram.")
        self._queue.put(_DONE)
        self._thread.join()
        if self._error is not None:
            raise IndexFailed(f"Søkeindeksen kunne ikke lages (Pagefind: {self._error}).") from None
        for pattern in UNUSED:
            for path in (self.site_dir / OUTPUT_DIR).glob(pattern):
                path.unlink()
        pages = sum(1 for _ in (self.site_dir / OUTPUT_DIR / "fragment").glob("*"))
        return IndexSummary(pages, time.perf_counter() - self._started)

    def _case_pages_done(self) -> None:
        if self._others is not None and self._next == len(self._order):
            for dest, html in self._others:
                self._send(html, dest)
            self._others = None

    def cancel(self) -> None:
        """The build failed: stop Pagefind without writing an index."""
        self._queue.put(None)
        self._thread.join(timeout=30)

    def _send(self, html: str, dest: str) -> None:
        if self._error is None:  # after a failure, nothing more is kept for it
            self._queue.put((dest, html))

    # --- the indexing thread ----------------------------------------------------------------------

    def _run(self) -> None:
        try:
            asyncio.run(self._index())
        except BaseException as error:  # noqa: BLE001 - reported by finish() in the build's thread
            self._error = error

    async def _index(self) -> None:
        from pagefind.index import IndexConfig, PagefindIndex

        config = IndexConfig(root_selector=ROOT, exclude_selectors=list(EXCLUDED), output_path=str(self.site_dir / OUTPUT_DIR))
        index = PagefindIndex(config=config)
        await index._start()  # noqa: SLF001 - the context manager would write an index on cancel too
        service = index._service  # noqa: SLF001
        try:
            while True:
                item = await asyncio.to_thread(self._queue.get)
                if item is None:
                    break
                if item is _DONE:
                    await index.write_files()
                    await asyncio.to_thread(_wait_until_written, self.site_dir / OUTPUT_DIR)
                    service._backend.stdin.close()  # noqa: SLF001 - it then ends by itself
                    await asyncio.wait_for(service._backend.wait(), timeout=120)  # noqa: SLF001
                    service._poll_task.cancel()  # noqa: SLF001
                    return
                dest, html = item
                await index.add_html_file(content=html, source_path=dest)
        except BaseException:
            await service.close()
            raise
        await service.close()
