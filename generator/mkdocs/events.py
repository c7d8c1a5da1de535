"""The site builder's events: load the records, add the generated files, fill the pages, index, watch."""

from __future__ import annotations

import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import get_toc

from generator import build_date, documents, kept, parallel
from generator.site import pages
from generator.search import definitions, index_parts, page_data, pagefind_index
from generator.mkdocs import (
    case_frame, front_matter_pages, parallel_pages, preview_update, rebuild_cache, site_check, theme_assets,
)
from generator.site.finished_pages import FinishedPage
from generator.records.catalog import load_catalog
from generator.records.problems import count_text, report_lines
from generator import paths
from generator.opendata import bundle
from generator.site import contribution_form, sitemap_dates
from generator.site.problems_page import problems_page

HOME_MARKER = "<!-- generert: forside -->"
# `make serve` loads the hook anew for every rebuild, but not this module: what one rebuild made, the
# next can reuse (rebuild_cache).
_REUSE = rebuild_cache.Reuse()


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _content(made):
    """What MkDocs gets for a generated file: a finished page's front matter, or the text or bytes."""
    return made.markdown if isinstance(made, FinishedPage) else made


def _cache_dir(config, name: str) -> Path:
    folder = _root(config) / ".cache" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _searched_pages(files) -> list[str]:
    """The HTML files the search index holds: every page MkDocs writes but those search leaves out."""
    return [f.dest_uri for f in files.documentation_pages() if f.page is not None and page_data.is_searched(f.page.meta)]


class KnowledgeBaseHooks:
    """The site builder's events, with the state of one build (or of `make serve`'s rebuilds) kept here."""

    def __init__(self) -> None:
        self.command: str | None = None  # set by the mkdocs command; `python -m generator build` has none
        self.serving = False
        self.problems: list = []
        self.catalog = None
        self.case_context = None
        self.case_pages: dict[str, str] = {}
        self.in_parallel = False
        self.finished: dict[str, FinishedPage] = {}
        self.page_dates: dict = {}
        self.nav = None
        self.workers = None
        self.case_frames = None
        self.reused: dict[str, str] = {}  # src_uri -> the page as the last rebuild wrote it (`make serve`)
        self.stamps: dict = {}  # `make serve`: the watched files as this build began (preview_update)
        self.made: dict = {}
        self.home_pages: set[str] = set()
        self.files = self.env = None
        self.part_pages = index_parts.PART_PAGES  # the most pages a part of the search index holds
        self.index_plan: list[list[str]] = [[]]

    def on_startup(self, command, dirty):
        # Run by the mkdocs command (serve, build); `python -m generator build` indexes its own folder.
        self.command = command
        self.serving = command == "serve"
        # `make serve` makes a list page or a table's rows again only when what it shows changed, and
        # indexes again only the small part of the search index that holds a changed page
        kept.keep_between_builds(self.serving)
        self.part_pages = index_parts.SERVE_PART_PAGES if self.serving else index_parts.PART_PAGES

    def on_config(self, config):
        if self.serving:  # before anything is read: a file saved during this build is seen by the next
            self.stamps = preview_update.stamps(_root(config))
        catalog = load_catalog(_root(config))
        self.problems = catalog.problems
        if catalog.problems:
            lines = "\n".join(report_lines(catalog.problems))
            if not self.serving:
                raise PluginError(f"{lines}\n\n{count_text(len(catalog.problems))}; nettstedet ble ikke bygget.")
            # `make serve` goes on, with a page listing the problems in place of the site (see on_post_build).
            # Printed, not logged: a logged warning would stop the build (strict: true).
            print(f"{lines}\n\n{count_text(len(catalog.problems))}. Rett og lagre; nettleseren viser problemene "
                  f"til da, og nettstedet så snart alt er i orden.", file=sys.stderr, flush=True)
            config.nav = None  # the pages named in nav are not made
        self.catalog = catalog
        return config

    def on_files(self, files, config):
        if self.problems:
            return Files([])
        theme_assets.drop_unused(files, config)
        made = self.generated(self.catalog, config)
        self.adopt(self.catalog, config, made)
        self.made, self.files = (made, files) if self.serving else ({}, None)
        for path, content in made.items():
            if isinstance(content, Path):
                files.append(File.generated(config, path, abs_src_path=str(content)))
            else:
                files.append(File.generated(config, path, content=_content(content)))
        return files

    def generated(self, catalog, config) -> dict:
        """Every file the generator adds to the site, by docs path, in the order MkDocs gets them:
        Markdown (str), a FinishedPage, text or bytes, or the Path of a file to copy."""
        # The open data of each case (its files, its lines in the tables) on other cores while this process
        # renders the list pages (the files written into the site by the workers), or here on one core
        # (`make serve`: only for records that changed).
        case_files = bundle.start_case_files(catalog, Path(config.site_dir), config.site_url or "")
        built = documents.build_documents(catalog, _cache_dir(config, "documents"))
        sizes = {key: len(data) for key, data in built.items()}
        rendered = pages.render_pages(catalog, sizes)
        rendered[paths.CONTRIBUTION_FORM] = contribution_form.page(
            catalog, config.repo_url, (config.extra or {}).get("editors_email")
        )
        made: dict = {
            paths.CONTRIBUTION_FORM_CASES: contribution_form.cases_json(catalog),
            paths.CONTRIBUTION_FORM_MUNICIPALITIES: contribution_form.municipalities_json(),
        }
        made.update(rendered)
        for (slug, fmt), data in built.items():
            made[paths.template_file(slug, fmt)] = data
        made[paths.PREVIEW_CSS] = documents.PREVIEW_CSS
        # The parts are in the theme's custom_dir (overrides/), the first of the theme's folders holding them.
        parts = next(Path(d) / contribution_form.SCRIPT.removesuffix(".js") for d in config.theme.dirs
                     if (Path(d) / contribution_form.SCRIPT.removesuffix(".js")).is_dir())
        made[contribution_form.SCRIPT] = contribution_form.script(parts)
        made.update(bundle.build(catalog, config.site_name, config.site_url or "", case_files))
        return made

    def adopt(self, catalog, config, made: dict) -> None:
        """Take these records and the generator's files for them as the ones the pages are made from."""
        self.catalog = catalog
        self.case_context = pages.CaseContext(
            catalog, build_date.today(), config.repo_url, config.site_url or "", config.site_name
        )
        self.case_pages = {paths.case_path(slug): slug for slug in catalog.cases}
        self.in_parallel = parallel.worth_it(len(catalog.cases))
        self.finished = {path: page for path, page in made.items() if isinstance(page, FinishedPage)}
        self.page_dates = sitemap_dates.page_dates(catalog)

    def on_page_markdown(self, markdown, page, config, files):
        if HOME_MARKER in markdown:
            self.home_pages.add(page.file.src_uri)  # made from the records: `make serve` remakes it after an edit
            markdown = markdown.replace(HOME_MARKER, pages.home_sections(self.catalog, page.file.src_uri))
        if page.file.src_uri in self.page_dates:  # sitemap.xml's <lastmod>: when the record changed
            page.update_date = self.page_dates[page.file.src_uri].isoformat()
        return markdown

    def on_nav(self, nav, config, files):
        self.nav = nav
        front_matter_pages.outside_navigation(files, nav, config)
        if self.serving and not self.problems:
            _REUSE.start_build(config, nav)
            _REUSE.forget_others(self.catalog.cases)
        return nav

    def on_env(self, env, config, files):
        self.env = env
        # MkDocs makes a new Jinja environment for every build, so `make serve` compiled Material's
        # templates again on every edit. Compiled templates are kept by their source's checksum.
        env.bytecode_cache = FileSystemBytecodeCache(str(_cache_dir(config, "jinja")))
        # A global, not page context: the 404 page has a search field too, and no page. Every page names
        # the search index's parts, so they are decided here, once (index_parts), from the pages read.
        self.index_plan = index_parts.plan(_searched_pages(files), self.part_pages, parallel.WORKERS)
        env.globals["ikb_search_definitions"] = definitions.for_templates(
            self.catalog, config.theme["language"], index_parts.bundle_addresses(self.index_plan))
        if self.problems:
            return env
        self.case_frames = case_frame.CaseFrames(env)  # the case pages this process renders (not the workers')
        if self.in_parallel:
            try:
                self.workers = parallel_pages.start(
                    list(self.case_pages), config, files, self.nav, env, self._fill_case_page
                )
            except parallel_pages.PageFailed as error:
                raise PluginError(f"en caseside kunne ikke lages: {error}") from None
        for src_uri, output in self.reused.items():  # unchanged since the last rebuild: written as they were
            target = Path(files.get_file_from_path(src_uri).abs_dest_path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(output.encode("utf-8", errors="xmlcharrefreplace"))
        return env

    def _put_in_place(self, page, finished: FinishedPage) -> str:
        """What Page.render would have set had Python-Markdown made the headings (see finished_pages)."""
        page.toc = get_toc(finished.toc)
        page.present_anchor_ids = set(finished.anchors)
        return finished.html

    def _fill_case_page(self, page) -> None:
        slug = self.case_pages[page.file.src_uri]
        if not self.serving:
            page.content = self._put_in_place(page, pages.finished_case_page(self.case_context, slug))
            return
        made = _REUSE.finished(self.catalog, slug)
        if made is None:
            _REUSE.keep(self.catalog, slug, pages.finished_case_page(self.case_context, slug))
            made = _REUSE.finished(self.catalog, slug)
        elif made.output is not None:
            self.reused[page.file.src_uri] = made.output
            page.meta["template"] = parallel_pages.SKIP_TEMPLATE
        page.content = self._put_in_place(page, made.finished)

    def on_page_content(self, html, page, config, files):
        src_uri = page.file.src_uri
        if src_uri in self.finished:
            return self._put_in_place(page, self.finished[src_uri])
        if src_uri in self.case_pages:
            if self.in_parallel:
                # generator.mkdocs.parallel_pages fills and writes the page on another core; its anchors are
                # unknown here, so MkDocs skips checking links to them (tests/site/test_links.py checks them all).
                page.present_anchor_ids = None
                return ""
            self._fill_case_page(page)
            if page.meta.get("template") != parallel_pages.SKIP_TEMPLATE:
                page.meta["template"] = case_frame.TEMPLATE  # the page is made in on_page_context
            return page.content
        return html

    def on_page_context(self, context, page, config, nav):
        if page.meta.get("template") == parallel_pages.SKIP_TEMPLATE:
            return context  # written elsewhere (a worker, or as the last rebuild made it): nothing to render
        if page.file.generated_by:
            slug = page.meta.get("case_slug")
            record = self.catalog.case_files.get(slug) if slug else None
            page.edit_url = paths.record_urls(config.repo_url, record)[1] if record else None
        context["page_search"] = page_data.for_page(self.catalog, page.meta, page.content or "")
        # A printout names the page's address only where readers can open it.
        context["printed_from"] = page.canonical_url if paths.is_public(config.site_url) else None
        if page.meta.get("template") == case_frame.TEMPLATE:
            context[case_frame.CONTEXT_KEY] = self.case_frames.render(context)
        return context

    def on_post_page(self, output, page, config):
        if self.serving and output.strip() and page.file.src_uri in self.case_pages:
            _REUSE.keep_output(self.case_pages[page.file.src_uri], output)
        return output

    def on_post_build(self, config):
        if self.problems:  # at the front page, and at every other address as the server's 404 page
            page = problems_page(self.problems, config.site_name)
            for name in ("index.html", "404.html"):
                (Path(config.site_dir) / name).write_text(page, encoding="utf-8")
            return
        workers, self.workers = self.workers, None
        if workers is not None:
            try:
                workers.results()
            except parallel_pages.PageFailed as error:
                raise PluginError(f"en caseside kunne ikke lages: {error}") from None
        try:
            site_check.check_case_pages(self.catalog, Path(config.site_dir))
        except site_check.SiteIncomplete as error:
            raise PluginError(str(error)) from None
        index_parts.write_plan(Path(config.site_dir), self.index_plan)  # the indexer obeys it
        if self.command:  # `make serve` indexes again after every rebuild
            try:
                pagefind_index.index_site(Path(config.site_dir))
            except pagefind_index.IndexFailed as error:
                raise PluginError(str(error)) from None
        if self.serving:
            preview_update.remember(preview_update.LastBuild(
                self, config, self.env, self.files, self.nav, self.made, self.stamps
            ))

    def on_build_error(self, error):
        workers, self.workers = self.workers, None
        if workers is not None:
            workers.cancel()

    def on_serve(self, server, config, builder):
        for folder in ("cases", "templates", "generator"):
            server.watch(str(_root(config) / folder))
        # After a saved case file, the site is updated in place when it can be (preview_update).
        server.builder = preview_update.updating(builder, _root(config))
        return server

    def stale_case_pages(self) -> list[str]:
        """`make serve`: the case pages whose record, related titles or frame changed since they were made."""
        return [src_uri for src_uri, slug in self.case_pages.items() if _REUSE.finished(self.catalog, slug) is None]
