"""Read a DOCX into a :class:`~minutes.check.layout.Layout`: its paragraphs laid out once, plainly.

Each paragraph's look is resolved as Word resolves it (:mod:`minutes.check.docx_styles`). Its text
is broken into lines at spaces with the advance widths of the fonts (Liberation Serif, the metric
twin of Times New Roman), placed by its indents, alignment and tab stops in its column (the page's
text area, or a table cell), and stacked by its spacing; tables are laid out cell by cell, row by
row. There are no page breaks: the body is one long first page. What the file declares is kept:
each line carries its paragraph's alignment, the sheets carry the sections' margins. Paragraph
borders and drawn lines are the rules; the running header's ``PAGE`` field is the page number.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from minutes.check.docx_draw import drawn_strokes
from minutes.check.docx_lines import Placed, break_lines
from minutes.check.docx_runs import Token, paragraph_tokens
from minutes.check.docx_styles import EMU_MM, ParaLook, RunLook, Styles, on, q
from minutes.check.docx_tables import cells, row_height, table_start
from minutes.check.layout import COLUMN_GAP_EM, Cell, Layout, Look, Piece, Sheet, Stroke, Word
from minutes.check.tolerances import MM_PER_PT
from minutes.errors import InputError, Problem
from minutes.i18n import _
from minutes.resources import fonts_dir
from minutes.vocabulary import SINGLE_LINE, text_width_pt

ASCENT, DESCENT = 0.891, 0.216
"""Times New Roman's ascent and descent (em): where a line's glyph box lies in its line."""
DEFAULT_TAB_MM = 12.7
PAGE_BREAKS = (
    ".//w:br[@w:type='page'] | .//w:pageBreakBefore[not(@w:val='0') and not(@w:val='false')]"
    " | .//w:lastRenderedPageBreak"
)
"""Where a DOCX asks for, or Word recorded, a new page."""


def open_docx(data: bytes) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(
            Problem(_("This is not a DOCX file that can be read: {detail}.").format(detail=exc))
        ) from None


def read_docx(data: bytes) -> Layout:
    """The layout of the DOCX ``data``."""
    return _Reader(open_docx(data)).run()


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.styles = Styles(document)
        self.fonts = fonts_dir()
        self.layout = Layout("docx", [], [])
        self.paragraphs = 0
        self.tables = 0
        self.y = 0.0

    def run(self) -> Layout:
        sections = list(self.document.sections)
        for number, section in enumerate(sections, 1):
            self.layout.sheets.append(_sheet(number, section))
        first = self.layout.sheets[0]
        assert first.margins is not None
        top, _bottom, left, right = first.margins
        self.y = top
        box = (left, first.width - right)
        self._blocks(self.document.element.body, box, None)
        self.layout.extent = self.y
        self.layout.page_breaks = len(self.document.element.body.xpath(PAGE_BREAKS))
        self._headers(sections[0], box)
        for order, piece in enumerate(self.layout.pieces):
            piece.order = order
        return self.layout

    # -- blocks -----------------------------------------------------------------------------------

    def _blocks(self, parent: Any, box: tuple[float, float], cell: Cell | None) -> None:
        for child in parent:
            if child.tag == q("w:p"):
                self.paragraphs += 1
                where = _("paragraph {number}").format(number=self.paragraphs)
                self._paragraph(child, box, cell, where, "body", None)
            elif child.tag == q("w:tbl"):
                self._table(child, box)
            elif child.tag in (q("w:sdt"), q("w:customXml")):
                content = child.find(q("w:sdtContent"))
                self._blocks(content if content is not None else child, box, cell)

    def _table(self, table: Any, box: tuple[float, float]) -> None:
        index = self.tables
        self.tables += 1
        start, grid, total = table_start(table, box)
        for r, row in enumerate(table.findall(q("w:tr"))):
            top = bottom = self.y
            for column, tc, inner in cells(table, row, start, grid, total):
                self.y = top
                self._blocks(tc, inner, Cell(index, r, column, inner[0], inner[1]))
                bottom = max(bottom, self.y)
            self.y = max(bottom, top + row_height(row))

    # -- paragraphs -------------------------------------------------------------------------------

    def _paragraph(
        self,
        element: Any,
        box: tuple[float, float],
        cell: Cell | None,
        where: str,
        zone: str,
        page: int | None,
    ) -> None:
        look = self.styles.paragraph(element)
        tokens = paragraph_tokens(element, look, self.styles)
        self.y += look.before_pt * MM_PER_PT
        top = self.y
        if not any(t.kind == "word" for t in tokens):  # an empty paragraph: one line high
            mark = look.mark or self.styles.look(None, None)
            self.y += _line_height(look, mark.size)
        else:
            for number, line in enumerate(
                break_lines(tokens, look, box, self._width, DEFAULT_TAB_MM)
            ):
                # a line placed by tab stops shows its own place, whatever the paragraph says
                align = None if line.tabbed else look.align
                self._line(line.words, number, look, align, cell, where, zone, page)
        bottom = self.y
        self.y += look.after_pt * MM_PER_PT
        self._borders(look, box, top, bottom, page)
        for run in element.iter(q("w:r")):
            self.layout.strokes.extend(drawn_strokes(run, box, top, page))

    def _line(
        self,
        line: Placed,
        number: int,
        look: ParaLook,
        align: str | None,
        cell: Cell | None,
        where: str,
        zone: str,
        page: int | None,
    ) -> None:
        size = max((t.look.size for _x, t in line if t.look is not None), default=10.0)
        height = _line_height(look, size)
        baseline = self.y + (height - (ASCENT + DESCENT) * size * MM_PER_PT) / 2
        baseline += ASCENT * size * MM_PER_PT
        groups: list[list[Word]] = [[]]
        field = None
        for x, token in line:
            assert token.look is not None
            field = field or token.field
            word = Word(x, x + self._width(token), _shown(token), _look(token.look))
            previous = groups[-1][-1] if groups[-1] else None
            if previous is not None and word.x0 - previous.x1 > COLUMN_GAP_EM * size * MM_PER_PT:
                groups.append([])
            groups[-1].append(word)
        for words in groups:
            if not words:
                continue
            self.layout.pieces.append(
                Piece(
                    words,
                    top=baseline - ASCENT * size * MM_PER_PT,
                    bottom=baseline + DESCENT * size * MM_PER_PT,
                    baseline=baseline,
                    page=page,
                    zone=zone,
                    para=self.paragraphs if zone == "body" else -1,
                    line=number,
                    align=align,
                    cell=cell,
                    field=field,
                    where=where,
                )
            )
        self.y += height

    def _borders(
        self, look: ParaLook, box: tuple[float, float], top: float, bottom: float, page: int | None
    ) -> None:
        x0, x1 = box[0] + look.left, box[1] - look.right
        for edge, y in (("top", top), ("bottom", bottom)):
            if getattr(look, f"{edge}_border") and x1 > x0:
                self.layout.strokes.append(Stroke(page, y, x0, x1 - x0))

    def _width(self, token: Token) -> float:
        if token.look is None:
            return 0.0
        look = token.look
        text = _shown(token) if token.kind == "word" else " "
        return text_width_pt(text, look.size, look.bold, look.italic, self.fonts) * MM_PER_PT

    # -- the running header -----------------------------------------------------------------------

    def _headers(self, section: Any, box: tuple[float, float]) -> None:
        sheet = self.layout.sheets[0]
        distance = sheet.header_distance or 12.7
        first_page = on(section._sectPr.find(q("w:titlePg"))) is True
        default = None if section.header.is_linked_to_previous else section.header
        first = section.first_page_header if first_page else default
        if first_page and first is not None and first.is_linked_to_previous:
            first = None
        for part, page, where in (
            (first, 1, _("first-page header")),
            (default, None, _("header")),
        ):
            if part is None:
                continue
            self.y = distance
            for paragraph in part._element.iter(q("w:p")):
                self._paragraph(paragraph, box, None, where, "header", page)
        footer = None if section.footer.is_linked_to_previous else section.footer
        if footer is not None:
            self.y = sheet.height - (float(section.footer_distance or 0) * EMU_MM) - 6
            for paragraph in footer._element.iter(q("w:p")):
                self._paragraph(paragraph, box, None, _("footer"), "footer", None)


# -- helpers ---------------------------------------------------------------------------------------


def _sheet(number: int, section: Any) -> Sheet:
    width = float(section.page_width or 0) * EMU_MM
    height = float(section.page_height or 0) * EMU_MM
    gutter = float(section.gutter or 0) * EMU_MM
    margins = (
        float(section.top_margin or 0) * EMU_MM,
        float(section.bottom_margin or 0) * EMU_MM,
        float(section.left_margin or 0) * EMU_MM + gutter,
        float(section.right_margin or 0) * EMU_MM,
    )
    label = _("section {number}").format(number=number)
    distance = float(section.header_distance or 0) * EMU_MM
    return Sheet(number, width, height, label, margins, distance)


def _look(look: RunLook) -> Look:
    return Look(look.size, look.bold, look.italic, look.underline, look.font)


def _shown(token: Token) -> str:
    caps = token.look is not None and token.look.caps
    return token.text.upper() if caps else token.text


def _line_height(look: ParaLook, size: float) -> float:
    rule, value = look.line
    single = SINGLE_LINE * size
    if rule == "exact":
        return value * MM_PER_PT
    if rule == "atLeast":
        return max(value, single) * MM_PER_PT
    return value * single * MM_PER_PT
