"""The web form's fields to meeting data and back, with the form field of every data path.

An HTML form sends flat ``name=value`` pairs in the order its fields stand on the page. The names
mirror the YAML paths, joined with dots (``chair.name``, ``agenda._2.votes._1.for``); a segment
that starts with ``_`` is the key of a list row. Row keys are opaque: the rows of a list come out
in the order the page holds them, so the page's script can add, remove and move rows without
renumbering anything. A row left empty is dropped, as a clerk expects of a blank line.

The other direction needs no code here: the page template walks the data itself. What both sides
share is the way a *value* is written in one text box where YAML would tell types apart: a figure
or a named value (``data``) is read as YAML reads a scalar (``12000`` a number, ``"12000"`` text,
``true`` a yes/no, ``[1, 2]`` a list), and :func:`scalar_text` writes a value back so that it
reads the same; everything else is text, or a whole number where the format wants a count.

Why by hand: form libraries (WTForms and the like) validate by themselves, and the errors must come
from :mod:`minutes.validate`, the validator the command line uses, mapped back to the fields.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from minutes.i18n import _
from minutes.load import float_text

Path_ = tuple[str | int, ...]

ANY = "*"
"""Stands for any row of a list in the path patterns below."""

LISTS: frozenset[tuple[str, ...]] = frozenset(
    {
        ("attendees",),
        ("absent",),
        ("invited",),
        ("documents",),
        ("agenda",),
        ("recipients",),
        ("data",),
        ("agenda", ANY, "figures"),
        ("agenda", ANY, "votes"),
    }
)
PEOPLE: frozenset[tuple[str, ...]] = frozenset(
    {
        ("chair",),
        ("secretary",),
        ("attendees", ANY),
        ("absent", ANY),
        ("invited", ANY),
        ("agenda", ANY, "presenter"),
    }
)
WHOLE_NUMBERS: frozenset[tuple[str, ...]] = frozenset(
    {
        ("number",),
        ("members_present",),
        ("members_total",),
        *(("agenda", ANY, "votes", ANY, key) for key in ("for", "against", "abstain")),
    }
)
SCALARS: frozenset[tuple[str, ...]] = frozenset({("agenda", ANY, "figures", ANY, "value")})

LINE = "line"
"""The ``kind`` of a person row that is one line of text for a group ("Lãnh đạo các sở …")."""

_INTEGER = re.compile(r"[-+]?[0-9]+")  # [0-9], not \d: "１５" (full-width) is text in YAML too
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")
_WORDS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_WORDS_NULL = ("null", "Null", "NULL", "~")
_DATA_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class FormData:
    """What a submitted form holds: the meeting ``data`` (as :func:`minutes.load.parse` would
    give it), the form field of each data path, and problems only the form can have."""

    data: dict[str, Any]
    names: dict[Path_, str] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)
    """``(field name, message)``: a named value without a name, a name used twice."""
    data_rows: list[tuple[str, str, str]] = field(default_factory=list)
    """Every named-value row as typed, refused ones too: ``(row name, name, value text)``, so a
    page drawn again shows what the clerk typed."""

    def name_of(self, path: Path_ | None) -> str | None:
        """The form field (or row, or list) that shows the data at ``path``, or its nearest
        enclosing one; ``None`` for the meeting as a whole."""
        if path is None:
            return None
        for end in range(len(path), 0, -1):
            name = self.names.get(path[:end])
            if name is not None:
                return name
        return None


def from_form(pairs: Iterable[tuple[str, str]]) -> FormData:
    """Meeting data from the form's ``(name, value)`` pairs, in page order. Names that are not
    the format's (the upload box, the buttons) are left out."""
    from minutes.model import Minutes

    fields = Minutes.model_fields
    tree: dict[str, Any] = {}
    for name, value in pairs:
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
    form = FormData({})
    form.data = _mapping(tree, (), (), "", form)
    return form


