"""The written forms the official text fixes: the number line, the place and date line, dates.

Pure functions, no I/O.

* The number (PL I, II.3.c; HD 36): ``Số: 05/BB-UBND`` in a State document (``Số``, a colon, a
  zero before numbers under 10, ``/`` then ``-`` between the codes), ``Số 05-BB/TU`` in a Party
  one; or the blank the clerk fills in by hand (``Số:      /BB-UBND``, ``Số: …/BB-UBND``).
* The document's date (PL I, II.4.b): ``ngày 07 tháng 3 năm 2018``, with a zero before days 1–9
  and before the months 1 and 2, and nowhere else. This governs the date of the document itself,
  in its place-and-date line; dates cited in the text are the subject of
  :mod:`minutes.check.advice`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from minutes.check.text import clean, key

LONG_DATE = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{1,4})\b", re.IGNORECASE)
SHORT_DATE = re.compile(r"(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})(?![\w/-]|\.\d)")


@dataclass(frozen=True)
class DateText:
    """A date as it is written in a text."""

    text: str
    start: int
    day: str
    month: str
    year: str
    long: bool
    separator: str = " "

    @property
    def value(self) -> dt.date | None:
        try:
            return dt.date(int(self.year), int(self.month), int(self.day))
        except ValueError:
            return None

    @property
    def zeros_right(self) -> bool:
        """A zero before days 1–9 and before the months 1 and 2, nowhere else (PL I, II.4.b)."""
        day, month = self.day, self.month
        if not (len(day) == 2 and 1 <= int(day) <= 31 and 1 <= int(month) <= 12):
            return False
        if int(month) <= 2:
            return month in ("01", "02")
        return month == str(int(month))

    @property
    def well_written(self) -> bool:
        return self.zeros_right and len(self.year) == 4 and self.separator in (" ", "/")

    def rewritten(self) -> str:
        """The same date written as PL I, II.4.b writes a date, in the same form."""
        value = self.value
        if value is None:
            return self.text
        day = f"{value.day:02d}"
        month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
        year = value.year
        if len(self.year) == 2:  # "18": this century, or the last one for the years past 50
            year += 2000 if year < 50 else 1900
        if self.long:
            return f"ngày {day} tháng {month} năm {year}"
        return f"{day}/{month}/{year}"


def dates_in(text: str) -> list[DateText]:
    """Every date of ``text``, long (``ngày 07 tháng 3 năm 2018``) and short (``07/3/2018``), in
    the order they are written."""
    text = clean(text)
    found = [
        DateText(m.group(0), m.start(), m.group(1), m.group(2), m.group(3), long=True)
        for m in LONG_DATE.finditer(text)
    ]
    for m in SHORT_DATE.finditer(text):
        day, separator, month, year = m.groups()
        if int(month) <= 12 and 1 <= int(day) <= 31:  # "4/5 người" is a count, not a date
            found.append(DateText(m.group(0), m.start(), day, month, year, False, separator))
    return sorted(found, key=lambda d: d.start)


def first_date(text: str) -> dt.date | None:
    """The first real date written in ``text``."""
    for found in dates_in(text):
        if found.value is not None:
            return found.value
    return None


# -- the number line ("Số: 05/BB-UBND", "Số 05-BB/TU") ---------------------------------------------

DOC_TYPE_CODE = "BB"
"""The type code of a biên bản in both families (NĐ 30, Phụ lục III, I; HD 36)."""

_CODE = r"[A-ZĐ][A-ZĐ0-9&]*"
_BLANK = r"[\s.…]*"
"""What a clerk leaves where the number will be written by hand: spaces, dots, an ellipsis."""


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
        for index, part in enumerate(parts):
            if part == "{number}":
                out.append(number)
            elif part == "{symbol}":
                previous = parts[index - 1].strip() if index else ""
                inner = "/" if previous[-1:] == "-" else "-"
                out.append(rf"{DOC_TYPE_CODE}(?:{re.escape(inner)}{_CODE})+(?:-{_CODE})*")
            else:
                pieces = [re.escape(piece) for piece in re.split(r"\s+", part) if piece]
                out.append(_BLANK.join(pieces) if number == _BLANK else r"\s*".join(pieces))
        return "".join(out)

    numbered = compile_one(template, r"\s*(?:0[1-9]|[1-9]\d+)\s*")
    unnumbered = compile_one(blank, _BLANK)
    return re.compile(rf"(?:{numbered}|{unnumbered})")


def number_line_problems(line: str, template: str, blank: str) -> list[str]:
    """``[line]`` when the number line is not in the profile's form, else ``[]``."""
    text = clean(line)
    return [] if number_pattern(template, blank).fullmatch(text) else [text]


def example_symbol(template: str) -> str:
    """A symbol in the separators of ``template``, for showing the form (``BB-UBND``)."""
    before = template.split("{symbol}")[0].strip()
    return "BB/TU" if before.endswith("-") else "BB-UBND"


# -- the place and date line ("Thái Bình, ngày 07 tháng 3 năm 2018") -------------------------------

PLACE_DATE = re.compile(
    r"^(?P<place>[^\W\d_][^,]*), (?P<date>ngày \d{1,2} tháng \d{1,2} năm \d{4})$"
)


def place_date_problems(line: str) -> list[str]:
    """``[line]`` unless it is ``Place, ngày DD tháng M năm YYYY`` with the date well written."""
    text = clean(line)
    match = PLACE_DATE.match(text)
    if match is None or not match.group("place")[0].isupper():
        return [text]
    written = dates_in(match.group("date"))
    if not written or not written[0].well_written or written[0].value is None:
        return [text]
    return []


_PLACE_THEN_DATE = re.compile(r"^[^\d:;,]+,\s*ngày\b", re.IGNORECASE)


def document_date(lines: list[str]) -> tuple[dt.date, str] | None:
    """The document's date and where it was read: its place-and-date line (``place-date``), or
    else the first date of its text (``text``: a State biên bản has no date line; Mẫu 1.9 dates
    it by ``Thời gian bắt đầu``)."""
    for line in lines[:40]:
        if _PLACE_THEN_DATE.match(clean(line)):
            value = first_date(line)
            if value is not None:
                return value, "place-date"
    timed = [line for line in lines if key(line).lstrip("- ").startswith("thời gian")]
    for line in [*timed, *lines]:
        value = first_date(line)
        if value is not None:
            return value, "text"
    return None


def looks_like_date_line(text: str) -> bool:
    """Whether a header line is a place-and-date line (whatever its form)."""
    folded = key(text)
    return "ngày" in folded and ("tháng" in folded or SHORT_DATE.search(folded) is not None)
