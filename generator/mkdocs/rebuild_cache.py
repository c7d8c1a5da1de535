"""`make serve`: case pages from the previous rebuild, reused when nothing they show has changed.

MkDocs rebuilds the whole site after every saved file, and with a thousand cases putting every case
page through the generator and Material took most of the half minute from saving a record to seeing
it. A case page shows its own record, the titles of the cases it relates to, the templates, the
date, the site's settings and navigation, and is made by the layouts and the theme. Records that have
not changed are the same objects from one rebuild to the next (the catalog keeps parsed records by
file), so a page whose record, related records and templates are the very same objects, with the same
date, settings, navigation and unchanged layout and theme files, is the page already made: it is
written again as it was, without rendering. Only `make serve` reuses pages; `make build` makes all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import build_date
from generator.site.finished_pages import FinishedPage

LAYOUTS = Path(__file__).resolve().parent.parent / "site" / "layouts"


def _stamp(folder: Path | None) -> tuple:
    """Each file under folder with its modification time: any edit gives a new stamp."""
    if folder is None or not folder.is_dir():
        return ()
    return tuple(sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()))


@dataclass
class _Made:
    objects: tuple
    values: tuple
    finished: FinishedPage
    output: str | None = None  # the page through the theme, once it has been rendered


class Reuse:
    """The case pages of the last rebuild, by slug; lives as long as the `make serve` process."""

    def __init__(self) -> None:
        self._made: dict[str, _Made] = {}
        self._frame: tuple = ()

    def start_build(self, config, nav) -> None:
        """What every case page shares: settings, navigation, theme overrides and layouts as they are now."""
        config_file = Path(config.config_file_path) if config.config_file_path else None
        custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        self._frame = (
            config_file.stat().st_mtime_ns if config_file else 0,
            tuple((page.title, page.url) for page in nav.pages) if nav else (),
            _stamp(custom_dir),
            _stamp(LAYOUTS),
            build_date.today(),
        )

    def _inputs(self, catalog, slug: str) -> tuple[tuple, tuple]:
        case = catalog.cases[slug]
        objects = (case, *(catalog.cases.get(s) for s in case.related), *catalog.templates.values())
        values = (tuple(case.related), tuple(catalog.templates), catalog.case_files[slug], self._frame)
        return objects, values

    def finished(self, catalog, slug: str) -> _Made | None:
        """The page made for this case in the last rebuild, if nothing it shows has changed since."""
        made = self._made.get(slug)
        if made is None:
            return None
        objects, values = self._inputs(catalog, slug)
        same = len(objects) == len(made.objects) and all(a is b for a, b in zip(objects, made.objects))
        return made if same and values == made.values else None

    def keep(self, catalog, slug: str, finished: FinishedPage) -> None:
        objects, values = self._inputs(catalog, slug)
        self._made[slug] = _Made(objects, values, finished)

    def keep_output(self, slug: str, output: str) -> None:
        if slug in self._made:
            self._made[slug].output = output

    def forget_others(self, slugs) -> None:
        """Drop cases no longer in the catalog, so their pages are not held."""
        for slug in set(self._made) - set(slugs):
            del self._made[slug]
