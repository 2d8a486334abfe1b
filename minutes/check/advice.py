"""House advice on the text: how dates and numbers are best written in it, and the district
names a document dated after the 2025 reform should no longer carry.

None of this is a rule of the format: PL I, II.4.b governs the date of the document itself (its
place-and-date line, judged in :mod:`minutes.check.forms`), not the dates its text cites; the
separators of numbers are Vietnamese usage (CLDR ``vi``), not a clause. So what is found here is
reported as *lưu ý*, counted apart, and fails a file only when the reader asks for it
(``minutes check --strict``). Pure functions, no I/O.

Left alone on purpose: dates in figures (``07/5/2020``, what the ``date_short`` filter writes,
``Thông tư 07/2014/TT-BNV ngày 29/8/2014``), anything inside quotation marks (a quotation keeps
its source's spelling), and identifiers (a mã số doanh nghiệp ``5400123456``, a telephone number,
a document's number): digits that do not count anything are not numbers to group.
"""

from __future__ import annotations

import datetime as dt
import re

from minutes.check.forms import LONG_DATE, SHORT_DATE, dates_in
from minutes.check.text import clean

REFORM_DATE = dt.date(2025, 7, 1)
"""The two-level local government (NQ 203/2025/QH15, the amended Constitution, Điều 110): no
district level from this day."""

NUMBERS_CLAUSE = "CLDR vi: dấu chấm ngăn nhóm nghìn, dấu phẩy ngăn phần thập phân"
"""Vietnamese usage as the Unicode CLDR records it (the locale data of every office program)."""
DISTRICTS_CLAUSE = (
    "NQ 203/2025/QH15: Hiến pháp, Điều 110; chính quyền địa phương hai cấp từ 01/7/2025"
)
"""The resolution amending the Constitution: the two-level local government."""

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _QUOTED.finditer(text)]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < position < end for start, end in spans)


def date_advice(text: str) -> list[str]:
    """The dates of the text that are better written otherwise, each as ``written → better``:
    the zeros of PL I, II.4.b (``ngày 7 tháng 3`` → ``ngày 07 tháng 3``, ``tháng 04`` →
    ``tháng 4``), a two-digit year, dots or dashes between the figures."""
    text = clean(text)
    quoted = _quoted_spans(text)
    found = []
    for date in dates_in(text):
        if date.well_written or _inside(date.start, quoted) or date.value is None:
            continue
        note = f"{date.text} → {date.rewritten()}"
        if note not in found:
            found.append(note)
    return found


# -- numbers ---------------------------------------------------------------------------------------

_UNITS = (
    r"%|đồng|vnđ|vnd|usd|tỷ|triệu|nghìn|ngàn|người|lượt|hộ|ha|héc-ta|km|m|m2|m²|m3|tấn|kg|lít|"
    r"cái|chiếc|căn|lao động|học sinh|đảng viên|đoàn viên|hội viên|phiếu|cổ phần|cổ phiếu|suất|"
    r"doanh nghiệp|dự án|hồ sơ|trường hợp|lần"
)
_UNIT_AFTER = re.compile(rf"\s*(?:{_UNITS})(?![\w-])", re.IGNORECASE)
"""What follows a quantity: a unit or the thing counted."""
_UNIT_BEFORE = re.compile(
    rf"(?:\(\s*(?:{_UNITS})\b[^)]*\)|số tiền|kinh phí|giá trị|doanh thu|tổng cộng)[\s:]*$",
    re.IGNORECASE,
)
"""What stands before a quantity in a list or a table row: its unit in brackets
(``Số tiền (đồng): 18500000``), or what it measures."""
_IDENTIFIER_BEFORE = re.compile(
    r"(?:mã số|mã|mst|số điện thoại|điện thoại|đt|fax|tài khoản|stk|cccd|cmnd|căn cước|hộ chiếu|"
    r"số hiệu|số|năm|mục|khoản|điểm|điều|phần|chương|tiết|bảng|phụ lục|phiên bản)[\s.:]*$",
    re.IGNORECASE,
)
"""Words before digits that name, not count: an identifier, a year, a section, a version."""

