"""Check the checker: documents broken on purpose, each in one known way, must fail exactly the
rule that was broken, in the PDF and in the DOCX; a DOCX typed by hand in Word (direct formatting,
no styles of ours) is measured too, and what cannot be found is reported as not checked.

Broken PDFs are rendered from an example's own document tree and stylesheet through WeasyPrint,
with one change to the CSS or to the tree; broken DOCX files are our DOCX edited with python-docx.
"""

from __future__ import annotations

import gc
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES, FLAGSHIP
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from minutes.check import Report, Status, check_bytes
from minutes.i18n import set_language
from minutes.resources import fonts_dir
from minutes.tree import Document
from minutes.writers.css import stylesheet
from minutes.writers.docx import STYLE_NAMES

STATE = next(p for p in EXAMPLES if p.stem == "hop-ubnd-phuong-thang-10-2025")
PARTY = FLAGSHIP


@pytest.fixture(autouse=True)
def english() -> object:
    set_language("en")
    yield
    set_language(None)


def failures(report: Report) -> set[str]:
    return {r.rule.id for r in report.failures}


# -- making broken files ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def font_config() -> Iterator[object]:
    from weasyprint.text.fonts import FontConfiguration

    config = FontConfiguration()
    yield config
    del config
    gc.collect()  # let it go while the interpreter is whole (see conftest's ``outputs``)


@pytest.fixture
def broken_pdf(outputs, font_config) -> Callable[..., bytes]:
    """``broken_pdf(example, css=…, edit=…)``: the example's PDF with ``css`` added after our
    stylesheet and ``edit`` applied to the XHTML of its tree."""

    def make(example: Path, css: str = "", edit: Callable[[str], str] | None = None) -> bytes:
        from weasyprint import CSS, HTML

        document: Document = outputs.document(example)
        sheet = stylesheet(document.profile, fonts_dir()) + css
        xhtml = edit(document.xhtml) if edit else document.xhtml
        html = HTML(string=xhtml, base_url=fonts_dir().as_uri() + "/")
        pdf = html.write_pdf(
            stylesheets=[CSS(string=sheet, font_config=font_config)], font_config=font_config
        )
        assert isinstance(pdf, bytes)
        return pdf

    return make


@pytest.fixture
def broken_docx(outputs) -> Callable[..., bytes]:
    """``broken_docx(example, edit)``: the example's DOCX after ``edit(document)``."""

    def make(example: Path, edit: Callable[[object], None]) -> bytes:
        document = docx.Document(io.BytesIO(outputs.docx(example).data))
        edit(document)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    return make


def paragraph_with(document: object, pattern: str) -> object:
    """The first paragraph (body or table cell) whose text matches ``pattern``."""
    for paragraph in document.paragraphs:
        if re.search(pattern, paragraph.text):
            return paragraph
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    if re.search(pattern, paragraph.text):
                        return paragraph
    raise AssertionError(f"no paragraph matches {pattern!r}")


def set_text(paragraph: object, text: str) -> None:
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


# -- our own files are the baseline ----------------------------------------------------------------


@pytest.mark.parametrize("sample", [STATE, PARTY], ids=["state", "party"])
def test_the_unbroken_files_pass(outputs, sample: Path) -> None:
    assert failures(check_bytes(outputs.pdf(sample).data)) == set()
    assert failures(check_bytes(outputs.docx(sample).data)) == set()


# -- margins ---------------------------------------------------------------------------------------


def test_pdf_left_margin_off_by_5mm(broken_pdf) -> None:
    report = check_bytes(broken_pdf(STATE, css="@page { margin-left: 35mm; }"))
    assert report.result("page.margin-left").measured == pytest.approx(35.0, abs=0.2)
    # the header table has fixed cells (62.5 + 102.5 mm, the whole text width of the profile):
    # in a text area 5 mm narrower it runs 5 mm into the right margin, and the checker sees it
    assert failures(report) == {"page.margin-left", "page.margin-right"}
    assert report.result("page.margin-right").measured < 15 - 1


def test_pdf_top_margin_off_by_5mm(broken_pdf) -> None:
    report = check_bytes(broken_pdf(STATE, css="@page { margin-top: 25mm; }"))
    assert failures(report) == {"page.margin-top"}
    assert report.result("page.margin-top").measured == pytest.approx(25.1, abs=0.3)


def test_pdf_right_margin_off_by_5mm(broken_pdf) -> None:
    report = check_bytes(broken_pdf(PARTY, css="@page { margin-right: 20mm; }"))
    assert failures(report) == {"page.margin-right"}


