"""What a measurer hands to the judge: the elements it found, each as pieces of text with their
measured look, and the values of the rules that are not about one element (page, fonts, forms).

Both measurers (:mod:`minutes.check.pdf`, :mod:`minutes.check.docx`) fill the same
:class:`Found`, so the judging (:mod:`minutes.check.judge`) does not depend on the format. A value
the measurer could not take is ``None``; an element it could not find is absent, with the reason
in :attr:`Found.missing`: the judge reports both as *not checked*, never as passed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from minutes.check.text import case_of

RuleMeasure = tuple[float, float | None]
"""A rule drawn under a text: its length as a fraction of the text's, and how far its centre is
from the text's centre in mm (``None`` when that cannot be known)."""

NO_RULE = "none"
FLAGS = {
    "bold": ("bold", "regular"),
    "italic": ("italic", "upright"),
    "underline": ("underlined", "not underlined"),
}
"""How a yes/no property reads, as the rules name it."""
"""The value of a ``rule`` measurement when no rule is drawn under the text."""


@dataclass(frozen=True)
class Measured:
    """The measured value of one rule; ``value`` ``None`` means it could not be measured."""

    value: Any
    where: str = ""
    note: str = ""


@dataclass
class Piece:
    """One instance of an element (a line, a paragraph, a signature column) as measured."""

    text: str
    where: str
    chars: int = 0
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    align: str | None = None
    position: str | None = None
    indent: float | None = None
    rule: RuleMeasure | str | None = None

    @property
    def case(self) -> str | None:
        return case_of(self.text)

    def value(self, prop: str) -> Any:
        """The measured value of property ``prop`` (``None`` when not measured)."""
        if prop == "text":
            return self.text
        value = getattr(self, prop, None)
        if prop in FLAGS and isinstance(value, bool):
            return FLAGS[prop][0 if value else 1]
        return value


@dataclass
class Found:
    """Everything a measurer found in one file."""

    format: str
    pages: int
    elements: dict[str, list[Piece]] = field(default_factory=dict)
    values: dict[str, Measured] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    text: str = ""

    def add(self, element: str, piece: Piece) -> None:
        self.elements.setdefault(element, []).append(piece)


def majority(flags: list[tuple[bool | None, int]]) -> bool | None:
    """The value most of the weight has (``(flag, weight)`` pairs); ``None`` if none is known."""
    known = [(flag, weight) for flag, weight in flags if flag is not None]
    if not known:
        return None
    yes = sum(weight for flag, weight in known if flag)
    no = sum(weight for flag, weight in known if not flag)
    return yes > no


def mode(values: list[tuple[float, int]], step: float = 0.5) -> float | None:
    """The weighted most common value, values rounded to ``step`` first."""
    tally: dict[float, int] = {}
    for value, weight in values:
        rounded = round(value / step) * step
        tally[rounded] = tally.get(rounded, 0) + weight
    if not tally:
        return None
    return max(tally.items(), key=lambda item: (item[1], -item[0]))[0]


def split_org_lines(
    lines: list[tuple[str, bool | None]],
) -> tuple[list[int], list[int]]:
    """Split the header's left-cell lines above the number into the parent body's and the
    issuing body's (indexes into ``lines``, each ``(text, bold)``).

    The issuing body is the last run of lines that look alike (same weight); what stands above
    it is the parent body. With one run only there is no parent body.
    """
    if not lines:
        return [], []
    runs: list[list[int]] = [[0]]
    for index in range(1, len(lines)):
        if lines[index][1] == lines[runs[-1][-1]][1]:
            runs[-1].append(index)
        else:
            runs.append([index])
    org = runs[-1]
    parent = [i for run in runs[:-1] for i in run]
    return parent, org
