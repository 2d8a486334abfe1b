"""The ``minutes`` command: the only package that reads argv, prints, or exits.

The people who run it every week are clerks, not programmers, so:

* every message is in Vietnamese unless ``--lang en`` (or an English ``LANG``) asks for English,
  argparse's own words included (:mod:`minutes.cli.argparse_i18n`);
* input errors become ``file:line:column: field: message (hint)`` lines and exit code 1; a usage
  error exits with 2; Ctrl-C exits with 130 after a clean stop; a bug becomes one line asking
  for a report and exit code 3 (``MINUTES_DEBUG=1`` shows the traceback). Never a traceback.
* something this computer lacks (Pango for the PDF, the ``web`` extra for ``serve``) is said as
  such, with what to install, and exit code 4: it is neither the clerk's mistake nor a bug;
* every error ends with where to read more (``minutes COMMAND --help``, the guide).

The rooms: :mod:`~minutes.cli.commands` is the table of commands and their arguments,
:mod:`~minutes.cli.parser` builds argparse from it, :mod:`~minutes.cli.dispatch` runs one command
and turns every way it can end into words and an exit code, :mod:`~minutes.cli.say` holds the words
shared by all commands, :mod:`~minutes.cli.needs` what this computer lacks, and one module per
command (``render``, ``batch``, ``validate``, ``new``, ``serve``, ``check``) does its work by
calling the library (:mod:`minutes.api`, :mod:`minutes.batch`, :mod:`minutes.validate` …).
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from minutes.cli.exits import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SETUP,
    EXIT_USAGE,
)

if TYPE_CHECKING:
    from minutes.cli.dispatch import main
    from minutes.cli.say import report


def command() -> NoReturn:
    """The ``minutes`` program (the console script and ``python -m minutes``): :func:`main`,
    then leave.

    The command line is imported here, inside the handling of Ctrl-C, so that a Ctrl-C at any
    moment is a clean stop (see :mod:`minutes.cli.interrupts`): this module and the package's
    own ``__init__`` import nothing heavy.

    Before leaving, everything alive is frozen out of the garbage collector (:func:`gc.freeze`).
    The interpreter's shutdown collects the whole heap once more, and after a render that heap
    (the validators, the template, the fonts' facts) took 0.15–0.2 s to walk, a seventh of a
    cold ``minutes render``, to free memory the system takes back anyway. The files are written
    and closed by then; the standard streams are still flushed and the exit handlers still run.
    Only for the program: a host that calls :func:`main` keeps its collector as it was."""
    from minutes.cli.interrupts import listen_for_interrupts, was_interrupted

    listen_for_interrupts()
    try:
        from minutes.cli.dispatch import main

        code = main()
    except BaseException:  # before main could handle it, or as what a library made of it
        if not was_interrupted():
            raise
        from minutes.cli.dispatch import interrupted

        code = interrupted(sys.argv[1:])
    gc.freeze()
    raise SystemExit(code)


def __getattr__(name: str) -> Any:
    """``main`` and ``report``, imported on first use (see :func:`command`)."""
    if name == "main":
        from minutes.cli.dispatch import main

        return main
    if name == "report":
        from minutes.cli.say import report

        return report
    raise AttributeError(f"module 'minutes.cli' has no attribute {name!r}")


__all__ = [
    "EXIT_INPUT",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_SETUP",
    "EXIT_USAGE",
    "command",
    "main",
    "report",
]
