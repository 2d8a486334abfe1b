"""Read a PDF into a :class:`~minutes.check.layout.Layout`: where its text lies, in which face,
and the rules drawn.

The characters are read with pdfplumber and grouped into lines by their baseline; a line is split
where a gap wider than 2 em parts two columns. A line's box is its baseline less the font's
ascent and plus its descent (0.891 and 0.216 em for Times New Roman and the fonts
metric-compatible with it, or what the PDF's font descriptor says), so that margins do not
depend on how a producer sizes its glyph boxes. Weight and slant come from the font's name, the
family from the embedded font program's own name table. Thin filled rectangles and stroked lines
are the rules; a bordered table's lines are marked with their cell.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from minutes.check.layout import COLUMN_GAP_EM, Cell, Layout, Look, Piece, Sheet, Stroke, Word
from minutes.check.tolerances import MM_PER_PT
from minutes.errors import InputError, Problem
from minutes.i18n import _

TIMES_ASCENT, TIMES_DESCENT = 0.891, 0.216
WORD_GAP_EM = 0.15
"""A gap wider than this between two characters is a space, when the PDF has no space there."""
STROKE_HEIGHT_PT = 2.0
"""A filled rectangle at most this high is a rule, not a box."""
STROKE_LENGTH_MM = 3.0


@dataclass(frozen=True)
class FontInfo:
    family: str
    embedded: bool
    ascent: float
    descent: float


def read_pdf(data: bytes) -> Layout:
    """The layout of the PDF ``data``."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException
    from pypdf.errors import PyPdfError

    try:
        document = pdfplumber.open(io.BytesIO(data))
        fonts = read_fonts(data)
    except (PdfminerException, PyPdfError, ValueError, KeyError) as exc:
        raise InputError(
            Problem(_("This is not a PDF file that can be read: {detail}.").format(detail=exc))
        ) from None
    with document:
        layout = Layout("pdf", [], [], pages=len(document.pages))
        for number, page in enumerate(document.pages, 1):
            _read_page(layout, number, page, fonts)
    layout.pieces.sort(key=lambda p: (p.page or 0, round(p.top, 1), p.x0))
    for order, piece in enumerate(layout.pieces):
        piece.order = order
    layout.embedded = {name: info.embedded for name, info in fonts.items()}
    return layout


def measure_pdf(data: bytes, _profile: object = None) -> Layout:
    """The layout of the PDF ``data`` (kept for callers of the earlier measurer; the profile
    is not needed to read a file)."""
    return read_pdf(data)


# -- fonts -----------------------------------------------------------------------------------------


def read_fonts(data: bytes) -> dict[str, FontInfo]:
    """``{font name without subset tag: FontInfo}`` for every font the pages use."""
    import pypdf

    fonts: dict[str, FontInfo] = {}
    reader = pypdf.PdfReader(io.BytesIO(data))
    for page in reader.pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        for ref in resources.get_object().get("/Font", {}).values():
            font = ref.get_object()
            name = str(font.get("/BaseFont", "")).lstrip("/")
            fonts[strip_subset(name)] = _font_info(font, name)
    return fonts


def _font_info(font: Any, name: str) -> FontInfo:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    descriptor = descriptor.get_object() if descriptor is not None else {}
    keys = ("/FontFile2", "/FontFile3", "/FontFile")
    program = next((descriptor[k] for k in keys if k in descriptor), None)
    family = _family_from_program(program) or _family_from_name(name)
    ascent = float(descriptor.get("/Ascent", 0) or 0) / 1000
    descent = -float(descriptor.get("/Descent", 0) or 0) / 1000
    if not (0.5 < ascent < 1.2 and 0.05 < descent < 0.5):
        ascent, descent = TIMES_ASCENT, TIMES_DESCENT
    return FontInfo(family, program is not None, ascent, descent)


def strip_subset(name: str) -> str:
    return re.sub(r"^[A-Z]{6}\+", "", name.lstrip("/"))


def _family_from_program(program: Any) -> str | None:
    """The family name inside an embedded TrueType/OpenType program (its ``name`` table)."""
    if program is None:
        return None
    try:
        from fontTools.ttLib import TTFont

        font = TTFont(io.BytesIO(program.get_object().get_data()), lazy=True)
        names = font["name"]
        for name_id in (16, 1):
            record = names.getName(name_id, 3, 1) or names.getName(name_id, 1, 0)
            if record is not None:
                return str(record.toUnicode())
    except Exception:  # a CFF or damaged program: fall back to the font's name
        return None
    return None


def _family_from_name(name: str) -> str:
    """``TimesNewRomanPS-BoldMT`` → ``Times New Roman``; ``LiberationSerif`` → ``Liberation
    Serif``."""
    base = re.split(r"[-,]", strip_subset(name))[0]
    base = re.sub(r"(PSMT|PS|MT)$", "", base)
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", base) or name


def face(fontname: str) -> tuple[bool, bool]:
    """``(bold, italic)`` from a font's name."""
    name = strip_subset(fontname).lower()
    weights = ("bold", "black", "heavy", "semibold", "demi")
    bold = any(w in name for w in weights) or bool(re.search(r",b(i)?$", name))
    italic = "italic" in name or "oblique" in name or bool(re.search(r",(b)?i$", name))
    return bold, italic


# -- a page ----------------------------------------------------------------------------------------


