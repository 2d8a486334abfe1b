"""``minutes validate FILE…``: every problem of every file, without rendering (``-`` reads the
text from standard input)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from minutes.cli.exits import EXIT_INPUT, EXIT_OK, UsageError
from minutes.cli.say import console
from minutes.i18n import _, ngettext


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "files", nargs="+", metavar=_("FILE"), help=_("files, folders or patterns")
    )


def run(args: argparse.Namespace) -> int:
    """Check files without rendering; list every problem of every file."""
    from minutes.inputs import find_inputs
    from minutes.validate import validate_file, validate_text

    out = console()

    def say(text: object, style: str | None = None) -> None:
        out.print(str(text), markup=False, soft_wrap=True, style=style)

    names = [name for name in args.files if name != "-"]
    found = find_inputs(names)
    if len(names) < len(args.files):  # "-": the text comes on standard input
        found.files.insert(0, Path("-"))
    for problem in found.problems:
        say(problem, "red")
    if not found.files and not found.problems:
        raise UsageError(_("No .yaml, .yml or .json files found."))
    invalid = len(found.problems)
    count = 0
    for path in found.files:
        problems = (
            validate_text(sys.stdin.read(), "<stdin>") if path == Path("-") else validate_file(path)
        )
        count += len(problems)
        for problem in problems:
            say(problem, "red")
        if problems:
            invalid += 1
        else:
            say(_("{path}: valid").format(path=path), "green")
    total = len(found.files) + len(found.problems)
    say(
        ngettext(
            "Checked {total} file: {valid} valid, {invalid} with problems ({count} in all).",
            "Checked {total} files: {valid} valid, {invalid} with problems ({count} in all).",
            total,
        ).format(
            total=total, valid=total - invalid, invalid=invalid, count=count + len(found.problems)
        )
    )
    return EXIT_INPUT if invalid else EXIT_OK
