"""Tests of ``minutes.formatting``: tables of cases, error cases, properties and the doctests."""

from __future__ import annotations

import doctest
import importlib
import itertools
import os
import pkgutil
import re
import sys
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import babel
import babel.numbers
import pytest
from babel.dates import get_day_names
from hypothesis import given, settings
from hypothesis import strategies as st

import minutes.formatting as fmt
from minutes.errors import FormattingError, InputError, MinutesError
from minutes.formatting import (
    FILTERS,
    format_date,
    format_date_short,
    format_money,
    format_number,
    format_percent,
    format_share,
    format_time,
    format_weekday,
    money_to_words,
    normalize_text,
    number_to_words,
    to_letter,
    to_roman,
)
from minutes.i18n import language, set_language

sys.path.insert(0, str(Path(__file__).parent))
from vn_number_reader import ReadError, read_number

MODULES = [fmt] + [
    importlib.import_module(f"minutes.formatting.{info.name}")
    for info in pkgutil.iter_modules(fmt.__path__)
]
"""The package and each of its modules (the doctests live with their functions)."""

MINIMAL_STATE = Path(__file__).parent / "data" / "minimal-state.yaml"

# No example database on disk. MINUTES_HYPOTHESIS_EXAMPLES=5000 for a longer search.
PROPERTY = settings(
    database=None,
    max_examples=int(os.environ.get("MINUTES_HYPOTHESIS_EXAMPLES", "200")),
    deadline=None,
)

# --- Babel: what it gives for Vietnamese ----------------------------------------------------------


def test_babel_version_is_the_pinned_range() -> None:
    major, minor = (int(part) for part in babel.__version__.split(".")[:2])
    assert (2, 17) <= (major, minor) < (2, 19)


def test_babel_vietnamese_symbols() -> None:
    assert babel.numbers.get_decimal_symbol("vi") == ","
    assert babel.numbers.get_group_symbol("vi") == "."
    assert babel.numbers.format_decimal(1234567.891, locale="vi") == "1.234.567,891"
    assert babel.numbers.format_percent(0.8, locale="vi") == "80%"  # no space before the sign
    assert (fmt.DECIMAL_SYMBOL, fmt.GROUP_SYMBOL, fmt.MINUS_SIGN, fmt.PERCENT_SIGN) == (
        ",",
        ".",
        "-",
        "%",
    )


def test_babel_weekday_names_need_fixing() -> None:
    names = dict(get_day_names("wide", context="format", locale="vi"))
    # Babel capitalises both syllables; Phụ lục II writes "thứ Tư" and "Chủ nhật".
    assert names[2] == "Thứ Tư"
    assert names[6] == "Chủ Nhật"


# --- dates ----------------------------------------------------------------------------------------

DATE_CASES: list[tuple[Any, str]] = [
    ("2018-03-07", "ngày 07 tháng 3 năm 2018"),
    ("2020-02-05", "ngày 05 tháng 02 năm 2020"),
    ("2019-06-29", "ngày 29 tháng 6 năm 2019"),
    ("2020-03-05", "ngày 05 tháng 3 năm 2020"),
    ("2015-07-17", "ngày 17 tháng 7 năm 2015"),
    ("2024-01-01", "ngày 01 tháng 01 năm 2024"),
    ("2024-01-31", "ngày 31 tháng 01 năm 2024"),
    ("2024-02-29", "ngày 29 tháng 02 năm 2024"),
    ("2023-02-28", "ngày 28 tháng 02 năm 2023"),
    ("2024-12-31", "ngày 31 tháng 12 năm 2024"),
    ("2024-12-01", "ngày 01 tháng 12 năm 2024"),
    ("2024-10-10", "ngày 10 tháng 10 năm 2024"),
    ("2024-11-09", "ngày 09 tháng 11 năm 2024"),
    ("2000-09-02", "ngày 02 tháng 9 năm 2000"),
    (" 2018-03-07 ", "ngày 07 tháng 3 năm 2018"),
    (date(2018, 3, 7), "ngày 07 tháng 3 năm 2018"),
    (date(2021, 1, 10), "ngày 10 tháng 01 năm 2021"),
    (datetime(2019, 6, 29, 14, 0), "ngày 29 tháng 6 năm 2019"),
    (datetime(2020, 2, 3, 23, 59, 59), "ngày 03 tháng 02 năm 2020"),
]
# Every day of one month: 1–9 get a zero, 10–31 do not.
DATE_CASES += [
    (
        date(2025, 3, day),
        f"ngày {day:02d} tháng 3 năm 2025" if day < 10 else f"ngày {day} tháng 3 năm 2025",
    )
    for day in range(1, 32)
]
# Every month on one day: 1 and 2 get a zero, 3–12 do not.
DATE_CASES += [
    (
        date(2025, month, 15),
        f"ngày 15 tháng {month:02d} năm 2025" if month <= 2 else f"ngày 15 tháng {month} năm 2025",
    )
    for month in range(1, 13)
]


@pytest.mark.parametrize(("value", "expected"), DATE_CASES)
def test_format_date(value: Any, expected: str) -> None:
    assert format_date(value) == expected


DATE_SHORT_CASES: list[tuple[Any, str]] = [
    ("2018-03-07", "07/3/2018"),
    ("2015-07-17", "17/7/2015"),
    ("2020-02-05", "05/02/2020"),
    ("2020-01-09", "09/01/2020"),
    ("2020-01-10", "10/01/2020"),
    ("2020-12-25", "25/12/2020"),
    ("2020-12-01", "01/12/2020"),
    ("2020-10-31", "31/10/2020"),
    ("2021-11-11", "11/11/2021"),
    (date(2019, 2, 28), "28/02/2019"),
    (datetime(2019, 9, 2, 7, 0), "02/9/2019"),
]


@pytest.mark.parametrize(("value", "expected"), DATE_SHORT_CASES)
def test_format_date_short(value: Any, expected: str) -> None:
    assert format_date_short(value) == expected


def test_date_short_in_a_citation() -> None:
    text = f"Kết luận số 42-KL/TU, ngày {format_date_short('2015-07-17')}"
    assert text == "Kết luận số 42-KL/TU, ngày 17/7/2015"


