"""Measure a PDF: where its text actually lies, in what size and face, and the rules drawn.

The characters are read with pdfplumber and grouped into lines by their baseline; a line's box is
its baseline less the font's ascent and plus its descent (0.891 and 0.216 em for Times New Roman
and the fonts metric-compatible with it, or what the PDF's font descriptor says), so margins do
not depend on how a producer sizes its glyph boxes. Two-column blocks (the header, the
signatures) are cut at the widest empty vertical strip between their columns.

Elements are found by their words where the profile fixes them (Quốc hiệu, Tiêu ngữ, ``BIÊN BẢN``,
the signer titles, ``Nơi nhận:``) and by their place relative to those where it does not (the
bodies above ``Số``, the trích yếu under ``BIÊN BẢN``, the names under the signer titles).
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from minutes.check import text as forms
from minutes.check.measure import (
    NO_RULE,
    Found,
    Measured,
    Piece,
    RuleMeasure,
    majority,
    mode,
    split_org_lines,
)
from minutes.check.rules import CELL_CENTRE_MM, ELEMENTS
from minutes.errors import InputError, Problem
from minutes.i18n import _
from minutes.profiles import Profile

MM = 72 / 25.4
"""Points per millimetre."""

TIMES_ASCENT, TIMES_DESCENT = 0.891, 0.216
SPLIT_GAP_EM = 2.0
"""A gap wider than this (in ems) between two words of one baseline separates two blocks."""


@dataclass
class Line:
    """Characters on one baseline of one page, without a wide gap between them."""

    page: int
    chars: list[dict[str, Any]]
    baseline: float
    ascent: float
    descent: float
    text: str = ""
    size: float = 0.0
    bold: bool | None = None
    italic: bool | None = None

    @property
    def ink(self) -> list[dict[str, Any]]:
        return [c for c in self.chars if c["text"].strip()]

    @property
    def x0(self) -> float:
        return float(min(c["x0"] for c in self.ink))

    @property
    def x1(self) -> float:
        return float(max(c["x1"] for c in self.ink))

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def top(self) -> float:
        return self.baseline - self.ascent * self.size

    @property
    def bottom(self) -> float:
        return self.baseline + self.descent * self.size

    @property
    def squeezed(self) -> str:
        """The text without spaces (for words set with extra letter spacing)."""
        return forms.key(self.text).replace(" ", "")


@dataclass
class Shape:
    """A horizontal rule: a thin filled rectangle or a stroked line."""

    page: int
    x0: float
    x1: float
    y: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class FontInfo:
    family: str
    embedded: bool
    ascent: float
    descent: float


@dataclass
class PageData:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    tables: list[tuple[float, float, float, float]] = field(default_factory=list)
    page_number: Line | None = None
    plumber: Any = None


def measure_pdf(data: bytes, profile: Profile) -> Found:
    """Everything measurable in the PDF ``data``, against ``profile``."""
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
        pages = [_read_page(number, page, fonts) for number, page in enumerate(document.pages, 1)]
        return _Measurer(pages, fonts, profile).run()


def text_of_pdf(data: bytes) -> str:
    """The text of the first page (to tell which profile a document follows)."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            if not document.pages:
                return ""
            return str(document.pages[0].extract_text() or "")
    except (PdfminerException, ValueError, KeyError) as exc:
        raise InputError(
            Problem(_("This is not a PDF file that can be read: {detail}.").format(detail=exc))
        ) from None


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
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            program = next(
                (
                    descriptor[k]
                    for k in ("/FontFile2", "/FontFile3", "/FontFile")
                    if k in descriptor
                ),
                None,
            )
            family = _family_from_program(program) or _family_from_name(name)
            ascent = float(descriptor.get("/Ascent", 0) or 0) / 1000
            descent = -float(descriptor.get("/Descent", 0) or 0) / 1000
            if not (0.5 < ascent < 1.2 and 0.05 < descent < 0.5):
                ascent, descent = TIMES_ASCENT, TIMES_DESCENT
            fonts[strip_subset(name)] = FontInfo(family, program is not None, ascent, descent)
    return fonts


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
    bold = any(w in name for w in ("bold", "black", "heavy", "semibold", "demi")) or bool(
        re.search(r",b(i)?$", name)
    )
    italic = "italic" in name or "oblique" in name or bool(re.search(r",(b)?i$", name))
    return bold, italic