def test_docx_margin_off_by_5mm(broken_docx) -> None:
    def edit(document: object) -> None:
        document.sections[0].left_margin = Mm(35)

    report = check_bytes(broken_docx(STATE, edit))
    assert failures(report) == {"page.margin-left"}
    assert report.result("page.margin-left").measured == pytest.approx(35.0, abs=0.01)


def test_docx_bottom_margin_and_paper(broken_docx) -> None:
    def edit(document: object) -> None:
        section = document.sections[0]
        section.bottom_margin = Mm(15)
        section.page_width, section.page_height = Mm(216), Mm(279)  # US Letter

    assert failures(check_bytes(broken_docx(PARTY, edit))) == {
        "page.margin-bottom",
        "page.paper",
    }


# -- the Quốc hiệu ---------------------------------------------------------------------------------


def test_pdf_quoc_hieu_without_bold(broken_pdf) -> None:
    report = check_bytes(broken_pdf(STATE, css=".national-title { font-weight: normal; }"))
    assert failures(report) == {"national-title.bold"}
    assert report.result("national-title.bold").measured == "regular"


def test_docx_quoc_hieu_without_bold(broken_docx) -> None:
    def edit(document: object) -> None:
        document.styles[STYLE_NAMES["national-title"]].font.bold = False

    report = check_bytes(broken_docx(STATE, edit))
    assert failures(report) == {"national-title.bold"}


def test_quoc_hieu_at_14pt(broken_pdf, broken_docx) -> None:
    pdf = check_bytes(broken_pdf(STATE, css=".national-title { font-size: 14pt; }"))
    assert "national-title.size" in failures(pdf)
    assert pdf.result("national-title.size").measured == pytest.approx(14.0, abs=0.01)

    def edit(document: object) -> None:
        document.styles[STYLE_NAMES["national-title"]].font.size = Pt(14)

    assert failures(check_bytes(broken_docx(STATE, edit))) == {"national-title.size"}


def test_quoc_hieu_in_the_wrong_cell(broken_pdf) -> None:
    def swap(xhtml: str) -> str:
        left = re.search(r'<td class="header-left">.*?</td>', xhtml, re.S)
        right = re.search(r'<td class="header-right">.*?</td>', xhtml, re.S)
        assert left and right
        inner_left = left.group(0).replace("header-left", "header-right")
        inner_right = right.group(0).replace("header-right", "header-left")
        return xhtml.replace(left.group(0) + "\n" + right.group(0), inner_right + "\n" + inner_left)

    report = check_bytes(broken_pdf(STATE, edit=swap))
    assert "national-title.position" in failures(report)


# -- rules under the header lines ------------------------------------------------------------------


def test_pdf_motto_rule_too_short(broken_pdf) -> None:
    report = check_bytes(broken_pdf(STATE, css=".motto::after { width: 60%; }"))
    assert failures(report) == {"motto.rule"}
    ratio, _offset = report.result("motto.rule").measured
    assert ratio == pytest.approx(0.6, abs=0.01)


def test_docx_rule_under_the_body_off_centre(broken_docx) -> None:
    def edit(document: object) -> None:
        header = document.tables[0]
        rule = header.rows[0].cells[0].paragraphs[1]  # the rule under the issuing body
        assert rule.text == ""
        rule.paragraph_format.left_indent = Mm(2)

    report = check_bytes(broken_docx(STATE, edit))
    assert failures(report) == {"org.rule"}


def test_pdf_party_org_with_a_rule(broken_pdf) -> None:
    """HD 36 puts a star, not a rule, under the issuing body."""
    css = ".org::after { content: ''; display: block; width: 40%; margin: 3pt auto 0; "
    css += "border-top: 0.75pt solid black; } .org { display: table; margin: 0 auto; }"
    report = check_bytes(broken_pdf(PARTY, css=css))
    assert failures(report) == {"org.rule"}


# -- the number, dates, numbers --------------------------------------------------------------------


def test_pdf_colon_after_so_in_a_party_document(broken_pdf) -> None:
    report = check_bytes(
        broken_pdf(PARTY, edit=lambda x: x.replace("Số 100-BB/TU", "Số: 100-BB/TU"))
    )
    assert failures(report) == {"number.form"}
    assert report.result("number.form").measured == ["Số: 100-BB/TU"]


def test_docx_colon_after_so_in_a_party_document(broken_docx) -> None:
    def edit(document: object) -> None:
        set_text(paragraph_with(document, r"^Số 100-BB/TU$"), "Số: 100-BB/TU")

    assert failures(check_bytes(broken_docx(PARTY, edit))) == {"number.form"}


