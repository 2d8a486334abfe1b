"""Profiles: the format rules as data, checked against the official values (``docs/format.md``,
from Nghị định 30/2020/NĐ-CP Phụ lục I and Hướng dẫn 36-HD/VPTW), and the same in both writers
(the parity test)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DATA, MINIMAL_PARTY, MINIMAL_STATE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING

from minutes import InputError, InternalError
from minutes.profiles import ROLES, Profile, available_profiles, load_profile, read_profile
from minutes.resources import fonts_dir, profiles_dir
from minutes.writers.css import SINGLE_LINE, stylesheet
from minutes.writers.docx import STYLE_NAMES

PROFILES = ("state", "party-2018", "party-2026")
"""The built-in profiles."""
RENDERED = {
    "state": MINIMAL_STATE,
    "party-2018": MINIMAL_PARTY,
    "party-2026": DATA / "minimal-party-2026.yaml",
}


@pytest.fixture(params=PROFILES)
def profile(request: pytest.FixtureRequest) -> Profile:
    return load_profile(request.param)


def test_the_builtin_profiles_are_shipped() -> None:
    assert set(PROFILES) <= set(available_profiles())


def test_profile_loads_with_every_role(profile: Profile) -> None:
    assert profile.id in PROFILES
    assert set(profile.roles) == set(ROLES)
    for name in ROLES:
        role = profile.role(name)
        assert role.size_pt > 0
        assert role.source.strip(), f"{profile.id}.{name} names no source"


def test_unknown_role_is_an_internal_error(profile: Profile) -> None:
    with pytest.raises(InternalError):
        profile.role("no-such-role")


def test_unknown_profile_is_an_input_error() -> None:
    with pytest.raises(InputError):
        load_profile("no-such-profile")


def test_a_profile_missing_a_role_is_refused(tmp_path: Path) -> None:
    text = (profiles_dir() / "state.yaml").read_text(encoding="utf-8")
    broken = re.sub(r"(?ms)^  motto:\n.*?(?=^  place-date:)", "", text)
    assert broken != text
    path = tmp_path / "broken.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(InputError, match="motto") as caught:
        read_profile(path)
    problem = caught.value.problems[0]
    assert (problem.file, problem.field) == (str(path), "roles")


# -- the official values (docs/format.md) ----------------------------------------------------------


@pytest.mark.parametrize("name", PROFILES)
def test_page_is_a4_with_the_official_margins(name: str) -> None:
    page = load_profile(name).page
    assert (page.width_mm, page.height_mm) == (210, 297)
    assert (page.margin_top_mm, page.margin_bottom_mm) == (20, 20)
    assert (page.margin_left_mm, page.margin_right_mm) == (30, 15)
    assert page.header_distance_mm < page.margin_top_mm  # the page number fits in the margin
    assert load_profile(name).font.family == "Times New Roman"


def test_state_header_roles() -> None:
    p = load_profile("state")
    assert p.wording.national_title == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert p.wording.motto == "Độc lập - Tự do - Hạnh phúc"
    quoc_hieu = p.role("national-title")
    assert (quoc_hieu.size_pt, quoc_hieu.bold, quoc_hieu.caps) == (13, True, True)
    assert not quoc_hieu.italic
    motto = p.role("motto")
    assert (motto.size_pt, motto.bold, motto.rule) == (14, True, 1.0)
    assert not motto.caps
    org = p.role("org")
    assert org.bold and org.caps and 12 <= org.size_pt <= 13
    assert org.rule is not None and 1 / 3 <= org.rule <= 1 / 2
    parent = p.role("parent-org")
    assert parent.caps and not parent.bold and 12 <= parent.size_pt <= 13
    assert p.wording.org_mark is None
    assert p.wording.show_place_date is False  # Mẫu 1.9 has no place and date
    kind = p.role("doc-kind")
    assert kind.bold and kind.caps and 13 <= kind.size_pt <= 14 and kind.align == "center"
    trich_yeu = p.role("trich-yeu")
    assert trich_yeu.bold and trich_yeu.align == "center" and 13 <= trich_yeu.size_pt <= 14
    assert trich_yeu.rule is not None and 1 / 3 <= trich_yeu.rule <= 1 / 2


def test_state_body_and_signatures() -> None:
    p = load_profile("state")
    body = p.role("body")
    assert body.size_pt == 14
    assert body.align == "justify"
    assert body.indent_first_mm == 10
    assert body.space_before_pt >= 6
    assert not (body.bold or body.italic or body.caps)
    assert body.line_exact_pt is None and 1.0 <= (body.line_spacing or 1.0) <= 1.5
    assert p.wording.secretary_title == "THƯ KÝ"
    assert p.wording.chair_title == "CHỦ TỌA"
    title = p.role("signer-title")
    assert (title.size_pt, title.bold, title.caps) == (14, True, True)
    name = p.role("signer-name")
    assert (name.size_pt, name.bold) == (14, True)
    note = p.role("signer-note")
    assert note.italic
    heading = p.role("recipients-heading")
    assert (heading.size_pt, heading.bold, heading.italic) == (12, True, True)
    assert heading.align == "left"
    assert p.role("recipients-item").size_pt == 11
    number = p.role("page-number")
    assert 13 <= number.size_pt <= 14 and number.align == "center" and not number.bold


@pytest.mark.parametrize("name", ["party-2018", "party-2026"])
def test_party_header_roles(name: str) -> None:
    p = load_profile(name)
    assert p.wording.national_title == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert p.wording.motto is None
    title = p.role("national-title")
    assert (title.size_pt, title.bold, title.caps, title.rule) == (15, True, True, 1.0)
    org = p.role("org")
    assert (org.size_pt, org.bold, org.caps) == (14, True, True)
    assert org.rule is None  # a star, not a rule
    assert p.wording.org_mark == "*"
    assert p.role("parent-org").size_pt == 14 and not p.role("parent-org").bold
    kind = p.role("doc-kind")
    assert (kind.size_pt, kind.bold, kind.caps) == (16, True, True)
    trich_yeu = p.role("trich-yeu")
    assert trich_yeu.bold and 14 <= trich_yeu.size_pt <= 15
    assert p.wording.title_mark == "-----"
    place_date = p.role("place-date")
    assert (place_date.size_pt, place_date.italic) == (14, True)
    assert p.wording.show_place_date is True
    assert p.role("number").size_pt == 14


@pytest.mark.parametrize("name", ["party-2018", "party-2026"])
def test_party_body_and_signatures(name: str) -> None:
    p = load_profile(name)
    body = p.role("body")
    assert 14 <= body.size_pt <= 15 and body.align == "justify"
    assert body.indent_first_mm == 10 and body.space_before_pt >= 6
    assert p.wording.secretary_title == "NGƯỜI GHI BIÊN BẢN"
    assert p.wording.chair_title == "CHỦ TRÌ {KIND}"  # CHỦ TRÌ HỘI NGHỊ for a hội nghị (HD 16)
    assert p.role("signer-title").bold and p.role("signer-title").size_pt == 14
    assert p.role("signer-name").bold and p.role("signer-name").size_pt == 14
    heading = p.role("recipients-heading")
    assert heading.underline and not heading.bold and heading.size_pt == 14
    assert p.role("recipients-item").size_pt == 12
    assert p.role("page-number").size_pt == 14


@pytest.mark.parametrize(
    ("name", "number", "symbol", "expected"),
    [
        ("party-2018", 100, "BB/TU", "Số 100-BB/TU"),
        ("party-2026", 5, "BB/TU", "Số 05-BB/TU"),
        ("state", 5, "BB-UBND", "Số: 05/BB-UBND"),
        ("state", 12, "BB-UBND", "Số: 12/BB-UBND"),
        ("state", 123, "BB-UBND", "Số: 123/BB-UBND"),
    ],
)
def test_number_and_symbol(name: str, number: int, symbol: str, expected: str) -> None:
    assert load_profile(name).format_number(number, symbol) == expected


@pytest.mark.parametrize(
    ("name", "symbol", "start", "end"),
    [("state", "BB-UBND", "Số:", "/BB-UBND"), ("party-2026", "BB/TU", "Số", "-BB/TU")],
)
def test_number_left_blank_when_missing(name: str, symbol: str, start: str, end: str) -> None:
    blank = load_profile(name).format_number(None, symbol)
    assert blank.startswith(start) and blank.endswith(end)
    assert not any(ch.isdigit() for ch in blank)
    assert len(blank) - len(start) - len(end) >= 3, "no room left to write the number by hand"


# -- parity: the CSS of the PDF and the Word styles of the DOCX say the same thing -----------------

_RULE = re.compile(r"(?m)^\.([a-z0-9-]+)\s*\{([^}]*)\}")


def css_roles(css: str) -> dict[str, dict[str, str]]:
    """``{role: {property: value}}`` from the ``.role { … }`` rules of a stylesheet."""
    found: dict[str, dict[str, str]] = {}
    for name, body in _RULE.findall(css):
        declarations = found.setdefault(name, {})
        for declaration in body.split(";"):
            if ":" in declaration:
                key, value = declaration.split(":", 1)
                declarations[key.strip()] = value.strip()
    return found


def _pt(value: str) -> float:
    match = re.fullmatch(r"(-?[\d.]+)pt", value)
    assert match, f"not a length in pt: {value!r}"
    return float(match.group(1))


def _mm(value: str) -> float:
    match = re.fullmatch(r"(-?[\d.]+)mm", value)
    assert match, f"not a length in mm: {value!r}"
    return float(match.group(1))


_WORD_ALIGN = {
    WD_ALIGN_PARAGRAPH.LEFT: "left",
    WD_ALIGN_PARAGRAPH.CENTER: "center",
    WD_ALIGN_PARAGRAPH.RIGHT: "right",
    WD_ALIGN_PARAGRAPH.JUSTIFY: "justify",
}


def test_css_parser_reads_every_role(profile: Profile) -> None:
    roles = css_roles(stylesheet(profile, fonts_dir()))
    assert set(ROLES) <= set(roles)


@pytest.mark.parametrize("name", PROFILES)
def test_css_and_word_styles_agree(name: str, outputs) -> None:
    profile = load_profile(name)
    css = css_roles(stylesheet(profile, fonts_dir()))
    styles = outputs.docx(RENDERED[name]).document.styles
    disagreements = []
    for role in ROLES:
        rule = css[role]
        word = styles[STYLE_NAMES[role]]
        font = word.font
        fmt = word.paragraph_format
        pairs = {
            "size": (_pt(rule["font-size"]), font.size.pt),
            "bold": (rule["font-weight"] == "bold", bool(font.bold)),
            "italic": (rule["font-style"] == "italic", bool(font.italic)),
            "caps": (rule["text-transform"] == "uppercase", bool(font.all_caps)),
            "underline": (rule["text-decoration"] == "underline", bool(font.underline)),
            "align": (rule["text-align"], _WORD_ALIGN[fmt.alignment]),
            "indent": (_mm(rule["text-indent"]), round((fmt.first_line_indent or 0) / 36000, 2)),
            "before": (_pt(rule["margin-top"]), fmt.space_before.pt),
            "after": (_pt(rule["margin-bottom"]), fmt.space_after.pt),
            "keep": ("break-after" in rule, bool(fmt.keep_with_next)),
        }
        if fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY:
            pairs["line"] = (rule["line-height"], f"{fmt.line_spacing.pt:g}pt")
        else:  # a multiple of "single": Word's single line of Times New Roman is SINGLE_LINE em
            pairs["line"] = (float(rule["line-height"]), SINGLE_LINE * (fmt.line_spacing or 1.0))
        for what, (from_css, from_word) in pairs.items():
            if isinstance(from_css, float):
                same = abs(from_css - from_word) < 0.005
            else:
                same = from_css == from_word
            if not same:
                disagreements.append(f"{role}.{what}: CSS {from_css!r} != Word {from_word!r}")
    assert not disagreements, "\n".join(disagreements)


@pytest.mark.parametrize("name", PROFILES)
def test_css_and_word_styles_follow_the_profile(name: str, outputs) -> None:
    """Both agree with each other; this checks they also agree with the profile itself."""
    profile = load_profile(name)
    css = css_roles(stylesheet(profile, fonts_dir()))
    styles = outputs.docx(RENDERED[name]).document.styles
    for role_name in ROLES:
        role = profile.role(role_name)
        assert _pt(css[role_name]["font-size"]) == role.size_pt
        assert styles[STYLE_NAMES[role_name]].font.size.pt == role.size_pt
        assert css[role_name]["text-align"] == role.align


@pytest.mark.parametrize("name", PROFILES)
def test_css_page_follows_the_profile(name: str) -> None:
    profile = load_profile(name)
    css = stylesheet(profile, fonts_dir())
    page = profile.page
    assert f"size: {page.width_mm:g}mm {page.height_mm:g}mm" in css
    margins = re.search(r"margin:\s*([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm\s+([\d.]+)mm", css)
    assert margins, "no @page margins"
    top, right, bottom, left = (float(v) for v in margins.groups())
    assert (top, right, bottom, left) == (
        page.margin_top_mm,
        page.margin_right_mm,
        page.margin_bottom_mm,
        page.margin_left_mm,
    )
    size = re.search(r"@top-center\s*\{[^}]*font-size:\s*([\d.]+)pt", css)
    assert size and float(size.group(1)) == profile.role("page-number").size_pt
    assert re.search(r"@page\s*:first\s*\{\s*@top-center\s*\{\s*content:\s*none", css)