TIME_CASES: list[tuple[Any, str]] = [
    ("08:00", "8 giờ 00 phút"),
    ("8:00", "8 giờ 00 phút"),
    ("14:05", "14 giờ 05 phút"),
    ("00:00", "0 giờ 00 phút"),
    ("00:30", "0 giờ 30 phút"),
    ("09:59", "9 giờ 59 phút"),
    ("10:10", "10 giờ 10 phút"),
    ("12:00", "12 giờ 00 phút"),
    ("23:59", "23 giờ 59 phút"),
    (" 07:30 ", "7 giờ 30 phút"),
    (time(8, 0), "8 giờ 00 phút"),
    (time(13, 7), "13 giờ 07 phút"),
    (time(16, 45, 30), "16 giờ 45 phút"),
    (datetime(2018, 3, 7, 14, 5), "14 giờ 05 phút"),
    (datetime(2018, 3, 7, 0, 1, 59), "0 giờ 01 phút"),
]


@pytest.mark.parametrize(("value", "expected"), TIME_CASES)
def test_format_time(value: Any, expected: str) -> None:
    assert format_time(value) == expected


WEEKDAY_CASES: list[tuple[Any, str]] = [
    ("2018-03-05", "thứ Hai"),
    ("2018-03-06", "thứ Ba"),
    ("2018-03-07", "thứ Tư"),
    ("2018-03-08", "thứ Năm"),
    ("2018-03-09", "thứ Sáu"),
    ("2018-03-10", "thứ Bảy"),
    ("2018-03-11", "Chủ nhật"),
    (date(2020, 3, 5), "thứ Năm"),
    (datetime(2025, 1, 1, 9, 0), "thứ Tư"),
    (date(2024, 9, 2), "thứ Hai"),
]


@pytest.mark.parametrize(("value", "expected"), WEEKDAY_CASES)
def test_format_weekday(value: Any, expected: str) -> None:
    assert format_weekday(value) == expected


# --- numbers --------------------------------------------------------------------------------------

NUMBER_CASES: list[tuple[Any, int | None, str]] = [
    (0, None, "0"),
    (1, None, "1"),
    (12, None, "12"),
    (999, None, "999"),
    (1000, None, "1.000"),
    (12181, None, "12.181"),
    (100000, None, "100.000"),
    (1000000, None, "1.000.000"),
    (1234567, None, "1.234.567"),
    (10**18, None, "1.000.000.000.000.000.000"),
    (-1, None, "-1"),
    (-1500, None, "-1.500"),
    (-999999, None, "-999.999"),
    (317.35, None, "317,35"),
    (3.7, None, "3,7"),
    (0.05, None, "0,05"),
    (0.1, None, "0,1"),
    (-0.5, None, "-0,5"),
    (-0.0, None, "0"),
    (1234567.891, None, "1.234.567,891"),
    (1e16, None, "10.000.000.000.000.000"),
    (1e-7, None, "0,0000001"),
    (2.0, None, "2"),
    (0.1 + 0.2, None, "0,30000000000000004"),
    (Decimal("3.70"), None, "3,7"),
    (Decimal("1E+3"), None, "1.000"),
    (Decimal("-0.00"), None, "0"),
    (Decimal("12181.000"), None, "12.181"),
    (Decimal("0.000001"), None, "0,000001"),
    ("12181", None, "12.181"),
    ("317.35", None, "317,35"),
    (" -1500 ", None, "-1.500"),
    ("+7", None, "7"),
    (".5", None, "0,5"),
    ("5.", None, "5"),
    # rounding half away from zero
    (2.5, 0, "3"),
    (3.5, 0, "4"),
    (-2.5, 0, "-3"),
    (0.125, 2, "0,13"),
    (-0.125, 2, "-0,13"),
    (2.675, 2, "2,68"),  # float round() gives 2.67
    (1.005, 2, "1,01"),
    (0.5, 0, "1"),
    (-0.5, 0, "-1"),
    (1.45, 1, "1,5"),
    (0.4, 0, "0"),
    (-0.4, 0, "0"),  # never "-0"
    (-0.001, 2, "0,00"),
    (999.995, 2, "1.000,00"),
    (999999.5, 0, "1.000.000"),
    (3.7, 2, "3,70"),
    (12181, 2, "12.181,00"),
    (Decimal("317.35"), 1, "317,4"),
    (Decimal("317.349"), 1, "317,3"),
    ("1234.5678", 3, "1.234,568"),
    (1e-300, 2, "0,00"),
    (Decimal("1E+39"), None, "1" + ".000" * 13),
]


@pytest.mark.parametrize(("value", "decimals", "expected"), NUMBER_CASES)
def test_format_number(value: Any, decimals: int | None, expected: str) -> None:
    assert format_number(value, decimals) == expected


PERCENT_CASES: list[tuple[Any, int | None, str]] = [
    (59.7, None, "59,7%"),
    (80, None, "80%"),
    (100, None, "100%"),
    (0, None, "0%"),
    (0.5, None, "0,5%"),
    (12.345, 1, "12,3%"),
    (12.35, 1, "12,4%"),
    (99.95, 1, "100,0%"),
    (-3.25, None, "-3,25%"),
    (1250, None, "1.250%"),
    ("45.5", None, "45,5%"),
    (Decimal("66.666"), 2, "66,67%"),
]


@pytest.mark.parametrize(("value", "decimals", "expected"), PERCENT_CASES)
def test_format_percent(value: Any, decimals: int | None, expected: str) -> None:
    assert format_percent(value, decimals) == expected


