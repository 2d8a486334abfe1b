"""``minutes validate``: every problem of every file, each with where it is and how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import (
    EXAMPLES,
    MINIMAL_PARTY,
    MINIMAL_STATE,
    broken_copy,
    copy_meetings,
    default_language,  # noqa: F401  (an autouse fixture)
    line_of,
    run_main,
    run_process,
)

from minutes.paths import field_tuple
from minutes.validate import validate_file, validate_text


def test_valid_files_pass(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_main(capsys, "validate", *EXAMPLES, MINIMAL_STATE, MINIMAL_PARTY)
    assert run.code == 0, run.out
    assert run.out.count(": hợp lệ") == len(EXAMPLES) + 2
    assert f"Đã kiểm tra {len(EXAMPLES) + 2} tệp" in run.out


def test_reports_every_problem_with_its_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = broken_copy(MINIMAL_STATE, tmp_path / "hong.yaml")
    run = run_main(capsys, "validate", bad)
    assert run.code == 1
    lines = [line for line in run.out.splitlines() if line.startswith(str(bad))]
    assert len(lines) == 3, run.out  # the typo, the missing field it leaves, the date
    typo = f"{bad}:{line_of(bad, 'secetary:')}:1: secetary: Trường không hợp lệ: `secetary`."
    assert any(line.startswith(typo) for line in lines), lines
    assert any("(có phải ý bạn là `secretary`?)" in line for line in lines)
    assert any(": secretary: Thiếu trường bắt buộc." in line for line in lines)
    date_line = f"{bad}:{line_of(bad, 'date:')}:"
    assert any(line.startswith(date_line) and "Ngày tháng không hợp lệ" in line for line in lines)
    assert "1 tệp có lỗi (tổng cộng 3 lỗi)" in run.out


def test_reports_every_bad_expression(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = MINIMAL_STATE.read_text(encoding="utf-8")
    text = text.replace("money('triệu đồng')", "money('triệu')")
    text = text.replace(
        "title: Kết quả thu ngân sách tháng 7", "title: Kết quả {{ data.khong_co }} tháng 7"
    )
    text = text.replace("location: Phòng họp", "location: Phòng {{ 1 / 0 }} họp")
    bad = tmp_path / "bieu-thuc.yaml"
    bad.write_text(text, encoding="utf-8")
    problems = validate_file(bad)
    assert [p.field for p in problems] == ["location", "agenda[1].title", "agenda[1].content"]
    assert [p.line for p in problems] == [  # each at its field's line
        line_of(bad, "{{ 1 / 0 }}"),
        line_of(bad, "{{ data.khong_co }}"),
        line_of(bad, "content:"),
    ]
    run = run_main(capsys, "--lang", "en", "validate", bad)
    assert run.code == 1
    assert "Unknown name in expression" in run.out
    assert "names come from `data` or the meeting's fields" in run.out


def test_field_problems_and_expression_problems_together(tmp_path: Path) -> None:
    """A misspelt field does not hide a bad expression: both come in one run."""
    bad = broken_copy(MINIMAL_STATE, tmp_path / "hong.yaml")
    text = bad.read_text(encoding="utf-8").replace("data.thu_ngan_sach", "data.thu_ngan_sac")
    bad.write_text(text, encoding="utf-8")
    problems = validate_file(bad)
    assert [p.field for p in problems] == ["secretary", "date", "secetary", "agenda[1].content"]
    assert problems[-1].line == line_of(bad, "content:")


def test_folders_patterns_and_missing_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copy_meetings(tmp_path / "in", {"a.yaml": MINIMAL_STATE, "sub/b.yml": MINIMAL_PARTY})
    broken_copy(MINIMAL_PARTY, tmp_path / "in" / "sub" / "c.yaml")
    (tmp_path / "in" / "ghi-chu.txt").write_text("không phải biên bản", encoding="utf-8")
    run = run_main(capsys, "validate", tmp_path / "in", tmp_path / "khong-co.yaml")
    assert run.code == 1
    assert f"{tmp_path / 'in' / 'a.yaml'}: hợp lệ" in run.out
    assert f"{tmp_path / 'in' / 'sub' / 'b.yml'}: hợp lệ" in run.out
    assert f"{tmp_path / 'khong-co.yaml'}: Không tìm thấy tệp." in run.out
    assert "ghi-chu.txt" not in run.out
    assert "Đã kiểm tra 4 tệp: 2 tệp hợp lệ, 2 tệp có lỗi" in run.out


def test_standard_input(tmp_path: Path) -> None:
    import subprocess
    import sys

    from cli_support import ROOT, process_env

    done = subprocess.run(
        [sys.executable, "-m", "minutes", "validate", "-"],
        input=MINIMAL_PARTY.read_text(encoding="utf-8").replace("symbol: BB/ĐU", "symbol: BB ĐU"),
        capture_output=True,
        text=True,
        env=process_env(),
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 1
    assert "<stdin>:" in done.stdout and "Ký hiệu không được có dấu cách." in done.stdout


def test_english_through_the_real_entry_point(tmp_path: Path) -> None:
    bad = broken_copy(MINIMAL_STATE, tmp_path / "bad.yaml")
    run = run_process("validate", bad, lang="en_US.UTF-8")
    assert run.code == 1
    assert "Unknown field `secetary`. (did you mean `secretary`?)" in run.out
    assert "This field is required but missing." in run.out
    assert "Traceback" not in run.err


def test_not_yaml_at_all(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    legacy = tmp_path / "tcvn3.yaml"
    legacy.write_bytes(b"title: B\xb8o c\xb8o\n")  # "Báo cáo" in TCVN3 (ABC), not UTF-8
    tabs = tmp_path / "tabs.yaml"
    tabs.write_text("profile: state\norganization:\n\tname: X\n", encoding="utf-8")
    run = run_main(capsys, "validate", legacy, tabs)
    assert run.code == 1
    assert "Tệp không phải văn bản mã UTF-8" in run.out
    assert "Lỗi cú pháp YAML" in run.out and "dấu cách" in run.out


@pytest.mark.parametrize(
    ("field", "path"),
    [
        ("agenda[2].content", ("agenda", 1, "content")),
        ("attendees[1].line", ("attendees", 0, "line")),
        ("title", ("title",)),
        (None, None),
    ],
)
def test_field_paths_read_back(field: str | None, path: tuple[str | int, ...] | None) -> None:
    assert field_tuple(field) == path


def test_validate_text_accepts_the_starters() -> None:
    from minutes.starter import starter

    assert validate_text(starter("state")) == []
    assert validate_text(starter("party")) == []
