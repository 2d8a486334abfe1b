"""The web form's boxes to meeting data and back, with the box of every data path.

An HTML form sends flat ``name=value`` pairs in the order its boxes stand on the page. The names
mirror the file's paths, joined with dots (``chair._1.name``, ``agenda._2.parts._1.vote.for``); a
segment that starts with ``_`` is the key of a list row. Row keys are opaque: the rows of a list
come out in the order the page holds them, so the page's script can add, remove and move rows
without renumbering anything. A row left empty is dropped, as a clerk expects of a blank line.
Which kind of box each field has (a line, paragraphs, a count, a date, a choice, a table …) is
:mod:`minutes.web.spec`, which the page template follows too.

Values are read as a clerk writes them, not as YAML would (:mod:`minutes.web.form_values`): a count
is digits (``1.500`` with the Vietnamese dot between thousands too), a figure or a table cell in a
column of numbers is a number when it is written as the document writes numbers (``12.181``,
``12181``, ``317,35``) and text otherwise, a date comes from the browser's date box and a time from
its time box. A value from a file that such a box would read back otherwise (the text ``2018`` in a
column of numbers, a number in a column of text) carries a hidden mark of its kind (``name~``)
beside its box, so that opening a file and saving it gives back the same meeting.

Why by hand: form libraries (WTForms and the like) validate by themselves, and the errors must come
from :mod:`minutes.validate`, the validator the command line uses, mapped back to the boxes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from minutes.i18n import _
from minutes.web.form_values import (
    LINE,
    NO_HONORIFIC,
    NUMBER_FORMATS,
    count_from_text,
    join_name,
    value_from_text,
)
from minutes.web.spec import ABSENT, PART_MODELS, PERSON, Box, boxes

Path_ = tuple[str | int, ...]

MARK = "~"
"""Ends the name of a hidden mark: ``agenda._1.figures._2.value~`` says what that box holds."""

_DATA_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_WIDTH = re.compile(r"[0-9]+([.,][0-9]+)?")


@dataclass
class FormData:
    """What a submitted form holds: the meeting ``data`` (as :func:`minutes.load.parse` would
    give it), the box of each data path, and problems only the form can have."""

    data: dict[str, Any]
    names: dict[Path_, str] = field(default_factory=dict)
    """The box (or row, or list) that shows each data path: the ``id`` of the box is
    ``f-`` and this name, its error line ``data-error-for`` this name."""
    problems: list[tuple[str, str]] = field(default_factory=list)
    """``(box name, message)``: a named value without a name, a name used twice."""
    data_rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    """Every named-value row as typed, refused ones too: ``(row name, name, value text, kind)``,
    so a page drawn again shows what the clerk typed."""
    marks: dict[str, str] = field(default_factory=dict)

    def name_of(self, path: Path_ | None) -> str | None:
        """The box (or row, or list) that shows the data at ``path``, or its nearest enclosing
        one; ``None`` for the meeting as a whole."""
        if path is None:
            return None
        for end in range(len(path), 0, -1):
            name = self.names.get(path[:end])
            if name is not None:
                return name
        return None


def from_form(pairs: Iterable[tuple[str, str]]) -> FormData:
    """Meeting data from the form's ``(name, value)`` pairs, in page order. Names that are not
    the format's (the upload box, the buttons, the session's token) are left out."""
    from minutes.model import Minutes

    fields = Minutes.model_fields
    tree: dict[str, Any] = {}
    form = FormData({})
    for name, value in pairs:
        if name.endswith(MARK):
            form.marks[name[: -len(MARK)]] = value
            continue
        parts = name.split(".")
        if not all(parts) or parts[0] not in fields:
            continue
        node = tree
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                break
            node = child
        else:
            node[parts[-1]] = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    form.data = _model("Minutes", tree, (), "", form) or {}
    return form


# -- reading: one function per kind of box ---------------------------------------------------------

Reader = Callable[[Box, Any, Path_, str, "FormData"], Any]


def _model(model: str, node: Any, path: Path_, name: str, form: FormData) -> dict[str, Any] | None:
    """A mapping of ``model`` from its boxes; ``None`` when every box is empty."""
    if not isinstance(node, dict):
        return None
    result: dict[str, Any] = {}
    for box in boxes(model):
        child_name = join_name(name, box.key)
        child = node.get(box.key)
        if child is None and not (box.kind == "flag_on" and child_name in form.marks):
            continue
        child_path = (*path, box.key)
        form.names[child_path] = child_name
        value = _READERS[box.kind](box, child, child_path, child_name, form)
        if value is not None:
            result[box.key] = value
    return result or None


def _text(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    return node if isinstance(node, str) and node else None


def _count(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    return count_from_text(node) if isinstance(node, str) and node else None


def _number(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    if not isinstance(node, str) or not node:
        return None
    if not _WIDTH.fullmatch(node):
        return node  # the validator says what is wrong, at this box
    text = node.replace(",", ".")
    return float(text) if "." in text else int(text)


def _moment(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    """A date box and a time box (or, for a value no such box can show, one line): the date
    alone when the time is left empty, the time alone when the date is."""
    if isinstance(node, str):
        return node or None
    if not isinstance(node, dict):
        return None
    day, time = node.get("date", ""), node.get("time", "")
    return " ".join(part for part in (day, time) if part) or None


def _choice(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    return node if isinstance(node, str) and node else None


def _flag(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    """A ticked box is yes; an unticked one sends nothing, the format's default (no)."""
    return True if node == "true" else None


