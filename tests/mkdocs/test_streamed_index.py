"""The search index made while the site is written holds what Pagefind's command line makes from the
finished folder: every page the same (its fragment, named by its content), and every file whole."""

from __future__ import annotations

import shutil

from generator.search.pagefind_index import OUTPUT_DIR, index_site


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_index_made_during_the_build_has_the_pages_and_files_of_one_made_afterwards(site, tmp_path):
    streamed = _files(site / OUTPUT_DIR)
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(OUTPUT_DIR))
    index_site(copy)
    afterwards = _files(copy / OUTPUT_DIR)
    fragments = {path for path in afterwards if path.startswith("fragment/")}
    assert fragments and {path for path in streamed if path.startswith("fragment/")} == fragments
    whole = [path for path in afterwards if "/" not in path and not path.endswith((".pf_meta", ".json"))]
    assert "pagefind.js" in whole and any(path.startswith("wasm.") for path in whole)
    assert {path: streamed.get(path) for path in whole} == {path: afterwards[path] for path in whole}
