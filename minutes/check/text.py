"""Text as the checker compares it, and the written forms it judges (dates, numbers, `Số`).

Pure functions, no I/O: the PDF and DOCX measurers hand over the text they read, and these
functions say which profile it follows and which dates, numbers or number lines are written
against the rules.

* Dates (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, II.4.b): ``ngày 07 tháng 3 năm 2018``, with
  a leading zero for days 1–9 and for the months 1 and 2 only. A date in figures
  (``17/7/2015``) is accepted only where another document is cited by its number (``Kết luận số
  42-KL/TU, ngày 17/7/2015``, the form Hướng dẫn 36-HD/VPTW uses for citations), with the same
  zeros; anywhere else (``ngày 7/3/2018``) it is reported.
* Numbers (Vietnamese usage, CLDR ``vi``): ``.`` groups thousands and ``,`` marks decimals
  (``12.181``, ``317,35``, ``59,7%``). Reported: five or more digits without grouping
  (``12181``), a decimal point (``59.7%``), English grouping (``1,234,567``) and groups that are
  not three digits long (``12.1810``). Numbers that start with 0 (codes, telephone numbers),
  years and document numbers are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_OLD_TONES = {
    # the "old" placement of the tone mark (hoà, thuỷ) and the "new" one (hòa, thủy) are the same
    # word; NĐ 30 writes the new one
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile("|".join(_OLD_TONES))


def clean(text: str) -> str:
    """``text`` in NFC, with every run of whitespace one space and typographic dashes as ``-``."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_DASHES).split())


def key(text: str) -> str:
    """A form of ``text`` for finding it: :func:`clean`, case-folded, tone marks placed alike."""
    folded = clean(text).casefold()
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(0)], folded)


