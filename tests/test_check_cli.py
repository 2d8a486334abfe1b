"""``minutes check``: a table (or JSON) of every rule, the profile it measured against and why,
and exit code 1 when a rule fails (advice fails a file only with ``--strict``)."""

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
    document.sections[0].left_margin = Mm(37)  # PL I, I.3 allows 30-35 mm
    bad = tmp_path / "le-sai.docx"
    document.save(str(bad))
    made["bad.docx"] = bad
    document = docx.Document(io.BytesIO(outputs.docx(STATE).data))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Địa điểm"))
    paragraph.add_run(" Sáng ngày 7/3/2018.")  # a date in the text without its zero: advice
    advised = tmp_path / "luu-y.docx"
    document.save(str(advised))
    made["advice.docx"] = advised
    return made


def test_a_good_file_passes_with_a_table(capsys, files) -> None:
    run = run_main(capsys, "--lang", "en", "check", files["state.pdf"])
    assert run.code == 0, run.out + run.err
    assert "profile state (told from the heading)" in run.out
    assert "Measured against: Văn bản hành chính (Nghị định 30/2020/NĐ-CP, Mẫu 1.9)" in run.out
    assert "(state, nd30-2020)" in run.out
    assert "told from the heading “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”" in run.out
    assert "dated 31/10/2025" in run.out
    for column in ("Rule", "Clause", "Expected", "Measured", "Result"):
        assert column in run.out
    assert "National title: weight" in run.out and "PL I, II.1.a" in run.out
    assert "12–13 pt (profile: 13)" in run.out  # the range of PL I, the profile's point in it
    assert " 0 failed, 0 advice" in run.out
    for internal in ("FORMAT-RULES", "ARCHITECTURE", "unconfirmed"):
        assert internal not in run.out


def test_a_broken_file_fails_with_exit_code_1(capsys, files) -> None:
    run = run_main(capsys, "--lang", "en", "check", files["bad.docx"])
    assert run.code == 1
    line = next(line for line in run.out.splitlines() if "Page: left margin" in line)
    assert "37 mm" in line and "fail" in line and "PL I, I.3" in line
    assert "1 failed" in run.out


def test_advice_is_shown_and_fails_only_with_strict(capsys, files) -> None:
    run = run_main(capsys, "--lang", "en", "check", files["advice.docx"])
    assert run.code == 0, run.out + run.err
    line = next(line for line in run.out.splitlines() if "Dates in the text: form" in line)
    assert "7/3/2018 → 07/3/2018" in line and "advice" in line
    assert "0 failed, 1 advice" in run.out
    assert "fails the file only with --strict" in run.out
    strict = run_main(capsys, "--lang", "en", "check", "--strict", files["advice.docx"])
    assert strict.code == 1
    data = json.loads(run_main(capsys, "check", "--json", files["advice.docx"]).out)
    assert data["passed"] is True and data["strict"] is False
    dates = next(r for r in data["reports"][0]["results"] if r["rule"] == "dates.form")
    assert dates["level"] == "advice" and dates["status"] == "advice"
    assert dates["clause"] == "PL I, II.4.b"


def test_vietnamese_by_default(capsys, files) -> None:
    run = run_main(capsys, "check", files["party.docx"])
    assert run.code == 0
    assert "Quy định" in run.out and "đạt" in run.out
    assert "Đo theo:" in run.out and "Hướng dẫn 36-HD/VPTW" in run.out
    advised = run_main(capsys, "check", files["advice.docx"])
    assert "lưu ý" in advised.out


def test_json_for_machines(capsys, files) -> None:
    run = run_main(capsys, "check", "--json", files["party.pdf"], files["bad.docx"])
    assert run.code == 1
    data = json.loads(run.out)
    assert data["passed"] is False
    party, bad = data["reports"]
    assert party["profile"] == "party-2018" and party["passed"] is True
    assert bad["profile"] == "state" and bad["counts"]["fail"] == 1
    failed = [r for r in bad["results"] if r["status"] == "fail"]
    assert failed[0]["rule"] == "page.margin-left"
    assert failed[0]["measured_value"] == pytest.approx(37.0, abs=0.01)
    assert failed[0]["expected_value"] == {
        "min": 30.0,
        "max": 35.0,
        "preferred": 30.0,
        "tolerance": 0.5,
        "unit": "mm",
    }
    assert party["measured_against"]["version"] == "hd36-2018"


def test_profile_option_overrides_the_heading(capsys, files) -> None:
    run = run_main(capsys, "check", "--json", "--profile", "party", files["state.pdf"])
    assert run.code == 1
    report = json.loads(run.out)["reports"][0]
    assert report["profile"] == "party-2018" and report["profile_detected"] is False


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
