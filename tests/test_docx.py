"""The DOCX read back with python-docx: the page, the header, the styles, the properties and the
text, which must be the PDF's, word for word."""

from __future__ import annotations

import difflib
import io
import itertools
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import FLAGSHIP, MM
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Emu
from lxml import etree

from minutes.profiles import ROLES
from minutes.tree import role_of
from minutes.writers.docx import RULE_STYLE, STYLE_NAMES

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def mm(length: Any) -> float:
    return Emu(length).mm


# -- page and header ---------------------------------------------------------------------------


def test_one_a4_section_with_the_profile_margins(source: Path, outputs) -> None:
    document = outputs.docx(source).document
    page = outputs.profile(source).page
    assert len(document.sections) == 1
    section = document.sections[0]
    assert mm(section.page_width) == pytest.approx(page.width_mm, abs=0.1)
    assert mm(section.page_height) == pytest.approx(page.height_mm, abs=0.1)
    assert mm(section.top_margin) == pytest.approx(page.margin_top_mm, abs=0.1)
    assert mm(section.bottom_margin) == pytest.approx(page.margin_bottom_mm, abs=0.1)
    assert mm(section.left_margin) == pytest.approx(page.margin_left_mm, abs=0.1)
    assert mm(section.right_margin) == pytest.approx(page.margin_right_mm, abs=0.1)
    assert mm(section.gutter or 0) == pytest.approx(0, abs=0.1)
    assert mm(section.header_distance) == pytest.approx(page.header_distance_mm, abs=0.1)
    assert mm(section.header_distance) < page.margin_top_mm


def test_page_number_from_page_two(source: Path, outputs) -> None:
    section = outputs.docx(source).document.sections[0]
    assert section.different_first_page_header_footer is True
    header = section.header
    assert not header.is_linked_to_previous
    instructions = [t.text for t in header._element.iter(qn("w:instrText"))]
    simple = [f.get(qn("w:instr")) for f in header._element.iter(qn("w:fldSimple"))]
    assert any(i and i.strip().split()[0] == "PAGE" for i in instructions + simple)
    (paragraph,) = [p for p in header.paragraphs if list(p._p.iter(qn("w:fldChar")))]
    assert paragraph.style.name == STYLE_NAMES["page-number"]
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert all(not p.text.strip() for p in first.paragraphs)
    assert not list(first._element.iter(qn("w:fldChar")))
    assert not list(first._element.iter(qn("w:fldSimple")))


def test_no_footer_text(source: Path, outputs) -> None:
    section = outputs.docx(source).document.sections[0]
    for footer in (section.footer, section.first_page_footer):
        assert all(not p.text.strip() for p in footer.paragraphs)


# -- styles --------------------------------------------------------------------------------------


def test_every_role_has_its_named_style(source: Path, outputs) -> None:
    styles = outputs.docx(source).document.styles
    profile = outputs.profile(source)
    problems = []
    for name in ROLES:
        role = profile.role(name)
        style = styles[STYLE_NAMES[name]]
        font, fmt = style.font, style.paragraph_format
        checks = {
            "size": (font.size.pt, role.size_pt),
            "bold": (bool(font.bold), role.bold),
            "italic": (bool(font.italic), role.italic),
            "caps": (bool(font.all_caps), role.caps),
            "underline": (bool(font.underline), role.underline),
            "align": (fmt.alignment, _ALIGN[role.align]),
            "indent": (round(mm(fmt.first_line_indent or 0), 1), role.indent_first_mm),
            "before": (fmt.space_before.pt, role.space_before_pt),
            "after": (fmt.space_after.pt, role.space_after_pt),
            "keep": (bool(fmt.keep_with_next), role.keep_with_next),
            "font": (font.name, profile.font.family),
        }
        if role.line_exact_pt is not None:
            checks["line"] = (
                (fmt.line_spacing_rule, fmt.line_spacing.pt),
                (
                    WD_LINE_SPACING.EXACTLY,
                    role.line_exact_pt,
                ),
            )
        else:
            checks["line"] = (fmt.line_spacing, role.line_spacing or 1.0)
        for what, (got, want) in checks.items():
            if got != want:
                problems.append(f"{name}.{what}: {got!r} != {want!r}")
    assert not problems, problems


def test_normal_style_is_times_new_roman(source: Path, outputs) -> None:
    styles = outputs.docx(source).document.styles
    normal = styles["Normal"]
    assert normal.font.name == "Times New Roman"
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        assert fonts.get(qn(script)) == "Times New Roman", script
    assert normal.font.size.pt == outputs.profile(source).role("body").size_pt


def test_vietnamese_is_the_default_language(source: Path, outputs) -> None:
    styles = outputs.docx(source).document.styles.element
    lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang is not None
    assert lang.get(qn("w:val")) == "vi-VN"


