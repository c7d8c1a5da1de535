"""Downloadable templates: every ODT, DOCX and PDF is opened by a reader that did not write it and
checked for what a user sees (title, headings, fields, language); LibreOffice opens every office file;
a build gives the same bytes twice; bad templates are refused with file:line and never built."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from itertools import pairwise
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.records.problems import LoadError
from generator import documents
from generator.records.catalog import Catalog, load_catalog, load_record
from generator.records.model import Template

from tests.conftest import FIXTURES, ROOT

TEMPLATE_SLUGS = sorted(p.stem for p in (ROOT / "templates").glob("*.yaml"))
REQUIRED = {
    "iop-kvalifisering", "loggbok-praksis", "opplaeringsplan-barnehage", "opplaeringsplan-pleie",
    "opplaeringsplan-renhold", "opplaeringsplan-butikk", "opplaeringsplan-kjokken-kantine",
    "praksishandbok", "samarbeidsavtale-praksis", "fadderavtale", "praksisutplasseringsplan",
}
TRAINING_PLANS = sorted(s for s in TEMPLATE_SLUGS if s.startswith("opplaeringsplan-"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLE = FIXTURES / "templates" / "eksempelmal.yaml"


def squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


# A signature block's columns; each signer fills in all but the role.
SIGNATURE_HEADERS = ["Rolle", "Navn (blokkbokstaver)", "Sted og dato", "Signatur"]


def expected_controls(template: Template) -> dict[str, int]:
    """Counted from the template itself: fillable controls in all, and how many are checkboxes."""
    total = boxes = 0
    for section in template.sections:
        total += len(section.fields) + len(section.checklist) + len(section.signatures) * (len(SIGNATURE_HEADERS) - 1)
        boxes += sum(f.type == "checkbox" for f in section.fields) + len(section.checklist)
        if section.table:
            columns = section.table.columns
            fixed, empty = len(section.table.rows), section.table.empty_rows
            fill = columns[1:] if fixed else columns
            total += fixed * len(fill) + empty * len(columns)
            boxes += fixed * sum(c.type == "checkbox" for c in fill) + empty * sum(c.type == "checkbox" for c in columns)
    return {"total": total, "checkbox": boxes}


def field_labels(template: Template) -> list[str]:
    return [f.label for s in template.sections for f in s.fields] + [c for s in template.sections for c in s.checklist]


def table_headers(template: Template) -> list[list[str]]:
    """The column headers of every table in the document, signature blocks included, in order."""
    return [[c.label for c in s.table.columns] if s.table else SIGNATURE_HEADERS
            for s in template.sections if s.table or s.signatures]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    found = load_catalog(ROOT)
    assert [str(p) for p in found.problems if p.path.startswith("templates/")] == []
    return found


@pytest.fixture(scope="session")
def case_titles(catalog) -> dict[str, str]:
    return {slug: case.title for slug, case in catalog.cases.items()}


@pytest.fixture(scope="session")
def built(catalog, tmp_path_factory) -> dict[tuple[str, str], bytes]:
    return documents.build_documents(catalog, tmp_path_factory.mktemp("document-cache"))


# --- the templates themselves -------------------------------------------------------------------


def test_all_required_templates_exist_and_there_are_at_least_twelve(catalog):
    assert REQUIRED <= set(catalog.templates)
    assert len(catalog.templates) >= 12


@pytest.mark.parametrize("slug", TEMPLATE_SLUGS)
def test_template_file_points_editors_to_the_schema(slug):
    first = (ROOT / "templates" / f"{slug}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/template.schema.json"


def test_every_template_names_cases_that_exist(catalog):
    for slug, template in catalog.templates.items():
        assert set(template.cases) <= set(catalog.cases), slug


def test_the_five_training_plans_share_one_structure(catalog):
    assert len(TRAINING_PLANS) == 5
    shapes = set()
    for slug in TRAINING_PLANS:
        template = catalog.templates[slug]
        phases = [s.heading for s in template.sections if s.heading.startswith("Fase ")]
        assert [p[:6] for p in phases] == ["Fase 1", "Fase 2", "Fase 3"], slug
        shapes.add(tuple(
            (s.heading, tuple(c.label for c in s.table.columns) if s.table else (), len(s.fields), len(s.checklist),
             tuple(s.signatures))
            for s in template.sections
        ))
    assert len(shapes) == 1


# --- HTML preview -------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", TEMPLATE_SLUGS)
def test_preview_is_one_accessible_article(slug, catalog, case_titles):
    template = catalog.templates[slug]
    html = documents.render_html(slug, template, case_titles)
    soup = BeautifulSoup(html, "html.parser")
    top = [el for el in soup.contents if getattr(el, "name", None)]
    assert [el.name for el in top] == ["article"]
    assert not soup.find(["html", "body", "script", "style", "link", "img", "iframe"])
    assert not soup.select("[src], [href], [style], [onclick], [onload]")
    assert squash(soup.h1.get_text()) == template.title
    assert [squash(h.get_text()) for h in soup.find_all("h2")] == [s.heading for s in template.sections]
    ids = [el["id"] for el in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    controls = soup.find_all(["input", "textarea"])
    assert len(controls) == expected_controls(template)["total"]
    for control in controls:
        label = soup.find("label", attrs={"for": control["id"]})
        assert label is not None and squash(label.get_text()), control
    for table in soup.find_all("table"):
        named_by = table.get("aria-labelledby")
        assert table.caption or (named_by and soup.find(id=named_by)), table
        assert all(th.get("scope") in ("col", "row") for th in table.find_all("th"))
        assert table.thead and table.thead.find("th")
    for case in template.cases:
        assert case_titles[case] in squash(soup.get_text())


def test_preview_escapes_record_text():
    template = load_record(EXAMPLE, Template, root=FIXTURES)
    html = documents.render_html("eksempelmal", template, {"eksempelby": "Eksempelby <i>kommune</i>"})
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find(["script", "b", "em", "i"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert soup.h1.get_text() == template.title
    assert "Eksempelby <i>kommune</i>" in soup.get_text()


# --- DOCX, read by python-docx ------------------------------------------------------------------


@pytest.mark.parametrize("slug", TEMPLATE_SLUGS)
def test_docx_has_title_language_headings_and_content_controls(slug, catalog, built):
    import docx

    template = catalog.templates[slug]
    document = docx.Document(io.BytesIO(built[(slug, "docx")]))
    assert document.core_properties.title == template.title
    assert document.core_properties.language == "nb-NO"
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", template.title)] + [("Heading 2", s.heading) for s in template.sections]
    controls = list(document.element.body.iter(f"{W}sdt"))
    expected = expected_controls(template)
    assert len(controls) == expected["total"]
    aliases = [c.find(f"{W}sdtPr/{W}alias").get(f"{W}val") for c in controls]
    assert set(field_labels(template)) <= set(aliases)
    tags = [c.find(f"{W}sdtPr/{W}tag").get(f"{W}val") for c in controls]
    assert len(set(tags)) == len(tags)
    checkboxes = [c for c in controls if c.find(f"{W}sdtPr/{{http://schemas.microsoft.com/office/word/2010/wordml}}checkbox") is not None]
    assert len(checkboxes) == expected["checkbox"]
    for table in document.tables:
        assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
    assert len(document.tables) == len(table_headers(template))
    languages = {el.get(f"{W}val") for el in document.styles.element.iter(f"{W}lang")}
    assert languages == {"nb-NO"}


# --- ODT, read by odfpy -------------------------------------------------------------------------


@pytest.mark.parametrize("slug", TEMPLATE_SLUGS)
def test_odt_has_title_language_headings_tables_and_form_controls(slug, catalog, built):
    from odf import dc, draw, form, table, text
    from odf.opendocument import load
    from odf.teletype import extractText

    template = catalog.templates[slug]
    odt = load(io.BytesIO(built[(slug, "odt")]))
    assert extractText(odt.meta.getElementsByType(dc.Title)[0]) == template.title
    assert extractText(odt.meta.getElementsByType(dc.Language)[0]) == "nb-NO"
    headings = [(h.getAttribute("outlinelevel"), extractText(h)) for h in odt.text.getElementsByType(text.H)]
    assert headings == [("1", template.title)] + [("2", s.heading) for s in template.sections]
    kinds = (form.Text, form.Textarea, form.Date, form.FormattedText, form.Checkbox)
    controls = [c for kind in kinds for c in odt.text.getElementsByType(kind)]
    expected = expected_controls(template)
    assert len(controls) == expected["total"]
    assert len(odt.text.getElementsByType(form.Checkbox)) == expected["checkbox"]
    assert set(field_labels(template)) <= {c.getAttribute("title") for c in controls}
    ids = {c.getAttribute("id") for c in controls}
    anchors = [a.getAttribute("control") for a in odt.text.getElementsByType(draw.Control)]
    assert sorted(anchors) == sorted(ids)
    tables = odt.text.getElementsByType(table.Table)
    assert len(tables) == len(table_headers(template))
    assert all(t.getElementsByType(table.TableHeaderRows) for t in tables)


# --- PDF, read by pypdf -------------------------------------------------------------------------


@pytest.mark.parametrize("slug", TEMPLATE_SLUGS)
def test_pdf_is_tagged_norwegian_has_headings_embedded_fonts_and_named_fields(slug, catalog, built):
    from pypdf import PdfReader

    template = catalog.templates[slug]
    reader = PdfReader(io.BytesIO(built[(slug, "pdf")]))
    catalog_dict = reader.trailer["/Root"]
    assert str(catalog_dict["/Lang"]).startswith("nb")
    assert bool(catalog_dict["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog_dict
    assert reader.metadata.title == template.title
    text = squash(" ".join(page.extract_text() for page in reader.pages))
    for heading in [template.title] + [s.heading for s in template.sections]:
        assert squash(heading) in text, heading
    fields = reader.get_fields()
    expected = expected_controls(template)
    assert len(fields) == expected["total"]
    assert sum(f.get("/FT") == "/Btn" for f in fields.values()) == expected["checkbox"]
    assert all(re.fullmatch(r"[a-z0-9-]+", name) for name in fields)
    described = {str(f.get("/TU")) for f in fields.values()}
    assert set(field_labels(template)) <= described
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]).get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]


# --- LibreOffice opens every office file ----------------------------------------------------------


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) er ikke installert; apt-get install libreoffice-writer-nogui")
@pytest.mark.parametrize("fmt", ["odt", "docx"])
def test_libreoffice_converts_every_office_file(fmt, catalog, built, tmp_path):
    from pypdf import PdfReader

    sources = tmp_path / "in"
    sources.mkdir()
    for slug in TEMPLATE_SLUGS:
        (sources / f"{slug}.{fmt}").write_bytes(built[(slug, fmt)])
    out = tmp_path / "out"
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out), *sorted(str(p) for p in sources.iterdir())],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for slug in TEMPLATE_SLUGS:
        template = catalog.templates[slug]
        reader = PdfReader(out / f"{slug}.pdf")
        text = squash(" ".join(page.extract_text() for page in reader.pages))
        for heading in [template.title] + [s.heading for s in template.sections]:
            assert squash(heading) in text, (slug, heading)
        if fmt == "odt":  # LibreOffice turns the ODT's form controls into PDF form fields
            assert len(reader.get_fields() or {}) == expected_controls(template)["total"], slug


# --- deterministic and cached -------------------------------------------------------------------


def test_a_second_build_in_a_fresh_process_gives_identical_bytes(built, tmp_path):
    script = (
        "import hashlib, json, sys\n"
        "from pathlib import Path\n"
        "from generator.records.catalog import load_catalog\n"
        "from generator.documents import build_documents\n"
        "out = build_documents(load_catalog(), Path(sys.argv[1]))\n"
        "print(json.dumps({f'{s}.{f}': hashlib.sha256(b).hexdigest() for (s, f), b in out.items()}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONHASHSEED"] = "12345"
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "cache")], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stderr
    again = json.loads(result.stdout)
    first = {f"{s}.{f}": hashlib.sha256(b).hexdigest() for (s, f), b in built.items()}
    assert again == first
    assert len(first) == len(TEMPLATE_SLUGS) * len(documents.FORMATS)


def test_dates_come_from_the_template_or_source_date_epoch(monkeypatch):
    from docx import Document
    from pypdf import PdfReader

    template = load_record(EXAMPLE, Template, root=FIXTURES)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = documents.render_document("eksempelmal", template, "docx", {})
    assert Document(io.BytesIO(data)).core_properties.created == dt.datetime(2024, 3, 15, tzinfo=dt.UTC)
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {(2024, 3, 15, 0, 0, 0)}

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    odt = zipfile.ZipFile(io.BytesIO(documents.render_document("eksempelmal", template, "odt", {})))
    assert odt.infolist()[0].filename == "mimetype"
    assert odt.infolist()[0].compress_type == zipfile.ZIP_STORED
    assert {i.date_time for i in odt.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    assert "<meta:creation-date>2023-11-14T22:13:20</meta:creation-date>" in odt.read("meta.xml").decode()
    pdf = PdfReader(io.BytesIO(documents.render_document("eksempelmal", template, "pdf", {})))
    assert pdf.metadata["/CreationDate"].startswith("D:20231114221320")


def test_cache_renders_only_what_changed(tmp_path, monkeypatch):
    template = load_record(EXAMPLE, Template, root=FIXTURES)
    other = template.model_copy(update={"title": "En annen mal"})
    catalog = Catalog(templates={"eksempelmal": template, "annen-mal": other})
    first = documents.build_documents(catalog, tmp_path)

    rendered = []
    real = documents.render_document

    def counting(slug, *args, **kwargs):
        rendered.append(slug)
        return real(slug, *args, **kwargs)

    monkeypatch.setattr(documents, "render_document", counting)
    assert documents.build_documents(catalog, tmp_path) == first
    assert rendered == []
    catalog.templates["annen-mal"] = other.model_copy(update={"title": "En endret mal"})
    second = documents.build_documents(catalog, tmp_path)
    assert sorted(rendered) == ["annen-mal"] * 3
    assert second[("eksempelmal", "pdf")] == first[("eksempelmal", "pdf")]
    assert second[("annen-mal", "pdf")] != first[("annen-mal", "pdf")]
    assert len(list(tmp_path.glob("annen-mal--*"))) == 3  # the outdated files are gone


def test_unknown_format_is_refused():
    template = load_record(EXAMPLE, Template, root=FIXTURES)
    with pytest.raises(ValueError, match="ukjent format"):
        documents.render_document("eksempelmal", template, "rtf", {})


# --- bad templates ------------------------------------------------------------------------------


def _catalog_with(tmp_path: Path, *names: str) -> Catalog:
    (tmp_path / "cases").mkdir()
    (tmp_path / "templates").mkdir()
    shutil.copy(FIXTURES / "cases" / "eksempelby.yaml", tmp_path / "cases")
    for name in names:
        source = EXAMPLE if name == "eksempelmal.yaml" else FIXTURES / "templates" / "bad" / name
        shutil.copy(source, tmp_path / "templates" / name)
    return load_catalog(tmp_path)


def _line_of(name: str, needle: str) -> int:
    lines = (FIXTURES / "templates" / "bad" / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


@pytest.mark.parametrize(
    "name, needle, message",
    [
        ("unsupported-field-type.yaml", "type: radio", "«type» må være en av: 'text', 'textarea', 'date', 'checkbox', 'number' eller 'signature'"),
        ("unsupported-column-type.yaml", "type: dropdown", "«type» må være en av: 'text', 'date', 'checkbox', 'number' eller 'signature'"),
        ("empty-section.yaml", "- heading: Tom seksjon", "seksjonen «Tom seksjon» er tom"),
        ("table-without-rows.yaml", "columns:", "tabellen har ingen rader"),
        ("missing-sections.yaml", "title:", "mangler feltet «sections»"),
    ],
)
def test_bad_template_is_refused_with_file_line_and_never_built(tmp_path, name, needle, message):
    catalog = _catalog_with(tmp_path, name, "eksempelmal.yaml")
    problems = [str(p) for p in catalog.problems]
    line = _line_of(name, needle)
    assert any(p.startswith(f"templates/{name}:{line}:") and message in p for p in problems), problems
    assert name.removesuffix(".yaml") not in catalog.templates
    with pytest.raises(LoadError) as refused:
        documents.build_documents(catalog, tmp_path / "cache")
    assert refused.value.problems == catalog.problems
    assert not (tmp_path / "cache").exists()


def test_template_with_unknown_case_is_refused(tmp_path):
    catalog = _catalog_with(tmp_path, "unknown-case.yaml")
    problems = [str(p) for p in catalog.problems]
    line = _line_of("unknown-case.yaml", "- finnes-ikke")
    assert any(
        p.startswith(f"templates/unknown-case.yaml:{line}:") and "ukjent case «finnes-ikke»" in p for p in problems
    ), problems
    with pytest.raises(LoadError) as refused:
        documents.build_documents(catalog, tmp_path / "cache")
    assert refused.value.problems == catalog.problems
    assert not (tmp_path / "cache").exists()


def test_preview_headings_can_start_below_the_page_heading(catalog, case_titles):
    template = catalog.templates["loggbok-praksis"]
    soup = BeautifulSoup(documents.render_html("loggbok-praksis", template, case_titles, first_heading=3), "html.parser")
    assert not soup.find(["h1", "h2"])
    assert squash(soup.h3.get_text()) == template.title
    assert [squash(h.get_text()) for h in soup.find_all("h4")] == [s.heading for s in template.sections]


def test_preview_without_header_keeps_only_the_sections(catalog, case_titles):
    template = catalog.templates["fadderavtale"]
    html = documents.render_html("fadderavtale", template, case_titles, header=False, first_heading=3)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.article["aria-label"] == template.title
    assert not soup.find(["h1", "h2", "h4", "header"])
    assert [squash(h.get_text()) for h in soup.find_all("h3")] == [s.heading for s in template.sections]
    assert template.based_on not in squash(soup.get_text())


# --- what a user sees on paper --------------------------------------------------------------------


ISSUED_BY = ["iop-kvalifisering", "loggbok-praksis", "fadderavtale", *TRAINING_PLANS]


@pytest.mark.parametrize("slug", ISSUED_BY)
def test_plans_logbook_and_agreement_name_the_municipality_or_unit(slug, catalog):
    assert "Kommune / enhet" in field_labels(catalog.templates[slug])


def _docx_texts(data: bytes) -> list[str]:
    import docx

    return [squash(p.text) for p in docx.Document(io.BytesIO(data)).paragraphs]


def _odt_texts(data: bytes) -> list[str]:
    from odf.opendocument import load
    from odf.teletype import extractText

    body = load(io.BytesIO(data)).text
    return [squash(extractText(el)) for el in body.childNodes if el.qname[1] in ("p", "h")]


@pytest.mark.parametrize("slug", ["iop-kvalifisering", "samarbeidsavtale-praksis"])
def test_origin_and_case_are_a_small_note_at_the_end_not_on_top_of_the_form(slug, catalog, built):
    from pypdf import PdfReader

    template = catalog.templates[slug]
    origin = squash(template.based_on)[:60]
    pages = [squash(page.extract_text()) for page in PdfReader(io.BytesIO(built[(slug, "pdf")])).pages]
    assert "Case:" not in pages[0] and "Bygger på" not in pages[0] and origin not in pages[0]
    assert "Om malen" in pages[-1] and "Bygger på:" in pages[-1] and "Case:" in pages[-1]
    for texts in (_docx_texts(built[(slug, "docx")]), _odt_texts(built[(slug, "odt")])):
        last_heading = texts.index(template.sections[-1].heading)
        note = texts.index("Om malen")
        assert note > last_heading
        assert not any(origin in t or t.startswith("Case:") for t in texts[:note]), slug
        assert texts[note + 1].startswith("Bygger på:") and origin in texts[note + 1]
        assert texts[note + 2].startswith("Case:")


def _widgets(data: bytes):
    """(page number, widget dictionary, width mm, height mm) for every form field widget."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
            yield number, widget, abs(x2 - x1) * 25.4 / 72, abs(y2 - y1) * 25.4 / 72