def case_of(text: str) -> str | None:
    """``"upper"`` when every letter is a capital, ``"mixed"`` otherwise; ``None`` without
    letters (``*``, ``-----``)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    return "upper" if all(c == c.upper() for c in letters) else "mixed"


def detect_profile(text: str, titles: dict[str, str]) -> str | None:
    """The profile whose national title (``{profile: title}``) appears first in ``text``.

    The first four words of each title are enough (``CỘNG HÒA XÃ HỘI``, ``ĐẢNG CỘNG SẢN VIỆT``):
    a narrow header cell may break the title over two lines, and text read from a PDF may put
    the other column's words between them.
    """
    haystack = key(text)
    found = []
    for name, title in titles.items():
        words = key(title).split()[:4]
        match = re.search(r"\s+".join(re.escape(w) for w in words), haystack)
        if match is not None:
            found.append((match.start(), name))
    return min(found)[1] if found else None


# -- dates -----------------------------------------------------------------------------------------

LONG_DATE = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{1,4})\b", re.IGNORECASE)
SHORT_DATE = re.compile(r"(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})(?![\w/-]|\.\d)")
_CITATION = re.compile(r"\bsố\s+\d+[-/][\w/-]+[,;]?\s*(?:ngày\s*)?$", re.IGNORECASE)


def _day_ok(day: str) -> bool:
    return len(day) == 2 and 1 <= int(day) <= 31


def _month_ok(month: str) -> bool:
    value = int(month)
    if not 1 <= value <= 12:
        return False
    return month in ("01", "02") if value <= 2 else month == str(value)


def _year_ok(year: str) -> bool:
    return len(year) == 4


def date_problems(text: str) -> list[str]:
    """The dates of ``text`` written against the rules, as they are written."""
    text = clean(text)
    problems = []
    for match in LONG_DATE.finditer(text):
        day, month, year = match.groups()
        if not (_day_ok(day) and _month_ok(month) and _year_ok(year)):
            problems.append(match.group(0))
    for match in SHORT_DATE.finditer(text):
        day, separator, month, year = match.groups()
        cited = _CITATION.search(text[max(0, match.start() - 80) : match.start()]) is not None
        good = separator == "/" and _day_ok(day) and _month_ok(month) and _year_ok(year)
        if not (cited and good):
            start = match.start()
            before = text[max(0, start - 5) : start]
            problems.append(("ngày " if before.lower().endswith("ngày ") else "") + match.group(0))
    return problems


def good_long_date(text: str) -> bool:
    """Whether ``text`` holds a date in the long form, written as the rules ask."""
    match = LONG_DATE.search(clean(text))
    return match is not None and not date_problems(match.group(0))


# -- numbers ---------------------------------------------------------------------------------------

_UNGROUPED = re.compile(r"(?<![\w.,/-])[1-9]\d{4,}(?![\w/-]|[.,]\d)")
_DECIMAL_POINT = re.compile(r"(?<![\w.,/-])\d{1,3}(?:\.\d{3})*\.\d{1,2}(?![\w.]|,\d)")
_ENGLISH_GROUPS = re.compile(
    r"(?<![\w.,/-])\d{1,3}(?:(?:,\d{3}){2,}(?:\.\d+)?|(?:,\d{3})+\.\d+)(?!\w)"
)
_LONG_GROUP = re.compile(r"(?<![\w.,/-])[1-9]\d{0,2}(?:\.\d{3})*\.\d{4,}(?![\w.])")
_SECTION_WORDS = re.compile(r"(?:mục|khoản|điểm|điều|phần|chương|tiết|bảng|phụ lục)\s*$", re.I)


def number_problems(text: str) -> list[str]:
    """The numbers of ``text`` not written with the Vietnamese separators."""
    text = clean(text)
    without_dates = SHORT_DATE.sub(" ", LONG_DATE.sub(" ", text))
    problems: list[str] = []
    for pattern in (_UNGROUPED, _ENGLISH_GROUPS, _LONG_GROUP, _DECIMAL_POINT):
        for match in pattern.finditer(without_dates):
            before = without_dates[max(0, match.start() - 12) : match.start()]
            if pattern is _DECIMAL_POINT and _SECTION_WORDS.search(before):
                continue  # "mục 2.1": a section number, not a decimal
            if pattern is _UNGROUPED and re.search(r"(?:số|năm)\s*$", before, re.I):
                continue  # "số 12345", a register number; "năm 20255" is not ours to judge
            if not any(match.group(0) in p for p in problems):
                problems.append(match.group(0))
    return problems


# -- the number line ("Số: 05/BB-UBND", "Số 05-BB/TU") ---------------------------------------------

DOC_TYPE_CODE = "BB"
"""The type code of a biên bản in both families (NĐ 30, Phụ lục III, I; HD 36)."""

_CODE = r"[A-ZĐ][A-ZĐ0-9]*"


def number_pattern(template: str, blank: str) -> re.Pattern[str]:
    """A pattern for the number line the profile prints (``template``, e.g.
    ``Số: {number}/{symbol}``) and for its blank form (``Số:      /{symbol}``).

    The symbol's inner separators follow from the one before it: the state writes
    ``/`` before the symbol and ``-`` between its codes (``05/BB-UBND``, PL I, II.3.b-c); the Party
    writes ``-`` before the type code and ``/`` before the body's code (``05-BB/TU``, HD 36).
    """

    def compile_one(text: str, number: str) -> str:
        parts = re.split(r"(\{number\}|\{symbol\})", text)
        out = []
        before_symbol = ""
        for index, part in enumerate(parts):
            if part == "{number}":
                out.append(number)
            elif part == "{symbol}":
                previous = parts[index - 1] if index else ""
                before_symbol = previous.strip()[-1:] if previous.strip() else ""
                inner = "/" if before_symbol == "-" else "-"
                out.append(rf"{DOC_TYPE_CODE}(?:{re.escape(inner)}{_CODE})+(?:-{_CODE})*")
            else:
                out.append(r"\s+".join(re.escape(piece) for piece in re.split(r"\s+", part)))
        return "".join(out)

    numbered = compile_one(template, r"(?:0[1-9]|[1-9]\d+)")
    unnumbered = compile_one(blank, "")
    return re.compile(rf"(?:{numbered}|{unnumbered})")


def number_line_problems(line: str, template: str, blank: str) -> list[str]:
    """``[line]`` when the number line is not in the profile's form, else ``[]``."""
    text = clean(line)
    return [] if number_pattern(template, blank).fullmatch(text) else [text]


# -- the place and date line ("Thái Bình, ngày 07 tháng 3 năm 2018") -------------------------------

PLACE_DATE = re.compile(
    r"^(?P<place>[^\W\d_][^,]*), (?P<date>ngày \d{1,2} tháng \d{1,2} năm \d{4})$"
)


def place_date_problems(line: str) -> list[str]:
    """``[line]`` unless it is ``Place, ngày DD tháng M năm YYYY`` with the date well written."""
    text = clean(line)
    match = PLACE_DATE.match(text)
    if match is None or not match.group("place")[0].isupper() or date_problems(text):
        return [text]
    return []


def looks_like_date_line(text: str) -> bool:
    """Whether a header line is a place-and-date line (whatever its form)."""
    folded = key(text)
    return "ngày" in folded and ("tháng" in folded or SHORT_DATE.search(folded) is not None)


def joined(lines: Iterable[str]) -> str:
    return clean(" ".join(lines))
