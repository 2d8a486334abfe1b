"""Conformance: every example, in both formats, passes ``minutes check``; so does the PDF a real
client (LibreOffice) makes of our DOCX; the archival variants say what they are; and the same
input gives the same bytes.

Each example is rendered once per session (``outputs``, in conftest) and LibreOffice runs once for
all of them (``libreoffice``), with a throw-away profile.
"""

from __future__ import annotations

import io
import shutil
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pypdf
import pytest
from conftest import EXAMPLES

from minutes.check import Report, Status, check_bytes, rules_for
from minutes.check.pdf import measure_pdf, read_fonts

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
FORMATS = ("pdf", "docx")
GEOMETRY = ("page.", "font.")


pytestmark = pytest.mark.usefixtures("english")  # messages in English (conftest.py)


def rendered(outputs, example: Path, fmt: str, variant: str | None = None) -> bytes:
    return outputs.pdf(example, variant).data if fmt == "pdf" else outputs.docx(example).data


def allowed_not_checked(outputs, example: Path, report: Report) -> set[str]:
    """The rules an example may leave unchecked: those of an element it does not have (a parent
    body, a place and date line where the format makes it optional), those whose clause leaves
    the property open, and a PDF's bottom margin when no page is filled down to it."""
    rules = rules_for(report.profile, report.format)
    absent = set()
    if outputs.minutes(example).organization.parent is None:
        absent.add("parent-org")
    if not report.profile.wording.show_place_date:
        absent.add("place-date")
    if not any(signer.note for signer in outputs.minutes(example).signatures):
        absent.add("signer-note")  # printed only when the file asks for a note
    allowed = {r.id for r in rules if r.element in absent or not r.expect.judged}
    if report.format == "pdf" and report.pages == 1:
        allowed |= {"page-number.other-pages", "page-number.size"}
    if report.format == "pdf":
        allowed |= SEEN_ONLY_AS_BOUNDS
    return allowed


SEEN_ONLY_AS_BOUNDS = {"page.margin-bottom"}
"""A PDF shows its bottom margin only on a page filled down to it (pages end early where a block
is kept together): not checked otherwise, never passed."""


def failing(report: Report) -> list[str]:
    return [
        f"{r.rule.id}: expected {r.rule.expect.describe()}, measured "
        f"{r.rule.expect.show(r.measured)} ({r.where})"
        for r in report.failures
    ]


# -- our files -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_example_passes_every_rule(outputs, example: Path, fmt: str) -> None:
    report = check_bytes(rendered(outputs, example, fmt), name=example.name)
    assert report.profile.id == outputs.profile(example).id and report.profile_detected
    assert report.passed, failing(report)
    unchecked = {r.rule.id for r in report.results if r.status is Status.NOT_CHECKED}
    assert unchecked <= allowed_not_checked(outputs, example, report), unchecked
    assert sum(1 for r in report.results if r.status is Status.PASS) >= 75


# -- a real client ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def libreoffice(libreoffice_pdfs: dict[Path, Path]) -> dict[Path, bytes]:
    """``{example: the PDF LibreOffice makes of our DOCX}`` (one run for the session: conftest)."""
    return {example: libreoffice_pdfs[example].read_bytes() for example in EXAMPLES}


@pytest.mark.slow
def test_libreoffice_keeps_the_geometry(outputs, libreoffice, example: Path) -> None:
    """Page, margins, fonts and every element's size, as LibreOffice lays out our DOCX."""
    report = check_bytes(libreoffice[example], name=f"{example.stem} (LibreOffice)")
    assert report.profile.id == outputs.profile(example).id
    geometry = [
        r for r in report.results if r.rule.id.startswith(GEOMETRY) or r.rule.prop == "size"
    ]
    assert len(geometry) >= 20
    bad = [r for r in geometry if r.status is Status.FAIL]
    assert not bad, failing(report)
    ours = check_bytes(outputs.pdf(example).data)
    measured_by_us = {r.rule.id for r in ours.results if r.status is Status.PASS}
    unmeasured = {r.rule.id for r in geometry if r.status is Status.NOT_CHECKED}
    unmeasured -= SEEN_ONLY_AS_BOUNDS  # LibreOffice fills its pages otherwise
    assert not unmeasured & measured_by_us, unmeasured & measured_by_us


@pytest.mark.slow
def test_libreoffice_passes_the_other_rules_too(outputs, libreoffice, example: Path) -> None:
    """Beyond the geometry: weights, alignment, rules under the header lines, page numbers."""
    report = check_bytes(libreoffice[example])
    assert report.passed, failing(report)


@pytest.mark.slow
def test_libreoffice_shows_the_same_text_on_as_many_pages(
    outputs, libreoffice, example: Path
) -> None:
    profile = outputs.profile(example)
    theirs = measure_pdf(libreoffice[example], profile)
    ours = measure_pdf(outputs.pdf(example).data, profile)
    assert Counter(theirs.text.split()) == Counter(ours.text.split())
    assert abs(theirs.pages - ours.pages) <= 1, (theirs.pages, ours.pages)