@pytest.mark.parametrize("slug, log_fields", [
    ("iop-kvalifisering", ("s5-r1-tiltak", "s5-r3-ansvarlig", "s9-r1-hva-er-gjort-siden-sist")),
    ("oppfolging-arbeidsgiver", ("s3-r1-hva-ble-tatt-opp", "s3-r12-avtalt-videre")),
])
def test_pdf_table_cells_fit_three_lines_and_log_rows_are_taller(slug, log_fields, built):
    cells = {str(w["/T"]): (w, height) for _, w, _, height in _widgets(built[(slug, "pdf")])
             if w.get("/FT") == "/Tx" and int(w.get("/Ff", 0)) & 4096 and re.search(r"-r\d+-", str(w["/T"]))}
    assert cells and set(log_fields) <= set(cells)
    for name, (widget, height) in cells.items():
        # Automatic font size: a long note shrinks to fit instead of being cut off after two lines.
        assert str(widget["/DA"]).endswith(" 0 Tf"), name
        # Three lines of 9 pt text (with leading) need about 11.5 mm.
        assert height >= 11.5, (name, height)
    for name in log_fields:
        assert cells[name][1] >= 16.5, (name, cells[name][1])


def test_pdf_checkboxes_are_a_4_mm_target_and_a_ticked_box_shows_a_tick(built, tmp_path):
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    data = built[("iop-kvalifisering", "pdf")]
    boxes = [(n, w, width, height) for n, w, width, height in _widgets(data) if w.get("/FT") == "/Btn"]
    assert boxes
    for _, widget, width, height in boxes:
        assert "Tf" in str(widget["/DA"]), widget["/T"]  # Poppler rebuilds the look from /DA
        assert str(widget["/MK"]["/CA"])
        assert {"/on", "/Off"} <= set(widget["/AP"]["/N"])
        assert width >= 3.8 and height >= 3.8, (widget["/T"], width, height)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) er ikke installert")
    number, first, _, _ = boxes[0]

    def ink(ticked: bool) -> int:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        for annotation in writer.pages[number]["/Annots"]:
            widget = annotation.get_object()
            if widget["/T"] == first["/T"] and ticked:
                widget[NameObject("/V")] = widget[NameObject("/AS")] = NameObject("/on")
        path = tmp_path / f"ticked-{ticked}.pdf"
        writer.write(path)
        x1, y1, x2, y2 = (float(v) for v in first["/Rect"])
        height = float(writer.pages[number].mediabox.height)
        scale = 300 / 72  # 300 dpi; crop the inner half of the box, away from its drawn border
        crop = [round(min(x1, x2) * scale + (abs(x2 - x1) * scale) / 4), round((height - max(y1, y2)) * scale + (abs(y2 - y1) * scale) / 4),
                round(abs(x2 - x1) * scale / 2), round(abs(y2 - y1) * scale / 2)]
        out = tmp_path / f"ticked-{ticked}"
        subprocess.run([pdftoppm, "-r", "300", "-gray", "-f", str(number + 1), "-l", str(number + 1), "-singlefile",
                        "-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]), "-H", str(crop[3]),
                        "-png", str(path), str(out)], check=True, capture_output=True, timeout=60)
        from PIL import Image

        return sum(Image.open(f"{out}.png").convert("L").histogram()[:128])

    assert ink(False) == 0
    assert ink(True) > 20


