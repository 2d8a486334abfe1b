"""The checker's parts: the written forms it judges, the rules it builds from a profile, and the
verdicts (a rule it cannot check is never passed)."""

from __future__ import annotations

import pytest

from minutes.check import Status, check_bytes, format_of, rules_for
from minutes.check.judge import judge
from minutes.check.measure import NO_RULE, Found, Measured, Piece
from minutes.check.rules import Near, RuleUnder, Widths
from minutes.check.text import (
    case_of,
    date_problems,
    detect_profile,
    number_line_problems,
    number_problems,
    place_date_problems,
)
from minutes.errors import InputError
from minutes.i18n import set_language
from minutes.profiles import load_profile

STATE = load_profile("state")
PARTY = load_profile("party")
TITLES = {"state": STATE.wording.national_title, "party": PARTY.wording.national_title}


@pytest.fixture(autouse=True)
def english() -> object:
    set_language("en")
    yield
    set_language(None)


# -- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ngày 07 tháng 3 năm 2018",
        "ngày 05 tháng 02 năm 2020",
        "ngày 29 tháng 6 năm 2019",
        "ngày 31 tháng 12 năm 2025",
        "Kết luận số 42-KL/TU, ngày 17/7/2015 của Ban Thường vụ",
        "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ",
        "có mặt 4/5 người",  # a count, not a date
        "Số: 05/BB-UBND",
    ],
)
def test_dates_written_as_the_rules_ask(text: str) -> None:
    assert date_problems(text) == []


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Sáng ngày 7/3/2018, hội nghị", "ngày 7/3/2018"),
        ("vào ngày 07/3/2018 tại trụ sở", "ngày 07/3/2018"),  # figures, and no document cited
        ("ngày 7 tháng 3 năm 2018", "ngày 7 tháng 3 năm 2018"),
        ("ngày 07 tháng 03 năm 2018", "ngày 07 tháng 03 năm 2018"),
        ("ngày 05 tháng 2 năm 2020", "ngày 05 tháng 2 năm 2020"),
        ("ngày 07.3.2018", "ngày 07.3.2018"),
        ("Kết luận số 42-KL/TU, ngày 7/7/2015", "ngày 7/7/2015"),  # cited, but no zero
    ],
)
def test_dates_against_the_rules_are_reported(text: str, reported: str) -> None:
    assert date_problems(text) == [reported]


# -- numbers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "12.181 tỷ đồng",
        "317,35 tỷ đồng",
        "59,7%",
        "7.295 lao động",
        "3,7 triệu đồng/người/tháng",
        "1.234.567,891",
        "năm 2025",
        "mục 2.1 của báo cáo",
        "1.1. Ủy viên Ban Thường vụ",
        "số điện thoại 02633822123",
        "có mặt 112/118 đại biểu",
    ],
)
def test_numbers_with_vietnamese_separators(text: str) -> None:
    assert number_problems(text) == []


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("đạt 12181 tỷ đồng", "12181"),
        ("tăng 59.7%", "59.7"),
        ("317.35 tỷ đồng", "317.35"),
        ("1,234,567 đồng", "1,234,567"),
        ("12,181.5 tỷ", "12,181.5"),
        ("12.1810 tỷ", "12.1810"),
    ],
)
def test_numbers_with_other_separators_are_reported(text: str, reported: str) -> None:
    assert number_problems(text) == [reported]


