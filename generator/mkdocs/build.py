"""`python -m generator build` as far as MkDocs (or ProperDocs) is concerned: load mkdocs.yml, build.

ProperDocs, the maintained continuation of MkDocs 1.x, reads the same mkdocs.yml and runs the same
hook and Material. Once `properdocs.replacement` is imported, every `mkdocs.*` import (ours, the
hook's, Material's) is answered by the same module of ProperDocs, so the rest is the same code.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

SITE_BUILDERS = ("mkdocs", "properdocs")


class BuildFailed(Exception):
    """The site builder refused the site (a broken link, a plugin error); the message says why."""


def _use_site_builder(name: str) -> None:
    if name != "properdocs":
        return
    if any(module == "mkdocs" or module.startswith("mkdocs.") for module in sys.modules):
        raise RuntimeError("MkDocs was imported before ProperDocs could take its place")
    import properdocs.replacement  # noqa: F401


def build_site(root: Path, site_dir: Path, builder: str = "mkdocs") -> None:
    """Build the site described by root/mkdocs.yml into site_dir, strictly (a warning fails the build)."""
    _use_site_builder(builder)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.WARNING)
    try:
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    except (MkDocsException, SystemExit) as error:
        raise BuildFailed(str(error)) from None


def site_settings(root: Path) -> tuple[str, str]:
    """The site's name and address as mkdocs.yml gives them (with its !ENV values filled in)."""
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"))
    return config.site_name, config.site_url or ""
