"""The contribution form's page (/bidra/skjema/), made from the model's JSON Schema and the vocabulary.

The page holds every field of a case record (form_fields.py), and, as JSON, what its script needs:
the messages of `make validate` (form_messages.py), the slug rule, the cases and templates that can
be cited, and where to hand the file in. The script restates none of it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pydantic import TypeAdapter

from generator import kept
from generator.opendata import records
from generator.paths import (
    CASES_FOLDER, CONTRIBUTION_FORM, CORRECTION_PARAMETER, CONTRIBUTION_FORM_CASES, CONTRIBUTION_FORM_MUNICIPALITIES, folder_urls, page_location,
    record_urls,
)
from generator.records.catalog import Catalog
from generator.records.model.fields import Phone
from generator.records.model import places
from generator.records.model.schema import SCHEMAS
from generator.records.municipalities import municipality_choices, register
from generator.records.vocabulary import FORMER_REGIONS, VOCABULARY
from generator.site import form_fields, form_messages
from generator.site.finished_pages import FinishedPage, finish
from generator.site.rendering import LAYOUTS, render
from generator.text import SLUG_MAX, SLUG_PATTERN, slug_folding, slug_suggestion, sort_key

# The form's script, written in parts (overrides/assets/javascripts/contribution-form/) and served as one
# file: one request, and compressed as a whole it is a fifth smaller than the parts one by one.
SCRIPT = "assets/javascripts/contribution-form.js"
SCRIPT_PARTS = ("record", "places", "checks", "yaml", "main")

# GitHub refuses longer addresses; past this the new-file page gets the name only, the text goes by the clipboard.
MAX_URL = 8000
MUNICIPALITY_LIST = "ikb-kommuner"  # the id of the <datalist> the page fills from CONTRIBUTION_FORM_MUNICIPALITIES
SLUG_SLOT = "__SLUG__"


# Comments on lines of their own, and indentation: a sixth of the compressed script, and of use only in
# the sources. The script has no template literals, so no text spans lines.
_COMMENT_LINES = re.compile(r"^[ \t]*(?://[^\n]*|/\*.*?\*/[ \t]*)\n", re.MULTILINE | re.DOTALL)
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def script(parts_folder: Path) -> str:
    """The form's script: its parts in the order they need each other, without comment lines or indentation."""
    joined = "\n".join((parts_folder / f"{part}.js").read_text(encoding="utf-8") for part in SCRIPT_PARTS)
    return _INDENT.sub("", _COMMENT_LINES.sub("", joined))


def case_schema() -> dict:
    return SCHEMAS["case.schema.json"].model_json_schema()


def form(catalog: Catalog) -> form_fields.FormField:
    cited = {
        "templates": sorted(((slug, t.title) for slug, t in catalog.templates.items()), key=lambda i: sort_key(i[1])),
    }
    return form_fields.build(case_schema(), VOCABULARY, cited, {"phone": TypeAdapter(Phone).json_schema()})


