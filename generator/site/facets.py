"""What the filters on the case list offer: theme, target group, county and municipality size.

The same terms serve three readers: the data-* attributes on each case (for filters.js), the
checkboxes of the filter form, and the plain lists of links shown without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.paths import FACET_FOLDERS, facet_path, size_path
from generator.records.catalog import Catalog
from generator.records.model import Case
from generator.text import sort_key
from generator.records.vocabulary import VOCABULARY
from generator.site.case_summary import municipality_names

UNKNOWN_SIZE = "ukjent"
# Bands as in SSB's KOSTRA grouping: small, medium and large municipalities by population.
SIZE_BANDS = (  # (key, label, lowest population in the band)
    ("under-5000", "Under 5\u00a0000 innbyggere", 0),
    ("5000-19999", "5\u00a0000–19\u00a0999 innbyggere", 5_000),
    ("20000-og-over", "20\u00a0000 innbyggere eller flere", 20_000),
)
SIZE_LABELS = {key: label for key, label, _lowest in SIZE_BANDS} | {
    UNKNOWN_SIZE: "Ukjent (kilden oppgir ikke innbyggertall)"
}


def size_band(population) -> str:
    """Band key for a population Figure, or «ukjent» when there is none."""
    if population is None or population.unit not in ("personer", "antall"):
        return UNKNOWN_SIZE
    return next(key for key, _label, lowest in reversed(SIZE_BANDS) if population.value >= lowest)


def target_groups(case: Case) -> list[str]:
    """The case's target groups and those of its practices: a practice «for» a group puts the case on
    that group's page, where the practice's link leads."""
    groups = list(case.target_groups) + [g for p in case.practices for g in p.target_groups]
    return list(dict.fromkeys(groups))


# Vocabulary kind -> the terms of a case of that kind. The same terms put a case on a theme, target-group
# or county page (generator.paths.FACET_FOLDERS), in the case list's filters and in the search filters.
TERMS_OF_KIND = {
    "themes": lambda case: list(case.themes),
    "target_groups": target_groups,
    "regions": lambda case: case.regions,
}
# How one term of each kind is named in a filter («Tema: Språkopplæring»).
LEGENDS = {"themes": "Tema", "target_groups": "Målgruppe", "regions": "Fylke"}
SIZE_PARAM = "storrelse"


def case_terms(case: Case) -> dict[str, list[str]]:
    """The filter terms of a case, keyed by the URL parameter name (the facet's folder: tema, malgruppe …)."""
    terms = {FACET_FOLDERS[kind][0]: getter(case) for kind, getter in TERMS_OF_KIND.items()}
    terms[SIZE_PARAM] = sorted({size_band(m.population) for m in case.municipalities}, key=list(SIZE_LABELS).index)
    return terms


@dataclass(frozen=True)
class FilterGroup:
    param: str  # URL parameter and checkbox name
    legend: str
    options: list[tuple[str, str, int]]  # (key, label, number of cases)
    facet_kind: str | None  # vocabulary kind with its own pages (tema/, malgruppe/, fylke/), or None


GROUPS = (  # (param, legend, vocabulary kind or None for sizes)
    *((FACET_FOLDERS[kind][0], LEGENDS[kind], kind) for kind in TERMS_OF_KIND),
    (SIZE_PARAM, "Kommunestørrelse", None),
)


def filter_groups(catalog: Catalog) -> list[FilterGroup]:
    """Each group with the terms at least one case has, in Norwegian order (sizes small to large)."""
    terms = [case_terms(case) for case in catalog.cases.values()]
    groups = []
    for param, legend, kind in GROUPS:
        counts: dict[str, int] = {}
        for item_terms in terms:
            for key in item_terms[param]:
                counts[key] = counts.get(key, 0) + 1
        if kind:
            labels = VOCABULARY[kind]
            ordered = sorted(counts, key=lambda key: sort_key(labels[key]))
        else:
            labels = SIZE_LABELS
            ordered = [key for key in SIZE_LABELS if key in counts]
        groups.append(FilterGroup(param, legend, [(key, labels[key], counts[key]) for key in ordered], kind))
    return groups


def term_page(group: FilterGroup, key: str) -> str:
    """The page listing the cases of one term of a filter group: tema/arbeid.md, storrelse/under-5000.md."""
    return facet_path(group.facet_kind, key) if group.facet_kind else size_path(key)


def case_line(case: Case) -> str:
    """The line under a case's title in the case list, as text: «Kommune · Fylke · Tema, Tema»."""
    parts = [municipality_names(case)]
    if case.regions:
        parts.append(", ".join(VOCABULARY["regions"][key] for key in case.regions))
    parts.append(", ".join(VOCABULARY["themes"][key] for key in case.themes))
    return " · ".join(parts)


def cases_by_size(catalog: Catalog) -> list[tuple[str, str, list[tuple[str, Case]]]]:
    """(band key, band label, cases in it) for every band with cases, for the list shown without JavaScript."""
    members: dict[str, list[tuple[str, Case]]] = {key: [] for key in SIZE_LABELS}
    for slug, case in catalog.sorted_cases():
        for key in {size_band(m.population) for m in case.municipalities}:
            members[key].append((slug, case))
    return [(key, label, members[key]) for key, label in SIZE_LABELS.items() if members[key]]
