"""The one address book: where every page, download and data file of the site lives.

Paths are relative to the site's docs folder, as the site builder sees them («eksempler/ralingen.md»);
`page_location` says where such a page is published («eksempler/ralingen/»).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

CASES_DIR = "eksempler"
TEMPLATES_DIR = "maler"
COMPARISON = "sammenligning.md"
CASES_INDEX = f"{CASES_DIR}/index.md"
SEARCH_PAGE = "sok.md"  # hand-written: docs/sok.md
# Vocabulary kind -> (folder, heading) of the pages that list the cases by that term.
FACET_FOLDERS = {
    "themes": ("tema", "Temaer"),
    "target_groups": ("malgruppe", "Målgrupper"),
    "regions": ("fylke", "Fylker"),
}


def case_path(slug: str) -> str:
    return f"{CASES_DIR}/{slug}.md"


def contact_card_path(slug: str, card_name: str) -> str:
    """A contact's vCard sits in the case page's folder: eksempler/ralingen/narges-pourzia.vcf."""
    return f"{CASES_DIR}/{slug}/{card_name}"


def facet_path(kind: str, key: str | None = None) -> str:
    folder = FACET_FOLDERS[kind][0]
    return f"{folder}/{key}.md" if key else f"{folder}/index.md"


def template_path(slug: str) -> str:
    return f"{TEMPLATES_DIR}/{slug}.md"


def template_file(slug: str, fmt: str) -> str:
    """A template's download: maler/iop-kvalifisering.docx."""
    return f"{TEMPLATES_DIR}/{slug}.{fmt}"


def page_location(path: str) -> str:
    """Where a docs-relative file is published (directory URLs): tema/x.md -> tema/x/, index.md -> ''."""
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def absolute(site_url: str, location: str) -> str:
    """The full address of a site location; empty when the site has no address."""
    if not site_url:
        return ""
    return site_url.rstrip("/") + "/" + location.lstrip("/")


def is_public(site_url: str | None) -> bool:
    """Whether readers can reach the site at this address: not this machine's own (the address
    mkdocs.yml falls back to when SITE_URL is unset, and the one `make serve` uses)."""
    host = urlsplit(site_url or "").hostname
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name, not a number
        return True


def record_urls(repo_url: str | None, record_file: str) -> tuple[str | None, str | None]:
    """(view, edit): a record file such as cases/nesna.yaml in the repository, when it has an address."""
    if not repo_url:
        return None, None
    base = repo_url.rstrip("/")
    return f"{base}/blob/main/{record_file}", f"{base}/edit/main/{record_file}"


# Long lists (the case list, the comparison, the theme, target-group, county and size pages) come in
# pages of generator.site.paging.PAGE_SIZE; page 2 on sits in the list's folder: eksempler/side/2/.
PAGE_FOLDER = "side"
SIZE_FOLDER = "storrelse"  # pages listing the cases by municipality size: storrelse/under-5000/
CASE_LIST_INDEX = f"{CASES_DIR}/indeks.json"  # what the case list's filters and the comparison read


def size_path(key: str) -> str:
    return f"{SIZE_FOLDER}/{key}.md"


def numbered_page(path: str, number: int) -> str:
    """Page `number` of the list at `path`: eksempler/index.md -> eksempler/side/2.md, tema/arbeid.md ->
    tema/arbeid/side/2.md, sammenligning.md -> sammenligning/side/2.md; page 1 is the list itself."""
    if number == 1:
        return path
    folder = path[: -len("/index.md")] if path.endswith("/index.md") else path[: -len(".md")]
    return f"{folder}/{PAGE_FOLDER}/{number}.md"


# Scripts and styles only some pages use: named in those pages' front matter (`assets`) and loaded there
# alone (overrides/ikb/layout.html), so no other page carries their weight.
PAGE_ASSETS = {
    "case_list": ("assets/javascripts/filters.js", "assets/stylesheets/filters.css"),
    "comparison": ("assets/javascripts/compare.js", "assets/stylesheets/filters.css"),
    "template": ("assets/stylesheets/mal-forhandsvisning.css",),
}
PREVIEW_CSS = PAGE_ASSETS["template"][0]  # the templates' preview styles, copied in by the build


# The contribution form; it writes records for this folder of the repository.
CONTRIBUTION_FORM = "bidra/skjema.md"
CORRECTION_PARAMETER = "eksempel"  # bidra/skjema/?eksempel=<slug>: the form filled from that case, to correct it
# The cases the form offers as related, and checks a new title against: loaded by the form when open.
CONTRIBUTION_FORM_CASES = "bidra/skjema/eksempler.json"
# The municipalities the form offers, with their counties: loaded by the form when open.
CONTRIBUTION_FORM_MUNICIPALITIES = "bidra/skjema/kommuner.json"
CASES_FOLDER = "cases"


def folder_urls(repo_url: str | None, folder: str) -> tuple[str | None, str | None]:
    """(upload, new file): GitHub's pages for adding a file to a folder of the repository."""
    if not repo_url:
        return None, None
    base = repo_url.rstrip("/")
    return f"{base}/upload/main/{folder}", f"{base}/new/main/{folder}"
