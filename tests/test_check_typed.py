"""Documents typed by hand in Word, as offices type them: the Normal style and direct formatting,
no styles of ours, a borderless header table, rules drawn with the line tool or typed as
underscores, signatures placed with tab stops. The checker must find every element by its words
and place, give the verdicts a reviewer would give, and fail exactly what the clerk got wrong.

The same files converted to PDF by LibreOffice must get the same verdicts (one measuring core).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pytest
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from minutes.check import Report, Status, check_bytes

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CENTRE, JUSTIFY, LEFT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.LEFT,
)


pytestmark = pytest.mark.usefixtures("english")  # messages in English (conftest.py)


def failures(report: Report) -> set[str]:
    return {r.rule.id for r in report.failures}


def advice(report: Report) -> set[str]:
    return {r.rule.id for r in report.advice}


@dataclass
class Typed:
    """How a clerk typed a state biên bản."""

    left_margin_mm: float = 30
    national_size: float = 12
    motto_size: float = 13
    body_size: float = 14
    indent_mm: float = 10
    motto_rule: str = "none"  # none | drawn
    org_rule: str = "border"  # border | underscores
    summary_rule: str = "none"  # none | drawn
    signatures: str = "table"  # table | tabs
    titles: tuple[str, str] = ("THƯ KÝ", "CHỦ TỌA")
    number: str = "Số: 7/BB-UBND"
    text: list[str] = field(
        default_factory=lambda: [
            "Thời gian bắt đầu: 8 giờ 00 phút, ngày 9 tháng 3 năm 2026.",
            "Địa điểm: Phòng họp số 1, trụ sở Ủy ban nhân dân phường An Hòa, số 12 đường "
            "Lê Lợi, phường An Hòa.",
            "Nội dung: thu ngân sách đạt 12.181 triệu đồng, bằng 59,7% dự toán năm; giao Văn "
            "phòng hoàn thành báo cáo trước ngày 20 tháng 3 năm 2026 để gửi Thường trực Đảng ủy "
            "phường.",
        ]
    )


def _run(paragraph: object, text: str, size: float, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(text)
    run.font.size, run.bold, run.italic = Pt(size), bold, italic
    return run


def _add(container: object, text: str, size: float, bold=False, italic=False, align=CENTRE):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    if text:
        _run(paragraph, text, size, bold, italic)
    return paragraph


def _line(paragraph: object, length_mm: float, drop_mm: float) -> None:
    """A straight line drawn with Word's line tool, centred in the column, ``drop_mm`` under
    the top of ``paragraph``."""
    emu = int(length_mm * 36000)
    xml = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{int(drop_mm * 36000)}'
        "</wp:posOffset></wp:positionV>"
        f'<wp:extent cx="{emu}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        '<wp:docPr id="1" name="Đường kẻ"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvCnPr/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill>'
        '<a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
    paragraph._p.append(parse_xml(xml))


def _border_paragraph(cell: object, inset_mm: float) -> None:
    rule = _add(cell, "", 13)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    borders.append(top)
    rule._p.get_or_add_pPr().append(borders)
    rule.paragraph_format.left_indent = Mm(inset_mm)
    rule.paragraph_format.right_indent = Mm(inset_mm)


def _header(document: object, typed: Typed) -> None:
    header = document.add_table(rows=1, cols=2)
    header.autofit = False
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid = header._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
    for column, width, col in zip(header.columns, (67.5, 97.5), grid, strict=True):
        col.set(qn("w:w"), str(round(width / 25.4 * 1440)))  # as Word saves it: grid and cells
        for cell in column.cells:
            cell.width = Mm(width)
    left, right = header.rows[0].cells
    _add(left, "ỦY BAN NHÂN DÂN", 13)
    _add(left, "PHƯỜNG AN HÒA", 13, bold=True)
    if typed.org_rule == "border":
        _border_paragraph(left, 24)
    else:
        _add(left, "_______", 13)
    _add(left, typed.number, 13)
    _add(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", typed.national_size, bold=True)
    motto = _add(right, "Độc lập - Tự do - Hạnh phúc", typed.motto_size, bold=True)
    if typed.motto_rule == "drawn":
        _line(motto, 54, typed.motto_size * 25.4 / 72 * 1.12)
    for cell in (left, right):
        first = cell.paragraphs[0]._p
        first.getparent().remove(first)


def _signatures(document: object, typed: Typed) -> None:
    rows = ((*typed.titles, True, False), ("(Ký, ghi rõ họ tên)",) * 2 + (False, True))
    names = ("Phạm Quốc Bảo", "Lê Thị Hà")
    if typed.signatures == "table":
        table = document.add_table(rows=3, cols=2)
        lines = [*rows, (*names, True, False)]
        for row, (left, right, bold, italic) in zip(table.rows, lines, strict=True):
            for cell, text in zip(row.cells, (left, right), strict=True):
                cell.paragraphs[0].alignment = CENTRE
                _run(cell.paragraphs[0], text, 14, bold, italic)
        return
    for left, right, bold, italic in [*rows, ("", "", False, False), (*names, True, False)]:
        paragraph = document.add_paragraph()
        paragraph.alignment = LEFT
        stops = paragraph.paragraph_format.tab_stops
        stops.add_tab_stop(Mm(41.25), WD_TAB_ALIGNMENT.CENTER)
        stops.add_tab_stop(Mm(123.75), WD_TAB_ALIGNMENT.CENTER)
        if left:
            _run(paragraph, f"\t{left}\t{right}", 14, bold, italic)


def typed_docx(typed: Typed | None = None) -> bytes:
    """A state biên bản as a clerk types it in Word."""
    typed = typed or Typed()
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(typed.left_margin_mm), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(typed.body_size)
    normal.paragraph_format.space_after = Pt(0)
    _header(document, typed)
    _add(document, "BIÊN BẢN", 14, bold=True)
    summary = _add(document, "Họp giao ban tháng 3 năm 2026", 14, bold=True)
    if typed.summary_rule == "drawn":
        _line(summary, 27, 5.8)
    for text in typed.text:
        paragraph = _add(document, text, typed.body_size, align=JUSTIFY)
        paragraph.paragraph_format.first_line_indent = Mm(typed.indent_mm)
        paragraph.paragraph_format.space_before = Pt(6)
    _signatures(document, typed)
    _add(document, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT)
    _add(document, "- Thường trực Đảng ủy phường;", 11, align=LEFT)
    _add(document, "- Lưu: VT, Hồ sơ.", 11, align=LEFT)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


AS_OFFICES_TYPE_IT = Typed(
    national_size=12,  # PL I, II.1.a: 12-13
    motto_size=13,  # PL I, II.1.b: 13-14 (and one size above the Quốc hiệu, as PL I, V's note)
    body_size=13,  # PL I, II.6.e: 13-14
    indent_mm=12.7,  # "1 cm hoặc 1,27 cm": Word's 0.5 inch
    motto_rule="drawn",
    org_rule="underscores",
    summary_rule="drawn",
    signatures="tabs",
    number="Số: 07/BB-UBND",
    text=[
        "Thời gian bắt đầu: 8 giờ 00 phút, ngày 09 tháng 3 năm 2026.",
        "Địa điểm: Phòng họp số 1, trụ sở Ủy ban nhân dân phường An Hòa.",
        "Căn cứ Kế hoạch số 15/KH-UBND ngày 05/01/2026 và Thông tư 07/2014/TT-BNV ngày "
        "29/8/2014, Công ty TNHH An Phú (mã số doanh nghiệp 5400123456, điện thoại "
        "02363822123) báo cáo doanh thu đạt 12.181 triệu đồng, bằng 59,7% kế hoạch; hạn nộp "
        "báo cáo trước 01/4/2026.",
    ],
)


# -- the verdicts ----------------------------------------------------------------------------------


def test_a_docx_typed_by_hand_is_measured_by_words_and_place() -> None:
    report = check_bytes(typed_docx(), name="tay.docx")
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
        "signer-note",
        "signer-name",
        "recipients-heading",
    ):
        assert f"{element}.bold" in measured, element
    assert report.result("org.position").measured == "header-left"
    assert report.result("national-title.position").measured == "header-right"
    assert report.result("org.rule").status is Status.PASS  # a bordered empty paragraph
    assert report.result("national-title.size").measured == pytest.approx(12.0)  # allowed
    assert report.result("national-title.size").status is Status.PASS
    assert report.result("motto.size").status is Status.PASS  # 13 pt: allowed
    # one page: no page number is needed (PL I, I.7 numbers pages from the second)
    assert report.result("page-number.other-pages").note == "one page only"
    # what the clerk got wrong, and only that
    assert failures(report) == {
        "motto.rule",  # none drawn (PL I, II.1.b)
        "number.form",  # "Số: 7/…" without its zero (PL I, II.3.c)
        "trich-yeu.rule",  # none drawn (PL I, II.5.b)
    }
    assert advice(report) == {"dates.form"}  # "ngày 9 tháng 3" in the text: advice, not a rule
    assert report.passed is False


def test_a_docx_typed_as_offices_type_it_passes() -> None:
    """Direct formatting, 12 pt Quốc hiệu, 13 pt body, 1.27 cm indent, rules drawn with the line
    tool and typed as underscores, signatures placed by tab stops, dates in figures and
    identifiers in the text: every rule of the official text is met, and nothing is advised."""
    report = check_bytes(typed_docx(AS_OFFICES_TYPE_IT), name="van-phong.docx")
    assert failures(report) == set(), [r.row(report.profile) for r in report.failures]
    assert advice(report) == set()
    assert report.result("body.size").measured == pytest.approx(13.0)
    assert report.result("body.indent").measured == pytest.approx(12.7, abs=0.3)
    assert report.result("body.align").measured == "justify"
    ratio, offset = report.result("motto.rule").measured
    assert ratio == pytest.approx(54 / 56.1, abs=0.03) and offset == pytest.approx(0, abs=0.5)
    ratio, _offset = report.result("org.rule").measured  # seven underscores at 13 pt
    assert 0.3 <= ratio <= 0.55
    ratio, _offset = report.result("trich-yeu.rule").measured
    assert ratio == pytest.approx(27 / 67.0, abs=0.03)
    assert report.result("signer-title.position").measured == "signature-columns"
    assert report.result("signer-name.position").status is Status.PASS
    assert report.result("signer-title.align").measured == "center"  # seen: centred on its stop


def test_a_docx_typed_by_hand_with_a_wrong_margin() -> None:
    report = check_bytes(typed_docx(Typed(left_margin_mm=25)))
    assert "page.margin-left" in failures(report)
    assert report.result("page.margin-left").measured == pytest.approx(25.0, abs=0.01)


def test_signer_titles_with_a_qualifier_are_found() -> None:
    """A People's Council session signs as ``THƯ KÝ KỲ HỌP`` and ``CHỦ TỌA KỲ HỌP``."""
    typed = Typed(**{**AS_OFFICES_TYPE_IT.__dict__, "titles": ("THƯ KÝ KỲ HỌP", "CHỦ TỌA KỲ HỌP")})
    report = check_bytes(typed_docx(typed))
    assert failures(report) == set()
    assert report.result("signer-title.position").measured == "signature-columns"
    assert report.result("signer-name.bold").status is Status.PASS


