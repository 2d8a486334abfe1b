"""Profile → Word: the page set-up, one named paragraph style per role (``BB Quốc hiệu``,
``BB Nội dung`` …) that carries the profile's format, and the header with the page number; built
once per profile into the base document every file starts from."""

from __future__ import annotations

from typing import Any

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from minutes.profiles import ROLES, Profile, Role
from minutes.writers.docx.ooxml import (
    add_page_field,
    app_properties,
    font_table,
    set_compatibility,
    set_default_fonts,
    set_fonts,
    set_language,
    set_outline_level,
    theme_with_font,
)
from minutes.writers.docx.package import build_time, save
from minutes.writers.shared import RULE_LINE_PT

STYLE_NAMES: dict[str, str] = {
    "parent-org": "BB Cơ quan chủ quản",
    "org": "BB Cơ quan ban hành",
    "org-mark": "BB Dấu sao",
    "number": "BB Số và ký hiệu",
    "confidential": "BB Độ mật",
    "national-title": "BB Quốc hiệu",
    "motto": "BB Tiêu ngữ",
    "place-date": "BB Địa danh và ngày tháng",
    "doc-kind": "BB Tên loại",
    "trich-yeu": "BB Trích yếu",
    "title-mark": "BB Dấu dưới trích yếu",
    "body": "BB Nội dung",
    "heading-1": "BB Đề mục 1",
    "heading-2": "BB Đề mục 2",
    "heading-3": "BB Đề mục 3",
    "list-item": "BB Gạch đầu dòng",
    "table-caption": "BB Tên bảng",
    "table-head": "BB Bảng tiêu đề",
    "table-cell": "BB Bảng nội dung",
    "table-center": "BB Bảng giữa",
    "table-number": "BB Bảng số liệu",
    "table-note": "BB Ghi chú bảng",
    "signer-authority": "BB Quyền hạn người ký",
    "signer-title": "BB Chức danh người ký",
    "signer-position": "BB Chức vụ người ký",
    "signer-note": "BB Ghi chú chữ ký",
    "signer-name": "BB Họ tên người ký",
    "recipients-heading": "BB Nơi nhận",
    "recipients-item": "BB Nơi nhận dòng",
    "appendix-label": "BB Phụ lục số",
    "appendix-title": "BB Tên phụ lục",
    "appendix-reference": "BB Chỉ dẫn phụ lục",
    "page-number": "BB Số trang",
}
"""One Word paragraph style per role, named so a clerk recognises it in Word's style list."""

KEPT_STYLES = (
    "Normal",
    "DefaultParagraphFont",
    "TableNormal",
    "NoList",
    "TableGrid",
    "Header",
    "Footer",
)
"""Styles of the template a biên bản uses (besides its own ``BB…`` styles)."""

OUTLINE_LEVELS = {"heading-1": 0, "heading-2": 1, "heading-3": 2}
"""Word's outline level of each heading role (0 is level 1): the navigation pane lists them."""

RULE_STYLE = "BB Đường kẻ"
RULE_STYLE_ID = "BBrule"
LANGUAGE = "vi-VN"
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def style_id(role: str) -> str:
    """The ASCII style id of a role (``national-title`` → ``BBnationaltitle``)."""
    return "BB" + role.replace("-", "")


def base_document(profile: Profile) -> bytes:
    """An empty document with the profile's page, styles and page-number header."""
    styler = Styler(new_docx(), profile)
    styler.page()
    styler.styles()
    styler.page_number()
    styler.prune()
    styler.tidy()
    body = styler.docx.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):  # the template's empty paragraph
        body.remove(paragraph)
    return save(styler.docx, build_time(), level=0)  # stored: reopened for every document


