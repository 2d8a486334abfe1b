"""``minutes check FILE…``: each PDF or DOCX measured against the official format
(:mod:`minutes.check`), as a table per file or as JSON.

Exit code 1 when a rule of the official text fails (with ``--strict``, also when a piece of house
advice is not followed), or when a file cannot be read."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from minutes.cli.exits import EXIT_INPUT, EXIT_OK
from minutes.cli.say import console, report
from minutes.errors import InputError
from minutes.i18n import _

if TYPE_CHECKING:
    from minutes.check import Report

STYLES = {"pass": "green", "fail": "bold red", "advice": "magenta", "not-checked": "yellow"}
"""The colour of each verdict in the table."""


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("files", nargs="+", metavar=_("FILE"), help=_("a .pdf or .docx file"))
    command.add_argument(
        "--profile",
        metavar=_("PROFILE"),
        help=_(
            "the format to check against, a profile's name or a profile file (default: told "
            "from the document's heading and date)"
        ),
    )
    command.add_argument("--json", action="store_true", help=_("print the results as JSON"))
    command.add_argument(
        "--strict",
        action="store_true",
        help=_("fail the file when advice (how dates and numbers are written …) is not followed"),
    )


def run(args: argparse.Namespace) -> int:
    """Measure each file; print a table per file, or one JSON document."""
    from minutes.check import check_file

    reports: list[Report] = []
    status = EXIT_OK
    for name in args.files:
        try:
            reports.append(check_file(name, profile=args.profile))
        except InputError as error:
            report(error)
            status = EXIT_INPUT
    strict = bool(args.strict)
    if any(not (r.passed_strictly() if strict else r.passed) for r in reports):
        status = EXIT_INPUT
    if args.json:
        document = {
            "passed": status == EXIT_OK,
            "strict": strict,
            "reports": [r.as_json() for r in reports],
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return status
    for checked in reports:
        _print_report(checked, strict)
    return status


def _print_report(checked: Report, strict: bool) -> None:
    """One file's results as a table: rule, clause, expected, measured, result; above it the
    profile measured against and why, under it the counts."""
    from rich.table import Table
    from rich.text import Text

    out = console()
    title = _("{file} ({format}), profile {profile}").format(
        file=checked.file, format=checked.format.upper(), profile=checked.profile.id
    )
    if checked.profile_detected:
        title += " " + _("(told from the heading)")
    choice = checked.choice
    out.print(title, markup=False, style="bold")
    out.print(
        _("Measured against: {name} ({profile}, {version}): {reason}.").format(
            name=choice.profile.name,
            profile=choice.profile.id,
            version=choice.profile.version,
            reason=choice.reason(),
        ),
        markup=False,
    )
    table = Table(show_lines=False)
    for header in (_("Rule"), _("Clause"), _("Expected"), _("Measured"), _("Result")):
        table.add_column(header, overflow="fold")
    for result in checked.results:
        row = result.row(checked.profile)
        cells = [Text(row[key]) for key in ("rule", "clause", "expected", "measured")]
        table.add_row(*cells, Text(row["status"], style=STYLES[result.status.value]))
    out.print(table)
    counts = checked.counts()
    failing = counts["fail"] + (counts["advice"] if strict else 0)
    out.print(
        _("{passed} passed, {failed} failed, {advice} advice, {unchecked} not checked.").format(
            passed=counts["pass"],
            failed=counts["fail"],
            advice=counts["advice"],
            unchecked=counts["not-checked"],
        ),
        markup=False,
        style="bold red" if failing else "green",
    )
    if counts["advice"] and not strict:
        out.print(
            _(
                "Advice is house style, not a rule of the format: it fails the file only "
                "with --strict."
            ),
            markup=False,
        )
