"""How close a measured value must come to what the rule allows, each with its unit in its name.

A tolerance is the error of measuring, not a licence: a value passes when it lies inside the
range the official text gives, widened by these amounts on both sides. ``docs/fidelity.md``
says why each is as large as it is.
"""

from __future__ import annotations

MM_PER_PT = 25.4 / 72
"""Millimetres per typographic point."""

SIZE_PT = 0.3
"""Producers write 13 pt as 12.9998; Word stores half points."""

MARGIN_MM = 0.5
"""Twips and EMUs round; WeasyPrint's justified lines overshoot by up to 1.1 pt (0.4 mm)."""

OVERSHOOT_MM = 1.0
"""A PDF's right margin is where its justified lines end; a line that ends up to this much further
(WeasyPrint sets justified bold capitals up to 0.7 mm past the edge: measured on the corpus of
real meetings) does not move it; one that runs further into the margin is the margin."""

PAPER_MM = 1.0
"""US Letter (216 × 279) is 6 mm away from A4: a millimetre tells them apart."""

INDENT_MM = 1.0
"""A first-line indent typed as 1 cm in Word is 567 twips (10.0 mm); 0.5 inch is 12.7 mm."""

RULE_LENGTH = 0.10
"""How far the length of a rule under a line may be from what the clause asks, as a share of
that length (10 %: 1/3–1/2 of the text becomes 30–55 %, "as long as the text" 90–110 %): rules
are drawn in Word with the mouse, by eye (Mẫu 1.9's own rule under the Tiêu ngữ is 92 % of it)."""

RULE_CENTRE_MM = 1.5
"""How far a rule's centre may be from its text's centre ("đặt cân đối so với dòng chữ")."""

AXIS_MM = 1.5
"""Lines of one column are centred when their centres lie this close to the column's axis."""

CELL_CENTRE_MM = 3.0
"""A line alone in its cell is centred when its centre is this close to the cell's centre."""

EDGE_PT = 1.5
"""A justified line ends this close to the right edge of its column (WeasyPrint: 1.1 pt over)."""

PAGE_NUMBER_CENTRE_MM = 2.0
"""A page number is centred when its centre is this close to the text area's centre."""

JUSTIFIED_SHARE = 0.8
"""Body text is justified when this share of its paragraphs' inner lines reach both edges."""
