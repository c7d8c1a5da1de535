"""Case pages through the theme on several cores, while MkDocs goes on with the rest of the build.

With a thousand cases, putting each case page into Material's templates was the largest part of
`python -m generator build` that ran on one core. When the command line asks for several cores
(parallel.WORKERS), the hook starts forked workers once every page has its content (on_env). Each
worker renders its share of the case pages as MkDocs would (the same context and plugin events; the
theme's part from case_frame's frame, checked against Material on the first pages, which are rendered
here before the workers are forked) and writes them to the site folder. MkDocs' own pass over those
pages then uses SKIP_TEMPLATE, which renders nothing, so MkDocs writes nothing over them. `mkdocs serve` and
`mkdocs build` run on one core and never get here.

Rendering a finished page through the theme logs nothing; were it to log a warning in a worker, strict
mode in the parent would not count it. tests/mkdocs/test_parallel_build.py compares the result with a build
on one core, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.commands.build import get_context
from mkdocs.structure.toc import TableOfContents

from generator import parallel
from generator.mkdocs import case_frame

SKIP_TEMPLATE = "ikb/rendered-by-worker.html"


class PageFailed(Exception):
    """A case page that could not be made, with the page named (worker tracebacks are no help)."""


def _render(context, src_uri: str) -> str:
    try:
        return _render_page(context, src_uri)
    except Exception as error:  # noqa: BLE001 - crosses the process boundary as a message
        raise PageFailed(f"{src_uri}: {type(error).__name__}: {error}") from None


def _render_page(context, src_uri: str) -> str:
    config, files, nav, doc_files, frames, fill = context
    page = files.get_file_from_path(src_uri).page
    fill(page)
    page.active = True
    try:
        page_context = get_context(nav, doc_files, config, page)
        page_context = config.plugins.on_page_context(page_context, page=page, config=config, nav=nav)
        output = config.plugins.on_post_page(frames.render(page_context), page=page, config=config)
    finally:
        page.active = False
        # This worker's copy of the page is not needed again: holding every page a worker made cost
        # some 100 MB per worker at 5,000 cases.
        page.content, page.toc = None, TableOfContents([])
    target = Path(page.file.abs_dest_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(output.encode("utf-8", errors="xmlcharrefreplace"))
    return src_uri


class Started:
    """Case pages being written by workers; results() waits for them."""

    def __init__(self, first: list[str], running: parallel.Running):
        self._first, self._running = first, running

    def results(self) -> list[str]:
        """Every page's src_uri once all are on disk; raises PageFailed (naming the page) when one failed."""
        return [*self._first, *self._running.results()]

    def cancel(self) -> None:
        self._running.cancel()


def start(src_uris: list[str], config, files, nav, env, fill: Callable) -> Started:
    """Fill (fill(page) sets its content and toc), render and write these pages on other cores.

    The hook has already decided (parallel.worth_it) that they go this way; this never decides again,
    so no page is left to a pass that renders nothing.
    """
    pages = [files.get_file_from_path(src_uri).page for src_uri in src_uris]
    templates = {page.meta.get("template", "main.html") for page in pages}
    if len(templates) != 1:
        raise PageFailed(f"case pages name different templates: {sorted(templates)}")
    frames = case_frame.CaseFrames(env, templates.pop())
    context = (config, files, nav, files.documentation_pages(), frames, fill)
    # The pages the frame is checked on, here first: the workers inherit the frame (or the decision to
    # render through the theme), and Jinja has compiled the templates once, not once in every worker.
    first = [_render(context, src_uri) for src_uri in src_uris[: case_frame.GUARDED]]
    running = parallel.start_cases(_render, src_uris[case_frame.GUARDED :], context)
    for page in pages:
        page.meta["template"] = SKIP_TEMPLATE
    return Started(first, running)
