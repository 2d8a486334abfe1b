"""Width of a line of text in the embedded fonts, for rules drawn "as long as the text".

Word cannot shrink a paragraph border to its text, so the DOCX writer draws each rule as an empty
paragraph whose indents leave exactly the wanted length, and needs to know how wide the text is.
Both writers also break a ruled line that does not fit its box at the same places (see
:func:`fit_lines`), so that the rule can follow the longest line.
Liberation Serif has the advance widths of Times New Roman, the font the DOCX names, so measuring
with it gives the width Word will lay out. Kerning is ignored (below 0.5 % on these lines).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from minutes.profiles import Profile, Role
from minutes.tree import text_of
from minutes.vocabulary import text_width_pt
from minutes.writers.shared import CELL_PADDING_MM


def fit_lines(
    text: str, size_pt: float, bold: bool, italic: bool, width_pt: float, fonts: Path
) -> list[str]:
    """``text`` broken into the lines a reader will see in a box ``width_pt`` wide.

    Greedy, at spaces, as Word and WeasyPrint break a line. Both writers break the lines that
    carry a rule with this, so that they break them at the same places and the rule can be as
    long as the longest *line*, not the box (CSS cannot shrink a box to its longest wrapped line).
    """
    lines: list[str] = []
    for given in text.split("\n"):
        current = ""
        for word in given.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and text_width_pt(candidate, size_pt, bold, italic, fonts) > width_pt:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


def box_width_pt(profile: Profile, cell: str | None) -> float:
    """The width text can use in a header cell (``header-left``/``header-right``) or the body."""
    layout = profile.layout
    cells = {"header-left": layout.header_left_mm, "header-right": layout.header_right_mm}
    if cell in cells:
        return (cells[cell] - 2 * CELL_PADDING_MM) * 72 / 25.4
    return profile.page.text_width_mm * 72 / 25.4


def ruled_lines(element: ET.Element, role: Role, width_pt: float, fonts: Path) -> list[str] | None:
    """The lines of a plain-text paragraph that carries a rule, as they will be broken in a box
    ``width_pt`` wide (in the paragraph's own case); ``None`` if it has inline markup."""
    if any(child.tag != "br" for child in element):
        return None
    text = text_of(element)
    shown = text.upper() if role.caps else text
    lines = fit_lines(shown, role.size_pt, role.bold, role.italic, width_pt, fonts)
    words = iter(" ".join(text.split("\n")).split(" "))
    return [" ".join(next(words) for _ in line.split(" ")) for line in lines]


def longest_line_pt(lines: list[str], role: Role, fonts: Path) -> float:
    """The width of the longest of ``lines`` as the role shows them."""
    return max(
        text_width_pt(line.upper() if role.caps else line, role.size_pt, role.bold, role.italic,
                      fonts)
        for line in lines
    )
