"""Rewrite a ZIP container (DOCX, ODT) so the same content always gives the same bytes.

python-docx and odfpy stamp every entry with the current time; here every entry gets the one fixed
date, the same permissions and the same compression, in the writer's original order.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile


def normalize_zip(data: bytes, moment: dt.datetime) -> bytes:
    date_time = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=date_time)
            # ODF requires the first entry, "mimetype", to be stored uncompressed.
            info.compress_type = zipfile.ZIP_STORED if entry.filename == "mimetype" else zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return target_buffer.getvalue()
