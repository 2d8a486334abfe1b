"""Check a PDF or DOCX against the official format: every rule of the profile that can be measured.

    from minutes.check import check_file

    report = check_file("bien-ban.pdf")   # the profile is told from the heading
    report.passed, [r.rule.id for r in report.failures]

The rules come from the same profile data the writers use (:mod:`minutes.check.rules`); the
measurers read what a reader of the file sees (:mod:`minutes.check.pdf`,
:mod:`minutes.check.docx`); :mod:`minutes.check.judge` compares. Nothing here prints: the
``minutes check`` command turns a :class:`~minutes.check.report.Report` into a table or JSON.
"""

from __future__ import annotations

from pathlib import Path

from minutes.check.judge import judge
from minutes.check.report import Report, Result, Status
from minutes.check.rules import Rule, rules_for
from minutes.check.text import detect_profile
from minutes.errors import InputError, Problem
from minutes.i18n import _
from minutes.profiles import Profile, available_profiles, load_profile

__all__ = [
    "Report",
    "Result",
    "Rule",
    "Status",
    "check_bytes",
    "check_file",
    "format_of",
    "rules_for",
    "which_profile",
]


def format_of(data: bytes) -> str | None:
    """``"pdf"`` or ``"docx"`` from the file's first bytes; ``None`` for anything else."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    return None


def which_profile(data: bytes, fmt: str) -> str | None:
    """The profile whose heading the document carries (``ĐẢNG CỘNG SẢN VIỆT NAM`` → ``party``,
    ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`` → ``state``), or ``None``."""
    if fmt == "pdf":
        from minutes.check.pdf import text_of_pdf

        text = text_of_pdf(data)
    else:
        from minutes.check.docx import text_of_docx

        text = text_of_docx(data)
    titles = {name: load_profile(name).wording.national_title for name in available_profiles()}
    return detect_profile(text, titles)


def check_bytes(
    data: bytes, *, profile: str | Profile | None = None, name: str = "<bytes>"
) -> Report:
    """Check the PDF or DOCX ``data`` against ``profile`` (told from the document if ``None``)."""
    fmt = format_of(data)
    if fmt is None:
        raise InputError(Problem(_("This is neither a PDF nor a DOCX file."), file=name))
    detected = profile is None
    if profile is None:
        found = which_profile(data, fmt)
        if found is None:
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
        profile = found
    chosen = load_profile(profile) if isinstance(profile, str) else profile
    if fmt == "pdf":
        from minutes.check.pdf import measure_pdf

        found_in_file = measure_pdf(data, chosen)
    else:
        from minutes.check.docx import measure_docx

        found_in_file = measure_docx(data, chosen)
    results = judge(rules_for(chosen, fmt), found_in_file)
    return Report(
        file=name,
        format=fmt,
        profile=chosen,
        profile_detected=detected,
        pages=found_in_file.pages,
        results=tuple(results),
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
