"""The day a build is made for: the day of SOURCE_DATE_EPOCH when it is set, else today.

SOURCE_DATE_EPOCH (whole seconds since 1970, UTC) is the reproducible-builds convention. MkDocs reads it
for the sitemap's dates and the downloads for the date in their files (documents.layout); the pages read
it here for what they say relative to today (how old the sources are, which contacts are due to be
confirmed again). With it, two builds of the same records are the same bytes whenever they are made.
"""

from __future__ import annotations

import datetime as dt
import os


def fixed_moment() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH as a moment in UTC; None when it is not set or not a whole number of seconds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC) if epoch.isdigit() else None


def today() -> dt.date:
    """The build's day: SOURCE_DATE_EPOCH's (in UTC) when it is set, else today's."""
    moment = fixed_moment()
    return moment.date() if moment else dt.date.today()
