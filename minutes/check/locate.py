"""Find the elements of a biên bản in a layout, by their words and their place.

Where the profile fixes the words (the Quốc hiệu or the Party heading, the Tiêu ngữ, ``BIÊN BẢN``,
the signer titles, ``Nơi nhận:``) an element is found by them, typed in any case, spacing or
tone-mark placement; the others by their place relative to those: the header is what stands
above ``BIÊN BẢN`` on the first page, split into its two columns; the bodies are the left
column's lines above ``Số``; the trích yếu is the paragraph under ``BIÊN BẢN``; the names are
the last lines of the signature columns. What is not found is *missing*, with the reason: its
rules are then not checked, never passed or failed. Nothing here knows the file's format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from minutes.check import geometry as geo
from minutes.check import tolerances as tol
from minutes.check.forms import looks_like_date_line
from minutes.check.layout import Layout, Piece
from minutes.check.text import is_dashes, is_rule_text, key, squeeze
from minutes.i18n import _
from minutes.profiles import Profile

Box = tuple[float, float]


@dataclass
class Instance:
    """One occurrence of an element: its lines, the column they stand in, the cell or area
    they are centred in, and where that is (``header-left`` …)."""

    pieces: list[Piece]
    column: list[Piece] = field(default_factory=list)
    box: Box | None = None
    position: str | None = None


@dataclass
class Found:
    """The elements found in one layout."""

    layout: Layout
    area: Box
    elements: dict[str, list[Instance]] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    header_pieces: list[Piece] = field(default_factory=list)
    signer_row: list[Piece] = field(default_factory=list)
    page_numbers: dict[int | None, Piece] = field(default_factory=dict)
    """The page number each page shows (``None``: every page from the second, in a DOCX)."""
    body: list[Piece] = field(default_factory=list)
    title_end: int = -1
    signatures_start: int | None = None

    def add(self, element: str, instance: Instance) -> None:
        self.elements.setdefault(element, []).append(instance)

    def first(self, element: str) -> Instance | None:
        found = self.elements.get(element)
        return found[0] if found else None

    def lack(self, elements: tuple[str, ...], reason: str) -> None:
        for element in elements:
            self.missing.setdefault(element, reason)


def locate(layout: Layout, profile: Profile) -> Found:
    """Every element of ``profile`` found in ``layout``."""
    from minutes.check.locate_end import body, page_numbers, recipients, signatures

    pieces = layout.body()
    numbers = page_numbers(layout, pieces)
    text = [p for p in pieces if p not in numbers.values()]
    found = Found(layout, text_area(layout, text), page_numbers=numbers)
    if not text:
        found.lack(ELEMENTS, _("the document has no text to measure"))
        return found
    kind = _doc_kind(found, text, profile)
    header = [p for p in text if p.order < kind.order] if kind else _above_wide(found, text)
    found.header_pieces = header
    _header(found, header, profile)
    found.title_end = (
        _title(found, text, kind, profile) if kind else max((p.order for p in header), default=-1)
    )
    found.signatures_start = signatures(found, text, profile)
    recipients(found, text, profile)
    found.body = body(found, text)
    return found


ELEMENTS = (
    "national-title",
    "motto",
    "parent-org",
    "org",
    "org-mark",
    "number",
    "place-date",
    "doc-kind",
    "trich-yeu",
    "title-mark",
    "body",
    "signer-title",
    "signer-note",
    "signer-name",
    "recipients-heading",
    "recipients-item",
)


def text_area(layout: Layout, pieces: list[Piece]) -> Box:
    """The text area's left and right edge: as declared (DOCX), or where the text lies (PDF)."""
    sheet = layout.sheets[0] if layout.sheets else None
    if sheet is not None and sheet.margins is not None:
        return (sheet.margins[2], sheet.width - sheet.margins[3])
    if not pieces:
        return (0.0, sheet.width if sheet else 0.0)
    return (min(p.x0 for p in pieces), max(p.x1 for p in pieces))


def find_words(pieces: list[Piece], words: str) -> list[Piece] | None:
    """One line, or two or three consecutive lines, whose words are ``words``."""
    target = squeeze(words)
    for size in (1, 2, 3):
        for start in range(0, len(pieces) - size + 1):
            group = pieces[start : start + size]
            if "".join(p.squeezed for p in group) == target:
                return group
    return None


def _first_page(pieces: list[Piece]) -> list[Piece]:
    first = min((p.page or 0 for p in pieces), default=0)
    return [p for p in pieces if (p.page or 0) == first]


def _doc_kind(found: Found, pieces: list[Piece], profile: Profile) -> Piece | None:
    target = squeeze(profile.wording.doc_kind)
    for piece in _first_page(pieces)[:60]:
        if piece.squeezed == target and piece.cell is None:
            found.add("doc-kind", Instance([piece], box=found.area))
            return piece
    found.lack(("doc-kind", "trich-yeu", "title-mark"), _("not found in the document"))
    return None


def _above_wide(found: Found, pieces: list[Piece]) -> list[Piece]:
    """Without a document kind, the header is what stands above the first line across the
    text."""
    page = _first_page(pieces)
    width = found.area[1] - found.area[0]
    wide = [p for p in page if p.width > 0.75 * width]
    limit = min((p.top for p in wide), default=page[0].top + 60 if page else 0)
    return [p for p in page if p.bottom <= limit]


# -- the header ------------------------------------------------------------------------------------


