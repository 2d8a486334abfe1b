"""Pictures of the PDF's pages for the live preview, drawn on the server.

The preview must show the pages exactly as the PDF has them (line breaks, page breaks, the
signature block), so it is the PDF itself, drawn by PDFium (through ``pypdfium2``, which ships its
own build of it: nothing to install on the machine and no browser PDF viewer needed, which
headless and locked-down office browsers often lack). PDFium is not thread-safe, hence the lock.

Encoding a page as PNG costs more than drawing it (about 10 ms against 8 for an A4 page in grey
on the 2-core test machine), and a keystroke changes one page of a few: the other pages come out
of PDFium the same, pixel for pixel. So the last pictures made are kept by the digest of their
pixels (:data:`KEPT_PICTURES` of them, a few MB) and a page drawn the same as before is not
encoded again.
"""

from __future__ import annotations

import base64
import hashlib
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

PREVIEW_SCALE = 1.25
"""Pixels per PDF point: an A4 page is 744 × 1052 pixels, sharp in a column half a laptop wide."""

KEPT_PICTURES = 32
"""Pictures kept for pages drawn the same again: the pages of the last few previews."""


@dataclass(frozen=True)
class PageImage:
    """One page as a PNG ``data:`` address, with its size in pixels."""

    src: str
    width: int
    height: int


_lock = threading.Lock()
_kept: OrderedDict[tuple[tuple[int, int], bytes], PageImage] = OrderedDict()


def page_images(pdf: bytes, scale: float = PREVIEW_SCALE) -> list[PageImage]:
    """Every page of ``pdf`` as a PNG picture."""
    import pypdfium2

    pages: list[PageImage] = []
    with _lock:
        document = pypdfium2.PdfDocument(pdf)
        try:
            for index in range(len(document)):
                page = document[index]
                try:
                    image = page.render(scale=scale, grayscale=True).to_pil()
                finally:
                    page.close()
                pages.append(_picture(image))
        finally:
            document.close()
    return pages


def _picture(image: Any) -> PageImage:
    """``image`` (a PIL image) as a PNG page, encoded only if no page drawn alike is kept."""
    key = (image.size, hashlib.blake2b(image.tobytes(), digest_size=16).digest())
    kept = _kept.get(key)
    if kept is not None:
        _kept.move_to_end(key)
        return kept
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=3)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    picture = PageImage(f"data:image/png;base64,{encoded}", *image.size)
    _kept[key] = picture
    while len(_kept) > KEPT_PICTURES:
        _kept.popitem(last=False)
    return picture
