"""cProfile of one `python -m generator build`: where the time goes, by cumulative and own time."""

from __future__ import annotations

import pstats
from pathlib import Path

from processes import PYTHON, run_child


def profile_build(copy: Path, work: Path, top: int = 30) -> Path:
    """Profile one build of `copy` (its documents already cached), print the top functions, return the file."""
    out = work / "build.prof"
    # On one core: cProfile sees only its own process, and the work forked workers do would show as
    # waiting. Pagefind runs in a process of its own either way (its time shows as a subprocess wait).
    run_child([PYTHON, "-m", "cProfile", "-o", str(out), "-m", "generator", "build", "--site-dir",
               str(work / "site-prof")], copy, work / "profile.log", env={"GENERATOR_WORKERS": "1"})
    print("Profilert bygging på én kjerne (GENERATOR_WORKERS=1).")
    if not out.exists():
        raise SystemExit(f"cProfile skrev ingen profil ({out}); se {work / 'profile.log'}")
    for key in ("cumulative", "tottime"):
        print(f"\n--- cProfile, sortert etter {key} ({out}) ---")
        pstats.Stats(str(out)).sort_stats(key).print_stats(top)
    return out
