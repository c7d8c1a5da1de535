"""Thin glue between MkDocs and the generator package: load, add generated files, search data, watch."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from generator import documents, parallel
from generator.site import pages
from generator.search import page_data, pagefind_index
from generator.mkdocs import parallel_pages, theme_assets
from generator.site.finished_pages import FinishedPage
from generator.records.catalog import load_catalog
from generator.records.problems import count_text, report_lines
from generator import paths
from generator.opendata import bundle
from generator.site import sitemap_dates
from generator.site.problems_page import problems_page

HOME_MARKER = "<!-- generert: forside -->"
PREVIEW_CSS = "assets/stylesheets/mal-forhandsvisning.css"  # listed in mkdocs.yml extra_css
_state: dict = {}


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _cache_dir(config, name: str) -> Path:
    folder = _root(config) / ".cache" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def on_startup(command, dirty):
    # Run by the mkdocs command (serve, build); `python -m generator build` indexes its own folder.
    _state["command"] = command
    _state["serving"] = command == "serve"


def on_config(config):
    catalog = load_catalog(_root(config))
    _state["problems"] = catalog.problems
    if catalog.problems:
        lines = "\n".join(report_lines(catalog.problems))
        if not _state.get("serving"):
            raise PluginError(f"{lines}\n\n{count_text(len(catalog.problems))}; nettstedet ble ikke bygget.")
        # `make serve` goes on, with a page listing the problems in place of the site (see on_post_build).
        # Printed, not logged: a logged warning would stop the build (strict: true).
        print(f"{lines}\n\n{count_text(len(catalog.problems))}. Rett og lagre; nettleseren viser problemene "
              f"til da, og nettstedet så snart alt er i orden.", file=sys.stderr, flush=True)
        config.nav = None  # the pages named in nav are not made
    _state["catalog"] = catalog
    return config


def on_files(files, config):
    if _state["problems"]:
        return Files([])
    catalog = _state["catalog"]
    theme_assets.drop_unused(files, config)
    built = documents.build_documents(catalog, _cache_dir(config, "documents"))
    sizes = {key: len(data) for key, data in built.items()}
    rendered = pages.render_pages(catalog, sizes)
    _state["case_context"] = pages.CaseContext(
        catalog, dt.date.today(), config.repo_url, config.site_url or "", config.site_name
    )
    _state["case_pages"] = {paths.case_path(slug): slug for slug in catalog.cases}
    _state["in_parallel"] = parallel.worth_it(len(catalog.cases))
    _state["finished"] = {path: page for path, page in rendered.items() if isinstance(page, FinishedPage)}
    for path, page in rendered.items():
        files.append(File.generated(config, path, content=page.markdown if isinstance(page, FinishedPage) else page))
    for (slug, fmt), data in built.items():
        files.append(File.generated(config, paths.template_file(slug, fmt), content=data))
    files.append(File.generated(config, PREVIEW_CSS, abs_src_path=str(documents.PREVIEW_CSS)))
    for path, content in bundle.build(catalog, config.site_name, config.site_url or "").items():
        files.append(File.generated(config, path, content=content))
    _state["page_dates"] = sitemap_dates.page_dates(catalog)
    return files


def on_page_markdown(markdown, page, config, files):
    if HOME_MARKER in markdown:
        markdown = markdown.replace(HOME_MARKER, pages.home_sections(_state["catalog"], page.file.src_uri))
    if page.file.src_uri in _state["page_dates"]:  # sitemap.xml's <lastmod>: when the record changed
        page.update_date = _state["page_dates"][page.file.src_uri].isoformat()
    return markdown


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def on_env(env, config, files):
    # MkDocs makes a new Jinja environment for every build, so `make serve` compiled Material's
    # templates again on every edit. Compiled templates are kept by their source's checksum.
    env.bytecode_cache = FileSystemBytecodeCache(str(_cache_dir(config, "jinja")))
    if not _state["problems"] and _state["in_parallel"]:
        try:
            _state["workers"] = parallel_pages.start(
                list(_state["case_pages"]), config, files, _state["nav"], env, _fill_case_page
            )
        except parallel_pages.PageFailed as error:
            raise PluginError(f"en caseside kunne ikke lages: {error}") from None
    return env


def _put_in_place(page, finished: FinishedPage) -> str:
    """What Page.render would have set had Python-Markdown made the headings (see finished_pages)."""
    page.toc = get_toc(finished.toc)
    page.present_anchor_ids = set(finished.anchors)
    return finished.html


def _fill_case_page(page) -> None:
    slug = _state["case_pages"][page.file.src_uri]
    page.content = _put_in_place(page, pages.finished_case_page(_state["case_context"], slug))


def on_page_content(html, page, config, files):
    src_uri = page.file.src_uri
    if src_uri in _state["finished"]:
        return _put_in_place(page, _state["finished"][src_uri])
    if src_uri in _state["case_pages"]:
        if _state["in_parallel"]:
            # generator.mkdocs.parallel_pages fills and writes the page on another core; its anchors are
            # unknown here, so MkDocs skips checking links to them (tests/site/test_links.py checks them all).
            page.present_anchor_ids = None
            return ""
        _fill_case_page(page)
        return page.content
    return html


def on_page_context(context, page, config, nav):
    if page.file.generated_by:
        slug = page.meta.get("case_slug")
        record = _state["catalog"].case_files.get(slug) if slug else None
        page.edit_url = paths.record_urls(config.repo_url, record)[1] if record else None
    context["page_search"] = page_data.for_page(_state["catalog"], page.meta, page.content or "")
    return context


def on_post_build(config):
    if _state["problems"]:  # at the front page, and at every other address as the server's 404 page
        page = problems_page(_state["problems"], config.site_name)
        for name in ("index.html", "404.html"):
            (Path(config.site_dir) / name).write_text(page, encoding="utf-8")
        return
    workers, _state["workers"] = _state.get("workers"), None
    if workers is not None:
        try:
            workers.results()
        except parallel_pages.PageFailed as error:
            raise PluginError(f"en caseside kunne ikke lages: {error}") from None
    if _state.get("command"):  # `make serve` indexes again after every rebuild
        try:
            pagefind_index.index_site(Path(config.site_dir))
        except pagefind_index.IndexFailed as error:
            raise PluginError(str(error)) from None


def on_build_error(error):
    workers, _state["workers"] = _state.get("workers"), None
    if workers is not None:
        workers.cancel()


def on_serve(server, config, builder):
    for folder in ("cases", "templates", "generator"):
        server.watch(str(_root(config) / folder))
    return server
