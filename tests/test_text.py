"""Slugs, Norwegian sorting and the æ/ø/å-free spellings search relies on."""

from generator.text import ascii_variants, slugify, sort_key


def test_slugify_gives_readable_ascii_anchors_for_norwegian_headings():
    assert slugify("Tiltak på arbeidsplassen") == "tiltak-pa-arbeidsplassen"
    assert slugify("Nøkkeltall") == "nokkeltall"
    assert slugify("Ærlig talt: Øst og vest") == "aerlig-talt-ost-og-vest"
    assert slugify("Rælingen – «tøff kjærlighet»") == "raelingen-toff-kjaerlighet"


def test_norwegian_alphabetical_order_puts_ae_oe_aa_after_z():
    names = ["Åsnes", "Bø", "Ørsta", "Zeta", "Ærø", "alta", "Øygarden", "Aal"]
    assert sorted(names, key=sort_key) == ["Aal", "alta", "Bø", "Zeta", "Ærø", "Ørsta", "Øygarden", "Åsnes"]


def test_accented_letters_sort_with_their_base_letter():
    assert sorted(["Eidsvoll", "Évian", "Ecuador"], key=sort_key) == ["Ecuador", "Eidsvoll", "Évian"]


def test_names_have_the_spellings_people_type_without_special_letters():
    assert {"Raelingen", "Ralingen"} <= ascii_variants("Rælingen")
    assert "Lorenskog" in ascii_variants("Lørenskog")
    assert {"Batsfjord", "Baatsfjord"} <= ascii_variants("Båtsfjord")
    assert ascii_variants("Nesna") == set()


def test_relative_links_between_site_paths_are_what_posixpath_gives():
    import itertools
    import posixpath

    from generator.site.rendering import relpath

    paths = [".", "eksempler/", "eksempler/nesna/", "tema/arbeid/", "maler/iop.pdf", "data/cases/nesna.json", "index.md"]
    for path, start in itertools.product(paths, repeat=2):
        assert relpath(path, start) == posixpath.relpath(path, start), (path, start)


def test_texts_a_reader_cannot_tell_apart_have_the_same_look_alike_key():
    import unicodedata

    from generator.text import look_alike_key

    plain = look_alike_key("Båtsfjord: språkpraksis")
    for variant in (unicodedata.normalize("NFD", "Båtsfjord: språkpraksis"), "Båts\u200bfjord: språkpraksis",
                    "Båts\u00adfjord:  SPRÅKPRAKSIS", "Båtsfjord： språkpraksis"):
        assert look_alike_key(variant) == plain, variant
    assert look_alike_key("Batsfjord: språkpraksis") != plain