# -- archival and accessible PDFs ------------------------------------------------------------------

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
PDFUAID = "{http://www.aiim.org/pdfua/ns/id/}"
DC = "{http://purl.org/dc/elements/1.1/}"


def xmp(reader: pypdf.PdfReader) -> ET.Element:
    data = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    return ET.fromstring(data.split("?>", 1)[1].rsplit("<?xpacket", 1)[0])


def xmp_title(root: ET.Element) -> str | None:
    """``dc:title``, the x-default entry of its ``rdf:Alt``."""
    for title in root.iter(f"{DC}title"):
        for item in title.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}li"):
            return item.text
    return None


def declared(root: ET.Element, name: str) -> list[str]:
    """An XMP property, whether written as an attribute or as an element."""
    found = [e.get(name) for e in root.iter() if e.get(name)]
    return [*(v for v in found if v), *(e.text or "" for e in root.iter(name))]


@pytest.mark.parametrize("variant", ["pdf/a-2b", "pdf/ua-1"])
def test_archival_variants_still_pass_the_check(outputs, example: Path, variant: str) -> None:
    report = check_bytes(outputs.pdf(example, variant).data)
    assert report.passed, failing(report)


def test_pdf_a_2b_identifies_itself(outputs, example: Path) -> None:
    data = outputs.pdf(example, "pdf/a-2b").data
    reader = pypdf.PdfReader(io.BytesIO(data))
    root = xmp(reader)
    assert declared(root, f"{PDFAID}part") == ["2"]
    assert declared(root, f"{PDFAID}conformance") == ["B"]
    assert reader.pdf_header in ("%PDF-1.4", "%PDF-1.5", "%PDF-1.6", "%PDF-1.7")
    catalog = reader.trailer["/Root"]
    intents = catalog["/OutputIntents"]
    assert len(intents) == 1
    intent = intents[0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3 and profile.get_data()[36:40] == b"acsp"  # an ICC profile, RGB
    assert reader.trailer.get("/ID"), "PDF/A needs a file identifier"
    assert not reader.is_encrypted
    fonts = read_fonts(data)
    assert fonts and all(font.embedded for font in fonts.values())
    assert xmp_title(root) == outputs.document(example).metadata.title


def structure(reader: pypdf.PdfReader) -> Counter[str]:
    """How many of each tag the structure tree holds."""
    tags: Counter[str] = Counter()

    def walk(node: Any) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, pypdf.generic.ArrayObject):
            for child in node:
                walk(child)
        elif isinstance(node, pypdf.generic.DictionaryObject):
            if "/S" in node:
                tags[str(node["/S"])] += 1
            if "/K" in node:
                walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"].get_object()["/K"])
    return tags


def test_pdf_ua_1_is_tagged(outputs, example: Path) -> None:
    data = outputs.pdf(example, "pdf/ua-1").data
    reader = pypdf.PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"]
    assert declared(xmp(reader), f"{PDFUAID}part") == ["1"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert xmp_title(xmp(reader)) == outputs.document(example).metadata.title
    assert catalog["/Lang"] == "vi"
    assert reader.metadata is not None and reader.metadata.title
    tags = structure(reader)
    assert tags["/Document"] == 1
    paragraphs = sum(1 for e in outputs.document(example).body.iter("p"))
    assert tags["/P"] >= paragraphs * 0.9, (tags["/P"], paragraphs)
    assert tags["/Table"] >= 2 and tags["/TR"] >= 2 and tags["/TD"] >= 4  # header, signatures
    assert "/ParentTree" in catalog["/StructTreeRoot"]
    assert all(font.embedded for font in read_fonts(data).values())
    plain = measure_pdf(outputs.pdf(example).data, outputs.profile(example))
    tagged = measure_pdf(data, outputs.profile(example))
    assert tagged.text == plain.text and tagged.pages == plain.pages


# -- the same input, the same bytes ----------------------------------------------------------------


def test_docx_is_byte_identical_under_source_date_epoch(
    outputs, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = EXAMPLES[0]
    meeting = outputs.minutes(example)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1520380800")  # 2018-03-07 00:00 UTC
    first = outputs.renderer.render_docx(meeting)
    second = outputs.renderer.render_docx(meeting)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        stamps = {info.date_time for info in archive.infolist()}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert stamps == {(2018, 3, 7, 0, 0, 0)}  # zip entries too, not the time of the save
    assert "2018-03-07T00:00:00Z" in core


def test_pdf_is_byte_identical_with_or_without_source_date_epoch(
    outputs, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = EXAMPLES[-1]
    meeting = outputs.minutes(example)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    plain = outputs.renderer.render_pdf(meeting)
    archival = outputs.renderer.render_pdf(meeting, variant="pdf/a-2b")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1520380800")
    assert outputs.renderer.render_pdf(meeting) == plain
    assert outputs.renderer.render_pdf(meeting, variant="pdf/a-2b") == archival
    assert plain == outputs.pdf(example).data  # and the same as earlier in the session
    info = pypdf.PdfReader(io.BytesIO(plain)).metadata
    assert info is not None and info.get("/CreationDate") is None and info.get("/ModDate") is None
