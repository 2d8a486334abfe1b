"""Find the rest of a biên bản: the signatures, the recipients, the body between, and the page
numbers. The companion of :mod:`minutes.check.locate`; nothing here knows the file's format."""

from __future__ import annotations

import dataclasses
import itertools
import re

from minutes.check import geometry as geo
from minutes.check import tolerances as tol
from minutes.check.layout import Layout, Piece, Word
from minutes.check.locate import Found, Instance, cells_from
from minutes.check.text import is_dashes, is_rule_text, squeeze
from minutes.i18n import _
from minutes.profiles import Profile

SIGNERS = ("signer-title", "signer-note", "signer-name")
PAGE_NUMBER_ZONE_MM = 40.0
"""A page number stands alone within this distance of the page's top (or bottom) edge."""
TITLE_PREFIX_CHARS = 4
"""A signer title may follow ``TM.``, ``KT.``, ``T/M`` (squeezed: at most 4 characters)."""
TITLE_QUALIFIER_CHARS = 12
"""…or be followed by a qualifier (``KỲ HỌP``, ``HỘI NGHỊ``: squeezed, at most 12 characters)."""
TITLES_APART_MM = 12.0
"""The two signer titles stand on one line, or at most this far apart vertically."""


# -- signatures ------------------------------------------------------------------------------------


def signatures(found: Found, pieces: list[Piece], profile: Profile) -> int | None:
    """Find the signature block: rows of one to three signers, each a column of lines in
    capitals (authority, title: the profile's own words or the minutes' own), then notes and a
    name; return the order where it starts. The first row is the one the rules judge side by
    side; later rows (a counting board, witnesses) are read the same way."""
    after = [part for p in pieces if p.order > found.title_end for part in _parted(p)]
    first = _title_row(_before_recipients(after, profile), signer_titles(profile))
    if not first:
        found.lack(SIGNERS, _("no signature block (the signer titles) found"))
        return None
    found.signer_row = first
    region = _block(after, first, profile)
    for row, lines in _rows(region, first):
        for title, box in zip(row, _column_boxes(row, found.area, profile), strict=True):
            column = [p for p in lines if box[0] <= p.centre < box[1]]
            _column(found, column, title, box)
    if "signer-note" not in found.elements:
        found.missing["signer-note"] = _("no signature notes found")
    return min(p.order for p in region)


SIGNER_GAP_EM = 1.0
"""Three signers side by side may stand closer than a column gap (their titles fill their
columns): a line in capitals is parted at a gap wider than this (in ems)."""


def _parted(piece: Piece) -> list[Piece]:
    """``piece``, or the signers' titles it holds when it is a line in capitals with wide gaps
    (``ĐẠI DIỆN BÊN GIAO   ĐẠI DIỆN BÊN NHẬN``)."""
    if not _caps(piece) or len(piece.words) < 2:
        return [piece]
    parts: list[list[Word]] = [[piece.words[0]]]
    for before, word in itertools.pairwise(piece.words):
        if word.x0 - before.x1 > SIGNER_GAP_EM * word.look.size * tol.MM_PER_PT:
            parts.append([])
        parts[-1].append(word)
    if len(parts) == 1:
        return [piece]
    return [dataclasses.replace(piece, words=words) for words in parts]


def _rows(region: list[Piece], first: list[Piece]) -> list[tuple[list[Piece], list[Piece]]]:
    """The block cut into rows of signers: a line in capitals after a name starts a new row."""
    rows: list[tuple[list[Piece], list[Piece]]] = []
    titles: list[Piece] = list(first)
    lines: list[Piece] = []
    named = False
    for piece in sorted(region, key=lambda p: (p.page or 0, p.top, p.x0)):
        if _title_like(piece) and named:
            rows.append((titles, lines))
            titles, lines, named = [], [], False
        if _title_like(piece) and not any(piece is t for t in titles) and not lines_hold(lines):
            titles.append(piece)
        elif not _title_like(piece):
            named = True
        lines.append(piece)
    rows.append((titles, lines))
    return [(_top_lines(row), lines) for row, lines in rows if row]


