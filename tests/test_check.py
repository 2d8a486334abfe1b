"""The checker's parts: the written forms it judges, the advice it gives on the text, the rules it
builds from a profile (ranges, clauses, levels), the verdicts (a rule it cannot check is never
passed), and which profile it measures against and why."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from minutes.check import Status, check_bytes, format_of, rules_for
from minutes.check.advice import date_advice, district_advice, number_advice
from minutes.check.choose import _notes
from minutes.check.expect import Between, OneOf, Open, RuleUnder
from minutes.check.forms import (
    dates_in,
    document_date,
    number_line_problems,
    place_date_problems,
)
from minutes.check.geometry import NO_RULE
from minutes.check.judge import judge
from minutes.check.measure import Measured, Measurements, Sample
from minutes.check.rules import ADVICE, RULE
from minutes.check.text import case_of, detect_profile
from minutes.errors import InputError
from minutes.formatting import format_date_short
from minutes.profiles import families, in_force, load_profile

STATE = load_profile("state")
PARTY = load_profile("party-2018")
PARTY_2026 = load_profile("party-2026")
TITLES = {"state": STATE.wording.national_title, "party": PARTY.wording.national_title}


pytestmark = pytest.mark.usefixtures("english")  # messages in English (conftest.py)


# -- the document's own date (a rule) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "good"),
    [
        ("Thái Bình, ngày 07 tháng 3 năm 2018", True),
        ("Hà Nội, ngày 05 tháng 02 năm 2020", True),
        ("Thái Bình, ngày 7 tháng 3 năm 2018", False),  # PL I, II.4.b: a zero before days 1-9
        ("Thái Bình, ngày 07 tháng 03 năm 2018", False),  # and before the months 1 and 2 only
        ("Thái Bình, ngày 07/3/2018", False),  # "phải được viết đầy đủ"
        ("thái Bình, ngày 07 tháng 3 năm 2018", False),  # the place's initials in capitals
        ("ngày 07 tháng 3 năm 2018", False),  # no place
        ("Thái Bình, ngày 30 tháng 02 năm 2018", False),  # no such day
    ],
)
def test_place_and_date_form(line: str, good: bool) -> None:
    assert (place_date_problems(line) == []) is good


def test_the_document_date_is_read_from_the_date_line_then_the_time_of_the_meeting() -> None:
    lines = ["ĐẢNG BỘ TỈNH", "Thái Bình, ngày 07 tháng 3 năm 2018", "căn cứ ngày 01/02/2017"]
    assert document_date(lines) == (dt.date(2018, 3, 7), "place-date")
    state = [
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2020",
        "Thời gian bắt đầu: 8 giờ 00 phút, ngày 31 tháng 10 năm 2025.",
    ]
    assert document_date(state) == (dt.date(2025, 10, 31), "text")
    assert document_date(["no date at all"]) is None


# -- dates in the text (advice, not a rule) --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ngày 07 tháng 3 năm 2018",
        "ngày 05 tháng 02 năm 2020",
        "ngày 31 tháng 12 năm 2025",
        "theo Công văn ngày 07/5/2020 của Sở",  # a date in figures: fine in the text
        "trước ngày 01/11/2024",
        "Thông tư 07/2014/TT-BNV ngày 29/8/2014 của Bộ Nội vụ",  # the issue's own examples
        "Kết luận số 42-KL/TU, ngày 17/7/2015 của Ban Thường vụ",
        "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ",
        "như đã ghi: “kể từ ngày 27 tháng 04 năm 2012”",  # a quotation keeps its spelling
        "có mặt 4/5 người",  # a count, not a date
        "tháng 8/2025, Quốc khánh 2/9",  # not dates with day, month and year
        "Số: 05/BB-UBND",
    ],
)
def test_dates_that_need_no_advice(text: str) -> None:
    assert date_advice(text) == []


def test_what_the_date_short_filter_writes_needs_no_advice() -> None:
    for day in (dt.date(2018, 3, 7), dt.date(2020, 1, 9), dt.date(2015, 7, 17)):
        assert date_advice(f"ngày {format_date_short(day)}") == []


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("Sáng ngày 7 tháng 3 năm 2018", "ngày 7 tháng 3 năm 2018 → ngày 07 tháng 3 năm 2018"),
        ("ngày 27 tháng 04 năm 2012", "ngày 27 tháng 04 năm 2012 → ngày 27 tháng 4 năm 2012"),
        ("vào ngày 7/3/2018 tại trụ sở", "7/3/2018 → 07/3/2018"),
        ("ngày 07.3.2018", "07.3.2018 → 07/3/2018"),
        ("ngày 07/3/18", "07/3/18 → 07/3/2018"),
    ],
)
def test_dates_worth_a_second_look(text: str, advice: str) -> None:
    assert date_advice(text) == [advice]


def test_dates_are_read_as_written() -> None:
    found = dates_in("ngày 07/5/2020 và ngày 27 tháng 04 năm 2012")
    assert [(d.text, d.value) for d in found] == [
        ("07/5/2020", dt.date(2020, 5, 7)),
        ("ngày 27 tháng 04 năm 2012", dt.date(2012, 4, 27)),
    ]
    assert [d.well_written for d in found] == [True, False]


# -- numbers in the text (advice) ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "12.181 tỷ đồng",
        "317,35 tỷ đồng",
        "59,7%",
        "7.295 lao động",
        "1.234.567,891",
        "năm 2025",
        "mục 2.1 của báo cáo",
        "1.1. Ủy viên Ban Thường vụ",
        "phiên bản 1.4 trở lên",
        "mã số doanh nghiệp 5400123456",  # identifiers are not numbers to group
        "mã số thuế: 0101234567 cấp ngày 01/02/2010",
        "số điện thoại 02633822123",
        "ĐT: 0912 345 678",
        "số tài khoản 1234567890123 tại Ngân hàng",
        "CCCD số 034089001234",
        "Quyết định số 12345/QĐ-UBND",
        "có mặt 112/118 đại biểu",
        "hotline 19001234 hoạt động",
    ],
)
def test_numbers_that_need_no_advice(text: str) -> None:
    assert number_advice(text) == []


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("đạt 12181 tỷ đồng", "12181"),
        ("có 125000 người", "125000"),
        ("tăng 59.7%", "59.7"),
        ("317.35 tỷ đồng", "317.35"),
        ("1,234,567 đồng", "1,234,567"),
        ("12,181.5 tỷ", "12,181.5"),
        ("12.1810 tỷ", "12.1810"),
        ("Hệ số mới: 3.33", "3.33"),  # a decimal point is a decimal wherever it stands
        ("Số tiền (đồng): 18500000", "18500000"),  # the unit stands before, in brackets
    ],
)
def test_numbers_with_other_separators(text: str, advice: str) -> None:
    assert number_advice(text) == [advice]


# -- district names after 1 July 2025 (advice) -----------------------------------------------------


def test_district_names_in_a_document_dated_after_the_reform() -> None:
    text = "UBND huyện Kiến Xương; Huyện ủy Vũ Thư; quận Ba Đình; Phòng GD&ĐT; Phòng Tài chính"
    after = district_advice(text, dt.date(2025, 10, 1))
    assert after == ["UBND huyện Kiến Xương", "Huyện ủy Vũ Thư", "quận Ba Đình", "Phòng GD&ĐT"]
    assert district_advice(text, dt.date(2025, 6, 30)) == []
    assert district_advice(text, None) == []
    assert district_advice("Ủy ban nhân dân phường An Hòa, xã Vũ Thư", dt.date(2026, 1, 1)) == []


# -- the number line -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "line", "good"),
    [
        (STATE, "Số: 05/BB-UBND", True),
        (STATE, "Số: 123/BB-STC", True),
        (STATE, "Số: /BB-UBND", True),  # the blank Mẫu 1.9 leaves for the clerk
        (STATE, "Số: …/BB-UBND", True),
        (STATE, "Số:      /BB-HĐND", True),
        (STATE, "Số: 5/BB-UBND", False),  # PL I, II.3.c: a zero before numbers under 10
        (STATE, "Số 05/BB-UBND", False),  # no colon
        (STATE, "Số: 05-BB/UBND", False),  # the Party's separators
        (PARTY, "Số 100-BB/TU", True),
        (PARTY, "Số 15-BB/ĐU", True),
        (PARTY, "Số      -BB/ĐU", True),
        (PARTY, "Số: 100-BB/TU", False),  # a colon in a Party document
        (PARTY, "Số 100/BB-TU", False),
        (PARTY, "Số 5-BB/TU", False),
    ],
)
def test_number_line_form(profile, line: str, good: bool) -> None:
    wording = profile.wording
    problems = number_line_problems(line, wording.number, wording.number_blank)
    assert (problems == []) is good, problems


def test_the_profile_prints_numbers_its_own_checker_accepts() -> None:
    for profile, symbol in ((STATE, "BB-UBND"), (PARTY, "BB/TU")):
        for number in (None, 1, 5, 10, 100):
            line = profile.format_number(number, symbol)
            wording = profile.wording
            assert number_line_problems(line, wording.number, wording.number_blank) == [], line


# -- which profile ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "profile"),
    [
        ("TỈNH ỦY THÁI BÌNH ĐẢNG CỘNG SẢN VIỆT NAM", "party"),
        ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "state"),
        ("ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "state"),  # the old tone place
        ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nPHƯỜNG AN HÒA NAM", "state"),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM … sự lãnh đạo của Đảng Cộng sản Việt Nam", "state"),
        ("Một văn bản khác", None),
    ],
)
def test_profile_told_from_the_heading(text: str, profile: str | None) -> None:
    assert detect_profile(text, TITLES) == profile


def test_the_party_rules_in_force_are_chosen_by_the_documents_date() -> None:
    """Each profile file says when its text applies: of the Party's family, HD 36 (party-2018)
    for documents of 2025, HD 05 (party-2026) from 27/5/2026."""
    family = families()["party"]
    assert {p.id for p in family} == {"party-2018", "party-2026"}
    assert in_force(family, dt.date(2025, 8, 1)).version == "hd36-2018"
    assert in_force(family, dt.date(2026, 5, 26)).version == "hd36-2018"
    assert in_force(family, dt.date(2026, 5, 27)).version == "hd05-2026"
    assert in_force(family, None).version == "hd05-2026"  # undated: the newest
    assert in_force(family, dt.date(2018, 3, 7)).version == "hd36-2018"  # before all: the oldest
    assert in_force([PARTY], dt.date(2026, 6, 1)) is PARTY  # the only one there is
    later = _notes(PARTY, dt.date(2026, 6, 1))[0]
    assert "Hướng dẫn 05-HD/VPTW" in later and "party-2026" in later
    assert _notes(PARTY, dt.date(2025, 8, 1)) == []
    assert "took effect" in _notes(PARTY, dt.date(2018, 3, 7))[0]
    replaced = PARTY.model_copy(update={"family": None})  # a profile with no successor
    assert "no profile follows it yet" in _notes(replaced, dt.date(2026, 6, 1))[0]


def test_case() -> None:
    assert case_of("CỘNG HÒA XÃ HỘI") == "upper"
    assert case_of("Độc lập - Tự do") == "mixed"
    assert case_of("*") is None


# -- the rules -------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", [STATE, PARTY, PARTY_2026], ids=lambda p: p.id)
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_every_rule_cites_a_clause_of_a_text_users_have(profile, fmt: str) -> None:
    rules = rules_for(profile, fmt)
    ids = [rule.id for rule in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        reference = rule.clause_reference
        texts = r"(PL I|Mẫu 1\.9|HD \d+|QĐ \d+-QĐ/TW|CLDR|NQ \d+/\d+/QH\d+)"
        assert re.match(texts, reference), rule
        # never an internal note of the project
        assert not re.search(r"FORMAT-RULES|ARCHITECTURE|docs/|\.md\b|unconfirmed", reference)
        assert rule.label(profile) and rule.expect.describe()
        assert rule.level in (RULE, ADVICE)
    assert len(rules) >= 75


def test_house_advice_is_advice_and_the_official_text_is_rule() -> None:
    levels = {rule.id: rule.level for rule in rules_for(STATE, "pdf")}
    assert {i for i, level in levels.items() if level == ADVICE} == {
        "font.embedded",
        "dates.form",
        "numbers.form",
        "districts.after-reform",
    }
    assert levels["place-date.form"] == RULE  # the document's own date: PL I, II.4.b
    assert levels["number.form"] == RULE


def test_the_date_rules_name_what_they_govern() -> None:
    state = {rule.id: rule for rule in rules_for(STATE, "pdf")}
    assert state["place-date.form"].clause_reference == "PL I, II.4.b"
    assert state["place-date.form"].label(STATE) == "Place and date: form"
    assert state["dates.form"].label(STATE) == "Dates in the text: form"
    assert "document's own date" in state["dates.form"].expect.describe()
    assert state["numbers.form"].clause_reference == "CLDR vi"


def test_rule_counts() -> None:
    """The numbers docs/fidelity.md gives."""
    counts = {
        (p.id, fmt): len(rules_for(p, fmt))
        for p in (STATE, PARTY, PARTY_2026)
        for fmt in ("pdf", "docx")
    }
    assert counts == {
        ("state", "pdf"): 96,
        ("state", "docx"): 95,
        ("party-2018", "pdf"): 91,  # a signature note is checked where the minutes have one
        ("party-2018", "docx"): 90,
        ("party-2026", "pdf"): 91,
        ("party-2026", "docx"): 90,
    }


def test_expected_values_are_the_official_ranges_with_the_profiles_value_inside() -> None:
    state = {rule.id: rule for rule in rules_for(STATE, "docx")}
    assert state["national-title.size"].expect == Between(12, 13, 13, 0.3, "pt")
    assert state["motto.size"].expect == Between(13, 14, 14, 0.3, "pt")
    assert state["body.size"].expect == Between(13, 14, 14, 0.3, "pt")
    assert state["number.size"].expect == Between(13, 13, 13, 0.3, "pt")  # "cỡ chữ 13"
    assert state["page.margin-left"].expect == Between(30, 35, 30, 0.5, "mm")
    assert state["page.margin-right"].expect == Between(15, 20, 15, 0.5, "mm")
    assert state["org.rule"].expect == RuleUnder(0.3333, 0.5, 0.4, 0.1, 1.5)
    assert state["motto.rule"].expect == RuleUnder(1.0, 1.0, 1.0, 0.1, 1.5)
    assert state["body.indent"].expect == OneOf((10.0, 12.7), 10, 1.0, "mm")
    assert state["national-title.size"].clause == STATE.role("national-title").source
    assert state["page.margin-top"].clause_reference == "PL I, I.3"
    assert state["signer-note.size"].expect == Open()  # Mẫu 1.9 gives it no size
    party = {rule.id: rule for rule in rules_for(PARTY, "pdf")}
    assert party["national-title.size"].expect == Between(15, 15, 15, 0.3, "pt")
    assert party["doc-kind.size"].expect == Between(15, 16, 16, 0.3, "pt")
    assert party["org.rule"].expect == RuleUnder(None, None, None, 0.1, 1.5)
    assert "motto.size" not in party and "org-mark.present" in party
    assert "title-mark.present" in party and "title-mark.present" not in state


def test_a_range_accepts_its_ends_and_not_beyond() -> None:
    rules = {rule.id: rule for rule in rules_for(STATE, "pdf")}
    size = rules["national-title.size"].expect
    assert size.check(12.0) and size.check(13.0) and size.check(12.8)
    assert not size.check(11.5) and not size.check(14.0)
    margin = rules["page.margin-left"].expect
    assert margin.check(30.0) and margin.check(35.0) and margin.check(35.4)
    assert not margin.check(29.4) and not margin.check(36.0)
    rule = rules["org.rule"].expect
    assert rule.check((0.34, 0.0)) and rule.check((0.5, 0.5)) and rule.check((0.31, 0.0))
    assert not rule.check((0.25, 0.0)) and not rule.check((0.6, 0.0))
    assert not rule.check((0.4, 3.0))  # not centred
    assert rule.check((0.4, None))  # centring unknown (a drawn line placed where it is not read)
    assert not rule.check(NO_RULE)


def test_a_changed_profile_changes_the_rules() -> None:
    """A profile is data: a new range (or a new profile file) is a new rule, no code."""
    role = STATE.role("national-title").model_copy(update={"size_range_pt": (11.5, 13.0)})
    roles = {**STATE.roles, "national-title": role}
    other = STATE.model_copy(update={"roles": roles})
    rule = next(r for r in rules_for(other, "pdf") if r.id == "national-title.size")
    assert rule.expect == Between(11.5, 13, 13, 0.3, "pt")


def test_a_profile_value_outside_its_own_range_is_refused() -> None:
    from pydantic import ValidationError

    from minutes.profiles import Role

    with pytest.raises(ValidationError, match="outside the range"):
        Role(size_pt=14, size_range_pt=(12, 13), source="PL I")
    with pytest.raises(ValidationError, match="unknown properties"):
        Role(size_pt=13, unspecified=("colour",), source="PL I")


# -- verdicts --------------------------------------------------------------------------------------


def test_what_cannot_be_found_is_not_checked_never_passed() -> None:
    rules = rules_for(STATE, "pdf")
    measured = Measurements("pdf", 1)
    measured.values["page.paper"] = Measured(None, note="no page")
    measured.missing["org"] = "the header has no left column"
    results = {r.rule.id: r for r in judge(rules, measured)}
    assert results["page.paper"].status is Status.NOT_CHECKED
    assert results["org.size"].status is Status.NOT_CHECKED
    assert results["org.size"].note == "the header has no left column"
    assert results["motto.size"].status is Status.NOT_CHECKED  # neither found nor measured
    assert results["signer-note.size"].note == "the clause leaves it open"
    assert all(r.status is Status.NOT_CHECKED for r in results.values())


def test_every_instance_must_pass_but_body_text_goes_by_most_of_it() -> None:
    wanted = ("signer-name.bold", "body.bold")
    rules = [r for r in rules_for(STATE, "pdf") if r.id in wanted]
    measured = Measurements("pdf", 1)
    measured.samples["signer-name"] = [
        Sample("Lê Thị Hoa", "page 1", 9, {"bold": "bold"}),
        Sample("Phạm Văn Nam", "page 2", 10, {"bold": "regular"}),
    ]
    measured.samples["body"] = [
        Sample("Nội dung dài", "page 1", 90, {"bold": "regular"}),
        Sample("I. TIÊU ĐỀ", "page 1", 10, {"bold": "bold"}),
    ]
    results = {r.rule.id: r for r in judge(rules, measured)}
    assert results["signer-name.bold"].status is Status.FAIL
    assert results["signer-name.bold"].where == "page 2"
    assert results["body.bold"].status is Status.PASS
    assert results["body.bold"].where == "90% of the text"


def test_advice_is_its_own_verdict() -> None:
    rules = [r for r in rules_for(STATE, "pdf") if r.id in ("dates.form", "numbers.form")]
    measured = Measurements("pdf", 1)
    measured.values["dates.form"] = Measured(["7/3/2018 → 07/3/2018"])
    measured.values["numbers.form"] = Measured([])
    results = {r.rule.id: r.status for r in judge(rules, measured)}
    assert results == {"dates.form": Status.ADVICE, "numbers.form": Status.PASS}


def test_a_margin_seen_only_where_the_text_stops() -> None:
    """A PDF's bottom margin is at most the gap under the text: below the range it fails;
    inside it passes; above it nobody can tell (the page may end early)."""
    rule = next(r for r in rules_for(STATE, "pdf") if r.id == "page.margin-bottom")

    def verdict(gap: float) -> Status:
        measured = Measurements("pdf", 2)
        measured.values[rule.id] = Measured(gap, bound="upper", note="no page is filled")
        return judge([rule], measured)[0].status

    assert verdict(15.0) is Status.FAIL
    assert verdict(22.0) is Status.PASS
    assert verdict(37.4) is Status.NOT_CHECKED


def test_report_json_and_rows(outputs, example) -> None:
    report = check_bytes(outputs.pdf(example).data, name=example.name)
    data = report.as_json()
    assert data["passed"] is True and data["format"] == "pdf"
    assert data["profile"] == outputs.profile(example).id and data["profile_detected"] is True
    against = data["measured_against"]
    assert against["version"] == outputs.profile(example).version
    assert against["heading"] == outputs.profile(example).wording.national_title
    assert against["date"] and "dated" in against["reason"]
    assert sum(data["counts"].values()) == len(data["results"]) == len(report.results)
    assert set(data["counts"]) == {"pass", "fail", "advice", "not-checked"}
    first = data["results"][0]
    assert set(first) >= {"rule", "level", "clause", "source", "expected", "measured", "status"}
    assert {r["status"] for r in data["results"]} <= {"pass", "fail", "advice", "not-checked"}
    row = report.results[0].row(report.profile)
    assert row["status"] == "pass"
    assert row["clause"] == report.profile.page.source.split(": ")[0]


def test_not_a_pdf_nor_a_docx() -> None:
    assert format_of(b"%PDF-1.7") == "pdf" and format_of(b"PK\x03\x04") == "docx"
    with pytest.raises(InputError):
        check_bytes(b"hello", name="note.txt")
    with pytest.raises(InputError) as error:
        check_bytes(b"%PDF-1.7 broken", name="broken.pdf")
    assert error.value.problems[0].file == "broken.pdf"
    with pytest.raises(InputError):
        check_bytes(b"PK\x03\x04 broken", name="broken.docx")