# -- lines -----------------------------------------------------------------------------------------


def _read_page(number: int, page: Any, fonts: dict[str, FontInfo]) -> PageData:
    data = PageData(number, float(page.width), float(page.height), plumber=page)
    top_of_page = float(page.mediabox[3])
    chars = [c for c in page.chars if c.get("upright", True) and c["text"] != ""]
    for char in chars:
        char["baseline"] = top_of_page - float(char["matrix"][5])
    data.lines = build_lines(number, chars, fonts)
    for shape in [*page.rects, *page.lines]:
        height = float(shape["bottom"]) - float(shape["top"])
        width = float(shape["x1"]) - float(shape["x0"])
        if height <= 2.0 and width >= 3 * MM:
            y = (float(shape["top"]) + float(shape["bottom"])) / 2
            candidate = Shape(number, float(shape["x0"]), float(shape["x1"]), y)
            duplicate = any(
                abs(s.y - y) < 0.5
                and abs(s.x0 - candidate.x0) < 0.5
                and abs(s.x1 - candidate.x1) < 0.5
                for s in data.shapes
            )
            if not duplicate:
                data.shapes.append(candidate)
    return data


def build_lines(
    page: int,
    chars: list[dict[str, Any]],
    fonts: dict[str, FontInfo],
    split_at: float | None = None,
) -> list[Line]:
    """Characters → lines: same baseline, no gap wider than 2 em (and cut at ``split_at``)."""
    rows: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (c["baseline"], c["x0"])):
        size = float(char["size"]) or 1.0
        if rows and abs(char["baseline"] - rows[-1][0]["baseline"]) <= 0.2 * size:
            rows[-1].append(char)
        else:
            rows.append([char])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        segment: list[dict[str, Any]] = []
        last_ink: dict[str, Any] | None = None
        for char in row:
            size = float(char["size"]) or 1.0
            if last_ink is not None and char["text"].strip():
                gap = char["x0"] - last_ink["x1"]
                crosses = split_at is not None and last_ink["x1"] <= split_at < char["x1"]
                if gap > SPLIT_GAP_EM * size or crosses:
                    lines.append(_line(page, segment, fonts))
                    segment = []
            segment.append(char)
            if char["text"].strip():
                last_ink = char
        if any(c["text"].strip() for c in segment):
            lines.append(_line(page, segment, fonts))
    return [line for line in lines if line.ink]


def _line(page: int, chars: list[dict[str, Any]], fonts: dict[str, FontInfo]) -> Line:
    ink = [c for c in chars if c["text"].strip()]
    size = mode([(float(c["size"]), 1) for c in ink], step=0.1) or 0.0
    info = fonts.get(strip_subset(str(ink[0]["fontname"]))) if ink else None
    ascent, descent = (info.ascent, info.descent) if info else (TIMES_ASCENT, TIMES_DESCENT)
    baselines = [c["baseline"] for c in ink if abs(float(c["size"]) - size) < 0.2] or [
        ink[0]["baseline"]
    ]
    parts: list[str] = []
    previous: dict[str, Any] | None = None
    for char in chars:
        spaced = previous is not None and char["text"].strip() and previous["text"].strip()
        if (
            spaced
            and previous is not None
            and char["x0"] - previous["x1"] > 0.15 * float(char["size"])
        ):
            parts.append(" ")
        parts.append(char["text"])
        previous = char
    faces = [(face(str(c["fontname"])), 1) for c in ink]
    return Line(
        page=page,
        chars=chars,
        baseline=sorted(baselines)[len(baselines) // 2],
        ascent=ascent,
        descent=descent,
        text=forms.clean("".join(parts)),
        size=size,
        bold=majority([(f[0], w) for f, w in faces]),
        italic=majority([(f[1], w) for f, w in faces]),
    )


def gutter(lines: list[Line], left: float, right: float) -> float | None:
    """The middle of the widest empty vertical strip between ``left`` and ``right`` (the
    text area) that these lines leave, if it is at least 2 mm wide and in the middle 60 %."""
    spans = sorted((c["x0"], c["x1"]) for line in lines for c in line.ink)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1] + 0.5:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    width = right - left
    best: tuple[float, float] | None = None
    for (_a, end), (start, _b) in itertools.pairwise(merged):
        middle = (end + start) / 2
        central = left + 0.2 * width <= middle <= left + 0.8 * width
        wider = best is None or start - end > best[1] - best[0]
        if start - end >= 2 * MM and central and wider:
            best = (end, start)
    return None if best is None else (best[0] + best[1]) / 2


