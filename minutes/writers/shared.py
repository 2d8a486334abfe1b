"""Constants both writers must agree on, so the PDF and the DOCX lay out alike.

Format rules live in the profiles; these are the few facts of *how* we draw them that are not
rules of the format but must still be the same in both writers.
"""

from __future__ import annotations

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

CELL_PADDING_MM = 1.0
"""Left and right padding inside the header and signature cells (Word's cell margin)."""
