"""How our two outputs lay a meeting out, measured: margins, rules under header lines, line and
page breaks, what a page ends on; our PDF beside LibreOffice's PDF of our DOCX.

Run from the repository root (needs LibreOffice):

    .venv/bin/python benchmarks/layout.py              # every example, corpus meeting, starter
    .venv/bin/python benchmarks/layout.py --json out.json examples/corpus/*.yaml

For every document it reports, for each writer (``pdf``: ours; ``lo``: LibreOffice's PDF of our
DOCX):

- the smallest distance of text from each edge of each page (the page number, in the top margin,
  apart), and every line that crosses a margin;
- for every rule under a header line (the issuing body, the Tiêu ngữ or ``ĐẢNG CỘNG SẢN VIỆT
  NAM``, the trích yếu) how far below the baseline of the line above it lies;
- the lines: which lines of ours LibreOffice breaks alike (same words), how far apart their
  baselines are, and on which line each page begins;
- what each page ends on: a heading, a table caption, a table cut after its first row or before
  its last, the closing line away from the signatures.

The same functions are the test of ``tests/test_layout.py``: what is measured here is what is
held there. Everything is read as a reader sees it, with the checker's own reader
(:func:`minutes.check.pdf.read_pdf`: lines by baseline, boxes in mm, rules as strokes), never
from bytes.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from minutes.check.layout import Layout, Piece, Stroke  # noqa: E402
from minutes.check.pdf import read_pdf  # noqa: E402
from minutes.check.text import clean  # noqa: E402
from minutes.profiles import Profile  # noqa: E402
from minutes.tree import Document, role_of, text_of  # noqa: E402

CORPUS = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "examples" / "corpus").glob("*.yaml")
)
STARTERS = sorted((ROOT / "templates" / "starters").glob("*.yaml"))
EVERYTHING = CORPUS + STARTERS

CROSSING_MM = 0.05
"""A line whose box ends this far or more past a margin crosses it (rounding of the producers'
coordinates is below 0.01 mm)."""
HEADINGS = ("heading-1", "heading-2", "heading-3", "table-caption")
"""Roles that must not end a page: each announces what follows it."""


# -- one PDF, read -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A line of text as a reader sees it: its page, its words, its box (mm)."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    baseline: float
    bold: bool

    @classmethod
    def of(cls, piece: Piece) -> Line:
        bold = sum(c for look, c in piece.looks.items() if look.bold) * 2 > piece.chars
        return cls(
            piece.page or 0,
            piece.text,
            piece.x0,
            piece.x1,
            piece.top,
            piece.baseline,
            bold,
        )


@dataclass
class Read:
    """A PDF read once: its lines in reading order, its rules, its pages' sizes."""

    lines: list[Line]
    strokes: list[Stroke]
    pages: int
    width: float
    height: float
    page_numbers: list[Line] = field(default_factory=list)


def read(data: bytes, profile: Profile) -> Read:
    """The lines and rules of the PDF ``data``; the page numbers (in the top margin) apart."""
    layout: Layout = read_pdf(data)
    sheet = layout.sheets[0]
    lines, numbers = [], []
    for piece in layout.pieces:
        line = Line.of(piece)
        in_top_margin = piece.bottom < profile.page.margin_top_mm - 1
        if in_top_margin and line.text.isdigit():
            numbers.append(line)
        else:
            lines.append(line)
    return Read(lines, layout.strokes, layout.pages, sheet.width, sheet.height, numbers)


# -- margins ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageMargins:
    """The smallest distance of text from each edge of one page (mm)."""

    page: int
    top: float
    bottom: float
    left: float
    right: float


def margins(pdf: Read) -> list[PageMargins]:
    found = []
    for page in range(1, pdf.pages + 1):
        lines = [line for line in pdf.lines if line.page == page]
        if not lines:
            continue
        found.append(
            PageMargins(
                page,
                round(min(line.top for line in lines), 2),
                round(pdf.height - max(line.baseline for line in lines), 2),
                round(min(line.x0 for line in lines), 2),
                round(pdf.width - max(line.x1 for line in lines), 2),
            )
        )
    return found


