"""`make serve`: after a saved case file, remake only what changed instead of the whole site.

MkDocs answers every saved file with a full build: it empties the site folder and makes every page and
file again, and Pagefind indexes every page again. With a thousand cases that took 14 s from saving a
record to seeing it. Here the server's builder first tries an update in place, from the state the last
full build left (its configuration, theme environment, navigation, files and pages):

1. Only case files in `cases/` may have changed, each of them already there before (a new or removed
   case, a template, the layouts, the theme, the code or the settings: a full build, as before).
2. The records are read again (unchanged files come from the catalog's cache) and must have no
   problems (otherwise a full build, which shows them in place of the site).
3. The generator makes all its files again. The files whose content differs are written; the pages whose
   Markdown or finished HTML differs, and the case pages whose record or related titles changed, go
   through MkDocs and the theme again, one by one, exactly as a full build renders them.
4. A page in the navigation whose title changed would change every page's menu, and a warning (a broken
   link) would fail a strict build: either falls back to a full build.
5. The sitemap is made again (its dates follow the records), the case pages made are checked as a full
   build checks them, and only the parts of the search index holding a page that changed are made
   again (in `make serve` a part holds index_parts.SERVE_PART_PAGES pages).

Anything unexpected falls back to the full build, which makes everything again from scratch.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator import build_date
from generator.records.catalog import left_alone, load_catalog

# What a saved file may change without a full build.
CASES = "cases"
# What `make serve` watches (generator.mkdocs.events.on_serve and MkDocs itself): any other change is
# answered by a full build.
WATCHED = ("cases", "templates", "generator", "docs", "overrides", "mkdocs.yml")


@dataclass
class LastBuild:
    """What the last full (or updated) build of `make serve` made, and from which inputs."""

    hooks: object
    config: object
    env: object
    files: object
    nav: object
    made: dict  # the generator's files, as generator.mkdocs.events.KnowledgeBaseHooks.generated returns them
    stamps: dict  # every watched file's (modification time, size) when that build began
    updated: list = field(default_factory=list)  # site paths the last update wrote (for tests and timing)
    indexed: list = field(default_factory=list)  # the parts of the search index it made again


_last: LastBuild | None = None


def stamps(root: Path) -> dict[str, tuple[int, int]]:
    """Each watched file under root (relative path) with its modification time and size, but for hidden
    files and editors' backups (catalog.left_alone)."""
    found: dict[str, tuple[int, int]] = {}
    for name in WATCHED:
        top = root / name
        if top.is_file():
            info = top.stat()
            found[name] = (info.st_mtime_ns, info.st_size)
            continue
        if not top.is_dir():
            continue
        for path in top.rglob("*"):
            # An editor's backup or lock file is read by nothing: saving beside it is still an update.
            if "__pycache__" in path.parts or left_alone(path.name) or not path.is_file():
                continue
            info = path.stat()
            found[path.relative_to(root).as_posix()] = (info.st_mtime_ns, info.st_size)
    return found


def remember(last: LastBuild | None) -> None:
    """Keep what a build made, for the next update (None: the next save makes a full build)."""
    global _last
    _last = last


def last_build() -> LastBuild | None:
    return _last


def case_files_changed(before: dict, now: dict) -> list[str] | None:
    """The case files that changed between two stamps, or None when anything else changed too."""
    changed = [path for path in sorted(before.keys() | now.keys()) if before.get(path) != now.get(path)]
    if any(not (path.startswith(CASES + "/") and path in before and path in now) for path in changed):
        return None
    return changed


def updating(full_build, root: Path):
    """The builder `make serve` runs after a save: an update in place when it can be, else full_build()."""

    def build() -> None:
        started = time.perf_counter()
        try:
            done = _update(root)
        except Exception as error:  # noqa: BLE001 - any surprise: the full build makes everything anew
            print(f"Oppdateringen på stedet feilet ({type(error).__name__}: {error}); bygger alt på nytt.",
                  file=sys.stderr, flush=True)
            done = False
        if done:
            parts = ", ".join(str(k + 1) for k in _last.indexed) or "ingen"
            print(f"Oppdatert på {time.perf_counter() - started:.2f} s: {len(_last.updated)} filer; "
                  f"søkeindeksens deler laget på nytt: {parts}.", file=sys.stderr, flush=True)
            return
        remember(None)
        full_build()

    return build