@pytest.mark.parametrize("slug", ["iop-kvalifisering", "opplaeringsplan-barnehage"])
def test_blank_docx_prints_nothing_in_signature_boxes_and_only_a_faint_hint_elsewhere(slug, catalog, built):
    import docx

    from generator.documents.layout import build_layout

    layout = build_layout(slug, catalog.templates[slug], {})
    signatures = {c.name for c in layout.controls if c.type == "signature"}
    assert signatures
    body = docx.Document(io.BytesIO(built[(slug, "docx")])).element.body
    for control in body.iter(f"{W}sdt"):
        alias = control.find(f"{W}sdtPr/{W}tag").get(f"{W}val")
        content = control.find(f"{W}sdtContent")
        shown = squash("".join(t.text or "" for t in content.iter(f"{W}t")))
        if alias in signatures:
            assert shown == "", alias
        for run in content.iter(f"{W}r"):
            color = run.find(f"{W}rPr/{W}color")
            if color is not None and shown in ("Skriv her", "Velg dato"):
                assert color.get(f"{W}val") == "BFBFBF", alias


HELPED = [slug for slug in TEMPLATE_SLUGS if slug in ("iop-kvalifisering", "helsekurs-plan", "ansvarskart-integrering")]


@pytest.mark.parametrize("slug", HELPED)
def test_help_and_privacy_notes_come_before_the_box_they_explain(slug, catalog, case_titles, built):
    import docx
    from odf import draw, form
    from odf.opendocument import load
    from odf.teletype import extractText

    template = catalog.templates[slug]
    helped = [f for s in template.sections for f in s.fields if f.help]
    assert helped
    paragraphs = docx.Document(io.BytesIO(built[(slug, "docx")])).paragraphs
    texts = [squash(p.text) for p in paragraphs]
    boxes = {p._p.find(f".//{W}sdtPr/{W}alias").get(f"{W}val"): i for i, p in enumerate(paragraphs)
             if p._p.find(f".//{W}sdtPr/{W}alias") is not None}
    odt = load(io.BytesIO(built[(slug, "odt")]))
    titles = {c.getAttribute("id"): c.getAttribute("title") for c in odt.text.getElementsByType(form.Textarea)}
    titles |= {c.getAttribute("id"): c.getAttribute("title") for c in odt.text.getElementsByType(form.Text)}
    odt_paragraphs = [el for el in odt.text.childNodes if el.qname[1] in ("p", "h")]
    odt_boxes = {titles.get(a.getAttribute("control")): i for i, p in enumerate(odt_paragraphs)
                 for a in p.getElementsByType(draw.Control)}
    odt_texts = [squash(extractText(p)) for p in odt_paragraphs]
    html = documents.render_html(slug, template, case_titles)
    soup = BeautifulSoup(html, "html.parser")
    for field in helped:
        assert texts.index(field.label) < texts.index(squash(field.help)) < boxes[field.label], field.label
        assert odt_texts.index(field.label) < odt_texts.index(squash(field.help)) < odt_boxes[field.label]
        label = soup.find("label", string=field.label)
        control = soup.find(id=label["for"])
        note = soup.find(id=control["aria-describedby"])
        order = [el for el in soup.find_all(True) if el in (label, note, control)]
        assert order == [label, note, control], field.label


