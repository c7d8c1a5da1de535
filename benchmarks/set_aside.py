"""Folders the benchmark is done with are moved aside and removed only once every figure is measured.

On ext4 without a journal, as on the machines this runs on, a new file or folder is slow to make
shortly after many were deleted: ext4 does not reuse an inode freed in the last minute (five more while
its inode table block is unwritten), and every new one searches past them (`recently_deleted` in the
kernel's fs/ext4/ialloc.c). Measured here (7 Dec 2026): a thousand folders of four files each took
1.7–2.5 s right after deletions and 0.17 s after 40 s without any. A site at 1,000 cases is some 6,400
files and folders. Deleted as soon as they were measured, sites and copies slowed the builds after them,
the project's most (it makes three times plain Material's files): `make bench` at 1,000 cases measured
10.6 s that way, and 7.8 and 9.0 s with nothing deleted, against plain Material's 30.5–31.3 s either way.
A rename frees no inode, so moving a finished folder aside costs the builds that follow nothing.

Deletions from before the run (another `make bench`, a cleaned-up build) slow it the same way for up to
six minutes; new_file_microseconds measures how slow new files are just before each build, for the log.
"""

from __future__ import annotations

import itertools
import shutil
import time
from pathlib import Path

_BIN = ".set-aside"
_numbers = itertools.count(1)


def set_aside(path: Path) -> None:
    """Move `path`, a folder in the work folder, out of the way until remove_set_aside(work folder)."""
    if not path.exists():
        return
    bin_ = path.parent / _BIN
    bin_.mkdir(exist_ok=True)
    path.rename(bin_ / f"{next(_numbers)}-{path.name}")


def remove_set_aside(work: Path) -> None:
    """Remove everything set aside: after the last measurement."""
    shutil.rmtree(work / _BIN, ignore_errors=True)


def new_file_microseconds(work: Path, files: int = 300) -> float:
    """Microseconds to make one new folder with an empty file in it, here and now: some tens on a quiet
    disk, several hundred right after thousands of deletions. The probe is set aside with the rest."""
    probe = work / _BIN / f"{next(_numbers)}-probe"
    probe.mkdir(parents=True)
    started = time.perf_counter()
    for i in range(files):
        folder = probe / str(i)
        folder.mkdir()
        (folder / "index.html").write_bytes(b"")
    return (time.perf_counter() - started) / files * 1e6
