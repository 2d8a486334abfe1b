"""What the web app's worker processes do: every step that reads, checks, composes or renders a
meeting (see :mod:`minutes.web.work` for why in processes).

Each job takes plain data (text, bytes, a :class:`~minutes.web.form.FormData`) and returns plain
data: a result, or the problems found. An :class:`~minutes.InputError` is not sent back as an
exception, because an exception crosses the process boundary as its message only and would lose
its problems' lines and fields.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from minutes.api import Renderer, settle_after_warm_up
from minutes.dump import dumps
from minutes.errors import InputError, Problem, SetupError
from minutes.files import safe_output_name
from minutes.i18n import _
from minutes.load import Limits, decode, loads, parse
from minutes.model import Minutes
from minutes.paths import field_tuple
from minutes.tree import Document
from minutes.validate import Validation, check_parsed, check_text, validate_text
from minutes.web.form import FormData
from minutes.web.preview import preview_pages

FORM_SOURCE = "biểu mẫu"
"""The name problems of the form's data are reported under."""

_renderer: Renderer | None = None


def renderer() -> Renderer:
    """This process's renderer, built once."""
    global _renderer
    if _renderer is None:
        _renderer = Renderer()
    return _renderer


def warm_up() -> None:
    """Render the starter file once, to PDF, DOCX and preview pictures, so that fonts, style
    sheets, the template and PDFium are loaded before the first request."""
    from minutes.starter import starter

    meeting = loads(starter("state"), "<warm-up>")
    renderer().render_docx(meeting)
    try:
        preview_pages(renderer(), renderer().compose(meeting))
    except Exception:  # no PDF on this machine (Pango missing): the DOCX still works
        logging.getLogger("minutes.web").exception("the PDF writer cannot start")
    settle_after_warm_up()


@dataclass(frozen=True)
class Rendered:
    """A document and the name to download it under."""

    document: bytes
    name: str


@dataclass(frozen=True)
class Refused:
    """The meeting has problems (the data, or a ``{{ … }}`` expression it cannot satisfy)."""

    problems: list[Problem]


@dataclass(frozen=True)
class NotSetUp:
    """This computer cannot make the document (no Pango for the PDF), as text: a
    :class:`~minutes.SetupError` crosses the process boundary as plain data."""

    detail: str
    """Everything: what is missing, the commands that install it, where to read more."""
    page: str
    """The same in one paragraph for the form's page (:func:`setup_text`)."""
    message: str = ""
    """What cannot be done and why, alone (the page adds that the DOCX works, and the link)."""
    docs: str | None = None
    """Where the instructions are (``docs/install-windows.md#pdf``)."""


def not_set_up(error: SetupError) -> NotSetUp:
    """The plain-data form of ``error``."""
    return NotSetUp(str(error), setup_text(error), error.message, error.docs)


def setup_text(error: SetupError) -> str:
    """A set-up problem in one paragraph for the page: what is missing, that the DOCX still
    works, and where the instructions are."""
    parts = [error.message, _("The DOCX can still be downloaded.")]
    if error.docs:
        parts.append(_("More: {docs}").format(docs=error.docs))
    return " ".join(parts)


def download_name(meeting: Minutes, suffix: str) -> str:
    """``2018-03-07 Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 100.pdf``: sorts by date in a
    folder and says what the meeting was."""
    return safe_output_name(f"{meeting.date.isoformat()} {meeting.title}") + suffix


def render_text(text: str, source: str, fmt: str, variant: str | None, limits: Limits) -> Any:
    """:class:`Rendered`, or :class:`Refused` with every problem."""
    try:
        meeting = loads(text, source, limits)
        return _rendered(meeting, renderer().compose(meeting), fmt, variant)
    except InputError as error:
        return Refused(list(error.problems))


def _rendered(meeting: Minutes, tree: Document, fmt: str, variant: str | None) -> Any:
    """:class:`Rendered` from a composed tree, or :class:`NotSetUp` for a PDF without Pango."""
    try:
        document = renderer().render_document(tree, fmt, variant)  # type: ignore[arg-type]
    except SetupError as error:
        return not_set_up(error)
    return Rendered(document, download_name(meeting, f".{fmt}"))


def validate(text: str, source: str, limits: Limits) -> list[Problem]:
    """Every problem of the meeting ``text`` (an empty list: it will render)."""
    return validate_text(text, source, limits)


