"""Check the checker: documents broken on purpose, each in one known way, must fail exactly the
rule that was broken, in the PDF and in the DOCX; documents changed within what the official text
allows (a 12 pt Quốc hiệu, a 35 mm left margin, a body at 13 pt, 1.5 lines) must not fail; house
advice (dates and numbers in the text, district names) is advice, never a failure.

Broken PDFs are rendered from an example's own document tree and stylesheet through WeasyPrint,
with one change to the CSS or to the tree; broken DOCX files are our DOCX edited with python-docx.
Documents typed by hand are in ``test_check_typed.py``.
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
from docx.shared import Mm, Pt

from minutes.check import Report, Status, check_bytes
from minutes.check.tolerances import MARGIN_MM
from minutes.resources import fonts_dir
from minutes.tree import Document
from minutes.writers.css import stylesheet
from minutes.writers.docx import STYLE_NAMES

STATE = next(p for p in EXAMPLES if p.stem == "hop-ubnd-phuong-thang-10-2025")
PARTY = FLAGSHIP


pytestmark = pytest.mark.usefixtures("english")  # messages in English (conftest.py)


def failures(report: Report) -> set[str]:
    return {r.rule.id for r in report.failures}


def advice(report: Report) -> set[str]:
    return {r.rule.id for r in report.advice}


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

        from minutes.writers.pdf import _prepared_xhtml

        document: Document = outputs.document(example)
        sheet = stylesheet(document.profile, fonts_dir()) + css
        prepared = _prepared_xhtml(document, fonts_dir())  # as our writer hands it over
        xhtml = edit(prepared) if edit else prepared
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
    for data in (outputs.pdf(sample).data, outputs.docx(sample).data):
        report = check_bytes(data)
        assert failures(report) == set() and advice(report) == set()


# -- margins ---------------------------------------------------------------------------------------


def test_pdf_left_margin_outside_the_range(broken_pdf) -> None:
    report = check_bytes(broken_pdf(STATE, css="@page { margin-left: 37mm; }"))
    assert report.result("page.margin-left").measured == pytest.approx(37.0, abs=0.2)
    # the header table has fixed cells (62.5 + 102.5 mm, the whole text width of the profile):
    # in a text area 7 mm narrower it runs 7 mm into the right margin, and the checker sees it
    assert failures(report) == {"page.margin-left", "page.margin-right"}
    assert report.result("page.margin-right").measured == pytest.approx(15 - 7 + 3.7, abs=0.3)


def test_pdf_left_margin_at_the_top_of_the_range(broken_pdf) -> None:
    """35 mm is PL I's upper end: the margin passes. The profile's fixed 165 mm header cells
    then reach 5 mm into the right margin (13.7 mm is left), which is a real fault."""
    report = check_bytes(broken_pdf(STATE, css="@page { margin-left: 35mm; }"))
    assert report.result("page.margin-left").status is Status.PASS
    assert report.result("page.margin-left").measured == pytest.approx(35.0, abs=0.2)
    assert failures(report) == {"page.margin-right"}
    assert report.result("page.margin-right").measured == pytest.approx(13.7, abs=0.3)


def test_pdf_top_margin(broken_pdf) -> None:
    report = check_bytes(broken_pdf(STATE, css="@page { margin-top: 27mm; }"))
    assert failures(report) == {"page.margin-top"}
    assert report.result("page.margin-top").measured == pytest.approx(27.0, abs=0.3)
    allowed = check_bytes(broken_pdf(STATE, css="@page { margin-top: 25mm; }"))
    assert failures(allowed) == set()
    assert allowed.result("page.margin-top").measured == pytest.approx(25.0, abs=0.3)


def test_pdf_right_margin(broken_pdf) -> None:
    """Justified lines show the right margin (22 mm: outside 15–20); at 20 mm it passes, though
    the fixed-width header then reaches 1.6 mm further (still inside the range)."""
    report = check_bytes(broken_pdf(STATE, css="@page { margin-right: 22mm; }"))
    assert failures(report) == {"page.margin-right"}
    assert report.result("page.margin-right").measured == pytest.approx(22.0, abs=0.3)
    allowed = check_bytes(broken_pdf(STATE, css="@page { margin-right: 20mm; }"))
    assert failures(allowed) == set()
    party = check_bytes(broken_pdf(PARTY, css="@page { margin-right: 20mm; }"))
    assert failures(party) == {"page.margin-right"}  # HD 36 gives one value: 15 mm


def test_docx_margins(broken_docx) -> None:
    def edit(left: float) -> Callable[[object], None]:
        def change(document: object) -> None:
            document.sections[0].left_margin = Mm(left)

        return change

    report = check_bytes(broken_docx(STATE, edit(37)))
    assert failures(report) == {"page.margin-left"}
    assert report.result("page.margin-left").measured == pytest.approx(37.0, abs=0.01)
    assert failures(check_bytes(broken_docx(STATE, edit(35)))) == set()
    assert failures(check_bytes(broken_docx(STATE, edit(35 + 2 * MARGIN_MM)))) == {
        "page.margin-left"
    }


def test_docx_bottom_margin_and_paper(broken_docx) -> None:
    def edit(document: object) -> None:
        section = document.sections[0]
        section.bottom_margin = Mm(15)
        section.page_width, section.page_height = Mm(216), Mm(279)  # US Letter

    assert failures(check_bytes(broken_docx(PARTY, edit))) == {
        "page.margin-bottom",
        "page.paper",
    }


# -- sizes: the ranges of PL I ---------------------------------------------------------------------


def test_a_12pt_quoc_hieu_is_allowed(broken_pdf, broken_docx) -> None:
    """PL I, II.1.a: "cỡ chữ từ 12 đến 13"; the profile prints 13."""
    pdf = check_bytes(broken_pdf(STATE, css=".national-title { font-size: 12pt; }"))
    assert failures(pdf) == set()
    assert pdf.result("national-title.size").measured == pytest.approx(12.0, abs=0.05)

    def edit(document: object) -> None:
        document.styles[STYLE_NAMES["national-title"]].font.size = Pt(12)

    docx_report = check_bytes(broken_docx(STATE, edit))
    assert failures(docx_report) == set()
    assert docx_report.result("national-title.size").status is Status.PASS


def test_quoc_hieu_outside_its_range(broken_pdf, broken_docx) -> None:
    pdf = check_bytes(broken_pdf(STATE, css=".national-title { font-size: 14pt; }"))
    assert "national-title.size" in failures(pdf)
    assert pdf.result("national-title.size").measured == pytest.approx(14.0, abs=0.01)

    def edit(document: object) -> None:
        document.styles[STYLE_NAMES["national-title"]].font.size = Pt(11)

    assert failures(check_bytes(broken_docx(STATE, edit))) == {"national-title.size"}


def test_a_body_at_13pt_is_allowed(broken_pdf) -> None:
    css = ".body, .list-item, .heading-1, .heading-2, .heading-3 { font-size: 13pt; }"
    report = check_bytes(broken_pdf(STATE, css=css))
    assert failures(report) == set()
    assert report.result("body.size").measured == pytest.approx(13.0, abs=0.05)


def test_pdf_quoc_hieu_without_bold(broken_pdf) -> None:
    report = check_bytes(broken_pdf(STATE, css=".national-title { font-weight: normal; }"))
    assert failures(report) == {"national-title.bold"}
    assert report.result("national-title.bold").measured == "regular"


def test_docx_quoc_hieu_without_bold(broken_docx) -> None:
    def edit(document: object) -> None:
        document.styles[STYLE_NAMES["national-title"]].font.bold = False

    assert failures(check_bytes(broken_docx(STATE, edit))) == {"national-title.bold"}


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


def test_pdf_motto_rule_as_mau_1_9_draws_it(broken_pdf) -> None:
    """Mẫu 1.9's own rule under the Tiêu ngữ is 92 % of it: drawn by eye, and accepted."""
    report = check_bytes(broken_pdf(STATE, css=".motto::after { width: 92%; }"))
    assert failures(report) == set()


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


