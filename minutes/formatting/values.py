"""What the formatting functions take, and the steps they share: numbers to exact decimals,
dates and times from their few accepted forms, digits grouped with Babel's Vietnamese symbols,
the limits that keep every value writable, and how a wrong value is named in a message."""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import TypeAlias

from babel import Locale
from babel.dates import get_day_names
from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

from minutes.errors import FormattingError
from minutes.i18n import N_, _

Number: TypeAlias = int | float | Decimal | str
"""A number: ``int``, ``float``, ``Decimal`` or a string in machine notation (``"1234.5"``)."""
DateLike: TypeAlias = date | datetime | str
"""A date: ``datetime.date``, ``datetime.datetime`` or an ISO string ``YYYY-MM-DD``."""
TimeLike: TypeAlias = time | datetime | str
"""A time of day: ``datetime.time``, ``datetime.datetime`` or a string ``HH:MM``."""

# --- Babel's symbols, looked up once ------------------------------------------------------------

_LOCALE = "vi"
DECIMAL_SYMBOL: str = str(get_decimal_symbol(_LOCALE))  # ","
GROUP_SYMBOL: str = str(get_group_symbol(_LOCALE))  # "."
MINUS_SIGN: str = str(get_minus_sign_symbol(_LOCALE))  # "-"
PERCENT_SIGN: str = str(Locale.parse(_LOCALE).number_symbols["latn"]["percentSign"])  # "%"
_BABEL_WEEKDAYS: dict[int, str] = {
    int(k): str(v) for k, v in get_day_names("wide", context="format", locale=_LOCALE).items()
}

# --- limits ---------------------------------------------------------------------------------------

_MAX_INTEGER_DIGITS = 40  # format_number: |x| < 10**40
_MAX_DECIMALS = 40  # format_number with decimals=None: at most 40 digits after the comma
_MAX_ROUNDING_DECIMALS = 20  # the ``decimals`` argument
_MAX_WORDS = 10**21 - 1  # number_to_words: up to "chín trăm … tỷ tỷ" (at least 10**18 is required)
_MAX_WORD_DECIMALS = 21  # number_to_words: digits after the comma

# Enough precision that no operation below ever rounds except where asked (quantize).
_CONTEXT = Context(prec=200, rounding=ROUND_HALF_UP)

_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_TIME_RE = re.compile(r"(\d{1,2}):(\d{2})", re.ASCII)

# What kind of value a message names when a value of the wrong kind is given (bool before int,
# datetime before date: the first match wins).
_KINDS: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, N_("yes/no")),
    ((int, float, Decimal), N_("number")),
    (datetime, N_("date and time")),
    (date, N_("date")),
    (time, N_("time of day")),
    ((list, tuple), N_("list")),
    (dict, N_("group of fields")),
)


def _shown(value: object) -> str:
    """A value of the wrong kind as a message names it: as the meeting file writes it (its repr;
    a date or a time in ISO notation), and what kind of value it is, in the current language (a
    Python type name only for what a meeting file cannot hold).

    >>> from minutes.i18n import language
    >>> with language("en"):
    ...     _shown([1, 2]), _shown(True), _shown(None), _shown(b"x")
    ('[1, 2] (list)', 'True (yes/no)', 'an empty value', "b'x' (bytes)")
    >>> with language("en"):
    ...     _shown(date(2018, 3, 7)), _shown(datetime(2018, 3, 7, 8, 0)), _shown(time(8, 0))
    ('2018-03-07 (date)', '2018-03-07 08:00:00 (date and time)', '08:00:00 (time of day)')
    """
    if value is None:
        return _("an empty value")
    if isinstance(value, datetime):
        written = value.isoformat(" ")
    elif isinstance(value, (date, time)):
        written = value.isoformat()
    else:
        written = repr(value)
    for kinds, name in _KINDS:
        if isinstance(value, kinds):
            return f"{written} ({_(name)})"
    return f"{written} ({type(value).__name__})"


# --- conversions --------------------------------------------------------------------------------


