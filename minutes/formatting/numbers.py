"""Numbers, percentages, shares and money in Vietnamese notation: ``12.181``, ``317,35``,
``59,7%``, ``99,99%``, ``12.181 tỷ đồng``."""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal

from minutes.errors import FormattingError
from minutes.formatting.values import (
    _CONTEXT,
    PERCENT_SIGN,
    Number,
    _check_decimals,
    _format_decimal,
    _to_decimal,
)
from minutes.i18n import _

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
