"""What the writers and the checker must both know, below both: the font files and how wide a
text set in them is, and how high Word makes a single line.

The writers draw with these facts (a rule as long as its text, the same line breaks in the PDF
and the DOCX); the checker measures with them (how wide the text of a DOCX paragraph is, where a
DOCX line lies). Neither imports the other: both import this module.

Liberation Serif has the advance widths of Times New Roman, the font the DOCX names, so a width
measured with it is the width Word lays out. Kerning is ignored (below 0.5 % on these lines).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

FONT_FILES = {
    ("normal", "normal"): "LiberationSerif-Regular.ttf",
    ("bold", "normal"): "LiberationSerif-Bold.ttf",
    ("normal", "italic"): "LiberationSerif-Italic.ttf",
    ("bold", "italic"): "LiberationSerif-BoldItalic.ttf",
}
"""The embedded font files by (weight, style): Liberation Serif, the metric twin of Times New
Roman."""

SINGLE_LINE = 1.15
"""Word's "single" line spacing for Times New Roman (ascent + descent + line gap ≈ 1.15 em);
used for the PDF too, so both writers break lines and pages alike."""

_lock = threading.Lock()


@lru_cache(maxsize=8)
def _advances(path: Path) -> tuple[dict[int, int], int, int]:
    from fontTools.ttLib import TTFont  # lazy: only the DOCX writer and checker need it

    with _lock:
        font = TTFont(str(path), lazy=True)
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        widths = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
        units = font["head"].unitsPerEm
        fallback = hmtx[".notdef"][0] if ".notdef" in hmtx.metrics else units // 2
        font.close()
    return widths, units, fallback


@lru_cache(maxsize=8)
def _vertical(path: Path) -> tuple[float, float, float]:
    from fontTools.ttLib import TTFont

    with _lock:
        font = TTFont(str(path), lazy=True)
        units = font["head"].unitsPerEm
        hhea = font["hhea"]
        found = (hhea.ascent / units, -hhea.descent / units, hhea.lineGap / units)
        font.close()
    return found


def vertical_metrics(bold: bool, italic: bool, fonts: Path) -> tuple[float, float, float]:
    """The font's ascent, descent and line gap, in em (``hhea``: what Word, LibreOffice and
    WeasyPrint place a line by)."""
    file = FONT_FILES[("bold" if bold else "normal", "italic" if italic else "normal")]
    return _vertical(fonts / file)


def text_width_pt(text: str, size_pt: float, bold: bool, italic: bool, fonts: Path) -> float:
    """The width of ``text`` set in one line at ``size_pt`` (in points)."""
    file = FONT_FILES[("bold" if bold else "normal", "italic" if italic else "normal")]
    widths, units, fallback = _advances(fonts / file)
    total = sum(widths.get(ord(char), fallback) for char in text)
    return total * size_pt / units
