"""Document tree + profile → DOCX bytes, with python-docx.

The file is made to be *edited*: every role is a named Word paragraph style (``BB Quốc hiệu``,
``BB Nội dung`` …) that carries the profile's format, and paragraphs use the style rather than
direct formatting, so a clerk who adds a paragraph keeps the official look. The header and the
signatures are borderless tables (what Vietnamese offices use); rules under header lines are empty
paragraphs with a border and indents that leave the length the rules ask for. Raw OOXML that
python-docx has no API for is written only in the small ``_set_*`` functions at the end.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import threading
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.text.paragraph import Paragraph

from minutes.errors import InternalError
from minutes.profiles import ROLES, Profile, Role
from minutes.resources import fonts_dir
from minutes.tree import Document, role_of, text_of
from minutes.writers.metrics import (
    TABLE_PADDING_PT,
    box_width_pt,
    column_widths_mm,
    longest_line_pt,
    ruled_lines,
)
from minutes.writers.shared import CELL_PADDING_MM, SIGNATURE_PADDING_MM

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

_KEPT_STYLES = ("Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid",
                 "Header", "Footer")
"""Styles of the template a biên bản uses (besides its own ``BB…`` styles)."""

RULE_STYLE = "BB Đường kẻ"
RULE_STYLE_ID = "BBrule"
LANGUAGE = "vi-VN"
_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def style_id(role: str) -> str:
    """The ASCII style id of a role (``national-title`` → ``BBnationaltitle``)."""
    return "BB" + role.replace("-", "")


class DocxWriter:
    """Renders documents to DOCX. Safe to share between threads.

    The part of a file that depends only on the profile (page set-up, the styles, the header with
    its page number) is built once per profile and kept as bytes; each document starts from a copy
    of it. Paragraph styles are set by id, not by name: python-docx's lookup by name scans every
    style of the template for each paragraph, which cost more than all the rest together.
    """

    def __init__(self, fonts: Path | None = None) -> None:
        self._fonts = (fonts or fonts_dir()).resolve()
        self._bases: dict[tuple[str, str], bytes] = {}
        self._lock = threading.Lock()
        missing = [role for role in ROLES if role not in STYLE_NAMES]
        if missing:
            raise InternalError(f"the DOCX writer has no style for roles {missing}")

    def _base(self, profile: Profile) -> bytes:
        key = (profile.id, profile.version)
        with self._lock:
            if key not in self._bases:
                self._bases[key] = _base_document(profile)
            return self._bases[key]

    def render(self, document: Document) -> bytes:
        """The DOCX file of ``document``."""
        base = self._base(document.profile)
        return _Builder(document, self._fonts, new_docx(io.BytesIO(base))).build()


def _base_document(profile: Profile) -> bytes:
    """An empty document with the profile's page, styles and page-number header."""
    styler = _Styler(new_docx(), profile)
    styler.page()
    styler.styles()
    styler.page_number()
    styler.prune()
    body = styler.docx.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):  # the template's empty paragraph
        body.remove(paragraph)
    return _save(styler.docx, build_time(), level=0)  # stored: reopened for every document


