"""Constants both writers must agree on, so the PDF and the DOCX lay out alike.

Format rules live in the profiles; these are the few facts of *how* we draw them that are not
rules of the format but must still be the same in both writers.
"""

from __future__ import annotations

# shared with the checker, so they live below both (re-exported for the writers)
from minutes.vocabulary import CELL_PADDING_MM as CELL_PADDING_MM
from minutes.vocabulary import FONT_FILES as FONT_FILES
from minutes.vocabulary import SINGLE_LINE as SINGLE_LINE
from minutes.vocabulary import font_family as font_family
from minutes.vocabulary import font_path as font_path

SIGNATURE_PADDING_MM = 3.0
"""Left and right padding inside a signature cell: three signers side by side keep a gutter of
at least 6 mm (more than an em at 14 pt) between their titles, so they read as three."""

RULE_LINE_PT = 2.0
"""What a rule under a header line takes under its stroke: the DOCX draws the rule as the top
border of an empty paragraph of this exact line height; the PDF leaves as much under the stroke."""

TABLE_GAP_PT = 6.0
"""The space above a data table that no caption introduces, and between two tables (PL I,
II.6.e: at least 6 pt between paragraphs)."""

CELL_PADDING_VERTICAL_PT = 1.0
"""Top and bottom padding inside a cell of a data table (both writers)."""
