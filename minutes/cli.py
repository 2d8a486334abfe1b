"""The ``minutes`` command. The only module that reads argv, prints, or exits.

The people who run it every week are clerks, not programmers, so:

* every message is in Vietnamese unless ``--lang en`` (or an English ``LANG``) asks for English,
  argparse's own words included (:mod:`minutes.argparse_i18n`);
* input errors become ``file:line:column: field: message (hint)`` lines and exit code 1; a usage
  error exits with 2; Ctrl-C exits with 130 after a clean stop; a bug becomes one line asking
  for a report and exit code 3 (``MINUTES_DEBUG=1`` shows the traceback). Never a traceback.
* something this computer lacks (Pango for the PDF, the ``web`` extra for ``serve``) is said as
  such, with what to install, and exit code 4: it is neither the clerk's mistake nor a bug;
* every error ends with where to read more (``minutes COMMAND --help``, the guide).

The work itself lives elsewhere (:mod:`minutes.batch`, :mod:`minutes.validate`,
:mod:`minutes.starter`, :mod:`minutes.schema`); this module only turns it into words.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from minutes import __version__
from minutes.argparse_i18n import speaking
from minutes.errors import InputError, MinutesError, Problem, SetupError
from minutes.i18n import LANGUAGES, _, current_language, ngettext, set_language
from minutes.resources import docs_link

if TYPE_CHECKING:  # the batch engine is imported when the command runs, not at start-up
    from minutes.batch import Batch, Outcome

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_SETUP = 4
"""This computer lacks something the command needs (Pango, the ``web`` extra): install it."""

Command = Callable[[argparse.Namespace], int]


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps prose to the terminal, but keeps indented lines (the examples) as written."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        """Help lines broken at spaces only (``hoi-nghi-cap-uy`` stays whole)."""
        import textwrap

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
        sys.stderr.write(_("error: {message}").format(message=message) + "\n")
        _read_more(self.prog)
        raise SystemExit(EXIT_USAGE)


class _UsageError(Exception):
    """A command found its arguments unusable after parsing (exit code 2)."""


# -- where to read more, and what to install ------------------------------------------------------


def _read_more(prog: str) -> None:
    """The last line of every error: where the clerk reads on (``prog`` is ``minutes render``…)."""
    sys.stderr.write(
        _("More: {command} --help, and the guide {docs}").format(
            command=prog, docs=docs_link("cli.md")
        )
        + "\n"
    )


def _report_setup(error: SetupError) -> None:
    """A set-up problem: what cannot be done, what to install, and where the instructions are (in
    place of :func:`_read_more`)."""
    out = sys.stderr
    out.write(_("error: {message}").format(message=error.message) + "\n")
    for line in error.steps:
        out.write(line + "\n")
    if error.docs:
        out.write(_("More: {docs}").format(docs=error.docs) + "\n")


def _shown(path: object) -> str:
    """A path as it is typed in a command (in double quotes when it has a space: that works in
    the Windows command prompt, PowerShell and POSIX shells alike)."""
    text = str(path)
    return f'"{text}"' if " " in text else text


def _pip_install(requirement: str) -> str:
    """The command that installs ``requirement`` into the Python that runs minutes, as pip's own
    advice is given: ``python -m pip`` when that name on PATH is this very Python, its full path
    when it is not (a virtual environment that is not activated), so the packages land where
    minutes looks for them. The requirement is in double quotes for the same reason as
    :func:`_shown`: ``'minutes[web]'`` in single quotes fails in the Windows command prompt."""
    executable = sys.executable
    name = os.path.basename(executable)
    found = shutil.which(name)
    if found and os.path.normcase(os.path.abspath(found)) == os.path.normcase(executable):
        python = name[:-4] if name.lower().endswith(".exe") else name
    else:
        python = _shown(executable)
    return f'{python} -m pip install "{requirement}"'


def _require_pdf(formats: Sequence[str], docx_command: str) -> None:
    """Before any work: when a PDF is asked for and this computer cannot make one, stop with the
    set-up message, and say how to get the DOCX, which needs no Pango (``docx_command``)."""
    if "pdf" not in formats:
        return
    from minutes.api import check_pdf

    try:
        check_pdf()
    except SetupError as error:
        docx = _("The DOCX needs no Pango: {command}").format(command=docx_command)
        raise SetupError(error.message, (docx, *error.steps), error.docs) from None


# -- small helpers ---------------------------------------------------------------------------------


def _formats(choice: str) -> tuple[str, ...]:
    return ("pdf", "docx") if choice == "both" else (choice,)


def _decimal(value: float, decimals: int = 1) -> str:
    """A number as the reader writes it: ``2,5`` in Vietnamese, ``2.5`` in English."""
    if current_language() == "en":
        return f"{value:,.{decimals}f}"
    from minutes.formatting import format_number

    return format_number(round(value, decimals), decimals)


def report(error: InputError, stream: IO[str] | None = None) -> None:
    """Print every problem of ``error``, one per line (on stderr by default)."""
    out = stream or sys.stderr
    for problem in error.problems:
        out.write(str(problem) + "\n")


def _console(stderr: bool = False) -> Any:
    """A rich console; outside a terminal it is wide and plain, so lines stay whole in logs."""
    from rich.console import Console

    console = Console(stderr=stderr, highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 160)
    return console


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("must be a whole number of at least 1, not {value!r}").format(value=text)
        )
    return value


def _port(text: str) -> int:
    value = _positive(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(
            _("a port is a number from 1 to 65535, not {value!r}").format(value=text)
        )
    return value


# -- render ----------------------------------------------------------------------------------------


def cmd_render(args: argparse.Namespace) -> int:
    """Render each FILE to PDF and/or DOCX."""
    from minutes.api import Renderer
    from minutes.load import load

    if args.output is not None:
        _check_output_folder(args.output)
    _require_pdf(_formats(args.format), f"minutes render {_shown(args.files[0])} -f docx")
    renderer = Renderer()
    status = EXIT_OK
    for name in args.files:
        source = Path(name)
        folder = args.output if args.output is not None else source.parent
        targets = [(folder / f"{source.stem}.{fmt}", fmt) for fmt in _formats(args.format)]
        try:
            _check_names(source, [target for target, _fmt in targets])
            meeting = load(source)
            rendered = [
                (target, renderer.render(meeting, fmt, variant=args.pdf_variant))  # type: ignore[arg-type]
                for target, fmt in targets
            ]
        except InputError as error:
            report(error)
            status = EXIT_INPUT
            continue
        if not _write_outputs(source, rendered):
            status = EXIT_INPUT
    return status


def _check_output_folder(folder: Path) -> None:
    """``-o`` must name a folder (made if missing); anything else is a usage error, said once."""
    if folder.exists() and not folder.is_dir():
        raise _UsageError(_("{path} is a file, not a folder.").format(path=folder))


def _check_names(source: Path, targets: Sequence[Path]) -> None:
    """Refuse, before anything is rendered or written, output names the disk cannot take."""
    from minutes.files import too_long_name

    for target in targets:
        problem = too_long_name(target)
        if problem is not None:
            raise InputError(Problem(problem.message, file=str(source), hint=problem.hint))


def _write_outputs(source: Path, rendered: Sequence[tuple[Path, bytes]]) -> bool:
    """Write each output atomically; an OS error (a full disk, a read-only folder …) is a clear
    message naming the output and what to do, and the next output is still tried."""
    from minutes.files import output_problem, write_atomic

    written = True
    for target, data in rendered:
        try:
            write_atomic(target, data)
        except OSError as error:
            sys.stderr.write(str(output_problem(error, target, str(source))) + "\n")
            written = False
            continue
        print(_("Wrote {path}").format(path=target))
    return written


# -- batch -----------------------------------------------------------------------------------------


def _progress(console: Any) -> Any:
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
            if not speed:
                return Text("–")
            return Text(_("{rate} files/s").format(rate=_decimal(speed)))

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
        console=console,
        disable=not console.is_terminal,
        transient=True,
    )


def cmd_batch(args: argparse.Namespace) -> int:
    """Convert many files, in parallel; see :mod:`minutes.batch`."""
    from minutes.batch import Batch, Options

    options = Options(
        out_dir=args.output,
        formats=_formats(args.format),  # type: ignore[arg-type]
        jobs=args.jobs,
        force=args.force,
        variant=args.pdf_variant,
        exclude=(args.report,) if args.report is not None else (),
    )
    _require_pdf(
        options.formats,
        f"minutes batch {_shown(args.paths[0])} -o {_shown(args.output)} -f docx",
    )
    if args.output.exists() and not args.output.is_dir():
        raise _UsageError(_("{path} is a file, not a folder.").format(path=args.output))
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _UsageError(
            _("Cannot create the folder {path}: {reason}.").format(
                path=args.output, reason=error.strerror or error
            )
        ) from None
    started = time.perf_counter()
    batch = Batch(args.paths, options)
    if batch.total == 0:
        raise _UsageError(_("No .yaml, .yml or .json files found."))
    outcomes: list[Outcome] = []
    interrupted = False
    progress = _progress(_console(stderr=True))
    stop = _Stop()
    try:
        with stop.on_signals(), closing(batch.run()) as run, progress:
            bar = progress.add_task(_("Converting"), total=batch.total, current="")
            for outcome in run:
                outcomes.append(outcome)
                in_hand = batch.in_hand
                progress.update(bar, advance=1, current=str(in_hand[0]) if in_hand else "")
    except KeyboardInterrupt:
        interrupted = True
    outcomes.extend(batch.late)
    seconds = time.perf_counter() - started
    _print_summary(outcomes, batch.total, seconds, interrupted, batch.problems)
    reported = args.report is None or _write_report(
        args.report, batch, outcomes, seconds, interrupted
    )
    if interrupted:
        return 128 + stop.signal if stop.signal else EXIT_INTERRUPTED
    failed = any(o.status == "failed" for o in outcomes) or batch.problems or not reported
    return EXIT_INPUT if failed else EXIT_OK


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

    console = _console()
    counts = {status: sum(1 for o in outcomes if o.status == status) for status in _STATUSES}
    if interrupted:
        console.print(
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
    rate = _("{rate} files/s").format(rate=_decimal(rendered / seconds)) if rendered else "–"
    summary.add_row(
        str(counts["done"]),
        str(counts["skipped"]),
        str(counts["failed"]),
        _("{seconds} s ({rate})").format(seconds=_decimal(seconds), rate=rate),
    )
    console.print(summary)
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
    console.print(table)


_STATUSES = ("done", "skipped", "failed")


def _write_report(
    path: Path, batch: Batch, outcomes: Sequence[Outcome], seconds: float, interrupted: bool
) -> bool:
    """One JSON entry per input, in the order the inputs were found (``cancelled`` for those an
    interruption left undone), for the office's own tools and for support."""
    from minutes.files import write_atomic

    by_source = {str(o.source): o for o in outcomes}
    entries: list[dict[str, Any]] = []
    for source in batch.plan.inputs:
        outcome = by_source.get(str(source))
        if outcome is None:
            entries.append({"input": str(source), "status": "cancelled", "outputs": []})
            continue
        entries.append(
            {
                "input": str(source),
                "status": outcome.status,
                "outputs": [str(p) for p in outcome.outputs],
                "error": "\n".join(str(p) for p in outcome.problems) or None,
                "problems": [p.as_dict() for p in outcome.problems],
                "seconds": round(outcome.seconds, 3),
            }
        )
    summary = {status: sum(1 for e in entries if e["status"] == status) for status in _STATUSES}
    summary["cancelled"] = sum(1 for e in entries if e["status"] == "cancelled")
    document = {
        "tool": f"minutes {__version__}",
        "output": str(batch.options.out_dir),
        "formats": list(batch.options.formats),
        "interrupted": interrupted,
        "seconds": round(seconds, 3),
        "summary": summary,
        "inputs": entries,
        "problems": [p.as_dict() for p in batch.problems],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        write_atomic(path, text.encode("utf-8", "backslashreplace"))
    except OSError as error:
        from minutes.files import output_problem

        sys.stderr.write(str(output_problem(error, path)) + "\n")
        return False
    return True


# -- validate --------------------------------------------------------------------------------------


def cmd_validate(args: argparse.Namespace) -> int:
    """Check files without rendering; list every problem of every file."""
    from minutes.inputs import find_inputs
    from minutes.validate import validate_file, validate_text

    console = _console()
    names = [name for name in args.files if name != "-"]
    found = find_inputs(names)
    if len(names) < len(args.files):  # "-": the text comes on standard input
        found.files.insert(0, Path("-"))
    for problem in found.problems:
        console.print(str(problem), markup=False, soft_wrap=True, style="red")
    if not found.files and not found.problems:
        raise _UsageError(_("No .yaml, .yml or .json files found."))
    invalid = len(found.problems)
    count = 0
    for path in found.files:
        problems = (
            validate_text(sys.stdin.read(), "<stdin>") if path == Path("-") else validate_file(path)
        )
        count += len(problems)
        for problem in problems:
            console.print(str(problem), markup=False, soft_wrap=True, style="red")
        if problems:
            invalid += 1
        else:
            console.print(
                _("{path}: valid").format(path=path), markup=False, soft_wrap=True, style="green"
            )
    total = len(found.files) + len(found.problems)
    console.print(
        ngettext(
            "Checked {total} file: {valid} valid, {invalid} with problems ({count} in all).",
            "Checked {total} files: {valid} valid, {invalid} with problems ({count} in all).",
            total,
        ).format(
            total=total, valid=total - invalid, invalid=invalid, count=count + len(found.problems)
        ),
        markup=False,
        soft_wrap=True,
    )
    return EXIT_INPUT if invalid else EXIT_OK


# -- new -------------------------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    """Write the starter file (to stdout without FILE)."""
    from minutes.files import write_atomic
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
    text = starter(kind, schema=args.schema, example=target.name)
    write_atomic(target, text.encode("utf-8"))
    print(_("Wrote {path}").format(path=target))
    print(_("Next: edit it, then run `minutes render {path}`.").format(path=target))
    return EXIT_OK


# -- schema ----------------------------------------------------------------------------------------


def cmd_schema(args: argparse.Namespace) -> int:
    """Print (or write) the JSON Schema of the meeting file."""
    from minutes.schema import schema_text

    text = schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    from minutes.files import write_atomic

    write_atomic(Path(args.output), text.encode("utf-8"))
    print(_("Wrote {path}").format(path=args.output))
    return EXIT_OK


# -- serve -----------------------------------------------------------------------------------------


WEB_PACKAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("fastapi", ("fastapi",)),
    ("uvicorn", ("uvicorn",)),
    ("python-multipart", ("python_multipart", "multipart")),
    ("pypdfium2", ("pypdfium2",)),
)
"""The packages of the ``web`` extra (``pyproject.toml``; a test keeps the two lists equal), each
with the modules it may be imported as."""


