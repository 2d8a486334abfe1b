"""The words every command shares: problems one per line, where to read more, set-up messages,
paths as they are typed, and the console that draws tables."""

from __future__ import annotations

import sys
from typing import IO, Any

from minutes.errors import InputError, SetupError
from minutes.i18n import _
from minutes.resources import docs_link


def read_more(prog: str) -> None:
    """The last line of every error: where the clerk reads on (``prog`` is ``minutes render``…)."""
    sys.stderr.write(
        _("More: {command} --help, and the guide {docs}").format(
            command=prog, docs=docs_link("cli.md")
        )
        + "\n"
    )


def error_line(message: object) -> None:
    """``lỗi: …`` on stderr."""
    sys.stderr.write(_("error: {message}").format(message=message) + "\n")


def setup_steps(error: SetupError) -> None:
    """What to install, and where the instructions are (the tail of every set-up message)."""
    for line in error.steps:
        sys.stderr.write(line + "\n")
    if error.docs:
        sys.stderr.write(_("More: {docs}").format(docs=error.docs) + "\n")


def report_setup(error: SetupError) -> None:
    """A set-up problem: what cannot be done, what to install, and where the instructions are (in
    place of :func:`read_more`)."""
    error_line(error.message)
    setup_steps(error)


def report(error: InputError, stream: IO[str] | None = None) -> None:
    """Print every problem of ``error``, one per line (on stderr by default)."""
    out = stream or sys.stderr
    for problem in error.problems:
        out.write(str(problem) + "\n")


def wrote(path: object) -> None:
    """``Đã ghi PATH`` on stdout, once a file is in place."""
    print(_("Wrote {path}").format(path=path))


def shown(path: object) -> str:
    """A path as it is typed in a command (in double quotes when it has a space: that works in
    the Windows command prompt, PowerShell and POSIX shells alike)."""
    text = str(path)
    return f'"{text}"' if " " in text else text


def console(stderr: bool = False) -> Any:
    """A rich console; outside a terminal it is wide and plain, so lines stay whole in logs."""
    from rich.console import Console

    made = Console(stderr=stderr, highlight=False)
    if not made.is_terminal:
        made.width = max(made.width, 160)
    return made


def os_error_line(error: OSError) -> str:
    """``out/x.pdf: Không ghi được …: ổ đĩa đã đầy. (…)`` for an OS error no command caught."""
    from minutes.files import os_reason

    reason, hint = os_reason(error)
    where = f"{error.filename}: " if error.filename else ""
    text = _("error: {message}").format(message=f"{where}{reason}")
    return f"{text} ({hint})" if hint else text