def crossings(pdf: Read, profile: Profile) -> list[str]:
    """Every line of text whose box lies in a margin, and page numbers out of place."""
    page = profile.page
    right = pdf.width - page.margin_right_mm
    bottom = pdf.height - page.margin_bottom_mm
    found = []
    for line in pdf.lines:
        past = {
            "left": page.margin_left_mm - line.x0,
            "right": line.x1 - right,
            "top": page.margin_top_mm - line.top,
            "bottom": line.baseline - bottom,
        }
        for side, amount in past.items():
            if amount >= CROSSING_MM:
                found.append(f"p{line.page} {side} +{amount:.2f} mm: {line.text[:60]!r}")
    for number in pdf.page_numbers:
        centre = (number.x0 + number.x1) / 2
        middle = page.margin_left_mm + page.text_width_mm / 2
        if number.text != str(number.page) or abs(centre - middle) > 2:
            found.append(f"p{number.page} page number {number.text!r} at {centre:.1f} mm")
    return found


# -- rules under header lines ----------------------------------------------------------------------


@dataclass(frozen=True)
class RuleGap:
    """A rule under a line of the first page: how far under the line's baseline it lies, and
    how far above the top of the next line."""

    above: str
    below_baseline: float
    to_next: float | None


def rule_gaps(pdf: Read) -> list[RuleGap]:
    """The rules of page 1 that are not table borders: each with the line right above it."""
    page_lines = [line for line in pdf.lines if line.page == 1]
    gaps = []
    for stroke in pdf.strokes:
        if stroke.page != 1 or stroke.x0 is None or stroke.length > 120:
            continue
        x0, x1 = stroke.x0, stroke.x0 + stroke.length
        over = [
            line
            for line in page_lines
            if line.baseline < stroke.y and line.x0 < x1 and line.x1 > x0 and line.text.strip()
        ]
        if not over:
            continue
        above = max(over, key=lambda line: line.baseline)
        if stroke.y - above.baseline > 12:  # a border of a table, not a rule under a line
            continue
        under = [line for line in page_lines if line.top > stroke.y]
        below = min(under, key=lambda line: line.top) if under else None
        gaps.append(
            RuleGap(
                above.text,
                round(stroke.y - above.baseline, 2),
                round(below.top - stroke.y, 2) if below else None,
            )
        )
    return sorted(gaps, key=lambda gap: gap.below_baseline)


# -- line and page breaks --------------------------------------------------------------------------


@dataclass
class Parity:
    """Our PDF's lines beside LibreOffice's."""

    lines: int
    """Lines of our PDF."""
    same: int
    """Of them, lines LibreOffice breaks alike (the same words on one line)."""
    same_page: int
    """Of those, lines on the same page in both."""
    shift_median: float
    """The median of LibreOffice's baseline less ours, over the lines alike on one page (mm)."""
    shift_max: float
    """The largest such difference, either way (mm)."""
    page_starts: list[tuple[str, str]]
    """Each page's first line after page 1: ours, LibreOffice's."""
    differ: list[str] = field(default_factory=list)
    """Lines of ours LibreOffice breaks otherwise (the first few)."""

    @property
    def pages_alike(self) -> bool:
        return all(ours == theirs for ours, theirs in self.page_starts)


def parity(ours: Read, theirs: Read) -> Parity:
    a = [line.text for line in ours.lines]
    b = [line.text for line in theirs.lines]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    same = same_page = 0
    shifts: list[float] = []
    differ: list[str] = []
    for tag, i0, i1, j0, j1 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i0, i1), range(j0, j1), strict=True):
                same += 1
                if ours.lines[i].page == theirs.lines[j].page:
                    same_page += 1
                    shifts.append(theirs.lines[j].baseline - ours.lines[i].baseline)
        elif len(differ) < 12:
            differ.extend(f"{a[i][:50]!r} ≠ {' / '.join(b[j0:j1])[:80]!r}" for i in range(i0, i1))
    starts = []
    for page in range(2, max(ours.pages, theirs.pages) + 1):
        starts.append((_first_text(ours, page), _first_text(theirs, page)))
    return Parity(
        len(a),
        same,
        same_page,
        round(statistics.median(shifts), 2) if shifts else 0.0,
        round(max((abs(s) for s in shifts), default=0.0), 2),
        starts,
        differ[:12],
    )


def _first_text(pdf: Read, page: int) -> str:
    lines = [line for line in pdf.lines if line.page == page]
    return min(lines, key=lambda line: (line.top, line.x0)).text if lines else ""


# -- what a page ends on ---------------------------------------------------------------------------


def _squash(text: str) -> str:
    return clean(text).replace(" ", "").casefold()