def test_logbook_says_to_copy_the_weekly_pages_and_keeps_them_together_at_the_end(catalog, built):
    from pypdf import PdfReader

    template = catalog.templates["loggbok-praksis"]
    headings = [s.heading for s in template.sections]
    assert headings[-3:] == ["Ukelogg", "Hvordan gikk uken?", "Samtale med fadderen"]
    pages = [squash(p.extract_text()) for p in PdfReader(io.BytesIO(built[("loggbok-praksis", "pdf")])).pages]
    weekly = next(i for i, text in enumerate(pages) if "Ukelogg" in text)
    assert "Skriv ut eller kopier disse sidene én gang for hver uke" in pages[weekly]
    assert all("Oversikt over ukene" not in text for text in pages[weekly:])
    for fmt, texts in (("docx", _docx_texts(built[("loggbok-praksis", "docx")])),
                       ("odt", _odt_texts(built[("loggbok-praksis", "odt")]))):
        assert any("Skriv ut eller kopier disse sidene" in t for t in texts), fmt


@pytest.mark.parametrize("slug", ["iop-kvalifisering", "samarbeidsavtale-praksis", *TRAINING_PLANS])
def test_signature_block_says_what_is_being_signed(slug, catalog, built):
    from pypdf import PdfReader

    section = next(s for s in catalog.templates[slug].sections if s.signatures)
    assert section.intro and section.intro.startswith("Med signaturene bekrefter")
    text = squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(built[(slug, "pdf")])).pages))
    assert squash(section.intro) in text


