"""Document tree + profile → PDF bytes, with WeasyPrint.

WeasyPrint is imported lazily (it pulls in Pango through cffi, which costs time that DOCX-only
work and ``minutes --help`` should not pay), and only through :func:`require_weasyprint`: on a
computer without Pango (most Windows desktops) the import fails in a C loader, and that must
become a :class:`~minutes.errors.SetupError` that says what to install, not a bug report. The
DOCX never comes here, so it works on such a computer. One :class:`PdfWriter` keeps one
``FontConfiguration`` and the parsed stylesheet of each profile, so the fonts are loaded once and
later documents render faster. WeasyPrint's layout is not thread-safe, so a writer renders one
document at a time; processes, not threads, give parallelism (``minutes batch``).

The URL fetcher lets the renderer read the font files and nothing else: no ``file:`` path outside
``fonts/`` and ``templates/``, no network. The tree cannot ask for anything (the data is escaped
and the tree has no ``<img>``, ``<link>`` or ``style``), so the fetcher is the second wall, tested
on its own in ``tests/test_security.py``.
"""

from __future__ import annotations

import atexit
import contextlib
import copy
import gc
import io
import re
import threading
import weakref
import xml.etree.ElementTree as ET
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from minutes.errors import InternalError, SetupError
from minutes.i18n import _
from minutes.profiles import Profile
from minutes.resources import docs_link, fonts_dir, templates_dir
from minutes.tree import Document, role_of
from minutes.vocabulary import require_fonts
from minutes.writers.css import appendix_page, stylesheet
from minutes.writers.metrics import box_width_pt, column_widths_mm, ruled_lines
from minutes.writers.page_digest import page_digest
from minutes.writers.weasyprint_import import import_weasyprint

PdfVariant = Literal["pdf/a-2b", "pdf/a-3b", "pdf/ua-1"]
PDF_VARIANTS: tuple[str, ...] = ("pdf/a-2b", "pdf/a-3b", "pdf/ua-1")


PANGO_DOCS = docs_link("install-windows.md", "pdf")
"""The guide's section on installing Pango (on Windows, where it is hardest)."""

_LIBRARY = re.compile(r"cannot load library '([^']+)'|library called '([^']+)'")


def require_weasyprint() -> None:
    """Import WeasyPrint, or raise :class:`SetupError` saying what this computer lacks.

    WeasyPrint loads Pango, GLib, HarfBuzz and Fontconfig with cffi when it is imported; where
    one is missing, cffi raises :class:`OSError` (``cannot load library 'libpango-1.0-0': …``,
    on Windows ``… error 0x7e``), and WeasyPrint first prints its own advice, in English, to
    standard output. That advice is kept out of the output (a command's standard output may be a
    file) and ours, in the user's language, is raised instead. Nothing is cached: a library
    installed while a server runs is found at the next attempt, and a failed import is fast.
    """
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import_weasyprint()
    except OSError as error:
        raise pango_missing(error) from None


def pango_missing(error: OSError) -> SetupError:
    """The message for a WeasyPrint that cannot load its libraries: which one, and how to install
    them on Debian or Ubuntu, macOS and Windows."""
    found = _LIBRARY.search(str(error))
    library = next(name for name in found.groups() if name) if found else str(error)
    return SetupError(
        _(
            "The PDF cannot be made on this computer: WeasyPrint, which lays out the PDF, needs "
            "the Pango library, and {library} could not be loaded."
        ).format(library=library),
        (
            _("To make PDFs, install Pango:"),
            "  "
            + _("Debian, Ubuntu: {command}").format(
                command="sudo apt install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
            ),
            "  " + _("macOS: {command}").format(command="brew install pango"),
            "  "
            + _("Windows: install MSYS2, then in its UCRT64 window run {command}").format(
                command="pacman -S mingw-w64-ucrt-x86_64-pango"
            ),
        ),
        PANGO_DOCS,
    )


def allowed_roots() -> tuple[Path, ...]:
    """The folders the renderer may read from."""
    return (fonts_dir().resolve(), templates_dir().resolve())


def is_allowed_url(url: str, roots: tuple[Path, ...]) -> bool:
    """``True`` only for a ``file:`` URL on this machine whose path, however it is decoded, has no
    ``..`` and resolves (symbolic links followed) inside one of ``roots``."""
    try:
        parsed = urlparse(url)
        if parsed.scheme.lower() != "file" or parsed.netloc.lower() not in ("", "localhost"):
            return False
        once = url2pathname(parsed.path)  # what urllib's file handler opens
        candidates = {once, url2pathname(unquote(parsed.path)), parsed.path}  # and stricter
        for candidate in candidates:
            path = Path(candidate)
            if "\x00" in candidate or ".." in path.parts or not path.is_absolute():
                return False
            resolved = path.resolve()
            if not any(resolved.is_relative_to(root) for root in roots):
                return False
        return True
    except (ValueError, OSError):
        return False