def _update(root: Path) -> bool:
    """Update the served site in place for the case files saved since the last build; False: not possible."""
    last = _last
    if last is None:
        return False
    began = stamps(root)
    changed = case_files_changed(last.stamps, began)
    if changed is None:
        return False
    catalog = load_catalog(root)
    hooks, config, files = last.hooks, last.config, last.files
    if catalog.problems or hooks.case_context.today != build_date.today():
        return False
    made = hooks.generated(catalog, config)
    if list(made) != list(last.made):
        return False
    hooks.adopt(catalog, config, made)
    remade = [path for path in made if made[path] != last.made[path]]
    remade_pages = [path for path in remade if path.endswith(".md")]
    case_pages = [path for path in hooks.stale_case_pages() if path not in remade_pages]
    written = _render_pages(last, made, remade_pages + case_pages + sorted(hooks.home_pages))
    if written is None:
        return False
    for path in remade:
        if path in remade_pages:
            continue
        file = files.get_file_from_path(path)
        if file is None:
            return False
        _set_content(file, made[path])
        file.copy_file(dirty=False)
        written.append(file.dest_uri)
    indexed = _check_and_index(hooks, catalog, Path(config.site_dir),
                               case_pages + [p for p in remade_pages if p in hooks.case_pages], written)
    last.made, last.stamps, last.updated, last.indexed = made, began, written, indexed
    return True


def _set_content(file, content) -> None:
    from generator.site.finished_pages import FinishedPage

    if isinstance(content, FinishedPage):
        file.content_string = content.markdown
    elif isinstance(content, bytes):
        file.content_bytes = content
    elif isinstance(content, str):
        file.content_string = content
    else:  # a file copied from the repository: its source did not change (else this is a full build)
        return


def _render_pages(last: LastBuild, made: dict, src_uris: list[str]) -> list[str] | None:
    """Put these pages through MkDocs and the theme again, as a full build does; None: a full build is needed."""
    from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page
    from mkdocs.structure.files import InclusionLevel
    from mkdocs.utils import CountHandler

    config, files, nav, env = last.config, last.files, last.nav, last.env
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    builder_log = logging.getLogger(_build_page.__module__.split(".")[0])  # mkdocs, or properdocs
    builder_log.addHandler(counter)
    written = []
    try:
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        in_nav = {id(page) for page in nav.pages}
        for src_uri in src_uris:
            file = files.get_file_from_path(src_uri)
            if file is None or file.page is None:
                return None
            if src_uri in made:
                _set_content(file, made[src_uri])
            page, title = file.page, file.page.title
            _populate_page(page, config, files)
            if id(page) in in_nav and page.title != title:
                return None  # every page's menu shows it
            before = _bytes(file.abs_dest_path)
            _build_page(page, config, doc_files, nav, env)
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
            if _bytes(file.abs_dest_path) != before:  # the front page is made each time, and may not change
                written.append(file.dest_uri)
        for template in config.theme.static_templates:  # the sitemap's dates follow the records
            _build_theme_template(template, env, files, config, nav)
            written.append(template)
        if counter.get_counts():
            return None  # a full build reports the warning and stops, as `make build` would
    finally:
        builder_log.removeHandler(counter)
    return written


def _bytes(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        return None


def _check_and_index(hooks, catalog, site_dir: Path, case_src_uris: list[str], written: list[str]) -> list[int]:
    """Check the case pages made, as a full build checks all, and index again the parts of the search
    index that hold a page written (a page the plan does not name is not searched)."""
    from generator.mkdocs import site_check
    from generator.search import index_parts, pagefind_index

    site_check.check_case_pages(catalog, site_dir, [hooks.case_pages[src_uri] for src_uri in case_src_uris])
    plan = index_parts.read_plan(site_dir)
    if plan is None:
        return list(range(pagefind_index.index_site(site_dir).parts))
    parts = sorted({index_parts.part_of(plan, path) for path in written} - {None})
    for part in parts:
        pagefind_index.index_part(site_dir, part)
    return parts
