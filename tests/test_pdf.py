"""The PDF as a reader sees it: the page, where every character sits, its size and face, the page
numbers, the rules under the header lines, the text, the fonts and the metadata. Read with
pdfplumber (laid-out characters, in points; 1 mm = 72/25.4 pt) and pypdf (fonts, metadata)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pypdf
import pytest
from conftest import EXAMPLES, FLAGSHIP, MM, ROOT, Match, RenderedPdf, pdf_fonts, pt_to_mm, words

from minutes.profiles import Role
from minutes.tree import Document, role_of, text_of

CORPUS = ROOT / "examples" / "corpus"
A4_PT = (595.276, 841.890)
SIZE_TOLERANCE_PT = 0.1
MARGIN_TOLERANCE_MM = 0.5
"""WeasyPrint's justified lines may end up to about 0.35 mm past the right margin (measured on
the flagship: the advance of the last glyph, not ink); a reader cannot see that, 0.5 mm they
could only just measure."""


def is_bold(char: dict[str, Any]) -> bool:
    return "Bold" in char["fontname"]


def is_italic(char: dict[str, Any]) -> bool:
    return "Italic" in char["fontname"]


def style_problems(match: Match, role: Role) -> list[str]:
    """How the characters of ``match`` differ from ``role`` (empty: they look as they should)."""
    problems = []
    for char in match.ink:
        if abs(char["size"] - role.size_pt) > SIZE_TOLERANCE_PT:
            problems.append(f"{char['text']!r} is {char['size']:.2f} pt, not {role.size_pt}")
        if is_bold(char) != role.bold:
            problems.append(f"{char['text']!r} in {char['fontname']}: bold should be {role.bold}")
        if is_italic(char) != role.italic:
            problems.append(
                f"{char['text']!r} in {char['fontname']}: italic should be {role.italic}"
            )
    return problems


def assert_styled(match: Match, role: Role) -> None:
    problems = style_problems(match, role)
    assert not problems, f"{match.text!r}: " + "; ".join(problems[:5])


def plain_paragraphs(document: Document) -> list[tuple[str, ET.Element]]:
    """Paragraphs (and table cells) of the tree with text and no bold or italic words of their
    own."""
    result = []
    for element in document.body.iter():
        if element.tag not in ("p", "th", "td"):
            continue
        role = role_of(element)
        if role is None or not text_of(element).strip():
            continue
        if any(child.tag in ("strong", "em", "u") for child in element.iter()):
            continue
        result.append((role, element))
    return result


# -- page and margins -----------------------------------------------------------------------------


def test_page_is_a4(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    assert pdf.pages
    for page in pdf.pages:
        assert page.width == pytest.approx(A4_PT[0], abs=0.5)
        assert page.height == pytest.approx(A4_PT[1], abs=0.5)


def test_every_character_lies_inside_the_margins(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    page_box = pdf.profile.page
    left, right = page_box.margin_left_mm, page_box.width_mm - page_box.margin_right_mm
    top, bottom = page_box.margin_top_mm, page_box.height_mm - page_box.margin_bottom_mm
    tol = MARGIN_TOLERANCE_MM
    outside = []
    for number, chars in enumerate(pdf.chars, start=1):
        for char in chars:
            x0, x1 = pt_to_mm(char["x0"]), pt_to_mm(char["x1"])
            y0, y1 = pt_to_mm(char["top"]), pt_to_mm(char["bottom"])
            if y1 <= top:  # the page number, checked below
                continue
            if x0 < left - tol or x1 > right + tol or y0 < top - tol or y1 > bottom + tol:
                where = f"x {x0:.2f}–{x1:.2f} y {y0:.2f}–{y1:.2f}"
                outside.append(f"p{number} {char['text']!r} {where}")
    assert not outside, outside[:10]


def test_text_fills_the_width_of_the_text_area(source: Path, outputs) -> None:
    """Justified body lines reach both margins: the text area is the profile's, not narrower."""
    pdf = outputs.pdf(source)
    page_box = pdf.profile.page
    xs0 = [pt_to_mm(c["x0"]) for chars in pdf.chars for c in chars]
    xs1 = [pt_to_mm(c["x1"]) for chars in pdf.chars for c in chars]
    assert min(xs0) == pytest.approx(page_box.margin_left_mm, abs=0.5)
    assert max(xs1) == pytest.approx(page_box.width_mm - page_box.margin_right_mm, abs=0.5)