def _require_web_extra() -> None:
    """Stop with a set-up message naming the install command when the ``web`` extra is missing.
    Every package is looked for before anything is imported, so one message names them all
    (python-multipart would otherwise be missed until the first form is sent)."""
    import importlib.util

    missing = [
        package
        for package, modules in WEB_PACKAGES
        if all(importlib.util.find_spec(module) is None for module in modules)
    ]
    if missing:
        raise SetupError(
            _(
                "The web form needs the packages of minutes' web extra, and these are not "
                "installed: {missing}."
            ).format(missing=", ".join(missing)),
            (_("Install them with:"), "  " + _pip_install("minutes[web]")),
            docs_link("web.md"),
        )


def _warn_without_pdf() -> None:
    """At the start of ``serve`` on a computer without Pango: the form still works (its checks
    and the DOCX downloads), so it is served, with a word on what is missing and how to add it."""
    from minutes.api import check_pdf

    try:
        check_pdf()
    except SetupError as error:
        out = sys.stderr
        out.write(_("Warning: {message}").format(message=error.message) + "\n")
        out.write(
            _(
                "The form, its checks and the DOCX downloads work; the preview and the PDF "
                "need Pango."
            )
            + "\n"
        )
        for line in error.steps:
            out.write(line + "\n")
        if error.docs:
            out.write(_("More: {docs}").format(docs=error.docs) + "\n")


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the web app (a form with live preview, and the HTTP API) until interrupted."""
    _require_web_extra()
    from minutes.web.serve import serve, why_not

    _warn_without_pdf()
    token = args.token or os.environ.get("MINUTES_TOKEN") or None
    try:
        serve(sys.stderr, args.host, args.port, token, args.render_timeout)
    except OSError as error:  # the port is taken, the address is not this machine's …
        raise _UsageError(
            _("cannot listen on {host}:{port}: {reason}").format(
                host=args.host, port=args.port, reason=why_not(error)
            )
        ) from None
    return EXIT_OK


# -- check -----------------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    """Measure each PDF or DOCX against the official format; see :mod:`minutes.check`.

    Exit code 1 when a rule of the official text fails (with ``--strict``, also when a piece
    of house advice is not followed), or when a file cannot be read."""
    from minutes.check import Report, check_file

    reports: list[Report] = []
    status = EXIT_OK
    for name in args.files:
        try:
            reports.append(check_file(name, profile=args.profile))
        except InputError as error:
            report(error)
            status = EXIT_INPUT
    strict = bool(getattr(args, "strict", False))
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
        _print_check(checked, strict)
    return status


def _print_check(checked: Any, strict: bool = False) -> None:
    """One file's results as a table: rule, clause, expected, measured, result; above it the
    profile measured against and why, under it the counts."""
    from rich.table import Table
    from rich.text import Text

    console = _console()
    title = _("{file} ({format}), profile {profile}").format(
        file=checked.file, format=checked.format.upper(), profile=checked.profile.id
    )
    if checked.profile_detected:
        title += " " + _("(told from the heading)")
    choice = checked.choice
    console.print(title, markup=False, style="bold")
    console.print(
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
    styles = {"pass": "green", "fail": "bold red", "advice": "magenta", "not-checked": "yellow"}
    for result in checked.results:
        row = result.row(checked.profile)
        cells = [Text(row[key]) for key in ("rule", "clause", "expected", "measured")]
        table.add_row(*cells, Text(row["status"], style=styles[result.status.value]))
    console.print(table)
    counts = checked.counts()
    failing = counts["fail"] + (counts["advice"] if strict else 0)
    console.print(
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
        console.print(
            _(
                "Advice is house style, not a rule of the format: it fails the file only "
                "with --strict."
            ),
            markup=False,
        )


# -- the parser ------------------------------------------------------------------------------------


def _example(*lines: str) -> str:
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
    """The argument parser, in the current language (build it inside :func:`speaking`)."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=_("language of messages")
    )
    parser = _Parser(
        prog="minutes",
        description=_("Official Vietnamese minutes (biên bản) as DOCX and PDF, from YAML."),
        epilog=_example(
            "minutes new bien-ban.yaml",
            "minutes validate bien-ban.yaml",
            "minutes render bien-ban.yaml",
            "minutes serve",
            "minutes batch bien-ban/ -o ket-qua/",
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
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"), title=_("commands"))

    render = commands.add_parser(
        "render",
        parents=[common],
        help=_("render YAML files to PDF and DOCX"),
        description=_("Render each FILE to PDF and/or DOCX, next to it or in --output."),
        epilog=_example(
            "minutes render bien-ban.yaml",
            "minutes render bien-ban.yaml -o ket-qua -f pdf",
        ),
    )
    render.add_argument(
        "files", nargs="+", metavar=_("FILE"), help=_("a .yaml, .yml or .json file")
    )
    render.add_argument(
        "-o", "--output", type=Path, metavar=_("FOLDER"), help=_("folder for the output files")
    )
    _format_options(render)
    render.set_defaults(handler=cmd_render)

    batch = commands.add_parser(
        "batch",
        parents=[common],
        help=_("convert many files at once, in parallel"),
        description=_(
            "Convert every meeting file found in PATH (files, folders searched recursively, or "
            "patterns such as '*.yaml') into OUTDIR, several at a time. Files whose output is "
            "up to date are skipped; one bad file does not stop the others."
        ),
        epilog=_example(
            "minutes batch bien-ban/ -o ket-qua/",
            "minutes batch 'thang-*/*.yaml' -o ket-qua/ -f pdf -j 4 --report bao-cao.json",
        ),
    )
    batch.add_argument("paths", nargs="+", metavar=_("PATH"), help=_("files, folders or patterns"))
    batch.add_argument(
        "-o", "--output", type=Path, required=True, metavar=_("OUTDIR"), help=_("output folder")
    )
    batch.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help=_("number of worker processes (default: one per processor core)"),
    )
    _format_options(batch)
    batch.add_argument(
        "--force", action="store_true", help=_("convert every file, even those up to date")
    )
    batch.add_argument(
        "--report",
        type=Path,
        metavar=_("FILE"),
        help=_("also write a JSON report (one entry per input) to this file"),
    )
    batch.set_defaults(handler=cmd_batch)

    validate = commands.add_parser(
        "validate",
        parents=[common],
        help=_("check files without rendering them"),
        description=_(
            "Check each FILE (or the files in a folder) without rendering it, and list every "
            "problem found, each with its line and column, the field, and how to fix it."
        ),
        epilog=_example(
            "minutes validate bien-ban.yaml",
            "minutes validate bien-ban/",
            "minutes new | minutes validate -",
        ),
    )
    validate.add_argument(
        "files", nargs="+", metavar=_("FILE"), help=_("files, folders or patterns")
    )
    validate.set_defaults(handler=cmd_validate)

    new = commands.add_parser(
        "new",
        parents=[common],
        help=_("write a starter meeting file"),
        description=_(
            "Write a starter meeting file, every field explained in Vietnamese, that renders "
            "as it is. Without FILE it is printed."
        ),
        epilog=_example(
            "minutes new bien-ban.yaml",
            "minutes new --profile party hoi-nghi.yaml",
            "minutes new --kind chi-bo sinh-hoat-chi-bo.yaml",
            "minutes new > bien-ban.yaml",
        ),
    )
    new.add_argument("file", nargs="?", metavar=_("FILE"), help=_("the file to write"))
    new.add_argument(
        "--profile",
        choices=("state", "party"),
        default="state",
        help=_("state: Decree 30/2020 (default); party: Guidance 36-HD/VPTW"),
    )
    from minutes.starter import starters  # data files: read only to build this parser

    new.add_argument(
        "--kind",
        choices=tuple(starters()),
        metavar=_("KIND"),
        help=_("the kind of meeting: {kinds}").format(kinds=", ".join(starters())),
    )
    new.add_argument("--force", action="store_true", help=_("overwrite FILE if it exists"))
    new.add_argument(
        "--schema",
        default="minutes.schema.json",
        metavar=_("PATH_OR_URL"),
        help=_("where editors find the JSON Schema, relative to FILE (default: %(default)s)"),
    )
    new.set_defaults(handler=cmd_new)

    schema = commands.add_parser(
        "schema",
        parents=[common],
        help=_("print the JSON Schema of the meeting file, for editors"),
        description=_(
            "Print the JSON Schema of the meeting file, with Vietnamese titles and "
            "descriptions, so that editors complete and check the file as it is typed."
        ),
        epilog=_example("minutes schema -o minutes.schema.json"),
    )
    schema.add_argument("-o", "--output", metavar=_("FILE"), help=_("write it to this file"))
    schema.set_defaults(handler=cmd_schema)

    serve = commands.add_parser(
        "serve",
        parents=[common],
        help=_("open the web form: fill in a meeting, watch the pages, download the files"),
        description=_(
            "Run a local web app: a form for every field of the meeting, errors beside the "
            "fields as you type, a live preview of the pages, downloads of DOCX, PDF and YAML; "
            "and an HTTP API for other systems (see /api). Only this computer can reach it "
            "unless --host says otherwise."
        ),
        epilog=_example(
            "minutes serve",
            "minutes serve --port 8080",
            "minutes serve --host 0.0.0.0 --token mat-khau-dai",
        ),
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help=_("address to listen on (default: %(default)s)")
    )
    serve.add_argument(
        "--port", type=_port, default=8000, help=_("port to listen on (default: %(default)s)")
    )
    serve.add_argument(
        "--token",
        metavar=_("TOKEN"),
        help=_("require this access token on every request (or set MINUTES_TOKEN)"),
    )
    serve.add_argument(
        "--render-timeout",
        type=_positive,
        metavar=_("SECONDS"),
        help=_("longest time one document may take (default: 30)"),
    )
    serve.set_defaults(handler=cmd_serve)

    check = commands.add_parser(
        "check",
        parents=[common],
        help=_("check a PDF or DOCX against the official format"),
        description=_(
            "Measure each FILE (a PDF or a DOCX, made by this tool or elsewhere) against every "
            "rule of the format that can be measured, and list each rule with its clause, the "
            "expected and the measured value. Exit code 1 when a rule fails; advice (how dates "
            "and numbers are best written in the text) is listed apart and fails a file only "
            "with --strict."
        ),
        epilog=_example(
            "minutes check bien-ban.pdf",
            "minutes check bien-ban.docx --profile state",
            "minutes check bien-ban.pdf --json",
        ),
    )
    check.add_argument("files", nargs="+", metavar=_("FILE"), help=_("a .pdf or .docx file"))
    check.add_argument(
        "--profile",
        choices=("state", "party"),
        help=_("the format to check against (default: told from the document's heading and date)"),
    )
    check.add_argument("--json", action="store_true", help=_("print the results as JSON"))
    check.add_argument(
        "--strict",
        action="store_true",
        help=_("fail the file when advice (how dates and numbers are written …) is not followed"),
    )
    check.set_defaults(handler=cmd_check)
    return parser


def _format_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-f",
        "--format",
        choices=("pdf", "docx", "both"),
        default="both",
        help=_("output format (default: both)"),
    )
    command.add_argument(
        "--pdf-variant",
        choices=("pdf/a-2b", "pdf/a-3b", "pdf/ua-1"),
        help=_("archival PDF variant, e.g. pdf/a-2b"),
    )