MONEY_CASES: list[tuple[Any, str | None, int | None, str]] = [
    (12181000000000, "tỷ đồng", None, "12.181 tỷ đồng"),
    (317350000000, "tỷ đồng", None, "317,35 tỷ đồng"),
    (3700000, "triệu đồng", None, "3,7 triệu đồng"),
    (1500000, None, None, "1.500.000 đồng"),
    (1500000, "đồng", None, "1.500.000 đồng"),
    (0, "đồng", None, "0 đồng"),
    (-1500, "đồng", None, "-1.500 đồng"),
    (1500000, "nghìn đồng", None, "1.500 nghìn đồng"),
    (1500000, "ngàn đồng", None, "1.500 ngàn đồng"),
    (1250, "nghìn đồng", None, "1,25 nghìn đồng"),
    (500, "nghìn đồng", None, "0,5 nghìn đồng"),
    (1500000, "triệu đồng", None, "1,5 triệu đồng"),
    (2500000000, "triệu đồng", None, "2.500 triệu đồng"),
    (-3700000, "triệu đồng", None, "-3,7 triệu đồng"),
    (1000000000, "tỷ đồng", None, "1 tỷ đồng"),
    (50000000, "tỷ đồng", None, "0,05 tỷ đồng"),
    (317350000000, "tỷ đồng", 1, "317,4 tỷ đồng"),
    (317350000000, "tỷ đồng", 0, "317 tỷ đồng"),
    (317500000000, "tỷ đồng", 0, "318 tỷ đồng"),
    (-317500000000, "tỷ đồng", 0, "-318 tỷ đồng"),
    (12181000000000, "tỷ đồng", 2, "12.181,00 tỷ đồng"),
    (1234567, "triệu đồng", 2, "1,23 triệu đồng"),
    (1235000, "triệu đồng", 2, "1,24 triệu đồng"),
    (12181e9, "tỷ đồng", None, "12.181 tỷ đồng"),
    ("317350000000", "tỷ đồng", None, "317,35 tỷ đồng"),
    (Decimal("1500000.50"), "đồng", None, "1.500.000,5 đồng"),
    (1500000, "tỷ  đồng", None, "0,0015 tỷ đồng"),  # spaces in the unit are tidied
    (1500000, unicodedata.normalize("NFD", "triệu đồng"), None, "1,5 triệu đồng"),
]


@pytest.mark.parametrize(("amount", "unit", "decimals", "expected"), MONEY_CASES)
def test_format_money(amount: Any, unit: str | None, decimals: int | None, expected: str) -> None:
    if unit is None:
        assert format_money(amount) == expected
    else:
        assert format_money(amount, unit, decimals) == expected


def test_format_money_every_unit() -> None:
    assert set(fmt.MONEY_UNITS) == {"đồng", "nghìn đồng", "ngàn đồng", "triệu đồng", "tỷ đồng"}


# --- numbers in words -----------------------------------------------------------------------------