def settings(catalog: Catalog, repo_url: str | None, editors_email: str | None) -> dict:
    upload, new_file = folder_urls(repo_url, CASES_FOLDER)
    edit = record_urls(repo_url, f"{CASES_FOLDER}/{SLUG_SLOT}.yaml")[1]
    schema = case_schema()
    here = page_location(CONTRIBUTION_FORM)
    depth = here.count("/")
    return {
        "messages": form_messages.messages(),
        "rules": form_messages.rules(),
        "slug": {"folding": slug_folding(), "pattern": SLUG_PATTERN, "max": SLUG_MAX, "slot": SLUG_SLOT,
                 "fallback": slug_suggestion("")},
        "cited": {"list": form_fields.CITED_LIST, "id": "id", "title": "title"},
        "order": list(schema["properties"]),
        # Dates are written without quotes, so the loader reads them as dates; every other text is quoted.
        "dates": [f.path for f in form(catalog).walk() if f.kind == "date"],
        "file_name_from": ["municipalities", "name"],
        "cases_url": "../" * depth + CONTRIBUTION_FORM_CASES,
        "municipalities_url": "../" * depth + CONTRIBUTION_FORM_MUNICIPALITIES,
        "municipality_list": MUNICIPALITY_LIST,
        "correction_parameter": CORRECTION_PARAMETER,
        "county_basis": county_basis(schema),
        # A former county a record may name, with today's counties its municipalities are in now.
        "former_regions": {key: list(now) for key, now in FORMER_REGIONS.items() if key in VOCABULARY["regions"]},
        "case_folder": CASES_FOLDER,
        "data_url": "../" * depth + records.case_json_path(SLUG_SLOT),
        # As the records in cases/ start: editors that read it offer the schema's help while typing.
        "schema_comment": f"# yaml-language-server: $schema=../{records.SCHEMA_DIR}/{records.CASE_SCHEMA}",
        "urls": {"upload": upload, "new": new_file, "edit": edit, "max": MAX_URL} if repo_url else None,
        "editors_email": editors_email or None,
        "draft_key": "ikb-skjema-utkast",
    }


def county_basis(schema: dict) -> str:
    """The region_basis that says a county was taken from the classification: the choice that is not the default."""
    basis = schema["$defs"]["Municipality"]["properties"]["region_basis"]
    return next(value for value in basis["enum"] if value != basis["default"])


def cases_json(catalog: Catalog) -> str:
    """The cases by title, with their files: what a new record may relate to, and titles it must not repeat."""
    cases = [{"slug": slug, "title": case.title, "file": catalog.case_files[slug]} for slug, case in catalog.sorted_cases()]
    return json.dumps(cases, ensure_ascii=False, separators=(",", ":")) + "\n"


def municipalities_json() -> str:
    """What the form offers and checks a municipality against: the classification's names (for the list of
    choices, as municipality_choices() gives them), and for every name it accepts (by look-alike key) its
    counties and, for a former one, the name with what it is part of today; names by slug form, for «mente du …?»."""
    known = {}
    for key in register().keys():
        found = register().find(key)
        counties = sorted({k.county for k in found})
        suffix = places.described(found[0], "")  # « (nå Hammerfest)» for a former one
        known[key] = [counties, suffix]
    data = {"names": list(municipality_choices()), "known": known, "folded": register().folded()}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def _script_json(data: dict) -> Markup:
    """JSON inside <script>: «</script>» and «<!--» in a case title cannot end or bend the block."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _fields_html(catalog: Catalog) -> Markup:
    env = Environment(loader=FileSystemLoader(LAYOUTS), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    fields = form(catalog)
    ids = {f.path: number for number, f in enumerate(fields.walk())}
    return Markup(env.get_template("contribution_form_fields.html.j2").render(form=fields, ids=ids,
                                                                              municipality_list=MUNICIPALITY_LIST))


def page(catalog: Catalog, repo_url: str | None = None, editors_email: str | None = None) -> FinishedPage:
    """The form's page; of the records it shows only the templates (the rest comes from the model)."""
    inputs = (tuple(catalog.templates.items()), repo_url, editors_email)
    return kept.made(CONTRIBUTION_FORM, inputs, lambda: _page(catalog, repo_url, editors_email))


def _page(catalog: Catalog, repo_url: str | None, editors_email: str | None) -> FinishedPage:
    upload, new_file = folder_urls(repo_url, CASES_FOLDER)
    return finish(render(
        "contribution_form.md.j2", CONTRIBUTION_FORM, fields=_fields_html(catalog), repo_url=repo_url,
        upload_url=upload, new_file_url=new_file, edit_url_template=record_urls(repo_url, f"{CASES_FOLDER}/")[1],
        case_folder=CASES_FOLDER, editors_email=editors_email, script=SCRIPT, municipality_list=MUNICIPALITY_LIST,
        settings=_script_json(settings(catalog, repo_url, editors_email)),
    ))