def test_pdf_date_in_figures(broken_pdf) -> None:
    def edit(xhtml: str) -> str:
        return xhtml.replace(
            "Thời gian bắt đầu: 8 giờ 00 phút, ngày 31 tháng 10 năm 2025.",
            "Thời gian bắt đầu: 8 giờ 00 phút, ngày 7/3/2018.",
        )

    report = check_bytes(broken_pdf(STATE, edit=edit))
    assert failures(report) == {"dates.form"}
    assert report.result("dates.form").measured == ["ngày 7/3/2018"]


def test_docx_date_in_figures(broken_docx) -> None:
    def edit(document: object) -> None:
        paragraph = paragraph_with(document, r"^- Địa điểm")
        paragraph.add_run(" Sáng ngày 7/3/2018.")

    report = check_bytes(broken_docx(PARTY, edit))
    assert failures(report) == {"dates.form"}


def test_pdf_place_date_without_its_zero(broken_pdf) -> None:
    edit = lambda x: x.replace("ngày 07 tháng 3 năm 2018</p>", "ngày 7 tháng 3 năm 2018</p>")  # noqa: E731
    report = check_bytes(broken_pdf(PARTY, edit=edit))
    assert failures(report) == {"place-date.form", "dates.form"}


def test_docx_numbers_with_english_separators(broken_docx) -> None:
    def edit(document: object) -> None:
        set_text(
            paragraph_with(document, r"48\.275 triệu đồng"),
            "Thu ngân sách đạt 48,275.5 triệu đồng.",
        )

    report = check_bytes(broken_docx(STATE, edit))
    assert failures(report) == {"numbers.form"}
    assert report.result("numbers.form").measured == ["48,275.5"]


# -- page numbers ----------------------------------------------------------------------------------


def test_pdf_page_number_on_page_one(broken_pdf) -> None:
    css = "@page :first { @top-center { content: counter(page); } }"
    report = check_bytes(broken_pdf(STATE, css=css))
    assert failures(report) == {"page-number.first-page"}


def test_pdf_page_number_at_the_bottom(broken_pdf) -> None:
    css = "@page { @top-center { content: none; } @bottom-center { content: counter(page); } }"
    report = check_bytes(broken_pdf(PARTY, css=css))
    assert "page-number.other-pages" in failures(report)


def test_docx_page_number_on_page_one(broken_docx) -> None:
    def edit(document: object) -> None:
        document.sections[0].different_first_page_header_footer = False

    report = check_bytes(broken_docx(STATE, edit))
    assert failures(report) == {"page-number.first-page"}


# -- body, signatures, recipients ------------------------------------------------------------------


def test_pdf_body_left_aligned_without_indent(broken_pdf) -> None:
    css = ".body, .list-item { text-align: left; text-indent: 0; }"
    report = check_bytes(broken_pdf(PARTY, css=css))
    assert failures(report) == {"body.align", "body.indent"}
    # ragged lines do not show where the right margin is: said, not passed
    assert report.result("page.margin-right").status is Status.NOT_CHECKED


def test_docx_body_left_aligned(broken_docx) -> None:
    def edit(document: object) -> None:
        style = document.styles[STYLE_NAMES["body"]]
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    assert failures(check_bytes(broken_docx(STATE, edit))) == {"body.align"}


def test_pdf_signer_names_not_bold_and_recipients_not_underlined(broken_pdf) -> None:
    css = ".signer-name { font-weight: normal; } .recipients-heading { text-decoration: none; }"
    report = check_bytes(broken_pdf(PARTY, css=css))
    assert failures(report) == {"signer-name.bold", "recipients-heading.underline"}


def test_docx_signature_table_removed_is_not_checked(broken_docx) -> None:
    def edit(document: object) -> None:
        table = document.tables[-1]._tbl
        table.getparent().remove(table)

    report = check_bytes(broken_docx(STATE, edit))
    signer = [r for r in report.results if r.rule.element.startswith("signer")]
    assert signer and all(r.status is Status.NOT_CHECKED for r in signer)
    assert report.result("signatures.widths").status is Status.NOT_CHECKED
    assert failures(report) == set()


def test_checked_against_the_wrong_profile(outputs) -> None:
    report = check_bytes(outputs.pdf(STATE).data, profile="party")
    assert not report.profile_detected
    assert {"number.form", "doc-kind.size", "org-mark.present"} <= failures(report)
    assert report.result("national-title.size").status is Status.NOT_CHECKED


# -- a DOCX typed by hand --------------------------------------------------------------------------