def _docx_tables(data: bytes) -> list[list[list[str]]]:
    import docx

    return [[[squash(c.text) for c in row.cells] for row in t.rows] for t in docx.Document(io.BytesIO(data)).tables]


def test_workplace_handbook_holds_no_one_participants_details_and_points_to_where_they_go(catalog, built):
    from pypdf import PdfReader

    tables = _docx_tables(built[("praksishandbok", "docx")])
    roles = next(t for t in tables if t[0][0] == "Rolle")
    assert "Deltaker" not in [row[0] for row in roles[1:]]
    assert roles[1][0] == "Fadder"
    # No log of talks with one participant: a handbook is per workplace, kept up to date.
    assert not any("Dato" in t[0] for t in tables)
    text = squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(built[("praksishandbok", "pdf")])).pages))
    assert "Oppfølgingssamtaler" not in text
    assert "fadderavtalen (Samtaler med deltakeren)" in text and "oppfølgingslogg" in text


def test_health_course_has_an_attendance_column_for_every_topic_row(catalog, built):
    import docx

    tables = _docx_tables(built[("helsekurs-plan", "docx")])
    topics = next(t for t in tables if t[0][0] == "Tema")
    attendance = next(t for t in tables if t[0][0] == "Deltaker")
    sessions = [h for h in attendance[0] if h.startswith("Samling")]
    assert len(sessions) == len(topics) - 1 == 7
    grid = next(t for t in docx.Document(io.BytesIO(built[("helsekurs-plan", "docx")])).tables if t.cell(0, 0).text == "Deltaker")
    widths = [c.width.mm for c in grid.columns]
    assert widths[0] >= 25, widths  # room to write initials or a number


