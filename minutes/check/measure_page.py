"""Measure the page (paper, margins), the fonts, the page numbers, and the advice on the text.

Margins are read where the file declares them (a DOCX's sections) or where the text lies (a
PDF): the left edge of the text, the top of its first line less half that line's leading; the
right and the bottom only bound the margin (the text may stop short of it), unless justified
lines show where the right margin is.
"""

from __future__ import annotations

import re

from minutes.check import advice as house
from minutes.check import forms
from minutes.check import geometry as geo
from minutes.check import tolerances as tol
from minutes.check.layout import Piece
from minutes.check.locate import Found
from minutes.check.locate_end import bottom_numbers
from minutes.check.measure import Measured, Measurements
from minutes.formatting import format_date_short
from minutes.i18n import _
from minutes.profiles import Profile

ASCENT, DESCENT = 0.891, 0.216
HALF_LEADING_MAX_MM = 2.0


def _text(found: Found) -> list[Piece]:
    numbers = set(map(id, found.page_numbers.values()))
    return [p for p in found.layout.body() if id(p) not in numbers]


# -- paper and margins -----------------------------------------------------------------------------


def margins(found: Found, result: Measurements, profile: Profile) -> None:
    layout = found.layout
    values = result.values
    page = profile.page
    expected = (page.width_mm, page.height_mm)
    odd = [
        s
        for s in layout.sheets
        if abs(s.width - expected[0]) > 1 or abs(s.height - expected[1]) > 1
    ]
    sheet = (odd or layout.sheets)[0] if layout.sheets else None
    if sheet is None:
        return
    values["page.paper"] = Measured((sheet.width, sheet.height), where=sheet.label)
    declared = [s for s in layout.sheets if s.margins is not None]
    if declared:
        for index, side in enumerate(("top", "bottom", "left", "right")):
            preferred = getattr(page, f"margin_{side}_mm")
            worst = max(declared, key=lambda s: abs((s.margins or (0, 0, 0, 0))[index] - preferred))
            assert worst.margins is not None
            values[f"page.margin-{side}"] = Measured(worst.margins[index], where=worst.label)
        return
    _seen_margins(found, result, profile)


def _right_margin(found: Found, result: Measurements, text: list[Piece], profile: Profile) -> None:
    """Justified lines show where the right margin is: it is where they end, unless a line runs
    further into the margin than they do (by more than WeasyPrint's overshoot) while they keep
    the margin: then that line's is. Without justified lines the gap under the text only
    bounds the margin."""
    widths = {s.number: s.width for s in found.layout.sheets}
    right = max(text, key=lambda p: p.x1)
    far = widths[right.page or 1] - right.x1
    justified = result.values.get("body.align", Measured(None)).value == "justify"
    edge = result.values.get("body.right-edge", Measured(None)).value
    if not justified or edge is None:
        note = _("no justified line shows where it is: the text ends here")
        result.values["page.margin-right"] = Measured(far, right.where, note, bound="upper")
        return
    kept = widths[right.page or 1] - edge
    page = profile.page
    low, high = page.margin_right_range_mm or (page.margin_right_mm, page.margin_right_mm)
    keeps = low - tol.MARGIN_MM <= kept <= high + tol.MARGIN_MM
    protrudes = keeps and kept - far > tol.OVERSHOOT_MM
    value = far if protrudes else kept
    result.values["page.margin-right"] = Measured(value, where=right.where if protrudes else "")


def _seen_margins(found: Found, result: Measurements, profile: Profile) -> None:
    text = _text(found)
    if not text:
        return
    values = result.values
    heights = {s.number: s.height for s in found.layout.sheets}
    left = min(text, key=lambda p: p.x0)
    values["page.margin-left"] = Measured(left.x0, where=left.where)
    _right_margin(found, result, text, profile)
    pages = _by_page(text)
    pitches = _pitches(pages)
    tops = [_top_of(page_lines, pitches) for page_lines in pages.values()]
    top, where = min(tops)
    values["page.margin-top"] = Measured(top, where=where)
    bottoms = [(heights[p.page or 1] - p.bottom, p.where) for p in _lasts(text)]
    bottom, where = min(bottoms)
    values["page.margin-bottom"] = Measured(
        bottom, where=where, bound="upper", note=_("no page is filled to its bottom margin")
    )


def _by_page(pieces: list[Piece]) -> dict[int, list[Piece]]:
    pages: dict[int, list[Piece]] = {}
    for piece in pieces:
        pages.setdefault(piece.page or 1, []).append(piece)
    return pages


def _lasts(pieces: list[Piece]) -> list[Piece]:
    return [max(lines, key=lambda p: p.bottom) for lines in _by_page(pieces).values()]


def _top_of(lines: list[Piece], pitches: dict[float, float]) -> tuple[float, str]:
    """Where a page's text begins: its first line's top, less half the leading lines of that
    size get (a line box adds it above its glyphs): half of what the closest spacing of two
    lines of that size in the document adds to their glyphs."""
    first = min(lines, key=lambda p: p.top)
    glyphs = (ASCENT + DESCENT) * first.size * tol.MM_PER_PT
    pitch = pitches.get(round(first.size, 1))
    half = min(max((pitch - glyphs) / 2, 0.0), HALF_LEADING_MAX_MM) if pitch else 0.0
    return first.top - half, first.where


