"""Per-case work on several cores, when the command line asks for it.

`python -m generator build` and `validate` call use_all_cores() (the number of cores the process may
use, or GENERATOR_WORKERS when set). Everything else (the
tests, `mkdocs serve`) stays on one: `mkdocs serve` runs its web server in threads, and forking a
process with threads is unsafe. The workers are forked, so they share the caller's memory as it was:
`context` (the catalog, settings) reaches them without being copied through a pipe; only the items
and the results are.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

WORKERS = 1
# Below this many items a second process costs more than it saves. worth_it() is the one place that
# compares against it: whoever asks it first decides, and start_cases never decides again (an earlier
# second check on a shorter list made the case pages empty at exactly this many cases).
PARALLEL_FROM = 200

_context: Any = None
_function: Callable | None = None


def available_cores() -> int:
    """The cores this process may use, or GENERATOR_WORKERS when that is set."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, int(os.environ.get("GENERATOR_WORKERS") or cores))


def use_all_cores() -> None:
    """Work on every core this process may use, or on GENERATOR_WORKERS of them when that is set."""
    global WORKERS
    WORKERS = available_cores()


def _fork_ready() -> None:
    """Move everything alive now out of the collector's reach before forking.

    Otherwise the first collection in a worker touches every inherited object, and the kernel copies
    each page it touches: most of the parent's memory, once per worker (gc.freeze's documented use).
    """
    gc.freeze()


@contextmanager
def collector_paused():
    """No cyclic garbage collection while per-case work runs (parsing, rendering).

    That work makes many objects and few cycles, and every full collection walks all the records
    already loaded: with 5,000 cases the collector took 40 % of the time and made the cost per case
    grow with the number of cases. Cycles made meanwhile are collected once it is over.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def worth_it(count: int) -> bool:
    """Whether `count` items of per-case work should go to other cores: the only place that decides."""
    return WORKERS > 1 and count >= PARALLEL_FROM


def _call_chunk(chunk):
    with collector_paused():
        return [_function(_context, item) for item in chunk]


class Running:
    """Work started by start_cases; results() waits for it and raises what a worker raised."""

    def __init__(self, pool, futures):
        self._pool, self._futures = pool, futures

    def cancel(self) -> None:
        """Stop: the build failed elsewhere and the results are not wanted."""
        global _context, _function
        self._pool.shutdown(wait=True, cancel_futures=True)
        _context = _function = None

    def each(self):
        """Each result in the order of the items, as soon as the chunk holding it is done."""
        global _context, _function
        try:
            for future in self._futures:
                yield from future.result()
        finally:
            self._pool.shutdown(cancel_futures=True)
            _context = _function = None

    def results(self) -> list:
        return list(self.each())


def start_cases(function: Callable[[Any, Item], Result], items: Sequence[Item], context: Any) -> Running:
    """Start [function(context, item) for item in items] on WORKERS forked processes, in the background.

    The caller has decided with worth_it() that it is worth it, and goes on with other work meanwhile.
    """
    global _context, _function
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    _context, _function = context, function
    _fork_ready()
    pool = ProcessPoolExecutor(WORKERS, mp_context=get_context("fork"))
    size = max(1, len(items) // (WORKERS * 8))
    futures = [pool.submit(_call_chunk, items[i : i + size]) for i in range(0, len(items), size)]
    return Running(pool, futures)


def map_cases(function: Callable[[Any, Item], Result], items: Sequence[Item], context: Any) -> list[Result]:
    """[function(context, item) for item in items], on WORKERS cores when there are enough items.

    The workers inherit `function` and `context` by forking; only the items and results are pickled.
    """
    if not worth_it(len(items)):
        with collector_paused():
            return [function(context, item) for item in items]
    return start_cases(function, items, context).results()