def _language_in(arguments: Sequence[str]) -> str | None:
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


def _os_error_line(error: OSError) -> str:
    """``out/x.pdf: Không ghi được …: ổ đĩa đã đầy. (…)`` for an OS error no command caught."""
    from minutes.files import os_reason

    reason, hint = os_reason(error)
    where = f"{error.filename}: " if error.filename else ""
    text = _("error: {message}").format(message=f"{where}{reason}")
    return f"{text} ({hint})" if hint else text


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    set_language(_language_in(arguments))
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
        _read_more(f"minutes {args.command}")
    return code


def _run(handler: Command, args: argparse.Namespace) -> int:
    """Run one command; every way it can end becomes words and an exit code."""
    try:
        return handler(args)
    except _UsageError as error:
        sys.stderr.write(_("error: {message}").format(message=error) + "\n")
        return EXIT_USAGE
    except InputError as error:
        report(error)
        return EXIT_INPUT
    except SetupError as error:  # something this computer lacks: what to install, not a bug
        _report_setup(error)
        return EXIT_SETUP
    except KeyboardInterrupt:
        sys.stderr.write(_("Interrupted.") + "\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `minutes schema | head`: the reader left, nothing to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the final flush does not complain
        return EXIT_OK
    except OSError as error:  # a file to write or read: the machine's to fix, not a bug
        sys.stderr.write(_os_error_line(error) + "\n")
        return EXIT_INPUT
    except (MinutesError, Exception) as error:  # a bug: one clear line, no traceback
        if os.environ.get("MINUTES_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(
            _("Internal error ({kind}): {detail}. Please report it with the input file.").format(
                kind=type(error).__name__, detail=error
            )
            + "\n"
        )
        return EXIT_INTERNAL
