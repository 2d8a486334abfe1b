"""``minutes new [FILE]`` and ``minutes schema``: the two commands that hand the clerk a file to
start from, a starter meeting or the JSON Schema for the editor, printed or written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from minutes.cli.exits import EXIT_OK
from minutes.cli.options import ChoicesReadWhenAsked
from minutes.cli.say import wrote
from minutes.errors import InputError, Problem
from minutes.i18n import _


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("file", nargs="?", metavar=_("FILE"), help=_("the file to write"))
    command.add_argument(
        "--profile",
        choices=ChoicesReadWhenAsked(_profile_names),
        default="state",
        metavar=_("PROFILE"),
        help=_("the layout: %(choices)s (default: state; `minutes profiles` says what each is)"),
    )
    command.add_argument(
        "--kind",
        choices=ChoicesReadWhenAsked(_starter_kinds),
        metavar=_("KIND"),
        help=_("the kind of meeting: %(choices)s"),
    )
    command.add_argument("--force", action="store_true", help=_("overwrite FILE if it exists"))
    command.add_argument(
        "--schema",
        default="minutes.schema.json",
        metavar=_("PATH_OR_URL"),
        help=_("where editors find the JSON Schema, relative to FILE (default: %(default)s)"),
    )


def run(args: argparse.Namespace) -> int:
    """Write the starter file (to stdout without FILE)."""
    from minutes.starter import starter

    kind = args.kind or args.profile
    if args.file is None:
        sys.stdout.write(starter(kind, schema=args.schema))
        return EXIT_OK
    target = Path(args.file)
    if target.exists() and not args.force:
        raise InputError(
            Problem(
                _("The file already exists; it was not changed."),
                file=str(target),
                hint=_("choose another name, or add --force to overwrite it"),
            )
        )
    _write(target, starter(kind, schema=args.schema, example=target.name))
    print(_("Next: edit it, then run `minutes render {path}`.").format(path=target))
    return EXIT_OK


def schema_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", metavar=_("FILE"), help=_("write it to this file"))


def run_schema(args: argparse.Namespace) -> int:
    """Print (or write) the JSON Schema of the meeting file."""
    from minutes.schema import schema_text

    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
    else:
        _write(Path(args.output), text)
    return EXIT_OK


def _write(target: Path, text: str) -> None:
    from minutes.files import write_atomic

    write_atomic(target, text.encode("utf-8"))
    wrote(target)


def _profile_names() -> list[str]:
    from minutes.profiles import profile_names

    return profile_names()


def _starter_kinds() -> list[str]:
    from minutes.starter import starters  # data files, read when the choices are asked for

    return list(starters())
