"""Which theme files the site leaves out: source maps and Material's own search, which Pagefind replaces."""

from generator.mkdocs.theme_assets import unused


def test_material_search_files_go_because_pagefind_searches():
    assert unused("assets/javascripts/lunr/min/lunr.no.min.js")
    assert unused("assets/javascripts/lunr/wordcut.js")
    assert unused("assets/javascripts/workers/search.a7633da7.min.js")


def test_theme_stylesheets_and_scripts_stay_but_source_maps_go():
    assert not unused("assets/javascripts/bundle.a5f9d56c.min.js")
    assert not unused("assets/stylesheets/main.57a0d79d.min.css")
    assert unused("assets/javascripts/bundle.a5f9d56c.min.js.map")
