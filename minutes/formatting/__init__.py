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

from collections.abc import Callable

from minutes.formatting.dates import format_date, format_date_short, format_time, format_weekday
from minutes.formatting.numbers import (
    MONEY_UNITS,
    format_money,
    format_number,
    format_percent,
    format_share,
)
from minutes.formatting.text import normalize_text
from minutes.formatting.values import (
    DECIMAL_SYMBOL,
    GROUP_SYMBOL,
    MINUS_SIGN,
    PERCENT_SIGN,
    DateLike,
    Number,
    TimeLike,
)
from minutes.formatting.words import money_to_words, number_to_words, to_letter, to_roman

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
