"""Width of a line of text in the embedded fonts, for rules drawn "as long as the text".

Word cannot shrink a paragraph border to its text, so the DOCX writer draws each rule as an empty
paragraph whose indents leave exactly the wanted length, and needs to know how wide the text is.
Liberation Serif has the advance widths of Times New Roman, the font the DOCX names, so measuring
with it gives the width Word will lay out. Kerning is ignored (below 0.5 % on these lines).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from minutes.writers.css import FONT_FILES

_lock = threading.Lock()


@lru_cache(maxsize=8)
def _advances(path: Path) -> tuple[dict[int, int], int, int]:
    from fontTools.ttLib import TTFont  # lazy: only the DOCX writer needs it

    with _lock:
        font = TTFont(str(path), lazy=True)
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        widths = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
        units = font["head"].unitsPerEm
        fallback = hmtx[".notdef"][0] if ".notdef" in hmtx.metrics else units // 2
        font.close()
    return widths, units, fallback


def text_width_pt(text: str, size_pt: float, bold: bool, italic: bool, fonts: Path) -> float:
    """The width of ``text`` set in one line at ``size_pt`` (in points)."""
    file = FONT_FILES[("bold" if bold else "normal", "italic" if italic else "normal")]
    widths, units, fallback = _advances(fonts / file)
    total = sum(widths.get(ord(char), fallback) for char in text)
    return total * size_pt / units
