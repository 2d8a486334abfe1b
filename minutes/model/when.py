"""When a meeting (or a session) began and ended.

``start: 2016-10-19 08:00`` is a date and a time. ``start: 2016-10-19`` is a date whose time the
clerk did not give: it stays a :class:`datetime.date`, and the minutes leave the time blank for
the clerk to write by hand. pydantic alone would read it as midnight, and ``0 giờ 00 phút`` would
be printed: a time nobody gave.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import PlainValidator, TypeAdapter, ValidationError, WithJsonSchema
from pydantic_core import PydanticCustomError

_DATE_ONLY = re.compile(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*")


_DATETIME: TypeAdapter[dt.datetime] = TypeAdapter(dt.datetime)


def _moment(value: Any) -> dt.datetime | dt.date:
    """A date and time; a date written alone stays a date (its time unknown), never a midnight.
    One validator, not a union of two, so that a bad value gets one message, not one per kind."""
    if isinstance(value, dt.date):  # a datetime is a date too
        return value
    if isinstance(value, str) and _DATE_ONLY.fullmatch(value):
        try:
            year, month, day = (int(part) for part in value.strip().split("-"))
            return dt.date(year, month, day)
        except ValueError:
            raise PydanticCustomError("date_parsing", "not a valid date") from None
    try:
        return _DATETIME.validate_python(value)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        raise PydanticCustomError(error["type"], str(error["msg"]), error.get("ctx")) from None


Moment = Annotated[
    dt.datetime | dt.date,
    PlainValidator(_moment),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
"""A date and time, or a date alone (its time left blank)."""


def as_datetime(start: dt.date | None, end: dt.datetime | dt.time | None) -> dt.datetime | None:
    """``end`` as a date-time: a bare time means the day of ``start``; ``None`` when unknown."""
    if end is None:
        return None
    if isinstance(end, dt.datetime):
        return end
    if start is None:
        return None
    day = start.date() if isinstance(start, dt.datetime) else start
    return dt.datetime.combine(day, end)


def end_not_before_start(start: Any, end: Any) -> Any:
    """``end`` unchanged, or an error when it is before ``start`` (clock times are compared
    without their UTC offsets when only one of them has one)."""
    if end is None or not isinstance(start, dt.date):
        return end
    if isinstance(start, dt.datetime):
        first = start
    elif isinstance(end, dt.time):
        return end  # the start's time is unknown: nothing to compare
    else:
        first = dt.datetime.combine(start, dt.time(0, 0), tzinfo=end.tzinfo)
    last = as_datetime(start, end)
    if last is None:
        return end
    if (last.tzinfo is None) != (first.tzinfo is None):
        last, first = last.replace(tzinfo=None), first.replace(tzinfo=None)
    if last < first:
        raise PydanticCustomError("end_before_start", "end before start")
    return end
