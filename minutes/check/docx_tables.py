"""Where the cells of a DOCX table lie: the table's position, each cell's width (its own, else
the grid's), its margins; vertically merged cells and row heights."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from minutes.check.docx_styles import q, twips

DEFAULT_CELL_MARGIN_MM = 108 * 25.4 / 1440
"""Word's default left and right cell margin (0.075 in)."""


def table_start(table: Any, box: tuple[float, float]) -> tuple[float, list[float], float]:
    """The table's left edge (mm), its grid's column widths and its width."""
    grid = [twips(col, "w:w") or 0.0 for col in table.iter(q("w:gridCol"))]
    props = table.find(q("w:tblPr"))
    total = sum(grid) or (box[1] - box[0])
    indent = props.find(q("w:tblInd")) if props is not None else None
    start = box[0] + (twips(indent, "w:w") or 0.0)
    jc = props.find(q("w:jc")) if props is not None else None
    if jc is not None and jc.get(q("w:val")) == "center":
        start = (box[0] + box[1] - total) / 2
    return start, grid, total


def cells(
    table: Any, row: Any, start: float, grid: list[float], total: float
) -> Iterator[tuple[int, Any, tuple[float, float]]]:
    """``(grid column, cell, inner box)`` for each cell of ``row`` that holds its own content
    (a cell that continues a vertical merge does not)."""
    props = table.find(q("w:tblPr"))
    margins = cell_margins(props) or (DEFAULT_CELL_MARGIN_MM, DEFAULT_CELL_MARGIN_MM)
    x, column = start, 0
    for tc in row.findall(q("w:tc")):
        tcpr = tc.find(q("w:tcPr"))
        span = _span(tcpr)
        width = _cell_width(tcpr) or sum(grid[column : column + span])
        width = width or total / max(len(grid), 1)
        left, right = cell_margins(tcpr) or margins
        if not _merged_below(tcpr):
            yield column, tc, (x + left, x + width - right)
        x += width
        column += span


def _span(tcpr: Any) -> int:
    span = tcpr.find(q("w:gridSpan")) if tcpr is not None else None
    try:
        return max(1, int(span.get(q("w:val"), 1))) if span is not None else 1
    except ValueError:
        return 1


def _cell_width(tcpr: Any) -> float | None:
    """A cell's own width in twips (what Word and LibreOffice lay out), when it gives one."""
    width = tcpr.find(q("w:tcW")) if tcpr is not None else None
    if width is None or width.get(q("w:type"), "dxa") != "dxa":
        return None
    return twips(width, "w:w") or None


def _merged_below(tcpr: Any) -> bool:
    """A cell that continues the vertically merged cell above it (its content is above)."""
    merge = tcpr.find(q("w:vMerge")) if tcpr is not None else None
    return merge is not None and merge.get(q("w:val"), "continue") == "continue"


def row_height(row: Any) -> float:
    height = row.find(f"{q('w:trPr')}/{q('w:trHeight')}")
    return twips(height, "w:val") or 0.0 if height is not None else 0.0


def cell_margins(properties: Any) -> tuple[float, float] | None:
    if properties is None:
        return None
    margins = properties.find(q("w:tblCellMar"))
    if margins is None:
        margins = properties.find(q("w:tcMar"))
    if margins is None:
        return None
    values = []
    for names in (("w:left", "w:start"), ("w:right", "w:end")):
        value = DEFAULT_CELL_MARGIN_MM
        for name in names:
            edge = margins.find(q(name))
            if edge is not None and edge.get(q("w:type"), "dxa") == "dxa":
                value = twips(edge, "w:w") or 0.0
        values.append(value)
    return (values[0], values[1])
