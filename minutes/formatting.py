"""Vietnamese formatting of dates, times, numbers, money, numbers in words and list markers.

These are the values a biên bản shows: ``ngày 07 tháng 3 năm 2018``, ``8 giờ 00 phút``,
``12.181 tỷ đồng``, ``Mười hai nghìn một trăm tám mươi mốt tỷ đồng``, ``II.``, ``đ)``.

What comes from Babel and what is written here by hand
------------------------------------------------------
Babel (CLDR) supplies what it knows about Vietnamese, looked up once at import: the decimal symbol
``,``, the group (thousands) symbol ``.``, the minus and percent signs, and the weekday names.

The rest is hand-written, because no library gets it right:

* Babel does not know the Vietnamese administrative rules. The date of a document follows Nghị
  định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II, khoản 4 điểm b: "đối với những số thể hiện ngày
  nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước" (``ngày 05 tháng 02 năm 2020`` but
  ``ngày 07 tháng 3 năm 2018``); Babel's long date is ``7 tháng 3, 2018``. Its weekday names are
  ``Thứ Tư`` and ``Chủ Nhật``, where the rules for capital letters (Phụ lục II) write ``thứ Tư``
  and ``Chủ nhật``. Point letters ``a)``, ``b)``, … ``đ)`` follow the Vietnamese alphabet
  (Phụ lục I, Phần I, Mục II, khoản 6 điểm đ), which no library has.
* Numbers in words (số tiền bằng chữ): Babel has no spell-out, and num2words is wrong for
  Vietnamese: it reads 2025 as "hai nghìn lẻ hai mươi lăm" where the right reading is "hai nghìn
  không trăm hai mươi lăm", and it does not say "không trăm" for an empty hundreds place.
* Rounding of money is half away from zero (``2,5`` → ``3``), not Python's round-half-even, and a
  float is taken at its shortest repr (``317.35``, not ``317.349999…``): :mod:`decimal` is used.

Every function raises :class:`~minutes.errors.FormattingError` (an ``InputError``) for a value it
cannot write, with a message in the current language (:mod:`minutes.i18n`: Vietnamese by default;
the examples below show the English source text). The module does no I/O of its own (the message
catalog is read by :mod:`minutes.i18n`, once per process). :data:`FILTERS` maps the Jinja filter
names to the functions.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import NamedTuple, TypeAlias

from babel import Locale
from babel.dates import get_day_names
from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

from minutes.errors import FormattingError
from minutes.i18n import N_, _

__all__ = [
    "DECIMAL_SYMBOL",
    "FILTERS",
    "GROUP_SYMBOL",
    "MINUS_SIGN",
    "MONEY_UNITS",
    "PERCENT_SIGN",
    "DateLike",
    "Number",
    "TimeLike",
    "format_date",
    "format_date_short",
    "format_money",
    "format_number",
    "format_percent",
    "format_share",
    "format_time",
    "format_weekday",
    "money_to_words",
    "normalize_text",
    "number_to_words",
    "to_letter",
    "to_roman",
]

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


# --- dates and times ----------------------------------------------------------------------------


def _day(d: date) -> str:
    """The day with a zero below 10 (ND 30/2020, Phụ lục I).

    >>> _day(date(2018, 3, 7)), _day(date(2018, 3, 17))
    ('07', '17')
    """
    return f"{d.day:02d}"


def _month(d: date) -> str:
    """The month, with a zero for January and February only (ND 30/2020, Phụ lục I).

    >>> _month(date(2020, 2, 5)), _month(date(2018, 3, 7)), _month(date(2018, 12, 1))
    ('02', '3', '12')
    """
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def format_date(d: DateLike) -> str:
    """The date the way Nghị định 30/2020/NĐ-CP writes it: ``ngày DD tháng M năm YYYY``.

    A zero is written before a day below 10 and before the months 1 and 2, and nowhere else
    (Phụ lục I, Phần I, Mục II, khoản 4 điểm b).

    >>> format_date("2018-03-07")
    'ngày 07 tháng 3 năm 2018'
    >>> format_date(date(2020, 2, 5))
    'ngày 05 tháng 02 năm 2020'
    >>> format_date(datetime(2019, 6, 29, 14, 0))
    'ngày 29 tháng 6 năm 2019'
    >>> format_date("07/03/2018")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>: '07/03/2018' is not a date; write it as YYYY-MM-DD, ...
    """
    value = _to_date(d)
    return f"ngày {_day(value)} tháng {_month(value)} năm {value.year}"


def format_date_short(d: DateLike) -> str:
    """The date as ``DD/M/YYYY``, for citing a document (``Kết luận số 42-KL/TU, ngày 17/7/2015``).

    The same zeros as :func:`format_date`: before a day below 10 and the months 1 and 2.

    >>> format_date_short("2018-03-07")
    '07/3/2018'
    >>> format_date_short("2015-07-17")
    '17/7/2015'
    >>> format_date_short(date(2020, 1, 9))
    '09/01/2020'
    """
    value = _to_date(d)
    return f"{_day(value)}/{_month(value)}/{value.year}"


def format_time(t: TimeLike) -> str:
    """The time of day as ``H giờ MM phút``.

    Convention: a 24-hour clock, the hour without a leading zero, the minutes always with two
    digits and always followed by ``phút`` (``8 giờ 00 phút``, never ``8 giờ`` or ``08 giờ``).
    Seconds are not shown.

    >>> format_time("08:00")
    '8 giờ 00 phút'
    >>> format_time("14:05")
    '14 giờ 05 phút'
    >>> format_time(time(0, 30))
    '0 giờ 30 phút'
    >>> format_time(datetime(2018, 3, 7, 16, 45, 12))
    '16 giờ 45 phút'
    """
    hour, minute = _to_hour_minute(t)
    return f"{hour} giờ {minute:02d} phút"


def _official_weekday(name: str) -> str:
    """Babel's weekday name with the capitals of Phụ lục II: ``thứ Tư``, ``Chủ nhật``.

    >>> _official_weekday("Thứ Tư"), _official_weekday("Chủ Nhật")
    ('thứ Tư', 'Chủ nhật')
    """
    first, _space, rest = name.strip().partition(" ")
    if first.lower() == "thứ" and rest:
        return "thứ " + rest[:1].upper() + rest[1:].lower()
    return name[:1].upper() + name[1:].lower()


_WEEKDAYS: tuple[str, ...] = tuple(_official_weekday(_BABEL_WEEKDAYS[i]) for i in range(7))


def format_weekday(d: DateLike) -> str:
    """The weekday: ``thứ Hai`` … ``thứ Bảy``, ``Chủ nhật`` (Babel's names, Phụ lục II capitals).

    The day number is capitalised (``thứ Tư``), ``thứ`` is not; at the start of a sentence the
    template capitalises it.

    >>> format_weekday("2018-03-07")
    'thứ Tư'
    >>> format_weekday(date(2018, 3, 11))
    'Chủ nhật'
    """
    return _WEEKDAYS[_to_date(d).weekday()]


# --- numbers ------------------------------------------------------------------------------------


def format_number(x: Number, decimals: int | None = None) -> str:
    """A number in Vietnamese notation: ``.`` between groups of three digits, ``,`` before decimals.

    ``decimals=None`` writes the value as given, without trailing zeros (a float at its shortest
    repr); ``decimals=k`` rounds to ``k`` decimals, half away from zero, and keeps ``k`` digits.

    >>> format_number(12181)
    '12.181'
    >>> format_number(317.35), format_number(3.7), format_number(0.05)
    ('317,35', '3,7', '0,05')
    >>> format_number(-1500), format_number(1234567.891)
    ('-1.500', '1.234.567,891')
    >>> format_number(2.5, 0), format_number(0.125, 2), format_number(-2.5, 0)
    ('3', '0,13', '-3')
    >>> format_number(Decimal("3.70")), format_number(3.7, 2)
    ('3,7', '3,70')
    >>> format_number(float("nan"))
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>: nan is not a finite number
    """
    return _format_decimal(_to_decimal(x), _check_decimals(decimals))


def format_percent(x: Number, decimals: int | None = None) -> str:
    """A percentage, the value being already in per cent: ``59.7`` → ``59,7%`` (no space).

    >>> format_percent(59.7), format_percent(80), format_percent(12.345, 1)
    ('59,7%', '80%', '12,3%')
    """
    return format_number(x, decimals) + PERCENT_SIGN



_MAX_SHARE_DECIMALS = 10
"""The most decimals :func:`format_share` adds to keep a share short of 100% from reading 100%."""


def format_share(part: Number, whole: Number, decimals: int | None = 1) -> str:
    """``part`` as a percentage of ``whole``: ``format_share(14, 15)`` → ``93,3%``.

    Rounded half away from zero to ``decimals`` (1 by default), with two guarantees a signed
    biên bản needs: a share short of the whole never reads ``100%``, and a share above nothing
    never reads ``0%`` (as many decimals are added as it takes: 57.460 of 57.465 is ``99,99%``).
    A whole share has no decimals (``100%``, ``50%``); any other keeps the decimals asked for
    (``90,50%`` with 2).

    >>> format_share(14, 15), format_share(4, 4), format_share(1, 2), format_share(0, 7)
    ('93,3%', '100%', '50%', '0%')
    >>> format_share(57460, 57465), format_share(1, 3000), format_share(181, 200, 2)
    ('99,99%', '0,03%', '90,50%')
    >>> format_share(1, 0)
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>: a share of 0 cannot be computed (the whole is 0)
    """
    part_value, whole_value = _to_decimal(part), _to_decimal(whole)
    places = _check_decimals(1 if decimals is None else decimals) or 0
    if whole_value.is_zero():
        raise FormattingError(
            _("a share of {whole} cannot be computed (the whole is 0)").format(whole=whole)
        )
    exact = part_value * 100 / whole_value
    while True:
        rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        misleading = (rounded == 100 and exact != 100) or (rounded.is_zero() and exact != 0)
        if not misleading or places >= _MAX_SHARE_DECIMALS:
            break
        places += 1
    if rounded == rounded.to_integral_value():
        return format_number(rounded, 0) + PERCENT_SIGN
    return format_number(rounded, places) + PERCENT_SIGN

MONEY_UNITS: dict[str, int] = {
    "đồng": 0,
    "nghìn đồng": 3,
    "ngàn đồng": 3,
    "triệu đồng": 6,
    "tỷ đồng": 9,
}
"""The money units :func:`format_money` knows, with the power of ten of each."""


def format_money(amount: Number, unit: str = "đồng", decimals: int | None = None) -> str:
    """An amount in đồng, written in the scale of ``unit``, followed by the unit.

    ``unit`` is one of ``đồng``, ``nghìn đồng`` (or ``ngàn đồng``), ``triệu đồng``, ``tỷ đồng``.

    >>> format_money(12181000000000, "tỷ đồng")
    '12.181 tỷ đồng'
    >>> format_money(317350000000, "tỷ đồng")
    '317,35 tỷ đồng'
    >>> format_money(3700000, "triệu đồng"), format_money(1500000)
    ('3,7 triệu đồng', '1.500.000 đồng')
    >>> format_money(317350000000, "tỷ đồng", decimals=1)
    '317,4 tỷ đồng'
    >>> format_money(1500, "USD")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>: unknown money unit 'USD'; use one of: đồng, ...đồng
    """
    key = " ".join(unicodedata.normalize("NFC", unit).split()) if isinstance(unit, str) else ""
    power = MONEY_UNITS.get(key)
    if power is None:
        raise FormattingError(
            _("unknown money unit {unit}; use one of: {units}").format(
                unit=repr(unit), units=", ".join(MONEY_UNITS)
            )
        )
    value = _to_decimal(amount).scaleb(-power, context=_CONTEXT)
    return f"{_format_decimal(value, _check_decimals(decimals))} {key}"


# --- numbers in words ---------------------------------------------------------------------------

_DIGIT_WORDS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_ZERO_TENS_CHOICES = ("linh", "lẻ")
_FOUR_CHOICES = ("bốn", "tư")
_THOUSAND_CHOICES = ("nghìn", "ngàn")


class _WordOptions(NamedTuple):
    zero_tens: str
    four: str
    thousand: str


def _word_options(zero_tens: str, four: str, thousand: str) -> _WordOptions:
    """Validate the reading options.

    >>> _word_options("lẻ", "tư", "ngàn")
    _WordOptions(zero_tens='lẻ', four='tư', thousand='ngàn')
    >>> _word_options("le", "bốn", "nghìn")
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>: `zero_tens` must be one of 'linh', 'lẻ', not 'le'
    """
    checked: list[str] = []
    for name, value, choices in (
        ("zero_tens", zero_tens, _ZERO_TENS_CHOICES),
        ("four", four, _FOUR_CHOICES),
        ("thousand", thousand, _THOUSAND_CHOICES),
    ):
        text = unicodedata.normalize("NFC", value).strip() if isinstance(value, str) else ""
        if text not in choices:
            allowed = ", ".join(repr(choice) for choice in choices)
            raise FormattingError(
                _("`{name}` must be one of {allowed}, not {value}").format(
                    name=name, allowed=allowed, value=repr(value)
                )
            )
        checked.append(text)
    return _WordOptions(*checked)


def _read_hundreds(n: int, full: bool, options: _WordOptions) -> list[str]:
    """The words of 1…999; ``full`` reads all three places (``không trăm linh năm``).

    >>> opts = _WordOptions("linh", "bốn", "nghìn")
    >>> _read_hundreds(5, False, opts), _read_hundreds(5, True, opts)
    (['năm'], ['không', 'trăm', 'linh', 'năm'])
    >>> " ".join(_read_hundreds(121, False, opts)), " ".join(_read_hundreds(15, False, opts))
    ('một trăm hai mươi mốt', 'mười lăm')
    """
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [_DIGIT_WORDS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words += [options.zero_tens, _DIGIT_WORDS[units]]  # 105: một trăm linh năm
        elif units:
            words.append(_DIGIT_WORDS[units])
    elif tens == 1:
        words.append("mười")  # 11: mười một (no "mốt"), 14: mười bốn (no "tư")
        if units:
            words.append("lăm" if units == 5 else _DIGIT_WORDS[units])
    else:
        words += [_DIGIT_WORDS[tens], "mươi"]
        if units == 1:
            words.append("mốt")
        elif units == 4:
            words.append(options.four)
        elif units == 5:
            words.append("lăm")
        elif units:
            words.append(_DIGIT_WORDS[units])
    return words


def _read_below_billion(n: int, full: bool, options: _WordOptions) -> list[str]:
    """The words of 1…999.999.999; empty groups are skipped, later groups are read in full.

    >>> opts = _WordOptions("linh", "bốn", "nghìn")
    >>> " ".join(_read_below_billion(1000001, False, opts))
    'một triệu không trăm linh một'
    """
    words: list[str] = []
    for group, scale in (
        (n // 1_000_000, "triệu"),
        (n // 1000 % 1000, options.thousand),
        (n % 1000, ""),
    ):
        if group == 0:
            continue
        words += _read_hundreds(group, full, options)
        if scale:
            words.append(scale)
        full = True
    return words


def _read_integer(n: int, options: _WordOptions) -> list[str]:
    """The words of a positive integer: what stands before ``tỷ`` is read as a number of its own.

    >>> opts = _WordOptions("linh", "bốn", "nghìn")
    >>> " ".join(_read_integer(12181 * 10**9, opts))
    'mười hai nghìn một trăm tám mươi mốt tỷ'
    >>> " ".join(_read_integer(10**18, opts))
    'một tỷ tỷ'
    """
    if n >= 1_000_000_000:
        high, low = divmod(n, 1_000_000_000)
        words = [*_read_integer(high, options), "tỷ"]
        if low:
            words += _read_below_billion(low, True, options)
        return words
    return _read_below_billion(n, False, options)


def _words(number: Decimal, options: _WordOptions) -> str:
    """The words of a finite Decimal (the checks of range are the caller's).

    >>> _words(Decimal("-0.05"), _WordOptions("linh", "bốn", "nghìn"))
    'âm không phẩy không năm'
    """
    negative, integer, fraction = _digits(number, None)
    words = ["âm"] if negative else []
    words += _read_integer(int(integer), options) if int(integer) else ["không"]
    if fraction:
        significant = fraction.lstrip("0")
        words += ["phẩy"] + ["không"] * (len(fraction) - len(significant))
        words += _read_integer(int(significant), options)
    return " ".join(words)


def number_to_words(
    n: Number, *, zero_tens: str = "linh", four: str = "bốn", thousand: str = "nghìn"
) -> str:
    """A number in Vietnamese words, as in "số tiền bằng chữ".

    Rules: ``mốt`` for 1 after ``mươi`` (21, not 11 or 101); ``lăm`` for 5 after a tens digit (15,
    25, but 105 is ``một trăm linh năm``); an empty tens place is ``linh`` (105) and an empty
    hundreds place inside a number is ``không trăm`` (2025: ``hai nghìn không trăm hai mươi lăm``);
    an empty group of three is skipped (1.000.001: ``một triệu không trăm linh một``); what stands
    before ``tỷ`` is read as a number of its own (10^12 ``một nghìn tỷ``, 10^15 ``một triệu tỷ``,
    10^18 ``một tỷ tỷ``). Negative numbers start with ``âm``; decimals are read after ``phẩy`` as
    the number they form, each leading zero read ``không`` (0,05: ``không phẩy không năm``).

    Options, defaults first: ``zero_tens`` ``"linh"`` or ``"lẻ"``; ``four`` ``"bốn"`` or ``"tư"``
    (``tư`` only after ``mươi``: 24 ``hai mươi tư``, but 14 is ``mười bốn`` and 4 is ``bốn``);
    ``thousand`` ``"nghìn"`` or ``"ngàn"``. The defaults are the northern usage, the one of the
    administrative and legal texts (the Nghị định themselves).

    Integers up to 10^21 - 1 in absolute value and up to 21 decimals are supported.

    >>> number_to_words(21), number_to_words(105), number_to_words(2025)
    ('hai mươi mốt', 'một trăm linh năm', 'hai nghìn không trăm hai mươi lăm')
    >>> number_to_words(1000001)
    'một triệu không trăm linh một'
    >>> number_to_words(-3), number_to_words(3.25), number_to_words(0.05)
    ('âm ba', 'ba phẩy hai mươi lăm', 'không phẩy không năm')
    >>> number_to_words(10**15)
    'một triệu tỷ'
    >>> number_to_words(1024, zero_tens="lẻ", four="tư", thousand="ngàn")
    'một ngàn không trăm hai mươi tư'
    >>> number_to_words(104, zero_tens="lẻ")
    'một trăm lẻ bốn'
    """
    options = _word_options(zero_tens, four, thousand)
    number = _to_decimal(n)
    if abs(number) > _MAX_WORDS:
        raise FormattingError(
            _("{value} is too large to read in words (at most 10^21 - 1)").format(value=repr(n))
        )
    fraction = _digits(number, None)[2]
    if len(fraction) > _MAX_WORD_DECIMALS:
        raise FormattingError(
            _("{value} has too many decimals to read in words (at most {limit})").format(
                value=repr(n), limit=_MAX_WORD_DECIMALS
            )
        )
    return _words(number, options)


def money_to_words(
    amount: Number, *, zero_tens: str = "linh", four: str = "bốn", thousand: str = "nghìn"
) -> str:
    """An amount of đồng in words, capitalised, ending with ``đồng`` ("Bằng chữ: …").

    Options as in :func:`number_to_words`. An amount in words is never negative and has no
    fraction of a đồng: round it first.

    >>> money_to_words(12181000000000)
    'Mười hai nghìn một trăm tám mươi mốt tỷ đồng'
    >>> money_to_words(0), money_to_words(1500000)
    ('Không đồng', 'Một triệu năm trăm nghìn đồng')
    >>> money_to_words(-5)
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>: an amount in words cannot be negative: -5
    """
    number = _to_decimal(amount)
    if number < 0:
        raise FormattingError(
            _("an amount in words cannot be negative: {value}").format(value=repr(amount))
        )
    if number != number.to_integral_value(context=_CONTEXT):
        raise FormattingError(
            _(
                "an amount in words must be a whole number of đồng, not {value}; round it first"
            ).format(value=repr(amount))
        )
    words = number_to_words(int(number), zero_tens=zero_tens, four=four, thousand=thousand)
    return f"{words[:1].upper()}{words[1:]} đồng"


# --- list markers -------------------------------------------------------------------------------

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(n: int) -> str:
    """A Roman numeral, 1…3999 (numbers of Phần and Chương, Phụ lục I).

    >>> to_roman(1), to_roman(4), to_roman(9), to_roman(14), to_roman(40), to_roman(2024)
    ('I', 'IV', 'IX', 'XIV', 'XL', 'MMXXIV')
    >>> to_roman(0)
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>: a Roman numeral must be from 1 to 3999, not 0
    """
    value = _to_int(n, N_("a Roman numeral needs a whole number, not {value}"))
    if not 1 <= value <= 3999:
        raise FormattingError(
            _("a Roman numeral must be from 1 to 3999, not {value}").format(value=repr(n))
        )
    parts: list[str] = []
    for size, symbol in _ROMAN:
        count, value = divmod(value, size)
        parts.append(symbol * count)
    return "".join(parts)


_LETTERS = "abcdđeghiklmnopqrstuvxy"  # the Vietnamese alphabet without ă â ê ô ơ ư


def to_letter(n: int) -> str:
    """The letter of the n-th point of a khoản: ``a``, ``b``, ``c``, ``d``, ``đ``, ``e``, ``g`` …

    The Vietnamese alphabet order without the letters with marks ă, â, ê, ô, ơ, ư (Phụ lục I,
    Phần I, Mục II, khoản 6 điểm đ: "các chữ cái tiếng Việt theo thứ tự bảng chữ cái"), 1…23.

    >>> [to_letter(i) for i in range(1, 8)]
    ['a', 'b', 'c', 'd', 'đ', 'e', 'g']
    >>> to_letter(23)
    'y'
    >>> to_letter(24)
    Traceback (most recent call last):
    minutes.errors.FormattingError: <input>: a point letter must be from 1 to 23, not 24
    """
    value = _to_int(n, N_("a point letter needs a whole number, not {value}"))
    if not 1 <= value <= len(_LETTERS):
        raise FormattingError(
            _("a point letter must be from 1 to {limit}, not {value}").format(
                limit=len(_LETTERS), value=repr(n)
            )
        )
    return _LETTERS[value - 1]


# --- text ---------------------------------------------------------------------------------------

_INVISIBLE = frozenset("\u200b\u200c\u200d\ufeff\u2060\u00ad")  # zero-width and soft hyphen
_LINE_BREAKS = frozenset("\x0b\x85\u2028\u2029")  # Word's line break, NEL, LS, PS
_EMOJI_MODIFIERS = frozenset(["\ufe0f", *(chr(c) for c in range(0x1F3FB, 0x1F400))])
_SPACES_BEFORE_NEWLINE = re.compile(r" +(?=\n|\Z)")
_SPACE_RUNS = re.compile(r" {2,}")


def _joins_emoji(text: str, index: int) -> bool:
    """Whether the zero-width joiner at ``index`` glues two emoji (👨‍👩‍👧), so must stay.

    >>> _joins_emoji("👨\\u200d👩", 1), _joins_emoji("a\\u200db", 1)
    (True, False)
    """
    before = index - 1
    while before >= 0 and text[before] in _EMOJI_MODIFIERS:
        before -= 1
    after = index + 1
    return (
        before >= 0
        and after < len(text)
        and unicodedata.category(text[before]) == "So"
        and unicodedata.category(text[after]) == "So"
    )


def normalize_text(s: str) -> str:
    """Clean text pasted from Word, old input tools or the web.

    * NFC: old Vietnamese input tools write decomposed letters (``e`` + U+0301);
    * zero-width characters (U+200B, U+200C, U+200D, U+FEFF, U+2060) and the soft hyphen are
      removed (a U+200D inside an emoji sequence such as 👨‍👩‍👧 is kept);
    * ``\\r\\n`` and ``\\r``, Word's line break ``\\x0b``, NEL, U+2028 and U+2029 become ``\\n``;
    * other control characters (the page break ``\\x0c`` …) are removed, except ``\\n`` and ``\\t``;
    * tabs, non-breaking and other Unicode spaces become a plain space; runs of spaces become one;
      spaces at the end of a line are removed (so indentation is not kept).

    Everything else, emoji included, is kept.

    >>> normalize_text("Bie\\u0302n ba\\u0309n")
    'Biên bản'
    >>> normalize_text("a\\u00a0\\u00a0b\\tc  \\r\\nd\\x0be\\x0cf\\u200b")
    'a b c\\nd\\nef'
    """
    if not isinstance(s, str):
        raise FormattingError(_("{value} is not text").format(value=_shown(s)))
    text = s.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for index, char in enumerate(text):
        if char == "\n" or char in _LINE_BREAKS:
            out.append("\n")
        elif char == "\t":
            out.append(" ")
        elif char in _INVISIBLE:
            if char == "\u200d" and _joins_emoji(text, index):
                out.append(char)
        else:
            category = unicodedata.category(char)
            if category == "Zs":
                out.append(" ")
            elif category != "Cc":
                out.append(char)
    text = _SPACE_RUNS.sub(" ", "".join(out))
    text = _SPACES_BEFORE_NEWLINE.sub("", text)
    return unicodedata.normalize("NFC", text)


# --- Jinja filters ------------------------------------------------------------------------------

FILTERS: dict[str, Callable[..., str]] = {
    "date": format_date,
    "date_short": format_date_short,
    "time": format_time,
    "weekday": format_weekday,
    "number": format_number,
    "percent": format_percent,
    "share": format_share,
    "money": format_money,
    "words": number_to_words,
    "money_words": money_to_words,
    "roman": to_roman,
    "letter": to_letter,
}
"""The Jinja filter names and their functions: ``{{ data.doanh_thu | money('tỷ đồng') }}``."""
