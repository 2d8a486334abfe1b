"""The kinds of value a meeting file holds: text, long text, counts, cells of a table.

Every text passes through :func:`clean_text` (NFC, control characters pasted from Word, stray
spaces), so that what is printed is what the clerk meant to type. A text stays a text: YAML reads
``title: 100`` as a number and the model takes it back as the text ``100``, and a quoted
``"02"`` is never turned into the number 2.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from minutes.errors import FormattingError
from minutes.formatting import format_number, normalize_text

_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """:func:`~minutes.formatting.normalize_text`, then what no document may hold: a lone
    surrogate (broken UTF-16, e.g. ``"\\ud800"`` in JSON) becomes U+FFFD, the replacement
    character, and the non-characters U+FFFE and U+FFFF go (neither XML nor PDF text takes them).
    Used for every text field and for the result of every ``{{ … }}`` in the data."""
    return _NOT_XML.sub(_replacement, normalize_text(value))


def _replacement(match: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else ""


def _normalize(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def _text_or_number(value: Any) -> Any:
    """YAML reads ``title: 100`` as a number; a text field takes it as the text ``100``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return _normalize(value)


def _not_a_bool(value: Any) -> Any:
    """``true``/``false`` are not counts: pydantic would take them as 1 and 0 without a word."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "a yes/no is not a whole number")
    return value


WholeNumber = Annotated[int, BeforeValidator(_not_a_bool)]
"""A count or a number: digits (or a number as text, ``"5"``), never ``true``/``false``."""

Count = Annotated[int, BeforeValidator(_not_a_bool), Field(ge=0)]
"""A count of people, votes, ballots or shares: a whole number, 0 or more."""

Text = Annotated[str, BeforeValidator(_text_or_number)]
"""A line of text: normalised."""

Markdown = Annotated[str, BeforeValidator(_text_or_number)]
"""Paragraphs with light Markdown (bold, italic, lists) and ``{{ … }}`` over ``data``."""

Decimals = Annotated[int, BeforeValidator(_not_a_bool), Field(ge=0, le=6)]
"""How many decimals a percentage is written with."""


def checked_number(value: Any) -> Any:
    """A value that may be a number or a text, as the clerk wrote it: a text stays a text (a
    quoted ``"02"`` is printed ``02``), a number must be one the document can write (not
    ``.inf``, ``.nan``, 10⁵⁰), and ``true``/``false`` are neither."""
    if isinstance(value, bool):
        raise PydanticCustomError("float_type", "a yes/no is not a figure")
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError(
            "number_not_writable",
            "cannot write {detail}",
            {"detail": f"{value} is not a finite number"},
        )
    if isinstance(value, (int, float)):
        try:
            format_number(value)
        except FormattingError as exc:
            detail = exc.problems[0].message if exc.problems else str(exc)
            raise PydanticCustomError(
                "number_not_writable", "cannot write {detail}", {"detail": detail}
            ) from None
    return value


Value = Annotated[int | float | str, BeforeValidator(checked_number)]
"""A figure or a table cell: a number (written the Vietnamese way) or a text (as typed)."""


class Strict(BaseModel):
    """Every model of the file: unknown fields are errors (a typo must fail loudly rather than
    vanish from the minutes), surrounding spaces go, and the data cannot change after loading."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def one_or_many(value: Any) -> Any:
    """A field that takes one item or a list of them (``votes:``, ``chair:``): anything but a
    list is the one item (and gets the message of an item when it is not one)."""
    return value if isinstance(value, list) else [value]
