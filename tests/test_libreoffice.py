"""A real client: LibreOffice opens each DOCX and lays it out as we do.

All the DOCX files are converted in one ``soffice`` run for the whole session (the
``libreoffice_pdfs`` fixture in conftest.py, shared with the conformance tests).
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from conftest import MM

pytestmark = pytest.mark.slow

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
A4_PT = (595.276, 841.890)
TOLERANCE_MM = 2.0


@pytest.fixture(scope="module")
def converted(libreoffice_pdfs: dict[Path, Path]) -> dict[Path, Path]:
    """``{input: the PDF LibreOffice made of our DOCX}`` (one run for the session: conftest)."""
    return libreoffice_pdfs


def test_libreoffice_converts_every_docx(converted: dict[Path, Path]) -> None:
    for pdf in converted.values():
        assert pdf.read_bytes().startswith(b"%PDF")


def test_page_count_within_one_of_ours(source: Path, converted, outputs) -> None:
    with pdfplumber.open(converted[source]) as theirs:
        pages = len(theirs.pages)
    ours = len(outputs.pdf(source).pages)
    assert abs(pages - ours) <= 1, f"LibreOffice {pages} pages, we {ours}"


def test_a4_and_text_inside_our_margins(source: Path, converted, outputs) -> None:
    page_box = outputs.profile(source).page
    left, right = page_box.margin_left_mm, page_box.width_mm - page_box.margin_right_mm
    top, bottom = page_box.margin_top_mm, page_box.height_mm - page_box.margin_bottom_mm
    outside = []
    with pdfplumber.open(converted[source]) as theirs:
        for number, page in enumerate(theirs.pages, start=1):
            assert page.width == pytest.approx(A4_PT[0], abs=0.5)
            assert page.height == pytest.approx(A4_PT[1], abs=0.5)
            in_top_margin = []
            for char in page.chars:
                if not char["text"].strip():
                    continue
                x0, x1 = char["x0"] / MM, char["x1"] / MM
                y0, y1 = char["top"] / MM, char["bottom"] / MM
                if y1 <= top + TOLERANCE_MM and y0 < top - TOLERANCE_MM:
                    in_top_margin.append(char)
                    continue
                if (
                    x0 < left - TOLERANCE_MM
                    or x1 > right + TOLERANCE_MM
                    or y0 < top - TOLERANCE_MM
                    or y1 > bottom + TOLERANCE_MM
                ):
                    outside.append(f"p{number} {char['text']!r} x {x0:.1f}–{x1:.1f} y {y0:.1f}")
            in_top_margin.sort(key=lambda c: c["x0"])
            number_text = "".join(c["text"] for c in in_top_margin)
            assert number_text == ("" if number == 1 else str(number)), f"page {number}"
            if in_top_margin:
                centre = (in_top_margin[0]["x0"] + in_top_margin[-1]["x1"]) / 2 / MM
                assert centre == pytest.approx((left + right) / 2, abs=TOLERANCE_MM)
    assert not outside, outside[:10]


def test_libreoffice_shows_our_words(source: Path, converted, outputs) -> None:
    """LibreOffice shows the same words as our PDF, none lost and none added (compared as a
    multiset: LibreOffice draws table borders in pieces that pdfplumber does not always join into
    cells, so the order inside a table is not compared here; test_docx compares the order)."""
    with pdfplumber.open(converted[source]) as theirs:
        limit = outputs.profile(source).page.margin_top_mm * MM - TOLERANCE_MM * MM
        text = " ".join(
            page.filter(
                lambda o: o.get("object_type") != "char" or o["top"] >= limit
            ).extract_text()
            for page in theirs.pages
        )
    ours = Counter(outputs.pdf(source).reading_words())
    shown = Counter(text.split())
    assert shown - ours == Counter(), "words LibreOffice shows that our PDF does not"
    assert ours - shown == Counter(), "words of our PDF that LibreOffice does not show"
