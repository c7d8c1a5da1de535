"""The code under test, frozen for the whole run, and the revision it came from."""

from __future__ import annotations

import subprocess
from pathlib import Path

import synthetic
from set_aside import set_aside


def take_snapshot(dest: Path, rev: str | None) -> Path:
    """A copy of the project parts (other people may be editing the working tree during a long run)."""
    set_aside(dest)
    if rev:
        dest.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", rev, *synthetic.PROJECT_PARTS], cwd=synthetic.ROOT,
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        return dest
    return synthetic.snapshot(synthetic.ROOT, dest)


def describe_source() -> str:
    def run(*cmd: str) -> str:
        return subprocess.run(cmd, cwd=synthetic.ROOT, capture_output=True, text=True).stdout.strip()

    changed = run("git", "status", "--short", "--", *synthetic.PROJECT_PARTS)
    return f"git {run('git', 'rev-parse', '--short', 'HEAD')}" + (f", {len(changed.splitlines())} endrede filer" if changed else "")