@dataclass
class Checked:
    """The outcome of checking the form: problems by field, problems of the whole, pages."""

    errors: list[tuple[str, str]]
    general: list[str]
    text: str
    pages: list[dict[str, Any]] | None = None
    problems: list[Problem] = field(default_factory=list)
    """The validator's problems, for placing them on a page drawn afresh from the data."""
    setup: NotSetUp | None = None
    """Why there are no pages although nothing is wrong: this computer cannot make the PDF (its
    paragraph is in :attr:`general` too, for older pages' scripts)."""


_YAML_HINT = re.compile(r"`[\w.]+: …`")
"""Hints that say what to write in the file (``add `title: …` here``): no help in a form."""
_FILE_HINT = re.compile(
    r"[`\"“”]|\\n|YYYY|HH:MM|NĂM-THÁNG|GIỜ:PHÚT|ngoặc kép|in quotes|thousands separators"
    r"|dấu phân cách hàng nghìn|\btrue\b|\bfalse\b",
    re.IGNORECASE,
)
"""Hints of the file's spelling: fields by name, quotes, ``\\n``, date patterns, YAML's way
with numbers. Beside a box they say nothing the box does not (it takes the dot between
thousands; dates and times are picked)."""


def problem_text(problem: Problem, beside: bool = False) -> str:
    """A problem's message and its hint, for a reader looking at the field. ``beside``: shown
    beside the box itself, where a hint of the file's spelling (``kiểm tra `start` và `end```,
    ``ghi theo dạng NĂM-THÁNG-NGÀY``, ``trong ngoặc kép``) says nothing the box does not: such a
    hint is left out (issue #17)."""
    hint = problem.hint
    if hint and not _YAML_HINT.search(hint) and not (beside and _FILE_HINT.search(hint)):
        return f"{problem.message} ({hint})"
    return problem.message


def check_form(form: FormData, limits: Limits, preview: bool) -> Checked:
    """Validate the form's data as YAML and, if it is valid and ``preview`` is asked for, draw
    its pages."""
    return _check(form, limits, preview)[0]


def _check(form: FormData, limits: Limits, preview: bool) -> tuple[Checked, Validation]:
    """:func:`check_form`, and the validation behind it (its tree renders without composing
    again; it stays in the worker: a tree does not travel between processes)."""
    text = dumps(form.data)
    checked = Checked([*form.problems], [], text)
    validation = check_text(text, FORM_SOURCE, limits)
    checked.problems = validation.problems
    for problem in checked.problems:
        name = form.name_of(field_tuple(problem.field))
        if name is None:
            label = f"{problem.field}: " if problem.field else ""
            checked.general.append(label + problem_text(problem))
        else:
            checked.errors.append((name, problem_text(problem, beside=True)))
    if preview and not checked.errors and not checked.general and validation.document:
        try:
            pages = preview_pages(renderer(), validation.document)
        except SetupError as error:  # no Pango here: the checks stand, the preview cannot be
            checked.setup = not_set_up(error)
            checked.general.append(checked.setup.page)
            return checked, validation
        checked.pages = [vars(image) for image in pages]
    return checked, validation


def download(form: FormData, fmt: str, limits: Limits) -> Any:
    """The form's document (:class:`Rendered`), or, when the form has problems, its
    :class:`Checked` (to mark them on the page) or :class:`Refused`. One job, so that checking
    and rendering share one time limit and one trip to a worker."""
    checked, validation = _check(form, limits, preview=False)
    if checked.errors or checked.general or not validation.meeting or not validation.document:
        return checked
    return _rendered(validation.meeting, validation.document, fmt, None)


@dataclass(frozen=True)
class Opened:
    """A file opened into the form: its data (``None`` if it could not be read), the lines to
    show above the form, and whether it opened."""

    data: dict[str, Any] | None
    general: list[str]
    opened: bool


def open_file(content: bytes, name: str, limits: Limits) -> Opened:
    """Read an uploaded meeting file for the form: its data and every problem it has."""
    try:
        text = decode(content, name, limits)
        parsed = parse(text, name, limits)
    except InputError as error:
        return Opened(None, [f"{p.location()}: {problem_text(p)}" for p in error.problems], False)
    if not isinstance(parsed.data, dict):  # parse refuses a list or a single value already
        return Opened(None, [f"{name}: " + _("The file must be a mapping of fields.")], False)
    problems = check_parsed(parsed).problems
    general = [
        f"{p.location()}: " + (f"{p.field}: " if p.field else "") + problem_text(p)
        for p in problems
    ]
    return Opened(parsed.data, general, True)
