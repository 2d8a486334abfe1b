"""Dates, times and weekdays, the administrative way: ``ngày 07 tháng 3 năm 2018``, ``8 giờ 00
phút``, ``thứ Tư`` (see the package's docstring for the rules and their sources)."""

from __future__ import annotations

from datetime import date

from minutes.formatting.values import (
    _BABEL_WEEKDAYS,
    DateLike,
    TimeLike,
    _to_date,
    _to_hour_minute,
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
