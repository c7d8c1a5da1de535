"""`make bench BENCH_ARGS="--repeat N"` builds the project and plain Material in turns, so that a machine
whose speed drifts during the run weighs on both sides of the ratio alike, and prints the ratio of each
pair of builds beside the median's."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench  # noqa: E402
from figures import Run, SiteFigures  # noqa: E402
from report import targets  # noqa: E402


def _recording_builder(order: list[str], label: str, seconds: list[float]):
    def build(source: Path, site: Path, log: Path, family: bool = False) -> Run:
        order.append(label)
        site.mkdir(parents=True)
        log.write_text("Søkeindeksen: 10 sider på 0.5 s\n" if label == "prosjektet" else "", encoding="utf-8")
        return Run(seconds=seconds[len([o for o in order if o == label]) - 1], peak_mb=1.0, cpu_seconds=1.0)
    return build


def _sides(tmp_path, order: list[str], project_seconds: list[float], plain_seconds: list[float]):
    """The project and plain Material at 1,000 cases, each building in the recorded order."""
    project = bench.Builder(SiteFigures("prosjektet", 1000), _recording_builder(order, "prosjektet", project_seconds),
                            tmp_path / "copy", tmp_path / "site", tmp_path / "build.log")
    plain = bench.Builder(SiteFigures("ren Material", 1000), _recording_builder(order, "ren Material", plain_seconds),
                          tmp_path / "plain-copy", tmp_path / "plain-site", tmp_path / "plain.log")
    return project, plain


def test_repeated_builds_take_turns_and_each_pair_has_its_ratio(tmp_path):
    order: list[str] = []
    project, plain = _sides(tmp_path, order, [10.0, 8.0, 9.0], [40.0, 36.0, 45.0])

    bench.timed_builds([project, plain], 3)

    assert order == ["prosjektet", "ren Material"] * 3
    assert [r.seconds for r in project.figures.runs] == [10.0, 8.0, 9.0]
    assert project.figures.index_seconds == 0.5
    assert plain.figures.index_seconds is None  # plain Material has no search index to time
    assert (tmp_path / "site").is_dir() and (tmp_path / "plain-site").is_dir()  # the last build of each is measured

    (_name, holds, figure), = [t for t in targets([(project.figures, plain.figures)], None, None, None) if "6×" in t[0]]
    assert not holds
    assert figure.startswith("4.4× (40.0 s / 9.0 s")  # the medians
    assert figure.endswith("byggingene parvis: 4.0 / 4.5 / 5.0×")  # each project build with the plain one after it


def test_a_single_build_shows_no_pairs(tmp_path):
    order: list[str] = []
    project, plain = _sides(tmp_path, order, [7.0], [42.0])

    bench.timed_builds([project, plain], 1)

    (_name, holds, figure), = [t for t in targets([(project.figures, plain.figures)], None, None, None) if "6×" in t[0]]
    assert holds
    assert figure == "6.0× (42.0 s / 7.0 s; CPU 1.0×)"


def test_the_ratio_is_printed_beside_the_highest_the_build_s_cpu_time_allows(tmp_path):
    order: list[str] = []
    project, plain = _sides(tmp_path, order, [8.0], [42.0])
    bench.timed_builds([project, plain], 1)
    project.figures.runs[0].cpu_seconds = 21.0  # on two cores at least 10.5 s, however well it is spread

    (_name, holds, figure), = [t for t in targets([(project.figures, plain.figures)], None, None, None, cores=2)
                               if "6×" in t[0]]
    assert not holds
    assert figure.endswith("med denne CPU-tiden på 2 kjerner høyst 4.0×, 6× krever ≤ 14.0 s CPU")

    project.figures.runs[0].cpu_seconds = 14.0  # exactly what 6× leaves on two cores
    (_name, _holds, figure), = [t for t in targets([(project.figures, plain.figures)], None, None, None, cores=2)
                                if "6×" in t[0]]
    assert "høyst 6.0×" in figure


def test_the_growth_target_compares_the_two_sizes_built_in_turns(tmp_path):
    order: list[str] = []
    larger = bench.Builder(SiteFigures("prosjektet", 5000), _recording_builder(order, "prosjektet", [40.0, 36.0, 50.0]),
                           tmp_path / "copy-5000", tmp_path / "site-5000", tmp_path / "build-5000.log")
    smaller = bench.Builder(SiteFigures("prosjektet i turn med 5 000", 1000),
                            _recording_builder(order, "i turn", [8.0, 8.0, 10.0]),
                            tmp_path / "copy-1000", tmp_path / "site-1000", tmp_path / "build-1000.log")

    bench.timed_builds([larger, smaller], 3)
    larger.figures.growth_peer = smaller.figures

    assert order == ["prosjektet", "i turn"] * 3
    # The 1,000-case row was built minutes earlier, on a faster moment of the machine: against it the
    # growth would be 8×; against the builds in turns it is 5×.
    earlier = SiteFigures("prosjektet", 1000, runs=[Run(seconds=5.0, peak_mb=1.0)])
    rows = [(earlier, SiteFigures("ren Material", 1000)), (larger.figures, SiteFigures("ren Material", 5000))]
    (name, holds, figure), = [t for t in targets(rows, None, None, None) if "→" in t[0]]
    assert name == "1 000 → 5 000 caser: byggetid ≤ 5,5 × (høyst lineær)"
    assert holds
    assert figure == "5.0× (8.0 s → 40.0 s; annenhver gang; parvis 5.0 / 4.5 / 5.0×)"

    larger.figures.growth_peer = None  # a run without the builds in turns compares with the row
    (_name, holds, figure), = [t for t in targets(rows, None, None, None) if "→" in t[0]]
    assert not holds
    assert figure == "8.0× (5.0 s → 40.0 s)"