# -- the number, the document's date ---------------------------------------------------------------


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


def test_pdf_place_date_without_its_zero(broken_pdf) -> None:
    """The document's own date: PL I, II.4.b / HD 36, a rule."""
    edit = lambda x: x.replace("ngày 07 tháng 3 năm 2018</p>", "ngày 7 tháng 3 năm 2018</p>")  # noqa: E731
    report = check_bytes(broken_pdf(PARTY, edit=edit))
    assert failures(report) == {"place-date.form"}
    assert advice(report) == set()  # the date line is judged by its rule, not advised twice


# -- the text: advice, not rules -------------------------------------------------------------------


def test_pdf_date_in_figures_in_the_text_is_advice(broken_pdf) -> None:
    def edit(xhtml: str) -> str:
        return xhtml.replace(
            "Thời gian bắt đầu: 8 giờ 00 phút, ngày 31 tháng 10 năm 2025.",
            "Thời gian bắt đầu: 8 giờ 00 phút, ngày 7/3/2018.",
        )

    report = check_bytes(broken_pdf(STATE, edit=edit))
    assert failures(report) == set() and report.passed
    assert advice(report) == {"dates.form"}
    assert report.result("dates.form").measured == ["7/3/2018 → 07/3/2018"]
    assert not report.passed_strictly()


def test_docx_dates_cited_in_the_text_need_no_advice(broken_docx) -> None:
    """The false alarms of issue 15: dates in figures and cited documents in the text."""

    def edit(document: object) -> None:
        paragraph = paragraph_with(document, r"^- Địa điểm")
        paragraph.add_run(
            " Thực hiện Thông tư 07/2014/TT-BNV ngày 29/8/2014 và Công văn ngày 07/5/2020;"
            " báo cáo trước 01/11/2024."
        )

    report = check_bytes(broken_docx(PARTY, edit))
    assert failures(report) == set() and advice(report) == set()


