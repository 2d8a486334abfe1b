"""Tables as a reader sees them: every cell's text, its alignment, and the total row.

Built from the meeting's data after its ``{{ … }}`` are evaluated (the texts of the cells are
the data's), for the template to lay out. A number is written the Vietnamese way by the format
of its column; a text is printed as typed; a total is the exact sum (in decimal, so 0,1 + 0,2
is 0,3) of the numbers of its column. The v1 figures (label | value | unit) and the result of
an election are tables of the same kind, so both writers draw one kind of table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from minutes.facts.votes import ElectionFacts
from minutes.formatting import format_date_short, format_number, format_percent
from minutes.model import BLANK_CELLS

_DIGITS = re.compile(r"\d+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Cell:
    text: str
    align: str = "left"
    colspan: int = 1
    bold: bool = False


@dataclass(frozen=True)
class TableView:
    """A table ready to print."""

    head: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    weights: tuple[float | None, ...]
    """A relative width per column, ``None`` where the writers work it out from the content."""
    caption: str | None = None
    note: str | None = None
    total: tuple[Cell, ...] | None = field(default=None)

    @property
    def weights_attribute(self) -> str:
        """The weights as the tree writes them: ``1,,2`` (empty: from the content)."""
        return ",".join("" if weight is None else f"{weight:g}" for weight in self.weights)

    @property
    def body(self) -> tuple[tuple[Cell, ...], ...]:
        """The rows, then the total row if there is one."""
        return self.rows + ((self.total,) if self.total else ())


_NUMBER_COLUMN = {"title": "TT", "format": "text", "align": "center", "sum": False, "width": None}


def _written(value: Any, column: dict[str, Any]) -> str:
    fmt = column.get("format") or "text"
    if fmt == "date" and isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        return format_date_short(value.strip())
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return str(value)
    if fmt == "percent":
        return format_percent(value, column.get("decimals"))
    return format_number(value, column.get("decimals"))


def _align(column: dict[str, Any]) -> str:
    if column.get("align"):
        return str(column["align"])
    return "right" if column.get("format") in ("number", "percent", "money") else "left"


def _summand(value: Any) -> Decimal:
    """A cell's part of its column's sum (blank cells and digit-only texts such as ``"02"`` too)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    text = str(value).strip()
    if _DIGITS.fullmatch(text):
        return Decimal(text)
    if text in BLANK_CELLS:
        return Decimal(0)
    raise ValueError(f"not a number: {text!r}")  # refused by the model before it gets here


def table_view(table: dict[str, Any]) -> TableView:
    """The view of a ``table`` part (plain data, ``{{ … }}`` already evaluated). A row written
    as one text is a group row across the whole table (``I. Nâng lương thường xuyên``)."""
    columns: list[dict[str, Any]] = list(table["columns"])
    rows: list[Any] = list(table.get("rows") or [])
    numbered = bool(table.get("numbered"))
    if numbered:
        columns = [_NUMBER_COLUMN, *columns]
    head = tuple(Cell(str(c["title"]), "center", bold=True) for c in columns)
    body: list[tuple[Cell, ...]] = []
    data_rows: list[list[Any]] = []
    number = 0
    for row in rows:
        if not isinstance(row, list):
            body.append((Cell(str(row), "left", colspan=len(columns), bold=True),))
            continue
        if numbered:
            number += 1
            row = [number, *row]
        data_rows.append(row)
        body.append(
            tuple(Cell(_written(v, c), _align(c)) for v, c in zip(row, columns, strict=True))
        )
    total = None
    if table.get("total"):
        total = _total_row(str(table["total"]), columns, data_rows)
    weights = tuple(c.get("width") for c in columns)
    return TableView(head, tuple(body), weights, table.get("caption"), table.get("note"), total)


def _total_row(
    label: str, columns: list[dict[str, Any]], rows: list[list[Any]]
) -> tuple[Cell, ...]:
    """The label across the columns before the first summed one, then the sums."""
    first_sum = next(index for index, column in enumerate(columns) if column.get("sum"))
    cells: list[Cell] = []
    if first_sum:
        cells.append(Cell(label, "center", colspan=first_sum, bold=True))
    for index in range(first_sum, len(columns)):
        column = columns[index]
        if column.get("sum"):
            total = sum((_summand(row[index]) for row in rows), Decimal(0))
            cells.append(Cell(_written(total, column), _align(column), bold=True))
        else:
            cells.append(Cell("", _align(column)))
    if not first_sum:  # the first column is summed: the label goes in a row of its own
        cells = [Cell(f"{label}: {cells[0].text}", cells[0].align, bold=True), *cells[1:]]
    return tuple(cells)


FIGURE_HEAD = ("TT", "Chỉ tiêu", "Số liệu", "Đơn vị tính")


def figures_view(figures: list[dict[str, Any]], caption: str | None) -> TableView:
    """The v1 figures table: TT | Chỉ tiêu | Số liệu | Đơn vị tính."""
    rows = tuple(
        (
            Cell(str(index), "right"),
            Cell(str(figure["label"])),
            Cell(_written(figure["value"], {"format": "number"}), "right"),
            Cell(str(figure.get("unit") or "")),
        )
        for index, figure in enumerate(figures, start=1)
    )
    head = tuple(Cell(title, "center", bold=True) for title in FIGURE_HEAD)
    return TableView(head, rows, (None,) * len(head), caption)


def election_view(
    election: dict[str, Any], facts: ElectionFacts, elected: str, not_elected: str
) -> TableView:
    """The result of an election: TT | Họ và tên | (Chức vụ, đơn vị) | Số phiếu | Tỷ lệ |
    (Kết quả), the columns the data fills."""
    labels = election.get("labels") or {}
    elected = labels.get("elected") or elected
    not_elected = labels.get("not_elected") or not_elected
    shares = any(c.votes.share is not None for c in facts.candidates)
    head = ["TT", "Họ và tên"] + (["Chức vụ, đơn vị"] if facts.shows_position else [])
    head += [f"Số {facts.unit}"] + (["Tỷ lệ"] if shares else [])
    head += ["Kết quả"] if facts.shows_outcome else []
    rows = []
    for place, candidate in enumerate(facts.candidates, start=1):
        data = election["candidates"][candidate.index]
        row = [Cell(str(place), "center"), Cell(str(data["name"]))]
        if facts.shows_position:
            row.append(Cell(str(data.get("position") or "")))
        row.append(Cell(candidate.votes.number, "right"))
        if shares:
            row.append(Cell(candidate.votes.share or "", "right"))
        if facts.shows_outcome:
            outcome = data.get("outcome") or {True: elected, False: not_elected}.get(
                data.get("elected"), ""
            )
            row.append(Cell(str(outcome), "center"))
        rows.append(tuple(row))
    weights: tuple[float | None, ...] = (None,) * len(head)
    return TableView(tuple(Cell(t, "center", bold=True) for t in head), tuple(rows), weights)
