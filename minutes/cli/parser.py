"""argparse, built from the table of commands, speaking the clerk's language: its errors in
Vietnamese or English (:mod:`minutes.cli.argparse_i18n`), the examples kept as written, exit code
2 for a usage error, and at the end of every help and error where to read more."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from typing import Any, NoReturn

from minutes import __version__
from minutes.cli.commands import commands
from minutes.cli.exits import EXIT_USAGE
from minutes.cli.say import error_line, read_more
from minutes.i18n import LANGUAGES, _
from minutes.resources import docs_link


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps prose to the terminal, but keeps indented lines (the examples) as written."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        """Help lines broken at spaces only (``hoi-nghi-cap-uy`` stays whole)."""
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.split("\n"):
            if line.startswith("  ") or not line:
                lines.append(indent + line if line else "")
            else:
                lines.append(super()._fill_text(line, width, indent))
        return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors in our language, examples kept as written, and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        error_line(message)
        read_more(self.prog)
        raise SystemExit(EXIT_USAGE)


def _examples(lines: Sequence[str]) -> str:
    return _("Examples:") + "\n" + "\n".join(f"  {line}" for line in lines)


def _read_more_epilog() -> str:
    """The end of ``minutes --help``: where each command and the set-up are explained."""
    return "\n".join(
        [
            _("More:"),
            f"  minutes {_('COMMAND')} --help: " + _("each command, with examples"),
            f"  {docs_link('cli.md')}: " + _("every command in full"),
            f"  {docs_link('install-windows.md')}: "
            + _("setting up a Windows PC (Python, the DOCX, the PDF)"),
        ]
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, in the current language (build it inside
    :func:`~minutes.cli.argparse_i18n.speaking`)."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_("language of messages")
    )
    parser = _Parser(
        prog="minutes",
        description=_("Official Vietnamese minutes (biên bản) as DOCX and PDF, from YAML."),
        epilog=_examples(
            (
                "minutes new bien-ban.yaml",
                "minutes validate bien-ban.yaml",
                "minutes render bien-ban.yaml",
                "minutes serve",
                "minutes batch bien-ban/ -o ket-qua/",
            )
        )
        + "\n\n"
        + _read_more_epilog(),
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"minutes {__version__}",
        help=_("show the version and exit"),
    )
    subparsers = parser.add_subparsers(dest="command", metavar=_("COMMAND"), title=_("commands"))
    for row in commands():
        command = subparsers.add_parser(
            row.name,
            parents=[common],
            help=row.summary,
            description=row.description,
            epilog=_examples(row.examples),
        )
        row.arguments(command)
        command.set_defaults(handler=row.run)
    return parser


def language_in(arguments: Sequence[str]) -> str | None:
    """``--lang`` wherever it is, read before parsing so that the parser itself (its help, its
    errors) already speaks that language."""
    for index, argument in enumerate(arguments):
        if argument == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        elif argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
        else:
            continue
        if value in LANGUAGES:
            return value
    return None
