"""Every error ends with where to read more, and so does ``minutes --help``: a clerk who meets a
message they do not understand is never left without the next place to look."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import (  # noqa: F401  (an autouse fixture)
    MINIMAL_STATE,
    broken_copy,
    default_language,
    run_main,
)

from minutes.cli import EXIT_INPUT, EXIT_INTERNAL, EXIT_USAGE


def last_line(text: str) -> str:
    return text.rstrip("\n").splitlines()[-1]


def test_help_ends_with_the_guides(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_main(capsys, "--help")
    assert run.code == 0
    tail = run.out.rstrip().splitlines()[-4:]
    assert tail == [
        "Xem thêm:",
        "  minutes LỆNH --help: từng lệnh, có ví dụ",
        "  docs/cli.md: đầy đủ mọi lệnh",
        "  docs/install-windows.md: cài đặt trên máy Windows (Python, DOCX, PDF)",
    ]
    assert "minutes serve" in run.out  # the form, for those who would rather not edit YAML


def test_help_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_main(capsys, "--help", "--lang", "en")
    assert last_line(run.out) == (
        "  docs/install-windows.md: setting up a Windows PC (Python, the DOCX, the PDF)"
    )
    assert "  minutes COMMAND --help: each command, with examples" in run.out


@pytest.mark.parametrize(
    ("args", "code", "command"),
    [
        (["rendr", "x.yaml"], EXIT_USAGE, "minutes"),  # an unknown command
        (["render"], EXIT_USAGE, "minutes render"),  # a missing argument
        (["batch", "x.yaml"], EXIT_USAGE, "minutes batch"),  # no -o
        (["render", "khong-co.yaml"], EXIT_INPUT, "minutes render"),  # no such file
        (["validate", "khong-co.yaml"], EXIT_INPUT, "minutes validate"),
        (["check", "khong-co.pdf"], EXIT_INPUT, "minutes check"),
    ],
)
def test_every_error_ends_with_where_to_read_more(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    args: list[str],
    code: int,
    command: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_main(capsys, *args)
    assert run.code == code
    assert last_line(run.err) == f"Xem thêm: {command} --help và hướng dẫn docs/cli.md"


def test_problems_in_a_file_end_with_where_to_read_more(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = broken_copy(MINIMAL_STATE, tmp_path / "sai.yaml")
    run = run_main(capsys, "render", bad, "-o", tmp_path / "out")
    assert run.code == EXIT_INPUT
    lines = run.err.rstrip().splitlines()
    assert any("secetary" in line for line in lines[:-1])
    assert lines[-1] == "Xem thêm: minutes render --help và hướng dẫn docs/cli.md"


def test_a_usage_error_after_parsing_ends_with_where_to_read_more(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "trong"
    empty.mkdir()
    run = run_main(capsys, "batch", empty, "-o", tmp_path / "out", "--lang", "en")
    assert run.code == EXIT_USAGE
    assert run.err.startswith("error: No .yaml, .yml or .json files found.")
    assert last_line(run.err) == "More: minutes batch --help, and the guide docs/cli.md"


def test_even_a_bug_ends_with_where_to_read_more(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_args: object, **_kwargs: object) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr("minutes.schema.schema_text", explode)
    run = run_main(capsys, "schema")
    assert run.code == EXIT_INTERNAL
    assert last_line(run.err) == "Xem thêm: minutes schema --help và hướng dẫn docs/cli.md"


def test_success_says_nothing_more(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run = run_main(capsys, "validate", MINIMAL_STATE)
    assert run.code == 0
    assert "Xem thêm" not in run.out + run.err
