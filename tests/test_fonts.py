"""The fonts the PDF embeds (``minutes/vocabulary.py``, ``MINUTES_FONTS``): named for what they
are, a licensed Times New Roman when the clerk names its folder, the same lines either way, and
a set-up message for a folder without the files."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest
from cli_support import run_main
from conftest import MINIMAL_STATE, pdf_fonts

import minutes
from minutes import vocabulary
from minutes.check import check_bytes
from minutes.errors import SetupError
from minutes.resources import FONTS_ENVIRONMENT, fonts_dir
from minutes.vocabulary import FONT_FILES, TIMES_FILES, font_family, font_files

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(scope="module")
def times_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stand-in for the clerk's licensed Times New Roman (which cannot be shipped): Liberation
    Serif under Windows's file names, its name table saying Times New Roman 7.00."""
    from fontTools.ttLib import TTFont

    folder = tmp_path_factory.mktemp("times")
    for face, name in FONT_FILES.items():
        font = TTFont(str(fonts_dir() / name))
        for record in font["name"].names:
            if record.nameID in (1, 16):
                record.string = "Times New Roman"
            elif record.nameID == 5:
                record.string = "Version 7.00"
        font.save(str(folder / TIMES_FILES[face].upper()))  # any case, as Windows shows them
    return folder


def _base_fonts(pdf: bytes) -> set[str]:
    return {font["name"].split("+")[-1] for font in pdf_fonts(pdf)}


def _lines(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [line for page in document.pages for line in (page.extract_text() or "").split("\n")]


def test_the_fonts_of_minutes_say_what_they_are() -> None:
    assert font_family(fonts_dir() / FONT_FILES[("normal", "normal")]) == "Liberation Serif v2.1.5"
    assert font_files(fonts_dir()) == FONT_FILES


def test_what_a_font_file_says_is_kept_by_its_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, times_folder: Path
) -> None:
    """A fresh process reads the name, widths and line metrics from the cache instead of
    fontTools; another file under the same name (a clerk's Times New Roman) has its own entry,
    and a broken entry is measured again."""
    monkeypatch.setenv("MINUTES_CACHE_DIR", str(tmp_path))
    regular = fonts_dir() / FONT_FILES[("normal", "normal")]
    measured = vocabulary._measured(regular.read_bytes(), regular.stem)
    assert measured.units == 2048 and measured.widths[ord("ạ")] == measured.widths[ord("a")]
    vocabulary.font_facts.cache_clear()
    assert vocabulary.font_facts(regular) == measured
    (entry,) = (tmp_path / "font-facts").iterdir()
    vocabulary.font_facts.cache_clear()
    real_measured = vocabulary._measured
    monkeypatch.setattr(vocabulary, "_measured", None)  # not called: read back
    assert vocabulary.font_facts(regular) == measured
    monkeypatch.setattr(vocabulary, "_measured", real_measured)
    times = vocabulary.font_facts(times_folder / TIMES_FILES[("normal", "normal")].upper())
    assert times.family == "Times New Roman v7.00" and times.widths == measured.widths
    assert len(list((tmp_path / "font-facts").iterdir())) == 2
    entry.write_text('{"family": 1}')
    vocabulary.font_facts.cache_clear()
    assert vocabulary.font_facts(regular) == measured
    vocabulary.font_facts.cache_clear()


def test_a_licensed_times_new_roman_is_embedded_when_its_folder_is_named(
    times_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = minutes.load(MINIMAL_STATE)
    ours = minutes.Renderer().render_pdf(meeting)
    monkeypatch.setenv(FONTS_ENVIRONMENT, str(times_folder))
    theirs = minutes.Renderer().render_pdf(meeting)
    assert _base_fonts(theirs) == {
        f"Times-New-Roman-v7.00{face}" for face in ("", "-Bold", "-Italic", "-Bold-Italic")
    }
    assert _lines(theirs) == _lines(ours)  # the same widths: the same lines
    report = check_bytes(theirs, name="bien-ban.pdf")
    family = next(r for r in report.results if r.rule.id == "font.family")
    assert family.measured == ["Times New Roman"] and family.status.value == "pass"
    assert not report.failures


def test_a_folder_without_the_fonts_is_a_set_up_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "times.ttf").write_bytes(b"")  # one of the four is not enough
    monkeypatch.setenv(FONTS_ENVIRONMENT, str(tmp_path))
    with pytest.raises(SetupError, match="lacks the four font files"):
        minutes.Renderer().render_pdf(minutes.load(MINIMAL_STATE))
    run = run_main(capsys, "render", MINIMAL_STATE, "-o", tmp_path / "out", "--lang", "en")
    assert run.code != 0
    assert "timesbd.ttf" in run.err and FONTS_ENVIRONMENT in run.err
    assert "Traceback" not in run.err and not (tmp_path / "out").exists()
