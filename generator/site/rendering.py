"""The layouts (generator/site/layouts/*.j2) and what every page made from them shares: one Jinja
environment, and links between pages as Markdown (checked by MkDocs) or as final relative URLs.

Every `{{ value }}` in a layout passes through formatting.escape, so record text reaches the page as
inert text. Markup built on purpose (links, charts) is wrapped in Markup.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape as html_escape

from generator import formatting
from generator.paths import (
    COMPARISON, CONTRIBUTION_FORM, CORRECTION_PARAMETER, PAGE_ASSETS, case_path, facet_path, page_location,
    template_path,
)
from generator.records.vocabulary import VOCABULARY

LAYOUTS = Path(__file__).with_name("layouts")

def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(LAYOUTS),
        autoescape=False,  # Markdown output: escaping is done by `finalize` for every expression
        finalize=formatting.escape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        value=lambda f: formatting.figure_value(f),
        year=formatting.figure_year,
        date=formatting.date,
        number=formatting.number,
        paragraphs=formatting.paragraphs,
        html_paragraphs=formatting.html_paragraphs,
        # Front matter: a JSON string (valid YAML) of HTML-escaped text, since themes print it unescaped.
        front_matter=lambda text: Markup(json.dumps(str(html_escape(' '.join(str(text).split()))), ensure_ascii=False)),
    )
    env.globals.update(vocabulary=VOCABULARY, Markup=Markup, page_assets=PAGE_ASSETS)
    return env


ENV = _environment()


def markdown_link(text: str, target: str, here: str) -> Markup:
    """A Markdown link from page `here` to page `target` (both docs-relative); MkDocs checks it."""
    relative = relpath(target, posixpath.dirname(here) or ".")
    return Markup(f"[{formatting.escape(text)}]({relative})")


def relpath(path: str, start: str) -> str:
    """posixpath.relpath for paths inside the site, without the getcwd() it makes on every call."""
    parts = [p for p in path.split("/") if p not in ("", ".")]
    base = [p for p in start.split("/") if p not in ("", ".")]
    common = 0
    for mine, theirs in zip(parts, base):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def href(target: str, here: str) -> str:
    """Relative URL from page `here` to `target` (docs-relative paths), for links in raw HTML blocks.

    Raw HTML is not rewritten by MkDocs, so these are final URLs; tests/site/test_links.py checks them all.
    """
    url, base = page_location(target), page_location(here)
    relative = relpath(url or ".", base or ".")
    return relative + "/" if (url == "" or url.endswith("/")) and relative != "." else (relative if relative != "." else "./")


def html_link(text: str, target: str, here: str) -> Markup:
    return Markup(f'<a href="{href(target, here)}">{formatting.escape(text)}</a>')


def render(layout: str, here: str, **context) -> str:
    def md_link(target: str, text: str) -> Markup:
        return markdown_link(text, target, here)

    def link(target: str, text: str) -> Markup:
        return html_link(text, target, here)

    def relative(target: str) -> str:
        return href(target, here)

    return ENV.get_template(layout).render(
        here=here,
        md_link=md_link,
        link=link,
        href=relative,
        case_path=case_path,
        facet_path=facet_path,
        template_path=template_path,
        comparison_path=COMPARISON,
        contribution_form_path=CONTRIBUTION_FORM, correction_parameter=CORRECTION_PARAMETER,
        **context,
    )
