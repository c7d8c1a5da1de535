"""A build made with SOURCE_DATE_EPOCH speaks of that day, not of the day it runs.

SOURCE_DATE_EPOCH is the reproducible-builds convention that MkDocs follows for the sitemap's dates and
the downloads for the date in their files; the pages follow it for what they say relative to today,
such as a contact whose details were last confirmed more than two years before.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from tests.conftest import FIXTURES, run_generator
from tests.sandbox import make_project

RECORD = (FIXTURES / "cases" / "eksempelby.yaml").read_text(encoding="utf-8")
CONTACT = yaml.safe_load(RECORD)["contacts"][0]
DUE = "kontaktopplysningene ble sist bekreftet for mer enn to år siden"


def _epoch(day: dt.date) -> str:
    return str(int(dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC).timestamp()))


@pytest.mark.parametrize("years_after, due", [(1, False), (3, True)])
def test_the_pages_and_the_sitemap_speak_of_the_day_source_date_epoch_names(tmp_path, years_after, due):
    confirmed = CONTACT["last_verified"]
    day = confirmed.replace(year=confirmed.year + years_after)
    project = make_project(tmp_path / "project", cases={"eksempelby.yaml": RECORD}, site=True)
    result = run_generator("build", "--site-dir", str(tmp_path / "site"), cwd=project,
                           env={"SOURCE_DATE_EPOCH": _epoch(day)})
    assert result.returncode == 0, result.stdout + result.stderr

    page = (tmp_path / "site" / "eksempler" / "eksempelby" / "index.html").read_text(encoding="utf-8")
    assert CONTACT["name"] in page
    assert (DUE in page) is due
    # A page that no record dates (the page about the site) is dated by the day of the build.
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    about = re.search(r"<loc>[^<]*/om/</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap)
    assert about is not None, sitemap
    assert about.group(1) == day.isoformat()
