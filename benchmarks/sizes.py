"""What a built site costs on disk and on the wire: sizes raw and gzip-compressed, the largest pages."""

from __future__ import annotations

import gzip
from pathlib import Path

from figures import MB, SiteFigures

# One definition of a page's kind and of the largest page of each, shared with the generator's tests.
from generator.site.page_sizes import largest_pages
from generator.search.index_parts import part_of_bundle

ALREADY_COMPRESSED = {".pdf", ".docx", ".odt", ".gz", ".png", ".jpg", ".zip"}
# Pagefind's index chunks are gzip-compressed on disk and sent as they are.
PAGEFIND_COMPRESSED = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", ".pagefind")


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def served_size(path: Path) -> int:
    """The site's files as a web server such as GitHub Pages sends them: text gzip-compressed."""
    return sum(p.stat().st_size if p.suffix in ALREADY_COMPRESSED else gzip_size(p)
               for p in path.rglob("*") if p.is_file())


def wire_size(path: Path) -> int:
    return path.stat().st_size if path.name.endswith(PAGEFIND_COMPRESSED) else gzip_size(path)


def open_data_size(site: Path) -> int:
    """The downloads for reuse: data/, one vCard per contact, the Atom feed."""
    files = [p for p in (site / "data").rglob("*") if p.is_file()] + list(site.rglob("*.vcf"))
    files += [site / "feed.xml"] if (site / "feed.xml").exists() else []
    return sum(p.stat().st_size for p in files)


def search_files(site: Path) -> list[Path]:
    """What Material fetches for search on page load: the index, the worker and lunr's language files."""
    files = [site / "search" / "search_index.json"]
    files += sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    files += [lunr / "lunr.stemmer.support.min.js", lunr / "lunr.no.min.js"]
    return [f for f in files if f.exists()]


def index_bundles(site: Path) -> list[Path]:
    """The folders of the search index's parts in a built site (generator/search/index_parts.py)."""
    return sorted(p for p in site.iterdir() if p.is_dir() and part_of_bundle(p.name) is not None)


def measure_site(figures: SiteFigures, site: Path) -> None:
    figures.site_mb = tree_size(site) / MB
    figures.site_gzip_mb = served_size(site) / MB
    figures.open_data_mb = open_data_size(site) / MB
    figures.largest_pages = largest_pages(site)
    bundles = index_bundles(site)
    if bundles:  # every part of the index (pagefind/, pagefind-2/ ...)
        files = [p for bundle in bundles for p in bundle.rglob("*") if p.is_file()]
        figures.index_raw = sum(p.stat().st_size for p in files)
        figures.index_gzip = sum(wire_size(p) for p in files)
        return
    index = site / "search" / "search_index.json"
    figures.index_raw = index.stat().st_size
    figures.index_gzip = gzip_size(index)
    figures.first_search_gzip = sum(gzip_size(f) for f in search_files(site))
