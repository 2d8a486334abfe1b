"""Width of a line of text in the embedded fonts, for rules drawn "as long as the text".

Word cannot shrink a paragraph border to its text, so the DOCX writer draws each rule as an empty
paragraph whose indents leave exactly the wanted length, and needs to know how wide the text is.
Both writers also break a ruled line that does not fit its box at the same places (see
:func:`fit_lines`), so that the rule can follow the longest line.
Liberation Serif has the advance widths of Times New Roman, the font the DOCX names, so measuring
with it gives the width Word will lay out. Kerning is ignored (below 0.5 % on these lines).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from minutes.profiles import Profile, Role
from minutes.tree import role_of, text_of
from minutes.vocabulary import SINGLE_LINE, text_width_pt, vertical_metrics
from minutes.writers.shared import CELL_PADDING_MM

BALANCED_ROLES = ("parent-org", "org", "doc-kind", "trich-yeu", "appendix-title")
"""Roles whose lines both writers break themselves, balanced and between groups of words (the
names in the header, the title and the trích yếu), whether or not a rule goes under them."""

GROUP_WORDS = frozenset(
    "xã phường thị trấn quận huyện tỉnh thôn ấp bản tổ khu chi đảng công trường".split()
)
"""Words that begin a group of a Vietnamese name (``XÃ VĨNH THANH``, ``QUẬN TÂY HỒ``, ``CHI BỘ
…``, ``CÔNG TY …``, ``TRƯỜNG …``): a line may well begin with one."""

BINDING_WORDS = frozenset(
    "xã phường trấn quận huyện tỉnh phố thôn ấp tổ năm tháng ngày số lần khóa kỳ "
    "và của về tại các những cho với - – nhân ủy cộng hội".split()
)
"""Words that bind to the word after them (``QUẬN / TÂY HỒ``, ``năm / 2025``, ``NHÂN / DÂN``,
``- / TKV``): a line does not end on one."""


def fit_lines(
    text: str,
    size_pt: float,
    bold: bool,
    italic: bool,
    width_pt: float,
    fonts: Path,
    balance: bool = False,
    caps: bool = False,
) -> list[str]:
    """``text`` broken into the lines a reader will see in a box ``width_pt`` wide.

    Greedy, at spaces, as Word and WeasyPrint break a line; with ``balance``, in as many lines
    as greedy needs but with the breaks a typesetter would choose (:func:`balanced`). Both
    writers break these lines themselves, at the same places, so that a rule can be as long as
    the longest *line* (CSS cannot shrink a box to its longest wrapped line). The clerk's own
    line breaks (``\\n``) are kept. With ``caps`` the lines are measured in capitals but
    returned as written (the case tells where a name's words begin)."""

    def width(words: list[str]) -> float:
        shown = " ".join(words)
        return text_width_pt(shown.upper() if caps else shown, size_pt, bold, italic, fonts)

    lines: list[str] = []
    for given in text.split("\n"):
        words = given.split(" ")
        greedy: list[list[str]] = [[]]
        for word in words:
            if greedy[-1] and width([*greedy[-1], word]) > width_pt:
                greedy.append([word])
            else:
                greedy[-1].append(word)
        if balance and 1 < len(greedy) <= BALANCED_MAX_LINES and len(words) <= BALANCED_MAX_WORDS:
            space = width(["a", "a"]) - 2 * width(["a"])
            starts = [0.0]
            for word in words:
                starts.append(starts[-1] + width([word]))

            def span(i: int, j: int, starts: list[float] = starts, space: float = space) -> float:
                return starts[j] - starts[i] + space * (j - i - 1)

            greedy = balanced(words, len(greedy), width_pt, span)
        lines.extend(" ".join(line) for line in greedy)
    return lines


BALANCED_MAX_LINES = 5
BALANCED_MAX_WORDS = 80
"""Longer texts keep the greedy lines (a name or a title is never this long; the balancing is
quadratic in the words)."""


def balanced(
    words: list[str], count: int, width_pt: float, span: Callable[[int, int], float]
) -> list[list[str]]:
    """``words`` in ``count`` lines no wider than ``width_pt``, the lines as even as can be and
    broken between groups: no line of one word when the text has more, no line ending on a word
    that binds to the next (:data:`BINDING_WORDS`), nor inside a word of a name (a capital
    syllable and the small one after it: ``Mầm non``, ``Thi đua``, ``Khoáng sản``) or between
    the words of a name (``Nguyễn Tất Thành``), a line rather beginning with a word that begins
    a group (:data:`GROUP_WORDS`) or after a comma. Dynamic programming over the break
    points (a header line has a dozen words); the greedy lines when nothing else fits."""
    n = len(words)
    lone = width_pt**2
    binding = (width_pt * 0.6) ** 2
    good = (width_pt * 0.3) ** 2
    inside_name = (width_pt * 0.45) ** 2

    def capital(word: str) -> bool:
        return word[:1].isupper()

    def cost(i: int, j: int) -> float | None:
        line = words[i:j]
        used = span(i, j)
        if used > width_pt and j - i > 1:
            return None
        total = used**2  # the lines' total is given: the smallest sum of squares is the evenest
        if j - i == 1 and n > 1:
            total += lone
        if j < n:
            end = line[-1].casefold()
            if end in BINDING_WORDS:
                total += binding
            if words[j].casefold() in GROUP_WORDS or end.endswith((",", ";")):
                total -= good
            if words[j] in ("-", "–"):
                total += binding
            after = words[j]
            if capital(line[-1]) and after.casefold() not in GROUP_WORDS:
                total += binding if not capital(after) else inside_name
        return total

    best: dict[tuple[int, int], tuple[float, int]] = {(0, 0): (0.0, -1)}
    for lines in range(1, count + 1):
        for j in range(1, n + 1):
            options = []
            for i in range(0, j):
                if (i, lines - 1) not in best:
                    continue
                line_cost = cost(i, j)
                if line_cost is not None:
                    options.append((best[(i, lines - 1)][0] + line_cost, i))
            if options:
                best[(j, lines)] = min(options)
    if (n, count) not in best:
        return [words]
    breaks, j = [], n
    for lines in range(count, 0, -1):
        i = best[(j, lines)][1]
        breaks.append(words[i:j])
        j = i
    return breaks[::-1]


def box_width_pt(profile: Profile, cell: str | None) -> float:
    """The width text can use in a header cell (``header-left``/``header-right``) or the body."""
    layout = profile.layout
    cells = {"header-left": layout.header_left_mm, "header-right": layout.header_right_mm}
    if cell in cells:
        return (cells[cell] - 2 * CELL_PADDING_MM) * 72 / 25.4
    return profile.page.text_width_mm * 72 / 25.4


def ruled_lines(element: ET.Element, role: Role, width_pt: float, fonts: Path) -> list[str] | None:
    """The lines of a plain-text paragraph that carries a rule or whose lines are balanced
    (:data:`BALANCED_ROLES`), as they will be broken in a box ``width_pt`` wide (in the
    paragraph's own case); ``None`` if it has inline markup or is neither."""
    name = role_of(element)
    balance = name in BALANCED_ROLES
    if any(child.tag != "br" for child in element) or (role.rule is None and not balance):
        return None
    text = text_of(element)
    return fit_lines(
        text, role.size_pt, role.bold, role.italic, width_pt, fonts, balance, caps=role.caps
    )


def longest_line_pt(lines: list[str], role: Role, fonts: Path) -> float:
    """The width of the longest of ``lines`` as the role shows them."""
    return max(
        text_width_pt(
            line.upper() if role.caps else line, role.size_pt, role.bold, role.italic, fonts
        )
        for line in lines
    )


_PT_PER_MM = 72 / 25.4


def rule_space_pt(role: Role, fonts: Path, writer: str) -> float:
    """The space between the foot of a ruled paragraph's last line and the rule's stroke, so
    that the middle of the stroke lies ``role.rule_below_mm`` under the baseline.

    The foot of the line is not the same place in the two writers: Word and LibreOffice put the
    line gap above the ascent, so the line ends at the font's descent (``docx``); CSS shares the
    leading between the top and the foot of the line box (``pdf``)."""
    ascent, descent, _gap = vertical_metrics(role.bold, role.italic, fonts)
    if writer == "docx":
        foot = descent
    else:
        height = (
            role.line_exact_pt / role.size_pt
            if role.line_exact_pt is not None
            else SINGLE_LINE * (role.line_spacing or 1.0)
        )
        foot = descent + (height - ascent - descent) / 2
    below = (role.rule_below_mm or 0.0) * _PT_PER_MM  # a ruled role always says (the model)
    return max(below - role.rule_width_pt / 2 - foot * role.size_pt, 0.0)


TABLE_PADDING_PT = 4.0
"""Left and right padding inside a cell of a data table (both writers)."""
TABLE_BORDER_PT = 1.5
"""What the cell borders (0.5 pt, shared between neighbours) and rounding take of a column."""
_MM_PER_PT = 25.4 / 72


def _cell_width_pt(cell: ET.Element, profile: Profile, fonts: Path) -> tuple[float, float]:
    """``(natural, minimum)`` width of a cell's text: on one line, and its longest word."""
    role = profile.role(role_of(cell) or "table-cell")
    bold = role.bold or cell.find("strong") is not None
    text = " ".join(text_of(cell).split())
    shown = text.upper() if role.caps else text
    natural = text_width_pt(shown, role.size_pt, bold, role.italic, fonts)
    longest = max(
        (text_width_pt(word, role.size_pt, bold, role.italic, fonts) for word in shown.split()),
        default=0.0,
    )
    edges = 2 * TABLE_PADDING_PT + TABLE_BORDER_PT
    return natural + edges, longest + edges


def column_widths_mm(table: ET.Element, profile: Profile, fonts: Path) -> list[float]:
    """The width of each column of a data table across the text width, the same in both writers.

    From the content, as a browser's automatic table layout does: every column gets its text's
    width on one line when all fit, the rest of the line going to the text columns; when they do
    not fit, each keeps at least its longest word and the remaining width is shared in proportion
    to what each column lacks. A column the clerk gave a relative ``width`` takes that share of
    what the content-sized columns leave."""
    available = profile.page.text_width_mm / _MM_PER_PT
    rows = table.findall(".//tr")
    columns = max((sum(int(c.get("colspan", "1")) for c in row) for row in rows), default=1)
    natural = [2 * TABLE_PADDING_PT] * columns
    minimum = [2 * TABLE_PADDING_PT] * columns
    numeric = [True] * columns
    for row in rows:
        index = 0
        for cell in row:
            span = int(cell.get("colspan", "1"))
            if span == 1 and index < columns:
                wide, narrow = _cell_width_pt(cell, profile, fonts)
                natural[index] = max(natural[index], wide)
                minimum[index] = max(minimum[index], narrow)
                if cell.tag == "td" and role_of(cell) == "table-cell" and text_of(cell).strip():
                    numeric[index] = False
            index += span
    given = [float(w) if w else None for w in (table.get("data-weights") or "").split(",")]
    given += [None] * (columns - len(given))
    widths = _share(available, natural, minimum, numeric, given[:columns])
    return [width * _MM_PER_PT for width in widths]


def _share(
    available: float,
    natural: list[float],
    minimum: list[float],
    numeric: list[bool],
    given: list[float | None],
) -> list[float]:
    """Widths for the columns: those without a ``given`` relative width take their content's
    width; those with one share what is left in proportion; then no column is narrower than its
    longest word while the line allows it."""
    auto = [i for i, weight in enumerate(given) if weight is None]
    fixed = [i for i, weight in enumerate(given) if weight is not None]
    if not fixed:
        return _by_content(available, natural, minimum, numeric)
    widths = [0.0] * len(natural)
    for i in auto:
        widths[i] = min(natural[i], available / len(natural))
    room = available - sum(widths)
    total = sum(given[i] or 0 for i in fixed)
    for i in fixed:
        widths[i] = room * (given[i] or 0) / total
    return _at_least(widths, minimum, available)


def _by_content(
    available: float, natural: list[float], minimum: list[float], numeric: list[bool]
) -> list[float]:
    """Every column its text's width on one line when all fit, the rest to the text columns;
    else each its longest word and the rest shared by what each lacks."""
    count = range(len(natural))
    if sum(natural) <= available:
        slack = available - sum(natural)
        takers = [i for i in count if not numeric[i]] or list(count)
        weight = sum(natural[i] for i in takers)
        return [natural[i] + (slack * natural[i] / weight if i in takers else 0) for i in count]
    if sum(minimum) >= available:
        return [available * m / sum(minimum) for m in minimum]
    lack = [natural[i] - minimum[i] for i in count]
    spare = available - sum(minimum)
    return [minimum[i] + spare * lack[i] / (sum(lack) or 1.0) for i in count]


def _at_least(widths: list[float], minimum: list[float], available: float) -> list[float]:
    """``widths`` with each column raised to its ``minimum``, taken from the columns above
    theirs in proportion to their spare width (when the minimums fit at all)."""
    if sum(minimum) >= available:
        return [available * m / sum(minimum) for m in minimum]
    short = sum(max(m - w, 0.0) for w, m in zip(widths, minimum, strict=True))
    spare = [max(w - m, 0.0) for w, m in zip(widths, minimum, strict=True)]
    if short <= 0 or sum(spare) <= 0:
        return _fit(widths, available)
    raised = [max(w, m) for w, m in zip(widths, minimum, strict=True)]
    return _fit([r - short * s / sum(spare) for r, s in zip(raised, spare, strict=True)], available)


def _fit(widths: list[float], available: float) -> list[float]:
    total = sum(widths)
    return [w * available / total for w in widths] if total > 0 else widths
