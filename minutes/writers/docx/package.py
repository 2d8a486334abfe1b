"""The package written to bytes: python-docx's own part serialisers, our zip writer (one
compression pass, every entry dated with the document's build time)."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from typing import Any


class ZipWriter:
    """What python-docx's package writer needs of a zip file: ``write(uri, blob)``. Ours dates
    every entry with the document's build time (python-docx uses the time of the save, so two
    renders of one input would differ even under ``SOURCE_DATE_EPOCH``) and compresses once."""

    def __init__(self, target: zipfile.ZipFile, moment: dt.datetime, level: int) -> None:
        self._zip = target
        self._stamp = max(moment, dt.datetime(1980, 1, 1)).timetuple()[:6]  # zip starts in 1980
        self._level = level

    def write(self, uri: Any, blob: bytes) -> None:
        entry = zipfile.ZipInfo(uri.membername, date_time=self._stamp)
        entry.compress_type = zipfile.ZIP_DEFLATED if self._level else zipfile.ZIP_STORED
        entry.external_attr = 0o600 << 16
        self._zip.writestr(entry, blob, compresslevel=self._level or None)


def save(docx: Any, moment: dt.datetime, level: int = 1) -> bytes:
    """The package as bytes, through python-docx's own part serialisers (pinned to 1.2; see
    pyproject.toml) but our zip writer. ``level`` 0 stores without compression; 1 is the fastest
    deflate and makes files only a few per cent larger than 6 (minutes are small)."""
    from docx.opc import pkgwriter

    package_writer: Any = pkgwriter.PackageWriter  # its part writers are private but stable
    package = docx.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        writer = ZipWriter(target, moment, level)
        package_writer._write_content_types_stream(writer, parts)
        package_writer._write_pkg_rels(writer, package.rels)
        package_writer._write_parts(writer, parts)
    return out.getvalue()


def build_time() -> dt.datetime:
    """The time stamped in the file: ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).replace(tzinfo=None)
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
