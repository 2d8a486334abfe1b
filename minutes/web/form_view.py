"""What the page template shows for the data of a file: which kind a person row or a part is,
the text of each box, a table as rows and columns, which folded sections open (for the values or
the problems inside). The template calls these; :mod:`minutes.web.form` reads the boxes back.
"""

from __future__ import annotations

from typing import Any

from minutes.web.form_values import (
    LINE,
    NO_HONORIFIC,
    NUMBER_FORMATS,
    box_text,
    count_text,
    data_box,
    join_name,
)
from minutes.web.spec import PART_MODELS, Box

# -- what the page template shows for data from a file ---------------------------------------------


def person_kind(value: Any) -> str:
    """``line`` for a group line (text, or a mapping with ``line``), else ``person``."""
    if isinstance(value, str) or (isinstance(value, dict) and "line" in value):
        return LINE
    return "person"


def person_box(value: Any, key: str) -> str:
    """The text a person row shows in its ``key`` box (a group line written as text shows in
    ``line``; the honorific "none" as :data:`NO_HONORIFIC`; a yes/no as ``true``/``false``)."""
    if isinstance(value, str):
        return value if key == "line" else ""
    if not isinstance(value, dict) or key not in value:
        return ""
    item = value[key]
    if key == "honorific" and item == "":
        return NO_HONORIFIC
    if isinstance(item, bool):
        return "true" if item else "false"
    if key == "count":
        return count_text(item)
    return box_text(item)


def rows(value: Any) -> list[Any]:
    """The items of a list field as the form shows them (one item written alone, as the format
    allows for a chair or a vote, is a list of one; anything else shows no rows)."""
    if isinstance(value, (dict, str)):
        return [value]
    return list(value) if isinstance(value, list) else []


def part_kind(value: Any) -> str | None:
    """The kind of a part from a file (``vote`` for ``{vote: {…}}``), ``None`` if it has none
    or several (the validator says so)."""
    if not isinstance(value, dict):
        return None
    kinds = [key for key in value if key in PART_MODELS]
    return kinds[0] if len(kinds) == 1 else None


def column_of(value: Any) -> dict[str, Any]:
    """A column from a file as a mapping (a column written as its title alone is ``{title}``)."""
    if isinstance(value, dict):
        return value
    return {} if value is None else {"title": value}


def named_values(value: Any) -> list[tuple[str, str, str]]:
    """The ``data`` mapping as ``(name, value text, kind)`` rows."""
    if not isinstance(value, dict):
        return []
    return [(str(key), *data_box(item)) for key, item in value.items()]


def single(value: Any) -> Any:
    """A list of one person as that person: the saved file reads ``chair: {name: …}`` as a clerk
    would write it (the format takes one person or a list)."""
    return value[0] if isinstance(value, list) and len(value) == 1 else value


ONE_OR_MANY = ("chair", "secretary", "presenter")


def tidy(data: Any) -> Any:
    """``data`` as it is saved: a chair, a secretary or a presenter alone is written alone."""
    if isinstance(data, dict):
        return {k: tidy(single(v) if k in ONE_OR_MANY else v) for k, v in data.items()}
    if isinstance(data, list):
        return [tidy(item) for item in data]
    return data


_FITS = {
    "person": frozenset({"honorific", "name", "position", "reason", "excused"}),
    LINE: frozenset({"line", "count", "reason", "excused"}),
}


def fits(key: str, kind: str) -> bool:
    """Whether a person row of ``kind`` shows its ``key`` box (the others are hidden when empty)."""
    return key in _FITS.get(kind, _FITS["person"])


def table_view(value: Any, new: bool = False) -> dict[str, Any]:
    """A table from a file as the page shows it: its columns as mappings, its rows, and which
    columns hold numbers. A new table starts with two columns and a row to fill."""
    value = value if isinstance(value, dict) else {}
    columns = [column_of(column) for column in rows(value.get("columns"))]
    table_rows = value.get("rows") if isinstance(value.get("rows"), list) else []
    if new and not columns and not table_rows:
        columns, table_rows = [{}, {}], [[]]
    numbers = [column.get("format") in NUMBER_FORMATS for column in columns]
    return {"columns": columns, "rows": table_rows, "numbers": numbers}


def open_more(prefix: str, data: Any, folded: list[Box], errors: dict[str, list[str]]) -> bool:
    """Whether the folded boxes of a model are shown open: one holds something, or has a
    problem to show."""
    if isinstance(data, dict) and any(data.get(b.key) not in (None, "", [], {}) for b in folded):
        return True
    names = [join_name(prefix, box.key) for box in folded]
    return any(error == name or error.startswith(name + ".") for error in errors for name in names)
