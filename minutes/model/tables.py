"""Tables with any columns, and the v1 figures table (label | value | unit)."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from minutes.model.text import Decimals, Markdown, Strict, Text, Value

BLANK_CELLS = frozenset({"", "-", "–", "—"})
"""Cells that say "nothing here": skipped when a column is summed."""

_DIGITS = re.compile(r"[0-9]+")


def summable_text(cell: str) -> bool:
    """A text cell a sum can take: a blank (:data:`BLANK_CELLS`), or digits only (``"02"``,
    written with its leading zero, counts as 2)."""
    text = cell.strip()
    return text in BLANK_CELLS or _DIGITS.fullmatch(text) is not None


class Figure(Strict):
    """One row of a figures table: ``{label, value, unit}``. ``value`` may be a number or text."""

    label: Text = Field(min_length=1)
    value: Value
    unit: Text | None = None


class Column(Strict):
    """A column: its title, how its numbers are written, how it is aligned, whether it sums."""

    title: Text
    format: Literal["text", "number", "percent", "money", "date"] = "text"
    decimals: Decimals | None = None
    align: Literal["left", "center", "right"] | None = None
    sum: bool = False
    width: float | None = Field(default=None, gt=0, le=1000)
    """A relative width: the columns that have one share what the others leave, in proportion
    (the others' widths come from their content)."""

    @model_validator(mode="before")
    @classmethod
    def _title_only(cls, value: Any) -> Any:
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return {"title": value}
        return value


class Table(Strict):
    """A table of the body or of an appendix."""

    caption: Text | None = None
    columns: list[Column] = Field(min_length=1)
    rows: list[list[Value] | Text] = Field(default_factory=list)
    """The rows, each a list of cells; a row written as one text is a group row across the
    table (``I. Nâng lương thường xuyên``)."""
    numbered: bool = False
    total: Text | None = Field(default=None, min_length=1)
    """The label of a total row with the sums of the ``sum: true`` columns."""
    note: Markdown | None = None

    @field_validator("rows", mode="before")
    @classmethod
    def _empty_cells(cls, rows: Any) -> Any:
        """``~`` (null) in a row is an empty cell, as ``""`` is."""
        if isinstance(rows, list):
            return [
                ["" if cell is None else cell for cell in row] if isinstance(row, list) else row
                for row in rows
            ]
        return rows

    @model_validator(mode="after")
    def _rows_fit_columns(self) -> Table:
        for index, row in enumerate(self.rows, start=1):
            if isinstance(row, list) and len(row) != len(self.columns):
                raise PydanticCustomError(
                    "row_length",
                    "row length",
                    {"row": index, "cells": len(row), "columns": len(self.columns)},
                )
        for column_index, column in enumerate(self.columns):
            if not column.sum:
                continue
            for row_index, row in enumerate(self.rows, start=1):
                if not isinstance(row, list):
                    continue
                cell = row[column_index]
                if isinstance(cell, str) and not summable_text(cell):
                    raise PydanticCustomError(
                        "sum_of_text",
                        "sum of text",
                        {"row": row_index, "column": column.title, "cell": cell[:40]},
                    )
        if self.total is not None and not any(column.sum for column in self.columns):
            raise PydanticCustomError("total_without_sum", "total without sum")
        return self
