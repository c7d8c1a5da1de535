"""The real build: what a reader sees on the pages built from the real records."""

from __future__ import annotations

import datetime as dt
import json
import os
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from generator import formatting, paths
from generator.site.finished_pages import finish
from generator.site import pages

from generator.records.catalog import load_catalog
from generator.records.model import Case
from generator.text import sort_key

from tests.conftest import CASE_SLUGS, PUBLIC_SITE_URL, ROOT, visible_text

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


def after_a_name(role: str) -> str:
    """A job title as it reads after a name: «Enhetsleder» -> «enhetsleder», «NAV-leder» stays."""
    return role[:1].lower() + role[1:] if role[1:2].islower() else role


def test_site_has_front_page_case_pages_comparison_and_theme_pages(site):
    for location in ["", "eksempler/", "sammenligning/", "tema/", "malgruppe/", "fylke/", "bidra/", "om/", "tilgjengelighet/"]:
        assert (site / location / "index.html").is_file(), location
    for slug in CASE_SLUGS:
        assert (site / "eksempler" / slug / "index.html").is_file(), slug


def test_site_is_norwegian(page):
    assert page("")("html")[0]["lang"] == "nb"


@pytest.mark.parametrize("slug", CASE_SLUGS)
def test_case_page_shows_every_figure_with_its_year_and_every_contact(slug, page, catalog):
    case = catalog.cases[slug]
    soup = page(f"eksempler/{slug}/")
    text = visible_text(soup)
    assert case.title in text
    assert "Sist oppdatert" in text
    for practice in case.practices:
        assert practice.name in text
    figures = list(case.key_figures) + [f for m in case.municipalities for f in (m.population, m.immigrant_share) if f]
    for figure in figures:
        row_text = f"{figure.label}"
        assert row_text in text
        assert (str(figure.year) if figure.year else " ".join(figure.year_note.split())) in text
    tel_links = {a["href"] for a in soup.select('a[href^="tel:"]')}
    for contact in case.contacts:
        assert contact.name in text
        assert after_a_name(contact.role) in text
        for number in contact.phones:
            assert "tel:+47" + re.sub(r"\D", "", number)[-8:] in tel_links
    for source in case.sources:
        assert source.title in text


def test_raelingen_page_shows_its_key_figures_as_numbers_readers_recognise(page):
    text = visible_text(page("eksempler/ralingen/"))
    for shown in ["17 185", "16,3 %", "71 %", "2015", "2013", "Narges Pourzia", "48 16 75 12"]:
        assert shown in text


def test_results_over_time_have_a_chart_with_text_alternative_and_a_table(page, catalog):
    from generator.site import charts as chart_groups

    for slug, case in catalog.cases.items():
        soup = page(f"eksempler/{slug}/")
        charts = soup.select(".ikb-chart")
        groups = chart_groups.groups(case.results)
        assert len(charts) == len(groups)
        for chart, group in zip(charts, groups):
            svg = chart.select_one('svg[role="img"]')
            label_ids = svg["aria-labelledby"].split()
            assert all(chart.find(id=i).get_text(strip=True) for i in label_ids)
            cells = [td.get_text(strip=True).replace("\u00a0", " ") for td in chart.select("table td")]
            # Every point of every series in the group has its cell; the other cells mark missing years.
            assert len([c for c in cells if c != chart_groups.MISSING]) == sum(len(r.points) for r in group.series)
            assert chart.select("table caption")
    lorenskog = page("eksempler/lorenskog/")
    assert lorenskog.select(".ikb-chart"), "Lørenskog has results over 2014–2016"


def test_no_email_scraping_artefact_and_no_third_party_resources_anywhere(site):
    from bs4 import BeautifulSoup

    for html_file in site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "protected]" not in html and "/cdn-cgi/" not in html, html_file
        soup = BeautifulSoup(html, "html.parser")
        loaded = [t.get("src") for t in soup.select("script[src], img[src], iframe[src], source[src]")]
        loaded += [t.get("href") for t in soup.select("link[href]") if "canonical" not in t.get("rel", [])
                   and "alternate" not in t.get("rel", [])]
        external = [u for u in loaded if re.match(r"^(https?:)?//", u or "") and "127.0.0.1" not in u]
        assert external == [], f"{html_file} loads {external}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_comparison_lists_every_case_in_norwegian_order(page, catalog):
    soup = page("sammenligning/")
    titles = [a.get_text(strip=True) for a in soup.select('article table tbody tr > th[scope="row"]:first-child a')]
    assert titles == sorted((c.title for c in catalog.cases.values()), key=sort_key)
    assert len(titles) == len(CASE_SLUGS)
    text = visible_text(soup)
    assert "Lørenskog" in text and "(2015)" in text