# -- the measurer ----------------------------------------------------------------------------------


class _Measurer:
    def __init__(self, pages: list[PageData], fonts: dict[str, FontInfo], profile: Profile):
        self.pages = pages
        self.fonts = fonts
        self.profile = profile
        self.found = Found("pdf", len(pages))
        self.left = 0.0
        self.right = 0.0

    def run(self) -> Found:
        if not self.pages or not any(p.lines for p in self.pages):
            for element, _label in ELEMENTS:
                self.found.missing[element] = _("the PDF has no text to measure")
            if self.pages:
                first = self.pages[0]
                size = (first.width / MM, first.height / MM)
                self.found.values["page.paper"] = Measured(size, where=_page(1))
            return self.found
        for page in self.pages:
            self._find_page_number(page)
        self._page_and_margins()
        self._fonts()
        title_end = self._header_and_title()
        signatures = self._signatures()
        self._recipients(signatures)
        self._body(title_end, signatures)
        self._right_margin_needs_justified_text()
        self._page_numbers()
        self.found.text = "\n".join(line.text for page in self.pages for line in page.lines)
        self.found.values["dates.form"] = Measured(forms.date_problems(self.found.text))
        self.found.values["numbers.form"] = Measured(forms.number_problems(self.found.text))
        return self.found

    # -- page -------------------------------------------------------------------------------------

    def _find_page_number(self, page: PageData) -> None:
        lines = sorted(page.lines, key=lambda line: line.top)
        if len(lines) < 2:
            return
        first, second = lines[0], lines[1]
        if (
            re.fullmatch(r"\d{1,4}", first.text)
            and first.bottom < second.top - 2 * MM
            and first.bottom < 40 * MM
        ):
            page.page_number = first
            page.lines.remove(first)

    def _page_and_margins(self) -> None:
        values = self.found.values
        sizes = [(p.width / MM, p.height / MM, p.number) for p in self.pages]
        expected = (self.profile.page.width_mm, self.profile.page.height_mm)
        odd = [s for s in sizes if abs(s[0] - expected[0]) > 1 or abs(s[1] - expected[1]) > 1]
        width, height, number = odd[0] if odd else sizes[0]
        values["page.paper"] = Measured((width, height), where=_page(number))
        text_lines = [line for page in self.pages for line in page.lines]
        self.left = min(line.x0 for line in text_lines)
        self.right = max(line.x1 for line in text_lines)
        left_line = min(text_lines, key=lambda line: line.x0)
        right_line = max(text_lines, key=lambda line: line.x1)
        page_width = {p.number: p.width for p in self.pages}
        page_height = {p.number: p.height for p in self.pages}
        values["page.margin-left"] = Measured(self.left / MM, where=_page(left_line.page))
        values["page.margin-right"] = Measured(
            (page_width[right_line.page] - self.right) / MM, where=_page(right_line.page)
        )
        top_line = min(text_lines, key=lambda line: line.top)
        values["page.margin-top"] = Measured(top_line.top / MM, where=_page(top_line.page))
        bottom_line = max(text_lines, key=lambda line: line.bottom - page_height[line.page])
        values["page.margin-bottom"] = Measured(
            (page_height[bottom_line.page] - bottom_line.bottom) / MM,
            where=_page(bottom_line.page),
        )

    def _fonts(self) -> None:
        used: dict[str, int] = {}
        for page in self.pages:
            for line in page.lines + ([page.page_number] if page.page_number else []):
                for char in line.ink:
                    name = strip_subset(str(char["fontname"]))
                    used[name] = used.get(name, 0) + 1
        families: list[str] = []
        for name in used:
            info = self.fonts.get(name)
            family = info.family if info else _family_from_name(name)
            if family not in families:
                families.append(family)
        self.found.values["font.family"] = Measured(families)
        missing = sorted(n for n, info in self.fonts.items() if not info.embedded)
        self.found.values["font.embedded"] = Measured(
            "embedded"
            if not missing
            else _("not embedded: {names}").format(names=", ".join(missing))
        )

    # -- header and title -------------------------------------------------------------------------

    def _header_and_title(self) -> tuple[int, float]:
        """Find the header and title on page 1; return where the title block ends."""
        first = self.pages[0]
        wording = self.profile.wording
        doc_kind = next(
            (line for line in first.lines if line.squeezed == _squeeze(wording.doc_kind)), None
        )
        if doc_kind is None:
            self.found.missing["doc-kind"] = _("not found in the document")
            wide = [ln for ln in first.lines if ln.x1 - ln.x0 > 0.75 * (self.right - self.left)]
            limit = min((ln.top for ln in wide), default=first.height / 3)
        else:
            limit = doc_kind.top - 0.5
            self._add("doc-kind", [doc_kind], align=self._area_align([doc_kind]))
        header_lines = [line for line in first.lines if line.bottom <= limit]
        self._header(first, header_lines)
        if doc_kind is None:
            return (1, limit)
        return (1, self._title(first, doc_kind))

    def _header(self, page: PageData, header_lines: list[Line]) -> None:
        if not header_lines:
            for element in ("national-title", "org", "number"):
                self.found.missing[element] = _("no header found above the document kind")
            return
        split = gutter(header_lines, self.left, self.right)
        chars = [c for line in header_lines for c in line.chars]
        lines = sorted(build_lines(page.number, chars, self.fonts, split), key=lambda ln: ln.top)
        if split is None:
            left_lines: list[Line] = []
            right_lines = lines
        else:
            left_lines = [ln for ln in lines if ln.centre < split]
            right_lines = [ln for ln in lines if ln.centre >= split]
        layout = self.profile.layout
        left_cell = (self.left, self.left + layout.header_left_mm * MM)
        right_cell = (left_cell[1], left_cell[1] + layout.header_right_mm * MM)
        wording = self.profile.wording
        rest = list(right_lines)
        for element, words in (
            ("national-title", wording.national_title),
            ("motto", wording.motto),
        ):
            if words is None:
                continue
            match = _find_words(rest, words)
            if match:
                self._add_cell(element, match, "header-right", right_cell, right_lines, page)
                rest = [ln for ln in rest if ln not in match]
        if wording.show_place_date:
            dated = [ln for ln in rest if forms.looks_like_date_line(ln.text)]
            if dated:
                self._add_cell(
                    "place-date", dated[:1], "header-right", right_cell, right_lines, page
                )
                self.found.values["place-date.form"] = Measured(
                    forms.place_date_problems(dated[0].text), where=_page(1)
                )
        # the left cell: bodies, the star, the number
        if not left_lines:
            for element in ("parent-org", "org", "number"):
                self.found.missing[element] = _("the header has no left cell")
            return
        number = next((ln for ln in left_lines if forms.key(ln.text).startswith("số")), None)
        above = [ln for ln in left_lines if number is None or ln.top < number.top]
        stars = [ln for ln in above if ln.text.strip() == "*"]
        names = [ln for ln in above if ln not in stars and set(ln.text) - set("-_*. ")]
        parent, org = split_org_lines([(ln.text, ln.bold) for ln in names])
        if parent:
            self._add_cell(
                "parent-org", [names[i] for i in parent], "header-left", left_cell, left_lines, page
            )
        else:
            self.found.missing["parent-org"] = _("no parent body (it is optional)")
        if org:
            self._add_cell(
                "org", [names[i] for i in org], "header-left", left_cell, left_lines, page
            )
        if wording.org_mark is not None:
            if stars:
                self._add_cell("org-mark", stars[:1], "header-left", left_cell, left_lines, page)
                self.found.values["org-mark.present"] = Measured("present", where=_page(1))
            else:
                self.found.values["org-mark.present"] = Measured("absent")
        if number is not None:
            self._add_cell("number", [number], "header-left", left_cell, left_lines, page)
            self.found.values["number.form"] = Measured(
                forms.number_line_problems(number.text, wording.number, wording.number_blank),
                where=_page(1),
            )
        if "national-title" not in self.found.elements and left_lines:
            match = _find_words(left_lines, wording.national_title)
            if match:  # in the wrong cell
                self._add_cell("national-title", match, "header-left", left_cell, left_lines, page)

    def _title(self, page: PageData, doc_kind: Line) -> float:
        """The trích yếu (and the title mark) under the document kind; where the block ends."""
        below = sorted(
            (ln for ln in page.lines if ln.top > doc_kind.bottom - 0.5), key=lambda ln: ln.top
        )
        end = doc_kind.bottom
        if not below or below[0].top - doc_kind.bottom > 3 * doc_kind.size:
            self.found.missing["trich-yeu"] = _("no summary under the document kind")
            return end
        summary = [below[0]]
        for line in below[1:]:
            gap = line.top - summary[-1].bottom
            ruled = any(
                summary[-1].bottom - 1 <= s.y <= line.top + 1 and s.page == page.number
                for s in page.shapes
            )
            dashes = re.fullmatch(r"[-_–—.\s]{3,}", line.text) is not None
            first = summary[0]
            alike = (line.bold, line.italic, round(line.size)) == (
                first.bold,
                first.italic,
                round(first.size),
            )
            axis = abs(line.centre - first.centre) <= 3 * MM
            if gap > 0.3 * line.size or ruled or dashes or not (alike and axis):
                break
            summary.append(line)
        rule = self._rule_under(page, summary, below)
        self._add("trich-yeu", summary, align=self._area_align(summary), rule=rule)
        end = summary[-1].bottom
        if rule != NO_RULE:
            end += 6
        after = [ln for ln in below if ln not in summary]
        if self.profile.wording.title_mark is not None:
            mark = after[0] if after else None
            if mark is not None and re.fullmatch(r"[-–—]{3,}", mark.text.replace(" ", "")):
                self.found.values["title-mark.present"] = Measured("present", where=_page(1))
                end = mark.bottom
            else:
                self.found.values["title-mark.present"] = Measured("absent")
        return end

    # -- signatures and recipients ----------------------------------------------------------------

    def _signatures(self) -> tuple[int, float] | None:
        """Find the signature block; return where it starts (page, top)."""
        wording = self.profile.wording
        left_title, right_title = _squeeze(wording.secretary_title), _squeeze(
            wording.chair_title.replace("{KIND}", "HỘI NGHỊ")
        )
        for page in reversed(self.pages):
            rows = _rows(page.lines)
            for row in reversed(rows):
                joined = "".join(line.squeezed for line in row)
                if left_title in joined and right_title in joined:
                    return self._signature_block(page, row)
        for element in ("signer-title", "signer-note", "signer-name"):
            self.found.missing[element] = _("no signature block (the signer titles) found")
        return None

    def _signature_block(self, page: PageData, row: list[Line]) -> tuple[int, float]:
        wording = self.profile.wording
        top = min(line.top for line in row) - 1
        heading = _squeeze(wording.recipients_heading).rstrip(":")
        stops = [
            ln.top for ln in page.lines if ln.top > top + 1 and ln.squeezed.startswith(heading)
        ]
        bottom = min(stops) - 0.5 if stops else page.height
        region = [ln for ln in page.lines if top <= ln.top and ln.bottom <= bottom + 0.5]
        split = gutter(region, self.left, self.right)
        chars = [c for line in region for c in line.chars]
        lines = sorted(build_lines(page.number, chars, self.fonts, split), key=lambda ln: ln.top)
        layout = self.profile.layout
        left_cell = (self.left, self.left + layout.signature_left_mm * MM)
        right_cell = (left_cell[1], left_cell[1] + layout.signature_right_mm * MM)
        if split is None:
            split = left_cell[1]
        columns = [
            [ln for ln in lines if ln.centre < split],
            [ln for ln in lines if ln.centre >= split],
        ]
        titles = (_squeeze(wording.secretary_title), _squeeze(
            wording.chair_title.replace("{KIND}", "HỘI NGHỊ")
        ))
        found_titles: list[Line | None] = []
        under_title: list[bool] = []
        for column, title, cell in zip(columns, titles, (left_cell, right_cell), strict=False):
            heading_line = next((ln for ln in column if title in ln.squeezed), None)
            found_titles.append(heading_line)
            if heading_line is None:
                continue
            under = [ln for ln in column if ln.top > heading_line.bottom - 0.5]
            self._add(
                "signer-title", [heading_line], align=self._cell_align([heading_line], cell, column)
            )
            if under:
                name = under[-1]
                notes = under[:-1]
                if notes:
                    self._add("signer-note", notes, align=self._cell_align(notes, cell, column))
                self._add("signer-name", [name], align=self._cell_align([name], cell, column))
                under_title.append(abs(name.centre - heading_line.centre) <= CELL_CENTRE_MM * MM)
        left, right = found_titles
        if left is not None and right is not None:
            same_row = abs(left.baseline - right.baseline) < 2
            ok = left.centre < right.centre and same_row
            self.found.values["signer-title.position"] = Measured(
                "signature-columns" if ok else _("not side by side"), where=_page(page.number)
            )
        if under_title:
            self.found.values["signer-name.position"] = Measured(
                "under-title" if all(under_title) else _("not centred under its title"),
                where=_page(page.number),
            )
        if "signer-note" not in self.found.elements and (
            wording.secretary_note or wording.chair_note
        ):
            self.found.missing["signer-note"] = _("no signature notes found")
        return (page.number, top)

    def _recipients(self, signatures: tuple[int, float] | None) -> None:
        heading_words = _squeeze(self.profile.wording.recipients_heading).rstrip(":")
        candidates = [
            ln for page in self.pages for ln in page.lines if ln.squeezed.startswith(heading_words)
        ]
        if not candidates:
            self.found.missing["recipients-heading"] = _("not found in the document")
            self.found.missing["recipients-item"] = _("not found in the document")
            return
        heading = candidates[-1]
        page = self.pages[heading.page - 1]
        underline = any(
            s.page == page.number
            and heading.baseline - 1 <= s.y <= heading.baseline + 0.35 * heading.size
            and min(s.x1, heading.x1) - max(s.x0, heading.x0) >= 0.6 * (heading.x1 - heading.x0)
            for s in page.shapes
        )
        self._add(
            "recipients-heading", [heading], align=self._left_align([heading]), underline=underline
        )
        items: list[Line] = []
        for line in sorted(page.lines, key=lambda ln: ln.top):
            if line.top <= heading.top or line.x0 > heading.x0 + 30 * MM:
                continue
            previous = items[-1] if items else heading
            if line.top - previous.bottom > 1.5 * previous.size:
                break
            if items or line.text[:1] in "-–+•":
                items.append(line)
        for item in items:
            self._add("recipients-item", [item])
        if not items:
            self.found.missing["recipients-item"] = _("no lines under the recipients heading")

    # -- body -------------------------------------------------------------------------------------

    def _body(self, title_end: tuple[int, float], signatures: tuple[int, float] | None) -> None:
        start_page, start = title_end
        end_page, end = signatures if signatures else (len(self.pages), float("inf"))
        lines: list[Line] = []
        for page in self.pages:
            if page.number < start_page or page.number > end_page:
                continue
            tables = [t for t in (page.plumber.find_tables() if page.plumber else [])]
            boxes = [t.bbox for t in tables]
            for line in page.lines:
                if page.number == start_page and line.top <= start:
                    continue
                if page.number == end_page and line.top >= end:
                    continue
                if any(_inside(line, box) for box in boxes):
                    continue
                lines.append(line)
        if not lines:
            self.found.missing["body"] = _("no body text found")
            return
        for line in lines:
            self._add("body", [line])
        self._body_layout(lines)

    def _body_layout(self, lines: list[Line]) -> None:
        """Alignment (do the inner lines of paragraphs reach both edges?) and first-line indent."""
        inner, full, starts = 0, 0, []
        left = min(line.x0 for line in lines)
        right = max(line.x1 for line in lines)
        by_page: dict[int, list[Line]] = {}
        for line in lines:
            by_page.setdefault(line.page, []).append(line)
        for page_lines in by_page.values():
            page_lines.sort(key=lambda ln: ln.top)
            previous: Line | None = None
            for line, following in zip(page_lines, [*page_lines[1:], None], strict=False):
                new_paragraph = previous is None or (
                    line.top - previous.bottom > 0.3 * line.size or previous.x1 < right - line.size
                )
                if new_paragraph and previous is not None:
                    starts.append((line.x0 - left) / MM)
                if following is not None:
                    continuation = following.top - line.bottom <= 0.3 * line.size
                    at_left = abs(following.x0 - left) <= 1.5
                    if continuation and at_left:
                        inner += 1
                        if abs(line.x1 - right) <= 1.5:
                            full += 1
                previous = line
        values = self.found.values
        if inner >= 2:
            share = full / inner
            align = "justify" if share >= 0.8 else "left"
            values["body.align"] = Measured(
                align,
                note=_("{full} of {inner} inner lines reach both edges").format(
                    full=full, inner=inner
                ),
            )
        else:
            values["body.align"] = Measured(None, note=_("too few lines to tell"))
        indents = [(value, 1) for value in starts if value > 1.0]
        indent = mode(indents) if len(indents) * 2 >= len(starts) else 0.0
        values["body.indent"] = Measured(indent)

    def _right_margin_needs_justified_text(self) -> None:
        """Text shows where the right margin is only when lines reach it: in justified text.
        Without it, a right margin wider than the profile's is not measurable (text inside the
        margin is still reported)."""
        values = self.found.values
        margin = values["page.margin-right"]
        expected = self.profile.page.margin_right_mm
        justified = values.get("body.align", Measured(None)).value == "justify"
        if not justified and margin.value is not None and margin.value > expected + 0.5:
            values["page.margin-right"] = Measured(
                None,
                note=_(
                    "no justified text reaches the right margin ({value} mm from the edge)"
                ).format(value=round(margin.value, 1)),
            )

    # -- page numbers -----------------------------------------------------------------------------

    def _page_numbers(self) -> None:
        values = self.found.values
        first = self.pages[0]
        if first.page_number is not None:
            values["page-number.first-page"] = Measured(
                "present", where=f'"{first.page_number.text}"'
            )
        else:
            values["page-number.first-page"] = Measured("absent")
        if len(self.pages) == 1:
            values["page-number.other-pages"] = Measured(None, note=_("one page only"))
            values["page-number.size"] = Measured(None, note=_("one page only"))
            return
        problems: list[str] = []
        sizes: list[float] = []
        centre = (self.left + self.right) / 2
        margin = self.profile.page.margin_top_mm * MM
        for page in self.pages[1:]:
            number = page.page_number
            where = _page(page.number)
            if number is None:
                problems.append(_("{page}: no number").format(page=where))
                continue
            sizes.append(number.size)
            if number.text != str(page.number):
                problems.append(_("{page}: shows {text}").format(page=where, text=number.text))
            offset = (number.centre - centre) / MM
            if abs(offset) > 2:
                problems.append(
                    _("{page}: {offset} mm off centre").format(page=where, offset=round(offset, 1))
                )
            if number.bottom > margin + 0.5 * MM:
                problems.append(_("{page}: not in the top margin").format(page=where))
        values["page-number.other-pages"] = Measured(problems)
        if sizes:
            worst = max(sizes, key=lambda s: abs(s - self.profile.role("page-number").size_pt))
            values["page-number.size"] = Measured(worst)
        else:
            values["page-number.size"] = Measured(None, note=_("no page numbers found"))

    # -- helpers ----------------------------------------------------------------------------------

    def _add(self, element: str, lines: list[Line], **extra: Any) -> Piece:
        ink = [c for line in lines for c in line.ink]
        faces = [face(str(c["fontname"])) for c in ink]
        piece = Piece(
            text=forms.clean(" ".join(line.text for line in lines)),
            where=_page(lines[0].page),
            chars=len(ink),
            size=mode([(float(c["size"]), 1) for c in ink], step=0.1),
            bold=majority([(f[0], 1) for f in faces]),
            italic=majority([(f[1], 1) for f in faces]),
        )
        for name, value in extra.items():
            setattr(piece, name, value)
        self.found.add(element, piece)
        return piece

    def _add_cell(
        self,
        element: str,
        lines: list[Line],
        position: str,
        cell: tuple[float, float],
        column: list[Line],
        page: PageData,
    ) -> None:
        rule = (
            self._rule_under(page, lines, column)
            if element in ("national-title", "motto", "org")
            else None
        )
        self._add(
            element,
            lines,
            align=self._cell_align(lines, cell, column),
            position=position,
            rule=rule,
        )

    def _cell_align(
        self, lines: list[Line], cell: tuple[float, float], column: list[Line] | None = None
    ) -> str:
        """How ``lines`` sit in their column: ``center`` when they share the axis of the
        column's lines (when its lines differ in width, so that the axis shows); otherwise
        measured against the profile's cell ``cell``."""
        texts = [ln for ln in (column or []) if set(ln.text) - set("_-*. ")]
        if len(texts) >= 2 and max(ln.x0 for ln in texts) - min(ln.x0 for ln in texts) > 3 * MM:
            centres = sorted(ln.centre for ln in texts)
            axis = centres[len(centres) // 2]
            if all(abs(ln.centre - axis) <= 1.5 * MM for ln in lines):
                return "center"
            if all(abs(ln.x0 - min(t.x0 for t in texts)) <= 1.5 * MM for ln in lines):
                return "left"
            if all(abs(ln.x1 - max(t.x1 for t in texts)) <= 1.5 * MM for ln in lines):
                return "right"
            worst = max(((ln.centre - axis) / MM for ln in lines), key=abs)
            return _("{offset} mm off centre").format(offset=round(worst, 1))
        centre = (cell[0] + cell[1]) / 2
        offsets = [(line.centre - centre) / MM for line in lines]
        if all(abs(o) <= CELL_CENTRE_MM for o in offsets):
            return "center"
        if all(abs(line.x0 - cell[0]) <= 2 * MM for line in lines):
            return "left"
        if all(abs(line.x1 - cell[1]) <= 2 * MM for line in lines):
            return "right"
        worst = max(offsets, key=abs)
        return _("{offset} mm off centre").format(offset=round(worst, 1))

    def _area_align(self, lines: list[Line]) -> str:
        return self._cell_align(lines, (self.left, self.right))

    def _left_align(self, lines: list[Line]) -> str:
        if all(abs(line.x0 - self.left) <= 1.5 * MM for line in lines):
            return "left"
        return self._area_align(lines)

    def _rule_under(
        self, page: PageData, lines: list[Line], column: list[Line]
    ) -> RuleMeasure | str:
        """The rule under ``lines``: a drawn rule, or a line of underscores, above the next line
        of the column and overlapping the text."""
        last = lines[-1]
        x0, x1 = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
        below = [ln for ln in column if ln.top > last.bottom - 0.5 and ln not in lines]
        underscores = [ln for ln in below if re.fullmatch(r"_{3,}", ln.text.replace(" ", ""))]
        texts = [ln for ln in below if ln not in underscores]
        limit = min((ln.top for ln in texts), default=last.bottom + 1.5 * last.size)
        limit = min(limit, last.bottom + 1.5 * last.size)
        drawn = [Shape(page.number, u.x0, u.x1, u.baseline) for u in underscores]
        candidates = [
            s
            for s in [*page.shapes, *drawn]
            if last.baseline + 0.14 * last.size < s.y <= limit + 0.5
            and x0 - 2 <= s.centre <= x1 + 2
        ]
        if not candidates:
            return NO_RULE
        shape = min(candidates, key=lambda s: s.y)
        widest = max(lines, key=lambda ln: ln.x1 - ln.x0)
        width = widest.x1 - widest.x0
        return (shape.width / width, (shape.centre - widest.centre) / MM)


def _rows(lines: list[Line]) -> list[list[Line]]:
    """Lines of one baseline together (the two columns of a signature row)."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.baseline, ln.x0)):
        if rows and abs(line.baseline - rows[-1][0].baseline) <= 0.2 * line.size:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _find_words(lines: list[Line], words: str) -> list[Line] | None:
    """One line, or two or three consecutive lines, whose words are ``words``."""
    target = _squeeze(words)
    for size in (1, 2, 3):
        for start in range(0, len(lines) - size + 1):
            group = lines[start : start + size]
            if "".join(line.squeezed for line in group) == target:
                return group
    return None


def _squeeze(text: str) -> str:
    return forms.key(text).replace(" ", "")


def _inside(line: Line, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    middle = (line.top + line.bottom) / 2
    return x0 - 1 <= line.centre <= x1 + 1 and top - 1 <= middle <= bottom + 1


def _page(number: int) -> str:
    return _("page {number}").format(number=number)