def test_paragraphs_use_the_role_styles(source: Path, outputs) -> None:
    """Paragraphs carry a role style, not direct formatting (a clerk adding one keeps the look)."""
    document = outputs.docx(source).document
    allowed = {*STYLE_NAMES.values(), RULE_STYLE}
    body = document.element.body
    for p in body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if not text.strip():
            continue
        assert style is not None, f"no style on {text!r}"
        assert document.styles.element.get_by_id(style.get(qn("w:val"))).name_val in allowed
        for run_props in p.iter(qn("w:rPr")):
            for direct in ("w:sz", "w:rFonts", "w:color", "w:caps"):
                assert run_props.find(qn(direct)) is None, f"{direct} on a run of {text!r}"


def test_caps_roles_are_upper_case_text(source: Path, outputs) -> None:
    """The text of a caps role is upper case in the file too (what a screen reader or a search
    in Word sees), not only shown in capitals."""
    document = outputs.docx(source).document
    profile = outputs.profile(source)
    caps_styles = {STYLE_NAMES[r] for r in ROLES if profile.role(r).caps}
    paragraphs = [p for t in document.tables for c in t._cells for p in c.paragraphs]
    paragraphs += document.paragraphs
    checked = 0
    for paragraph in paragraphs:
        if paragraph.style.name in caps_styles and paragraph.text.strip():
            assert paragraph.text == paragraph.text.upper()
            checked += 1
    assert checked >= 3


# -- properties -----------------------------------------------------------------------------------


def test_core_properties(source: Path, outputs) -> None:
    props = outputs.docx(source).document.core_properties
    m = outputs.minutes(source)
    assert props.title == f"Biên bản {' '.join(m.title.split())}"
    assert props.author == " ".join(m.organization.name.split())
    assert props.language == "vi-VN"


def test_flagship_properties(outputs) -> None:
    props = outputs.docx(FLAGSHIP).document.core_properties
    assert props.title == "Biên bản Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 100"
    assert props.author == "Tỉnh ủy Thái Bình"


def test_opens_in_current_word_with_its_own_properties(outputs) -> None:
    """Word 2013+ (compatibility mode 15, not the template's 14), this program as the
    application, Times New Roman and Vietnamese for every script, no template leftovers."""
    docx = outputs.docx(FLAGSHIP)
    parts = zipfile.ZipFile(io.BytesIO(docx.data))
    names = set(parts.namelist())
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    settings = etree.fromstring(parts.read("word/settings.xml"))
    modes = [
        s.get(f"{w}val")
        for s in settings.iter(f"{w}compatSetting")
        if s.get(f"{w}name") == "compatibilityMode"
    ]
    assert modes == ["15"]
    assert settings.find(f"{w}themeFontLang").get(f"{w}val") == "vi-VN"
    app = parts.read("docProps/app.xml").decode()
    assert "<Application>minutes " in app
    assert "Macintosh" not in app
    assert not any(name.startswith("customXml/") for name in names)
    theme = parts.read("word/theme/theme1.xml").decode()
    assert "ＭＳ" not in theme and 'script="Jpan"' not in theme
    assert set(etree.fromstring(theme.encode()).xpath("//*[local-name()='latin']/@typeface")) == {
        "Times New Roman"
    }
    fonts = etree.fromstring(parts.read("word/fontTable.xml"))
    assert [f.get(f"{w}name") for f in fonts.iter(f"{w}font")] == ["Times New Roman"]
    defaults = etree.fromstring(parts.read("word/styles.xml")).find(f"{w}docDefaults")
    rfonts = defaults.find(f".//{w}rFonts")
    assert set(rfonts.attrib.values()) == {"Times New Roman"}


def test_headings_in_the_navigation_pane(outputs) -> None:
    styles = outputs.docx(FLAGSHIP).document.styles
    levels = {}
    for role, level in (("heading-1", "0"), ("heading-2", "1"), ("heading-3", "2")):
        outline = styles[STYLE_NAMES[role]].element.pPr.find(qn("w:outlineLvl"))
        levels[role] = outline.get(qn("w:val"))
        assert levels[role] == level
    assert styles[STYLE_NAMES["body"]].element.pPr.find(qn("w:outlineLvl")) is None


def test_build_time_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes.writers.docx import build_time

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1520380800")  # 2018-03-07 00:00 UTC
    assert build_time().isoformat() == "2018-03-07T00:00:00"


# -- the same text as the PDF ----------------------------------------------------------------------


def test_same_words_as_the_pdf(source: Path, outputs) -> None:
    from_docx = outputs.docx(source).words()
    from_pdf = outputs.pdf(source).reading_words()
    if from_docx != from_pdf:
        diff = [
            f"{op}: pdf {from_pdf[i1:i2]} docx {from_docx[j1:j2]}"
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
                None, from_pdf, from_docx, autojunk=False
            ).get_opcodes()
            if op != "equal"
        ]
        pytest.fail("the DOCX and the PDF differ:\n" + "\n".join(diff[:10]))
    assert len(from_docx) > 100


def test_flagship_text(outputs) -> None:
    text = " ".join(outputs.docx(FLAGSHIP).paragraph_texts())
    for expected in (
        "Số 100-BB/TU",
        "Thái Bình, ngày 07 tháng 3 năm 2018",
        "12.181 tỷ đồng",
        "317,35 tỷ đồng",
        "59,7%",
        "7.295",
        "3,7 triệu đồng/người/tháng",
    ):
        assert expected in text


