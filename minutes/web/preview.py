"""Pictures of the PDF's pages for the live preview, drawn on the server.

The preview must show the pages exactly as the PDF has them (line breaks, page breaks, the
signature block), so it is the PDF itself, drawn by PDFium (through ``pypdfium2``, which ships its
own build of it: nothing to install on the machine and no browser PDF viewer needed, which
headless and locked-down office browsers often lack). PDFium is not thread-safe, hence the lock.

A keystroke changes one page of a few, and the rest come out the same. So the last pictures
made are kept (:data:`KEPT_PICTURES` of them, a few MB), two ways:

- by the digest of the laid-out page (:func:`preview_pages`): a page laid out as one already
  drawn is neither drawn into the PDF by WeasyPrint, nor drawn by PDFium, nor encoded again
  (for the flagship's three pages, writing the PDF is about a third of the check, drawing the
  pictures another tenth);
- by the digest of a picture's pixels (:func:`page_images`, for a PDF already made): encoding a
  page as PNG costs more than drawing it (about 10 ms against 8 for an A4 page in grey on the
  2-core test machine), so a page drawn the same as before is not encoded again.
"""

from __future__ import annotations

import base64
import hashlib
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from minutes.api import Renderer
    from minutes.tree import Document

PREVIEW_SCALE = 1.25
"""Pixels per PDF point: an A4 page is 744 × 1052 pixels, sharp in a column half a laptop wide."""

KEPT_PICTURES = 64
"""Pictures kept (by either digest) for pages drawn the same again: the pages of the last few
previews."""


@dataclass(frozen=True)
class PageImage:
    """One page as a PNG ``data:`` address, with its size in pixels."""

    src: str
    width: int
    height: int


_lock = threading.Lock()
_kept: OrderedDict[tuple[object, ...], PageImage] = OrderedDict()
"""Pictures by ``("page", scale, digest of the laid-out page)`` and by ``("pixels", size, digest
of the pixels)``, the one used last at the end."""


def preview_pages(
    renderer: Renderer, document: Document, scale: float = PREVIEW_SCALE
) -> list[PageImage]:
    """Every page of ``document``'s PDF as a PNG picture; only the pages laid out unlike any
    kept are drawn."""
    with _lock:
        drawn = {
            key[2] for key in _kept if key[:2] == ("page", scale) and isinstance(key[2], bytes)
        }
        pages = renderer.render_pdf_pages(document, drawn)
        new_pictures = iter(_drawn(pages.pdf, scale) if pages.pdf is not None else [])
        pictures: list[PageImage] = []
        for digest in pages.digests:
            key = ("page", scale, digest)
            # a page is in the PDF if its digest was not kept when asked (nothing is forgotten
            # before the end), even if a page before it with the same digest was just drawn
            picture = next(new_pictures) if digest is None or digest not in drawn else _kept[key]
            pictures.append(picture)
            if digest is not None:
                _kept[key] = picture
                _kept.move_to_end(key)
        _forget_the_oldest()
    return pictures


def page_images(pdf: bytes, scale: float = PREVIEW_SCALE) -> list[PageImage]:
    """Every page of ``pdf`` as a PNG picture."""
    with _lock:
        pictures = _drawn(pdf, scale)
        _forget_the_oldest()
    return pictures


def _drawn(pdf: bytes, scale: float) -> list[PageImage]:
    """Every page of ``pdf`` drawn by PDFium (hold the lock)."""
    import pypdfium2

    pictures: list[PageImage] = []
    document = pypdfium2.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                image = page.render(scale=scale, grayscale=True).to_pil()
            finally:
                page.close()
            pictures.append(_picture(image))
    finally:
        document.close()
    return pictures


def _picture(image: Any) -> PageImage:
    """``image`` (a PIL image) as a PNG page, encoded only if no page drawn alike is kept."""
    key = ("pixels", image.size, hashlib.blake2b(image.tobytes(), digest_size=16).digest())
    kept = _kept.get(key)
    if kept is not None:
        _kept.move_to_end(key)
        return kept
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=3)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    picture = PageImage(f"data:image/png;base64,{encoded}", *image.size)
    _kept[key] = picture
    return picture


def _forget_the_oldest() -> None:
    """Keep :data:`KEPT_PICTURES` pictures, the ones used last (hold the lock)."""
    while len(_kept) > KEPT_PICTURES:
        _kept.popitem(last=False)