OBLIGATIONS = ["Arbeidsplassens plikter", "Fadderens oppgaver", "Flyktningtjenestens plikter", "Informasjon til deltakeren"]


def test_agreement_lists_obligations_without_boxes_and_binds_only_its_parties(catalog, case_titles, built):
    import docx
    from odf import text
    from odf.opendocument import load
    from odf.teletype import extractText
    from pypdf import PdfReader

    slug = "samarbeidsavtale-praksis"
    template = catalog.templates[slug]
    headings = [s.heading for s in template.sections]
    assert "Deltakerens plikter" not in headings and set(OBLIGATIONS) <= set(headings)
    duties = [item for s in template.sections if s.heading in OBLIGATIONS for item in s.bullets]
    assert len(duties) >= 20
    # An empty box next to a duty would read as «does not apply»: no box anywhere in the agreement.
    reader = PdfReader(io.BytesIO(built[(slug, "pdf")]))
    assert not any(f.get("/FT") == "/Btn" for f in reader.get_fields().values())
    pdf_text = squash(" ".join(p.extract_text() for p in reader.pages))
    assert "Deltakeren er ikke part i avtalen" in pdf_text
    assert "Flyktningtjenesten sørger for at hver deltaker" in pdf_text
    for duty in duties:
        assert squash(duty) in pdf_text, duty
    soup = BeautifulSoup(documents.render_html(slug, template, case_titles), "html.parser")
    assert not soup.find("input", type="checkbox")
    assert [squash(li.get_text()) for ul in soup.select("ul.mal-punkter") for li in ul.find_all("li")] == duties
    paragraphs = docx.Document(io.BytesIO(built[(slug, "docx")])).paragraphs
    assert [squash(p.text) for p in paragraphs if p.style.name == "List Bullet"] == duties
    assert "\u2610" not in " ".join(p.text for p in paragraphs)
    odt = load(io.BytesIO(built[(slug, "odt")]))
    items = [squash(extractText(i)) for i in odt.text.getElementsByType(text.ListItem)]
    assert items == duties


def test_formats_agree_on_footer_title_black_headings_and_date_format(catalog, built):
    import docx
    from odf import form, style
    from odf.opendocument import load
    from odf.teletype import extractText
    from pypdf import PdfReader

    slug = "samarbeidsavtale-praksis"
    template = catalog.templates[slug]
    # A loose printed page says which form it belongs to, in every format.
    document = docx.Document(io.BytesIO(built[(slug, "docx")]))
    footer = squash(document.sections[0].footer.paragraphs[0].text)
    assert footer.startswith(template.title) and "Side" in footer
    odt = load(io.BytesIO(built[(slug, "odt")]))
    odt_footer = squash(extractText(odt.masterstyles.getElementsByType(style.Footer)[0]))
    assert odt_footer.startswith(template.title) and "Side" in odt_footer
    # Headings in black, as in the PDF and the ODT: no theme colour that Word draws blue.
    for name in ("Heading 1", "Heading 2"):
        color = document.styles[name].element.find(f"{W}rPr/{W}color")
        assert color.get(f"{W}val") == "000000" and color.get(f"{W}themeColor") is None, name
    # The PDF says how to write a date beside each date field; the ODT fixes the format.
    dates = [f.label for s in template.sections for f in s.fields if f.type == "date"]
    assert len(dates) == 3
    text = squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(built[(slug, "pdf")])).pages))
    for label in dates:
        assert f"{label} dd.mm.åååå" in text, label
    odt_dates = odt.text.getElementsByType(form.Date)
    assert len(odt_dates) == len(dates)
    for control in odt_dates:
        formats = {p.getAttribute("propertyname"): p.getAttribute("value") for p in control.getElementsByType(form.Property)}
        assert formats.get("DateFormat") == "7", control.getAttribute("title")


def test_pdf_date_columns_say_the_format_under_the_header(built):
    from pypdf import PdfReader

    text = squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(built[("fadderavtale", "pdf")])).pages))
    assert "Dato dd.mm.åååå" in text