def test_signer_titles_it_does_not_know_are_found_by_their_shape() -> None:
    """Titles the profile does not name (``NGƯỜI LẬP`` / ``ĐẠI DIỆN``: what the minutes wrote
    themselves) are found as the short lines in capitals at the foot of the text, with the names
    under them, and checked like any other; nothing fails for them."""
    typed = Typed(**{**AS_OFFICES_TYPE_IT.__dict__, "titles": ("NGƯỜI LẬP", "ĐẠI DIỆN")})
    report = check_bytes(typed_docx(typed))
    assert report.result("signer-title.position").measured == "signature-columns"
    assert report.result("signer-name.bold").status is Status.PASS
    assert failures(report) == set()


def test_a_drawn_rule_too_short_fails() -> None:
    typed = Typed(**{**AS_OFFICES_TYPE_IT.__dict__, "summary_rule": "none"})
    report = check_bytes(typed_docx(typed))
    assert failures(report) == {"trich-yeu.rule"}


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_pdf_of_a_typed_docx_gets_the_same_verdicts(tmp_path: Path) -> None:
    """A PDF made elsewhere from the hand-typed files: what the PDF shows is measured like what
    the DOCX declares, and the verdicts agree."""
    profile_dir = tmp_path / "profile"
    sources = {"tay": typed_docx(), "van-phong": typed_docx(AS_OFFICES_TYPE_IT)}
    for name, data in sources.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile_dir.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *(str(tmp_path / f"{name}.docx") for name in sources),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    for name, data in sources.items():
        from_docx = check_bytes(data)
        from_pdf = check_bytes((tmp_path / f"{name}.pdf").read_bytes())
        assert failures(from_pdf) == failures(from_docx), name
        assert advice(from_pdf) == advice(from_docx), name
        for rule in ("national-title.size", "body.size", "body.align"):
            assert from_pdf.result(rule).measured == from_docx.result(rule).measured, rule