# -- the number line, the place and date -----------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "line", "good"),
    [
        (STATE, "Số: 05/BB-UBND", True),
        (STATE, "Số: 123/BB-STC", True),
        (STATE, "Số: /BB-UBND", True),  # the blank Mẫu 1.9 leaves for the clerk
        (STATE, "Số: 5/BB-UBND", False),  # no leading zero
        (STATE, "Số 05/BB-UBND", False),  # no colon
        (STATE, "Số: 05-BB/UBND", False),  # the Party's separators
        (PARTY, "Số 100-BB/TU", True),
        (PARTY, "Số 05-BB/TU", True),
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


@pytest.mark.parametrize(
    ("line", "good"),
    [
        ("Thái Bình, ngày 07 tháng 3 năm 2018", True),
        ("Hà Nội, ngày 05 tháng 02 năm 2020", True),
        ("Thái Bình, ngày 7 tháng 3 năm 2018", False),
        ("Thái Bình, ngày 07/3/2018", False),
        ("thái Bình, ngày 07 tháng 3 năm 2018", False),
        ("ngày 07 tháng 3 năm 2018", False),
    ],
)
def test_place_and_date_form(line: str, good: bool) -> None:
    assert (place_date_problems(line) == []) is good


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


def test_case() -> None:
    assert case_of("CỘNG HÒA XÃ HỘI") == "upper"
    assert case_of("Độc lập - Tự do") == "mixed"
    assert case_of("*") is None


# -- the rules -------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", [STATE, PARTY], ids=["state", "party"])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_every_rule_cites_a_clause_and_is_unique(profile, fmt: str) -> None:
    rules = rules_for(profile, fmt)
    ids = [rule.id for rule in rules]
    assert len(ids) == len(set(ids))
    for rule in rules:
        assert rule.clause.strip(), rule.id
        assert rule.label(profile) and rule.expect.describe()
    assert len(rules) >= 75


def test_rule_counts() -> None:
    """The numbers docs/fidelity.md gives."""
    counts = {
        (p.id, fmt): len(rules_for(p, fmt)) for p in (STATE, PARTY) for fmt in ("pdf", "docx")
    }
    assert counts == {
        ("state", "pdf"): 85,  # no signer-note rules: the model's instructions are not printed
        ("state", "docx"): 86,
        ("party", "pdf"): 86,
        ("party", "docx"): 87,
    }


def test_expected_values_come_from_the_profile() -> None:
    state = {rule.id: rule for rule in rules_for(STATE, "docx")}
    assert state["page.margin-left"].expect == Near(30, 0.5, 0.5, "mm")
    assert state["national-title.size"].expect == Near(13, 0.3, 0.3, "pt")
    assert state["org.rule"].expect == RuleUnder(0.4)
    assert state["motto.rule"].expect == RuleUnder(1.0)
    assert state["header.widths"].expect == Widths(62.5, 102.5)
    assert state["national-title.size"].clause == STATE.role("national-title").source
    party = {rule.id: rule for rule in rules_for(PARTY, "pdf")}
    assert party["national-title.rule"].expect == RuleUnder(1.0)
    assert party["org.rule"].expect == RuleUnder(None)
    assert "motto.size" not in party and "org-mark.present" in party
    assert "title-mark.present" in party and "title-mark.present" not in state


def test_a_changed_profile_changes_the_rules() -> None:
    """A profile is data: a new margin (or a new profile file) is a new rule, no code."""
    page = STATE.page.model_copy(update={"margin_left_mm": 35.0})
    wider = STATE.model_copy(update={"page": page})
    rule = next(r for r in rules_for(wider, "pdf") if r.id == "page.margin-left")
    assert rule.expect == Near(35.0, 0.5, 0.5, "mm")


def test_pdf_margins_allow_for_the_first_line_box() -> None:
    rules = {rule.id: rule for rule in rules_for(STATE, "pdf")}
    top = rules["page.margin-top"].expect
    assert top.check(20.0) and top.check(21.4) and not top.check(19.4) and not top.check(25.0)
    bottom = rules["page.margin-bottom"].expect
    assert bottom.check(19.6) and bottom.check(40) and not bottom.check(19.0)


def test_rule_under_expectations() -> None:
    third = RuleUnder(0.4)
    assert third.check((0.41, 0.2))
    assert not third.check((0.6, 0.0))
    assert not third.check((0.4, 3.0))  # not centred
    assert third.check((0.4, None))  # centring unknown (a drawn line)
    assert not third.check(NO_RULE)
    assert RuleUnder(None).check(NO_RULE)
    assert not RuleUnder(None).check((1.0, 0.0))


# -- verdicts --------------------------------------------------------------------------------------


def test_what_cannot_be_found_is_not_checked_never_passed() -> None:
    rules = rules_for(STATE, "pdf")
    found = Found("pdf", 1)
    found.values["page.paper"] = Measured(None, note="no page")
    found.missing["org"] = "the header has no left cell"
    results = {r.rule.id: r for r in judge(rules, found)}
    assert results["page.paper"].status is Status.NOT_CHECKED
    assert results["org.size"].status is Status.NOT_CHECKED
    assert results["org.size"].note == "the header has no left cell"
    assert results["motto.size"].status is Status.NOT_CHECKED  # neither found nor measured
    assert all(r.status is Status.NOT_CHECKED for r in results.values())


def test_every_piece_must_pass_but_body_text_goes_by_most_of_it() -> None:
    rules = [r for r in rules_for(STATE, "pdf") if r.id in ("signer-name.bold", "body.bold")]
    found = Found("pdf", 1)
    found.add("signer-name", Piece("Lê Thị Hoa", "page 1", chars=9, bold=True))
    found.add("signer-name", Piece("Phạm Văn Nam", "page 2", chars=10, bold=False))
    found.add("body", Piece("Nội dung dài", "page 1", chars=90, bold=False))
    found.add("body", Piece("I. TIÊU ĐỀ", "page 1", chars=10, bold=True))
    results = {r.rule.id: r for r in judge(rules, found)}
    assert results["signer-name.bold"].status is Status.FAIL
    assert results["signer-name.bold"].where == "page 2"
    assert results["body.bold"].status is Status.PASS
    assert results["body.bold"].where == "90% of the text"


def test_report_json_and_rows(outputs, example) -> None:
    report = check_bytes(outputs.pdf(example).data, name=example.name)
    data = report.as_json()
    assert data["passed"] is True and data["format"] == "pdf"
    assert data["profile"] == outputs.profile(example).id and data["profile_detected"] is True
    assert sum(data["counts"].values()) == len(data["results"]) == len(report.results)
    first = data["results"][0]
    assert set(first) >= {"rule", "clause", "source", "expected", "measured", "status"}
    assert {r["status"] for r in data["results"]} <= {"pass", "fail", "not-checked"}
    row = report.results[0].row(report.profile)
    assert row["status"] == "pass"
    assert row["clause"] == report.profile.page.source.split(": ")[0]


def test_not_a_pdf_nor_a_docx() -> None:
    assert format_of(b"%PDF-1.7") == "pdf" and format_of(b"PK\x03\x04") == "docx"
    with pytest.raises(InputError):
        check_bytes(b"hello", name="note.txt")
    with pytest.raises(InputError):
        check_bytes(b"%PDF-1.7 broken", name="broken.pdf")
    with pytest.raises(InputError):
        check_bytes(b"PK\x03\x04 broken", name="broken.docx")