class _Styler:
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
        keep = {sid for sid in by_id if sid and sid.startswith("BB")} | set(_KEPT_STYLES)
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

    def styles(self) -> None:
        styles = self.docx.styles
        family = self.profile.font.family
        normal = styles["Normal"]
        normal.font.name = family
        normal.font.size = Pt(self.profile.role("body").size_pt)
        _set_fonts(normal.element, family)
        _set_language(self.docx, LANGUAGE)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(0)
        for role in ROLES:
            style = styles.add_style(STYLE_NAMES[role], WD_STYLE_TYPE.PARAGRAPH)
            style.style_id = style_id(role)
            style.base_style = normal
            style.quick_style = True
            self._apply(style, self.profile.role(role))
        rule = styles.add_style(RULE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        rule.style_id = RULE_STYLE_ID
        rule.base_style = normal
        rule.font.size = Pt(2)
        fmt = rule.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(2)

    def _apply(self, style: Any, role: Role) -> None:
        font = style.font
        font.name = self.profile.font.family
        font.size = Pt(role.size_pt)
        font.bold = role.bold
        font.italic = role.italic
        font.underline = role.underline
        font.all_caps = role.caps
        fmt = style.paragraph_format
        fmt.alignment = _ALIGN[role.align]
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
        _add_page_field(paragraph)
        first = section.first_page_header
        first.is_linked_to_previous = False
        first.paragraphs[0].text = ""



class _Builder:
    """Builds one DOCX from a copy of the base document; holds the state of that file only."""

    def __init__(self, document: Document, fonts: Path, docx: Any) -> None:
        self.tree = document
        self.profile: Profile = document.profile
        self.fonts = fonts
        self.docx = docx

    def build(self) -> bytes:
        for element in self.tree.body:
            self._block(element, self.docx)
        moment = self._properties()
        return _save(self.docx, moment)

    def _add_paragraph(self, container: Any, style: str) -> Any:
        """A new paragraph with the style whose id is ``style``, appended to ``container`` (the
        document body or a table cell). Built directly: python-docx's ``add_paragraph`` looks the
        style up by name and searches the body's children for each insertion."""
        p = OxmlElement("w:p")
        properties = OxmlElement("w:pPr")
        name = OxmlElement("w:pStyle")
        name.set(qn("w:val"), style)
        properties.append(name)
        p.append(properties)
        parent = container._tc if hasattr(container, "_tc") else container.element.body
        last = parent[-1] if len(parent) else None
        if last is not None and last.tag == qn("w:sectPr"):
            last.addprevious(p)
        else:
            parent.append(p)
        return Paragraph(p, container)

    def _properties(self) -> dt.datetime:
        meta = self.tree.metadata
        props = self.docx.core_properties
        props.title = meta.title
        props.author = meta.author
        props.subject = meta.subject
        props.keywords = meta.keywords
        props.language = LANGUAGE
        props.last_modified_by = meta.author
        props.comments = f"{self.profile.name}; minutes"
        props.revision = 1
        moment = build_time()
        props.created = moment
        props.modified = moment
        return moment

    # -- blocks ----------------------------------------------------------------------------------

    def _block(self, element: ET.Element, container: Any) -> None:
        tag = element.tag
        classes = element.get("class", "").split()
        if tag == "p":
            self._paragraph(element, container)
        elif tag == "table" and "header" in classes:
            self._header_table(element, container)
        elif tag == "table" and "data-table" in classes:
            self._data_table(element, container)
        elif tag == "table" and "signatures" in classes:
            self._signature_table(element, container)
        elif tag == "div" and "appendix" in classes:
            self._appendix(element, container)
        elif tag == "div":
            for child in element:
                self._block(child, container)
                if "keep-together" in classes and child is not element[-1]:
                    _keep_last_with_next(container)
        else:
            raise InternalError(f"the DOCX writer does not know <{tag} class={classes}>")

    def _appendix(self, element: ET.Element, container: Any) -> None:
        """An appendix starts a section of its own: a new page, its pages numbered from 1
        (PL I, III.1.đ), no number on its first page."""
        section = self.docx.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = True
        _restart_page_numbers(section)
        for child in element:
            self._block(child, container)

    def _paragraph(self, element: ET.Element, container: Any) -> Any:
        role = role_of(element)
        if role is None:
            raise InternalError(f"paragraph without a role: {ET.tostring(element)!r}")
        style = self.profile.role(role)
        paragraph = self._add_paragraph(container, style_id(role))
        if style.rule is None:
            _add_runs(paragraph, element, caps=style.caps)
            return paragraph
        available = self._available_width_pt(container)
        lines = ruled_lines(element, style, available, self.fonts)
        if lines is None:
            _add_runs(paragraph, element, caps=style.caps)
            lines = text_of(element).split("\n")
        else:
            for index, line in enumerate(lines):
                if index:
                    _append_break(paragraph._p)
                _append_run(paragraph._p, line.upper() if style.caps else line, False, False, False)
        length = min(longest_line_pt(lines, style, self.fonts), available) * style.rule
        self._rule_under(container, length, available, style.rule_width_pt)
        return paragraph

    def _rule_under(self, container: Any, length: float, available: float, width: float) -> None:
        """An empty paragraph whose top border, between its indents, is ``length`` long."""
        indent = max((available - length) / 2, 0)
        rule = self._add_paragraph(container, RULE_STYLE_ID)
        rule.paragraph_format.left_indent = Pt(indent)
        rule.paragraph_format.right_indent = Pt(indent)
        rule.paragraph_format.keep_with_next = True
        _set_top_border(rule, width)

    def _available_width_pt(self, container: Any) -> float:
        width = getattr(container, "width", None)
        if width is not None:  # a table cell
            return float(Emu(width).pt) - 2 * float(Mm(CELL_PADDING_MM).pt)
        return box_width_pt(self.profile, None)

    def _columns(
        self,
        element: ET.Element,
        container: Any,
        widths: tuple[float, ...],
        group: str,
        padding_mm: float = CELL_PADDING_MM,
    ) -> Any:
        """A borderless table of fixed columns whose cells hold role paragraphs."""
        rows = element.findall("./tr")
        for row in rows:
            cells = row.findall("./td")
            if len(cells) != len(widths) or any(group not in c.get("class", "") for c in cells):
                raise InternalError(
                    f"a {element.get('class')} row needs {len(widths)} {group} cells"
                )
        table = container.add_table(rows=len(rows), cols=len(widths))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _set_fixed_layout(table, widths, padding_mm)
        for row, source in zip(table.rows, rows, strict=True):
            _set_cant_split(row)
            for cell, width, source_cell in zip(row.cells, widths, source, strict=True):
                cell.width = Mm(width)
                self._fill_cell(cell, source_cell)
        return table

    def _fill_cell(self, cell: Any, source: ET.Element) -> None:
        first = cell.paragraphs[0]
        for child in source:
            if child.tag != "p":
                raise InternalError(f"unexpected <{child.tag}> in a table cell")
            self._paragraph(child, cell)
        first._element.getparent().remove(first._element)

    def _header_table(self, element: ET.Element, container: Any) -> None:
        layout = self.profile.layout
        widths = (layout.header_left_mm, layout.header_right_mm)
        self._columns(element, container, widths, "header-")

    def _signature_table(self, element: ET.Element, container: Any) -> None:
        layout = self.profile.layout
        count = max(len(row.findall("./td")) for row in element.findall("./tr"))
        if count == 2:
            widths: tuple[float, ...] = (layout.signature_left_mm, layout.signature_right_mm)
        else:
            widths = (self.profile.page.text_width_mm / count,) * count
        table = self._columns(element, container, widths, "signer", SIGNATURE_PADDING_MM)
        for row in table.rows[:-1]:  # keep the block on one page: each row stays with the next
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True

    def _data_table(self, element: ET.Element, container: Any) -> None:
        """A bordered table; its header row repeats on each page it runs onto, and neither its
        first nor its last row is left alone at a page foot or head."""
        rows = element.findall(".//tr")
        widths = tuple(column_widths_mm(element, self.profile, self.fonts))
        table = container.add_table(rows=len(rows), cols=len(widths))
        table.style = self.docx.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _set_fixed_layout(table, widths, TABLE_PADDING_PT * 25.4 / 72)
        head = element.find("thead") is not None
        body_rows = len(rows) - (1 if head else 0)
        for r, (row, source) in enumerate(zip(table.rows, rows, strict=True)):
            if r == 0 and head:
                _set_header_row(row)
            _set_cant_split(row)
            keep = (head and r <= 1) or (r == 0) or (body_rows > 1 and r == len(rows) - 2)
            column = 0
            for source_cell in source:
                span = int(source_cell.get("colspan", "1"))
                cell = row.cells[column]
                if span > 1:
                    cell = cell.merge(row.cells[column + span - 1])
                cell.width = Mm(sum(widths[column : column + span]))
                role = role_of(source_cell) or "table-cell"
                paragraph = cell.paragraphs[0]
                paragraph._p.get_or_add_pPr().style = style_id(role)
                _add_runs(paragraph, source_cell, caps=self.profile.role(role).caps)
                if keep:
                    paragraph.paragraph_format.keep_with_next = True
                column += span
        self._add_paragraph(container, RULE_STYLE_ID)  # keeps tables apart


def _keep_last_with_next(container: Any) -> None:
    """Keep what was just added (a paragraph, or every paragraph of a table) on the page of
    what follows it."""
    body = container.element.body if hasattr(container, "element") else container._element
    children = [child for child in body if child.tag != qn("w:sectPr")]
    if not children:
        return
    last = children[-1]
    paragraphs = [last] if last.tag == qn("w:p") else list(last.iter(qn("w:p")))
    for paragraph in paragraphs:
        paragraph.get_or_add_pPr().keepNext_val = True


class _ZipWriter:
    """What python-docx's package writer needs of a zip file: ``write(uri, blob)``. Ours dates
    every entry with the document's build time (python-docx uses the time of the save, so two
    renders of one input would differ even under ``SOURCE_DATE_EPOCH``) and compresses once."""

    def __init__(self, target: zipfile.ZipFile, moment: dt.datetime, level: int) -> None:
        self._zip = target
        self._stamp = max(moment, dt.datetime(1980, 1, 1)).timetuple()[:6]  # zip starts in 1980
        self._level = level

    def write(self, uri: Any, blob: bytes) -> None:
        entry = zipfile.ZipInfo(uri.membername, date_time=self._stamp)
        entry.compress_type = zipfile.ZIP_DEFLATED if self._level else zipfile.ZIP_STORED
        entry.external_attr = 0o600 << 16
        self._zip.writestr(entry, blob, compresslevel=self._level or None)


def _save(docx: Any, moment: dt.datetime, level: int = 1) -> bytes:
    """The package as bytes, through python-docx's own part serialisers (pinned to 1.2; see
    pyproject.toml) but our zip writer. ``level`` 0 stores without compression; 1 is the fastest
    deflate and makes files only a few per cent larger than 6 (minutes are small)."""
    from docx.opc import pkgwriter

    package_writer: Any = pkgwriter.PackageWriter  # its part writers are private but stable
    package = docx.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        writer = _ZipWriter(target, moment, level)
        package_writer._write_content_types_stream(writer, parts)
        package_writer._write_pkg_rels(writer, package.rels)
        package_writer._write_parts(writer, parts)
    return out.getvalue()


def build_time() -> dt.datetime:
    """The time stamped in the file: ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).replace(tzinfo=None)
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


# -- inline runs -----------------------------------------------------------------------------------


def _add_runs(paragraph: Any, element: ET.Element, caps: bool) -> None:
    """The text of ``element`` as runs, bold/italic/underline where the tree says so."""
    p = paragraph._p

    def walk(node: ET.Element, bold: bool, italic: bool, underline: bool) -> None:
        if node.text:
            _append_run(p, node.text.upper() if caps else node.text, bold, italic, underline)
        for child in node:
            if child.tag == "br":
                _append_break(p)
            else:
                walk(
                    child,
                    bold or child.tag == "strong",
                    italic or child.tag == "em",
                    underline or child.tag == "u",
                )
            if child.tail:
                text = child.tail
                _append_run(p, text.upper() if caps else text, bold, italic, underline)

    walk(element, False, False, False)


# -- raw OOXML, where python-docx has no API -------------------------------------------------------


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _append_run(p: Any, text: str, bold: bool, italic: bool, underline: bool) -> None:
    """``<w:r>`` with ``<w:t>``, built directly: python-docx's run API examines the text one
    character at a time and was a third of the writer's time. A line break in the text becomes
    ``<w:br/>``, as python-docx would make it."""
    run = OxmlElement("w:r")
    if bold or italic or underline:
        properties = OxmlElement("w:rPr")  # children in schema order: b, i, u
        if bold:
            properties.append(OxmlElement("w:b"))
        if italic:
            properties.append(OxmlElement("w:i"))
        if underline:
            mark = OxmlElement("w:u")
            mark.set(qn("w:val"), "single")
            properties.append(mark)
        run.append(properties)
    for index, line in enumerate(text.split("\n")):
        if index:
            run.append(OxmlElement("w:br"))
        if line:
            piece = OxmlElement("w:t")
            piece.text = line
            if line != line.strip():
                piece.set(_XML_SPACE, "preserve")
            run.append(piece)
    p.append(run)


def _append_break(p: Any) -> None:
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:br"))
    p.append(run)


def _set_fonts(style_element: Any, family: str) -> None:
    """Name the font for every script (Word picks ``w:cs`` / ``w:eastAsia`` for some letters)."""
    rpr = style_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), family)


def _set_language(docx: Any, language: str) -> None:
    """Mark the text as Vietnamese in the document defaults (spell-checking, hyphenation)."""
    styles = docx.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is None:
        raise InternalError("the DOCX template has no run defaults")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), "ar-SA")


def _add_page_field(paragraph: Any) -> None:
    """A PAGE field: Word and LibreOffice fill in the page number."""
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            value = OxmlElement("w:t")
            value.text = text
            run._r.append(value)


# Child order of the property elements (ECMA-376 Part 1, §17.3.1.26 pPr, §17.4.60 tblPr,
# §17.4.82 trPr). Word refuses, or "repairs", a file whose children are out of this order.
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
).split()
TBLPR_ORDER = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
).split()
TRPR_ORDER = (
    "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
    "tblCellSpacing jc hidden"
).split()


def _put(parent: Any, child: Any, order: list[str]) -> None:
    """Insert ``child`` into ``parent`` at its place in ``order``, replacing one of its kind."""
    name = child.tag.split("}")[-1]
    existing = parent.find(qn(f"w:{name}"))
    if existing is not None:
        parent.remove(existing)
    later = set(order[order.index(name) + 1 :])
    for index, sibling in enumerate(parent):
        if sibling.tag.split("}")[-1] in later:
            parent.insert(index, child)
            return
    parent.append(child)


def _set_top_border(paragraph: Any, width_pt: float) -> None:
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), str(max(2, round(width_pt * 8))))  # eighths of a point
    top.set(qn("w:space"), "1")
    top.set(qn("w:color"), "000000")
    borders.append(top)
    _put(paragraph._p.get_or_add_pPr(), borders, PPR_ORDER)


def _twips(mm: float) -> str:
    return str(round(mm / 25.4 * 1440))


def _set_fixed_layout(table: Any, widths_mm: tuple[float, ...], cell_margin_mm: float) -> None:
    """Fixed column widths (Word otherwise re-fits columns to their text) and cell margins."""
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), _twips(sum(widths_mm)))
    total.set(qn("w:type"), "dxa")
    _put(tbl_pr, total, TBLPR_ORDER)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _put(tbl_pr, layout, TBLPR_ORDER)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), _twips(cell_margin_mm))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    _put(tbl_pr, margins, TBLPR_ORDER)
    grid = tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        column.set(qn("w:w"), _twips(width))


def _set_cant_split(row: Any) -> None:
    _put(row._tr.get_or_add_trPr(), OxmlElement("w:cantSplit"), TRPR_ORDER)


def _set_header_row(row: Any) -> None:
    """Repeat this row at the top of each page the table runs onto."""
    _put(row._tr.get_or_add_trPr(), OxmlElement("w:tblHeader"), TRPR_ORDER)


def _restart_page_numbers(section: Any) -> None:
    """Number the pages of ``section`` from 1 (``<w:pgNumType w:start="1"/>``)."""
    sect_pr = section._sectPr
    existing = sect_pr.find(qn("w:pgNumType"))
    if existing is not None:
        sect_pr.remove(existing)
    number_type = OxmlElement("w:pgNumType")
    number_type.set(qn("w:start"), "1")
    _put(sect_pr, number_type, SECTPR_ORDER)


# ECMA-376 Part 1, §17.6.17 sectPr: the child order Word expects.
SECTPR_ORDER = (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter "
    "docGrid printerSettings sectPrChange"
).split()
