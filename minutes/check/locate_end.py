"""Find the rest of a biên bản: the signatures, the recipients, the body between, and the page
numbers. The companion of :mod:`minutes.check.locate`; nothing here knows the file's format."""

from __future__ import annotations

import re

from minutes.check import geometry as geo
from minutes.check import tolerances as tol
from minutes.check.layout import Layout, Piece
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
    """Find the signature block (the secretary's title left, the chair's right, then notes and
    names under each); return the order where it starts."""
    wording = profile.wording
    after = [p for p in pieces if p.order > found.title_end]
    pair = _titles(after, squeeze(wording.secretary_title), squeeze(wording.chair_title))
    if pair is None:
        found.lack(SIGNERS, _("no signature block (the signer titles) found"))
        return None
    secretary, chair = pair
    found.signer_row = [secretary, chair]
    region = _block(found, after, secretary, chair, profile)
    left, right, split = geo.two_columns(region, found.area)
    if split is None:
        left = [p for p in region if p.centre < (secretary.centre + chair.centre) / 2]
        right = [p for p in region if p not in left]
    layout = profile.layout
    boxes = cells_from(found.area[0], layout.signature_left_mm, layout.signature_right_mm)
    for column, title, box in zip((left, right), (secretary, chair), boxes, strict=True):
        cells = [p.cell for p in column if p.cell is not None]
        _column(found, column, title, (cells[0].x0, cells[0].x1) if cells else box)
    if "signer-note" not in found.elements:
        found.missing["signer-note"] = _("no signature notes found")
    return min(p.order for p in region)


def _titles(pieces: list[Piece], left: str, right: str) -> tuple[Piece, Piece] | None:
    """The last pair of lines holding the two signer titles side by side."""
    lefts = [p for p in pieces if _is_title(p, left)]
    rights = [p for p in pieces if _is_title(p, right)]
    pairs = [
        (a, b)
        for a in lefts
        for b in rights
        if a.x1 <= b.x0 and geo.same_place(a, b) and abs(a.top - b.top) <= TITLES_APART_MM
    ]
    if not pairs:
        return None
    return max(pairs, key=lambda pair: (pair[0].page or 0, pair[0].top))


def _is_title(piece: Piece, title: str) -> bool:
    """A line that is a signer title: the title's words, alone, after a short prefix of
    authority (``TM.``, ``KT.``, ``T/M``) or before a short qualifier (``THƯ KÝ KỲ HỌP``,
    ``CHỦ TỌA HỘI NGHỊ``)."""
    text = piece.squeezed
    prefixed = text.endswith(title) and len(text) - len(title) <= TITLE_PREFIX_CHARS
    qualified = text.startswith(title) and len(text) - len(title) <= TITLE_QUALIFIER_CHARS
    return prefixed or qualified


def _block(
    found: Found, pieces: list[Piece], secretary: Piece, chair: Piece, profile: Profile
) -> list[Piece]:
    """The lines of the signature block: below the titles, down to the recipients heading or
    to the first line across both columns (in a table: the table's lines only)."""
    top = min(secretary.top, chair.top) - 0.5
    below = [p for p in pieces if geo.same_place(p, secretary) and p.top >= top]
    table = secretary.cell.table if secretary.cell is not None else None
    if table is not None and chair.cell is not None and chair.cell.table == table:
        return [p for p in below if p.cell is not None and p.cell.table == table]
    bottom = _block_end(below, secretary, chair, profile)
    return [p for p in below if p.top < bottom]


def _block_end(below: list[Piece], secretary: Piece, chair: Piece, profile: Profile) -> float:
    """Where the signature block ends: at ``Nơi nhận:`` or the first line across both columns."""
    heading = squeeze(profile.wording.recipients_heading).rstrip(":")
    titles_end = max(secretary.bottom, chair.bottom)
    stops = [
        p.top
        for p in below
        if p.top > titles_end
        and (p.squeezed.startswith(heading) or p.x0 < secretary.centre < chair.centre < p.x1)
    ]
    return min(stops, default=float("inf"))


def _column(found: Found, column: list[Piece], title: Piece, box: tuple[float, float]) -> None:
    match = next((p for p in column if p.order == title.order and p.x0 <= title.centre), None)
    match = match or next((p for p in column if title.squeezed in p.squeezed), None)
    if match is None:
        return
    found.add("signer-title", Instance([match], column, box))
    under = [p for p in column if p.top > match.bottom - 0.2 and geo.texts([p])]
    if not under:
        return
    name, notes = under[-1], under[:-1]
    if notes:
        found.add("signer-note", Instance(notes, column, box))
    found.add("signer-name", Instance([name], column, box, position=_under(name, match)))


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