class PdfWriter:
    """Renders documents to PDF. Reuse one instance: fonts and stylesheets are kept warm."""

    def __init__(self, fonts: Path | None = None) -> None:
        require_weasyprint()  # lazy: heavy, and may find no Pango
        from weasyprint.text.fonts import FontConfiguration

        self._fonts = (fonts or fonts_dir()).resolve()
        require_fonts(self._fonts)
        self._roots = (self._fonts, *allowed_roots())
        self._font_config = FontConfiguration()
        self._css: dict[str, Any] = {}
        self._fetcher = _make_fetcher(self._roots)
        self._lock = threading.Lock()
        self._html_class = _lean_html_class(self._font_config)
        _live_writers.add(self)

    def _release(self) -> None:
        """Let go of WeasyPrint's objects (see :func:`_release_all`)."""
        self._css.clear()
        self._font_config = None
        self._html_class = None

    @property
    def url_fetcher(self) -> Any:
        """The confined URL fetcher this writer gives WeasyPrint (for hosts and tests)."""
        return self._fetcher

    @staticmethod
    def _stylesheet_key(document: Document) -> str:
        """The name :meth:`_stylesheet` keeps the parsed stylesheet of a profile under."""
        return f"{document.profile.id}/{document.profile.version}"

    def _stylesheet(self, document: Document) -> Any:
        from weasyprint import CSS

        key = self._stylesheet_key(document)
        if key not in self._css:
            self._css[key] = CSS(
                string=stylesheet(document.profile, self._fonts),
                font_config=self._font_config,
                url_fetcher=self._fetcher,
            )
        return self._css[key]

    def render(self, document: Document, variant: str | None = None) -> bytes:
        """The PDF of ``document``; ``variant`` is ``None`` or one of :data:`PDF_VARIANTS`."""

        if variant is not None and variant not in PDF_VARIANTS:
            raise InternalError(f"unknown PDF variant {variant!r}")
        with self._lock:
            rendered = self._laid_out(document)
            options: dict[str, Any] = {"pdf_variant": variant} if variant else {}
            if variant == "pdf/ua-1":
                options["pdf_tags"] = True
            return _pdf_bytes(rendered.write_pdf(**options))

    def render_pages(self, document: Document, drawn: Container[bytes]) -> PdfPages:
        """The digest of each page of ``document`` (see :mod:`minutes.writers.page_digest`) and a
        PDF of the pages whose digest is not among ``drawn``, for a preview that keeps the
        pictures of pages it drew: a keystroke lays the document out again, but only the pages
        it changed are drawn. That PDF is for the screen: not compressed, and without the
        document's other pages."""
        with self._lock:
            rendered = self._laid_out(document)
            salt = f"{self._stylesheet_key(document)}/{self._fonts}".encode()
            digests = [page_digest(page, salt) for page in rendered.pages]
            wanted = [
                page
                for page, digest in zip(rendered.pages, digests, strict=True)
                if digest is None or digest not in drawn
            ]
            pdf = (
                _pdf_bytes(rendered.copy(wanted).write_pdf(uncompressed_pdf=True))
                if wanted
                else None
            )
        return PdfPages(digests, pdf)

    def _laid_out(self, document: Document) -> Any:
        """WeasyPrint's laid-out document of ``document`` (hold the lock)."""
        html = self._html_class(
            _prepared_tree(document, self._fonts),
            base_url=self._fonts.as_uri() + "/",
            url_fetcher=self._fetcher,
        )
        return html.render(font_config=self._font_config, stylesheets=[self._stylesheet(document)])


@dataclass(frozen=True)
class PdfPages:
    """What :meth:`PdfWriter.render_pages` gives: a digest for each page of the document (``None``
    for a page that has none and must be drawn), and the PDF of the pages to draw, in their
    order (``None`` if there are none)."""

    digests: list[bytes | None]
    pdf: bytes | None


def _pdf_bytes(pdf: Any) -> bytes:
    """What ``write_pdf`` returned, which without a target must be bytes."""
    if not isinstance(pdf, bytes):
        raise InternalError("WeasyPrint returned no PDF")
    return pdf


_live_writers: weakref.WeakSet[PdfWriter] = weakref.WeakSet()


@atexit.register
def _release_all() -> None:
    """Free the writers' font configurations while the interpreter is still whole. Left to the
    interpreter's shutdown, WeasyPrint's ``FontConfiguration.__del__`` runs after its modules are
    torn down and prints "Exception ignored in …" with a traceback on every exit."""
    for writer in list(_live_writers):
        writer._release()
    gc.collect()


