"""Document tree → the body of one DOCX: paragraphs in their role's style, the header and the
signatures as borderless tables, data tables, rules under header lines, appendices as sections."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.text.paragraph import Paragraph

from minutes.errors import InternalError
from minutes.profiles import ROLES, Profile
from minutes.tree import Document, role_of, text_of
from minutes.writers.docx.ooxml import (
    append_break,
    append_run,
    restart_page_numbers,
    set_cant_split,
    set_fixed_layout,
    set_header_row,
    set_top_border,
)
from minutes.writers.docx.package import build_time, save
from minutes.writers.docx.styles import LANGUAGE, RULE_STYLE_ID, style_id
from minutes.writers.metrics import (
    TABLE_PADDING_PT,
    box_width_pt,
    column_widths_mm,
    longest_line_pt,
    rule_space_pt,
    ruled_lines,
)
from minutes.writers.shared import (
    CELL_PADDING_MM,
    CELL_PADDING_VERTICAL_PT,
    SIGNATURE_PADDING_MM,
    TABLE_GAP_PT,
)

ROLE_OF_STYLE = {style_id(role): role for role in ROLES}


class Builder:
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
        return save(self.docx, moment)

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
                    keep_last_with_next(container)
        else:
            raise InternalError(f"the DOCX writer does not know <{tag} class={classes}>")

    def _appendix(self, element: ET.Element, container: Any) -> None:
        """An appendix starts a section of its own: a new page, its pages numbered from 1
        (PL I, III.1.đ), no number on its first page."""
        section = self.docx.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = True
        restart_page_numbers(section)
        for child in element:
            self._block(child, container)

    def _paragraph(self, element: ET.Element, container: Any) -> Any:
        role = role_of(element)
        if role is None:
            raise InternalError(f"paragraph without a role: {ET.tostring(element)!r}")
        style = self.profile.role(role)
        paragraph = self._add_paragraph(container, style_id(role))
        available = self._available_width_pt(container)
        lines = ruled_lines(element, style, available, self.fonts)
        if style.rule is None:
            if lines is None:
                add_runs(paragraph, element, caps=style.caps)
            else:
                self._lines(paragraph, lines, style.caps)
            return paragraph
        if lines is None:
            add_runs(paragraph, element, caps=style.caps)
            lines = text_of(element).split("\n")
        else:
            self._lines(paragraph, lines, style.caps)
        length = min(longest_line_pt(lines, style, self.fonts), available) * style.rule
        rule = self._rule_under(container, length, available, style.rule_width_pt)
        # the rule belongs to the paragraph: the paragraph's space after comes after the rule
        paragraph.paragraph_format.keep_with_next = True
        if style.space_after_pt:
            paragraph.paragraph_format.space_after = Pt(0)
            rule.paragraph_format.space_after = Pt(style.space_after_pt)
        rule.paragraph_format.space_before = Pt(rule_space_pt(style, self.fonts, "docx"))
        return paragraph

    @staticmethod
    def _lines(paragraph: Any, lines: list[str], caps: bool) -> None:
        for index, line in enumerate(lines):
            if index:
                append_break(paragraph._p)
            append_run(paragraph._p, line.upper() if caps else line, False, False, False)

    def _rule_under(self, container: Any, length: float, available: float, width: float) -> Any:
        """An empty paragraph whose top border, between its indents, is ``length`` long."""
        indent = max((available - length) / 2, 0)
        rule = self._add_paragraph(container, RULE_STYLE_ID)
        rule.paragraph_format.left_indent = Pt(indent)
        rule.paragraph_format.right_indent = Pt(indent)
        rule.paragraph_format.keep_with_next = True
        set_top_border(rule, width)
        return rule

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
        set_fixed_layout(table, widths, padding_mm)
        for row, source in zip(table.rows, rows, strict=True):
            set_cant_split(row)
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
        self._apart_from_a_table(container)
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
        self._space_before_table(container)
        table = container.add_table(rows=len(rows), cols=len(widths))
        table.style = self.docx.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        set_fixed_layout(
            table, widths, TABLE_PADDING_PT * 25.4 / 72, CELL_PADDING_VERTICAL_PT * 25.4 / 72
        )
        head = element.find("thead") is not None
        body_rows = len(rows) - (1 if head else 0)
        for r, (row, source) in enumerate(zip(table.rows, rows, strict=True)):
            if r == 0 and head:
                set_header_row(row)
            set_cant_split(row)
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
                add_runs(paragraph, source_cell, caps=self.profile.role(role).caps)
                if keep:
                    paragraph.paragraph_format.keep_with_next = True
                column += span

    def _apart_from_a_table(self, container: Any) -> None:
        """An empty rule-style paragraph when the last block is a table (Word joins two tables
        that touch)."""
        body = container.element.body if hasattr(container, "element") else container._element
        children = [child for child in body if child.tag != qn("w:sectPr")]
        if children and children[-1].tag == qn("w:tbl"):
            spacer = self._add_paragraph(container, RULE_STYLE_ID)
            spacer.paragraph_format.keep_with_next = True  # two tables of signers: one block

    def _space_before_table(self, container: Any) -> None:
        """Word has no space before a table: the paragraph above it takes the gap as its space
        after (the larger of the two, as between paragraphs; none under a caption, which belongs
        to its table); between two tables, an empty paragraph of that height (it also keeps Word
        from joining them into one)."""
        body = container.element.body if hasattr(container, "element") else container._element
        children = [child for child in body if child.tag != qn("w:sectPr")]
        last = children[-1] if children else None
        if last is None:
            return
        if last.tag == qn("w:tbl"):
            spacer = self._add_paragraph(container, RULE_STYLE_ID)
            spacer.paragraph_format.line_spacing = Pt(TABLE_GAP_PT)
            return
        if last.tag != qn("w:p"):
            return
        style = last.pPr.pStyle.val if last.pPr is not None and last.pPr.pStyle is not None else ""
        role = ROLE_OF_STYLE.get(style)
        if role == "table-caption":
            return
        own = self.profile.role(role).space_after_pt if role else 0.0
        Paragraph(last, container).paragraph_format.space_after = Pt(max(own, TABLE_GAP_PT))


def keep_last_with_next(container: Any) -> None:
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


# -- inline runs -----------------------------------------------------------------------------------


def add_runs(paragraph: Any, element: ET.Element, caps: bool) -> None:
    """The text of ``element`` as runs, bold/italic/underline where the tree says so."""
    p = paragraph._p

    def walk(node: ET.Element, bold: bool, italic: bool, underline: bool) -> None:
        if node.text:
            append_run(p, node.text.upper() if caps else node.text, bold, italic, underline)
        for child in node:
            if child.tag == "br":
                append_break(p)
            else:
                walk(
                    child,
                    bold or child.tag == "strong",
                    italic or child.tag == "em",
                    underline or child.tag == "u",
                )
            if child.tail:
                text = child.tail
                append_run(p, text.upper() if caps else text, bold, italic, underline)

    walk(element, False, False, False)