def _header(found: Found, pieces: list[Piece], profile: Profile) -> None:
    if not pieces:
        found.lack(HEADER, _("no header found above the document kind"))
        return
    left, right, _split = geo.two_columns(pieces, found.area)
    layout = profile.layout
    left_box, right_box = cells_from(found.area[0], layout.header_left_mm, layout.header_right_mm)
    left_box, right_box = _cell_box(left, left_box), _cell_box(right, right_box)
    _right_column(found, right, right_box, profile)
    if not left:
        found.lack(LEFT, _("the header has no left column"))
        return
    _left_column(found, left, left_box, profile)
    title = profile.wording.national_title
    if "national-title" not in found.elements and (match := find_words(left, title)):
        found.add("national-title", Instance(match, left, left_box, "header-left"))


HEADER = ("national-title", "motto", "parent-org", "org", "org-mark", "number", "place-date")
LEFT = ("parent-org", "org", "org-mark", "number")


def cells_from(left: float, first: float, second: float) -> tuple[Box, Box]:
    """Two cells side by side from ``left``, as wide as the profile draws them: where a line
    alone in its column is judged centred when the file shows no cell (a PDF)."""
    return (left, left + first), (left + first, left + first + second)


def _cell_box(column: list[Piece], fallback: Box) -> Box:
    """The box a header column's lines are centred in: their table cell, or the column."""
    cells = [p.cell for p in column if p.cell is not None]
    return (cells[0].x0, cells[0].x1) if cells else fallback


def _right_column(found: Found, right: list[Piece], box: Box, profile: Profile) -> None:
    wording = profile.wording
    rest = list(right)
    for element, words in (("national-title", wording.national_title), ("motto", wording.motto)):
        if words is None:
            continue
        match = find_words(rest, words)
        if match:
            found.add(element, Instance(match, right, box, "header-right"))
            rest = [p for p in rest if p not in match]
        else:
            found.missing.setdefault(element, _("not found in the header"))
    dated = [p for p in rest if looks_like_date_line(p.text)]
    if dated:
        found.add("place-date", Instance(dated[:1], right, box, "header-right"))
    else:
        found.missing.setdefault("place-date", _("no place and date line in the header"))


def _left_column(found: Found, left: list[Piece], box: Box, profile: Profile) -> None:
    number = next((p for p in left if _is_number_line(p.text)), None)
    above = [p for p in left if number is None or p.top < number.top - 0.1]
    mark = profile.wording.org_mark  # "*" for the Party, "***" for the Đoàn
    stars = [p for p in above if mark and p.text.strip() == mark.strip()]
    names = [p for p in above if p not in stars and geo.texts([p]) and not is_rule_text(p.text)]
    parent, org = split_org_lines(names)

    def place(element: str, pieces: list[Piece], reason: str) -> None:
        if pieces:
            found.add(element, Instance(pieces, left, box, "header-left"))
        else:
            found.missing[element] = reason

    place("parent-org", parent, _("no parent body (it is optional)"))
    place("org", org, _("no issuing body above the number"))
    place("org-mark", stars[:1], _("no mark (*) under the issuing body"))
    place("number", [number] if number else [], _("no line starting with “Số” in the header"))


def _is_number_line(text: str) -> bool:
    folded = key(text)
    return folded.startswith("số") and (len(folded) == 2 or not folded[2].isalpha())


def split_org_lines(lines: list[Piece]) -> tuple[list[Piece], list[Piece]]:
    """Split the header's left-column lines above the number into the parent body's and the
    issuing body's: the issuing body is the last run of lines that look alike (the same
    weight); what stands above it is the parent body. With one run there is no parent body."""
    if not lines:
        return [], []
    runs: list[list[Piece]] = [[lines[0]]]
    for line in lines[1:]:
        if _bold(line) == _bold(runs[-1][-1]):
            runs[-1].append(line)
        else:
            runs.append([line])
    return [p for run in runs[:-1] for p in run], runs[-1]


def _bold(piece: Piece) -> bool:
    bold = sum(n for look, n in piece.looks.items() if look.bold)
    return bold * 2 > piece.chars


# -- the title -------------------------------------------------------------------------------------


def _title(found: Found, pieces: list[Piece], kind: Piece, profile: Profile) -> int:
    """The trích yếu (and the Party's ``-----``) under the document kind; the order where the
    title block ends."""
    below = [
        p for p in pieces if p.order > kind.order and geo.same_place(p, kind) and p.cell is None
    ]
    below.sort(key=lambda p: (p.top, p.order))
    if not below or below[0].top - kind.bottom > 3 * kind.size * tol.MM_PER_PT:
        found.missing["trich-yeu"] = _("no summary under the document kind")
        return kind.order
    summary = [below[0]]
    for line in below[1:]:
        if not _continues_title(summary, line, found):
            break
        summary.append(line)
    # its column is the title block (the kind and the summary), not the body under it: ragged
    # body lines (lines ended by a line break) would move the axis it is measured against
    found.add("trich-yeu", Instance(summary, [kind, *summary], found.area))
    end = summary[-1].order
    if profile.wording.title_mark is not None:
        after = [p for p in below if p not in summary and not is_rule_text(p.text)]
        if after and is_dashes(after[0].text):
            found.add("title-mark", Instance(after[:1], below, found.area))
            end = after[0].order
        else:
            found.missing["title-mark"] = _("no dashes under the summary")
    return end


def _continues_title(summary: list[Piece], line: Piece, found: Found) -> bool:
    last, first = summary[-1], summary[0]
    gap = line.top - last.bottom
    ruled = any(
        s.page == line.page and last.bottom - 0.3 <= s.y <= line.top + 0.3
        for s in found.layout.strokes
    )
    alike = (_bold(line), round(line.size)) == (_bold(first), round(first.size))
    axis = abs(line.centre - first.centre) <= 3.0
    same = line.para is not None and line.para == last.para
    near = same or gap <= 0.7 * line.size * tol.MM_PER_PT  # single to 1.5 lines
    plain = not (is_dashes(line.text) or is_rule_text(line.text))
    return near and not ruled and alike and axis and plain
