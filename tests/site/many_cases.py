"""Any number of valid case records, made from the real ones: copies under new file names with numbered
titles, so a test can build a list of exactly the length it needs (paging is tested at its real size).

The copies keep every field and unit the real records use; their order on the site is their number's.
"""

from __future__ import annotations

import re

from tests.conftest import ROOT

_TITLE = re.compile(r'^title: "(.*)"$', re.MULTILINE)


def numbered_title(number: int, title: str) -> str:
    return f"Eksempel {number:04d} – {title}"


def copies(count: int) -> dict[str, str]:
    """{file name: record text} for `count` cases, in turn from cases/: the first copy of each keeps its
    file name, since records refer to each other by it («related»); the next are eksempel-0006-batsfjord.yaml …"""
    originals = sorted((ROOT / "cases").glob("*.yaml"))
    records = {}
    for number in range(1, count + 1):
        source = originals[(number - 1) % len(originals)]
        text = source.read_text(encoding="utf-8")
        text, found = _TITLE.subn(lambda m, n=number: f'title: "{numbered_title(n, m.group(1))}"', text, count=1)
        assert found == 1, f"{source.name} has no title line the copies can number"
        name = source.name if number <= len(originals) else f"eksempel-{number:04d}-{source.stem}.yaml"
        records[name] = text
    return records
