"""The loader: good files load; every kind of bad input is an InputError that says where and why."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import (
    FLAGSHIP,
    IMPOSSIBLE_DATE,
    MINIMAL_PARTY,
    MINIMAL_STATE,
    with_impossible_date,
)

import minutes
from minutes import InputError, Minutes, Problem
from minutes.facts import derive

pytestmark = pytest.mark.usefixtures("english")


def problems_of(text: str | bytes, source: str = "bad.yaml") -> list[Problem]:
    with pytest.raises(InputError) as caught:
        minutes.loads(text, source)
    problems = caught.value.problems
    assert problems, "an InputError must carry at least one problem"
    return problems


def the_problem(text: str | bytes, source: str = "bad.yaml") -> Problem:
    problems = problems_of(text, source)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the first line of ``text`` that contains ``needle``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the text")


def assert_located(problem: Problem, source: str = "bad.yaml") -> None:
    assert problem.file == source
    assert isinstance(problem.line, int) and problem.line >= 1, problem
    assert isinstance(problem.column, int) and problem.column >= 1, problem


@pytest.fixture
def state_text() -> str:
    return MINIMAL_STATE.read_text(encoding="utf-8")


# -- good files ----------------------------------------------------------------------------------


def test_flagship_loads() -> None:
    m = minutes.load(FLAGSHIP)
    assert isinstance(m, Minutes)
    assert m.profile == "party"
    assert m.organization.name == "Tỉnh ủy Thái Bình"
    assert m.number == 100
    assert m.symbol == "BB/TU"
    assert m.date == dt.date(2018, 3, 7)
    assert m.start == dt.datetime(2018, 3, 7, 8, 0)
    assert m.end_datetime == dt.datetime(2018, 3, 7, 11, 30)
    assert len(m.agenda) == 2
    counted = derive(m).attendance
    assert (counted.present, counted.total, counted.expected) == (15, 17, 17)
    assert m.data["doanh_thu_2017"] == 12181000000000
    assert m.source == str(FLAGSHIP)


def test_example_loads(example: Path) -> None:
    m = minutes.load(example)
    assert m.profile in ("state", "party")
    assert m.agenda


@pytest.mark.parametrize(("path", "profile"), [(MINIMAL_STATE, "state"), (MINIMAL_PARTY, "party")])
def test_minimal_files_load(path: Path, profile: str) -> None:
    m = minutes.load(path)
    assert m.profile == profile
    assert m.secretary[0].name and m.chairs[0].name


def test_load_accepts_a_string_path() -> None:
    assert minutes.load(str(MINIMAL_STATE)).number == 5


def test_loads_text_and_bytes(state_text: str) -> None:
    from_text = minutes.loads(state_text)
    from_bytes = minutes.loads(state_text.encode("utf-8"))
    with_bom = minutes.loads(b"\xef\xbb\xbf" + state_text.encode("utf-8"))
    assert from_text.model_dump() == from_bytes.model_dump() == with_bom.model_dump()
    assert from_text.title == "Cuộc họp giao ban công tác tháng 8 năm 2025"


def test_json_text_loads(meeting) -> None:
    data = meeting("party")
    m = minutes.loads(json.dumps(data, ensure_ascii=False))
    assert m.profile == "party"
    assert m.date == dt.date(2025, 9, 5)
    assert m.end_datetime == dt.datetime(2025, 9, 5, 16, 45)
    assert m.model_dump() == minutes.load(MINIMAL_PARTY).model_dump()


def test_vote_may_be_one_mapping_or_a_list() -> None:
    assert len(minutes.load(MINIMAL_STATE).agenda[0].votes) == 1  # written as one mapping
    assert len(minutes.load(MINIMAL_PARTY).agenda[0].votes) == 1  # written as a list


def test_text_is_normalised_to_nfc(state_text: str) -> None:
    decomposed = "Cuo\u0302\u0323c ho\u0323p"  # "Cuộc họp" with combining marks, as some tools save
    m = minutes.loads(state_text.replace("Cuộc họp giao ban", decomposed + " giao ban"))
    assert m.title.startswith("Cuộc họp giao ban")


# -- bad files: each gives an InputError with file, line, column and field ----------------------


def test_yaml_syntax_error_points_at_the_error(state_text: str) -> None:
    text = state_text.replace("title: Cuộc họp", "title: [Cuộc họp")
    problem = the_problem(text)
    assert_located(problem)
    assert problem.line in (line_of(text, "title: ["), line_of(text, "start:"))
    assert "YAML" in problem.message


def test_tab_indentation_gets_a_hint_about_tabs(state_text: str) -> None:
    text = state_text.replace("  name: Lê Thị Hoa\n", "\tname: Lê Thị Hoa\n", 1)
    problem = the_problem(text)
    assert_located(problem)
    assert problem.line == line_of(text, "\tname")
    assert problem.hint is not None and "tab" in problem.hint.lower()


def test_missing_required_field(state_text: str) -> None:
    text = state_text.replace("date: 2025-08-12\n", "")
    problem = the_problem(text)
    assert_located(problem)
    assert problem.field == "date"
    assert "date" in (problem.hint or "")


def test_missing_field_inside_a_mapping_points_at_the_mapping(state_text: str) -> None:
    text = state_text.replace("  name: Phạm Văn Nam\n", "", 1)  # the secretary without a name
    problem = the_problem(text)
    assert_located(problem)
    assert problem.field is not None and problem.field.startswith("secretary")
    assert problem.line == line_of(text, "secretary:") or problem.line == line_of(
        text, "  position: Chuyên viên Văn phòng"
    )


def test_unknown_key_suggests_the_right_one(state_text: str) -> None:
    text = state_text.replace("secretary:", "secetary:")
    problems = problems_of(text)
    unknown = [p for p in problems if p.field == "secetary"]
    assert len(unknown) == 1, [str(p) for p in problems]
    assert_located(unknown[0])
    assert unknown[0].line == line_of(text, "secetary:")
    assert unknown[0].column == 1
    assert "secretary" in (unknown[0].hint or "")
    assert "did you mean" in str(unknown[0]) or "có phải" in str(unknown[0]).lower()


def test_unknown_nested_key_suggests_from_its_own_model(state_text: str) -> None:
    text = state_text.replace("  parent: Ủy ban", "  parrent: Ủy ban")
    problems = problems_of(text)
    unknown = [p for p in problems if p.field == "organization.parrent"]
    assert unknown, [str(p) for p in problems]
    assert unknown[0].line == line_of(text, "parrent:")
    assert unknown[0].column == 3
    assert "parent" in (unknown[0].hint or "")


def test_wrong_type_text_for_number(state_text: str) -> None:
    text = state_text.replace("number: 5", "number: năm")
    problem = the_problem(text)
    assert_located(problem)
    assert problem.field == "number"
    assert problem.line == line_of(text, "number: năm")


def test_wrong_type_deep_in_a_list(meeting) -> None:
    data = meeting("party")
    data["agenda"][0]["votes"][0]["for"] = "năm"
    text = json.dumps(data, ensure_ascii=False, indent=2)
    problem = the_problem(text, "bad.json")
    assert_located(problem, "bad.json")
    assert problem.field == "agenda[1].votes[1].for"
    assert problem.line == line_of(text, '"for": "năm"')


def test_wrong_type_in_a_single_vote_mapping(state_text: str) -> None:
    """``votes:`` written as one mapping (not a list) still points at the wrong line itself."""
    text = state_text.replace("      for: 3", "      for: ba")
    problem = the_problem(text)
    assert_located(problem)
    assert problem.field is not None and problem.field.startswith("agenda[1].votes")
    assert problem.field.endswith("for")
    assert problem.line == line_of(text, "for: ba")


def test_impossible_date_is_reported_at_its_line(state_text: str) -> None:
    text = with_impossible_date(state_text)
    problem = the_problem(text)
    assert_located(problem)
    assert problem.field == "date"
    assert problem.line == line_of(text, f"date: {IMPOSSIBLE_DATE}")


def test_end_before_start(state_text: str) -> None:
    text = state_text.replace('end: "10:30"', 'end: "07:30"')
    problem = the_problem(text)
    assert_located(problem)
    assert problem.field == "end"
    assert problem.line == line_of(text, 'end: "07:30"')


def test_votes_exceeding_members_present(state_text: str) -> None:
    text = state_text.replace("      for: 3", "      for: 4")  # 3 people are present
    problem = the_problem(text)
    assert_located(problem)
    assert problem.field is not None and problem.field.startswith("agenda")
    assert "4" in problem.message and "3" in problem.message


def test_attendance_exceeding_total(meeting) -> None:
    data = meeting("party")
    data["members_present"] = 6  # of 5
    problem = the_problem(json.dumps(data, ensure_ascii=False), "bad.json")
    assert_located(problem, "bad.json")
    assert problem.field == "members_total"


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file(text: str) -> None:
    problem = the_problem(text)
    assert problem.file == "bad.yaml"
    assert problem.line == 1


@pytest.mark.parametrize("text", ["- profile: state\n- title: x\n", "[1, 2]\n"])
def test_top_level_list(text: str) -> None:
    problem = the_problem(text)
    assert problem.file == "bad.yaml"
    assert problem.line == 1
    assert "list" in problem.message.lower() or "danh sách" in problem.message.lower()


@pytest.mark.parametrize(
    "raw",
    [
        # TCVN3 (ABC): "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
        b"profile: state\ntitle: C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam\n",
        # Windows-1258: "Hà Nội", with the tone as a combining byte
        b"profile: state\nplace: H\xe0 N\xf4\xf2i\n",
    ],
    ids=["tcvn3", "windows-1258"],
)
def test_non_utf8_bytes_suggest_converting(raw: bytes, tmp_path: Path) -> None:
    problem = the_problem(raw)
    assert problem.file == "bad.yaml"
    assert problem.line == 2
    text = f"{problem.message} {problem.hint}".lower()
    assert "utf-8" in text
    assert "tcvn3" in text or "unikey" in text
    # the same through load(), from a file
    path = tmp_path / "old.yaml"
    path.write_bytes(raw)
    with pytest.raises(InputError) as caught:
        minutes.load(path)
    assert caught.value.problems[0].file == str(path)


def test_python_tags_construct_nothing(state_text: str, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    tag = f'!!python/object/apply:os.system ["touch {marker}"]'
    text = state_text.replace("title: Cuộc họp giao ban công tác tháng 8 năm 2025", f"title: {tag}")
    try:
        m = minutes.loads(text, "bad.yaml")
    except InputError as error:
        assert error.problems[0].field == "title"
    else:
        assert not isinstance(m.title, int)
    assert not marker.exists(), "a YAML tag ran code"


def test_python_tag_on_the_document_constructs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f'!!python/object/apply:os.system ["touch {marker}"]\n'
    with pytest.raises(InputError):
        minutes.loads(text, "bad.yaml")
    text = "!!python/object:builtins.object {}\n"
    with pytest.raises(InputError):
        minutes.loads(text, "bad.yaml")
    assert not marker.exists()


def test_duplicate_keys(state_text: str) -> None:
    text = state_text.replace("symbol: BB-UBND", "symbol: BB-UBND\nsymbol: BB-VP")
    problem = the_problem(text)
    assert_located(problem)
    assert problem.line == line_of(text, "symbol: BB-VP")
    assert "symbol" in problem.message


def test_all_problems_at_once_sorted_by_line(state_text: str) -> None:
    text = (
        with_impossible_date(state_text)
        .replace("number: 5", "number: năm")
        .replace("- title: Kết quả thu ngân sách tháng 7", '- title: ""')
    )
    problems = problems_of(text)
    assert [p.field for p in problems] == ["number", "date", "agenda[1].title"]
    assert [p.line for p in problems] == [
        line_of(text, "number: năm"),
        line_of(text, f"date: {IMPOSSIBLE_DATE}"),
        line_of(text, 'title: ""'),
    ]
    for problem in problems:
        assert_located(problem)
    error = InputError(problems)
    assert len(str(error).splitlines()) == 3


def test_problem_renders_as_file_line_column() -> None:
    problem = Problem("Expected a whole number.", "a.yaml", 6, 9, "number", "write digits")
    assert str(problem) == "a.yaml:6:9: number: Expected a whole number. (write digits)"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        minutes.load(tmp_path / "none.yaml")
    assert caught.value.problems[0].file == str(tmp_path / "none.yaml")
    with pytest.raises(InputError):
        minutes.load(tmp_path)


def test_input_error_is_a_minutes_error_and_a_value_error() -> None:
    with pytest.raises(minutes.MinutesError):
        minutes.loads("")
    with pytest.raises(ValueError):
        minutes.loads("")


# -- hostile input ------------------------------------------------------------------------------


def test_deep_nesting_is_an_input_error() -> None:
    """A 2 kB file of nested brackets is the user's mistake, not a crash (RecursionError)."""
    depth = 1000
    try:
        minutes.loads("data: " + "[" * depth + "]" * depth)
    except InputError:
        pass
    except RecursionError:
        pytest.fail("RecursionError escaped the loader (not an InputError)", pytrace=False)
    else:
        pytest.fail("a file without the required fields was accepted", pytrace=False)


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    """A few hundred bytes of nested YAML aliases ("billion laughs") must not expand into 10⁸
    values: the loader refuses it (or at least does not expand it) within seconds. Run in a
    child process so a loader that does expand is killed, not the test run."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 8):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]")
    lines.append("data: {x: *a7}")
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert bomb.stat().st_size < 1000
    code = (
        "import sys, minutes\n"
        "try:\n"
        "    minutes.load(sys.argv[1])\n"
        "except minutes.InputError:\n"
        "    print('refused')\n"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", code, str(bomb)], capture_output=True, text=True, timeout=5
        )
    except subprocess.TimeoutExpired:
        pytest.fail("loading 10⁸ aliased values took more than 5 s")
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "refused"


# -- what the profile asks of the meeting ----------------------------------------------------------


def test_a_word_wider_than_its_header_cell_is_said_not_printed_cut() -> None:
    """No line break can hold a word wider than the cell: the clerk hears of it at its line."""
    text = MINIMAL_STATE.read_text(encoding="utf-8")
    wide = text.replace(
        "  name: Ủy ban nhân dân phường Hoàn Kiếm",
        "  name: Ủy ban nhân dân phường HOÀNKIẾMHOÀNKIẾMHOÀNKIẾMHOÀN",
    )
    with pytest.raises(InputError) as caught:
        minutes.loads(wide, "wide.yaml")
    (problem,) = caught.value.problems
    assert (problem.field, problem.line) == ("organization.name", 4)
    assert "wider than its cell (60.5 mm)" in problem.message
    # the longest names of real bodies fit: they break between words
    long_name = text.replace(
        "  name: Ủy ban nhân dân phường Hoàn Kiếm",
        "  name: Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn phường Hoàn Kiếm",
    )
    assert minutes.loads(long_name).organization.name.startswith("Ban Chỉ huy")
