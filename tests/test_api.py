"""The public face: the library functions, the Renderer, and the command line."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from conftest import (
    FLAGSHIP,
    MINIMAL_PARTY,
    MINIMAL_STATE,
    ROOT,
    RenderedDocx,
    with_impossible_date,
)

import minutes
from minutes import InputError, Renderer


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)


def pdf_pages(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def docx_text(data: bytes) -> str:
    return " ".join(RenderedDocx(data).paragraph_texts())


# -- library ---------------------------------------------------------------------------------------


def test_load_and_loads_agree() -> None:
    from_path = minutes.load(MINIMAL_PARTY)
    from_text = minutes.loads(MINIMAL_PARTY.read_text(encoding="utf-8"))
    assert from_path.model_dump() == from_text.model_dump()
    assert from_path.source == str(MINIMAL_PARTY)
    assert from_text.source == "<input>"


def test_render_pdf_returns_a_pdf(outputs) -> None:
    data = minutes.render_pdf(outputs.minutes(MINIMAL_STATE))
    assert data.startswith(b"%PDF-")
    assert "BIÊN BẢN" in pdf_text(data)
    assert "Số: 05/BB-UBND" in pdf_text(data)


def test_render_docx_returns_a_docx(outputs) -> None:
    data = minutes.render_docx(outputs.minutes(MINIMAL_PARTY))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "word/document.xml" in package.namelist()
    assert "Số 12-BB/ĐU" in docx_text(data)


@pytest.mark.parametrize(
    ("name", "magic"), [("a.pdf", b"%PDF-"), ("b.docx", b"PK"), ("c.PDF", b"%PDF-")]
)
def test_write_picks_the_format_from_the_suffix(
    outputs, tmp_path: Path, name: str, magic: bytes
) -> None:
    target = tmp_path / "out" / name
    written = minutes.write(outputs.minutes(MINIMAL_STATE), target)
    assert Path(written) == target
    assert target.read_bytes().startswith(magic)
    assert sorted(p.name for p in target.parent.iterdir()) == [name]


def test_write_accepts_a_string_path(outputs, tmp_path: Path) -> None:
    minutes.write(outputs.minutes(MINIMAL_STATE), str(tmp_path / "x.docx"))
    assert (tmp_path / "x.docx").is_file()


@pytest.mark.parametrize("name", ["bien-ban.txt", "bien-ban", "bien-ban.odt", "bien-ban.pdf.bak"])
def test_write_refuses_an_unknown_suffix(outputs, tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError) as caught:
        minutes.write(outputs.minutes(MINIMAL_STATE), tmp_path / name)
    assert caught.value.problems[0].file == str(tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_write_replaces_a_file_atomically(outputs, tmp_path: Path) -> None:
    target = tmp_path / "bien-ban.pdf"
    target.write_bytes(b"old")
    minutes.write(outputs.minutes(MINIMAL_STATE), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["bien-ban.pdf"]
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


def test_a_failed_render_leaves_no_file(meeting, tmp_path: Path) -> None:
    import json

    data = meeting("state")
    data["agenda"][0]["content"] = "{{ data.nothing }}"
    m = minutes.loads(json.dumps(data, ensure_ascii=False))
    target = tmp_path / "bien-ban.pdf"
    target.write_bytes(b"old")
    with pytest.raises(minutes.TemplateDataError):
        minutes.write(m, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["bien-ban.pdf"]


def test_pdf_variant(outputs) -> None:
    data = minutes.render_pdf(outputs.minutes(MINIMAL_PARTY), variant="pdf/a-2b")
    xmp = pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]["/Metadata"].get_object()
    assert b"pdfaid:part" in xmp.get_data()
    with pytest.raises(minutes.MinutesError):
        minutes.render_pdf(outputs.minutes(MINIMAL_PARTY), variant="pdf/x-9")


def test_renderer_is_reusable(outputs) -> None:
    renderer = Renderer()
    state, party = outputs.minutes(MINIMAL_STATE), outputs.minutes(MINIMAL_PARTY)
    first = renderer.render_pdf(state)
    second = renderer.render_pdf(party)
    again = renderer.render_pdf(state)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pdf_text(first)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pdf_text(second)
    assert pdf_text(again) == pdf_text(first)
    assert pdf_pages(again) == pdf_pages(first)
    reused = docx_text(renderer.render_docx(party))  # after three PDFs of two profiles
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in reused and "CỘNG HÒA" not in reused
    assert reused == docx_text(Renderer().render_docx(party))  # as a fresh renderer makes it
    assert renderer.render(state, "docx").startswith(b"PK")
    with pytest.raises(InputError):
        renderer.render(state, "odt")  # type: ignore[arg-type]


def test_renderer_from_threads(outputs) -> None:
    from concurrent.futures import ThreadPoolExecutor

    renderer = Renderer()
    items = [outputs.minutes(MINIMAL_STATE), outputs.minutes(MINIMAL_PARTY)] * 2
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(renderer.render_pdf, items))
    texts = [pdf_text(r) for r in results]
    assert texts[0] == texts[2] and texts[1] == texts[3]
    assert "CỘNG HÒA" in texts[0] and "ĐẢNG CỘNG SẢN" in texts[1]


# -- command line ----------------------------------------------------------------------------------


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "MINUTES_DEBUG"}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def console_script() -> str:
    script = Path(sys.executable).parent / "minutes"
    if not script.is_file():
        pytest.skip("the `minutes` console script is not installed (pip install -e .)")
    return str(script)


@pytest.mark.parametrize("how", ["module", "script"])
def test_render_command_writes_both_files(tmp_path: Path, how: str) -> None:
    command = [sys.executable, "-m", "minutes"] if how == "module" else [console_script()]
    result = run([*command, "render", str(FLAGSHIP), "-o", str(tmp_path)], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    stem = FLAGSHIP.stem
    pdf, docx_file = tmp_path / f"{stem}.pdf", tmp_path / f"{stem}.docx"
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert docx_file.read_bytes().startswith(b"PK")
    assert "Số 100-BB/TU" in pdf_text(pdf.read_bytes())
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([pdf.name, docx_file.name])


def test_bad_file_exits_1_with_a_message_and_no_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = with_impossible_date(MINIMAL_STATE.read_text(encoding="utf-8"))
    bad.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "minutes", "render", str(bad), "-o", str(out)]
    result = run(command, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("date:"))
    assert f"bad.yaml:{line}:" in result.stderr
    assert "date" in result.stderr
    assert not out.exists() or list(out.iterdir()) == []
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.docx"))
    assert not list(tmp_path.rglob("*.part"))


def test_missing_file_exits_1(tmp_path: Path) -> None:
    result = run([sys.executable, "-m", "minutes", "render", "nowhere.yaml"], cwd=tmp_path)
    assert result.returncode == 1
    assert "nowhere.yaml" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []
