"""The library's face: load, render, write. Host programs use this (through ``minutes``).

:class:`Renderer` keeps a composer and both writers warm, for hosts that render many documents
(the batch command, a web service). It is thread-safe: composing holds no shared state and each
writer serialises its own non-thread-safe part.

The DOCX needs nothing but Python packages; the PDF needs WeasyPrint and through it the Pango
library, which many computers (most Windows desktops) lack. Each writer is imported only when its
format is asked for, so DOCX work never touches WeasyPrint, and a missing Pango is a
:class:`~minutes.errors.SetupError` from the PDF side only (:func:`check_pdf` asks up front).
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Container, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from minutes.compose import Composer
from minutes.errors import InputError, Problem
from minutes.files import write_atomic
from minutes.i18n import _
from minutes.model import Minutes
from minutes.tree import Document

if TYPE_CHECKING:
    from minutes.writers.docx import DocxWriter
    from minutes.writers.pdf import PdfPages, PdfWriter

Format = Literal["pdf", "docx"]
FORMATS: tuple[Format, ...] = ("pdf", "docx")


class Renderer:
    """Composes and renders minutes; build once, reuse for many documents and threads."""

    def __init__(self) -> None:
        self._composer = Composer()
        self._pdf: PdfWriter | None = None
        self._docx: DocxWriter | None = None
        self._lock = threading.Lock()

    def compose(self, minutes: Minutes) -> Document:
        """The document tree (role-tagged XHTML) of ``minutes``."""
        return self._composer.compose(minutes)

    def render_pdf(self, minutes: Minutes, variant: str | None = None) -> bytes:
        """The PDF; ``variant`` may be ``"pdf/a-2b"`` for archival output."""
        return self.render_document(self.compose(minutes), "pdf", variant)

    def render_docx(self, minutes: Minutes) -> bytes:
        """The DOCX."""
        return self.render_document(self.compose(minutes), "docx")

    def render(self, minutes: Minutes, fmt: Format, variant: str | None = None) -> bytes:
        """The file in format ``fmt`` (``"pdf"`` or ``"docx"``)."""
        return self.render_document(self.compose(minutes), fmt, variant)

    def render_all(
        self, minutes: Minutes, formats: Sequence[Format], variant: str | None = None
    ) -> dict[Format, bytes]:
        """The file in each of ``formats``, from one composed tree (composing is done once)."""
        document = self.compose(minutes)
        return {fmt: self.render_document(document, fmt, variant) for fmt in formats}

    def render_document(self, document: Document, fmt: Format, variant: str | None = None) -> bytes:
        """The file in format ``fmt`` of a tree already composed (by :meth:`compose`, or by
        :func:`minutes.validate.check_text`, which composes to find the expressions' problems):
        both writers read the tree without changing it, so one tree serves both formats."""
        if fmt == "pdf":
            return self._pdf_writer().render(document, variant=variant)
        if fmt == "docx":
            return self._docx_writer().render(document)
        raise _unknown_format(fmt)

    def render_pdf_pages(self, document: Document, drawn: Container[bytes]) -> PdfPages:
        """For a preview that keeps pictures of the pages it drew: each page's digest, and a PDF
        of only the pages whose digest is not in ``drawn`` (see
        :meth:`minutes.writers.pdf.PdfWriter.render_pages`)."""
        return self._pdf_writer().render_pages(document, drawn)

    def _pdf_writer(self) -> PdfWriter:
        from minutes.writers.pdf import PdfWriter  # lazy: WeasyPrint, and it may find no Pango

        with self._lock:
            if self._pdf is None:
                self._pdf = PdfWriter()
            return self._pdf

    def _docx_writer(self) -> DocxWriter:
        from minutes.writers.docx import DocxWriter

        with self._lock:
            if self._docx is None:
                self._docx = DocxWriter()
            return self._docx

    def write(self, minutes: Minutes, path: str | Path, variant: str | None = None) -> Path:
        """Write the file whose format the suffix of ``path`` names, atomically."""
        path = Path(path)
        suffix = path.suffix.lower()
        fmt: Format
        if suffix == ".pdf":
            fmt = "pdf"
        elif suffix == ".docx":
            fmt = "docx"
        else:
            raise InputError(
                Problem(
                    _("Cannot tell the format from the file name: use .pdf or .docx."),
                    file=str(path),
                )
            )
        data = self.render(minutes, fmt, variant=variant)
        write_atomic(path, data)
        return path


def _unknown_format(fmt: str) -> InputError:
    return InputError(Problem(_("Unknown output format `{fmt}`.").format(fmt=fmt)))


YOUNG_COLLECTION_THRESHOLD = 10_000
"""New objects between two collections of the youngest generation once a process is warm
(Python's default: 700). A render makes some hundred thousand short-lived objects (WeasyPrint's
boxes and styles); collecting every 700 of them was a twentieth of the render."""


def settle_after_warm_up() -> None:
    """Tell the garbage collector that what a warm process holds now (WeasyPrint, the fonts,
    the parsed stylesheets, the template) lives as long as the process: :func:`gc.freeze` keeps
    it out of every later collection (full collections scanned it all: about a tenth of a
    render's CPU), and young collections run less often (:data:`YOUNG_COLLECTION_THRESHOLD`).
    For processes that render many documents (batch workers, the web app's workers) after their
    first one; memory stays flat (each document's garbage is still collected), measured in
    ``benchmarks/batch_bench.py``. Calling it again freezes what was added since."""
    gc.collect()
    gc.freeze()
    _young, *older = gc.get_threshold()
    gc.set_threshold(max(_young, YOUNG_COLLECTION_THRESHOLD), *older)


def check_pdf() -> None:
    """Raise :class:`~minutes.errors.SetupError` (what to install, in the user's language) when
    this computer cannot make PDFs. For a host that would rather say so before it starts on many
    files than at the first one; rendering a PDF raises the same error anyway."""
    from minutes.writers.pdf import require_weasyprint

    require_weasyprint()


@functools.cache
def default_renderer() -> Renderer:
    """The process's shared renderer."""
    return Renderer()


def render_pdf(minutes: Minutes, variant: str | None = None) -> bytes:
    """The PDF of ``minutes`` (see :class:`Renderer`)."""
    return default_renderer().render_pdf(minutes, variant=variant)


def render_docx(minutes: Minutes) -> bytes:
    """The DOCX of ``minutes``."""
    return default_renderer().render_docx(minutes)


def write(minutes: Minutes, path: str | Path, variant: str | None = None) -> Path:
    """Write ``minutes`` to ``path``; the suffix (``.pdf``/``.docx``) names the format."""
    return default_renderer().write(minutes, path, variant=variant)
