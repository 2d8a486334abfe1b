"""Numbers and money in words (``Mười hai nghìn một trăm tám mươi mốt tỷ đồng``), Roman numerals
and the Vietnamese point letters (``a)`` … ``đ)``): written here, because no library reads
Vietnamese numbers right (see the package's docstring)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import NamedTuple

from minutes.errors import FormattingError
from minutes.formatting.values import (
    _CONTEXT,
    _MAX_WORD_DECIMALS,
    _MAX_WORDS,
    Number,
    _digits,
    _to_decimal,
    _to_int,
)
from minutes.i18n import N_, _

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
