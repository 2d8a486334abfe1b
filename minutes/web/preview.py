"""Pictures of the PDF's pages for the live preview, drawn on the server.

The preview must show the pages exactly as the PDF has them (line breaks, page breaks, the
signature block), so it is the PDF itself, drawn by PDFium (through ``pypdfium2``, which ships its
own build of it: nothing to install on the machine and no browser PDF viewer needed, which
headless and locked-down office browsers often lack). PDFium is not thread-safe, hence the lock.
"""

from __future__ import annotations

import base64
import io
import threading
from dataclasses import dataclass

PREVIEW_SCALE = 1.25
"""Pixels per PDF point: an A4 page is 744 × 1052 pixels, sharp in a column half a laptop wide."""

_lock = threading.Lock()


@dataclass(frozen=True)
class PageImage:
    """One page as a PNG ``data:`` address, with its size in pixels."""

    src: str
    width: int
    height: int


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
                buffer = io.BytesIO()
                image.save(buffer, format="PNG", compress_level=3)
                encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
                pages.append(PageImage(f"data:image/png;base64,{encoded}", *image.size))
        finally:
            document.close()
    return pages