WORD_CASES: list[tuple[Any, str]] = [
    (0, "không"),
    (1, "một"),
    (2, "hai"),
    (3, "ba"),
    (4, "bốn"),
    (5, "năm"),
    (6, "sáu"),
    (7, "bảy"),
    (8, "tám"),
    (9, "chín"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi bốn"),
    (25, "hai mươi lăm"),
    (30, "ba mươi"),
    (31, "ba mươi mốt"),
    (35, "ba mươi lăm"),
    (44, "bốn mươi bốn"),
    (55, "năm mươi lăm"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (125, "một trăm hai mươi lăm"),
    (200, "hai trăm"),
    (555, "năm trăm năm mươi lăm"),
    (999, "chín trăm chín mươi chín"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1005, "một nghìn không trăm linh năm"),
    (1010, "một nghìn không trăm mười"),
    (1015, "một nghìn không trăm mười lăm"),
    (1021, "một nghìn không trăm hai mươi mốt"),
    (1100, "một nghìn một trăm"),
    (1105, "một nghìn một trăm linh năm"),
    (2025, "hai nghìn không trăm hai mươi lăm"),
    (10000, "mười nghìn"),
    (10005, "mười nghìn không trăm linh năm"),
    (15000, "mười lăm nghìn"),
    (21000, "hai mươi mốt nghìn"),
    (100000, "một trăm nghìn"),
    (105000, "một trăm linh năm nghìn"),
    (1000000, "một triệu"),
    (1000001, "một triệu không trăm linh một"),
    (1000010, "một triệu không trăm mười"),
    (1000100, "một triệu một trăm"),
    (1001000, "một triệu không trăm linh một nghìn"),
    (1500000, "một triệu năm trăm nghìn"),
    (12345678, "mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám"),
    (1000000000, "một tỷ"),
    (1000000001, "một tỷ không trăm linh một"),
    (1000001000, "một tỷ không trăm linh một nghìn"),
    (1001000000, "một tỷ không trăm linh một triệu"),
    (2000000005, "hai tỷ không trăm linh năm"),
    (10**12, "một nghìn tỷ"),
    (10**12 + 1, "một nghìn tỷ không trăm linh một"),
    (1001 * 10**9, "một nghìn không trăm linh một tỷ"),
    (12181 * 10**9, "mười hai nghìn một trăm tám mươi mốt tỷ"),
    (317350000000, "ba trăm mười bảy tỷ ba trăm năm mươi triệu"),
    (10**15, "một triệu tỷ"),
    (10**15 + 10**9, "một triệu không trăm linh một tỷ"),
    (10**18, "một tỷ tỷ"),
    (10**18 + 1, "một tỷ tỷ không trăm linh một"),
    (
        1234567891011,
        "một nghìn hai trăm ba mươi bốn tỷ năm trăm sáu mươi bảy triệu"
        " tám trăm chín mươi mốt nghìn không trăm mười một",
    ),
    (-1, "âm một"),
    (-3, "âm ba"),
    (-21, "âm hai mươi mốt"),
    (-1005, "âm một nghìn không trăm linh năm"),
    (-(10**15), "âm một triệu tỷ"),
    (3.25, "ba phẩy hai mươi lăm"),
    (0.05, "không phẩy không năm"),
    (0.5, "không phẩy năm"),
    (0.25, "không phẩy hai mươi lăm"),
    (1.5, "một phẩy năm"),
    (2.0, "hai"),
    (-0.05, "âm không phẩy không năm"),
    (-2.75, "âm hai phẩy bảy mươi lăm"),
    (0.105, "không phẩy một trăm linh năm"),
    (0.001, "không phẩy không không một"),
    (12.0105, "mười hai phẩy không một trăm linh năm"),
    (59.7, "năm mươi chín phẩy bảy"),
    (Decimal("3.250"), "ba phẩy hai mươi lăm"),
    (Decimal("-0"), "không"),
    ("1024", "một nghìn không trăm hai mươi bốn"),
    ("-0.05", "âm không phẩy không năm"),
    (7.0, "bảy"),
]


@pytest.mark.parametrize(("value", "expected"), WORD_CASES)
def test_number_to_words(value: Any, expected: str) -> None:
    assert number_to_words(value) == expected


OPTION_CASES: list[tuple[int | float, dict[str, str], str]] = [
    (24, {"four": "tư"}, "hai mươi tư"),
    (34, {"four": "tư"}, "ba mươi tư"),
    (94, {"four": "tư"}, "chín mươi tư"),
    (14, {"four": "tư"}, "mười bốn"),
    (4, {"four": "tư"}, "bốn"),
    (104, {"four": "tư"}, "một trăm linh bốn"),
    (400, {"four": "tư"}, "bốn trăm"),
    (40, {"four": "tư"}, "bốn mươi"),
    (44, {"four": "tư"}, "bốn mươi tư"),
    (24000, {"four": "tư"}, "hai mươi tư nghìn"),
    (105, {"zero_tens": "lẻ"}, "một trăm lẻ năm"),
    (101, {"zero_tens": "lẻ"}, "một trăm lẻ một"),
    (104, {"zero_tens": "lẻ"}, "một trăm lẻ bốn"),
    (2005, {"zero_tens": "lẻ"}, "hai nghìn không trăm lẻ năm"),
    (1000001, {"zero_tens": "lẻ"}, "một triệu không trăm lẻ một"),
    (110, {"zero_tens": "lẻ"}, "một trăm mười"),
    (1000, {"thousand": "ngàn"}, "một ngàn"),
    (2025, {"thousand": "ngàn"}, "hai ngàn không trăm hai mươi lăm"),
    (10**12, {"thousand": "ngàn"}, "một ngàn tỷ"),
    (1001000, {"thousand": "ngàn"}, "một triệu không trăm linh một ngàn"),
    (
        1024,
        {"zero_tens": "lẻ", "four": "tư", "thousand": "ngàn"},
        "một ngàn không trăm hai mươi tư",
    ),
    (
        104024,
        {"zero_tens": "lẻ", "four": "tư", "thousand": "ngàn"},
        "một trăm lẻ bốn ngàn không trăm hai mươi tư",
    ),
    (24.04, {"four": "tư"}, "hai mươi tư phẩy không bốn"),
    (
        12181 * 10**9 + 24,
        {"four": "tư", "thousand": "ngàn"},
        "mười hai ngàn một trăm tám mươi mốt tỷ không trăm hai mươi tư",
    ),
    (105, {"zero_tens": "linh", "four": "bốn", "thousand": "nghìn"}, "một trăm linh năm"),
    (105, {"zero_tens": unicodedata.normalize("NFD", "lẻ")}, "một trăm lẻ năm"),
]


@pytest.mark.parametrize(("value", "options", "expected"), OPTION_CASES)
def test_number_to_words_options(
    value: int | float, options: dict[str, str], expected: str
) -> None:
    assert number_to_words(value, **options) == expected


MONEY_WORD_CASES: list[tuple[Any, dict[str, str], str]] = [
    (12181000000000, {}, "Mười hai nghìn một trăm tám mươi mốt tỷ đồng"),
    (0, {}, "Không đồng"),
    (1, {}, "Một đồng"),
    (1500000, {}, "Một triệu năm trăm nghìn đồng"),
    (2025000, {}, "Hai triệu không trăm hai mươi lăm nghìn đồng"),
    (105000, {"zero_tens": "lẻ"}, "Một trăm lẻ năm nghìn đồng"),
    (24000, {"four": "tư", "thousand": "ngàn"}, "Hai mươi tư ngàn đồng"),
    (1500000.0, {}, "Một triệu năm trăm nghìn đồng"),
    (Decimal("317350000000.00"), {}, "Ba trăm mười bảy tỷ ba trăm năm mươi triệu đồng"),
    ("1000000001", {}, "Một tỷ không trăm linh một đồng"),
    (10**18, {}, "Một tỷ tỷ đồng"),
]


@pytest.mark.parametrize(("amount", "options", "expected"), MONEY_WORD_CASES)
def test_money_to_words(amount: Any, options: dict[str, str], expected: str) -> None:
    assert money_to_words(amount, **options) == expected


# --- list markers ---------------------------------------------------------------------------------

ROMAN_CASES: list[tuple[Any, str]] = [
    (1, "I"),
    (2, "II"),
    (3, "III"),
    (4, "IV"),
    (5, "V"),
    (6, "VI"),
    (8, "VIII"),
    (9, "IX"),
    (10, "X"),
    (14, "XIV"),
    (19, "XIX"),
    (40, "XL"),
    (44, "XLIV"),
    (49, "XLIX"),
    (90, "XC"),
    (99, "XCIX"),
    (400, "CD"),
    (500, "D"),
    (900, "CM"),
    (1994, "MCMXCIV"),
    (2024, "MMXXIV"),
    (3888, "MMMDCCCLXXXVIII"),
    (3999, "MMMCMXCIX"),
    ("12", "XII"),
    (3.0, "III"),
]


@pytest.mark.parametrize(("value", "expected"), ROMAN_CASES)
def test_to_roman(value: Any, expected: str) -> None:
    assert to_roman(value) == expected


LETTERS = list("abcdđeghiklmnopqrstuvxy")


@pytest.mark.parametrize(("n", "expected"), list(enumerate(LETTERS, start=1)))
def test_to_letter(n: int, expected: str) -> None:
    assert to_letter(n) == expected


def test_letters_skip_the_vowels_with_marks() -> None:
    letters = {to_letter(n) for n in range(1, 24)}
    assert letters.isdisjoint(set("ăâêôơưfjwz"))


# --- text -----------------------------------------------------------------------------------------

NFD = unicodedata.normalize("NFD", "Biên bản cuộc họp Hội đồng quản trị")

TEXT_CASES: list[tuple[str, str]] = [
    (NFD, "Biên bản cuộc họp Hội đồng quản trị"),
    ("Tie\u0302\u0301ng Vie\u0323\u0302t", "Tiếng Việt"),
    ("a\x0bb", "a\nb"),
    ("a\x0cb", "ab"),
    ("a\r\nb", "a\nb"),
    ("a\rb", "a\nb"),
    ("a\r\n\r\nb", "a\n\nb"),
    ("a\u200bb", "ab"),
    ("a\u200cb", "ab"),
    ("a\u200db", "ab"),
    ("\ufeffa", "a"),
    ("a\u2060b", "ab"),
    ("kinh\u00adtế", "kinhtế"),
    ("a\u00a0b", "a b"),
    ("a\u202fb", "a b"),
    ("a\u2009b", "a b"),
    ("a\u3000b", "a b"),
    ("a\tb", "a b"),
    ("a  \t b", "a b"),
    ("a \n b", "a\n b"),
    ("dòng 1   \ndòng 2\t\n", "dòng 1\ndòng 2\n"),
    ("cuối   ", "cuối"),
    ("a\x00b\x07c\x1bd\x7fe", "abcde"),
    ("a\x80b\x9fc", "abc"),
    ("a\x85b", "a\nb"),
    ("a\u2028b\u2029c", "a\nb\nc"),
    ("a\u200b b", "a b"),
    ("Hà Nội 🎉👍", "Hà Nội 🎉👍"),
    ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),
    ("🏳\ufe0f\u200d🌈", "🏳\ufe0f\u200d🌈"),
    ("e\u200b\u0301", "é"),  # a zero-width space between a letter and its mark
    ("\n\n", "\n\n"),
    ("", ""),
    ("đồng chí Nguyễn Văn A", "đồng chí Nguyễn Văn A"),
]


@pytest.mark.parametrize(("text", "expected"), TEXT_CASES)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


# --- errors ---------------------------------------------------------------------------------------

ERROR_CASES: list[tuple[Any, tuple[Any, ...], dict[str, Any], str]] = [
    (format_number, (float("nan"),), {}, "finite"),
    (format_number, (float("inf"),), {}, "finite"),
    (format_number, (float("-inf"),), {}, "finite"),
    (format_number, (Decimal("NaN"),), {}, "finite"),
    (format_number, (Decimal("sNaN"),), {}, "finite"),
    (format_number, (Decimal("-Infinity"),), {}, "finite"),
    (format_number, (None,), {}, "not a number"),
    (format_number, ("abc",), {}, "not a number"),
    (format_number, ("",), {}, "not a number"),
    (format_number, ("1.234,5",), {}, "not a number"),
    (format_number, ("1,5",), {}, "not a number"),
    (format_number, ("nan",), {}, "not a number"),
    (format_number, ("1e5",), {}, "not a number"),
    (format_number, ("\u0661\u0662",), {}, "not a number"),  # Arabic-Indic digits
    (format_number, (1e-300,), {}, "decimals"),
    (format_number, (True,), {}, "yes/no"),
    (format_number, (False,), {}, "yes/no"),
    (format_number, ([1],), {}, "not a number"),
    (format_number, (10**40,), {}, "too large"),
    (format_number, (Decimal("1E-41"),), {}, "decimals"),
    (format_number, (1.5, -1), {}, "decimals"),
    (format_number, (1.5, 21), {}, "decimals"),
    (format_number, (1.5, 1.0), {}, "decimals"),
    (format_number, (1.5, True), {}, "decimals"),
    (format_percent, (float("nan"),), {}, "finite"),
    (format_percent, ("x",), {}, "not a number"),
    (format_money, (1500, "USD"), {}, "đồng, nghìn đồng, ngàn đồng, triệu đồng, tỷ đồng"),
    (format_money, (1500, "tỉ đồng"), {}, "unknown money unit"),
    (format_money, (1500, "Tỷ đồng"), {}, "unknown money unit"),
    (format_money, (1500, ""), {}, "unknown money unit"),
    (format_money, (1500, None), {}, "unknown money unit"),
    (format_money, (None,), {}, "not a number"),
    (format_money, (float("inf"), "tỷ đồng"), {}, "finite"),
    (format_money, (True,), {}, "yes/no"),
    (number_to_words, (float("nan"),), {}, "finite"),
    (number_to_words, (float("inf"),), {}, "finite"),
    (number_to_words, (float("-inf"),), {}, "finite"),
    (number_to_words, (None,), {}, "not a number"),
    (number_to_words, ("abc",), {}, "not a number"),
    (number_to_words, (True,), {}, "yes/no"),
    (number_to_words, (10**21,), {}, "too large"),
    (number_to_words, (-(10**21),), {}, "too large"),
    (number_to_words, (Decimal("0.1234567890123456789012"),), {}, "decimals"),
    (number_to_words, (5,), {"zero_tens": "le"}, "zero_tens"),
    (number_to_words, (5,), {"zero_tens": "không"}, "zero_tens"),
    (number_to_words, (5,), {"four": "4"}, "four"),
    (number_to_words, (5,), {"four": "Tư"}, "four"),
    (number_to_words, (5,), {"thousand": "ngan"}, "thousand"),
    (number_to_words, (5,), {"thousand": None}, "thousand"),
    (money_to_words, (-5,), {}, "negative"),
    (money_to_words, (-0.5,), {}, "negative"),
    (money_to_words, (1500.5,), {}, "whole number"),
    (money_to_words, (Decimal("0.01"),), {}, "whole number"),
    (money_to_words, (float("nan"),), {}, "finite"),
    (money_to_words, (None,), {}, "not a number"),
    (money_to_words, (False,), {}, "yes/no"),
    (money_to_words, (5,), {"four": "bon"}, "four"),
    (money_to_words, (10**21,), {}, "too large"),
    (to_roman, (0,), {}, "1 to 3999"),
    (to_roman, (-1,), {}, "1 to 3999"),
    (to_roman, (4000,), {}, "1 to 3999"),
    (to_roman, (2.5,), {}, "whole number"),
    (to_roman, (None,), {}, "not a number"),
    (to_roman, (True,), {}, "yes/no"),
    (to_roman, ("IV",), {}, "not a number"),
    (to_letter, (0,), {}, "1 to 23"),
    (to_letter, (24,), {}, "1 to 23"),
    (to_letter, (-1,), {}, "1 to 23"),
    (to_letter, (1.5,), {}, "whole number"),
    (to_letter, (None,), {}, "not a number"),
    (to_letter, (True,), {}, "yes/no"),
    (format_date, ("2018-02-30",), {}, "not a real date"),
    (format_date, ("2019-02-29",), {}, "not a real date"),
    (format_date, ("2018-13-01",), {}, "not a real date"),
    (format_date, ("2018-00-10",), {}, "not a real date"),
    (format_date, ("2018-04-31",), {}, "not a real date"),
    (format_date, ("07/03/2018",), {}, "YYYY-MM-DD"),
    (format_date, ("2018-3-7",), {}, "YYYY-MM-DD"),
    (format_date, ("20180307",), {}, "YYYY-MM-DD"),
    (format_date, ("\u0662\u0660\u0661\u0668-03-07",), {}, "YYYY-MM-DD"),
    (format_date, ("2018-03-07T08:00",), {}, "YYYY-MM-DD"),
    (format_date, ("abc",), {}, "YYYY-MM-DD"),
    (format_date, ("",), {}, "YYYY-MM-DD"),
    (format_date, (None,), {}, "not a date"),
    (format_date, (20180307,), {}, "not a date"),
    (format_date, (time(8, 0),), {}, "not a date"),
    (format_date_short, ("2018-02-30",), {}, "not a real date"),
    (format_date_short, (None,), {}, "not a date"),
    (format_weekday, ("2018-02-30",), {}, "not a real date"),
    (format_weekday, ("thứ Tư",), {}, "YYYY-MM-DD"),
    (format_time, ("24:00",), {}, "HH:MM"),
    (format_time, ("08:60",), {}, "HH:MM"),
    (format_time, ("8h00",), {}, "HH:MM"),
    (format_time, ("08:00:00",), {}, "HH:MM"),
    (format_time, ("abc",), {}, "HH:MM"),
    (format_time, (None,), {}, "not a time"),
    (format_time, (480,), {}, "not a time"),
    (format_time, (date(2018, 3, 7),), {}, "not a time"),
    (normalize_text, (None,), {}, "not text"),
    (normalize_text, (b"abc",), {}, "not text"),
]


@pytest.mark.parametrize(("function", "args", "kwargs", "message"), ERROR_CASES)
def test_errors(function: Any, args: tuple[Any, ...], kwargs: dict[str, Any], message: str) -> None:
    with language("en"), pytest.raises(FormattingError, match=re.escape(message)) as caught:
        function(*args, **kwargs)
    # The CLI catches InputError; a host program catches MinutesError; both must see it.
    assert isinstance(caught.value, InputError)
    assert isinstance(caught.value, MinutesError)
    assert isinstance(caught.value, ValueError)


LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "MINUTES_LANG")