def _office_column_widths_mm(built, slug: str) -> dict[str, list[list[float]]]:
    """Each table's column widths in mm as the DOCX and the ODT declare them."""
    import docx
    from odf import style, table
    from odf.opendocument import load

    docx_widths = [[c.width.mm for c in t.columns] for t in docx.Document(io.BytesIO(built[(slug, "docx")])).tables]
    odt = load(io.BytesIO(built[(slug, "odt")]))
    columns = {}
    for item in odt.automaticstyles.getElementsByType(style.Style):
        props = item.getElementsByType(style.TableColumnProperties)
        if props:
            columns[item.getAttribute("name")] = float(props[0].getAttribute("columnwidth").removesuffix("cm")) * 10
    odt_widths = [[columns[c.getAttribute("stylename")] for c in t.getElementsByType(table.TableColumn)]
                  for t in odt.text.getElementsByType(table.Table)]
    return {"docx": docx_widths, "odt": odt_widths}


@pytest.mark.parametrize("slug", TEMPLATE_SLUGS)
def test_no_header_word_is_broken_in_a_narrow_column(slug, catalog, built):
    from pypdf import PdfReader

    from generator.documents.text_width import longest_word_mm

    tables = table_headers(catalog.templates[slug])
    if not tables:
        pytest.skip("malen har ingen tabeller")
    # The PDF neither hyphenates nor breaks a header word («Selvsten-dig», «Kommuna/l»).
    text = squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(built[(slug, "pdf")])).pages))
    for headers in tables:
        for label in headers:
            for word in label.split():
                assert word in text, (slug, label, word)
    # The office files: every column holds its longest header word (bold 9 pt) and the cell margins.
    for fmt, widths in _office_column_widths_mm(built, slug).items():
        assert len(widths) == len(tables)
        for headers, columns in zip(tables, widths):
            for label, width in zip(headers, columns):
                needed = longest_word_mm(label, 9, bold=True) + 3.8
                assert width >= needed, (fmt, slug, label, round(width, 1), round(needed, 1))


def _pdf_cell_widths(data: bytes) -> dict[str, float]:
    return {str(w["/T"]): width for _, w, width, _ in _widgets(data)}


def test_columns_are_sized_for_what_is_written_in_them(catalog, built):
    from generator.documents.text_width import text_mm

    # The row headings in «Tiltak langs tre akser» are three short axes: their column is sized from
    # the longest one, not a fixed third of the page, and «Tiltak» (wide) gets the room instead.
    iop = _pdf_cell_widths(built[("iop-kvalifisering", "pdf")])
    axis = text_mm("Arbeidskvalifisering", 9)
    for fmt, widths in _office_column_widths_mm(built, "iop-kvalifisering").items():
        akse, tiltak, ansvarlig, _ = widths[1]
        assert axis + 3 <= akse <= 0.25 * sum(widths[1]), (fmt, akse)
        assert tiltak >= 1.4 * ansvarlig and tiltak >= 60, (fmt, tiltak, ansvarlig)
    assert iop["s5-r1-tiltak"] >= 1.4 * iop["s5-r1-ansvarlig"]
    # Contact log: «Hva ble tatt opp» gets about three times the room of «Telefon, besøk eller møte».
    log = _pdf_cell_widths(built[("oppfolging-arbeidsgiver", "pdf")])
    assert log["s3-r1-hva-ble-tatt-opp"] >= 2.5 * log["s3-r1-telefon-besok-eller-mote"]
    assert log["s3-r1-hva-ble-tatt-opp"] >= 60
    # A municipal e-mail address written by hand needs most of the handbook's roles table.
    handbook = _pdf_cell_widths(built[("praksishandbok", "pdf")])
    assert handbook["s2-r1-e-post"] >= 65 and handbook["s2-r1-telefon"] <= 30
    for fmt, widths in _office_column_widths_mm(built, "praksishandbok").items():
        assert widths[0][3] >= 65, (fmt, widths[0])
    # The time of day on the gathering's programme is narrow, the topic wide.
    programme = _pdf_cell_widths(built[("faddersamling", "pdf")])
    assert programme["s3-r1-tema"] >= 2.5 * programme["s3-r1-klokkeslett"]


def test_width_hint_is_offered_to_editors_and_only_narrow_or_wide(catalog):
    from generator.records.model.template import TemplateColumn

    assert TemplateColumn(label="E-post", width="wide").width == "wide"
    with pytest.raises(ValueError):
        TemplateColumn(label="E-post", width="bred")


def test_template_terms_follow_the_integration_act_and_plain_language(built):
    from pypdf import PdfReader

    def text(slug: str) -> str:
        return squash(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(built[(slug, "pdf")])).pages))

    # Integreringsloven (2021) calls the programme's plan «integreringsplan», not «individuell plan».
    responsibilities = _docx_tables(built[("ansvarskart-integrering", "docx")])[0]
    assert "Introduksjonsprogram og integreringsplan" in [row[0] for row in responsibilities]
    # A participant learning Norwegian reads «Om uken min», not «Påstand».
    week = next(t for t in _docx_tables(built[("loggbok-praksis", "docx")]) if "Ofte" in t[0])
    assert week[0][0] == "Om uken min" and "Påstand" not in text("loggbok-praksis")
    assert "heltids- og deltidsstillinger" in text("praksisutplasseringsplan")
    assert "hele og delte stillinger" not in text("praksisutplasseringsplan")


SIGNED = ["iop-kvalifisering", "samarbeidsavtale-praksis", "fadderavtale", *TRAINING_PLANS]
# Rows tall enough to sign by hand, in mm.
SIGNING_ROW_MM = (14, 16)


def _docx_grid(data: bytes, headers: list[str]):
    """The DOCX table with exactly these column headers: its body rows as (texts, sdt count, height mm)."""
    import docx

    grids = [t for t in docx.Document(io.BytesIO(data)).tables if [squash(c.text) for c in t.rows[0].cells] == headers]
    assert len(grids) == 1, headers
    rows = []
    for row in grids[0].rows[1:]:
        height = row._tr.find(f"{W}trPr/{W}trHeight")
        rows.append(([squash(c.text) for c in row.cells], len(list(row._tr.iter(f"{W}sdt"))),
                     int(height.get(f"{W}val")) * 25.4 / 1440))
    return rows