def _flag_on(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    """Yes by default: a ticked box is the default (nothing written), an unticked one (known by
    its mark, as an unticked box sends nothing) is no."""
    return None if node == "true" else False


def _yes_no(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    return {"true": True, "false": False}.get(node) if isinstance(node, str) else None


def _share(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    """What shares are counted on: a number typed in its box, else the choice."""
    if not isinstance(node, dict):
        return None
    count = node.get("count", "")
    if count:
        return count_from_text(count)
    return node.get("kind") or None


def _value(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    if not isinstance(node, str) or not node:
        return None
    return value_from_text(node, form.marks.get(name), numbers=True)


def _nested(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    return _model(box.of, node, path, name, form)


def _people(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    keys = ABSENT if box.kind == "absent" else PERSON
    return _rows(node, path, name, form, lambda row, p, n: _person(row, p, n, form, keys))


def _list(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    return _rows(node, path, name, form, lambda row, p, n: _model(box.of, row, p, n, form))


def _texts(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    return _rows(node, path, name, form, lambda row, p, n: row or None)


def _parts(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    return _rows(node, path, name, form, lambda row, p, n: _part(row, p, n, form))


def _table(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    return read_table(node, path, name, form)


def _data(box: Box, node: Any, path: Path_, name: str, form: FormData) -> Any:
    return _named_values(node, name, form) if isinstance(node, dict) else None


_READERS: dict[str, Reader] = {
    "text": _text,
    "lines": _text,
    "long": _text,
    "count": _count,
    "number": _number,
    "date": _text,
    "moment": _moment,
    "end": _moment,
    "choice": _choice,
    "flag": _flag,
    "flag_on": _flag_on,
    "yes_no": _yes_no,
    "share": _share,
    "value": _value,
    "model": _nested,
    "group": _nested,
    "people": _people,
    "absent": _people,
    "list": _list,
    "texts": _texts,
    "parts": _parts,
    "table": _table,
    "data": _data,
}


def _rows(
    node: Any,
    path: Path_,
    name: str,
    form: FormData,
    read: Callable[[Any, Path_, str], Any],
) -> list[Any] | None:
    """The rows of a list, in page order, the empty ones dropped (the next row takes the index
    of a dropped one)."""
    if not isinstance(node, dict):
        return None
    rows: list[Any] = []
    for key, child in node.items():
        if not key.startswith("_"):
            continue
        row_name = join_name(name, key)
        row_path = (*path, len(rows))
        # the row's box names are collected apart and kept only if the row is: an empty row
        # is dropped, and its index belongs to the next one (dropping its names afterwards
        # from the whole form's would take time in the square of the number of rows)
        outer, form.names = form.names, {}
        try:
            form.names[row_path] = row_name
            value = read(child, row_path, row_name)
        finally:
            inner, form.names = form.names, outer
        if value is not None:
            rows.append(value)
            outer.update(inner)
    return rows or None


def _person(node: Any, path: Path_, name: str, form: FormData, keys: tuple[str, ...]) -> Any:
    """A person row: the boxes the page sent (those that do not fit its kind are left out by
    the page unless they hold something). A group line alone is written as plain text."""
    if not isinstance(node, dict):
        return None
    person: dict[str, Any] = {}
    for key in keys:
        box_path = (*path, key)
        form.names[box_path] = join_name(name, key)
        text = node.get(key)
        if not isinstance(text, str) or not text:
            continue
        if key == "count":
            person[key] = count_from_text(text)
        elif key == "excused":
            if text in ("true", "false"):
                person[key] = text == "true"
        elif key == "honorific":
            person[key] = "" if text == NO_HONORIFIC else text
        else:
            person[key] = text
    if not person:
        return None
    return person["line"] if list(person) == ["line"] else person


def _part(node: Any, path: Path_, name: str, form: FormData) -> Any:
    """A part: its kind is the one key of :data:`PART_MODELS` among its boxes."""
    if not isinstance(node, dict):
        return None
    kind = next((key for key in node if key in PART_MODELS), None)
    if kind is None:
        return None
    part = _model(PART_MODELS[kind], node, path, name, form)
    return part if part and kind in part else None


def read_table(node: Any, path: Path_, name: str, form: FormData) -> dict[str, Any] | None:
    """A table: its own boxes, its columns (kept when titled, or when a cell of theirs holds
    something, so that nothing typed is lost), and its rows, each cell in the box of its
    column. Every row the page holds is kept, an empty one too (a blank row to fill by hand),
    unless the table holds nothing at all."""
    if not isinstance(node, dict):
        return None
    own = {key: child for key, child in node.items() if key not in ("columns", "rows")}
    table = _model("Table", own, path, name, form) or {}
    raw_columns: dict[str, Any] = _mapping(node.get("columns"))
    raw_rows: dict[str, Any] = _mapping(node.get("rows"))
    row_nodes = [(key, row) for key, row in raw_rows.items() if key.startswith("_")]
    cells_of: dict[str, dict[str, Any]] = {
        key: _mapping(_mapping(row).get("c")) for key, row in row_nodes
    }
    columns_path, rows_path = (*path, "columns"), (*path, "rows")
    form.names[columns_path] = join_name(name, "columns")
    form.names[rows_path] = join_name(name, "rows")
    columns: list[dict[str, Any]] = []
    kept: list[tuple[str, bool]] = []  # (column key, its cells are numbers)
    for key, child in raw_columns.items():
        if not key.startswith("_"):
            continue
        column_path = (*columns_path, len(columns))
        column_name = join_name(join_name(name, "columns"), key)
        outer, form.names = form.names, {}
        try:
            form.names[column_path] = column_name
            column = _model("Column", child, column_path, column_name, form)
        finally:
            inner, form.names = form.names, outer
        if column is None and not any(cells.get(key) for cells in cells_of.values()):
            continue
        outer.update(inner)
        column = column or {}
        columns.append(column)
        kept.append((key, column.get("format") in NUMBER_FORMATS))
    rows: list[Any] = []
    for key, row in row_nodes:
        row_name = join_name(join_name(name, "rows"), key)
        row_path = (*rows_path, len(rows))
        form.names[row_path] = row_name
        row = _mapping(row)
        if row.get("kind") == LINE:
            line_path = (*row_path, "line")
            form.names[line_path] = join_name(row_name, "line")
            line = row.get("line", "")
            if line:
                rows.append(line)
            continue
        cells: list[Any] = []
        for index, (column_key, numbers) in enumerate(kept):
            cell_name = join_name(join_name(row_name, "c"), column_key)
            cell_path = (*row_path, index)
            form.names[cell_path] = cell_name
            text = cells_of[key].get(column_key, "")
            mark = form.marks.get(cell_name)
            cells.append(value_from_text(text, mark, numbers) if text else "")
        rows.append(cells)
    if columns:
        table["columns"] = columns
    if rows and (columns or any(isinstance(row, str) for row in rows)):
        table["rows"] = rows
    if not table:
        return None
    return _in_order(table, [box.key for box in boxes("Table")])


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _in_order(mapping: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    return {key: mapping[key] for key in keys if key in mapping}


def _named_values(node: dict[str, Any], name: str, form: FormData) -> dict[str, Any] | None:
    values: dict[str, Any] = {}
    for key, row in node.items():
        if not key.startswith("_") or not isinstance(row, dict):
            continue
        row_name = join_name(name, key)
        data_key, text = row.get("key", ""), row.get("value", "")
        kind = row.get("kind", "number")
        if not data_key and not text:
            continue
        form.data_rows.append((row_name, data_key, text, kind))
        if not data_key:
            form.problems.append(
                (join_name(row_name, "key"), _("Give this value a name, to use it in the text."))
            )
            continue
        if not _DATA_KEY.fullmatch(data_key):
            form.problems.append(
                (
                    join_name(row_name, "key"),
                    _("A name is letters without marks, digits and _, e.g. doanh_thu_2017."),
                )
            )
            continue
        if data_key in values:
            form.problems.append(
                (join_name(row_name, "key"), _("This name is already used above."))
            )
            continue
        values[data_key] = value_from_text(text, kind, numbers=True) if text else ""
        form.names[("data", data_key)] = join_name(row_name, "value")
    return values or None
