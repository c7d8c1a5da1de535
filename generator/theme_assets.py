"""Leave out theme files no reader's browser ever asks for.

Material ships source maps for its bundles and a search language file for some forty languages
(plus two word segmenters, 0.7 MB for Thai alone). The search worker loads only the stemmer
support, the files for the languages in the search plugin's `lang` setting and, with more than one
language, `lunr.multi`. Everything else would be copied into every build and published unused:
2.3 of the theme's 2.5 MB.
"""

from __future__ import annotations

import posixpath

LUNR_DIR = "assets/javascripts/lunr/"
# Word segmenters the search worker loads for these languages only.
SEGMENTERS = {"ja": "tinyseg.js", "th": "wordcut.js"}


def search_languages(config) -> list[str]:
    for name in ("material/search", "search"):
        if name in config.plugins:
            return list(config.plugins[name].config.lang or [])
    return []


def wanted_lunr_files(languages: list[str]) -> set[str]:
    wanted = {"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"}
    wanted.update(f"min/lunr.{lang}.min.js" for lang in languages)
    wanted.update(SEGMENTERS[lang] for lang in languages if lang in SEGMENTERS)
    return wanted


def unused(path: str, wanted_lunr: set[str]) -> bool:
    """True for a theme file that no page of this site loads."""
    if path.endswith(".map"):  # source maps: only a browser's developer tools fetch them
        return True
    if path.startswith(LUNR_DIR):
        return posixpath.relpath(path, LUNR_DIR) not in wanted_lunr
    return False


def drop_unused(files, config) -> int:
    """Remove unused theme files from MkDocs' file collection; returns how many went."""
    wanted_lunr = wanted_lunr_files(search_languages(config))
    theme_dirs = {str(d) for d in config.theme.dirs}
    gone = [
        f
        for f in files
        if f.src_dir in theme_dirs and not f.generated_by and unused(f.src_uri, wanted_lunr)
    ]
    for f in gone:
        files.remove(f)
    return len(gone)
