"""Every link and resource on every built page leads somewhere: no broken internal link, no missing anchor.

Case pages are raw HTML blocks with final URLs, which MkDocs' strict mode does not check; this does.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def _target(site, page_path: str, url: str):
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # external links (none are loaded; tests/browser checks requests)
    if not parts.path:
        return page_path, parts.fragment
    base = posixpath.dirname(page_path)
    path = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    if url.split("#")[0].endswith("/") or (site / path).is_dir():
        path = posixpath.join(path, "index.html")
    return path, parts.fragment


def test_no_broken_internal_links_or_anchors(site):
    broken = []
    ids_cache: dict[str, set[str]] = {}

    def ids_of(path: str) -> set[str]:
        if path not in ids_cache:
            soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
            ids_cache[path] = {tag["id"] for tag in soup.find_all(id=True)}
        return ids_cache[path]

    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for html_file in pages:
        page_path = html_file.relative_to(site).as_posix()
        if page_path == "404.html":
            continue  # served at any depth, so it links from the site root
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag, attrs={attr: True}):
                url = element[attr]
                if url.startswith(("mailto:", "tel:", "javascript:", "data:")):
                    continue
                target = _target(site, page_path, url)
                if target is None:
                    continue
                path, fragment = target
                if not (site / path).is_file():
                    broken.append(f"{page_path}: {url}")
                elif fragment and path.endswith(".html") and fragment not in ids_of(path):
                    broken.append(f"{page_path}: {url} (no such anchor)")
    assert broken == []