def test_docx_numbers_with_english_separators_are_advice(broken_docx) -> None:
    def edit(document: object) -> None:
        set_text(
            paragraph_with(document, r"48\.275 triệu đồng"),
            "Thu ngân sách đạt 48,275.5 triệu đồng.",
        )

    report = check_bytes(broken_docx(STATE, edit))
    assert failures(report) == set() and advice(report) == {"numbers.form"}
    assert report.result("numbers.form").measured == ["48,275.5"]


def test_identifiers_are_not_numbers(broken_docx) -> None:
    def edit(document: object) -> None:
        paragraph_with(document, r"48\.275 triệu đồng").add_run(
            " Doanh nghiệp có mã số doanh nghiệp 5400123456, điện thoại 02363822123,"
            " hotline 0912345678, tài khoản số 1234567890123."
        )

    report = check_bytes(broken_docx(STATE, edit))
    assert failures(report) == set() and advice(report) == set()


def test_district_names_after_the_reform_are_advice(broken_pdf) -> None:
    """The ward example is dated 31/10/2025: a district named in it is a sign of an old
    template, shown as advice."""

    def edit(xhtml: str) -> str:
        return xhtml.replace("phường An Hòa.</p>", "phường An Hòa, huyện Kiến Xương.</p>", 1)

    report = check_bytes(broken_pdf(STATE, edit=edit))
    assert failures(report) == set()
    assert advice(report) == {"districts.after-reform"}
    assert report.result("districts.after-reform").measured == ["huyện Kiến Xương"]


# -- page numbers ----------------------------------------------------------------------------------


def test_pdf_page_number_on_page_one(broken_pdf) -> None:
    css = "@page :first { @top-center { content: counter(page); } }"
    report = check_bytes(broken_pdf(STATE, css=css))
    assert failures(report) == {"page-number.first-page"}


def test_pdf_page_number_at_the_bottom(broken_pdf) -> None:
    css = "@page { @top-center { content: none; } @bottom-center { content: counter(page); } }"
    report = check_bytes(broken_pdf(PARTY, css=css))
    assert "page-number.other-pages" in failures(report)
    shown = report.result("page-number.other-pages").measured
    assert shown[0] == "the page numbers are at the bottom of the pages"


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


@pytest.mark.parametrize(
    "css",
    [
        ".body, .list-item { line-height: 1.725; }",  # 1.5 lines, PL I's most
        ".body, .list-item { line-height: 1.15; margin-top: 0; }",  # no space between paragraphs
    ],
    ids=["one-and-a-half-lines", "no-paragraph-spacing"],
)
def test_pdf_justified_body_is_justified(broken_pdf, css: str) -> None:
    report = check_bytes(broken_pdf(STATE, css=css))
    assert report.result("body.align").measured == "justify"
    assert "body.align" not in failures(report) and "body.indent" not in failures(report)


def test_pdf_justified_body_with_line_breaks_is_justified(broken_pdf) -> None:
    """Lines that end at a line break are not wrapped lines: they do not make a justified
    body look ragged (the People's Committee case of issue 15)."""

    def edit(xhtml: str) -> str:
        def breaks(match: re.Match[str]) -> str:
            return re.sub(r"([;,]) ", r"\1<br/>", match.group(0))

        edited = re.sub(r'<p class="(body|list-item)">[^<]*', breaks, xhtml)
        assert edited.count("<br/>") - xhtml.count("<br/>") >= 20
        return edited

    report = check_bytes(broken_pdf(STATE, edit=edit))
    assert report.result("body.align").measured == "justify"
    assert failures(report) == set()


def test_docx_body_left_aligned(broken_docx) -> None:
    def edit(document: object) -> None:
        style = document.styles[STYLE_NAMES["body"]]
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    assert failures(check_bytes(broken_docx(STATE, edit))) == {"body.align"}


def test_docx_body_indented_1_27_cm_is_allowed(broken_docx) -> None:
    """PL I, II.6.e: "lùi vào 1 cm hoặc 1,27 cm"."""

    def edit(document: object) -> None:
        for role in ("body", "list-item", "heading-1", "heading-2", "heading-3"):
            document.styles[STYLE_NAMES[role]].paragraph_format.first_line_indent = Mm(12.7)

    report = check_bytes(broken_docx(STATE, edit))
    assert failures(report) == set()
    assert report.result("body.indent").measured == pytest.approx(12.7, abs=0.3)


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
    assert failures(report) == set()


def test_checked_against_the_wrong_profile(outputs) -> None:
    report = check_bytes(outputs.pdf(STATE).data, profile="party")
    assert not report.profile_detected
    assert {"number.form", "doc-kind.size", "org-mark.present"} <= failures(report)
    assert report.result("national-title.size").status is Status.NOT_CHECKED