def test_theme_pages_list_the_cases_that_have_the_theme(page, catalog):
    for slug, case in catalog.cases.items():
        for theme in case.themes:
            links = [a["href"] for a in page(f"tema/{theme}/").select("article h2 a")]
            assert f"../../eksempler/{slug}/" in links


def test_headings_with_norwegian_letters_get_readable_anchors(page):
    soup = page("eksempler/ralingen/")
    ids = [h["id"] for h in soup.select("article h2[id]")]
    assert "nokkeltall" in ids
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids)


def test_case_page_names_its_record_file_and_links_to_the_same_record_as_open_data(site, page):
    soup = page("eksempler/nesna/")
    sentence = soup.find("code", string="cases/nesna.yaml").parent
    link = sentence.find("a", string="åpne data i JSON")
    data = json.loads((site / "eksempler" / "nesna" / link["href"]).resolve().read_text(encoding="utf-8"))
    record = yaml.safe_load((ROOT / "cases" / "nesna.yaml").read_text(encoding="utf-8"))
    assert data["title"] == record["title"]
    assert not (site / "eksempler" / "nesna.yaml").exists()  # the repository holds the file, not the site


def test_with_a_repository_address_the_case_page_links_to_view_and_edit_its_file():
    catalog = load_catalog(ROOT)
    html = pages.finished_case_page(
        pages.CaseContext(catalog, dt.date(2026, 1, 1), "https://github.com/eier/kunnskapsbank/"), "nesna"
    ).html
    sentence = BeautifulSoup(html, "html.parser").find("code", string="cases/nesna.yaml").parent
    links = {a.get_text(): a["href"] for a in sentence.find_all("a")}
    assert links["se filen"] == "https://github.com/eier/kunnskapsbank/blob/main/cases/nesna.yaml"
    assert links["rediger den på GitHub"] == "https://github.com/eier/kunnskapsbank/edit/main/cases/nesna.yaml"


def test_case_pages_stay_out_of_the_global_navigation(page):
    nav_links = [a.get("href", "") for a in page("sammenligning/").select("nav.md-nav--primary a")]
    assert not any("eksempler/ralingen" in href for href in nav_links)


def test_site_publishes_only_the_theme_files_a_browser_loads(site):
    # Material ships source maps and its own search (a worker, lunr files for ~40 languages); the site
    # searches with Pagefind and publishes Pagefind's search script, not its prebuilt interfaces.
    assert not list(site.rglob("*.map"))
    assert not (site / "assets/javascripts/lunr").exists()
    assert not list((site / "assets/javascripts").rglob("search.*.min.js"))
    assert list((site / "assets/javascripts").glob("bundle.*.min.js"))  # the theme itself is kept
    assert (site / "pagefind" / "pagefind.js").exists()
    assert not list((site / "pagefind").glob("pagefind*-ui.*"))


def test_a_figure_without_a_year_says_so_once_without_nested_brackets(page, catalog):
    for slug, case in catalog.cases.items():
        text = visible_text(page(f"eksempler/{slug}/"))
        assert "ikke oppgitt (år ikke oppgitt" not in text and text.count("år ikke oppgitt (") == 0
    lorenskog = visible_text(page("eksempler/lorenskog/"))
    # The municipality's own figures are in the key figures table: value, then the note on time, then the source.
    assert "27 % år ikke oppgitt; siden er datert 27. oktober 2017 Kilde:" in lorenskog
    batsfjord = visible_text(page("eksempler/batsfjord/"))
    assert " enkelte år, ikke nærmere angitt Kilde:" in batsfjord