def test_figures_table_has_a_header_row_repeated_on_each_page(outputs) -> None:
    document = outputs.docx(FLAGSHIP).document
    grids = [t for t in document.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(grids) == 1
    table = grids[0]
    assert [c.text for c in table.rows[0].cells] == ["TT", "Chỉ tiêu", "Số liệu", "Đơn vị tính"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    row = [c.text for c in table.rows[4].cells]
    assert row == ["4", "Doanh thu năm 2017 (trên)", "12.181", "tỷ đồng"]
    assert table.rows[4].cells[2].paragraphs[0].style.name == STYLE_NAMES["table-number"]
    width = sum(mm(c.width) for c in table.rows[0].cells)
    assert width == pytest.approx(outputs.profile(FLAGSHIP).page.text_width_mm, abs=0.5)


# -- rules under header lines --------------------------------------------------------------------


def docx_rules(outputs, source: Path) -> list[tuple[str, str, float]]:
    """``(role, text, rule length in pt)`` for every rule paragraph, from its indents and the
    width of the cell or page it is in."""
    document = outputs.docx(source).document
    text_width = outputs.profile(source).page.text_width_mm * MM
    found = []
    containers: list[tuple[Any, float]] = [(document, text_width)]
    for table in document.tables:
        for cell in table._cells:
            margin = 0.0
            mar = table._tbl.tblPr.find(qn("w:tblCellMar"))
            if mar is not None:
                margin = sum(int(side.get(qn("w:w"))) / 20 for side in mar)
            containers.append((cell, Emu(cell.width).pt - margin))
    for container, available in containers:
        paragraphs = container.paragraphs
        for before, rule in itertools.pairwise(paragraphs):
            if rule.style.name != RULE_STYLE or rule._p.pPr.find(qn("w:pBdr")) is None:
                continue
            left = Emu(rule.paragraph_format.left_indent or 0).pt
            right = Emu(rule.paragraph_format.right_indent or 0).pt
            role = next(r for r, n in STYLE_NAMES.items() if n == before.style.name)
            found.append((role, before.text, available - left - right))
    return found


def test_a_rule_under_each_ruled_role(source: Path, outputs) -> None:
    profile = outputs.profile(source)
    ruled = [r for r, _text, _length in docx_rules(outputs, source)]
    expected = [
        role
        for element in outputs.document(source).body.iter("p")
        if (role := role_of(element)) and profile.role(role).rule is not None
    ]
    assert sorted(ruled) == sorted(expected)
    assert {"state": {"motto", "org", "trich-yeu"}, "party": {"national-title"}}[
        profile.family or profile.id
    ] == set(ruled)


def test_rules_as_long_as_in_the_pdf(source: Path, outputs) -> None:
    """Each rule is as long in the DOCX as in the PDF (±3 %)."""
    pdf = outputs.pdf(source)
    document = outputs.document(source)
    pdf_rules = {}
    for element in document.body.iter("p"):
        role = role_of(element)
        if role and pdf.profile.role(role).rule is not None:
            match = pdf.locate(document, element)[0]
            rule = pdf.rule_under(match)
            pdf_rules[role] = rule["x1"] - rule["x0"]
    for role, text, length in docx_rules(outputs, source):
        assert length == pytest.approx(pdf_rules[role], rel=0.03), f"{role}: {text!r}"


# -- the package is well formed --------------------------------------------------------------------

# The order of children that WordprocessingML's schema fixes (ECMA-376 Part 1, 17.3.1.26 pPr,
# 17.3.2.28 rPr, 17.4.60 tblPr, 17.6.17 sectPr). Word refuses or "repairs" files that break it.
ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
    "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
    "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish "
    "oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
    "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription tblPrChange",
    "sectPr": "headerReference|footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
    "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi "
    "rtlGutter docGrid printerSettings sectPrChange",
    "pBdr": "top left bottom right between bar",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark",
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def order_problems(xml: bytes, part: str) -> list[str]:
    problems = []
    root = etree.fromstring(xml)
    for parent_name, sequence in ORDER.items():
        rank = {}
        for index, names in enumerate(sequence.split()):
            for name in names.split("|"):
                rank[name] = index
        for parent in root.iter(f"{W}{parent_name}"):
            children = [c.tag[len(W) :] for c in parent if c.tag.startswith(W)]
            ranks = [rank.get(c, -1) for c in children]
            if -1 in ranks or ranks != sorted(ranks):
                problems.append(f"{part}: <w:{parent_name}> has {children}")
            repeatable = {"headerReference", "footerReference"}
            repeated = {c for c in children if children.count(c) > 1} - repeatable
            if repeated:
                problems.append(f"{part}: <w:{parent_name}> repeats {sorted(repeated)}")
    return problems


def test_ooxml_elements_in_schema_order(source: Path, outputs) -> None:
    problems = []
    with zipfile.ZipFile(io.BytesIO(outputs.docx(source).data)) as package:
        for part in package.namelist():
            if part.startswith("word/") and part.endswith(".xml"):
                problems += order_problems(package.read(part), part)
    assert not problems, sorted(set(problems))[:10]