def _odt_grid(data: bytes, headers: list[str]):
    """The ODT table with these column headers: its body rows as (first cell's text, control heights in mm)."""
    from odf import draw, table
    from odf.opendocument import load
    from odf.teletype import extractText

    odt = load(io.BytesIO(data))
    for grid in odt.text.getElementsByType(table.Table):
        header = grid.getElementsByType(table.TableHeaderRows)[0]
        if [squash(extractText(c)) for c in header.getElementsByType(table.TableCell)] != headers:
            continue
        body = [r for r in grid.getElementsByType(table.TableRow) if r.parentNode is grid]
        return [(squash(extractText(r.getElementsByType(table.TableCell)[0])),
                 [float(c.getAttribute("height").removesuffix("cm")) * 10 for c in r.getElementsByType(draw.Control)])
                for r in body]
    raise AssertionError(f"ingen tabell med kolonnene {headers}")


@pytest.mark.parametrize("slug", SIGNED)
def test_signature_block_is_a_table_with_one_row_per_signer_in_every_format(slug, catalog, case_titles, built):
    template = catalog.templates[slug]
    section = next(s for s in template.sections if s.signatures)
    signers = list(section.signatures)
    assert len(signers) >= 2
    # No shared «Sted og dato» above lone signature boxes any more: each signer has a row.
    assert not [f for f in section.fields if f.label == "Sted og dato" or f.type == "signature"]
    low, high = SIGNING_ROW_MM
    # DOCX: Rolle | Navn (blokkbokstaver) | Sted og dato | Signatur, one row per signer, three fields in each.
    rows = _docx_grid(built[(slug, "docx")], SIGNATURE_HEADERS)
    assert [texts[0] for texts, _, _ in rows] == signers
    assert all(controls == 3 and low <= height <= high for _, controls, height in rows), rows
    # ODT: the same table, its fields (a text box each) filling rows of the same height.
    odt_rows = _odt_grid(built[(slug, "odt")], SIGNATURE_HEADERS)
    assert [role for role, _ in odt_rows] == signers
    assert all(len(heights) == 3 and min(heights) >= low - 2 for _, heights in odt_rows), odt_rows
    # PDF: a fillable Navn, Sted og dato and Signatur field per signer, named for screen readers.
    widgets = {str(w.get("/TU")): (page, w, height) for page, w, _, height in _widgets(built[(slug, "pdf")])}
    for signer in signers:
        for column in SIGNATURE_HEADERS[1:]:
            _, widget, height = widgets[f"{signer}: {column}"]
            assert widget["/FT"] == "/Tx" and height >= low - 3, (signer, column, height)
    # The rows are as tall as the distance between one signer's Navn field and the next one's.
    names = [widgets[f"{signer}: Navn (blokkbokstaver)"] for signer in signers]
    assert len({page for page, _, _ in names}) == 1
    tops = [float(w["/Rect"][3]) * 25.4 / 72 for _, w, _ in names]
    assert all(low <= a - b <= high for a, b in pairwise(tops)), tops
    # The web preview: the same header row, the role as row header, three labelled fields per row.
    soup = BeautifulSoup(documents.render_html(slug, template, case_titles), "html.parser")
    grid = next(t for t in soup.find_all("table") if [squash(th.get_text()) for th in t.thead.find_all("th")] == SIGNATURE_HEADERS)
    body = grid.tbody.find_all("tr")
    assert [squash(tr.th.get_text()) for tr in body] == signers
    assert all(tr.th["scope"] == "row" and len(tr.find_all(["input", "textarea"])) == 3 for tr in body)


def test_the_plan_has_a_revision_table_signed_by_both(catalog, case_titles, built):
    from pypdf import PdfReader

    slug = "iop-kvalifisering"
    template = catalog.templates[slug]
    headings = [s.heading for s in template.sections]
    assert headings.index("Endringer i planen") > headings.index("Signaturer")
    headers = ["Dato", "Hva ble endret", "Deltaker (signatur)", "Kontaktperson (signatur)"]
    low, high = SIGNING_ROW_MM
    rows = _docx_grid(built[(slug, "docx")], headers)
    assert len(rows) == 4
    assert all(controls == 4 and low <= height <= high for _, controls, height in rows), rows
    assert len(_odt_grid(built[(slug, "odt")], headers)) == 4
    reader = PdfReader(io.BytesIO(built[(slug, "pdf")]))
    described = {str(f.get("/TU")) for f in reader.get_fields().values()}
    for r in range(1, 5):
        assert {f"{h}, rad {r}" for h in headers} <= described, r
    text = squash(" ".join(p.extract_text() for p in reader.pages))
    assert "Endringer i planen" in text and "Begge signerer hver endring" in text
    soup = BeautifulSoup(documents.render_html(slug, template, case_titles), "html.parser")
    assert any([squash(th.get_text()) for th in t.thead.find_all("th")] == headers for t in soup.find_all("table"))


def test_signers_are_listed_once_and_not_beside_a_table_in_the_same_section():
    from generator.records.model.template import TemplateSection

    section = TemplateSection(heading="Signaturer", signatures=["Deltaker", "Fadder"])
    assert section.signatures == ["Deltaker", "Fadder"]
    with pytest.raises(ValueError, match="rollen «Fadder» står to ganger"):
        TemplateSection(heading="Signaturer", signatures=["Fadder", "Fadder"])
    with pytest.raises(ValueError, match="både table og signatures"):
        TemplateSection(heading="Signaturer", signatures=["Fadder"], table={"columns": ["Dato"], "empty_rows": 1})