def test_a_practice_for_a_target_group_puts_its_case_on_that_groups_page(page, catalog):
    # The «For: …» link under a practice leads to the target group's page, which must list the case.
    checked = 0
    for slug, case in catalog.cases.items():
        for practice in case.practices:
            for group in practice.target_groups:
                links = [a.get("href", "") for a in page(f"malgruppe/{group}/").select("article h2 a")]
                assert any(href.rstrip("/").endswith(f"eksempler/{slug}") for href in links), (slug, group)
                checked += 1
    assert checked


def test_a_case_is_listed_for_a_target_group_only_its_practice_names(tmp_path):
    from generator.site import pages
    from generator.records.catalog import load_catalog

    from tests.sandbox import make_project

    fixture = (ROOT / "tests" / "fixtures" / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
    project = make_project(tmp_path, cases={"eksempelby.yaml": fixture})
    catalog = load_catalog(project)
    case = catalog.cases["eksempelby"]
    only_in_practice = {g for p in case.practices for g in p.target_groups} - set(case.target_groups)
    assert only_in_practice  # the fixture has a practice for a group the case does not list
    rendered = pages.facet_pages(catalog)
    for group in only_in_practice:
        page = rendered[paths.facet_path("target_groups", group)]
        assert "eksempler/eksempelby" in page.html


@pytest.mark.parametrize("slug", CASE_SLUGS)
def test_key_figures_are_a_two_column_table_with_explanation_year_and_source_in_the_rows(slug, page, catalog):
    case = catalog.cases[slug]
    figures = [f for m in case.municipalities for f in (m.population, m.immigrant_share) if f] + list(case.key_figures)
    soup = page(f"eksempler/{slug}/")
    if not figures:
        assert not soup.select(".ikb-figures")
        return
    table = soup.select_one(".ikb-figures table")
    assert [th.get_text(strip=True) for th in table.select("thead th[scope=col]")] == ["Tall", "Verdi, år og kilde"]
    rows = table.select("tbody tr")
    assert len(rows) == len(figures)
    for row, figure in zip(rows, figures):
        header = row.select_one('th[scope="row"]')
        assert header.get_text(" ", strip=True).startswith(figure.label)
        if figure.definition:
            assert " ".join(figure.definition.split()) in header.select_one(".ikb-figures__note").get_text(" ", strip=True)
        cell = row.select_one("td")
        assert cell.select_one(".ikb-figures__value") and cell.select_one(".ikb-figures__year")
        assert str(figure.year) in cell.get_text() if figure.year else cell.select_one(".ikb-figures__year").get_text(strip=True)
        source = cell.select_one(".ikb-figures__source a[href^='#kilde-']")
        assert soup.find(id=source["href"][1:]), "the source link leads to the list of sources"
    assert "\u00a0%" in table.get_text() or not any(f.unit == "prosent" for f in figures)  # «16,3 %» never wraps


@pytest.mark.parametrize("slug", CASE_SLUGS)
def test_case_page_has_a_jump_list_to_each_of_its_sections(slug, page):
    soup = page(f"eksempler/{slug}/")
    article = soup.select_one("article")
    jump = article.select_one("details.ikb-jump")
    assert jump.select_one("summary").get_text(strip=True) == "På denne siden"
    assert jump.select_one("nav")["aria-label"] == "På denne siden"
    sections = [h["id"] for h in article.select("h2[id]")]
    assert [a["href"] for a in jump.select("a")] == [f"#{i}" for i in sections]
    assert jump.find_previous("h1") and not jump.find_previous("h2"), "it comes before the first section"


def test_case_pages_say_what_was_checked_and_how_to_check_contacts(page, catalog):
    for slug, case in catalog.cases.items():
        text = visible_text(page(f"eksempler/{slug}/"))
        assert "Teksten sist kontrollert mot kildene" in text
        assert "aldri bekreftet" not in text and "sentralbord" not in text
        assert ("Kort om prosjektet" if case.kind == "prosjekt" else "Kort om kommunen") in text
        assert "Kort om casen" not in text
        cards = page(f"eksempler/{slug}/").select("article .ikb-contact__meta")
        for contact, card in zip(case.contacts, cards, strict=True):
            assert contact_basis(case, contact) in " ".join(card.get_text(" ").replace("\u00a0", " ").split())
        for person in case.people:  # «Brynhild Belsom, enhetsleder for …» in the heading
            heading = f"{person.name}, {after_a_name(person.role)}"
            assert any(" ".join(h.get_text(" ", strip=True).split()).startswith(heading)
                       for h in page(f"eksempler/{slug}/").select("article h3"))


# What CONTRIBUTING.md tells a contributor the page says of a contact taken from a source alone.
FROM_SOURCE_ONLY = re.search(r"siden viser «([^»]+)»", " ".join(CONTRIBUTING.split())).group(1)


def contact_basis(case, contact) -> str:
    """How a contact card says where its details stand: confirmed when, or taken from which source of when."""
    if contact.last_verified:
        return f"Sist bekreftet: {formatting.date(contact.last_verified)}".replace("\u00a0", " ")
    source = case.source(contact.source)
    when = formatting.date(source.published) if source.published else source.published_year
    return f"{FROM_SOURCE_ONLY}: {source.title}" + (f", {when}".replace("\u00a0", " ") if when else " (udatert)")


@pytest.mark.parametrize(("published", "published_year", "said"), [
    (None, None, " (udatert)"), (None, 2014, ", 2014"), (dt.date(2019, 3, 5), None, ", 5. mars 2019"),
])
def test_a_contact_taken_from_a_source_says_so_with_the_sources_date_or_that_it_has_none(catalog, published, published_year, said):
    slug, case = next((s, c) for s, c in catalog.cases.items() if c.contacts)
    source = case.source(case.contacts[0].source).model_copy(update={"published": published, "published_year": published_year})
    case = case.model_copy(update={
        "contacts": [case.contacts[0].model_copy(update={"last_verified": None})],
        "sources": [source if s.id == source.id else s for s in case.sources],
    })
    html = finish(pages.case_page(slug, case, catalog, dt.date(2026, 1, 1))).html
    meta = " ".join(BeautifulSoup(html, "html.parser").select_one(".ikb-contact__meta").get_text(" ").replace("\u00a0", " ").split())
    assert meta.endswith(f"{FROM_SOURCE_ONLY}: {source.title}{said}"), meta

def test_the_guides_call_an_unconfirmed_contact_what_the_page_calls_it():
    bidra = " ".join((ROOT / "docs" / "bidra.md").read_text(encoding="utf-8").split())
    assert FROM_SOURCE_ONLY in bidra
    starter = (ROOT / "generator" / "records" / "starter_case.yaml").read_text(encoding="utf-8")
    for text in (CONTRIBUTING, bidra, starter, json.dumps(Case.model_json_schema(), ensure_ascii=False)):
        assert "aldri bekreftet" not in " ".join(text.split())


def test_job_titles_after_a_name_keep_abbreviations_in_capitals():
    assert after_a_name("Enhetsleder for Enhet Familie og Helse") == "enhetsleder for Enhet Familie og Helse"
    assert after_a_name("NAV-leder") == "NAV-leder"
    html = pages.finished_case_page(pages.CaseContext(load_catalog(ROOT), dt.date(2026, 1, 1), None), "ralingen").html
    assert "Brynhild Belsom, enhetsleder" in BeautifulSoup(html, "html.parser").get_text()


def test_printed_case_leaves_out_related_cases_and_editing_and_names_no_address_the_reader_cannot_open(page):
    # The tests build the site as `make build` does without SITE_URL: mkdocs.yml then falls back to
    # this machine's own address, which no reader of a printout can open.
    assert not paths.is_public(os.environ.get("SITE_URL")), "the tests expect SITE_URL to be unset"
    for slug in CASE_SLUGS:
        soup = page(f"eksempler/{slug}/")
        screen_only = soup.select_one("article .ikb-screen-only")
        assert {h["id"] for h in screen_only.select("h2")} >= {"endre-eller-rette-opp"}
        printed = soup.select_one(".ikb-print-only")
        assert printed.get_text(strip=True) == "Skrevet ut fra Integreringspraksis."
    assert "127.0.0.1" not in page("").select_one(".ikb-print-only").get_text()


def test_a_site_with_a_public_address_prints_each_pages_address(fixture_site):
    for index in sorted(fixture_site.glob("eksempler/*/index.html")) + [fixture_site / "index.html"]:
        location = index.parent.relative_to(fixture_site).as_posix()
        printed = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser").select_one(".ikb-print-only")
        address = paths.absolute(PUBLIC_SITE_URL, "" if location == "." else location + "/")
        assert printed.get_text(strip=True) == f"Skrevet ut fra Integreringspraksis: {address}"


@pytest.mark.parametrize(("site_url", "public"), [
    (None, False), ("", False), ("http://127.0.0.1:8000/", False), ("http://127.1.2.3/", False),
    ("http://localhost:8000/", False), ("http://[::1]:8000/", False), ("http://site.localhost/", False),
    ("https://integreringspraksis.example/", True), ("https://eier.github.io/kunnskapsbank/", True),
    ("http://10.0.0.5/", True),  # a machine others on the network can open
])
def test_only_an_address_off_this_machine_is_public(site_url, public):
    assert paths.is_public(site_url) is public


def test_comparison_uses_the_full_width_and_names_each_row_by_its_case(page):
    soup = page("sammenligning/")
    assert soup.select_one(".md-sidebar--secondary").has_attr("hidden")  # no empty table of contents
    rows = soup.select(".ikb-comparison table tbody tr")
    assert rows and all(row.find().name == "th" and row.find()["scope"] == "row" for row in rows)


def test_template_downloads_sit_under_the_name_and_say_which_template_they_are(page, catalog):
    soup = page("maler/")
    assert not soup.select("article table")  # a section per template: nothing to scroll sideways on a phone
    sections = soup.select("article h2")
    assert [h.get_text(strip=True).rstrip("¶") for h in sections] == sorted(
        (t.title for t in catalog.templates.values()), key=sort_key)
    for heading in sections:
        title = heading.get_text(strip=True).rstrip("¶")
        first = heading.find_parent(class_="ikb-heading").find_next_sibling("p", class_="ikb-downloads")
        links = first.select("a.ikb-downloads__link")
        assert [a.get_text(" ", strip=True).split(", ")[-1] for a in links] == ["ODT", "DOCX", "PDF"]
        for link in links:
            hidden = link.select_one(".ikb-visually-hidden").get_text()
            assert hidden.startswith(title), f"{link} does not name its template"
        sizes = [item.get_text() for item in first.select(".ikb-downloads__item")]
        assert all(re.search(r"\u00a0\(\d+(,\d)?\u00a0[kM]B\)$", size) for size in sizes), sizes


def test_case_list_meta_line_keeps_the_spaces_around_its_separators(page, catalog):
    soup = page("eksempler/")
    metas = [" ".join(p.get_text().split()) for p in soup.select(".ikb-case .ikb-meta")]
    assert len(metas) == len(catalog.cases)
    for meta in metas:
        assert "·" in meta and not re.search(r"\S·|·\S", meta), meta


def test_counties_without_cases_are_named_once_instead_of_linking_to_empty_pages(page, catalog):
    from generator.records.vocabulary import VOCABULARY

    used = {m.region for c in catalog.cases.values() for m in c.municipalities if m.region}
    soup = page("fylke/")
    linked = [a.get_text(strip=True) for a in soup.select("article li a")]
    assert sorted(linked) == sorted(VOCABULARY["regions"][key] for key in used)
    unused = [label for key, label in VOCABULARY["regions"].items() if key not in used]
    assert unused and all(label in visible_text(soup) for label in unused)
    # A reader in Innlandet who opens that page is sent on to the sources' older county.
    innlandet = page("fylke/innlandet/")
    assert any(a.get_text(strip=True) == "Oppland – nå Innlandet" for a in innlandet.select("article a"))


def test_a_case_can_be_filtered_by_its_county_in_search(page, catalog):
    from generator.records.vocabulary import VOCABULARY

    for slug, case in catalog.cases.items():
        counties = {f.get_text() for f in page(f"eksempler/{slug}/").select("[data-pagefind-filter=Fylke]")}
        assert counties == {VOCABULARY["regions"][m.region] for m in case.municipalities if m.region}


def test_template_preview_says_it_is_not_saved(page, catalog):
    for slug in catalog.templates:
        assert "blir ikke lagret" in visible_text(page(f"maler/{slug}/"))
