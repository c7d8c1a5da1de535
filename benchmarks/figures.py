"""What one build of one site measured: its runs, sizes and search times."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

MB = 1_000_000


@dataclass
class Run:
    seconds: float
    peak_mb: float
    cpu_seconds: float = 0.0  # user + system: less sensitive than wall time to other load on the machine
    # the build with its child processes at once (summed PSS, sampled every 0.1 s): only in a build run to
    # measure it (processes.run_child), whose time is not a figure
    family_mb: float = 0.0
    pagefind_mb: float | None = None  # the largest Pagefind run's own peak RSS, as the build reports it
    indexing_mb: float = 0.0  # family_mb while Pagefind runs


@dataclass
class SiteFigures:
    label: str
    n: int
    runs: list[Run] = field(default_factory=list)
    memory: Run | None = None  # one more build, its processes' memory sampled (bench.measure_built)
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
    # The largest HTML page of each kind (see generator.site.page_sizes.page_kind): {kind: (path, bytes)}.
    largest_pages: dict[str, tuple[str, int]] = field(default_factory=dict)
    # The largest size only: the smaller size of the growth target built again, in turns with these builds
    # (report.GROWTH), so that a machine whose speed drifts between the sizes weighs on both alike.
    growth_peer: SiteFigures | None = None

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu_seconds(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return statistics.median(r.peak_mb for r in self.runs)

    @property
    def family_mb(self) -> float:
        return self.memory.family_mb if self.memory else 0.0

    @property
    def indexing_mb(self) -> float:
        return self.memory.indexing_mb if self.memory else 0.0

    @property
    def pagefind_mb(self) -> float | None:
        measured = [r.pagefind_mb for r in self.runs if r.pagefind_mb is not None]
        return statistics.median(measured) if measured else None

    def as_dict(self) -> dict:
        return {"runs": [r.__dict__ for r in self.runs], "memory": self.memory.__dict__ if self.memory else None,
                "site_mb": self.site_mb, "site_gzip_mb": self.site_gzip_mb,
                "open_data_mb": self.open_data_mb, "index_raw": self.index_raw, "index_gzip": self.index_gzip,
                "first_search_gzip": self.first_search_gzip, "search_ms": self.search_ms,
                "typing_ms": self.typing_ms, "search_ready_ms": self.search_ready_ms, "note": self.note,
                "index_seconds": self.index_seconds, "first_search": self.first_search,
                "largest_pages": self.largest_pages,
                "growth_peer": self.growth_peer.as_dict() if self.growth_peer else None}
