"""Shared fixtures: the inputs, and each input rendered once per session.

Every test that asks for ``source`` runs once per input: each example in ``examples/`` (found by
glob, so a new example is tested without touching the tests) and the two minimal meetings in
``tests/data/``. ``example`` is the examples only. Rendering is the slow part, so
:class:`Outputs` keeps the meeting, its document tree, its PDF and its DOCX per input for the
whole session, and the PDF's laid-out characters (pdfplumber) once read.

Everything here reads what a reader of the document sees: characters with their size, font and
position in points (converted to mm where the rules speak in mm), paragraphs and styles read back
from the DOCX. Nothing compares bytes.
"""

from __future__ import annotations

import copy
import gc
import io
import os
import re
import shutil
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from ruamel.yaml import YAML

import minutes
from minutes.api import Renderer
from minutes.profiles import Profile
from minutes.tree import Document, role_of, text_of

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("MINUTES_CACHE_DIR", tempfile.mkdtemp(prefix="minutes-test-cache-"))
"""The tests' own cache folder (:mod:`minutes.cache`), shared with the processes they start."""
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
"""The tests run this checkout's sources, in this process (``pythonpath`` in ``pyproject.toml``)
and in the processes they start, whatever copy of minutes ``.venv`` has installed (``./dev``
installs a wheel, rebuilt when a source changes, but ``pytest`` may be run on its own)."""
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
FLAGSHIP = ROOT / "examples" / "hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml"
MINIMAL_STATE = DATA / "minimal-state.yaml"
MINIMAL_PARTY = DATA / "minimal-party.yaml"
MINIMAL = [MINIMAL_STATE, MINIMAL_PARTY]
INPUTS = EXAMPLES + MINIMAL

MM = 72 / 25.4
"""Points per millimetre."""

IMPOSSIBLE_DATE = "2018-02-30"
"""A date that does not exist (30 February): the clerk's commonest slip, tested everywhere."""


def with_impossible_date(text: str) -> str:
    """``text``, a meeting file, with its ``date:`` line giving :data:`IMPOSSIBLE_DATE`."""
    changed, count = re.subn(r"^date: .*$", f"date: {IMPOSSIBLE_DATE}", text, count=1, flags=re.M)
    assert count == 1, "the meeting has no `date:` line"
    return changed


def pt_to_mm(value: float) -> float:
    return value / MM


def input_id(path: Path) -> str:
    return path.stem if path.parent == DATA else f"examples/{path.stem}"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-pictures",
        action="store_true",
        default=False,
        help="rewrite tests/reference_png/ from the current output (after a reviewed change)",
    )
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current document trees (after a reviewed change)",
    )