@pytest.fixture
def default_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A neutral environment, whatever the developer's own ``LANG``: the default language."""
    for variable in LANGUAGE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    set_language(None)
    yield
    set_language(None)


def _message(function: Any, *args: Any, **kwargs: Any) -> str:
    """The one message of the FormattingError that ``function(*args, **kwargs)`` raises."""
    with pytest.raises(FormattingError) as caught:
        function(*args, **kwargs)
    assert len(caught.value.problems) == 1
    return caught.value.problems[0].message


UNITS = "đồng, nghìn đồng, ngàn đồng, triệu đồng, tỷ đồng"
# (function, args, kwargs, Vietnamese message, English message): what a clerk reads.
LANGUAGE_CASES: list[tuple[Any, tuple[Any, ...], dict[str, Any], str, str]] = [
    (
        format_money,
        (1500, "tỷ"),
        {},
        f"đơn vị tiền 'tỷ' không hợp lệ; chỉ được dùng một trong các đơn vị: {UNITS}",
        f"unknown money unit 'tỷ'; use one of: {UNITS}",
    ),
    (
        format_date,
        ("07/03/2018",),
        {},
        "'07/03/2018' không phải là ngày tháng; ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2018-03-07",
        "'07/03/2018' is not a date; write it as YYYY-MM-DD, e.g. 2018-03-07",
    ),
    (
        format_date,
        (None,),
        {},
        "giá trị để trống không phải là ngày tháng; ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2018-03-07",
        "an empty value is not a date; write it as YYYY-MM-DD, e.g. 2018-03-07",
    ),
    (
        format_date,
        (20180307,),
        {},
        "20180307 (số) không phải là ngày tháng; ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2018-03-07",
        "20180307 (number) is not a date; write it as YYYY-MM-DD, e.g. 2018-03-07",
    ),
    (
        format_date,
        ("2018-02-30",),
        {},
        "'2018-02-30' không phải là ngày có thật: tháng 2 năm 2018 chỉ có ngày từ 01 đến 28",
        "'2018-02-30' is not a real date: in month 2 of 2018 the day must be from 01 to 28",
    ),
    (
        format_date,
        ("2018-13-01",),
        {},
        "'2018-13-01' không phải là ngày có thật: tháng phải từ 01 đến 12",
        "'2018-13-01' is not a real date: the month must be from 01 to 12",
    ),
    (
        format_date,
        ("0000-03-07",),
        {},
        "'0000-03-07' không phải là ngày có thật: năm phải từ 0001 đến 9999",
        "'0000-03-07' is not a real date: the year must be from 0001 to 9999",
    ),
    (
        format_time,
        (date(2018, 3, 7),),
        {},
        "2018-03-07 (ngày tháng) không phải là giờ trong ngày; ghi theo dạng GIỜ:PHÚT, từ 00:00 đến"
        " 23:59, ví dụ 14:05",
        "2018-03-07 (date) is not a time of day; write it as HH:MM on a 24-hour clock, e.g. 14:05",
    ),
    (
        number_to_words,
        (10**21,),
        {},
        "1000000000000000000000 quá lớn, không đọc được bằng chữ (tối đa 10^21 - 1)",
        "1000000000000000000000 is too large to read in words (at most 10^21 - 1)",
    ),
    (
        to_roman,
        (4000,),
        {},
        "số cần viết bằng chữ số La Mã phải từ 1 đến 3999, không phải 4000",
        "a Roman numeral must be from 1 to 3999, not 4000",
    ),
    (
        to_roman,
        (2.5,),
        {},
        "số cần viết bằng chữ số La Mã phải là số nguyên, không phải 2.5",
        "a Roman numeral needs a whole number, not 2.5",
    ),
    (
        format_number,
        (float("nan"),),
        {},
        "nan không phải là số hữu hạn",
        "nan is not a finite number",
    ),
    (
        number_to_words,
        (5,),
        {"four": "4"},
        "`four` chỉ được ghi một trong các giá trị 'bốn', 'tư', không phải '4'",
        "`four` must be one of 'bốn', 'tư', not '4'",
    ),
]


