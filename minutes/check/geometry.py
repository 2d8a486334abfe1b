"""Geometry on located lines, whatever file they came from: rows, columns, paragraphs, how a line
sits in its column, the rule drawn under a text.

Everything here reads :class:`~minutes.check.layout.Piece` and
:class:`~minutes.check.layout.Stroke` only. Where a file declares what a PDF can only show (a
DOCX paragraph's alignment, its paragraph), the declaration is used; otherwise it is seen.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from minutes.check import tolerances as tol
from minutes.check.layout import Piece, Stroke, most_common
from minutes.check.text import is_rule_text

NO_RULE = "none"
"""The value of a rule measurement when no rule is drawn under the text."""

RuleMeasure = tuple[float, float | None]
"""A rule under a text: its length as a fraction of the text's, and how far its centre is from
the text's centre in mm (``None`` when that cannot be known)."""


def same_place(a: Piece, b: Piece) -> bool:
    """Whether two pieces can be compared by position: on the same page (or neither paged)."""
    return a.page == b.page and a.zone == b.zone


def rows(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces of one baseline together (the two columns of a row), top to bottom."""
    found: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: (p.page or 0, p.baseline, p.x0)):
        last = found[-1][0] if found else None
        if (
            last is not None
            and same_place(last, piece)
            and abs(piece.baseline - last.baseline) <= 0.2 * piece.size * tol.MM_PER_PT
        ):
            found[-1].append(piece)
        else:
            found.append([piece])
    return found


def gutter(pieces: list[Piece], left: float, right: float) -> float | None:
    """The middle of the widest empty vertical strip these pieces leave between ``left`` and
    ``right`` (the text area), if it is at least 2 mm wide and in the middle 60 %."""
    spans = sorted((word.x0, word.x1) for piece in pieces for word in piece.words)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1] + 0.2:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    width = right - left
    best: tuple[float, float] | None = None
    for (_a, end), (start, _b) in itertools.pairwise(merged):
        middle = (end + start) / 2
        central = left + 0.2 * width <= middle <= left + 0.8 * width
        wider = best is None or start - end > best[1] - best[0]
        if start - end >= 2.0 and central and wider:
            best = (end, start)
    return None if best is None else (best[0] + best[1]) / 2


def split_at(pieces: list[Piece], x: float) -> tuple[list[Piece], list[Piece]]:
    """The pieces left and right of ``x``; a piece across it is cut between its words."""
    left: list[Piece] = []
    right: list[Piece] = []
    for piece in pieces:
        before = [w for w in piece.words if (w.x0 + w.x1) / 2 < x]
        after = [w for w in piece.words if (w.x0 + w.x1) / 2 >= x]
        if before and after:
            left.append(piece.part(before))
            right.append(piece.part(after))
        elif before:
            left.append(piece)
        else:
            right.append(piece)
    return left, right


def two_columns(
    pieces: list[Piece], area: tuple[float, float]
) -> tuple[list[Piece], list[Piece], float | None]:
    """A two-column block as its left and right column, and where they part (mm): by the table
    cells the pieces are in, when they are in the cells of one table, else by the gutter."""
    by_cells = _by_cells(pieces)
    if by_cells is not None:
        return by_cells
    split = gutter(pieces, *area)
    if split is None:
        return [], _by_top(pieces), None
    left, right = split_at(pieces, split)
    return _by_top(left), _by_top(right), split


def _by_cells(pieces: list[Piece]) -> tuple[list[Piece], list[Piece], float | None] | None:
    found = [p.cell for p in pieces if p.cell is not None]
    if not found or len(found) != len(pieces):
        return None
    columns = {cell.column for cell in found}
    if len(columns) < 2 or len({cell.table for cell in found}) != 1:
        return None
    first = min(columns)
    left = [p for p, cell in zip(pieces, found, strict=True) if cell.column == first]
    right = [p for p, cell in zip(pieces, found, strict=True) if cell.column != first]
    edge = next(cell.x1 for cell in found if cell.column == first)
    return _by_top(left), _by_top(right), edge


def _by_top(pieces: list[Piece]) -> list[Piece]:
    return sorted(pieces, key=lambda p: (p.page or 0, p.top, p.order))


def texts(column: list[Piece]) -> list[Piece]:
    """The lines of a column that carry words (not rules, dashes or stars)."""
    return [p for p in column if set(p.text) - set("_-*. ")]


# -- how lines sit ---------------------------------------------------------------------------------


def align_in(pieces: list[Piece], column: list[Piece], box: tuple[float, float] | None) -> str:
    """How ``pieces`` sit in their column: declared (DOCX), or seen: ``center`` when they share
    the axis of the column's lines, ``left``/``right`` at its edges; where the axis cannot be
    seen (one line, or lines alike), measured against ``box`` (the cell)."""
    declared = {p.align for p in pieces if p.align is not None}
    if declared and all(p.align is not None for p in pieces):
        return declared.pop() if len(declared) == 1 else ", ".join(sorted(declared))
    on_axis = _on_axis(pieces, texts(column))
    if on_axis is not None:
        return on_axis
    if box is None:
        box = (min(p.x0 for p in pieces), max(p.x1 for p in pieces))
    centre = (box[0] + box[1]) / 2
    if all(abs(p.centre - centre) <= tol.CELL_CENTRE_MM for p in pieces):
        return "center"
    found = _against(pieces, None, box[0], box[1], edge=2.0)
    return found or _off_centre(pieces, centre)


def _on_axis(pieces: list[Piece], lines: list[Piece]) -> str | None:
    """Against the axis of a column's lines, when they differ in width so that it shows."""
    if len(lines) < 2 or max(p.width for p in lines) - min(p.width for p in lines) <= 3.0:
        return None
    centres = sorted(p.centre for p in lines)
    axis = centres[len(centres) // 2]
    return _against(pieces, axis, min(p.x0 for p in lines), max(p.x1 for p in lines))


def _against(
    pieces: list[Piece], axis: float | None, x0: float, x1: float, edge: float = tol.AXIS_MM
) -> str | None:
    if axis is not None and all(abs(p.centre - axis) <= tol.AXIS_MM for p in pieces):
        return "center"
    if all(abs(p.x0 - x0) <= edge for p in pieces):
        return "left"
    if all(abs(p.x1 - x1) <= edge for p in pieces):
        return "right"
    return None


def _off_centre(pieces: list[Piece], centre: float) -> str:
    worst = max((p.centre - centre for p in pieces), key=abs)
    return f"off-centre:{worst:.1f}"


# -- rules under a text ----------------------------------------------------------------------------


def rule_under(
    pieces: list[Piece], column: list[Piece], strokes: list[Stroke]
) -> RuleMeasure | str:
    """The rule under ``pieces``: a drawn stroke or a line of underscores, below the last line and
    above the next line of the column, overlapping the text. Its length is compared with the
    longest line, its centre with that line's centre."""
    candidates = _strokes_under(pieces, column, strokes)
    if not candidates:
        return NO_RULE
    stroke = min(candidates, key=lambda s: s.y)
    widest = max(pieces, key=lambda p: p.width)
    offset = None if stroke.centre is None else stroke.centre - widest.centre
    return (stroke.length / widest.width, offset)


def _strokes_under(pieces: list[Piece], column: list[Piece], strokes: list[Stroke]) -> list[Stroke]:
    last = pieces[-1]
    below = [p for p in column if p.top > last.bottom - 0.2 and p not in pieces]
    underscores = [p for p in below if is_rule_text(p.text)]
    limit = last.bottom + 1.5 * last.size * tol.MM_PER_PT
    following = [p.top for p in below if p not in underscores and same_place(p, last)]
    span = (last.baseline + 0.1 * last.size * tol.MM_PER_PT, min([*following, limit]) + 0.3)
    across = (min(p.x0 for p in pieces) - 1.0, max(p.x1 for p in pieces) + 1.0)
    typed = [Stroke(p.page, p.baseline, p.x0, p.width) for p in underscores]
    return [s for s in [*strokes, *typed] if _within(s, last.page, span, across)]


def _within(
    stroke: Stroke, page: int | None, span: tuple[float, float], across: tuple[float, float]
) -> bool:
    """Whether ``stroke`` lies on ``page``, between the heights ``span`` and centred inside
    ``across`` (when its place is known)."""
    if stroke.page != page or not span[0] < stroke.y <= span[1]:
        return False
    return stroke.centre is None or across[0] <= stroke.centre <= across[1]


def underlined(piece: Piece, strokes: list[Stroke]) -> bool:
    """Whether ``piece`` is underlined: its runs say so (DOCX), or a stroke runs under most of
    it just below its baseline (PDF)."""
    known = [look.underline for look in piece.looks if look.underline is not None]
    if known:
        return sum(piece.looks[look] for look in piece.looks if look.underline) * 2 > piece.chars
    depth = 0.35 * piece.size * tol.MM_PER_PT
    for stroke in strokes:
        if stroke.page != piece.page or stroke.x0 is None or stroke.x1 is None:
            continue
        overlap = min(stroke.x1, piece.x1) - max(stroke.x0, piece.x0)
        if (
            piece.baseline - 0.3 <= stroke.y <= piece.baseline + depth
            and overlap >= 0.6 * piece.width
        ):
            return True
    return False


# -- paragraphs of running text --------------------------------------------------------------------


@dataclass
class Paragraph:
    lines: list[Piece]

    @property
    def first(self) -> Piece:
        return self.lines[0]

    @property
    def chars(self) -> int:
        return sum(line.chars for line in self.lines)


def paragraphs(lines: list[Piece], right: float) -> list[Paragraph]:
    """Lines of running text in paragraphs: as the file says (DOCX), or seen (PDF). A line
    continues the paragraph above when the line above *wrapped* (the first word of this line
    would not have fitted at its end), this line is not indented further, and the gap between
    them is the text's usual one; the page may turn between them."""
    ordered = sorted(lines, key=lambda p: (p.page or 0, p.top))
    usual = _usual_gap(ordered)
    found: list[Paragraph] = []
    for line in ordered:
        previous = found[-1].lines[-1] if found else None
        if previous is None or _starts_paragraph(previous, line, right, usual):
            found.append(Paragraph([line]))
        else:
            found[-1].lines.append(line)
    return found


def wrapped(line: Piece, following: Piece, right: float) -> bool:
    """Whether ``line`` ended because the next word did not fit (rather than at the end of a
    paragraph, or at a line break): the room left at its end is smaller than that word."""
    if not following.words:
        return False
    space = 0.3 * following.size * tol.MM_PER_PT
    first = following.words[0]
    return right - line.x1 < first.x1 - first.x0 + space


def flush(line: Piece, right: float) -> bool:
    """Whether ``line`` ends at the right edge of the text (a justified line)."""
    return abs(line.x1 - right) <= tol.EDGE_PT * tol.MM_PER_PT


def _usual_gap(lines: list[Piece]) -> float:
    gaps: Counter[float] = Counter()
    for a, b in itertools.pairwise(lines):
        if same_place(a, b) and b.top >= a.bottom - 0.2:
            gaps[round(b.top - a.bottom, 1)] += 1
    return most_common(gaps) or 0.0


def _starts_paragraph(previous: Piece, line: Piece, right: float, usual: float) -> bool:
    if line.para is not None and previous.para is not None:
        return line.para != previous.para
    if line.x0 > previous.x0 + tol.AXIS_MM or not wrapped(previous, line, right):
        return True
    if not same_place(previous, line):
        return False  # the page turned inside the paragraph
    return line.top - previous.bottom > usual + 1.0


def right_edge(lines: list[Piece]) -> float:
    """The right edge of running text: where the longest lines end together (at least two of
    them within :data:`~minutes.check.tolerances.OVERSHOOT_MM`); the middle of that cluster, so
    that one line set a little past the others does not move it."""
    ends = sorted((p.x1 for p in lines), reverse=True)
    for end in ends:
        cluster = [e for e in ends if end - tol.OVERSHOOT_MM <= e <= end]
        if len(cluster) >= 2:
            return sorted(cluster)[len(cluster) // 2]
    return ends[0] if ends else 0.0


def paragraph_align(paragraph: Paragraph, right: float) -> str | None:
    """How a paragraph is aligned: declared (DOCX), or seen from its lines (PDF): ``justify``
    when its wrapped lines end at the right edge, ``left`` when they end short of it; a paragraph
    of one line shows nothing (``None``)."""
    declared = paragraph.first.align
    if declared is not None:
        return declared
    inner = paragraph.lines[:-1]
    if not inner:
        return None
    reaching = sum(1 for line in inner if flush(line, right))
    if reaching >= tol.JUSTIFIED_SHARE * len(inner):
        return "justify"
    centres = [line.centre for line in paragraph.lines]
    if max(centres) - min(centres) <= tol.AXIS_MM and reaching == 0:
        return "center"
    return "left" if reaching * 2 < len(inner) else None


def first_line_indent(paragraph: Paragraph, left: float) -> float:
    """How far the first line starts to the right of the text's left edge (mm)."""
    return paragraph.first.x0 - left