def stranded(document: Document, pdf: Read) -> list[str]:
    """What a page ends on that a careful typesetter would not leave there: a heading or a
    table's caption (its last line the page's last), a table cut after its first row or before
    its last, the closing line on a page without the signatures."""
    found: list[str] = []
    announcing = [
        _squash(text_of(element))
        for element in document.body.iter("p")
        if role_of(element) in HEADINGS
    ]
    last_page = pdf.pages
    by_page = {page: [line for line in pdf.lines if line.page == page] for page in range(1, 99)}
    for page in range(1, last_page):
        lines = by_page[page]
        if not lines:
            continue
        last = max(lines, key=lambda line: (line.baseline, line.x0))
        text = _squash(last.text)
        if text and any(heading.endswith(text) for heading in announcing):
            found.append(f"p{page} ends on a heading: {last.text[:60]!r}")
    found.extend(_cut_tables(document, pdf))
    closing = _closing_text(document)
    titles = [
        _squash(text_of(element))
        for element in document.body.iter("p")
        if role_of(element) in ("signer-title", "signer-authority")
    ]
    if closing and titles:
        closing_pages = {
            line.page for line in pdf.lines if closing.startswith(_squash(line.text)[:20] or "-")
        }
        signer_pages = {
            line.page
            for line in pdf.lines
            if any(title in _squash(line.text) for title in titles if title)
            and line.text.upper() == line.text
        }
        if closing_pages and signer_pages and max(closing_pages) not in signer_pages:
            found.append(f"p{max(closing_pages)}: the closing line is not with the signatures")
    return found


def _closing_text(document: Document) -> str:
    for div in document.body.iter("div"):
        if div.get("class") == "keep-together":
            first = div.find("p")
            if first is not None:
                return _squash(text_of(first))
    return ""


def _cut_tables(document: Document, pdf: Read) -> list[str]:
    """Tables whose rows a page break leaves alone: found by the first cell of each row."""
    found = []
    for table in document.body.iter("table"):
        if table.get("class") != "data-table":
            continue
        rows = table.findall("./tbody/tr")
        keys = [_row_key(row) for row in rows]
        if len(rows) < 2 or not all(keys):
            continue
        pages = [_page_of(pdf, key) for key in keys]
        if None in pages:
            continue
        head = keys[0][:30]
        if pages[0] != pages[1]:
            found.append(f"p{pages[0]}: table {head!r} cut after its first row")
        if len(rows) > 2 and pages[-1] != pages[-2]:
            found.append(f"p{pages[-2]}: table {head!r} cut before its last row")
        caption = _caption_before(document, table)
        if caption and _page_of(pdf, caption) not in (None, pages[0]):
            found.append(f"p{pages[0]}: table {head!r} away from its caption")
    return found


def _row_key(row: ET.Element) -> str:
    return _squash(" ".join(text_of(cell) for cell in row))[:24]


def _page_of(pdf: Read, key: str) -> int | None:
    """The page of the first line that begins ``key`` (a row's words run over its cells, so the
    lines of one row are joined in reading order first)."""
    by_baseline: dict[tuple[int, float], list[Line]] = {}
    for line in pdf.lines:
        by_baseline.setdefault((line.page, round(line.baseline, 0)), []).append(line)
    for (page, _), lines in sorted(by_baseline.items()):
        joined = _squash(" ".join(line.text for line in sorted(lines, key=lambda x: x.x0)))
        if joined.startswith(key[: min(len(key), 12)]) and key[:12]:
            return page
    return None


def _caption_before(document: Document, table: ET.Element) -> str | None:
    previous = None
    for element in document.body.iter():
        if element is table:
            if previous is not None and role_of(previous) == "table-caption":
                return _squash(text_of(previous))[:24]
            return None
        if element.tag in ("p", "table"):
            previous = element
    return None


# -- one document ----------------------------------------------------------------------------------


@dataclass
class Writer:
    """What one writer's PDF of a document measures."""

    pages: int
    margins: list[PageMargins]
    crossings: list[str]
    rule_gaps: list[RuleGap]
    stranded: list[str]


@dataclass
class Measure:
    name: str
    profile: str
    pdf: Writer
    lo: Writer | None
    parity: Parity | None


def writer_measure(document: Document, pdf: Read) -> Writer:
    return Writer(
        pdf.pages,
        margins(pdf),
        crossings(pdf, document.profile),
        rule_gaps(pdf),
        stranded(document, pdf),
    )


def measure(name: str, document: Document, ours: bytes, lo: bytes | None) -> Measure:
    profile = document.profile
    our_read = read(ours, profile)
    lo_read = read(lo, profile) if lo is not None else None
    return Measure(
        name,
        profile.id,
        writer_measure(document, our_read),
        writer_measure(document, lo_read) if lo_read else None,
        parity(our_read, lo_read) if lo_read else None,
    )