def _prepared_xhtml(document: Document, fonts: Path) -> str:
    """The XHTML of :func:`_prepared_tree` (what a program that hands WeasyPrint text would
    give it; the writer hands it the tree)."""
    return ET.tostring(_prepared_tree(document, fonts), encoding="unicode")


def _prepared_tree(document: Document, fonts: Path) -> ET.Element:
    """The document's tree as WeasyPrint draws it: every ruled line that would wrap broken by
    ``<br/>`` where the DOCX writer breaks it too (see :func:`minutes.writers.metrics.fit_lines`),
    each data table given the column widths the DOCX writer gives it
    (:func:`~minutes.writers.metrics.column_widths_mm`), each appendix its page name, and the
    whole shaped as an HTML parser shapes it (:func:`_as_html_parses`)."""
    profile = document.profile
    root = copy.deepcopy(document.root)
    body = root.find("body")
    containers: list[tuple[ET.Element, str | None]] = [(body, None)] if body is not None else []
    containers += [(cell, cell.get("class")) for cell in root.iter("td")]
    containers += [(div, None) for div in root.iter("div") if div.get("class") == "appendix"]
    for container, cell in containers:
        if cell not in (None, "header-left", "header-right"):
            continue
        width = box_width_pt(profile, cell)
        for element in container.findall("p"):
            _break_ruled_line(element, profile, width, fonts)
    for table in root.iter("table"):
        if table.get("class") == "data-table":
            group = ET.Element("colgroup")
            for width in column_widths_mm(table, profile, fonts):
                ET.SubElement(group, "col", {"style": f"width: {width:.2f}mm"})
            table.insert(0, group)
    appendices = [div for div in root.iter("div") if div.get("class") == "appendix"]
    for index, div in enumerate(appendices, start=1):
        div.set("class", f"appendix {appendix_page(index)}")
    _mark_for_css(root)
    _as_html_parses(root)
    return root


def _add_class(element: ET.Element, name: str) -> None:
    element.set("class", f"{element.get('class') or ''} {name}".strip())


def _mark_for_css(root: ET.Element) -> None:
    """Give the rows and cells of the tables the classes :mod:`minutes.writers.css` selects them
    by: ``data-row``, ``data-cell``, ``first-row`` and ``last-row`` of a table's body,
    ``after-caption`` (a table right after its caption), ``signature-row``, ``signer-left`` and
    ``signer-right`` (a row of two signers), ``next-signatures`` (a table of signatures right
    after another). One class is matched faster than the descendant, sibling and structural
    selectors they replace (``table.data-table tbody tr:first-child``,
    ``td.signer:first-child:nth-last-child(2)`` …), which WeasyPrint tried on every cell of every
    table: about 1.5 % of the PDF's time, pages pixel-identical (``benchmarks/constructs.py``)."""
    for parent in root.iter():
        previous: ET.Element | None = None
        for child in parent:
            if (
                child.tag == "table"
                and previous is not None
                and previous.tag == "table"
                and child.get("class") == previous.get("class") == "signatures"
            ):
                _add_class(child, "next-signatures")
            if (
                child.tag == "table"
                and child.get("class") == "data-table"
                and previous is not None
                and previous.get("class") == "table-caption"
            ):
                _add_class(child, "after-caption")
            previous = child
    for table in root.iter("table"):
        classes = (table.get("class") or "").split()
        if "signatures" in classes:
            for row in table.iter("tr"):
                _add_class(row, "signature-row")
                cells = list(row)
                if len(cells) == 2:
                    _add_class(cells[0], "signer-left")
                    _add_class(cells[1], "signer-right")
        elif "data-table" in classes:
            for row in table.iter("tr"):
                _add_class(row, "data-row")
                for cell in row:
                    _add_class(cell, "data-cell")
            for body in table.findall("tbody"):
                rows = body.findall("tr")
                if rows:
                    _add_class(rows[0], "first-row")
                    _add_class(rows[-1], "last-row")


def _as_html_parses(root: ET.Element) -> None:
    """Give ``root`` the shape WeasyPrint's HTML parser (tinyhtml5) gives the same XHTML, so the
    tree can be handed to WeasyPrint as it is instead of being written out and parsed again
    (about a twentieth of the PDF's time): whitespace before ``<head>`` dropped, whitespace
    after ``</body>`` moved to its end, and the rows of a table that has no ``<tbody>`` put in
    one. For the restricted vocabulary of :mod:`minutes.tree` that is all an HTML parser
    changes; ``tests/test_pdf.py`` compares the two trees for every example and starter."""
    root.text = None
    body = root.find("body")
    if body is not None and body.tail:
        if len(body):
            body[-1].tail = (body[-1].tail or "") + body.tail
        else:
            body.text = (body.text or "") + body.tail
        body.tail = None
    for table in root.iter("table"):
        children = list(table)
        if not any(child.tag == "tr" for child in children):
            continue
        for child in children:
            table.remove(child)
        group: ET.Element | None = None
        for child in children:
            if child.tag != "tr":
                group = None
                table.append(child)
                continue
            if group is None:
                group = ET.SubElement(table, "tbody")
            group.append(child)


