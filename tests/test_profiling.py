"""`make bench BENCH_ARGS="--profile N"` profiles `python -m generator` with cProfile, which writes its
statistics when the program ends: the command line must end in a way that lets it."""

from __future__ import annotations

import os
import pstats
import subprocess
import sys

from tests.conftest import ROOT


def test_python_m_cprofile_of_the_generator_writes_a_profile(tmp_path):
    out = tmp_path / "validate.prof"
    result = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "generator", "validate"],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Alt i orden" in result.stdout
    functions = {name for _file, _line, name in pstats.Stats(str(out)).stats}
    assert "cmd_validate" in functions


def test_a_profiled_build_profiles_the_build_itself(tmp_path):
    # The build runs in a process of its own (so its memory is given back before indexing), except under
    # a profiler: otherwise the profile would hold only the waiting.
    out = tmp_path / "build.prof"
    result = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "generator", "build", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GENERATOR_WORKERS": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    functions = {name for _file, _line, name in pstats.Stats(str(out)).stats}
    assert {"build_site", "finished_case_page", "index_site"} <= functions