class Styler:
    """Turns a profile into Word's section settings and paragraph styles."""

    def __init__(self, docx: Any, profile: Profile) -> None:
        self.docx = docx
        self.profile = profile

    def page(self) -> None:
        page = self.profile.page
        section = self.docx.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = Mm(page.width_mm)
        section.page_height = Mm(page.height_mm)
        section.top_margin = Mm(page.margin_top_mm)
        section.bottom_margin = Mm(page.margin_bottom_mm)
        section.left_margin = Mm(page.margin_left_mm)
        section.right_margin = Mm(page.margin_right_mm)
        section.header_distance = Mm(page.header_distance_mm)
        section.footer_distance = Mm(page.header_distance_mm)
        section.gutter = Mm(0)
        section.different_first_page_header_footer = True

    def prune(self) -> None:
        """Drop what python-docx's template carries and a biên bản never uses: 150 unused style
        definitions (Word rebuilds any built-in style a clerk picks from its latent list), the
        Word 2010 ``stylesWithEffects`` copy of them, and the template's thumbnail: 800 kB of XML
        that every render parsed, serialised and compressed again."""
        part = self.docx.part
        for rel_id, rel in list(part.rels.items()):
            if rel.reltype.endswith("/stylesWithEffects"):
                del part.rels[rel_id]
        package_rels = part.package.rels
        for rel_id, rel in list(package_rels.items()):
            if rel.reltype.endswith("/thumbnail"):  # a picture of python-docx's blank template
                del package_rels[rel_id]
        root = self.docx.styles.element
        by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        keep = {sid for sid in by_id if sid and sid.startswith("BB")} | set(KEPT_STYLES)
        pending = list(keep)
        while pending:  # and every style those are based on, linked to, or followed by
            style = by_id.get(pending.pop())
            if style is None:
                continue
            for tag in ("w:basedOn", "w:link", "w:next"):
                ref = style.find(qn(tag))
                target = ref.get(qn("w:val")) if ref is not None else None
                if target and target not in keep:
                    keep.add(target)
                    pending.append(target)
        for sid, style in by_id.items():
            if sid not in keep and style.get(qn("w:default")) != "1":
                root.remove(style)

    def tidy(self) -> None:
        """What the file says of itself, its own and not python-docx's template's: current
        Word's compatibility mode, the profile's font for every script in the defaults, the
        theme and the font table, Vietnamese as the language, this program as the application;
        the template's custom XML part and web settings dropped."""
        from minutes import __version__

        family = self.profile.font.family
        part = self.docx.part
        set_compatibility(part._settings_part.element, LANGUAGE)
        set_default_fonts(self.docx.styles.element, family)
        for rel_id, rel in list(part.rels.items()):
            kind = rel.reltype.rsplit("/", 1)[-1]
            if kind in ("customXml", "webSettings"):
                del part.rels[rel_id]
            elif kind == "theme":
                rel.target_part._blob = theme_with_font(rel.target_part.blob, family)
            elif kind == "fontTable":
                rel.target_part._blob = font_table(family)
        for rel in part.package.rels.values():
            if rel.reltype.endswith("/extended-properties"):
                rel.target_part._blob = app_properties(f"minutes {__version__}")

    def styles(self) -> None:
        styles = self.docx.styles
        family = self.profile.font.family
        normal = styles["Normal"]
        normal.font.name = family
        normal.font.size = Pt(self.profile.role("body").size_pt)
        set_fonts(normal.element, family)
        set_language(self.docx, LANGUAGE)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(0)
        for role in ROLES:
            style = styles.add_style(STYLE_NAMES[role], WD_STYLE_TYPE.PARAGRAPH)
            style.style_id = style_id(role)
            style.base_style = normal
            style.quick_style = True
            self._apply(style, self.profile.role(role))
            if role in OUTLINE_LEVELS:
                set_outline_level(style.element, OUTLINE_LEVELS[role])
        rule = styles.add_style(RULE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        rule.style_id = RULE_STYLE_ID
        rule.base_style = normal
        rule.font.size = Pt(RULE_LINE_PT)
        fmt = rule.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(RULE_LINE_PT)

    def _apply(self, style: Any, role: Role) -> None:
        font = style.font
        font.name = self.profile.font.family
        font.size = Pt(role.size_pt)
        font.bold = role.bold
        font.italic = role.italic
        font.underline = role.underline
        font.all_caps = role.caps
        fmt = style.paragraph_format
        fmt.alignment = ALIGN[role.align]
        fmt.first_line_indent = Mm(role.indent_first_mm) if role.indent_first_mm else Emu(0)
        fmt.space_before = Pt(role.space_before_pt)
        fmt.space_after = Pt(role.space_after_pt)
        if role.line_exact_pt is not None:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(role.line_exact_pt)
        else:  # a multiple of Word's "single", which is the font's own line height
            fmt.line_spacing = role.line_spacing or 1.0
        fmt.keep_with_next = role.keep_with_next
        fmt.widow_control = True

    def page_number(self) -> None:
        section = self.docx.sections[0]
        paragraph = section.header.paragraphs[0]
        paragraph.style = self.docx.styles[STYLE_NAMES["page-number"]]
        add_page_field(paragraph)
        first = section.first_page_header
        first.is_linked_to_previous = False
        first.paragraphs[0].text = ""
