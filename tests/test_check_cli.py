"""``minutes check``: a table (or JSON) of every rule, and exit code 1 when one fails."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from cli_support import default_language, run_main  # noqa: F401  (an autouse fixture)
from conftest import EXAMPLES, FLAGSHIP
from docx.shared import Mm

STATE = next(p for p in EXAMPLES if p.stem == "hop-ubnd-phuong-thang-10-2025")


@pytest.fixture
def files(outputs, tmp_path: Path) -> dict[str, Path]:
    """Our PDF and DOCX of the state example and the flagship, and a DOCX with a bad margin."""
    made = {}
    for name, source in (("state", STATE), ("party", FLAGSHIP)):
        for fmt in ("pdf", "docx"):
            path = tmp_path / f"{name}.{fmt}"
            rendered = outputs.pdf(source) if fmt == "pdf" else outputs.docx(source)
            path.write_bytes(rendered.data)
            made[f"{name}.{fmt}"] = path
    document = docx.Document(io.BytesIO(outputs.docx(STATE).data))
    document.sections[0].left_margin = Mm(35)
    bad = tmp_path / "le-sai.docx"
    document.save(str(bad))
    made["bad.docx"] = bad
    return made


def test_a_good_file_passes_with_a_table(capsys, files) -> None:
    run = run_main(capsys, "--lang", "en", "check", files["state.pdf"])
    assert run.code == 0, run.out + run.err
    assert "profile state (told from the heading)" in run.out
    for column in ("Rule", "Clause", "Expected", "Measured", "Result"):
        assert column in run.out
    assert "National title: weight" in run.out and "PL I, II.1.a" in run.out
    assert " 0 failed" in run.out


def test_a_broken_file_fails_with_exit_code_1(capsys, files) -> None:
    run = run_main(capsys, "--lang", "en", "check", files["bad.docx"])
    assert run.code == 1
    line = next(line for line in run.out.splitlines() if "Page: left margin" in line)
    assert "35 mm" in line and "fail" in line
    assert "1 failed" in run.out


def test_vietnamese_by_default(capsys, files) -> None:
    run = run_main(capsys, "check", files["party.docx"])
    assert run.code == 0
    assert "Quy tắc" in run.out or "đạt" in run.out


def test_json_for_machines(capsys, files) -> None:
    run = run_main(capsys, "check", "--json", files["party.pdf"], files["bad.docx"])
    assert run.code == 1
    data = json.loads(run.out)
    assert data["passed"] is False
    party, bad = data["reports"]
    assert party["profile"] == "party" and party["passed"] is True
    assert bad["profile"] == "state" and bad["counts"]["fail"] == 1
    failed = [r for r in bad["results"] if r["status"] == "fail"]
    assert failed[0]["rule"] == "page.margin-left"
    assert failed[0]["measured_value"] == pytest.approx(35.0, abs=0.01)
    assert failed[0]["expected_value"] == {"value": 30.0, "min": 29.5, "max": 30.5, "unit": "mm"}


def test_profile_option_overrides_the_heading(capsys, files) -> None:
    run = run_main(capsys, "check", "--json", "--profile", "party", files["state.pdf"])
    assert run.code == 1
    report = json.loads(run.out)["reports"][0]
    assert report["profile"] == "party" and report["profile_detected"] is False


def test_unreadable_files_are_reported_not_a_traceback(capsys, tmp_path: Path) -> None:
    text = tmp_path / "ghi-chu.txt"
    text.write_text("không phải PDF", encoding="utf-8")
    run = run_main(capsys, "--lang", "en", "check", text, tmp_path / "missing.pdf")
    assert run.code == 1
    assert "neither a PDF nor a DOCX" in run.err and "missing.pdf" in run.err
    assert "Traceback" not in run.err


def test_a_document_of_neither_family(capsys, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Một văn bản không có quốc hiệu.")
    path = tmp_path / "khac.docx"
    document.save(str(path))
    run = run_main(capsys, "--lang", "en", "check", path)
    assert run.code == 1
    assert "Cannot tell which format" in run.err and "--profile" in run.err


def test_help_has_examples(capsys) -> None:
    run = run_main(capsys, "check", "--help")
    assert run.code == 0
    assert run.out.startswith("cách dùng: minutes check")
    assert "Ví dụ:" in run.out and "\n  minutes check " in run.out
    english = run_main(capsys, "--lang", "en", "check", "--help")
    assert "Examples:" in english.out and "--json" in english.out and "--profile" in english.out
