"""The search index in parts: the plan cuts the pages at PART_PAGES, and the real Pagefind writes one bundle
per part in which each page is found exactly once.

The sites here are folders of tiny pages, as many as the threshold asks for: Pagefind indexes them in
about a second. tests/browser/test_search_parts.py searches a real site whose index has two parts.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import pytest

from generator.search import index_parts, pagefind_index
from generator.search.index_parts import PART_PAGES

SIGNATURE = b"pagefind_dcd"  # Pagefind's files start with it, after gzip


def page_path(i: int) -> str:
    return f"sider/side-{i:05d}/index.html"


def tiny_site(folder: Path, count: int, with_plan: bool = True) -> list[str]:
    """count pages the way the site marks them for search (lang="nb", data-pagefind-body), a 404.html
    the plan does not name, and the plan made by index_parts.plan."""
    pages = [page_path(i) for i in range(count)]
    for i, path in enumerate(pages):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f'<!doctype html><html lang="nb"><head><title>Side {i}</title></head><body><article>'
                          f'<div data-pagefind-body><h1>Side {i}</h1><p>Ordet er ord{i}.</p>'
                          f'<p hidden data-pagefind-filter="Type">Side</p></div>'
                          f"</article></body></html>", encoding="utf-8")
    (folder / "404.html").write_text('<!doctype html><html lang="nb"><head><title>Fant ikke</title></head><body>'
                                     '<article><div data-pagefind-body><h1>Fant ikke siden</h1></div></article>'
                                     "</body></html>", encoding="utf-8")
    if with_plan:
        index_parts.write_plan(folder, index_parts.plan(pages))
    return pages


def indexed_pages(bundle: Path) -> list[str]:
    """The pages a bundle holds, as site-relative HTML paths, from its page fragments."""
    found = []
    for path in sorted((bundle / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path.name
        url = json.loads(data[len(SIGNATURE):])["url"].lstrip("/")
        found.append(url if url.endswith(".html") else url + "index.html")
    return sorted(found)


def bundles(site: Path) -> list[str]:
    return sorted(p.name for p in site.iterdir() if p.is_dir() and index_parts.part_of_bundle(p.name) is not None)


# --- the plan -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [PART_PAGES, index_parts.SERVE_PART_PAGES])  # a build's, and `make serve`'s
@pytest.mark.parametrize(("extra", "parts"), [(-1, 1), (0, 1), (1, 2)])
def test_the_plan_cuts_the_pages_at_part_pages(size, extra, parts):
    count = size + extra
    pages = [page_path(i) for i in reversed(range(count))]  # in any order: the plan sorts them
    plan = index_parts.plan(pages, size)
    assert len(plan) == parts
    assert all(0 < len(part) <= size for part in plan)
    # Every page in exactly one part, the parts consecutive in the pages' order.
    assert [page for part in plan for page in part] == sorted(pages)
    assert index_parts.plan(list(reversed(pages)), size) == plan


@pytest.mark.parametrize(("count", "parts"), [
    (index_parts.SPLIT_FROM - 1, 1), (index_parts.SPLIT_FROM, 2), (index_parts.SPLIT_FROM + 1, 2),
    # Parts of at most PART_PAGES / 2 pages: a third part from PART_PAGES + 1 pages, a fourth from 1.5 times it.
    (PART_PAGES - 1, 2), (PART_PAGES, 2), (PART_PAGES + 1, 3),
    (PART_PAGES * 3 // 2 - 1, 3), (PART_PAGES * 3 // 2, 3), (PART_PAGES * 3 // 2 + 1, 4),
])
def test_with_two_cores_a_site_from_split_from_pages_is_cut_in_parts_two_of_which_fit_in_one(count, parts):
    pages = [page_path(i) for i in reversed(range(count))]
    plan = index_parts.plan(pages, PART_PAGES, cores=2)
    assert len(plan) == parts
    # Every page in exactly one part, the parts consecutive in the pages' order and as even as the count allows.
    assert [page for part in plan for page in part] == sorted(pages)
    assert all(0 < len(part) <= PART_PAGES for part in plan)
    assert max(map(len, plan)) - min(map(len, plan)) <= 1
    if parts > 1:  # two parts at a time, and the pages indexed at once never more than one part's
        assert all(len(part) <= PART_PAGES // 2 for part in plan)
        assert index_parts.at_once(plan, cores=2) == 2
    assert index_parts.at_once(plan, cores=1) == 1
    # One core, or `make serve`'s small parts, are cut as before.
    assert index_parts.plan(pages, PART_PAGES, cores=1) == index_parts.plan(pages)


@pytest.mark.parametrize(("pages_at_once", "at_once"), [(PART_PAGES - 1, 2), (PART_PAGES, 2), (PART_PAGES + 1, 1)])
def test_parts_are_indexed_side_by_side_while_their_pages_fit_in_one_part(pages_at_once, at_once):
    first = pages_at_once // 2
    parts = [[page_path(i) for i in range(first)], [page_path(i) for i in range(first, pages_at_once)]]
    assert index_parts.at_once(parts, cores=2) == at_once
    assert index_parts.at_once(parts, cores=4) == at_once  # never more runs than parts
    # Four parts of a large site, on four cores: as many at once as fit.
    four = [[page_path(i)] * (PART_PAGES // 2) for i in range(4)]
    assert index_parts.at_once(four, cores=4) == 2


def test_a_site_without_pages_has_one_empty_part():
    assert index_parts.plan([]) == [[]]
    assert index_parts.bundle_addresses(index_parts.plan([])) == ["pagefind/"]


def test_the_first_part_keeps_the_folder_of_one_index_and_the_others_lie_beside_it():
    assert [index_parts.bundle_dir(k) for k in range(3)] == ["pagefind", "pagefind-2", "pagefind-3"]
    assert [index_parts.part_of_bundle(index_parts.bundle_dir(k)) for k in range(12)] == list(range(12))
    assert [index_parts.part_of_bundle(name) for name in ("pagefind-1", "pagefind-02", "pagefinder", "data")] == [None] * 4


def test_a_page_is_found_in_the_part_the_plan_gives_it():
    pages = [page_path(i) for i in range(5)]
    plan = index_parts.plan(pages, part_pages=2)
    assert [index_parts.part_of(plan, page) for page in pages] == [0, 0, 1, 1, 2]
    assert index_parts.part_of(plan, "404.html") is None


def test_the_plan_is_read_back_as_written_and_a_broken_one_is_refused_in_norwegian(tmp_path):
    plan = index_parts.plan([page_path(i) for i in range(5)], part_pages=2)
    index_parts.write_plan(tmp_path, plan)
    assert index_parts.read_plan(tmp_path) == plan
    for broken in ('{"parts": "alt"}', '{"parts": [["../utenfor.html"]]}', "{"):
        (tmp_path / index_parts.PLAN_FILE).write_text(broken, encoding="utf-8")
        with pytest.raises(pagefind_index.IndexFailed, match=f"plan {re.escape(index_parts.PLAN_FILE)}"):
            pagefind_index.index_site(tmp_path)
    index_parts.remove_plan(tmp_path)
    assert index_parts.read_plan(tmp_path) is None


# --- Pagefind, part by part -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_parts(tmp_path_factory) -> tuple[Path, list[str], pagefind_index.IndexSummary]:
    site = tmp_path_factory.mktemp("parts") / "site"
    pages = tiny_site(site, PART_PAGES + 1)
    (site / "pagefind-3").mkdir()  # a part an earlier plan had
    return site, pages, pagefind_index.index_site(site)


def test_one_page_over_part_pages_makes_two_bundles_each_page_in_exactly_one(two_parts):
    site, pages, summary = two_parts
    assert bundles(site) == ["pagefind", "pagefind-2"]
    first, second = indexed_pages(site / "pagefind"), indexed_pages(site / "pagefind-2")
    assert sorted(first + second) == sorted([*pages, "404.html"])
    assert not set(first) & set(second)
    # The plan's parts, and the page it does not name (404.html) with the first.
    plan = index_parts.read_plan(site)
    assert first == sorted([*plan[0], "404.html"]) and second == plan[1]
    assert (summary.pages, summary.parts) == (PART_PAGES + 2, 2)
    assert summary.peak_mb > 0


def test_a_merged_part_holds_only_what_a_merged_index_fetches(two_parts):
    site = two_parts[0]
    assert (site / "pagefind" / "pagefind.js").is_file() and list((site / "pagefind").glob("wasm.*.pagefind"))
    merged = sorted(p.name for p in (site / "pagefind-2").iterdir())
    assert "pagefind-entry.json" in merged and {"index", "filter", "fragment"} <= set(merged)
    assert not [name for name in merged if name.endswith(".js") or name.startswith("wasm.")]
    # The entry file names the metadata file the browser fetches next.
    entry = json.loads((site / "pagefind-2" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert all((site / "pagefind-2" / f"pagefind.{lang['hash']}.pf_meta").is_file() for lang in entry["languages"].values())


def test_indexing_leaves_no_work_folder_and_removes_parts_the_plan_no_longer_has(two_parts):
    site = two_parts[0]
    assert not (site / "pagefind-3").exists()
    assert not [p.name for p in site.iterdir() if p.name.startswith(".") and p.name != index_parts.PLAN_FILE]


def test_one_part_is_indexed_again_alone(two_parts):
    site, pages, _summary = two_parts
    before = {p: p.stat().st_ino for p in (site / "pagefind").rglob("*")}
    changed = index_parts.read_plan(site)[1][0]
    (site / changed).write_text((site / changed).read_text(encoding="utf-8").replace("Ordet er", "Nytt ord: ferskvare."),
                                encoding="utf-8")
    summary = pagefind_index.index_part(site, 1)
    assert summary.pages == 1
    assert {p: p.stat().st_ino for p in (site / "pagefind").rglob("*")} == before  # the first part untouched
    assert indexed_pages(site / "pagefind-2") == [changed]
    assert any(b"ferskvare" in gzip.decompress(p.read_bytes()) for p in (site / "pagefind-2" / "fragment").iterdir())
    with pytest.raises(pagefind_index.IndexFailed, match="ingen del 3"):
        pagefind_index.index_part(site, 2)


@pytest.fixture(scope="module")
def one_part(tmp_path_factory) -> tuple[Path, list[str], pagefind_index.IndexSummary]:
    site = tmp_path_factory.mktemp("one-part") / "site"
    pages = tiny_site(site, PART_PAGES)
    return site, pages, pagefind_index.index_site(site)


def test_part_pages_make_one_bundle(one_part):
    site, pages, summary = one_part
    assert bundles(site) == ["pagefind"] and not (site / "pagefind-2").exists()
    assert indexed_pages(site / "pagefind") == sorted([*pages, "404.html"])
    assert (summary.pages, summary.parts) == (PART_PAGES + 1, 1)


def test_in_two_parts_the_word_index_is_cut_finer(one_part, two_parts):
    # A first search fetches from every part the chunk holding its word: smaller chunks keep what the
    # parts fetch together near what one index would. One index keeps Pagefind's own chunk size.
    assert pagefind_index.chunk_size(1) == pagefind_index.INDEX_CHUNK == 20_000
    assert pagefind_index.chunk_size(2) == pagefind_index.INDEX_CHUNK // 4
    assert pagefind_index.chunk_size(4) == pagefind_index.INDEX_CHUNK // 8
    one = len(list((one_part[0] / "pagefind" / "index").iterdir()))
    first_of_two = len(list((two_parts[0] / "pagefind" / "index").iterdir()))  # the same pages
    assert first_of_two > one


def test_two_parts_indexed_side_by_side_hold_each_page_exactly_once(tmp_path):
    pages = tiny_site(tmp_path, index_parts.SPLIT_FROM, with_plan=False)
    index_parts.write_plan(tmp_path, index_parts.plan(pages, PART_PAGES, cores=2))
    summary = pagefind_index.index_site(tmp_path, cores=2)
    assert (summary.pages, summary.parts, summary.at_once) == (index_parts.SPLIT_FROM + 1, 2, 2)
    assert bundles(tmp_path) == ["pagefind", "pagefind-2"]
    first, second = indexed_pages(tmp_path / "pagefind"), indexed_pages(tmp_path / "pagefind-2")
    assert sorted(first + second) == sorted([*pages, "404.html"]) and not set(first) & set(second)
    assert abs(len(first) - 1 - len(second)) <= 1  # the same share each, and 404.html with the first
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".") and p.name != index_parts.PLAN_FILE]


def test_without_a_plan_the_whole_site_is_one_part(tmp_path):
    pages = tiny_site(tmp_path, 3, with_plan=False)
    pagefind_index.index_site(tmp_path)
    assert bundles(tmp_path) == ["pagefind"]
    assert indexed_pages(tmp_path / "pagefind") == sorted([*pages, "404.html"])


def test_a_page_the_plan_names_but_the_site_lacks_is_named_in_norwegian(tmp_path):
    pages = tiny_site(tmp_path, 3)
    os.remove(tmp_path / pages[1])
    with pytest.raises(pagefind_index.IndexFailed, match=f"Siden {pages[1]} står i søkeindeksens plan, men finnes ikke"):
        pagefind_index.index_site(tmp_path)


# --- where the page tree Pagefind reads is made ------------------------------------------------------------


def _trees_read(monkeypatch) -> list[Path]:
    """The page tree each Pagefind run is given, as the runs get it."""
    trees, run = [], pagefind_index._run_pagefind

    def spying(tree, output, chunk):
        trees.append(tree)
        assert sorted(p.relative_to(tree).as_posix() for p in tree.rglob("*.html")), "an empty tree"
        return run(tree, output, chunk)

    monkeypatch.setattr(pagefind_index, "_run_pagefind", spying)
    return trees


def test_the_page_tree_is_made_in_memory_and_removed_after_the_run(tmp_path, monkeypatch):
    memory = tmp_path / "memory"
    memory.mkdir()
    monkeypatch.setattr(pagefind_index, "MEMORY", memory)
    trees = _trees_read(monkeypatch)
    site = tmp_path / "site"
    pages = tiny_site(site, 3)
    pagefind_index.index_site(site)
    assert len(trees) == 1 and trees[0].parent == memory
    assert indexed_pages(site / "pagefind") == sorted([*pages, "404.html"])
    assert list(memory.iterdir()) == []
    assert not [p.name for p in site.iterdir() if p.name.startswith(".") and p.name != index_parts.PLAN_FILE]


@pytest.mark.parametrize("memory", ["missing", "refuses links"])
def test_without_memory_to_write_in_the_page_tree_is_hard_links_beside_the_site(tmp_path, monkeypatch, memory):
    folder = tmp_path / "memory"
    if memory == "refuses links":
        folder.mkdir()

        def refused(*_args, **_kwargs):
            raise PermissionError("links are not allowed here")

        monkeypatch.setattr(pagefind_index.os, "symlink", refused)
    monkeypatch.setattr(pagefind_index, "MEMORY", folder)
    trees = _trees_read(monkeypatch)
    site = tmp_path / "site"
    pages = tiny_site(site, 3)
    pagefind_index.index_site(site)
    assert len(trees) == 1 and trees[0].parent.parent == site
    assert indexed_pages(site / "pagefind") == sorted([*pages, "404.html"])
    assert not folder.exists() or list(folder.iterdir()) == []
    assert not [p.name for p in site.iterdir() if p.name.startswith(".") and p.name != index_parts.PLAN_FILE]
