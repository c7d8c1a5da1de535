"""Leave out theme files no reader's browser ever asks for.

Material ships source maps for its bundles, and its own search: a worker and lunr language files for
some forty languages (plus two word segmenters, 0.7 MB for Thai alone). The site searches with
Pagefind (generator/search/pagefind_index.py), so none of Material's search files is ever loaded; copied
into every build they would be published unused: 2.3 of the theme's 2.5 MB.
"""

from __future__ import annotations

SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
# The contribution form's script parts: the build serves them joined as one file (generator/site/contribution_form.py).
FORM_SCRIPT_PARTS = "assets/javascripts/contribution-form/"


def unused(path: str) -> bool:
    """True for a theme file that no page of this site loads."""
    if path.endswith(".map"):  # source maps: only a browser's developer tools fetch them
        return True
    return path.startswith((*SEARCH_FILES, FORM_SCRIPT_PARTS))


def drop_unused(files, config) -> int:
    """Remove unused theme files from MkDocs' file collection; returns how many went."""
    theme_dirs = {str(d) for d in config.theme.dirs}
    gone = [f for f in files if f.src_dir in theme_dirs and not f.generated_by and unused(f.src_uri)]
    for f in gone:
        files.remove(f)
    return len(gone)
