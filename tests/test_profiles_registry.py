"""Where profiles come from (``minutes/profiles/registry.py``): a family's member by the date,
an office's profile file that extends a built-in one and changes values with no change to the
code, ``MINUTES_PROFILES``, and the problems of a profile file at its own line."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run_main
from conftest import MINIMAL_STATE
from hostile import docx_text

import minutes
from minutes import InputError
from minutes.check import check_bytes
from minutes.load import Limits
from minutes.profiles import ENVIRONMENT, families, profile_names, resolve

pytestmark = pytest.mark.usefixtures("english")

PARTY = (Path(__file__).parent / "data" / "minimal-party.yaml").read_text(encoding="utf-8")


def _dated(text: str, date: str) -> str:
    """``text`` with its meeting (date and start) moved to ``date``."""
    return text.replace("date: 2025-09-05", f"date: {date}").replace(
        "start: 2025-09-05 14:00", f"start: {date} 14:00"
    )


# -- a family: the rules in force on the meeting's date --------------------------------------------


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2018-05-10", "party-2018"),
        ("2025-09-05", "party-2018"),
        ("2026-05-26", "party-2018"),  # the day before HD 05
        ("2026-05-27", "party-2026"),
        ("2026-07-15", "party-2026"),
        ("2016-01-04", "party-2018"),  # before them all: the nearest rules in time
    ],
)
def test_party_means_the_rules_in_force_on_the_date(date: str, expected: str) -> None:
    meeting = minutes.loads(_dated(PARTY, date))
    assert meeting.profile == "party"
    assert meeting.format_profile.id == expected


def test_the_party_family_has_both_texts_newest_first() -> None:
    assert [p.id for p in families()["party"]] == ["party-2026", "party-2018"]
    assert {"state", "party", "party-2018", "party-2026"} <= set(profile_names())


def test_a_family_without_a_date_is_its_newest_member() -> None:
    assert resolve("party").id == "party-2026"


# -- an office's own profile: a file that extends a built-in one -----------------------------------

HOUSE = """\
# A company's own layout: the State's, with a wider left margin, 13 pt body and its own words.
extends: state
id: cong-ty-abc
version: "2026"
name: "Biên bản của Công ty ABC"
page:
  margin_left_mm: 35
  source: "Quy chế văn thư của Công ty ABC, Điều 5"
layout:  # 5 mm less text width: the cells narrow with it
  header_left_mm: 60
  header_right_mm: 100
  signature_left_mm: 80
  signature_right_mm: 80
roles:
  body:
    size_pt: 13
wording:
  vote_abstain: "không có ý kiến"
"""


def _office(tmp_path: Path, profile: str = HOUSE) -> Path:
    """A meeting of the State's minimal example in ``tmp_path``, naming ``ho-so/abc.yaml``."""
    (tmp_path / "ho-so").mkdir()
    (tmp_path / "ho-so" / "abc.yaml").write_text(profile, encoding="utf-8")
    text = MINIMAL_STATE.read_text(encoding="utf-8").replace(
        "profile: state", "profile: ho-so/abc.yaml"
    )
    text = text.replace("      for: 3\n", "      for: 2\n      abstain: 1\n")
    meeting = tmp_path / "hop.yaml"
    meeting.write_text(text, encoding="utf-8")
    return meeting


def test_a_copied_profile_with_changes_renders_and_is_checked(tmp_path: Path) -> None:
    """No code knows the office's profile: its file alone changes the margin, the body size and
    a vote word, in both writers, and ``minutes check`` measures the PDF against that file."""
    path = _office(tmp_path)
    meeting = minutes.load(path)
    profile = meeting.format_profile
    assert (profile.id, profile.page.margin_left_mm, profile.role("body").size_pt) == (
        "cong-ty-abc",
        35,
        13,
    )
    assert profile.page.margin_top_mm == 20  # what it does not say is the State's
    renderer = minutes.Renderer()
    pdf, docx = renderer.render_pdf(meeting), renderer.render_docx(meeting)
    assert "1 không có ý kiến" in docx_text(docx)

    house = check_bytes(pdf, profile=str(tmp_path / "ho-so" / "abc.yaml"), name="hop.pdf")
    assert house.profile.id == "cong-ty-abc"
    assert not house.failures, [f"{r.rule.id}: {r.measured}" for r in house.failures]
    left = next(r for r in house.results if r.rule.id == "page.margin-left")
    assert left.measured is not None and abs(float(left.measured) - 35) < 0.6

    # against the State's own columns, the signatures the file moved are out of place
    state = check_bytes(pdf, profile="state", name="hop.pdf")
    assert {"signer-title.align", "signer-name.align"} <= {r.rule.id for r in state.failures}


def test_a_profile_file_named_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _office(tmp_path)
    out = tmp_path / "out"
    assert run_main(capsys, "render", path, "-o", out, "--format", "pdf").code == 0
    checked = run_main(capsys, "check", out / "hop.pdf", "--profile", tmp_path / "ho-so/abc.yaml")
    assert checked.code == 0, checked.out + checked.err
    assert "cong-ty-abc" in checked.out


def test_a_problem_in_a_profile_file_is_at_its_line(tmp_path: Path) -> None:
    path = _office(tmp_path, HOUSE.replace("size_pt: 13", "size_pt: mười ba"))
    with pytest.raises(InputError) as caught:
        minutes.load(path)
    problem = caught.value.problems[0]
    profile_text = HOUSE.splitlines()
    assert problem.file == str(tmp_path / "ho-so" / "abc.yaml")
    assert problem.line == profile_text.index("    size_pt: 13") + 1
    assert problem.field == "roles.body.size_pt"