def _break_ruled_line(element: ET.Element, profile: Profile, width: float, fonts: Path) -> None:
    role = role_of(element)
    style = profile.role(role) if role else None
    if style is None:
        return
    lines = ruled_lines(element, style, width, fonts)
    if lines is None or len(lines) == len(list(element)) + 1:
        return
    for child in list(element):
        element.remove(child)
    element.text = lines[0]
    for line in lines[1:]:
        ET.SubElement(element, "br").tail = line


LEAN_UA_STYLESHEET = """
head { display: none }
html, body, div, p { display: block }
table { display: table; box-sizing: border-box; border-spacing: 2px; text-indent: initial }
thead { display: table-header-group }
tbody { display: table-row-group }
colgroup { display: table-column-group }
col { display: table-column }
tr { display: table-row }
td, th { display: table-cell }
thead, tbody { vertical-align: middle }
tr, td, th { vertical-align: inherit }
strong, th { font-weight: bold }
em { font-style: italic }
u { text-decoration: underline }
br::before { content: "\\A"; white-space: pre-line }
@page { @top-center { text-align: center; vertical-align: middle } }
@counter-style decimal { system: numeric; symbols: "0" "1" "2" "3" "4" "5" "6" "7" "8" "9" }
"""
"""WeasyPrint's HTML user-agent stylesheet, cut down to the elements the document tree may hold
(see :mod:`minutes.tree`), with the same values. Matching the full one (250 rules, most for
elements a biên bản never has) against every element was a tenth of the render time. What the
writer's own stylesheet (:mod:`minutes.writers.css`) sets again on every element it applies to
is left out too (the margins of the page, of ``body`` and ``p``, the padding of cells, the
border model and colours; ``meta`` and ``title`` are inside the hidden ``head``): about 1 % of
the PDF's time, pages pixel-identical (``benchmarks/constructs.py``). Of the HTML5 sheet's 49
counter styles only ``decimal`` is kept, the one the page numbers use (``counter(page)``; every
other style falls back to it). A new element in :mod:`minutes.tree` needs its ``display`` here."""


def _lean_html_class(font_config: Any) -> Any:
    """``weasyprint.HTML`` made from a tree already parsed (:func:`_prepared_tree`), with
    :data:`LEAN_UA_STYLESHEET` as its user-agent stylesheet and the counter styles that sheet
    defines. These replace private parts (what ``HTML.__init__`` sets after parsing,
    ``_ua_stylesheets`` and ``_ua_counter_style``), so WeasyPrint is pinned (pyproject.toml) and
    the picture and geometry tests catch a change. WeasyPrint's own user-agent sheets are then
    never parsed in a process that only renders biên bản (see
    :mod:`minutes.writers.weasyprint_import`)."""
    import cssselect2
    from weasyprint import CSS, HTML
    from weasyprint.css.counters import CounterStyle
    from weasyprint.urls import URLFetcher

    counter_styles = CounterStyle()
    user_agent = CSS(
        string=LEAN_UA_STYLESHEET, font_config=font_config, counter_style=counter_styles
    )

    class LeanHTML(HTML):  # type: ignore[misc]
        def __init__(
            self,
            root: ET.Element,
            base_url: str,
            url_fetcher: Any = None,
            media_type: str = "print",
        ) -> None:
            # as HTML.__init__ after tinyhtml5.parse (the tree has no <base>)
            self.base_url = base_url
            self.url_fetcher = url_fetcher or URLFetcher()
            self.media_type = media_type
            self.wrapper_element = cssselect2.ElementWrapper.from_html_root(
                root, content_language=None
            )
            self.etree_element = self.wrapper_element.etree_element

        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            return [user_agent]

        def _ua_counter_style(self) -> list[Any]:
            return [counter_styles.copy()]

    return LeanHTML


def _make_fetcher(roots: tuple[Path, ...]) -> Any:
    from weasyprint.urls import URLFetcher

    class ConfinedFetcher(URLFetcher):  # type: ignore[misc]
        """Fetches only files inside the allowed folders; refuses everything else."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not is_allowed_url(url, roots):
                raise ValueError(f"refused to fetch {url!r}: outside the allowed folders")
            return super().fetch(url, headers)

    return ConfinedFetcher(allowed_protocols=("file",))