# -- rendering and converting ----------------------------------------------------------------------


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def convert(docx_files: Sequence[Path], folder: Path) -> dict[Path, Path]:
    """``{docx: the PDF LibreOffice makes of it}``, every file in ONE ``soffice`` run (starting
    LibreOffice is the slow part), with a throw-away user profile."""
    if SOFFICE is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    out = folder / "lo"
    command = [
        SOFFICE,
        f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *(str(p) for p in docx_files),
    ]
    env = {**os.environ, "HOME": str(folder)}
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, env=env)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return {path: out / f"{path.stem}.pdf" for path in docx_files}


def measure_files(paths: Iterable[Path], folder: Path) -> list[Measure]:
    """Render each meeting file in both formats, convert the DOCX files, measure."""
    import minutes
    from minutes.api import Renderer

    renderer = Renderer()
    made: list[tuple[str, Document, bytes, Path]] = []
    for path in paths:
        document = renderer.compose(minutes.load(path))
        name = path.stem
        docx = folder / f"{name}.docx"
        docx.write_bytes(renderer.render_document(document, "docx"))
        pdf = renderer.render_document(document, "pdf")
        (folder / f"{name}.pdf").write_bytes(pdf)
        made.append((name, document, pdf, docx))
    converted = convert([docx for *_, docx in made], folder) if SOFFICE else {}
    results = []
    for name, document, pdf, docx in made:
        lo = converted.get(docx)
        lo_bytes = lo.read_bytes() if lo is not None and lo.is_file() else None
        results.append(measure(name, document, pdf, lo_bytes))
    return results


# -- the report ------------------------------------------------------------------------------------


def summary(results: Sequence[Measure]) -> str:
    rows = [
        "| document | pages pdf/lo | right margin min pdf / lo (mm) | crossing pdf / lo | "
        "rule under baseline pdf / lo (mm) | lines alike | same page | Δ median / max (mm) | "
        "page starts alike | stranded pdf / lo |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for m in results:
        lo = m.lo
        right_pdf = min((p.right for p in m.pdf.margins), default=0.0)
        right_lo = min((p.right for p in lo.margins), default=0.0) if lo else None
        gaps_pdf = _span(g.below_baseline for g in m.pdf.rule_gaps)
        gaps_lo = _span(g.below_baseline for g in lo.rule_gaps) if lo else "-"
        p = m.parity
        rows.append(
            f"| {m.name[:40]} | {m.pdf.pages}/{lo.pages if lo else '-'} | {right_pdf:.2f} / "
            f"{right_lo if right_lo is None else f'{right_lo:.2f}'} | {len(m.pdf.crossings)} / "
            f"{len(lo.crossings) if lo else '-'} | {gaps_pdf} / {gaps_lo} | "
            f"{p.same if p else '-'}/{p.lines if p else '-'} | {p.same_page if p else '-'} | "
            f"{p.shift_median if p else '-'} / {p.shift_max if p else '-'} | "
            f"{'yes' if p and p.pages_alike else 'no'} | {len(m.pdf.stranded)} / "
            f"{len(lo.stranded) if lo else '-'} |"
        )
    alike = sum(1 for m in results if m.parity and m.parity.pages_alike)
    crossing = sum(1 for m in results if m.pdf.crossings)
    rows.append("")
    rows.append(
        f"{len(results)} documents: our PDF crosses a margin in {crossing}; "
        f"pages begin alike in {alike}."
    )
    return "\n".join(rows)


def _span(values: Iterable[float]) -> str:
    found = sorted(values)
    if not found:
        return "-"
    return f"{found[0]:.2f}" if found[0] == found[-1] else f"{found[0]:.2f}–{found[-1]:.2f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="meeting files (default: all)")
    parser.add_argument("--json", type=Path, help="write every measure as JSON here")
    parser.add_argument("--keep", type=Path, help="keep the files made in this folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="list what differs")
    args = parser.parse_args(argv)
    paths = args.files or EVERYTHING
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = measure_files(paths, args.keep)
    else:
        with tempfile.TemporaryDirectory() as folder:
            results = measure_files(paths, Path(folder))
    print(summary(results))
    if args.verbose:
        for m in results:
            details = [*m.pdf.crossings, *m.pdf.stranded]
            if m.lo:
                details += [f"lo {x}" for x in [*m.lo.crossings, *m.lo.stranded]]
            if m.parity:
                details += [f"starts {a!r} | {b!r}" for a, b in m.parity.page_starts if a != b]
                details += m.parity.differ[:6]
            if details:
                print(f"\n{m.name}:")
                print("\n".join(f"  {d}" for d in details))
    if args.json:
        args.json.write_text(
            json.dumps([asdict(m) for m in results], ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