@pytest.mark.parametrize(("function", "args", "kwargs", "vietnamese", "english"), LANGUAGE_CASES)
@pytest.mark.usefixtures("default_language")
def test_error_messages_are_vietnamese_by_default_and_english_on_request(
    function: Any, args: tuple[Any, ...], kwargs: dict[str, Any], vietnamese: str, english: str
) -> None:
    assert _message(function, *args, **kwargs) == vietnamese
    with language("en"):
        assert _message(function, *args, **kwargs) == english
    with language("vi"):
        assert _message(function, *args, **kwargs) == vietnamese
    # str() is what a host program prints: the location, then the same message
    with pytest.raises(FormattingError) as caught:
        function(*args, **kwargs)
    assert str(caught.value) == f"<input>: {vietnamese}"


@pytest.mark.parametrize(("function", "args", "kwargs", "_english_part"), ERROR_CASES)
def test_every_error_message_is_translated(
    function: Any, args: tuple[Any, ...], kwargs: dict[str, Any], _english_part: str
) -> None:
    with language("en"):
        english = _message(function, *args, **kwargs)
    with language("vi"):
        vietnamese = _message(function, *args, **kwargs)
    assert vietnamese != english
    # no English word left, whatever the value shown (number(2) is a filter the clerk writes)
    assert not re.search(r"\b(?:is|not|must|date|write|use|words|empty)\b", vietnamese), vietnamese


