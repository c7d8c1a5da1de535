"""What the site's search scripts know, written into the page as JSON (partials/ikb-search-definitions.html).

search.js and search-page.js hold no list of their own. The kinds of page (in the order results are
ranked), the filters, the table that folds æ, ø and å out of a query, the words a longer query leaves
out, and the addresses of the case list and the search page all come from here, so a group or a term
added in Python reaches the scripts with no edit to them.

A filter is named three ways: `param`, its name in the address, the same as on the case list
(eksempler/?tema=<key>, generator/site/facets.py), so one address filters both pages the same way;
`name`, what the index calls it and a reader sees (the fieldset's legend); and each term by its
vocabulary `key` in the address and its `label` in the index and on the page.

`parts` are the search index's bundles (generator/search/index_parts.py), as addresses from the site
root: the scripts load Pagefind from the first and merge the others into it.
"""

from __future__ import annotations

from generator import paths
from generator.records.catalog import Catalog
from generator.search.page_data import KIND_FILTER, KIND_PARAM, KINDS
from generator.search.pagefind_index import search_code
from generator.site.facets import filter_groups
from generator.text import ASCII_FOLDING

# Words on nearly every page narrow nothing down, and their index chunks are the largest there are (a
# word's chunk holds where it stands on every page). In a query with other words the search scripts
# leave them out; the scripts also match them typed without æ, ø and å.
COMMON_WORDS = (
    "og", "i", "på", "er", "det", "som", "en", "et", "ei", "til", "av", "for", "med", "at", "de", "den", "har",
    "å", "om", "ikke", "seg", "fra", "var", "kan", "vi", "men", "så", "eller", "etter", "ved", "hos", "også",
    "blir", "ble", "skal", "sin", "sine", "sitt",
)


def _group(param: str, name: str, options: list[tuple[str, str]]) -> dict:
    return {"param": param, "name": name, "options": [{"key": key, "label": label} for key, label in options]}


def kinds() -> dict:
    """The kind of page as a filter, its options in the order results are ranked."""
    return _group(KIND_PARAM, KIND_FILTER, [(kind.key, kind.label) for kind in KINDS.values()])


def case_filters(catalog: Catalog) -> list[dict]:
    """The case list's filter groups that the index knows (not size), with the terms some case has."""
    return [
        _group(group.param, group.legend, [(key, label) for key, label, _count in group.options])
        for group in filter_groups(catalog)
        if group.facet_kind
    ]


def for_scripts(catalog: Catalog, search_page: bool, parts: list[str]) -> dict:
    """The definitions a page carries; only the search page needs its filters' terms. `parts`: the
    index's bundles as addresses (index_parts.bundle_addresses)."""
    found = {
        "kinds": kinds(),
        "folding": dict(ASCII_FOLDING),
        "common": list(COMMON_WORDS),
        "pages": {
            "cases": paths.page_location(paths.CASES_INDEX),
            "search": paths.page_location(paths.SEARCH_PAGE),
        },
        "parts": list(parts),
    }
    if search_page:
        found["filters"] = case_filters(catalog)
    return found


def for_templates(catalog: Catalog, language: str, parts: list[str]) -> dict:
    """Both variants, made once per build; the partial picks the one for its page. The search page also
    asks for Pagefind's script and search code at once (preload), not only once its own script runs."""
    script, wasm = search_code(language)
    return {"page": for_scripts(catalog, False, parts), "search_page": for_scripts(catalog, True, parts),
            "preload_module": script, "preload_fetch": wasm}