MISTAKES = (
    HOUSE.replace("margin_left_mm: 35", "margn_left_mm: 35")
    .replace("size_pt: 13", "size_pt: mười ba")
    .replace("header_left_mm: 60", "header_left_mm: 60\n  colour: blue")
    + "  body_style: statee\n"
)
"""An office's profile with four mistakes a clerk makes: a misspelt field, words for a number, a
field no layout has, a choice that is not offered."""


def test_the_problems_of_a_profile_say_what_to_write(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        minutes.load(_office(tmp_path, MISTAKES))
    said = {(p.field, p.message, p.hint) for p in caught.value.problems}
    assert said == {
        ("page.margn_left_mm", "Unknown field `margn_left_mm`.", "did you mean `margin_left_mm`?"),
        ("roles.body.size_pt", "Expected a number.", "e.g. 317.35"),
        (
            "layout.colour",
            "Unknown field `colour`.",
            "allowed fields: header_left_mm, header_right_mm, signature_left_mm, "
            "signature_right_mm, recipients_position, source",
        ),
        ("wording.body_style", "Must be one of: 'state' or 'party'.", None),
    }


def test_the_problems_of_a_profile_are_in_vietnamese_for_the_clerk(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run = run_main(capsys, "validate", "--lang", "vi", _office(tmp_path, MISTAKES))
    assert run.code == 1
    said = run.out  # validate lists the problems on its output
    assert "page.margn_left_mm: Trường không hợp lệ: `margn_left_mm`." in said
    assert "(có phải ý bạn là `margin_left_mm`?)" in said
    assert "roles.body.size_pt: Cần ghi một số." in said
    assert "body_style: Chỉ được ghi một trong các giá trị: 'state' hoặc 'party'." in said
    assert "Input should" not in said and "Extra inputs" not in said


def test_a_range_of_a_profile_is_checked_in_words(tmp_path: Path) -> None:
    backwards = HOUSE.replace("size_pt: 13", "size_pt: 13\n    size_range_pt: [14, 12]")
    with pytest.raises(InputError) as caught:
        minutes.load(_office(tmp_path, backwards))
    assert [p.message for p in caught.value.problems] == [
        "`size_range_pt`: the range 14–12 runs backwards."
    ]


def test_a_profile_that_extends_itself_is_refused(tmp_path: Path) -> None:
    path = _office(tmp_path, HOUSE.replace("extends: state", "extends: abc.yaml"))
    with pytest.raises(InputError, match="extends"):
        minutes.load(path)


def test_a_profile_that_extends_nothing_known_is_refused(tmp_path: Path) -> None:
    path = _office(tmp_path, HOUSE.replace("extends: state", "extends: stat"))
    with pytest.raises(InputError) as caught:
        minutes.load(path)
    problem = caught.value.problems[0]
    assert problem.file == str(tmp_path / "ho-so" / "abc.yaml") and problem.line == 2
    assert "stat" in problem.message


def test_columns_wider_than_the_page_are_refused(tmp_path: Path) -> None:
    narrow = HOUSE.replace("margin_left_mm: 35", "margin_left_mm: 35\n  margin_right_mm: 20")
    with pytest.raises(InputError, match="wider than the text width"):
        minutes.load(_office(tmp_path, narrow))


def test_an_unknown_profile_is_at_the_profile_line(tmp_path: Path) -> None:
    text = MINIMAL_STATE.read_text(encoding="utf-8").replace("profile: state", "profile: stat")
    with pytest.raises(InputError) as caught:
        minutes.loads(text, "hop.yaml")
    problem = caught.value.problems[0]
    assert (problem.file, problem.field) == ("hop.yaml", "profile")
    assert problem.line == text.splitlines().index("profile: stat") + 1
    assert "state" in (problem.hint or "") and "party-2026" in (problem.hint or "")


def test_a_host_for_strangers_reads_no_profile_file(tmp_path: Path) -> None:
    """The web app's limits: a profile is named, never a path on the server's disk."""
    path = _office(tmp_path)
    with pytest.raises(InputError, match="does not read profile files"):
        minutes.loads(path.read_text(encoding="utf-8"), str(path), Limits(profile_files=False))


# -- MINUTES_PROFILES: an office's folder, found by name -------------------------------------------


def test_an_office_folder_is_found_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "office"
    folder.mkdir()
    (folder / "cong-ty-abc.yaml").write_text(HOUSE, encoding="utf-8")
    (folder / "state.yaml").write_text(HOUSE.replace("id: cong-ty-abc", "id: state"), "utf-8")
    monkeypatch.setenv(ENVIRONMENT, str(folder))
    assert "cong-ty-abc" in profile_names()
    assert resolve("cong-ty-abc").page.margin_left_mm == 35
    assert resolve("state").page.margin_left_mm == 30  # a built-in name is not taken over
    listed = run_main(capsys, "profiles")
    assert listed.code == 0
    assert "cong-ty-abc" in listed.out and "office" in listed.out


def test_minutes_profiles_prints_a_profile_to_start_from(
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown = run_main(capsys, "profiles", "party-2026")
    assert shown.code == 0
    assert "extends: party-2026" in shown.out
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in shown.out
    listed = run_main(capsys, "profiles")
    for name in ("state", "party-2018", "party-2026"):
        assert name in listed.out
    assert "party-2018, party-2026" in listed.out  # the family, oldest first
