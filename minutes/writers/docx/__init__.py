"""Document tree + profile → DOCX bytes, with python-docx.

The file is made to be *edited*: every role is a named Word paragraph style (``BB Quốc hiệu``,
``BB Nội dung`` …) that carries the profile's format, and paragraphs use the style rather than
direct formatting, so a clerk who adds a paragraph keeps the official look. The header and the
signatures are borderless tables (what Vietnamese offices use); rules under header lines are empty
paragraphs with a border and indents that leave the length the rules ask for. One module per job:
:mod:`.styles` (profile → Word styles and page), :mod:`.build` (tree → body), :mod:`.ooxml`
(raw XML where python-docx has no API), :mod:`.package` (the file's bytes).
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

from docx import Document as new_docx

from minutes import cache
from minutes.errors import InternalError
from minutes.profiles import ROLES, Profile
from minutes.resources import fonts_dir
from minutes.tree import Document
from minutes.vocabulary import require_fonts
from minutes.writers.docx.build import Builder
from minutes.writers.docx.package import build_time
from minutes.writers.docx.styles import RULE_STYLE, STYLE_NAMES, base_document, style_id

__all__ = ["RULE_STYLE", "STYLE_NAMES", "DocxWriter", "build_time", "style_id"]


class DocxWriter:
    """Renders documents to DOCX. Safe to share between threads.

    The part of a file that depends only on the profile (page set-up, the styles, the header with
    its page number) is built once per profile and kept as bytes; each document starts from a copy
    of it. Paragraph styles are set by id, not by name: python-docx's lookup by name scans every
    style of the template for each paragraph, which cost more than all the rest together.
    """

    def __init__(self, fonts: Path | None = None) -> None:
        self._fonts = (fonts or fonts_dir()).resolve()
        require_fonts(self._fonts)
        self._bases: dict[tuple[str, str], bytes] = {}
        self._lock = threading.Lock()
        missing = [role for role in ROLES if role not in STYLE_NAMES]
        if missing:
            raise InternalError(f"the DOCX writer has no style for roles {missing}")

    def _base(self, profile: Profile) -> bytes:
        key = (profile.id, profile.version)
        with self._lock:
            if key not in self._bases:
                self._bases[key] = _cached_base(profile)
            return self._bases[key]

    def render(self, document: Document) -> bytes:
        """The DOCX file of ``document``."""
        base = self._base(document.profile)
        return Builder(document, self._fonts, new_docx(io.BytesIO(base))).build()


def _cached_base(profile: Profile) -> bytes:
    """The base document of ``profile``, from the cache (:mod:`minutes.cache`) when a process
    before this one built it: building it is most of a fresh process's first DOCX. Its name is
    a digest of the profile's data, the writer's code and python-docx's version."""
    import docx

    here = Path(__file__).parent
    name = cache.digest(
        profile.model_dump_json(),
        cache.source_of(*sorted(here.glob("*.py"))),
        str(docx.__version__),
    )
    data = cache.read("docx-base", name)
    if data is None or not data.startswith(b"PK"):
        data = base_document(profile)
        cache.write("docx-base", name, data)
    return data
