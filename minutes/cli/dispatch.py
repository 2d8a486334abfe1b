"""Run one command, and turn every way it can end into words and an exit code: never a
traceback (``MINUTES_DEBUG=1`` shows one for a bug)."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from minutes.cli.argparse_i18n import speaking
from minutes.cli.exits import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SETUP,
    EXIT_USAGE,
    Command,
    UsageError,
)
from minutes.cli.interrupts import stop_if_interrupted, was_interrupted
from minutes.cli.parser import build_parser, language_in
from minutes.cli.say import error_line, os_error_line, read_more, report, report_setup
from minutes.errors import InputError, MinutesError, SetupError
from minutes.i18n import _, set_language


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_language(language_in(arguments))
    with speaking():
        parser = build_parser()
        try:
            args = parser.parse_args(arguments)
        except SystemExit as stop:  # --help, --version, or a usage error already printed
            return stop.code if isinstance(stop.code, int) else EXIT_USAGE
        handler: Command | None = getattr(args, "handler", None)
        if handler is None:
            parser.print_help()
            return EXIT_USAGE
    code = _run(handler, args)
    if code not in (EXIT_OK, EXIT_SETUP, EXIT_INTERRUPTED):
        read_more(f"minutes {args.command}")
    return code


def _run(handler: Command, args: argparse.Namespace) -> int:
    """Run one command; every way it can end becomes words and an exit code."""
    try:
        code = handler(args)
        stop_if_interrupted()  # a Ctrl-C that some library swallowed
        return code
    except UsageError as error:
        error_line(error)
        return EXIT_USAGE
    except InputError as error:
        report(error)
        return EXIT_INPUT
    except SetupError as error:  # something this computer lacks: what to install, not a bug
        report_setup(error)
        return EXIT_SETUP
    except KeyboardInterrupt:
        return interrupted()
    except BrokenPipeError:  # `minutes schema | head`: the reader left, nothing to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the final flush does not complain
        return EXIT_OK
    except OSError as error:  # a file to write or read: the machine's to fix, not a bug
        sys.stderr.write(os_error_line(error) + "\n")
        return EXIT_INPUT
    except (MinutesError, Exception) as error:  # a bug: one clear line, no traceback
        if was_interrupted():  # not a bug: what a library made of Ctrl-C
            return interrupted()
        if os.environ.get("MINUTES_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(
            _("Internal error ({kind}): {detail}. Please report it with the input file.").format(
                kind=type(error).__name__, detail=error
            )
            + "\n"
        )
        return EXIT_INTERNAL


def interrupted(arguments: Sequence[str] | None = None) -> int:
    """Say that the command stopped at the user's request (Ctrl-C); the exit code for it. Given
    the ``arguments``, in the language they ask for (the Ctrl-C came before :func:`main` could
    set it)."""
    if arguments is not None:
        set_language(language_in(arguments))
    sys.stderr.write(_("Interrupted.") + "\n")
    return EXIT_INTERRUPTED