def lines_hold(lines: list[Piece]) -> bool:
    """Whether a name already stands among ``lines`` (a title after it belongs to a new row)."""
    return any(not _title_like(p) for p in lines)


def _top_lines(row: list[Piece]) -> list[Piece]:
    """The first line of each column of ``row``, left to right."""
    columns: list[Piece] = []
    for piece in sorted(row, key=lambda p: p.top):
        if not any(piece.x0 < other.x1 and other.x0 < piece.x1 for other in columns):
            columns.append(piece)
    return sorted(columns, key=lambda p: p.x0)


def signer_titles(profile: Profile) -> list[str]:
    """Every title and authority line the profile signs with (squeezed), a ``{KIND}`` left for
    the qualifier that follows the words before it (``CHỦ TRÌ {KIND}``: ``CHỦ TRÌ HỘI NGHỊ``)."""
    wording = profile.wording
    texts = [wording.secretary_title, wording.chair_title]
    for preset in wording.signature_presets:
        for signer in preset.signers:
            texts += [text for text in (signer.authority, signer.title) if text]
    return sorted({squeeze(text.split("{KIND}")[0]) for text in texts if text.strip()}, key=len)


def _before_recipients(pieces: list[Piece], profile: Profile) -> list[Piece]:
    heading = squeeze(profile.wording.recipients_heading).rstrip(":")
    ends = [p.order for p in pieces if p.squeezed.startswith(heading)]
    return [p for p in pieces if not ends or p.order < min(ends)]


def _title_row(pieces: list[Piece], titles: list[str]) -> list[Piece]:
    """The first row of signer titles, left to right, the first line of each column, in the
    last run of short lines (the signatures, below the body's full lines): around the first
    line in capitals that is one of the profile's ``titles`` (after a short prefix, or before a
    short qualifier), with every short line in capitals beside it (a title the minutes wrote
    themselves: ``GIÁO VIÊN CHỦ NHIỆM``); without such a line, the first row in capitals."""
    tail = _short_tail(pieces)
    known = [p for p in tail if _caps(p) and any(_is_title(p, title) for title in titles)]
    capitals = [p for p in tail if _title_like(p)]
    anchors = known or capitals
    if not anchors:
        return []
    anchor = min(anchors, key=lambda p: (p.page or 0, p.top))
    row = [
        p
        for p in {*known, *capitals}
        if geo.same_place(p, anchor) and abs(p.top - anchor.top) <= TITLES_APART_MM
    ]
    return _top_lines(row)


SHORT_LINE = 0.7
"""A line of a signature column is shorter than this share of the widest line of the text."""


def _short_tail(pieces: list[Piece]) -> list[Piece]:
    """The last run of short lines and lines in capitals (signer titles set by tab stops may
    cross the line), below the body's last full line of text."""
    ordered = sorted(pieces, key=lambda p: (p.page or 0, p.top, p.x0))
    widest = max((p.x1 - p.x0 for p in ordered), default=0.0)
    tail: list[Piece] = []
    for piece in reversed(ordered):
        if piece.x1 - piece.x0 >= SHORT_LINE * widest and not _caps(piece):
            break
        tail.append(piece)
    return tail


TITLE_MAX_CHARS = 40
"""A signer's line in capitals is short (squeezed); a heading of the body is longer."""
_HEADING_NUMBER = re.compile(r"[IVXLC]+\.|\d+\.")


def _title_like(piece: Piece) -> bool:
    """A short line in capitals that is not a numbered heading."""
    return (
        _caps(piece)
        and len(piece.squeezed) <= TITLE_MAX_CHARS
        and not _HEADING_NUMBER.match(piece.text)
    )