def _pitches(pages: dict[int, list[Piece]]) -> dict[float, float]:
    """``{size: the closest distance between the baselines of two lines of that size, one under
    the other}``, counting only spacings of one to one and a half lines (not paragraph gaps)."""
    found: dict[float, float] = {}
    for lines in pages.values():
        lines = sorted(lines, key=lambda p: p.top)
        for index, a in enumerate(lines):
            b = next((b for b in lines[index + 1 :] if a.x0 < b.x1 and b.x0 < a.x1), None)
            if b is None or abs(b.size - a.size) >= 0.2:
                continue
            size = round(a.size, 1)
            glyphs = (ASCENT + DESCENT) * size * tol.MM_PER_PT
            pitch = b.baseline - a.baseline
            if glyphs < pitch <= 1.6 * glyphs:
                found[size] = min(found.get(size, pitch), pitch)
    return found


# -- fonts -----------------------------------------------------------------------------------------


def fonts(found: Found, result: Measurements) -> None:
    pieces = [*_text(found), *found.page_numbers.values()]
    families: list[str] = []
    unnamed = False
    for piece in pieces:
        for look in piece.looks:
            if not look.font:
                unnamed = True
            elif look.font not in families:
                families.append(look.font)
    if families:
        result.values["font.family"] = Measured(families)
    else:
        note = _("no font named") if unnamed else _("not found in the document")
        result.values["font.family"] = Measured(None, note=note)
    embedded = found.layout.embedded
    if embedded is not None:
        missing = sorted(name for name, carried in embedded.items() if not carried)
        value = (
            "embedded"
            if not missing
            else _("not embedded: {names}").format(names=", ".join(missing))
        )
        result.values["font.embedded"] = Measured(value)


# -- page numbers ----------------------------------------------------------------------------------


def page_numbers(found: Found, result: Measurements, profile: Profile) -> None:
    values = result.values
    numbers = found.page_numbers
    first = numbers.get(1)
    values["page-number.first-page"] = Measured(
        "present" if first is not None else "absent", where=first.where if first else ""
    )
    layout = found.layout
    if layout.one_page():
        values["page-number.other-pages"] = Measured(None, note=_("one page only"))
        values["page-number.size"] = Measured(None, note=_("one page only"))
        return
    shown = (
        [numbers[None]]
        if None in numbers
        else [numbers[p] for p in sorted(k for k in numbers if k and k > 1)]
    )
    problems = (
        _number_problems(found, shown) if layout.paginated else _declared_problems(found, shown)
    )
    values["page-number.other-pages"] = Measured(problems)
    if shown:
        preferred = profile.role("page-number").size_pt
        worst = max((p.size for p in shown), key=lambda size: abs(size - preferred))
        values["page-number.size"] = Measured(worst)
    else:
        values["page-number.size"] = Measured(None, note=_("no page numbers found"))


def _declared_problems(found: Found, shown: list[Piece]) -> list[str]:
    """A DOCX: a ``PAGE`` field in the running header, centred, inside the top margin."""
    if not shown:
        if bottom_numbers(found.layout, found.layout.body()):
            return [_("the page number is in the footer, not the header")]
        return [_("no page number field in the header")]
    number = shown[0]
    problems = []
    if geo.align_in([number], [], found.area) != "center":
        problems.append(_("the page number is not centred"))
    sheet = found.layout.sheets[0]
    top = sheet.margins[0] if sheet.margins else 0.0
    if number.bottom > top + tol.MARGIN_MM:
        problems.append(
            _("the page number reaches below the top margin ({distance} mm + one line)").format(
                distance=round(sheet.header_distance or 0.0, 1)
            )
        )
    return problems


def _number_problems(found: Found, shown: list[Piece]) -> list[str]:
    """A PDF: from page 2 each page shows its own number, centred, above its text. An appendix
    (a page that begins with ``Phụ lục``) may number its pages apart (PL I, III.1.đ)."""
    text = _by_page(_text(found))
    centre = (found.area[0] + found.area[1]) / 2
    by_page = {p.page: p for p in shown}
    problems: list[str] = []
    offset = 0
    for page in range(2, found.layout.pages + 1):
        where = _("page {number}").format(number=page)
        lines = sorted(text.get(page, []), key=lambda p: p.top)
        if lines and re.match(r"phụ\s*lục", lines[0].text, re.IGNORECASE):
            offset = page - 1
        number = by_page.get(page)
        if number is None:
            if offset != page - 1:
                problems.append(_("{page}: no number").format(page=where))
            continue
        if number.text != str(page - offset) and number.text != str(page):
            problems.append(_("{page}: shows {text}").format(page=where, text=number.text))
        if abs(number.centre - centre) > tol.PAGE_NUMBER_CENTRE_MM:
            problems.append(
                _("{page}: {offset} mm off centre").format(
                    page=where, offset=round(number.centre - centre, 1)
                )
            )
        if lines and number.bottom > lines[0].top:
            problems.append(_("{page}: not in the top margin").format(page=where))
    if not by_page and bottom_numbers(found.layout, found.layout.body()):
        problems.insert(0, _("the page numbers are at the bottom of the pages"))
    return problems


# -- advice on the text ----------------------------------------------------------------------------


def advice(found: Found, result: Measurements) -> None:
    """Dates and numbers in the text, district names after the reform (``lưu ý``, not rules)."""
    governed = {
        id(p)
        for element in ("place-date", "number")
        for i in found.elements.get(element, [])
        for p in i.pieces
    }
    pieces = [p for p in _text(found) if id(p) not in governed]
    text = "\n".join(p.text for p in pieces)
    result.values["dates.form"] = Measured(house.date_advice(text))
    result.values["numbers.form"] = Measured(house.number_advice(text))
    dated = forms.document_date([p.text for p in _text(found)])
    if dated is None:
        result.values["districts.after-reform"] = Measured(
            None, note=_("the document's date was not found")
        )
        return
    date, _how = dated
    names = house.district_advice("\n".join(p.text for p in _text(found)), date)
    where = _("dated {date}").format(date=format_date_short(date))
    result.values["districts.after-reform"] = Measured(names, where=where)