# -- page numbers ----------------------------------------------------------------------------------


def page_number_chars(pdf: RenderedPdf, number: int) -> list[dict[str, Any]]:
    limit = pdf.profile.page.margin_top_mm * MM
    return [c for c in pdf.chars[number] if c["bottom"] <= limit and c["text"].strip()]


def test_no_page_number_on_page_one(source: Path, outputs) -> None:
    assert page_number_chars(outputs.pdf(source), 0) == []


def test_page_numbers_from_page_two(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    page_box = pdf.profile.page
    role = pdf.profile.role("page-number")
    text_centre = page_box.margin_left_mm + page_box.text_width_mm / 2
    for number in range(1, len(pdf.pages)):
        chars = sorted(page_number_chars(pdf, number), key=lambda c: c["x0"])
        assert "".join(c["text"] for c in chars) == str(number + 1)
        centre = pt_to_mm((chars[0]["x0"] + chars[-1]["x1"]) / 2)
        assert centre == pytest.approx(text_centre, abs=2), "not centred over the text"
        assert pt_to_mm(chars[0]["top"]) >= page_box.header_distance_mm - 1
        assert pt_to_mm(chars[0]["bottom"]) <= page_box.margin_top_mm
        assert_styled(Match(number, str(number + 1), chars), role)


def test_long_example_has_several_numbered_pages(outputs) -> None:
    from conftest import EXAMPLES

    longest = max(len(outputs.pdf(path).pages) for path in EXAMPLES)
    assert longest >= 2, "no example is long enough to show page numbers"


# -- each role's size and face --------------------------------------------------------------------


def test_every_paragraph_is_drawn_in_its_role_style(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    document = outputs.document(source)
    missing, wrong = [], []
    for role, element in plain_paragraphs(document):
        found = pdf.locate(document, element)
        text = " ".join(words(text_of(element)))
        if not found:
            missing.append(f"{role}: {text!r}")
            continue
        problems = [style_problems(match, pdf.profile.role(role)) for match in found]
        if all(problems):
            wrong.append(f"{role}: {text[:60]!r}: {problems[0][:3]}")
    assert not missing, f"not in the PDF: {missing[:5]}"
    assert not wrong, wrong[:5]


def test_national_title(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    match = pdf.find(pdf.profile.wording.national_title)
    assert match.page == 0
    assert_styled(match, pdf.profile.role("national-title"))
    expected = {"state": (13, True), "party": (15, True)}[pdf.profile.family or pdf.profile.id]
    assert (round(match.ink[0]["size"]), is_bold(match.ink[0])) == expected


def test_state_motto(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    if pdf.profile.id != "state":
        assert not pdf.search("Độc lập - Tự do - Hạnh phúc")
        return
    match = pdf.find("Độc lập - Tự do - Hạnh phúc")
    assert all(c["size"] == pytest.approx(14, abs=0.1) and is_bold(c) for c in match.ink)
    title = pdf.find(pdf.profile.wording.national_title)
    assert match.top > title.bottom
    assert (match.x0 + match.x1) / 2 == pytest.approx((title.x0 + title.x1) / 2, abs=1)


def test_body_text_is_14pt_regular(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    label = "Địa điểm:" if pdf.profile.id == "state" else "- Địa điểm:"
    match = pdf.find(label)
    for char in match.ink:
        assert char["size"] == pytest.approx(14, abs=SIZE_TOLERANCE_PT)
        assert not is_bold(char) and not is_italic(char)


def test_body_first_line_indent_is_10mm(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    label = "Địa điểm:" if pdf.profile.id == "state" else "- Địa điểm:"
    match = pdf.find(label)
    indent = pt_to_mm(match.x0) - pdf.profile.page.margin_left_mm
    assert indent == pytest.approx(pdf.profile.role("body").indent_first_mm, abs=0.2)


def signers_in_tree(document) -> list[tuple[str, str]]:
    """Each signer's first line (authority or title) and printed name, from the tree's
    signature tables (column by column)."""
    found = []
    for table in document.body.iter("table"):
        if table.get("class") != "signatures":
            continue
        rows = [[text_of(cell) for cell in row.findall("td")] for row in table.findall("tr")]
        for column in zip(*rows, strict=True):
            lines = [line for line in column[:-1] if line]
            if lines and column[-1]:
                found.append((lines[0], column[-1]))
    return found


def test_signer_names_are_bold(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    m = outputs.minutes(source)
    signers = signers_in_tree(outputs.document(source))
    assert [name for _title, name in signers] == [m.secretary[0].name, m.chairs[0].name]
    for _title, name in signers:
        matches = pdf.search(name)
        assert matches, name
        last = matches[-1]  # the signature comes after any mention in the text
        for char in last.ink:
            assert is_bold(char) and not is_italic(char), char
            assert char["size"] == pytest.approx(14, abs=SIZE_TOLERANCE_PT)


def test_signature_titles_sit_over_the_names(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    for title, name in signers_in_tree(outputs.document(source)):
        t = pdf.search(title)[-1]
        n = pdf.search(name)[-1]
        assert n.page == t.page and n.top > t.bottom + 30, "no room to sign"
        assert (t.x0 + t.x1) / 2 == pytest.approx((n.x0 + n.x1) / 2, abs=2)


def test_place_and_date_is_italic(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    m = outputs.minutes(source)
    matches = pdf.search(f"{m.place}, ngày") if m.place else []
    if not pdf.profile.wording.show_place_date:
        assert not [x for x in matches if x.page == 0 and x.top < pdf.find("BIÊN BẢN").top]
        return
    assert matches
    match = matches[0]
    assert match.page == 0
    for char in match.ink:
        assert is_italic(char) and not is_bold(char)
        assert char["size"] == pytest.approx(14, abs=SIZE_TOLERANCE_PT)


def test_doc_kind(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    match = pdf.find("BIÊN BẢN")
    assert match.page == 0
    assert_styled(match, pdf.profile.role("doc-kind"))
    page_box = pdf.profile.page
    centre = page_box.margin_left_mm + page_box.text_width_mm / 2
    assert pt_to_mm((match.x0 + match.x1) / 2) == pytest.approx(centre, abs=1)


# -- the rules under the header lines --------------------------------------------------------------


def ruled_paragraphs(pdf: RenderedPdf, document: Document) -> list[tuple[str, Role, Match]]:
    result = []
    for role_name, element in plain_paragraphs(document):
        role = pdf.profile.role(role_name)
        if role.rule is None:
            continue
        found = pdf.locate(document, element)
        assert found, role_name
        result.append((role_name, role, found[0]))
    return result


def test_rules_have_the_length_the_profile_asks(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    ruled = ruled_paragraphs(pdf, outputs.document(source))
    expected = {"state": {"motto", "org", "trich-yeu"}, "party": {"national-title"}}
    assert {name for name, _role, _match in ruled} == expected[pdf.profile.family or pdf.profile.id]
    for name, role, match in ruled:
        rule = pdf.rule_under(match)
        text_width = match.x1 - match.x0
        length = rule["x1"] - rule["x0"]
        assert role.rule is not None
        assert length == pytest.approx(role.rule * text_width, rel=0.03), name
        assert (rule["x0"] + rule["x1"]) / 2 == pytest.approx((match.x0 + match.x1) / 2, abs=1)
        assert rule["top"] >= match.bottom - 1, f"the rule under {name} touches its text"


def test_rule_under_dang_cong_san_is_as_long_as_the_text(outputs) -> None:
    pdf = outputs.pdf(FLAGSHIP)
    match = pdf.find("ĐẢNG CỘNG SẢN VIỆT NAM")
    rule = pdf.rule_under(match)
    assert rule["x1"] - rule["x0"] == pytest.approx(match.x1 - match.x0, rel=0.03)


def test_state_motto_rule_is_as_long_as_the_text(outputs) -> None:
    from conftest import MINIMAL_STATE

    pdf = outputs.pdf(MINIMAL_STATE)
    motto = pdf.find("Độc lập - Tự do - Hạnh phúc")
    rule = pdf.rule_under(motto)
    assert rule["x1"] - rule["x0"] == pytest.approx(motto.x1 - motto.x0, rel=0.03)


def test_state_org_rule_is_a_third_to_a_half_of_the_text(outputs) -> None:
    """Also when the name is long enough to wrap by itself (no line break typed in the data)."""
    from conftest import MINIMAL_STATE

    pdf = outputs.pdf(MINIMAL_STATE)
    org = pdf.find("ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM")
    lines = {round(c["top"]) for c in org.ink}
    assert len(lines) == 2, "the test expects the name to wrap onto two lines"
    rule = pdf.rule_under(org)
    share = (rule["x1"] - rule["x0"]) / (org.x1 - org.x0)
    assert 1 / 3 <= share <= 1 / 2, f"the rule is {share:.1%} of the longest line"


def test_party_org_has_a_star_and_no_rule(outputs) -> None:
    pdf = outputs.pdf(FLAGSHIP)
    org = pdf.find("TỈNH ỦY THÁI BÌNH")
    star = pdf.find("*")
    assert star.page == 0 and star.top > org.bottom
    assert (star.x0 + star.x1) / 2 == pytest.approx((org.x0 + org.x1) / 2, abs=1)
    page = pdf.pages[0]
    assert not [
        s
        for s in [*page.rects, *page.lines]
        if s["height"] < 2 and org.bottom - 2 <= s["top"] <= star.top and s["x0"] < org.x1
    ]


# -- the text --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "expected",
    [
        "Số 100-BB/TU",
        "Thái Bình, ngày 07 tháng 3 năm 2018",
        "ngày 07 tháng 3 năm 2018",
        "12.181 tỷ đồng",
        "317,35 tỷ đồng",
        "59,7%",
        "7.295",
        "3,7 triệu đồng/người/tháng",
        "TỈNH ỦY THÁI BÌNH",
        "NGƯỜI GHI BIÊN BẢN",
        "CHỦ TRÌ HỘI NGHỊ",
    ],
)
def test_flagship_text(outputs, expected: str) -> None:
    assert outputs.pdf(FLAGSHIP).search(expected), expected


def test_flagship_number_line(outputs) -> None:
    pdf = outputs.pdf(FLAGSHIP)
    match = pdf.find("Số 100-BB/TU")
    assert match.page == 0
    for char in match.ink:
        assert char["size"] == pytest.approx(14, abs=0.1) and not is_bold(char)
    org = pdf.find("TỈNH ỦY THÁI BÌNH")
    assert (match.x0 + match.x1) / 2 == pytest.approx((org.x0 + org.x1) / 2, abs=1)


def test_text_is_vietnamese_unicode(outputs) -> None:
    text = outputs.pdf(FLAGSHIP).text()
    assert "Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 100" in " ".join(text.split())
    assert "\ufffd" not in text


# -- fonts -----------------------------------------------------------------------------------------


def test_fonts_are_embedded_and_ours(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    fonts = pdf_fonts(pdf.data)
    assert fonts
    for font in fonts:
        assert font["embedded"], font
        # named for what it is: the font of fonts/, with its version
        assert re.fullmatch(r"/?([A-Z]{6}\+)?Liberation-Serif-v2\.1\.5(-[A-Za-z-]+)?", font["name"])
    names = {c["fontname"].split("+")[-1] for chars in pdf.chars for c in chars}
    assert names <= {
        "Liberation-Serif-v2.1.5",
        "Liberation-Serif-v2.1.5-Bold",
        "Liberation-Serif-v2.1.5-Italic",
        "Liberation-Serif-v2.1.5-Bold-Italic",
    }, names


# -- metadata and archival variant -----------------------------------------------------------------


def test_metadata(source: Path, outputs) -> None:
    pdf = outputs.pdf(source)
    m = outputs.minutes(source)
    reader = pypdf.PdfReader(io.BytesIO(pdf.data))
    info = reader.metadata
    assert info is not None
    title = " ".join(m.title.split())
    assert info.title == f"Biên bản {title}"
    assert info.author == " ".join(m.organization.name.split())
    assert reader.trailer["/Root"].get("/Lang") == "vi"


def test_flagship_metadata(outputs) -> None:
    reader = pypdf.PdfReader(io.BytesIO(outputs.pdf(FLAGSHIP).data))
    assert reader.metadata.title == "Biên bản Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 100"
    assert reader.metadata.author == "Tỉnh ủy Thái Bình"


def test_pdf_a_2b(outputs) -> None:
    archival = outputs.pdf(FLAGSHIP, variant="pdf/a-2b")
    reader = pypdf.PdfReader(io.BytesIO(archival.data))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    root = ET.fromstring(xmp.decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
    pdfaid = "{http://www.aiim.org/pdfa/ns/id/}"

    def declared(name: str) -> list[str | None]:
        attributes = [e.get(f"{pdfaid}{name}") for e in root.iter() if e.get(f"{pdfaid}{name}")]
        return attributes + [e.text for e in root.iter(f"{pdfaid}{name}")]

    parts, conformance = declared("part"), declared("conformance")
    assert parts == ["2"]
    assert conformance == ["B"]
    assert "/OutputIntents" in reader.trailer["/Root"]
    # the same pages and text as the plain PDF
    plain = outputs.pdf(FLAGSHIP)
    assert len(archival.pages) == len(plain.pages)
    assert archival.reading_words() == plain.reading_words()
    for font in pdf_fonts(archival.data):
        assert font["embedded"]


def _shape(element: ET.Element) -> tuple[Any, ...]:
    return (
        element.tag,
        dict(element.attrib),
        element.text or "",
        element.tail or "",
        tuple(_shape(child) for child in element),
    )


def test_the_tree_handed_to_weasyprint_is_the_one_its_parser_would_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The writer hands WeasyPrint its tree instead of XHTML to parse again: for every example,
    corpus file and starter, that tree is exactly what tinyhtml5 builds from the XHTML."""
    import tinyhtml5

    import minutes
    from minutes.resources import fonts_dir
    from minutes.starter import starter, starters
    from minutes.writers import pdf

    sources = [minutes.load(path) for path in (*EXAMPLES, *sorted(CORPUS.glob("*.yaml")))]
    sources += [minutes.loads(starter(name), name) for name in starters()]
    fonts = fonts_dir().resolve()
    for meeting in sources:
        document = minutes.Renderer().compose(meeting)
        tree = pdf._prepared_tree(document, fonts)
        with monkeypatch.context() as patch:
            patch.setattr(pdf, "_as_html_parses", lambda root: None)
            xhtml = pdf._prepared_xhtml(document, fonts)
        parsed = tinyhtml5.parse(xhtml, namespace_html_elements=False)
        assert _shape(tree) == _shape(parsed), meeting.source