_UNGROUPED = re.compile(r"(?<![\w.,/-])[1-9]\d{4,}(?![\w/-]|[.,]\d)")
_DECIMAL_POINT = re.compile(r"(?<![\w.,/-])\d{1,3}(?:\.\d{3})*\.\d{1,2}(?![\w.]|,\d)")
_ENGLISH_GROUPS = re.compile(
    r"(?<![\w.,/-])\d{1,3}(?:(?:,\d{3}){2,}(?:\.\d+)?|(?:,\d{3})+\.\d+)(?![\w,])"
)
_LONG_GROUP = re.compile(r"(?<![\w.,/-])[1-9]\d{0,2}(?:\.\d{3})*\.\d{4,}(?![\w.])")


def number_advice(text: str) -> list[str]:
    """The quantities of the text not written with the Vietnamese separators (``.`` groups
    thousands, ``,`` marks decimals: ``12.181``, ``317,35``, ``59,7%``), each as written.

    English grouping (``1,234,567``, ``12,181.5``) is reported wherever it stands; five or more
    ungrouped figures (``12181 tỷ``) or a group of four (``12.1810 tỷ``) only next to a unit or
    a thing counted (``%``, ``đồng``, ``người``, ``ha``, ``Số tiền (đồng):`` …); a decimal point
    (``59.7%``, ``Hệ số: 3.33``) anywhere; and never after a word that names rather than counts
    (``mã số``, ``điện thoại``, ``số``, ``năm``, ``mục``, ``phiên bản``): an identifier, a
    telephone number, a year, ``mục 2.1`` are not numbers.
    """
    text = clean(text)
    without_dates = SHORT_DATE.sub(" ", LONG_DATE.sub(" ", text))
    quoted = _quoted_spans(without_dates)
    found: list[str] = []
    for pattern in (_ENGLISH_GROUPS, _UNGROUPED, _LONG_GROUP, _DECIMAL_POINT):
        for match in pattern.finditer(without_dates):
            if _inside(match.start(), quoted) or not _counts(pattern, without_dates, match):
                continue
            if not any(match.group(0) in seen for seen in found):
                found.append(match.group(0))
    return found


def _counts(pattern: re.Pattern[str], text: str, match: re.Match[str]) -> bool:
    """Whether the figures ``match`` found count something (rather than name it)."""
    if pattern is _ENGLISH_GROUPS:
        return True
    before = text[max(0, match.start() - 30) : match.start()]
    if _IDENTIFIER_BEFORE.search(before):
        return False
    if pattern is _DECIMAL_POINT:  # "3.33", "97.5": a decimal, unless a section or a version
        return True
    return _UNIT_AFTER.match(text, match.end()) is not None or bool(_UNIT_BEFORE.search(before))


# -- district names after 1 July 2025 --------------------------------------------------------------

_DISTRICT = re.compile(
    r"\b(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Phòng)?\s*"
    r"(?:huyện ủy|huyện uỷ|quận ủy|quận uỷ|thị ủy|thị uỷ|huyện|quận|thị xã|GD&ĐT)(?!\w)"
    r"(?-i:(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,2})",
    re.IGNORECASE,
)


def district_advice(text: str, date: dt.date | None) -> list[str]:
    """The names of district-level units (``huyện``, ``quận``, ``thị xã``, ``Huyện ủy``,
    ``Phòng GD&ĐT``) in a document dated from 1 July 2025, when the district level no longer
    exists: the sign of an outdated template. ``[]`` for an older document or an unknown date."""
    if date is None or date < REFORM_DATE:
        return []
    found: list[str] = []
    for match in _DISTRICT.finditer(clean(text)):
        words = match.group(0).strip()
        if words.lower().startswith("phòng") and "gd&đt" not in words.lower():
            continue
        if words not in found:
            found.append(words)
    return found
