"""Constants both writers must agree on, so the PDF and the DOCX lay out alike.

Format rules live in the profiles; these are the few facts of *how* we draw them that are not
rules of the format but must still be the same in both writers.
"""

from __future__ import annotations

# shared with the checker, so they live below both (re-exported for the writers)
from minutes.vocabulary import FONT_FILES as FONT_FILES
from minutes.vocabulary import SINGLE_LINE as SINGLE_LINE

CELL_PADDING_MM = 1.0
"""Left and right padding inside the header and signature cells (Word's cell margin)."""

SIGNATURE_PADDING_MM = 3.0
"""Left and right padding inside a signature cell: three signers side by side keep a gutter of
at least 6 mm (more than an em at 14 pt) between their titles, so they read as three."""