def _column_boxes(
    row: list[Piece], area: tuple[float, float], profile: Profile
) -> list[tuple[float, float]]:
    """The box each signer's lines are centred in: its table cell; the profile's two columns
    for two signers; else equal parts of the text width."""
    left, right = area
    cells = [p.cell for p in row]
    if all(cell is not None for cell in cells):
        return [(cell.x0, cell.x1) for cell in cells if cell is not None]
    if len(row) == 2:
        layout = profile.layout
        return list(cells_from(left, layout.signature_left_mm, layout.signature_right_mm))
    if len(row) == 1:  # one signer signs on the right
        layout = profile.layout
        return [cells_from(left, layout.signature_left_mm, layout.signature_right_mm)[1]]
    width = (right - left) / len(row)
    return [(left + index * width, left + (index + 1) * width) for index in range(len(row))]


def _is_title(piece: Piece, title: str) -> bool:
    """A line that is a signer title: the title's words, alone, after a short prefix of
    authority (``TM.``, ``KT.``, ``T/M``) or before a short qualifier (``THƯ KÝ KỲ HỌP``,
    ``CHỦ TỌA HỘI NGHỊ``)."""
    text = piece.squeezed
    prefixed = text.endswith(title) and len(text) - len(title) <= TITLE_PREFIX_CHARS
    qualified = text.startswith(title) and len(text) - len(title) <= TITLE_QUALIFIER_CHARS
    return prefixed or qualified


def _block(pieces: list[Piece], row: list[Piece], profile: Profile) -> list[Piece]:
    """The lines of the signature block: from the titles down to the recipients heading or to
    the first line across the columns (in a table: the table's lines only)."""
    top = min(p.top for p in row) - 0.5
    below = [p for p in pieces if geo.same_place(p, row[0]) and p.top >= top]
    tables = {p.cell.table if p.cell is not None else None for p in row}
    if len(tables) == 1 and None not in tables:
        table = tables.pop()
        return [p for p in below if p.cell is not None and p.cell.table == table]
    bottom = _block_end(below, row, profile)
    return [p for p in below if p.top < bottom]


def _block_end(below: list[Piece], row: list[Piece], profile: Profile) -> float:
    """Where the signature block ends: at ``Nơi nhận:``, or at the first line across the
    columns of several signers."""
    heading = squeeze(profile.wording.recipients_heading).rstrip(":")
    titles_end = max(p.bottom for p in row)
    left, right = min(p.x0 for p in row), max(p.x1 for p in row)

    def stops(piece: Piece) -> bool:
        across = len(row) > 1 and piece.x0 < left and piece.x1 > right
        return piece.squeezed.startswith(heading) or across

    return min((p.top for p in below if p.top > titles_end and stops(p)), default=float("inf"))


def _column(found: Found, column: list[Piece], title: Piece, box: tuple[float, float]) -> None:
    found.add("signer-title", Instance([title], column, box))
    under = [p for p in column if p.top > title.bottom - 0.2 and geo.texts([p])]
    if not under:
        return
    name, notes = under[-1], under[:-1]
    notes = [p for p in notes if p.top > title.bottom + 0.2 and not _caps(p)]
    if notes:
        found.add("signer-note", Instance(notes, column, box))
    found.add("signer-name", Instance([name], column, box, position=_under(name, title)))