def _mapping(
    node: dict[str, Any], pattern: tuple[str, ...], path: Path_, prefix: str, form: FormData
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, child in node.items():
        value = _value(child, (*pattern, key), (*path, key), _join(prefix, key), form)
        if value is not None:
            result[key] = value
    return result


def _value(node: Any, pattern: tuple[str, ...], path: Path_, name: str, form: FormData) -> Any:
    form.names[path] = name
    if pattern == ("data",):
        return _named_values(node, name, form) if isinstance(node, dict) else None
    if pattern in LISTS:
        return _rows(node, pattern, path, name, form) if isinstance(node, dict) else None
    if pattern in PEOPLE:
        return _person(node, path, name, form) if isinstance(node, dict) else None
    if isinstance(node, dict):
        return _mapping(node, pattern, path, name, form) or None
    if not node:
        return None
    if pattern in WHOLE_NUMBERS:
        return int(node) if _INTEGER.fullmatch(node) else node
    if pattern in SCALARS:
        return scalar_from_text(node)
    return node


def _rows(
    node: dict[str, Any], pattern: tuple[str, ...], path: Path_, name: str, form: FormData
) -> list[Any] | None:
    rows: list[Any] = []
    for key, child in node.items():
        if not key.startswith("_"):
            continue
        row_name = _join(name, key)
        index = len(rows)
        # the row's field names are collected apart and kept only if the row is: an empty row
        # is dropped, and its index belongs to the next one (dropping its names afterwards
        # from the whole form's would take time in the square of the number of rows)
        outer, form.names = form.names, {}
        try:
            value = _value(child, (*pattern, ANY), (*path, index), row_name, form)
        finally:
            inner, form.names = form.names, outer
        if value is not None:
            rows.append(value)
            outer.update(inner)
    return rows or None


def _person(node: dict[str, Any], path: Path_, name: str, form: FormData) -> Any:
    """A person row: ``{name, position, reason}``, or, of kind ``line``, one line of text."""
    texts = {key: node.get(key, "") for key in ("name", "position", "reason")}
    for key, box in (("name", "name"), ("line", "name"), ("position", "position")):
        form.names[_child(path, key)] = _join(name, box)
    if "reason" in node:
        form.names[_child(path, "reason")] = _join(name, "reason")
    if node.get("kind") == LINE:
        line, reason = texts["name"], texts["reason"]
        if line and reason:
            return {"line": line, "reason": reason}
        return line or ({"reason": reason} if reason else None)
    person = {key: text for key, text in texts.items() if text}
    return person or None


def _named_values(node: dict[str, Any], name: str, form: FormData) -> dict[str, Any] | None:
    values: dict[str, Any] = {}
    for key, row in node.items():
        if not key.startswith("_") or not isinstance(row, dict):
            continue
        row_name = _join(name, key)
        data_key, text = row.get("key", ""), row.get("value", "")
        if not data_key and not text:
            continue
        form.data_rows.append((row_name, data_key, text))
        if not data_key:
            form.problems.append(
                (_join(row_name, "key"), _("Give this value a name, to use it in the text."))
            )
            continue
        if not _DATA_KEY.fullmatch(data_key):
            form.problems.append(
                (
                    _join(row_name, "key"),
                    _("A name is letters without marks, digits and _, e.g. doanh_thu_2017."),
                )
            )
            continue
        if data_key in values:
            form.problems.append((_join(row_name, "key"), _("This name is already used above.")))
            continue
        values[data_key] = scalar_from_text(text) if text else ""
        form.names[("data", data_key)] = _join(row_name, "value")
    return values or None


def _child(path: Path_, key: str) -> Path_:
    return (*path, key)


def _join(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


def scalar_from_text(text: str) -> Any:
    """A value typed in one box, read as YAML reads a scalar: ``12000`` and ``317.35`` are
    numbers, ``true``/``false`` yes/no, ``null`` nothing, ``"12000"`` (quoted) text, ``[…]`` and
    ``{…}`` a list and a mapping; anything else is the text as typed."""
    if _INTEGER.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if text in _WORDS:
        return _WORDS[text]
    if text in _WORDS_NULL:
        return None
    if len(text) >= 2 and text[0] == text[-1] == '"':
        try:
            value: Any = json.loads(text)
        except ValueError:
            return text
        return value
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if text[:1] in "[{" and not text.startswith("{{"):  # `{{ data.x | money }}` is text
        from minutes.errors import InputError
        from minutes.load import parse

        try:  # as the value of a field: a file is a mapping, a list alone is refused
            return parse("value: " + text.replace("\n", "\n  ")).data["value"]
        except InputError:
            return text
    return text


def scalar_text(value: Any) -> str:
    """The text :func:`scalar_from_text` reads back as ``value``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, float):
        return float_text(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, str):
        plain = value and value == value.strip() and "\n" not in value and "\r" not in value
        if plain and scalar_from_text(value) == value:  # a one-line box drops line breaks
            return value
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def person_kind(value: Any) -> str:
    """``line`` for a group line (text, or a mapping with ``line``), else ``person``."""
    if isinstance(value, str) or (isinstance(value, dict) and "line" in value):
        return LINE
    return "person"


def person_text(value: Any, key: str) -> str:
    """The text a person row shows in its ``key`` box (a group line shows in ``name``)."""
    if isinstance(value, str):
        return value if key == "name" else ""
    if not isinstance(value, dict):
        return ""
    if key == "name" and "line" in value:
        return _text(value.get("line"))
    return _text(value.get(key))


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def box_text(value: Any) -> str:
    """What a plain text box shows for ``value`` from a file (a number, a date, a text)."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return _text(value)


def rows(value: Any) -> list[Any]:
    """The items of a list field as the form shows them (one vote written alone is a list of
    one, as the format allows; anything that is not a list shows no rows)."""
    if isinstance(value, dict):
        return [value]
    return list(value) if isinstance(value, list) else []


def named_values(value: Any) -> list[tuple[str, str]]:
    """The ``data`` mapping as ``(name, value text)`` rows."""
    if not isinstance(value, dict):
        return []
    return [(str(key), scalar_text(item)) for key, item in value.items()]
