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
:mod:`~minutes.cli.parser` builds argparse from it, :mod:`~minutes.cli.main` runs one command and
turns every way it can end into words and an exit code, :mod:`~minutes.cli.say` holds the words
shared by all commands, :mod:`~minutes.cli.needs` what this computer lacks, and one module per
command (``render``, ``batch``, ``validate``, ``new``, ``serve``, ``check``) does its work by
calling the library (:mod:`minutes.api`, :mod:`minutes.batch`, :mod:`minutes.validate` …).
"""

from __future__ import annotations

from minutes.cli.exits import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SETUP,
    EXIT_USAGE,
)
from minutes.cli.main import main
from minutes.cli.say import report

__all__ = [
    "EXIT_INPUT",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_SETUP",
    "EXIT_USAGE",
    "main",
    "report",
]
