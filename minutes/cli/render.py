"""``minutes render FILE…``: each meeting file to PDF and/or DOCX, next to it or in ``-o``."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from minutes.cli.exits import EXIT_INPUT, EXIT_OK, UsageError
from minutes.cli.needs import require_pdf
from minutes.cli.options import format_options, formats
from minutes.cli.say import report, shown, wrote
from minutes.errors import InputError, Problem
from minutes.i18n import _

if TYPE_CHECKING:
    from minutes.api import Format, Renderer
    from minutes.cli import pdf_child
    from minutes.model import Minutes
    from minutes.tree import Document
    from minutes.writers.pdf import PdfWriter


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "files", nargs="+", metavar=_("FILE"), help=_("a .yaml, .yml or .json file")
    )
    command.add_argument(
        "-o", "--output", type=Path, metavar=_("FOLDER"), help=_("folder for the output files")
    )
    format_options(command)


def run(args: argparse.Namespace) -> int:
    """Render each FILE; a bad file is reported and the next one is still rendered."""
    from minutes.cli import pdf_child

    if args.output is not None and args.output.exists() and not args.output.is_dir():
        raise UsageError(_("{path} is a file, not a folder.").format(path=args.output))
    wanted = formats(args.format)
    child = None
    if len(args.files) == 1 and set(wanted) == {"pdf", "docx"} and pdf_child.can_fork():
        child = _pdf_child(args.pdf_variant)  # first: it sets up while the library is imported
    try:
        return _render_each(args, wanted, child)
    finally:
        if child is not None:
            child.stop()


def _render_each(
    args: argparse.Namespace, wanted: tuple[str, ...], child: pdf_child.PdfChild | None
) -> int:
    from minutes.api import Renderer, settle_after_warm_up
    from minutes.load import load

    docx_command = f"minutes render {shown(args.files[0])} -f docx"
    if child is None:  # with a child, Pango is looked for there (see minutes/cli/pdf_child.py)
        require_pdf(wanted, docx_command)
    renderer = Renderer()
    status = EXIT_OK
    for index, name in enumerate(args.files):
        if index == 1:  # the first file warmed the renderer up
            settle_after_warm_up()
        source = Path(name)
        folder = args.output if args.output is not None else source.parent
        targets = [(folder / f"{source.stem}.{fmt}", fmt) for fmt in wanted]
        try:
            _check_names(source, [target for target, _fmt in targets])
            if child is not None:
                made = _rendered_with_a_child(
                    renderer, child, functools.partial(load, source), args.pdf_variant, docx_command
                )
            else:
                made = renderer.render_all(load(source), wanted, args.pdf_variant)  # type: ignore[arg-type]
            rendered = [(target, made[fmt]) for target, fmt in targets]  # type: ignore[index]
        except InputError as error:
            if child is not None:  # a missing Pango is said before a bad file, as without a child
                require_pdf(wanted, docx_command)
            report(error)
            status = EXIT_INPUT
            continue
        if not _write_outputs(source, rendered):
            status = EXIT_INPUT
    return status


def _pdf_child(variant: str | None) -> pdf_child.PdfChild:
    """The child that makes the PDF (:mod:`minutes.cli.pdf_child`), forked before the library is
    imported: the child imports only the PDF writer (what :class:`~minutes.api.Renderer` renders
    a PDF with), WeasyPrint and the fonts, while this process imports the reader, the model's
    validators and the template, so both cores work from the start."""
    from minutes.cli.pdf_child import PdfChild

    writers: list[PdfWriter] = []

    def warm_up() -> None:
        from minutes.writers.pdf import PdfWriter

        writers.append(PdfWriter())

    def render(document: Document) -> bytes:
        return writers[0].render(document, variant=variant)

    return PdfChild(warm_up, render)


def _rendered_with_a_child(
    renderer: Renderer,
    child: pdf_child.PdfChild,
    load: Callable[[], Minutes],
    variant: str | None,
    docx_command: str,
) -> dict[Format, bytes]:
    """Both formats of the meeting ``load`` reads, the PDF made by the ``child`` that set up
    WeasyPrint meanwhile. When the child makes none, the PDF is rendered here, so its errors
    (no Pango included) are said as a single process says them."""
    document = renderer.compose(load())
    child.send(document)
    docx = renderer.render_document(document, "docx")
    pdf = child.result()
    if pdf is None:  # the child made none: find out why, the ordinary way
        require_pdf(["pdf", "docx"], docx_command)
        pdf = renderer.render_document(document, "pdf", variant)
    return {"pdf": pdf, "docx": docx}


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
    from minutes.cli.interrupts import stop_if_interrupted
    from minutes.files import output_problem, write_atomic

    written = True
    for target, data in rendered:
        stop_if_interrupted()  # Ctrl-C was pressed, even if the exception was lost: no file
        try:
            write_atomic(target, data)
        except OSError as error:
            sys.stderr.write(str(output_problem(error, target, str(source))) + "\n")
            written = False
            continue
        wrote(target)
    return written