def pytest_configure(config: pytest.Config) -> None:
    # WeasyPrint 70 leaves its sRGB ICC profile file open when it writes PDF/A (an unclosed file
    # noticed by the garbage collector, possibly in a later test): not ours to fix, and harmless.
    config.addinivalue_line(
        "filterwarnings",
        r"ignore:Exception ignored in. <_io\.(FileIO|BufferedReader) name='[^']*sRGB2014\.icc'"
        ":pytest.PytestUnraisableExceptionWarning",
    )
    config.addinivalue_line(
        "filterwarnings",
        r"ignore:unclosed file <_io\.BufferedReader name='[^']*sRGB2014\.icc'"
        ":ResourceWarning",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``source``: every input; ``example``: every example file."""
    if "source" in metafunc.fixturenames:
        metafunc.parametrize("source", INPUTS, ids=[input_id(p) for p in INPUTS])
    if "example" in metafunc.fixturenames:
        metafunc.parametrize("example", EXAMPLES, ids=[input_id(p) for p in EXAMPLES])


# -- words, as a reader compares them --------------------------------------------------------------


def words(text: str) -> list[str]:
    """``text`` as a list of words: every run of whitespace (spaces, line breaks) is one gap."""
    return text.split()


# -- the PDF, as laid out --------------------------------------------------------------------------


@dataclass
class Match:
    """Where a piece of text was found in the PDF, with its characters."""

    page: int  # 0-based
    text: str
    chars: list[dict[str, Any]]

    @property
    def x0(self) -> float:
        return min(c["x0"] for c in self.chars)

    @property
    def x1(self) -> float:
        return max(c["x1"] for c in self.chars)

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.chars)

    @property
    def ink(self) -> list[dict[str, Any]]:
        """The characters that put ink on the page (not the spaces)."""
        return [c for c in self.chars if c["text"].strip()]


def text_pattern(text: str) -> str:
    """A regex matching ``text`` word for word, whatever the line breaks between the words."""
    body = r"\s+".join(re.escape(w) for w in words(text))
    return rf"(?<!\w){body}(?!\w)"


class RenderedPdf:
    """A rendered PDF, opened once with pdfplumber; pages and their characters are cached."""

    def __init__(self, data: bytes, profile: Profile) -> None:
        self.data = data
        self.profile = profile
        self._pdf = pdfplumber.open(io.BytesIO(data))

    def close(self) -> None:
        self._pdf.close()

    @cached_property
    def pages(self) -> list[Any]:
        return list(self._pdf.pages)

    @cached_property
    def chars(self) -> list[list[dict[str, Any]]]:
        """The characters of each page."""
        return [page.chars for page in self.pages]

    @cached_property
    def text_pages(self) -> list[Any]:
        """Each page without what lies in the top margin (the page number)."""
        limit = self.profile.page.margin_top_mm * MM - 1
        return [
            page.filter(lambda obj: obj.get("object_type") != "char" or obj["top"] >= limit)
            for page in self.pages
        ]

    def search(self, text: str) -> list[Match]:
        """Every place ``text`` appears (words in order, any line breaks between them)."""
        found = []
        for number, page in enumerate(self.text_pages):
            for hit in page.search(text_pattern(text), regex=True, return_chars=True):
                found.append(Match(number, hit["text"], hit["chars"]))
        return found

    def find(self, text: str) -> Match:
        found = self.search(text)
        assert found, f"{text!r} is not in the PDF"
        return found[0]

    def _column_pages(self, block: str, column: int) -> list[tuple[int, Any]]:
        """The pages (number, page) cut to one column of the header or signature block."""
        layout = self.profile.layout
        split = self.profile.page.margin_left_mm + (
            layout.header_left_mm if block == "header" else layout.signature_left_mm
        )
        pages = list(enumerate(self.text_pages))
        if block == "header":
            pages = pages[:1]
        result = []
        for number, page in pages:
            x0, x1 = (0, split * MM) if column == 0 else (split * MM, page.width)
            result.append((number, page.within_bbox((x0, 0, x1, page.height))))
        return result

    def locate(self, document: Document, element: ET.Element) -> list[Match]:
        """Where the paragraph ``element`` of the tree is drawn: its whole text, or (when it
        runs over a page break) its first words, which widow and orphan control keep on one
        page. A paragraph of the header or signature block is looked for in its own column."""
        role = role_of(element)
        assert role is not None
        text = " ".join(words(text_of(element)))
        if self.profile.role(role).caps:
            text = text.upper()
        where = two_column_cells(document).get(id(element))
        pages = self._column_pages(*where) if where else list(enumerate(self.text_pages))
        found = _search_in(pages, text)
        if not found and len(words(text)) > 6:
            found = _search_in(pages, " ".join(words(text)[:6]))
        return found

    def rule_under(self, match: Match) -> dict[str, Any]:
        """The horizontal rule drawn just under ``match`` (a thin rect or a line)."""
        page = self.pages[match.page]
        candidates = [
            shape
            for shape in [*page.rects, *page.lines]
            if shape["height"] < 2
            and match.bottom - 2 <= shape["top"] <= match.bottom + 12
            and shape["x1"] > match.x0
            and shape["x0"] < match.x1
        ]
        assert len(candidates) == 1, f"{len(candidates)} rules under {match.text!r}"
        return candidates[0]

    def text(self) -> str:
        """All the text below the top margins, page after page."""
        return "\n".join(page.extract_text() for page in self.text_pages)

    def reading_words(self) -> list[str]:
        """The words in the order a reader reads them.

        Lines are read top to bottom; but the two borderless two-column blocks (the header and the
        signatures) are read a column at a time, and a bordered table a row at a time, a cell at a
        time, so the order does not depend on where a cell's lines happen to break. A table header
        row repeated at the top of a continuation page is read once.
        """
        wording = self.profile.wording
        layout = self.profile.layout
        left = self.profile.page.margin_left_mm * MM
        doc_kind = self.find(wording.doc_kind)
        signer_titles = self.search(wording.secretary_title)
        assert signer_titles, "no signature block in the PDF"
        signatures = signer_titles[-1]
        recipients = [
            m for m in self.search(wording.recipients_heading) if m.page == signatures.page
        ]
        signatures_end = recipients[-1].top - 1 if recipients else float("inf")

        out: list[str] = []
        last_table_head: list[str] | None = None
        for number, page in enumerate(self.text_pages):
            tables = [t for t in page.find_tables() if len(t.rows) >= 1]
            emitted: set[str] = set()
            for word in page.extract_words(keep_blank_chars=False, use_text_flow=False):
                table = next((t for t in tables if _inside(word, t.bbox)), None)
                if table is not None:
                    key = f"table{id(table)}"
                    if key not in emitted:
                        emitted.add(key)
                        rows = [
                            [
                                " ".join(words(page.crop(cell).extract_text() or ""))
                                for cell in row.cells
                                if cell is not None
                            ]
                            for row in table.rows
                        ]
                        at_top = table.bbox[1] < self.profile.page.margin_top_mm * MM + 20
                        if at_top and last_table_head is not None and rows[0] == last_table_head:
                            rows = rows[1:]  # the header row, repeated on a new page
                        else:
                            last_table_head = rows[0]
                        for row in rows:
                            for cell_text in row:
                                out.extend(words(cell_text))
                    continue
                if number == 0 and word["bottom"] < doc_kind.top:
                    block, split = "header", left + layout.header_left_mm * MM
                    top, bottom = 0.0, doc_kind.top - 0.1
                elif number == signatures.page and signatures.top - 0.5 <= word["top"] < (
                    signatures_end
                ):
                    block, split = "signatures", left + layout.signature_left_mm * MM
                    top, bottom = signatures.top - 0.5, signatures_end
                else:
                    out.append(word["text"])
                    continue
                if block not in emitted:
                    emitted.add(block)
                    bottom = min(bottom, page.height)
                    for x0, x1 in ((0, split), (split, page.width)):
                        column = page.within_bbox((x0, top, x1, bottom))
                        out.extend(words(column.extract_text() or ""))
        return out


def _search_in(pages: list[tuple[int, Any]], text: str) -> list[Match]:
    found = []
    for number, page in pages:
        for hit in page.search(text_pattern(text), regex=True, return_chars=True):
            found.append(Match(number, hit["text"], hit["chars"]))
    return found


def two_column_cells(document: Document) -> dict[int, tuple[str, int]]:
    """``id(paragraph) → (block, column)`` for the paragraphs of the header and signatures."""
    found: dict[int, tuple[str, int]] = {}
    for table in document.body.iter("table"):
        block = table.get("class", "")
        if block not in ("header", "signatures"):
            continue
        for row in table.iter("tr"):
            for column, cell in enumerate(row.findall("td")):
                for paragraph in cell.iter("p"):
                    found[id(paragraph)] = (block, column)
    return found


def _inside(word: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    mid_x = (word["x0"] + word["x1"]) / 2
    mid_y = (word["top"] + word["bottom"]) / 2
    return x0 <= mid_x <= x1 and top <= mid_y <= bottom


# -- the DOCX, read back ---------------------------------------------------------------------------


class RenderedDocx:
    """A rendered DOCX, opened once with python-docx."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.document = docx.Document(io.BytesIO(data))

    def paragraph_texts(self) -> list[str]:
        """The text of every non-empty paragraph of the body, in document order; the two-column
        tables (header, signatures) a column at a time, other tables a row at a time."""
        texts: list[str] = []
        body = self.document.element.body
        for child in body.iterchildren():
            if child.tag == qn("w:p"):
                texts.append(_paragraph_text(child))
            elif child.tag == qn("w:tbl"):
                table = docx.table.Table(child, self.document)
                bordered = table.style is not None and table.style.name == "Table Grid"
                grid = [[cell for cell in row.cells] for row in table.rows]
                if bordered:
                    cells = [cell for row in grid for cell in row]
                else:
                    cells = [row[i] for i in range(len(grid[0])) for row in grid]
                for cell in cells:
                    texts.extend(_paragraph_text(p._p) for p in cell.paragraphs)
        return [t for t in texts if t.strip()]

    def words(self) -> list[str]:
        return [w for text in self.paragraph_texts() for w in words(text)]


def _paragraph_text(p: Any) -> str:
    """The visible text of a ``w:p``: its ``w:t`` and breaks (not field instructions)."""
    parts = []
    for node in p.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
        parts.append(node.text or "" if node.tag == qn("w:t") else " ")
    return "".join(parts)


# -- the session cache -----------------------------------------------------------------------------


@dataclass
class Outputs:
    """Each input loaded, composed and rendered at most once per session."""

    renderer: Renderer
    _minutes: dict[Path, minutes.Minutes] = field(default_factory=dict)
    _documents: dict[Path, Document] = field(default_factory=dict)
    _pdfs: dict[tuple[Path, str | None], RenderedPdf] = field(default_factory=dict)
    _docxs: dict[Path, RenderedDocx] = field(default_factory=dict)

    def minutes(self, path: Path) -> minutes.Minutes:
        if path not in self._minutes:
            self._minutes[path] = minutes.load(path)
        return self._minutes[path]

    def profile(self, path: Path) -> Profile:
        return self.minutes(path).format_profile

    def document(self, path: Path) -> Document:
        if path not in self._documents:
            self._documents[path] = self.renderer.compose(self.minutes(path))
        return self._documents[path]

    def pdf(self, path: Path, variant: str | None = None) -> RenderedPdf:
        key = (path, variant)
        if key not in self._pdfs:
            data = self.renderer.render_pdf(self.minutes(path), variant=variant)
            self._pdfs[key] = RenderedPdf(data, self.profile(path))
        return self._pdfs[key]

    def docx(self, path: Path) -> RenderedDocx:
        if path not in self._docxs:
            self._docxs[path] = RenderedDocx(self.renderer.render_docx(self.minutes(path)))
        return self._docxs[path]

    def close(self) -> None:
        for pdf in self._pdfs.values():
            pdf.close()


@pytest.fixture(scope="session")
def outputs() -> Iterator[Outputs]:
    cache = Outputs(Renderer())
    yield cache
    cache.close()
    # Let WeasyPrint's FontConfiguration objects go while the interpreter is whole: left to the
    # shutdown, their __del__ finds its modules torn down and prints "Exception ignored in …".
    del cache
    minutes.api.default_renderer.cache_clear()
    gc.collect()


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="session")
def libreoffice_pdfs(outputs, tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """``{input: the PDF LibreOffice made of our DOCX}``, for every input, from ONE ``soffice``
    run (starting LibreOffice is the slow part), with a throw-away user profile so the run
    neither reads nor changes the user's settings."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("libreoffice")
    sources = folder / "docx"
    sources.mkdir()
    names = {}
    for path in INPUTS:
        target = sources / f"{input_id(path).replace('/', '-')}.docx"
        target.write_bytes(outputs.docx(path).data)
        names[path] = target
    from benchmarks.layout import convert  # the one soffice run the layout measure makes too

    converted = convert(list(names.values()), folder)
    made = {path: converted[docx] for path, docx in names.items()}
    missing = [str(p) for p in made.values() if not p.is_file()]
    assert not missing, f"LibreOffice made no PDF of {missing}"
    return made


@pytest.fixture(scope="session")
def flagship() -> Path:
    assert FLAGSHIP.is_file(), "the flagship example is missing"
    return FLAGSHIP


@pytest.fixture
def english() -> Iterator[None]:
    """Messages in English (the source language) for tests that read their wording; the default
    language (Vietnamese) is the i18n tests' business."""
    from minutes.i18n import set_language

    set_language("en")
    yield
    set_language(None)


# -- inputs as data, to make variants --------------------------------------------------------------


def read_yaml(path: Path) -> dict[str, Any]:
    """A YAML file as plain data, with dates and times as text (as JSON would carry them)."""
    data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    return _stringify_dates(data)


def _stringify_dates(value: Any) -> Any:
    import datetime as dt

    if isinstance(value, dict):
        return {k: _stringify_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_stringify_dates(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return value


_MINIMAL_DATA = {"state": read_yaml(MINIMAL_STATE), "party": read_yaml(MINIMAL_PARTY)}


@pytest.fixture
def meeting() -> Callable[[str], dict[str, Any]]:
    """``meeting("state")``: a fresh copy of a minimal meeting as plain data, to change."""

    def make(profile: str = "state") -> dict[str, Any]:
        return copy.deepcopy(_MINIMAL_DATA[profile])

    return make


def pdf_fonts(data: bytes) -> list[dict[str, Any]]:
    """Every font the pages use: base name (without the subset tag), and whether its program is
    embedded, as the checker reads them (:func:`minutes.check.pdf.read_fonts`)."""
    from minutes.check.pdf import read_fonts

    return [{"name": name, "embedded": info.embedded} for name, info in read_fonts(data).items()]


# -- the document tree -----------------------------------------------------------------------------


def tree_paragraphs(document: Document) -> list[tuple[str, str, ET.Element]]:
    """``(role, text, element)`` of every role paragraph of the tree, in document order."""
    return [
        (role, text_of(element), element)
        for element in document.body.iter()
        if (role := role_of(element)) is not None
    ]


@pytest.fixture(scope="session")
def web_pool() -> Iterator[Any]:
    """One pool of the web app's worker processes for every test app that does not test the
    pool itself (each pool starts two processes and warms them up: seconds, not to be paid per
    test module)."""
    from minutes.web.work import WorkPool

    pool = WorkPool(workers=2)
    pool.start()
    deadline = time.monotonic() + 120
    while len(pool.pids()) < pool.workers:  # warm, so that a test's time limit is its own
        assert time.monotonic() < deadline, "the web app's workers did not start"
        time.sleep(0.05)
    yield pool
    pool.close()