def hand_made(left_margin_mm: float = 30) -> bytes:
    """A state biên bản as a clerk types it in Word: the Normal style, direct formatting, a
    borderless header table, underscores for the rules, no page number."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(left_margin_mm), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    centre, justify, left = (
        WD_ALIGN_PARAGRAPH.CENTER,
        WD_ALIGN_PARAGRAPH.JUSTIFY,
        WD_ALIGN_PARAGRAPH.LEFT,
    )

    def add(
        container: object,
        text: str,
        size: float = 14,
        bold: bool = False,
        italic: bool = False,
        align: object = centre,
        indent: object = None,
    ) -> object:
        paragraph = container.add_paragraph()
        paragraph.alignment = align
        if indent is not None:
            paragraph.paragraph_format.first_line_indent = indent
        run = paragraph.add_run(text)
        run.font.size, run.bold, run.italic = Pt(size), bold, italic
        return paragraph

    header = document.add_table(rows=1, cols=2)
    header.autofit = False
    for column, width in zip(header.columns, (67.5, 97.5), strict=True):
        for cell in column.cells:
            cell.width = Mm(width)
    cell_left, cell_right = header.rows[0].cells
    add(cell_left, "ỦY BAN NHÂN DÂN", 13)
    add(cell_left, "PHƯỜNG AN HÒA", 13, bold=True)
    rule = add(cell_left, "", 13)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    borders.append(top)
    rule._p.get_or_add_pPr().append(borders)
    rule.paragraph_format.left_indent = Mm(24)
    rule.paragraph_format.right_indent = Mm(24)
    add(cell_left, "Số: 7/BB-UBND", 13)
    add(cell_right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    add(cell_right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True)
    for cell in (cell_left, cell_right):
        first = cell.paragraphs[0]._p
        first.getparent().remove(first)
    add(document, "BIÊN BẢN", 14, bold=True)
    add(document, "Họp giao ban tháng 3 năm 2026", 14, bold=True)
    for text in (
        "Thời gian bắt đầu: 8 giờ 00 phút, ngày 9 tháng 3 năm 2026.",
        "Địa điểm: Phòng họp số 1, trụ sở Ủy ban nhân dân phường An Hòa, số 12 đường Lê Lợi, "
        "phường An Hòa.",
        "Nội dung: thu ngân sách đạt 12.181 triệu đồng, bằng 59,7% dự toán năm; giao Văn phòng "
        "hoàn thành báo cáo trước ngày 20 tháng 3 năm 2026 để gửi Thường trực Đảng ủy phường.",
    ):
        add(document, text, align=justify, indent=Mm(10))
    signatures = document.add_table(rows=2, cols=2)
    for row, texts, bold in (
        (0, ("THƯ KÝ", "CHỦ TỌA"), True),
        (1, ("Phạm Quốc Bảo", "Lê Thị Hà"), True),
    ):
        for cell, text in zip(signatures.rows[row].cells, texts, strict=True):
            cell.paragraphs[0].alignment = centre
            run = cell.paragraphs[0].add_run(text)
            run.bold, run.font.size = bold, Pt(14)
    add(document, "Nơi nhận:", 12, bold=True, italic=True, align=left)
    add(document, "- Thường trực Đảng ủy phường;", 11, align=left)
    add(document, "- Lưu: VT, Hồ sơ.", 11, align=left)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_docx_typed_by_hand_is_measured_by_words_and_place() -> None:
    report = check_bytes(hand_made(), name="tay.docx")
    assert report.profile.id == "state" and report.profile_detected
    measured = {r.rule.id for r in report.results if r.status is not Status.NOT_CHECKED}
    for element in (
        "national-title",
        "motto",
        "parent-org",
        "org",
        "number",
        "doc-kind",
        "trich-yeu",
        "body",
        "signer-title",
        "signer-name",
    ):
        assert f"{element}.size" in measured, element
    assert report.result("org.position").measured == "header-left"
    assert report.result("national-title.position").measured == "header-right"
    assert report.result("org.rule").status is Status.PASS  # a bordered empty paragraph
    assert report.result("body.indent").status is Status.PASS
    assert not any(r.rule.element == "signer-note" for r in report.results)  # none expected
    # what the clerk got wrong, and only that
    assert failures(report) == {
        "national-title.size",  # 12 pt, the profile has 13
        "motto.size",  # 13 pt, the profile has 14
        "motto.rule",  # none drawn
        "number.form",  # "Số: 7/…" without its zero
        "dates.form",  # "ngày 9 tháng 3"
        "trich-yeu.rule",  # none drawn
        "page-number.other-pages",  # no page number at all
        "signatures.widths",  # Word's equal columns
    }


def test_a_docx_typed_by_hand_with_a_wrong_margin() -> None:
    report = check_bytes(hand_made(left_margin_mm=25))
    assert "page.margin-left" in failures(report)