@pytest.mark.usefixtures("default_language")
def test_a_clerk_reads_a_formatting_error_in_vietnamese_at_its_line() -> None:
    """The whole way: a filter in the meeting file, as ``minutes validate`` reports it."""
    from minutes.validate import validate_text

    text = MINIMAL_STATE.read_text(encoding="utf-8")
    assert "money('triệu đồng')" in text
    problems = validate_text(text.replace("money('triệu đồng')", "money('tỷ')"))
    assert [str(p) for p in problems] == [
        f"<input>:{_line_of(text, 'content:')}:5: agenda[1].content: đơn vị tiền 'tỷ' không hợp lệ;"
        f" chỉ được dùng một trong các đơn vị: {UNITS}"
    ]
    with language("en"):
        problems = validate_text(text.replace("money('triệu đồng')", "money('tỷ')"))
    assert [p.message for p in problems] == [f"unknown money unit 'tỷ'; use one of: {UNITS}"]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# --- Jinja filters and the public surface ---------------------------------------------------------


def test_filters_map_the_names_to_the_functions() -> None:
    expected = {
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
    assert expected == FILTERS


def test_filters_work_in_jinja() -> None:
    jinja2 = pytest.importorskip("jinja2")
    env = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined)
    env.filters.update(FILTERS)
    data = {"doanh_thu": 12181000000000, "ngay": "2018-03-07", "gio": "08:00"}
    template = env.from_string(
        "{{ data.doanh_thu | money('tỷ đồng') }}; {{ data.doanh_thu | money_words }};"
        " {{ data.ngay | weekday }}, {{ data.ngay | date }}; {{ data.gio | time }};"
        " {{ 2 | roman }}. {{ 5 | letter }}); {{ 59.7 | percent }}; {{ 1024 | words(four='tư') }}"
    )
    assert template.render(data=data) == (
        "12.181 tỷ đồng; Mười hai nghìn một trăm tám mươi mốt tỷ đồng;"
        " thứ Tư, ngày 07 tháng 3 năm 2018; 8 giờ 00 phút;"
        " II. đ); 59,7%; một nghìn không trăm hai mươi tư"
    )


def test_all_lists_the_public_names() -> None:
    for name in fmt.__all__:
        assert hasattr(fmt, name), name
    public_functions = {
        name
        for module in MODULES
        for name, value in vars(module).items()
        if callable(value)
        and not name.startswith("_")
        and getattr(value, "__module__", "") == module.__name__
        and not isinstance(value, type)
    }
    assert public_functions <= set(fmt.__all__), public_functions - set(fmt.__all__)


def test_every_function_has_examples() -> None:
    for name in fmt.__all__:
        value = getattr(fmt, name)
        if callable(value) and not isinstance(value, type) and not isinstance(value, dict):
            assert ">>> " in (value.__doc__ or ""), name


def test_the_package_imports_nothing_else_from_minutes() -> None:
    for module in MODULES:
        source = Path(str(module.__file__)).read_text(encoding="utf-8")
        found = re.findall(r"^\s*(?:from|import)\s+(minutes[\w.]*)", source, flags=re.MULTILINE)
        outside = {name for name in found if not name.startswith("minutes.formatting")}
        assert outside <= {"minutes.errors", "minutes.i18n"}, (module.__name__, outside)


EXAMPLE_NAMES = {"date": date, "datetime": datetime, "time": time, "Decimal": Decimal}
"""What the examples in the docstrings use without importing it."""


def test_doctests() -> None:
    attempted = 0
    with language("en"):  # the examples show the English source text of the messages
        for module in MODULES:
            result = doctest.testmod(module, extraglobs=EXAMPLE_NAMES, optionflags=doctest.ELLIPSIS)
            assert result.failed == 0, module.__name__
            attempted += result.attempted
    assert attempted > 40


# --- properties -----------------------------------------------------------------------------------

OPTION_COMBINATIONS = [
    {"zero_tens": z, "four": f, "thousand": t}
    for z, f, t in itertools.product(("linh", "lẻ"), ("bốn", "tư"), ("nghìn", "ngàn"))
]


def _option_ids(options: dict[str, str]) -> str:
    return "-".join(options.values())


def _check_words_use_only_the_options(words: str, options: dict[str, str]) -> None:
    tokens = words.split(" ")
    other = {
        "zero_tens": {"linh", "lẻ"} - {options["zero_tens"]},
        "four": {"tư"} - {options["four"]},
        "thousand": {"nghìn", "ngàn"} - {options["thousand"]},
    }
    for unwanted in other.values():
        assert unwanted.isdisjoint(tokens), words


@pytest.mark.parametrize("options", OPTION_COMBINATIONS, ids=_option_ids)
@PROPERTY
@given(n=st.integers(min_value=-(10**15), max_value=10**15))
def test_words_read_back(options: dict[str, str], n: int) -> None:
    words = number_to_words(n, **options)
    assert read_number(words) == n
    _check_words_use_only_the_options(words, options)
    assert "  " not in words and words == words.strip()


@pytest.mark.parametrize("options", OPTION_COMBINATIONS, ids=_option_ids)
@PROPERTY
@given(n=st.integers(min_value=-(10**21) + 1, max_value=10**21 - 1))
def test_large_words_read_back(options: dict[str, str], n: int) -> None:
    assert read_number(number_to_words(n, **options)) == n


@PROPERTY
@given(
    n=st.one_of(
        st.integers(min_value=0, max_value=9999),
        st.integers(min_value=0, max_value=999).map(lambda k: k * 1000 + 5),
        st.integers(min_value=0, max_value=10**6).map(lambda k: k * 10**9 + 1),
    )
)
def test_small_and_tricky_words_read_back(n: int) -> None:
    for options in OPTION_COMBINATIONS:
        assert read_number(number_to_words(n, **options)) == n