def _read_page(layout: Layout, number: int, page: Any, fonts: dict[str, FontInfo]) -> None:
    width, height = float(page.width) * MM_PER_PT, float(page.height) * MM_PER_PT
    layout.sheets.append(Sheet(number, width, height, _("page {number}").format(number=number)))
    top_of_page = float(page.mediabox[3])
    chars = [c for c in page.chars if c.get("upright", True) and c["text"] != ""]
    for char in chars:
        char["baseline"] = top_of_page - float(char["matrix"][5])
    pieces = [_piece(number, row, fonts) for row in _rows(chars)]
    pieces = [piece for piece in pieces if piece.words]
    strokes = _strokes(number, page)
    layout.strokes.extend(strokes)
    if len(strokes) >= 4:
        _mark_tables(page, pieces, number)
    layout.pieces.extend(pieces)


def _rows(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Characters → runs of one baseline without a gap wider than 2 em."""
    rows: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (c["baseline"], c["x0"])):
        size = float(char["size"]) or 1.0
        if rows and abs(char["baseline"] - rows[-1][0]["baseline"]) <= 0.2 * size:
            rows[-1].append(char)
        else:
            rows.append([char])
    runs: list[list[dict[str, Any]]] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        run: list[dict[str, Any]] = []
        last_ink: dict[str, Any] | None = None
        for char in row:
            gap = char["x0"] - last_ink["x1"] if last_ink is not None else 0.0
            if char["text"].strip() and gap > COLUMN_GAP_EM * (float(char["size"]) or 1.0):
                runs.append(run)
                run = []
            run.append(char)
            if char["text"].strip():
                last_ink = char
        runs.append(run)
    return [run for run in runs if any(c["text"].strip() for c in run)]


def _piece(page: int, chars: list[dict[str, Any]], fonts: dict[str, FontInfo]) -> Piece:
    ink = [c for c in chars if c["text"].strip()]
    sizes = sorted(round(float(c["size"]), 1) for c in ink)
    size = sizes[len(sizes) // 2]
    info = fonts.get(strip_subset(str(ink[0]["fontname"])))
    ascent, descent = (info.ascent, info.descent) if info else (TIMES_ASCENT, TIMES_DESCENT)
    baselines = sorted(c["baseline"] for c in ink if abs(float(c["size"]) - size) < 0.2)
    baseline = (baselines or [ink[0]["baseline"]])[len(baselines) // 2]
    words = _words(chars, fonts)
    return Piece(
        words,
        top=(baseline - ascent * size) * MM_PER_PT,
        bottom=(baseline + descent * size) * MM_PER_PT,
        baseline=baseline * MM_PER_PT,
        page=page,
        where=_("page {number}").format(number=page),
    )


def _words(chars: list[dict[str, Any]], fonts: dict[str, FontInfo]) -> list[Word]:
    words: list[Word] = []
    current: list[dict[str, Any]] = []
    for char in chars:
        if not char["text"].strip():
            words.extend(_word(current, fonts))
            current = []
            continue
        if current and char["x0"] - current[-1]["x1"] > WORD_GAP_EM * float(char["size"]):
            words.extend(_word(current, fonts))
            current = []
        current.append(char)
    words.extend(_word(current, fonts))
    return words


def _word(chars: list[dict[str, Any]], fonts: dict[str, FontInfo]) -> list[Word]:
    if not chars:
        return []
    fontname = str(chars[0]["fontname"])
    info = fonts.get(strip_subset(fontname))
    bold, italic = face(fontname)
    family = info.family if info else _family_from_name(fontname)
    look = Look(round(float(chars[0]["size"]), 1), bold, italic, None, family)
    text = "".join(c["text"] for c in chars)
    x0 = min(float(c["x0"]) for c in chars) * MM_PER_PT
    x1 = max(float(c["x1"]) for c in chars) * MM_PER_PT
    return [Word(x0, x1, text, look)]


def _strokes(number: int, page: Any) -> list[Stroke]:
    found: list[Stroke] = []
    for shape in [*page.rects, *page.lines]:
        height = float(shape["bottom"]) - float(shape["top"])
        width = float(shape["x1"]) - float(shape["x0"])
        if height > STROKE_HEIGHT_PT or width * MM_PER_PT < STROKE_LENGTH_MM:
            continue
        y = (float(shape["top"]) + float(shape["bottom"])) / 2 * MM_PER_PT
        stroke = Stroke(number, y, float(shape["x0"]) * MM_PER_PT, width * MM_PER_PT)
        duplicate = any(
            abs(s.y - y) < 0.2
            and s.x0 is not None
            and stroke.x0 is not None
            and abs(s.x0 - stroke.x0) < 0.2
            and abs(s.length - stroke.length) < 0.2
            for s in found
        )
        if not duplicate:
            found.append(stroke)
    return found


def _mark_tables(page: Any, pieces: list[Piece], first_index: int) -> None:
    """Give the lines inside a bordered table their cell."""
    for index, table in enumerate(page.find_tables()):
        for r, row in enumerate(table.rows):
            for c, box in enumerate(row.cells):
                if box is None:
                    continue
                x0, top, x1, bottom = (float(v) * MM_PER_PT for v in box)
                cell = Cell(first_index * 1000 + index, r, c, x0, x1)
                for piece in pieces:
                    middle = (piece.top + piece.bottom) / 2
                    if x0 - 0.3 <= piece.centre <= x1 + 0.3 and top - 0.3 <= middle <= bottom + 0.3:
                        piece.cell = cell
