"""Check a PDF or DOCX against the official format: every rule of the profile that can be measured.

    from minutes.check import check_file

    report = check_file("bien-ban.pdf")   # the profile is told from the heading and the date
    report.passed, [r.rule.id for r in report.failures]

One measuring core, whatever the file: a reader (:mod:`minutes.check.pdf`,
:mod:`minutes.check.docx`) turns the file into located lines of text
(:mod:`minutes.check.layout`); the elements are found in them by their words and place
(:mod:`minutes.check.locate`), measured (:mod:`minutes.check.measure`), and judged against the
rules built from the profile (:mod:`minutes.check.rules`, :mod:`minutes.check.judge`). Nothing
here prints: the ``minutes check`` command turns a :class:`~minutes.check.report.Report` into a
table or JSON.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from minutes.check.choose import choose
from minutes.check.judge import judge
from minutes.check.layout import Layout
from minutes.check.locate import locate
from minutes.check.measure import measure
from minutes.check.report import Choice, Report, Result, Status
from minutes.check.rules import Rule, rules_for
from minutes.errors import InputError, Problem
from minutes.i18n import _
from minutes.profiles import Profile

__all__ = [
    "Choice",
    "Report",
    "Result",
    "Rule",
    "Status",
    "check_bytes",
    "check_file",
    "format_of",
    "read",
    "rules_for",
]


def format_of(data: bytes) -> str | None:
    """``"pdf"`` or ``"docx"`` from the file's first bytes; ``None`` for anything else."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    return None


def read(data: bytes, name: str = "<bytes>") -> Layout:
    """The layout of the PDF or DOCX ``data``: its located lines of text."""
    fmt = format_of(data)
    if fmt == "pdf":
        from minutes.check.pdf import read_pdf

        return read_pdf(data)
    if fmt == "docx":
        from minutes.check.docx import read_docx

        return read_docx(data)
    raise InputError(Problem(_("This is neither a PDF nor a DOCX file."), file=name))


def check_bytes(
    data: bytes, *, profile: str | Profile | None = None, name: str = "<bytes>"
) -> Report:
    """Check the PDF or DOCX ``data`` against ``profile`` (told from the document if ``None``)."""
    try:
        layout = read(data, name)
    except InputError as error:
        problems = [replace(p, file=p.file or name) for p in error.problems]
        raise InputError(problems) from None
    choice = choose(layout, profile)
    if choice is None:
        raise InputError(
            Problem(
                _(
                    "Cannot tell which format the document follows: neither the national "
                    "title nor the Party heading was found."
                ),
                file=name,
                hint=_("name it with --profile state or --profile party"),
            )
        )
    found = locate(layout, choice.profile)
    results = judge(rules_for(choice.profile, layout.format), measure(found, choice.profile))
    return Report(
        file=name, format=layout.format, choice=choice, pages=layout.pages, results=tuple(results)
    )


def check_file(path: str | Path, *, profile: str | Profile | None = None) -> Report:
    """Check the PDF or DOCX file at ``path`` (see :func:`check_bytes`)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(
            Problem(
                _("Cannot read the file: {reason}.").format(reason=exc.strerror), file=str(path)
            )
        ) from None
    return check_bytes(data, profile=profile, name=str(path))
