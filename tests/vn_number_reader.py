"""A reader of Vietnamese number words, back to a number: a test oracle for ``number_to_words``.

Written from the grammar of spoken Vietnamese numbers, not from ``minutes.formatting``, and strict:
it refuses what a careful writer would not write (``hai mươi một``, ``mười lăm`` written
``mười năm``, ``mười mốt``, ``linh tư``, two groups with no scale word between them …), so a
round trip through it checks the spelling rules as well as the value.

Grammar of a group below one thousand (``D`` a digit word):

    group    := D "trăm" [tail] | tail-alone
    tail     := ("linh" | "lẻ") unit-linh | "mười" [unit-10] | D2 "mươi" [unit-20]
    tail-alone := "mười" [unit-10] | D2 "mươi" [unit-20] | D
    unit-linh := một … chín                      (no mốt, lăm, tư)
    unit-10  := một hai ba bốn lăm sáu bảy tám chín   (no mốt, năm, tư)
    unit-20  := mốt hai ba bốn tư lăm sáu bảy tám chín  (no một, năm)

A number is groups, each but the last followed by one or more scale words (nghìn/ngàn, triệu,
tỷ). ``tỷ`` multiplies the whole number before it (``một nghìn tỷ`` = 10^12, ``một tỷ tỷ`` =
10^18, ``mười hai nghìn một trăm tám mươi mốt tỷ``); ``nghìn`` and ``triệu`` multiply their own
group only. A group that follows a scale word says its hundreds, ``không trăm`` included.
``âm`` before makes it negative; ``phẩy`` introduces the decimals, read as a number with its
leading zeros said ``không``.
"""

from __future__ import annotations

from decimal import Decimal

DIGITS = {
    "không": 0,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}
UNIT_AFTER_LINH = {w: v for w, v in DIGITS.items() if v > 0}
UNIT_AFTER_MUOI_10 = {**{w: v for w, v in DIGITS.items() if v > 0 and v != 5}, "lăm": 5}
UNIT_AFTER_MUOI = {
    **{w: v for w, v in DIGITS.items() if v > 1 and v != 5},
    "mốt": 1,
    "tư": 4,
    "lăm": 5,
}
SCALES = {"nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9}
ZERO_TENS = {"linh", "lẻ"}


class ReadError(ValueError):
    """The words are not a well-formed Vietnamese number."""


class _Tokens:
    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.i = 0

    def peek(self, ahead: int = 0) -> str | None:
        j = self.i + ahead
        return self.words[j] if j < len(self.words) else None

    def take(self) -> str:
        word = self.peek()
        if word is None:
            raise ReadError("unexpected end")
        self.i += 1
        return word


def _tail(tokens: _Tokens, after_hundreds: bool) -> int | None:
    """The tens and units of a group, or None when there are none."""
    word = tokens.peek()
    if word in ZERO_TENS:
        if not after_hundreds:
            raise ReadError(f"{word!r} without hundreds")
        tokens.take()
        digit = tokens.take()
        if digit not in UNIT_AFTER_LINH:
            raise ReadError(f"{digit!r} after {word!r}")
        return UNIT_AFTER_LINH[digit]
    if word == "mười":
        tokens.take()
        unit = tokens.peek()
        if unit is not None and unit in UNIT_AFTER_MUOI_10:
            tokens.take()
            return 10 + UNIT_AFTER_MUOI_10[unit]
        if unit in DIGITS or unit in UNIT_AFTER_MUOI:
            raise ReadError(f"{unit!r} after 'mười'")
        return 10
    if word in DIGITS and tokens.peek(1) == "mươi":
        tens = DIGITS[word]
        if tens < 2:
            raise ReadError(f"{word!r} mươi")
        tokens.take()
        tokens.take()
        unit = tokens.peek()
        if unit is not None and unit in UNIT_AFTER_MUOI:
            tokens.take()
            return tens * 10 + UNIT_AFTER_MUOI[unit]
        if unit in DIGITS:
            raise ReadError(f"{unit!r} after 'mươi'")
        return tens * 10
    return None


def _group(tokens: _Tokens, need_hundreds: bool) -> int:
    """A group 1…999; after a scale word it must say its hundreds (``không trăm linh một``)."""
    word = tokens.peek()
    if word in DIGITS and tokens.peek(1) == "trăm":
        tokens.take()
        tokens.take()
        tail = _tail(tokens, after_hundreds=True)
        value = DIGITS[word] * 100 + (tail or 0)
        if value == 0:
            raise ReadError("không trăm with nothing after it")
        return value
    if need_hundreds:
        raise ReadError(f"a group after a scale word must say its hundreds, not {word!r}")
    if word == "trăm":
        raise ReadError("'trăm' without a digit")
    tail = _tail(tokens, after_hundreds=False)
    if tail is not None:
        return tail
    word = tokens.take()
    if word not in DIGITS or word == "không":
        raise ReadError(f"unexpected {word!r}")
    return DIGITS[word]


def _integer(tokens: _Tokens, stop: str | None = None) -> int:
    """A whole number, up to the end or the word ``stop``.

    ``tỷ`` multiplies the whole number before it (``một nghìn tỷ``, ``một tỷ tỷ``); ``nghìn`` and
    ``triệu`` multiply only their own group and must come in decreasing order after the last
    ``tỷ``.
    """
    if tokens.peek() == "không" and tokens.peek(1) in (None, stop):
        tokens.take()
        return 0
    stack: list[tuple[int, int]] = []  # (value, scale)
    after_scale = False
    while True:
        current = _group(tokens, need_hundreds=after_scale)
        if tokens.peek() not in SCALES:
            if tokens.peek() not in (None, stop):
                raise ReadError(f"unexpected {tokens.peek()!r} after a group")
            return sum(value for value, _ in stack) + current
        while tokens.peek() in SCALES:
            word = tokens.take()
            scale = SCALES[word]
            if word == "tỷ":
                total = current + sum(value for value, _ in stack)
                stack = [(total * scale, scale)]
            else:
                if current == 0:
                    raise ReadError(f"{word!r} with nothing to multiply")
                if stack and stack[-1][1] <= scale:
                    raise ReadError(f"{word!r} after a scale no larger")
                stack.append((current * scale, scale))
            current = 0
        after_scale = True
        if tokens.peek() in (None, stop):
            return sum(value for value, _ in stack)


def read_number(text: str) -> int | Decimal:
    """The number that Vietnamese words say: an int, or a Decimal when there is ``phẩy``.

    >>> read_number("hai nghìn không trăm hai mươi lăm")
    2025
    >>> read_number("âm không phẩy không năm")
    Decimal('-0.05')
    """
    words = text.split(" ")
    if any(not word for word in words):
        raise ReadError(f"empty word in {text!r}")
    tokens = _Tokens(words)
    negative = tokens.peek() == "âm"
    if negative:
        tokens.take()
    integer = _integer(tokens, stop="phẩy")
    if tokens.peek() is None:
        if negative and integer == 0:
            raise ReadError("âm không")
        return -integer if negative else integer
    tokens.take()  # phẩy
    zeros = 0
    while tokens.peek() == "không":
        tokens.take()
        zeros += 1
    rest = _integer(tokens)
    if rest == 0 or tokens.peek() is not None:
        raise ReadError(f"bad decimals in {text!r}")
    value = Decimal(f"{integer}.{'0' * zeros}{rest}")
    return -value if negative else value