def _to_decimal(value: object) -> Decimal:
    """The exact :class:`~decimal.Decimal` of a number; a float is taken at its shortest repr.

    >>> _to_decimal(317.35), _to_decimal("-12.50"), _to_decimal(7)
    (Decimal('317.35'), Decimal('-12.50'), Decimal('7'))
    >>> _to_decimal(-0.0)
    Decimal('0')
    >>> _to_decimal(True)
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>: True is a yes/no value, not a number
    """
    if isinstance(value, bool):
        raise FormattingError(
            _("{value} is a yes/no value, not a number").format(value=repr(value))
        )
    if isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise FormattingError(_("{value} is not a finite number").format(value=repr(value)))
        result = Decimal(repr(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise FormattingError(_("{value} is not a finite number").format(value=repr(value)))
        result = value
    elif isinstance(value, str):
        text = value.strip()
        if not _NUMBER_RE.fullmatch(text):
            raise FormattingError(
                _(
                    "{value} is not a number; write it with digits and a decimal point, without "
                    "thousands separators, e.g. 1234.5"
                ).format(value=repr(value))
            )
        result = Decimal(text)
    else:
        raise FormattingError(_("{value} is not a number").format(value=_shown(value)))
    if result.is_zero():
        return Decimal(0)  # no "-0", no "0E+5"
    if result.adjusted() >= _MAX_INTEGER_DIGITS:
        raise FormattingError(
            _("{value} is too large: at most {limit} digits before the decimal point").format(
                value=repr(value), limit=_MAX_INTEGER_DIGITS
            )
        )
    return result


def _to_int(value: object, message: str) -> int:
    """A whole number, from anything :func:`_to_decimal` accepts; else an error with ``message``
    (an English msgid marked with ``N_``, with a ``{value}`` placeholder), translated.

    >>> _to_int(4, "x"), _to_int("12", "x"), _to_int(3.0, "x")
    (4, 12, 3)
    >>> _to_int(2.5, "a Roman numeral needs a whole number, not {value}")
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>: a Roman numeral needs a whole number, not 2.5
    """
    number = _to_decimal(value)
    if number != number.to_integral_value(context=_CONTEXT):
        raise FormattingError(_(message).format(value=repr(value)))
    return int(number)


def _check_decimals(decimals: object) -> int | None:
    """Validate the ``decimals`` argument: ``None`` or a whole number 0…20.

    >>> _check_decimals(None), _check_decimals(2)
    (None, 2)
    >>> _check_decimals(-1)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>:
        the number of decimals must be a whole number from 0 to 20, not -1
    """
    if decimals is None:
        return None
    if (
        isinstance(decimals, bool)
        or not isinstance(decimals, int)
        or not 0 <= decimals <= _MAX_ROUNDING_DECIMALS
    ):
        raise FormattingError(
            _(
                "the number of decimals must be a whole number from 0 to {limit}, not {value}"
            ).format(limit=_MAX_ROUNDING_DECIMALS, value=repr(decimals))
        )
    return decimals


def _digits(number: Decimal, decimals: int | None) -> tuple[bool, str, str]:
    """``(negative, integer digits, fraction digits)`` of a number, rounded if asked.

    With ``decimals=None`` the fraction has no trailing zeros; with ``decimals=k`` it has exactly
    ``k`` digits, rounded half away from zero.

    >>> _digits(Decimal("-1500.50"), None)
    (True, '1500', '5')
    >>> _digits(Decimal("0.125"), 2), _digits(Decimal("-0.001"), 2)
    ((False, '0', '13'), (False, '0', '00'))
    """
    if decimals is None:
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -_MAX_DECIMALS:
            raise FormattingError(
                _(
                    "{value} has more than {limit} decimals; give the number of decimals to round "
                    "it to, e.g. number(2)"
                ).format(value=number, limit=_MAX_DECIMALS)
            )
        text = format(number, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        quantum = Decimal(1).scaleb(-decimals, context=_CONTEXT)
        try:
            rounded = number.quantize(quantum, rounding=ROUND_HALF_UP, context=_CONTEXT)
        except InvalidOperation as error:  # pragma: no cover - excluded by the limits above
            raise FormattingError(
                _("{value} cannot be rounded to {decimals} decimals").format(
                    value=number, decimals=decimals
                )
            ) from error
        text = format(rounded, "f")
    negative = text.startswith("-")
    integer, _point, fraction = text.lstrip("-").partition(".")
    if negative and not (integer + fraction).strip("0"):
        negative = False  # -0.001 rounded to 2 decimals is 0,00, not -0,00
    return negative, integer, fraction


def _group(integer: str) -> str:
    """Integer digits with the Vietnamese group symbol every three digits.

    >>> _group("1234567"), _group("100"), _group("1000")
    ('1.234.567', '100', '1.000')
    """
    head = len(integer) % 3 or 3
    parts = [integer[:head]] + [integer[i : i + 3] for i in range(head, len(integer), 3)]
    return GROUP_SYMBOL.join(parts)


def _format_decimal(number: Decimal, decimals: int | None) -> str:
    """A Decimal in Vietnamese notation.

    >>> _format_decimal(Decimal("-1234.5"), None)
    '-1.234,5'
    """
    negative, integer, fraction = _digits(number, decimals)
    text = _group(integer)
    if fraction:
        text += DECIMAL_SYMBOL + fraction
    return MINUS_SIGN + text if negative else text


def _to_date(value: object) -> date:
    """A :class:`datetime.date` from a date, a datetime or an ISO string ``YYYY-MM-DD``.

    >>> _to_date("2018-03-07"), _to_date(datetime(2018, 3, 7, 8, 30))
    (datetime.date(2018, 3, 7), datetime.date(2018, 3, 7))
    >>> _to_date("2018-02-30")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>:
        '2018-02-30' is not a real date: in month 2 of 2018 the day must be from 01 to 28
    >>> _to_date("2018-13-01")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>:
        '2018-13-01' is not a real date: the month must be from 01 to 12
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _DATE_RE.fullmatch(value.strip())
        if not match:
            raise FormattingError(
                _("{value} is not a date; write it as YYYY-MM-DD, e.g. 2018-03-07").format(
                    value=repr(value)
                )
            )
        year, month, day = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            if not 1 <= month <= 12:
                problem = _("{value} is not a real date: the month must be from 01 to 12")
            elif year == 0:
                problem = _("{value} is not a real date: the year must be from 0001 to 9999")
            else:
                problem = _(
                    "{value} is not a real date: in month {month} of {year} the day must be "
                    "from 01 to {days}"
                )
            days = calendar.monthrange(year, month)[1] if year and 1 <= month <= 12 else 0
            raise FormattingError(
                problem.format(value=repr(value), month=month, year=year, days=days)
            ) from None
    raise FormattingError(
        _("{value} is not a date; write it as YYYY-MM-DD, e.g. 2018-03-07").format(
            value=_shown(value)
        )
    )


def _to_hour_minute(value: object) -> tuple[int, int]:
    """``(hour, minute)`` from a time, a datetime or a string ``HH:MM``; seconds are dropped.

    >>> _to_hour_minute("08:00"), _to_hour_minute(time(14, 5, 59))
    ((8, 0), (14, 5))
    """
    if isinstance(value, (datetime, time)):
        return value.hour, value.minute
    if isinstance(value, str):
        match = _TIME_RE.fullmatch(value.strip())
        if match:
            hour, minute = int(match.group(1)), int(match.group(2))
            if hour < 24 and minute < 60:
                return hour, minute
        raise FormattingError(
            _(
                "{value} is not a time of day; write it as HH:MM on a 24-hour clock, e.g. 14:05"
            ).format(value=repr(value))
        )
    raise FormattingError(
        _("{value} is not a time of day; write it as HH:MM on a 24-hour clock, e.g. 14:05").format(
            value=_shown(value)
        )
    )
