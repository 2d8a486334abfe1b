"""What a reader of a document sees, the same for a PDF and a DOCX: located lines of text, the
rules drawn between them, and the sheets they lie on.

The readers (:mod:`minutes.check.read_pdf`, :mod:`minutes.check.read_docx`) turn a file into one
:class:`Layout`; finding the elements, measuring and judging work on the layout alone and know
nothing of the format. Lengths are millimetres from the sheet's top-left corner, sizes points.

A PDF shows where each line lies. A DOCX says what Word is asked to do; its reader lays the
paragraphs out once, plainly (lines broken at spaces with the fonts' advance widths, tables cell
by cell, no page breaks), so that a DOCX has positions too. What a DOCX declares and a PDF can
only show (the margins, a paragraph's alignment) is kept as declared: see :attr:`Piece.align`
and :attr:`Sheet.margins`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple, TypeVar

from minutes.check.text import clean, squeeze

COLUMN_GAP_EM = 2.0
"""A gap wider than this (in ems) between two words of one line parts two columns: both readers
split a line there, so that a two-column row (the header, the signatures) is two pieces."""


ONE_PAGE_SLACK_MM = 30.0
"""A DOCX laid out plainly is taken to fit on one page only when its text ends this far above
the bottom margin (Word's own line breaks and spacing may differ from the plain layout's)."""


class Look(NamedTuple):
    """How a run of characters is set."""

    size: float
    bold: bool
    italic: bool
    underline: bool | None
    """``None``: the file does not say (a PDF draws an underline as a stroke)."""
    font: str
    """The font's family (``""``: not named)."""


class Word(NamedTuple):
    """A word on a line: where it lies (mm) and how it is set."""

    x0: float
    x1: float
    text: str
    look: Look


@dataclass(frozen=True)
class Cell:
    """The table cell a line is in, and the cell's inner box (mm)."""

    table: int
    row: int
    column: int
    x0: float
    x1: float


@dataclass(eq=False)
class Piece:
    """One line of text as it lies on the page (a line of a paragraph; a DOCX paragraph broken
    at spaces as Word breaks it; a PDF line split where a wide gap parts two columns)."""

    words: list[Word]
    top: float
    bottom: float
    baseline: float
    order: int = 0
    """The place in reading order (pages, then top to bottom, then left to right)."""
    page: int | None = None
    """``None``: the format has no pages of its own (a DOCX's body)."""
    zone: str = "body"
    """``body``, or ``header`` for the running header of a DOCX."""
    para: int | None = None
    """The paragraph the line belongs to, when the file says (DOCX)."""
    line: int = 0
    """The line's number in its paragraph (0: the first), when the file says."""
    align: str | None = None
    """The paragraph's alignment as the file declares it (DOCX); ``None``: seen, not declared."""
    cell: Cell | None = None
    field: str | None = None
    """``PAGE`` for a page-number field."""
    where: str = ""

    @cached_property
    def text(self) -> str:
        return clean(" ".join(word.text for word in self.words))

    @cached_property
    def squeezed(self) -> str:
        """The text without spaces, folded (for words set with extra letter spacing)."""
        return squeeze(self.text)

    @property
    def x0(self) -> float:
        return self.words[0].x0 if self.words else 0.0

    @property
    def x1(self) -> float:
        return max((word.x1 for word in self.words), default=0.0)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @cached_property
    def looks(self) -> Counter[Look]:
        """Characters (not spaces) per look."""
        tally: Counter[Look] = Counter()
        for word in self.words:
            tally[word.look] += sum(1 for char in word.text if not char.isspace())
        return tally

    @property
    def chars(self) -> int:
        return sum(self.looks.values())

    @property
    def size(self) -> float:
        sizes: Counter[float] = Counter()
        for look, count in self.looks.items():
            sizes[look.size] += count
        return most_common(sizes) or 0.0

    def part(self, words: list[Word]) -> Piece:
        """A piece of this line: ``words`` only, everything else alike."""
        return Piece(
            words,
            self.top,
            self.bottom,
            self.baseline,
            order=self.order,
            page=self.page,
            zone=self.zone,
            para=self.para,
            line=self.line,
            align=self.align,
            cell=self.cell,
            field=self.field,
            where=self.where,
        )


@dataclass(frozen=True)
class Stroke:
    """A horizontal line drawn on the page: a thin rectangle or a stroked path (PDF), a paragraph
    border or a drawn shape (DOCX). ``x0`` is ``None`` when only its length is known."""

    page: int | None
    y: float
    x0: float | None
    length: float

    @property
    def x1(self) -> float | None:
        return None if self.x0 is None else self.x0 + self.length

    @property
    def centre(self) -> float | None:
        return None if self.x0 is None else self.x0 + self.length / 2


@dataclass(frozen=True)
class Sheet:
    """A page of a PDF, or a section of a DOCX (whose pages all share its set-up)."""

    number: int
    width: float
    height: float
    label: str
    margins: tuple[float, float, float, float] | None = None
    """Top, bottom, left, right as the file declares them (DOCX); ``None``: seen only."""
    header_distance: float | None = None


@dataclass
class Layout:
    """Everything the checker reads from one file."""

    format: str
    sheets: list[Sheet]
    pieces: list[Piece]
    strokes: list[Stroke] = field(default_factory=list)
    embedded: dict[str, bool] | None = None
    """``{font name: embedded}`` (PDF); ``None`` when the file names fonts without carrying
    them (DOCX)."""
    pages: int = 0
    """The number of pages (0: the file does not say)."""
    extent: float | None = None
    """Where the text of an unpaginated layout ends (mm from the top of its one long page)."""
    page_breaks: int = 0
    """Page breaks the file asks for (an unpaginated layout does not make them)."""

    @property
    def paginated(self) -> bool:
        """Whether the pieces carry the page they lie on."""
        return self.pages > 0

    def one_page(self) -> bool:
        """Whether the document fits on one page: it has one (PDF), or its text ends above the
        first page's bottom margin with room to spare for the plain layout's error (DOCX)."""
        if self.paginated:
            return self.pages == 1
        sheet = self.sheets[0] if self.sheets else None
        if sheet is None or sheet.margins is None or self.extent is None or self.page_breaks:
            return False
        return self.extent <= sheet.height - sheet.margins[1] - ONE_PAGE_SLACK_MM

    def body(self) -> list[Piece]:
        return [piece for piece in self.pieces if piece.zone == "body"]

    @property
    def text(self) -> str:
        """The text of the body, line by line in reading order."""
        return "\n".join(piece.text for piece in self.body())


T = TypeVar("T")


def most_common(tally: Counter[T]) -> T | None:
    """The value with the most weight (ties: the first counted); ``None`` for an empty tally."""
    if not tally:
        return None
    return tally.most_common(1)[0][0]
