"""How one box of the web form reads what a clerk typed, and what it shows for a value of a file.

A count is digits (``1.500`` with the Vietnamese dot between thousands too); a figure or a cell in
a column of numbers is a number when it is written as the document writes numbers (``12.181``,
``12181``, ``317,35``) and text otherwise; a date comes from the browser's date box, a time from
its time box. A value that such a box would read back otherwise carries a hidden mark of its kind
(:data:`~minutes.web.form.MARK`), so that opening a file and saving it gives back the same meeting.
By hand, for the reason :mod:`minutes.web.form` gives.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from minutes.load import float_text

LINE = "line"
"""The ``kind`` of a person row that is one line of text for a group ("Lãnh đạo các sở …")."""
NO_HONORIFIC = "~"
"""What the honorific box sends for "no honorific at all" (the file's ``honorific: ""``)."""
NUMBER_FORMATS = frozenset({"number", "percent", "money"})
"""The column formats whose cells are numbers (the others print cells as typed)."""

_INTEGER = re.compile(r"[-+]?[0-9]+")  # [0-9], not \d: "１５" (full-width) is text in YAML too
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")
_WORDS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False}
_WORDS_NULL = ("null", "Null", "NULL", "~")
_COUNT = re.compile(r"-?[0-9]+|[1-9][0-9]{0,2}(\.[0-9]{3})+")
_VN_NUMBER = re.compile(r"(-?)(0|[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]*)(?:,([0-9]+))?")
_DOT_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}(:[0-9]{2})?")
_MOMENT = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ T]([0-9]{2}:[0-9]{2}(?::[0-9]{2})?))?")


# -- values: how a box reads, and what it shows ----------------------------------------------------


def count_from_text(text: str) -> Any:
    """A whole number typed in a box: digits, or digits with a dot between thousands
    (``15.000.000``); anything else is left as typed, for the validator to name."""
    text = text.strip()
    return int(text.replace(".", "")) if _COUNT.fullmatch(text) else text


def number_from_text(text: str) -> int | float | None:
    """A number written as the document writes numbers (``12.181``, ``317,35``, ``-3``), or
    plainly (``12181``, ``317.35``); ``None`` for anything else (``02``, ``1979 - 1980``, a
    word). A number with a leading zero is a code, not a number."""
    found = _VN_NUMBER.fullmatch(text)
    if found:
        sign, whole, fraction = found.groups()
        digits = sign + whole.replace(".", "")
        return float(f"{digits}.{fraction}") if fraction is not None else int(digits)
    if _DOT_DECIMAL.fullmatch(text):
        return float(text)
    return None


def number_text(value: int | float) -> str:
    """A number as the document writes it, every digit kept: ``12.181``, ``317,35``, ``3,0``
    for the decimal number 3 (so that it reads back as one)."""
    if isinstance(value, int):
        return ("-" if value < 0 else "") + _grouped(str(abs(value)))
    text = format(Decimal(repr(float(value))), "f")
    sign = "-" if text.startswith("-") else ""
    whole, _dot, fraction = text.lstrip("-").partition(".")
    return sign + _grouped(whole) + "," + (fraction or "0")


def _grouped(digits: str) -> str:
    head = len(digits) % 3 or 3
    return ".".join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


def value_from_text(text: str, mark: str | None, numbers: bool) -> Any:
    """A figure, a cell or a named value typed in a box. ``numbers``: a number reads as a number
    (a column of numbers); otherwise everything is text as typed. ``mark`` (from a file, see
    :func:`value_box`) overrides: ``text``, ``number``, or ``yaml`` for a value no box can show
    plainly (a list, a yes/no, text with a line break), written as :func:`scalar_text` does."""
    if mark == "text":
        return text
    if mark == "yaml":
        return scalar_from_text(text)
    if numbers or mark == "number":
        number = number_from_text(text)
        if number is not None:
            return number
    return text


def value_box(value: Any, numbers: bool) -> tuple[str, str | None]:
    """What a value box shows for ``value`` from a file, and the mark it needs (``None``: the
    text reads back as the value by itself)."""
    if value is None:
        return "", None
    if isinstance(value, (bool, list, dict)):
        return scalar_text(value), "yaml"
    if isinstance(value, (int, float)):
        return number_text(value), None if numbers else "number"
    text = str(value)
    if text != text.strip() or "\n" in text or "\r" in text:
        return scalar_text(text), "yaml"
    if text and numbers and number_from_text(text) is not None:
        return text, "text"
    return text, None


def data_box(value: Any) -> tuple[str, str]:
    """A named value's text and kind (``number``, ``text``, or ``yaml`` for what neither shows)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number_text(value), "number"
    if isinstance(value, str):
        text, mark = value_box(value, numbers=False)
        return text, mark or "text"
    return scalar_text(value), "yaml"


def count_text(value: Any) -> str:
    """What a count box shows: ``15.000.000`` for a number of shares; text as it came."""
    if isinstance(value, int) and not isinstance(value, bool):
        return number_text(value)
    return box_text(value)


def date_box(value: Any) -> str | None:
    """The text of a browser date box for ``value`` (``2018-03-07``), or ``None`` when no date
    box can hold it (``2018-02-30``, a date written otherwise): a line then shows it."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    text = str(value).strip()
    return text if _DATE.fullmatch(text) and _reads(dt.date.fromisoformat, text) else None


def moment_boxes(value: Any) -> tuple[str, str] | None:
    """A date and time (or a date alone) as the texts of a date box and a time box, or ``None``
    when they cannot show it (a time zone, an impossible date: a line then shows it)."""
    if value is None or value == "":
        return "", ""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None or value.microsecond:
            return None
        return value.date().isoformat(), _clock(value.time())
    if isinstance(value, dt.date):
        return value.isoformat(), ""
    found = _MOMENT.fullmatch(str(value).strip())
    if not found or not _reads(dt.date.fromisoformat, found.group(1)):
        return None
    time = found.group(2) or ""
    if time and not _reads(dt.time.fromisoformat, time):
        return None
    return found.group(1), time


def end_boxes(value: Any) -> tuple[str, str] | None:
    """The end of a meeting as a date box (another day, or empty) and a time box."""
    if isinstance(value, dt.time):
        if value.tzinfo is not None or value.microsecond:
            return None
        return "", _clock(value)
    text = "" if value is None else str(value).strip()
    if _TIME.fullmatch(text):
        return ("", text) if _reads(dt.time.fromisoformat, text) else None
    return moment_boxes(value)


def _clock(time: dt.time) -> str:
    return time.strftime("%H:%M:%S" if time.second else "%H:%M")


def _reads(read: Callable[[str], object], text: str) -> bool:
    """Whether ``read`` (``dt.date.fromisoformat``, ``dt.time.fromisoformat``) takes ``text``: a
    date of the right shape may still not exist (30 February)."""
    try:
        read(text)
    except ValueError:
        return False
    return True


def scalar_from_text(text: str) -> Any:
    """A value kept as a file wrote it (:func:`value_from_text`'s ``yaml`` mark), read as YAML
    reads a scalar: ``12000`` and ``317.35`` are numbers, ``true``/``false`` yes/no, ``null``
    nothing, ``"12000"`` (quoted) text, ``[…]`` and ``{…}`` a list and a mapping; anything else
    is the text as typed."""
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


def box_text(value: Any) -> str:
    """What a plain text box shows for ``value`` from a file (a number, a date, a text)."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def join_name(prefix: str, key: str) -> str:
    """The name of a box under ``prefix``: ``chair._1`` + ``name`` → ``chair._1.name``."""
    return f"{prefix}.{key}" if prefix else key
