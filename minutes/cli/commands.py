"""The table of commands: one row per command, in the order ``minutes --help`` lists them.

A new command is one module with ``arguments(parser)`` and ``run(args) -> exit code``, and one row
here; :mod:`minutes.cli.parser` builds argparse from the rows. The rows are made when asked
(:func:`commands`), because their words are in the language of the run.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from minutes.cli import batch, check, new, profiles, render, serve, validate
from minutes.cli.exits import Command
from minutes.i18n import _


@dataclass(frozen=True)
class Row:
    """One command: its name, its one-line help, what ``--help`` says, its examples, the function
    that declares its arguments and the one that runs it."""

    name: str
    summary: str
    description: str
    examples: tuple[str, ...]
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Command


def commands() -> tuple[Row, ...]:
    """Every command, in the current language."""
    return (
        Row(
            "render",
            _("render YAML files to PDF and DOCX"),
            _("Render each FILE to PDF and/or DOCX, next to it or in --output."),
            ("minutes render bien-ban.yaml", "minutes render bien-ban.yaml -o ket-qua -f pdf"),
            render.arguments,
            render.run,
        ),
        Row(
            "batch",
            _("convert many files at once, in parallel"),
            _(
                "Convert every meeting file found in PATH (files, folders searched recursively, "
                "or patterns such as '*.yaml') into OUTDIR, several at a time. Files whose "
                "output is up to date are skipped; one bad file does not stop the others."
            ),
            (
                "minutes batch bien-ban/ -o ket-qua/",
                "minutes batch 'thang-*/*.yaml' -o ket-qua/ -f pdf -j 4 --report bao-cao.json",
            ),
            batch.arguments,
            batch.run,
        ),
        Row(
            "validate",
            _("check files without rendering them"),
            _(
                "Check each FILE (or the files in a folder) without rendering it, and list every "
                "problem found, each with its line and column, the field, and how to fix it."
            ),
            (
                "minutes validate bien-ban.yaml",
                "minutes validate bien-ban/",
                "minutes new | minutes validate -",
            ),
            validate.arguments,
            validate.run,
        ),
        Row(
            "new",
            _("write a starter meeting file"),
            _(
                "Write a starter meeting file, every field explained in Vietnamese, that renders "
                "as it is. Without FILE it is printed."
            ),
            (
                "minutes new bien-ban.yaml",
                "minutes new --profile party hoi-nghi.yaml",
                "minutes new --kind chi-bo sinh-hoat-chi-bo.yaml",
                "minutes new > bien-ban.yaml",
            ),
            new.arguments,
            new.run,
        ),
        Row(
            "schema",
            _("print the JSON Schema of the meeting file, for editors"),
            _(
                "Print the JSON Schema of the meeting file, with Vietnamese titles and "
                "descriptions, so that editors complete and check the file as it is typed."
            ),
            ("minutes schema -o minutes.schema.json",),
            new.schema_arguments,
            new.run_schema,
        ),
        Row(
            "profiles",
            _("list the layouts (profiles), or print one to start an office's own"),
            _(
                "List the profiles there are: the built-in layouts (the State's, the Party's by "
                "period) and an office's own, with where each comes from and when it applies. "
                "With a name, print every value of that profile, to copy into a profile of "
                "your own that extends it."
            ),
            ("minutes profiles", "minutes profiles party-2026 > doan-tncs.yaml"),
            profiles.arguments,
            profiles.run,
        ),
        Row(
            "serve",
            _("open the web form: fill in a meeting, watch the pages, download the files"),
            _(
                "Run a local web app: a form for every field of the meeting, errors beside the "
                "fields as you type, a live preview of the pages, downloads of DOCX, PDF and "
                "YAML; and an HTTP API for other systems (see /api). Only this computer can "
                "reach it unless --host says otherwise."
            ),
            (
                "minutes serve",
                "minutes serve --port 8080",
                "minutes serve --host 0.0.0.0 --token mat-khau-dai",
            ),
            serve.arguments,
            serve.run,
        ),
        Row(
            "check",
            _("check a PDF or DOCX against the official format"),
            _(
                "Measure each FILE (a PDF or a DOCX, made by this tool or elsewhere) against "
                "every rule of the format that can be measured, and list each rule with its "
                "clause, the expected and the measured value. Exit code 1 when a rule fails; "
                "advice (how dates and numbers are best written in the text) is listed apart and "
                "fails a file only with --strict."
            ),
            (
                "minutes check bien-ban.pdf",
                "minutes check bien-ban.docx --profile state",
                "minutes check bien-ban.pdf --json",
            ),
            check.arguments,
            check.run,
        ),
    )
