"""Shared by the tests of broken and hostile input (test_bad_inputs, test_fuzz, test_security,
test_threads): reading the text back out of a rendered DOCX and PDF, as a reader's tools do."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import pypdf
from docx.oxml.ns import qn

BAD_INPUTS = Path(__file__).resolve().parent / "bad_inputs"


def squash(text: str) -> str:
    """``text`` without any whitespace: PDF extraction breaks lines where the layout did."""
    return "".join(text.split())


def docx_paragraphs(data: bytes) -> list[str]:
    """The text of every paragraph of a DOCX body, tables included, in document order (python-docx
    for the file, the XML for the runs: ``w:t`` text, ``w:br`` and ``w:tab`` as line breaks)."""
    document = docx.Document(io.BytesIO(data))
    texts = []
    for paragraph in document.element.body.iter(qn("w:p")):
        parts = []
        for node in paragraph.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
            parts.append(node.text or "" if node.tag == qn("w:t") else "\n")
        texts.append("".join(parts))
    return texts


def docx_text(data: bytes) -> str:
    return "\n".join(docx_paragraphs(data))


def pdf_text(data: bytes) -> str:
    """All the text of a PDF, as pypdf extracts it."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdf_body_text(data: bytes) -> str:
    """The text of a PDF without its page numbers, so a paragraph that runs over a page break
    reads on without a stray ``2`` inside it. WeasyPrint draws the page number (a margin box)
    after the page's content: it is the page's last line that is just its number (an earlier
    such line may be a table's row number)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        lines = (page.extract_text() or "").split("\n")
        for index in range(len(lines) - 1, -1, -1):
            if lines[index].strip() == str(number):
                del lines[index]
                break
        pages.append("\n".join(lines))
    return "\n".join(pages)


def pdf_pages(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def poppler_text(data: bytes) -> str | None:
    """All the text of a PDF as poppler's ``pdftotext`` reads it (``None`` without poppler).

    WeasyPrint writes a font with a glyph no embedded font has (an emoji ZWJ sequence, a flag)
    with a custom CMap; poppler reads it, pypdf and pdfminer do not (they see one-byte codes).
    """
    if shutil.which("pdftotext") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.pdf"
        path.write_bytes(data)
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            check=True,
            timeout=60,
        )
    return result.stdout.decode("utf-8")
