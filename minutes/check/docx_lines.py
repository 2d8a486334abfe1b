"""Break a DOCX paragraph into lines and place its words as Word places them.

Greedy, at spaces, in the width left by the paragraph's indents; a manual line break ends a line.
Each line is placed by the paragraph's alignment (a justified line but the last is stretched to
both edges). A line that holds tabs is placed by its tab stops (the paragraph's own, then Word's
default stops every 12.7 mm from the column's left edge; a centre or right stop centres or ends
the text that follows it); what does not fit after the last tab wraps as the rest of the
paragraph does. Positions are millimetres from the sheet's left edge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from minutes.check.docx_styles import ParaLook

Placed = list[tuple[float, Any]]
"""The words of a line: ``(x, word token)``."""


@dataclass
class Line:
    words: Placed
    tabbed: bool = False
    """Placed by tab stops rather than by the paragraph's alignment."""


@dataclass(frozen=True)
class _Setting:
    look: ParaLook
    box: tuple[float, float]
    width: Callable[[Any], float]
    default_tab: float

    def edges(self, first: bool) -> tuple[float, float]:
        start = self.box[0] + self.look.left + (self.look.first if first else 0.0)
        return start, self.box[1] - self.look.right


def break_lines(
    tokens: list[Any],
    look: ParaLook,
    box: tuple[float, float],
    width: Callable[[Any], float],
    default_tab: float,
) -> list[Line]:
    """The lines of a paragraph of ``tokens`` (``word``, ``space``, ``tab``, ``break``)."""
    setting = _Setting(look, box, width, default_tab)
    lines: list[Line] = []
    segment: list[Any] = []
    for token in [*tokens, None]:
        if token is not None and token.kind != "break":
            segment.append(token)
            continue
        first = not lines
        if any(t.kind == "tab" for t in segment):
            lines.extend(_tabbed(segment, setting, first))
        else:
            lines.extend(Line(row) for row in _wrapped(segment, setting, first, None))
        segment = []
    return [line for line in lines if line.words]


def _wrapped(tokens: list[Any], setting: _Setting, first: bool, pen: float | None) -> list[Placed]:
    """Words wrapped at spaces; the first line starts at ``pen`` when given (after a tab)."""
    rows: list[list[tuple[float, float, Any]]] = [[]]  # (space before, width, token)
    used, space = 0.0, 0.0
    for token in tokens:
        if token.kind == "space":
            space += setting.width(token) if rows[-1] else 0.0
            continue
        start, end = _start(setting, first and len(rows) == 1, pen if len(rows) == 1 else None)
        size = setting.width(token)
        if rows[-1] and used + space + size > end - start + 0.01:
            rows.append([])
            used, space = 0.0, 0.0
        rows[-1].append((space if rows[-1] else 0.0, size, token))
        used += (space if len(rows[-1]) > 1 else 0.0) + size
        space = 0.0
    placed = []
    for index, row in enumerate(rows):
        start, end = _start(setting, first and index == 0, pen if index == 0 else None)
        last = index == len(rows) - 1
        placed.append(_aligned(row, setting.look.align, start, end, last, pen is not None))
    return placed


def _start(setting: _Setting, first: bool, pen: float | None) -> tuple[float, float]:
    start, end = setting.edges(first)
    return (pen if pen is not None else start), end


def _aligned(
    row: list[tuple[float, float, Any]],
    align: str,
    start: float,
    end: float,
    last: bool,
    after_tab: bool,
) -> Placed:
    natural = sum(size for _s, size, _t in row) + sum(space for space, _w, _t in row[1:])
    stretch = 0.0
    x = start
    if after_tab:
        pass  # text after a tab starts at the pen
    elif align == "center":
        x = start + (end - start - natural) / 2
    elif align == "right":
        x = end - natural
    if align == "justify" and not last and len(row) > 1:
        stretch = max(0.0, end - x - natural) / (len(row) - 1)
    placed: Placed = []
    for index, (space, size, token) in enumerate(row):
        if index:
            x += space + stretch
        placed.append((x, token))
        x += size
    return placed


def _tabbed(tokens: list[Any], setting: _Setting, first: bool) -> list[Line]:
    """A line with tabs: each stretch of text after a tab at its stop; the last stretch wraps
    if it does not fit."""
    stretches: list[list[Any]] = [[]]
    for token in tokens:
        if token.kind == "tab":
            stretches.append([])
        else:
            stretches[-1].append(token)
    pen, _end = setting.edges(first)
    placed: Placed = []
    for index, stretch in enumerate(stretches):
        size = sum(setting.width(t) for t in stretch)
        x = pen
        if index:
            stop, kind = _next_stop(pen - setting.box[0], setting.look, setting.default_tab)
            x = setting.box[0] + stop
            x -= size / 2 if kind == "center" else size if kind == "right" else 0.0
            x = max(x, pen)
        if index == len(stretches) - 1 and kind_left(index, stretches):
            rows = _wrapped(stretch, setting, first, x)
            placed.extend(rows[0])
            return [Line(placed, tabbed=True), *(Line(row) for row in rows[1:])]
        for token in stretch:
            if token.kind == "word":
                placed.append((x, token))
            x += setting.width(token)
        pen = x
    return [Line(placed, tabbed=True)]


def kind_left(index: int, stretches: list[list[Any]]) -> bool:
    """Whether the last stretch holds words to wrap."""
    return index > 0 and any(t.kind == "word" for t in stretches[index])


def _next_stop(position: float, look: ParaLook, default_tab: float) -> tuple[float, str]:
    """The first tab stop after ``position`` (mm from the column's left edge)."""
    for stop, kind in look.tabs:
        if stop > position + 0.01:
            return stop, kind
    if look.first < 0 and look.left > position + 0.01:  # a hanging indent is a stop
        return look.left, "left"
    steps = int(position // default_tab) + 1
    return steps * default_tab, "left"