@PROPERTY
@given(
    value=st.decimals(
        min_value=-(10**12), max_value=10**12, places=6, allow_nan=False, allow_infinity=False
    )
)
def test_decimal_words_read_back(value: Decimal) -> None:
    assert read_number(number_to_words(value)) == value


@PROPERTY
@given(n=st.integers(min_value=0, max_value=10**18))
def test_money_words_read_back(n: int) -> None:
    words = money_to_words(n)
    assert words.endswith(" đồng")
    assert words[0].isupper() and words[1:] == words[1:].lower()
    body = words.removesuffix(" đồng")
    assert read_number(body[0].lower() + body[1:]) == n


def test_reader_refuses_misspelt_numbers() -> None:
    for bad in (
        "hai mươi một",
        "mười năm",
        "mười mốt",
        "một trăm linh tư",
        "một trăm linh lăm",
        "hai nghìn hai mươi lăm",
        "một triệu linh một",
        "không trăm",
        "mười hai ba",
    ):
        with pytest.raises(ReadError):
            read_number(bad)


def _parse_vietnamese_number(text: str) -> Decimal:
    """An independent reader of the Vietnamese notation: strict groups of three, ``,`` decimals."""
    assert re.fullmatch(r"-?(0|[1-9]\d{0,2}(\.\d{3})*)(,\d+)?", text), text
    return Decimal(text.replace(".", "").replace(",", "."))


@PROPERTY
@given(n=st.integers(min_value=-(10**30), max_value=10**30))
def test_format_number_round_trips_ints(n: int) -> None:
    assert _parse_vietnamese_number(format_number(n)) == n


@PROPERTY
@given(
    value=st.decimals(
        min_value=-(10**15), max_value=10**15, places=6, allow_nan=False, allow_infinity=False
    )
)
def test_format_number_round_trips_decimals(value: Decimal) -> None:
    text = format_number(value)
    assert _parse_vietnamese_number(text) == value
    assert not text.endswith("0") or "," not in text  # no trailing zeros after the comma


@PROPERTY
@given(
    value=st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False).filter(
        lambda v: v == 0 or abs(v) >= 1e-20
    )
)
def test_format_number_takes_floats_at_their_shortest_repr(value: float) -> None:
    assert _parse_vietnamese_number(format_number(value)) == Decimal(repr(value))


def _half_away_from_zero(value: Decimal, decimals: int) -> Decimal:
    """Rounding done with integers only, as a check on the Decimal rounding."""
    scaled = value.scaleb(decimals)
    sign = -1 if scaled < 0 else 1
    units = int(abs(scaled))
    if abs(scaled) - units >= Decimal("0.5"):
        units += 1
    return Decimal(sign * units).scaleb(-decimals)


@PROPERTY
@given(
    value=st.decimals(
        min_value=-(10**9), max_value=10**9, places=6, allow_nan=False, allow_infinity=False
    ),
    decimals=st.integers(min_value=0, max_value=6),
)
def test_format_number_rounds_half_away_from_zero(value: Decimal, decimals: int) -> None:
    text = format_number(value, decimals)
    assert _parse_vietnamese_number(text) == _half_away_from_zero(value, decimals)
    assert len(text.partition(",")[2]) == decimals


@PROPERTY
@given(
    amount=st.integers(min_value=-(10**16), max_value=10**16),
    unit=st.sampled_from(sorted(fmt.MONEY_UNITS)),
)
def test_format_money_round_trips(amount: int, unit: str) -> None:
    text = format_money(amount, unit)
    number, _, shown_unit = text.partition(" ")
    assert shown_unit == unit
    assert _parse_vietnamese_number(number).scaleb(fmt.MONEY_UNITS[unit]) == amount


def _parse_vietnamese_date(text: str) -> date:
    match = re.fullmatch(r"ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm (\d+)", text)
    assert match, text
    return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))


@PROPERTY
@given(d=st.dates(min_value=date(1000, 1, 1)))
def test_format_date_round_trips(d: date) -> None:
    assert _parse_vietnamese_date(format_date(d)) == d
    assert _parse_vietnamese_date(format_date(d.isoformat())) == d
    day, month, year = format_date_short(d).split("/")
    assert date(int(year), int(month), int(day)) == d
    assert format_date(d) == f"ngày {day} tháng {month} năm {year}"


@PROPERTY
@given(d=st.dates(), hours=st.integers(min_value=0, max_value=23))
def test_format_weekday_follows_the_calendar(d: date, hours: int) -> None:
    monday = d - timedelta(days=d.weekday())
    assert format_weekday(monday) == "thứ Hai"
    name = format_weekday(datetime.combine(d, time(hours)))
    if d.weekday() == 6:
        assert name == "Chủ nhật"
    else:
        assert name.startswith("thứ ") and name[4].isupper()


@PROPERTY
@given(hour=st.integers(min_value=0, max_value=23), minute=st.integers(min_value=0, max_value=59))
def test_format_time_round_trips(hour: int, minute: int) -> None:
    text = format_time(f"{hour:02d}:{minute:02d}")
    assert text == format_time(time(hour, minute))
    match = re.fullmatch(r"(0|[1-9]\d?) giờ (\d\d) phút", text)
    assert match, text
    assert (int(match.group(1)), int(match.group(2))) == (hour, minute)


MESSY_ALPHABET = list(
    "aăâeêoôơuưyđAĐ \t\n\r\x0b\x0c\x00\x85\u00a0\u2009\u3000\u200b\u200c\u200d\ufeff\u2060\u00ad"
    "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b🎉👩"
)


@PROPERTY
@given(text=st.text(alphabet=st.sampled_from(MESSY_ALPHABET), max_size=40))
def test_normalize_text_properties(text: str) -> None:
    clean = normalize_text(text)
    assert normalize_text(clean) == clean  # idempotent
    assert unicodedata.is_normalized("NFC", clean)
    assert "  " not in clean
    assert " \n" not in clean and not clean.endswith(" ")
    for char in clean:
        assert (
            char == "\n"
            or unicodedata.category(char) not in ("Cc", "Zs", "Zl", "Zp")
            or char == " "
        )
        assert char not in "\t\r\x0b\x0c\u00a0\u200b\u200c\ufeff\u2060\u00ad"
    assert clean.count("\n") == text.replace("\r\n", "\n").count("\n") + sum(
        text.replace("\r\n", "\n").count(c) for c in "\r\x0b\x85"
    )