def _caps(piece: Piece) -> bool:
    """A line in capitals (a signer's second line, ``BÍ THƯ`` under ``T/M CHI BỘ``)."""
    letters = [ch for ch in piece.text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _under(name: Piece, title: Piece) -> str:
    aligned = abs(name.centre - title.centre) <= tol.CELL_CENTRE_MM
    return "under-title" if aligned else "not-under-title"


# -- recipients ------------------------------------------------------------------------------------


def recipients(found: Found, pieces: list[Piece], profile: Profile) -> None:
    """``Nơi nhận:`` (the last one, below the body) and the dashed lines under it."""
    heading_words = squeeze(profile.wording.recipients_heading).rstrip(":")
    candidates = [
        p for p in pieces if p.squeezed.startswith(heading_words) and p.order > found.title_end
    ]
    if not candidates:
        found.lack(("recipients-heading", "recipients-item"), _("not found in the document"))
        return
    heading = candidates[-1]
    found.add("recipients-heading", Instance([heading], box=found.area))
    items: list[Piece] = []
    for piece in pieces:
        if piece.order <= heading.order or not geo.same_place(piece, heading):
            continue
        if piece.x0 > heading.x0 + 30:
            continue
        previous = items[-1] if items else heading
        if piece.top - previous.bottom > 1.5 * previous.size * tol.MM_PER_PT:
            break
        if items or piece.text[:1] in "-–+•":
            items.append(piece)
    for item in items:
        found.add("recipients-item", Instance([item], box=found.area))
    if not items:
        found.missing["recipients-item"] = _("no lines under the recipients heading")


# -- body ------------------------------------------------------------------------------------------


def body(found: Found, pieces: list[Piece]) -> list[Piece]:
    """The running text between the title block and the signatures (or ``Nơi nhận:``): its
    lines, without tables, two-column rows and rules."""
    end = _body_end(found, pieces)
    known = {id(p) for instances in found.elements.values() for i in instances for p in i.pieces}
    candidates = [
        p
        for p in pieces
        if found.title_end < p.order < end and p.cell is None and id(p) not in known
    ]
    candidates = [p for p in candidates if not (is_rule_text(p.text) or is_dashes(p.text))]
    lines = [row[0] for row in geo.rows(candidates) if len(row) == 1]
    if lines:
        found.add("body", Instance(lines, lines, found.area))
    else:
        found.missing["body"] = _("no body text found")
    return lines


def _body_end(found: Found, pieces: list[Piece]) -> int:
    ends = [found.signatures_start] if found.signatures_start is not None else []
    ends += [i.pieces[0].order for i in found.elements.get("recipients-heading", [])]
    return min(ends, default=max((p.order for p in pieces), default=0) + 1)


# -- page numbers ----------------------------------------------------------------------------------


def page_numbers(layout: Layout, pieces: list[Piece]) -> dict[int | None, Piece]:
    """The page number each page shows at its top: a running header's ``PAGE`` field (for page
    1, or ``None``: every other page), or a line of figures standing alone above a page's text."""
    numbers: dict[int | None, Piece] = {}
    for piece in layout.pieces:
        if piece.zone == "header" and piece.field == "PAGE":
            numbers.setdefault(piece.page, piece)
    if not layout.paginated:
        return numbers
    for page in range(1, layout.pages + 1):
        lines = sorted((p for p in pieces if p.page == page), key=lambda p: p.top)
        if len(lines) >= 2 and _alone(lines[0], lines[1], lines[0].bottom < PAGE_NUMBER_ZONE_MM):
            numbers[page] = lines[0]
    return numbers


def bottom_numbers(layout: Layout, pieces: list[Piece]) -> dict[int | None, Piece]:
    """Page numbers at the foot of the pages (a footer's ``PAGE`` field; figures standing alone
    under a page's text): where PL I and HD 36 do not put them."""
    numbers: dict[int | None, Piece] = {}
    for piece in layout.pieces:
        if piece.zone == "footer" and piece.field == "PAGE":
            numbers.setdefault(piece.page, piece)
    for sheet in layout.sheets if layout.paginated else []:
        lines = sorted((p for p in pieces if p.page == sheet.number), key=lambda p: p.top)
        low = len(lines) >= 2 and lines[-1].top > sheet.height - PAGE_NUMBER_ZONE_MM
        if low and _alone(lines[-1], lines[-2], True, below=True):
            numbers[sheet.number] = lines[-1]
    return numbers


def _alone(number: Piece, neighbour: Piece, near_edge: bool, below: bool = False) -> bool:
    gap = number.top - neighbour.bottom if below else neighbour.top - number.bottom
    return bool(re.fullmatch(r"\d{1,4}", number.text)) and gap > 2.0 and near_edge
