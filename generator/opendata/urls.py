"""Where a docs-relative page ends up on the published site (directory URLs, as MkDocs builds them)."""

from __future__ import annotations


def page_location(docs_path: str) -> str:
    """«eksempler/ralingen.md» -> «eksempler/ralingen/», «eksempler/index.md» -> «eksempler/»."""
    stem = docs_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def absolute(site_url: str, location: str) -> str:
    """The full address of a site location; empty when the site has no address."""
    if not site_url:
        return ""
    return site_url.rstrip("/") + "/" + location.lstrip("/")
