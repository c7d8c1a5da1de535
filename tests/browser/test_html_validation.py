"""The built pages are valid HTML according to the Nu Html Checker (vnu-jar from npm, on the local Java)."""

from __future__ import annotations

import json
import subprocess

import pytest

from .conftest import VNU_JAR, require_tool

pytestmark = pytest.mark.browser

# Nothing is filtered: Material's invalid markup is fixed in overrides/ (see overrides/main.html and
# overrides/partials/toc.html). Only errors fail; vnu's "info" messages are advice, such as using h1
# for more than one heading level on template pages that show a document preview.


def test_every_built_page_is_valid_html(site):
    java = require_tool("java")
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: run `make test` (it runs npm ci) or `npm ci`"
    pages = sorted(str(p) for p in site.rglob("*.html"))
    assert len(pages) > 20, "the site has too few pages to be the real one"
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *pages],
        capture_output=True, text=True, timeout=300, check=False,
    )
    report = json.loads(result.stderr or "{}")
    assert "messages" in report, result.stderr[:2000]
    errors = [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
    summary = [
        f"{m.get('url', '').split(str(site))[-1]}:{m.get('lastLine', '?')}: {m['message']}  [{m.get('extract', '').strip()[:120]}]"
        for m in errors[:30]
    ]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(summary)
