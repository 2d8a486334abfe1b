"""``minutes batch PATH… -o OUTDIR``: many files at once, with a progress bar, a summary, the
table of files that failed, and (``--report``) the JSON record. The work is
:class:`minutes.batch.Batch`'s; this module draws it."""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes.cli.exits import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, UsageError
from minutes.cli.needs import require_pdf
from minutes.cli.options import format_options, formats, positive
from minutes.cli.say import console, shown
from minutes.errors import Problem
from minutes.i18n import _, decimal_text

if TYPE_CHECKING:  # the batch engine is imported when the command runs, not at start-up
    from minutes.batch import Batch, Outcome


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths", nargs="+", metavar=_("PATH"), help=_("files, folders or patterns")
    )
    command.add_argument(
        "-o", "--output", type=Path, required=True, metavar=_("OUTDIR"), help=_("output folder")
    )
    command.add_argument(
        "-j",
        "--jobs",
        type=positive,
        metavar="N",
        help=_("number of worker processes (default: one per processor core)"),
    )
    format_options(command)
    command.add_argument(
        "--force", action="store_true", help=_("convert every file, even those up to date")
    )
    command.add_argument(
        "--report",
        type=Path,
        metavar=_("FILE"),
        help=_("also write a JSON report (one entry per input) to this file"),
    )


def run(args: argparse.Namespace) -> int:
    """Convert many files, in parallel; see :mod:`minutes.batch`."""
    from minutes.batch import Batch, Options

    options = Options(
        out_dir=args.output,
        formats=formats(args.format),  # type: ignore[arg-type]
        jobs=args.jobs,
        force=args.force,
        variant=args.pdf_variant,
        exclude=(args.report,) if args.report is not None else (),
    )
    require_pdf(
        options.formats,
        f"minutes batch {shown(args.paths[0])} -o {shown(args.output)} -f docx",
    )
    _make_folder(args.output)
    started = time.perf_counter()
    batch = Batch(args.paths, options)
    if batch.total == 0:
        raise UsageError(_("No .yaml, .yml or .json files found."))
    outcomes: list[Outcome] = []
    interrupted = False
    progress = _progress(console(stderr=True))
    stop = _Stop()
    try:
        with stop.on_signals(), closing(batch.run()) as running, progress:
            bar = progress.add_task(_("Converting"), total=batch.total, current="")
            for outcome in running:
                outcomes.append(outcome)
                in_hand = batch.in_hand
                progress.update(bar, advance=1, current=str(in_hand[0]) if in_hand else "")
    except KeyboardInterrupt:
        interrupted = True
    outcomes.extend(batch.late)
    seconds = time.perf_counter() - started
    _print_summary(outcomes, batch.total, seconds, interrupted, batch.problems)
    recorded = args.report is None or _record(args.report, batch, outcomes, seconds, interrupted)
    if interrupted:
        return 128 + stop.signal if stop.signal else EXIT_INTERRUPTED
    failed = any(o.status == "failed" for o in outcomes) or batch.problems or not recorded
    return EXIT_INPUT if failed else EXIT_OK


def _make_folder(folder: Path) -> None:
    """``-o`` names a folder, made when missing; anything else is a usage error, said once."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(_("{path} is a file, not a folder.").format(path=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(
            _("Cannot create the folder {path}: {reason}.").format(
                path=folder, reason=error.strerror or error
            )
        ) from None


def _record(
    path: Path, batch: Batch, outcomes: Sequence[Outcome], seconds: float, interrupted: bool
) -> bool:
    """Write the JSON record; a disk that refuses it is said, and the batch counts as failed."""
    from minutes.batch.report import write_report
    from minutes.files import output_problem

    try:
        write_report(path, batch, outcomes, seconds, interrupted)
    except OSError as error:
        sys.stderr.write(str(output_problem(error, path)) + "\n")
        return False
    return True


def _rate(files: float, seconds: float) -> str:
    return _("{rate} files/s").format(rate=decimal_text(files / seconds, 1))


def _progress(shown_on: Any) -> Any:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Files per second."""

        def render(self, task: Any) -> Text:
            speed = task.finished_speed or task.speed
            return Text(_rate(speed, 1) if speed else "–")

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
        console=shown_on,
        disable=not shown_on.is_terminal,
        transient=True,
    )


class _Stop:
    """SIGTERM and SIGHUP (``kill``, a closed terminal, a service manager stopping the job) stop
    a batch as Ctrl-C does: the files in hand are finished, the rest cancelled, the manifest and
    the report written. Without this the default action would end the process on the spot,
    saving nothing."""

    signal: int = 0

    @contextlib.contextmanager
    def on_signals(self) -> Iterator[None]:
        import signal

        def interrupt(number: int, _frame: object) -> None:
            self.signal = number
            raise KeyboardInterrupt

        wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
        previous = {number: signal.signal(number, interrupt) for number in wanted}
        try:
            yield
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)


def _print_summary(
    outcomes: Sequence[Outcome],
    total: int,
    seconds: float,
    interrupted: bool,
    others: Sequence[Problem] = (),
) -> None:
    from rich.table import Table

    out = console()
    counts = {status: sum(1 for o in outcomes if o.status == status) for status in _STATUSES}
    if interrupted:
        out.print(
            _("Interrupted: {left} of {total} files were not converted.").format(
                left=total - len(outcomes), total=total
            ),
            style="bold yellow",
        )
    summary = Table(title=_("Summary"), show_header=True, title_justify="left")
    summary.add_column(_("Done"), justify="right", style="green")
    summary.add_column(_("Skipped (unchanged)"), justify="right")
    summary.add_column(_("Failed"), justify="right", style="red" if counts["failed"] else None)
    summary.add_column(_("Time"), justify="right")
    rendered = counts["done"]
    summary.add_row(
        str(counts["done"]),
        str(counts["skipped"]),
        str(counts["failed"]),
        _("{seconds} s ({rate})").format(
            seconds=decimal_text(seconds, 1), rate=_rate(rendered, seconds) if rendered else "–"
        ),
    )
    out.print(summary)
    failures = [o for o in outcomes if o.status == "failed"]
    if not failures and not others:
        return
    problems = [problem for outcome in failures for problem in outcome.problems]
    problems.extend(others)
    table = Table(title=_("Files that failed"), title_justify="left", show_lines=True)
    # the location is never broken over lines: it is what a clerk copies to find the line
    widest = max((len(problem.location()) for problem in problems), default=0)
    table.add_column(_("File:line:column"), no_wrap=True, min_width=widest)
    table.add_column(_("Field"), overflow="fold")
    table.add_column(_("Problem"), overflow="fold")
    for problem in problems:
        text = problem.message + (f" ({problem.hint})" if problem.hint else "")
        table.add_row(problem.location(), problem.field or "", text)
    out.print(table)


_STATUSES = ("done", "skipped", "failed")
