"""Build every template in every format, keeping finished files on disk by a hash of their inputs,
so a later build renders only the templates (or generator code) that changed."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("weasyprint", "pydyf", "python-docx", "odfpy", "jinja2")


@lru_cache(maxsize=1)
def generator_fingerprint() -> str:
    """Changes when this package's code, its assets or the libraries that write the files change."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".j2", ".css"}:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    return digest.hexdigest()


def content_key(slug: str, template_data: dict, case_titles: dict[str, str], fmt: str, stamp: str) -> str:
    payload = json.dumps(
        {"slug": slug, "template": template_data, "cases": case_titles, "format": fmt, "date": stamp,
         "generator": generator_fingerprint()},
        sort_keys=True, ensure_ascii=False, default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class DiskCache:
    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def _path(self, slug: str, fmt: str, key: str) -> Path:
        return self.directory / f"{slug}--{key[:24]}.{fmt}"

    def get_or_render(self, slug: str, fmt: str, key: str, render: Callable[[], bytes]) -> bytes:
        path = self._path(slug, fmt, key)
        if path.is_file():
            return path.read_bytes()
        data = render()
        self.directory.mkdir(parents=True, exist_ok=True)
        # Written beside and renamed into place, so a crash never leaves half a file under a valid name.
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=f".{fmt}")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        for stale in self.directory.glob(f"{slug}--*.{fmt}"):
            if stale != path:
                stale.unlink(missing_ok=True)
        return data
