"""Which theme files the site leaves out: only those the search worker never loads."""

from generator.theme_assets import unused, wanted_lunr_files


def test_a_second_search_language_keeps_its_files_and_its_word_segmenter():
    wanted = wanted_lunr_files(["no", "ja"])
    kept = [p for p in ["assets/javascripts/lunr/min/lunr.ja.min.js", "assets/javascripts/lunr/tinyseg.js",
                        "assets/javascripts/lunr/min/lunr.no.min.js",
                        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"] if not unused(p, wanted)]
    assert len(kept) == 4
    assert unused("assets/javascripts/lunr/wordcut.js", wanted)
    assert unused("assets/javascripts/lunr/min/lunr.de.min.js", wanted)


def test_theme_stylesheets_and_scripts_stay_but_source_maps_go():
    wanted = wanted_lunr_files(["no"])
    assert not unused("assets/javascripts/bundle.a5f9d56c.min.js", wanted)
    assert not unused("assets/stylesheets/main.57a0d79d.min.css", wanted)
    assert unused("assets/javascripts/bundle.a5f9d56c.min.js.map", wanted)
