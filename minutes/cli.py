"""The ``minutes`` command. The only module that reads argv, prints, or exits.

Every message is in Vietnamese unless ``--lang en`` (or an English ``LANG``) asks for English.
Input errors become ``file:line:column: field: message (hint)`` lines on stderr and exit code 1;
a bug becomes one line asking for a report and exit code 3 (``MINUTES_DEBUG=1`` shows the
traceback); a usage error exits with 2. A user never sees a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from minutes import __version__
from minutes.errors import InputError, MinutesError
from minutes.i18n import _, set_language

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors in our language and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(_("error: {message}").format(message=message) + "\n")
        raise SystemExit(EXIT_USAGE)


def _outputs(source: Path, out_dir: Path | None, formats: Sequence[str]) -> list[Path]:
    folder = out_dir if out_dir is not None else source.parent
    return [folder / f"{source.stem}.{fmt}" for fmt in formats]


def _formats(choice: str) -> list[str]:
    return ["pdf", "docx"] if choice == "both" else [choice]


def report(error: InputError) -> None:
    """Print every problem of ``error`` on stderr, one per line."""
    for problem in error.problems:
        sys.stderr.write(str(problem) + "\n")


def cmd_render(args: argparse.Namespace) -> int:
    """Render each FILE to PDF and/or DOCX."""
    from minutes.api import Renderer
    from minutes.load import load

    renderer = Renderer()
    status = EXIT_OK
    for name in args.files:
        source = Path(name)
        try:
            meeting = load(source)
            targets = _outputs(source, args.output, _formats(args.format))
            rendered = [
                (target, renderer.render(meeting, target.suffix[1:], variant=args.pdf_variant))  # type: ignore[arg-type]
                for target in targets
            ]
        except InputError as error:
            report(error)
            status = EXIT_INPUT
            continue
        from minutes.api import write_atomic

        for target, data in rendered:
            write_atomic(target, data)
            print(_("Wrote {path}").format(path=target))
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="minutes",
        description=_("Official Vietnamese minutes (biên bản) as DOCX and PDF, from YAML."),
        epilog=_("Example: minutes render examples/hoi-nghi-btv-tinh-uy-thai-binh-lan-100.yaml"),
    )
    parser.add_argument("--version", action="version", version=f"minutes {__version__}")
    parser.add_argument("--lang", choices=("vi", "en"), help=_("language of messages"))
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    render = commands.add_parser(
        "render",
        help=_("render YAML files to PDF and DOCX"),
        description=_("Render each FILE to PDF and/or DOCX, next to it or in --output."),
        epilog=_("Example: minutes render bien-ban.yaml -o out -f both"),
    )
    render.add_argument("files", nargs="+", metavar="FILE", help=_("a .yaml, .yml or .json file"))
    render.add_argument("-o", "--output", type=Path, help=_("folder for the output files"))
    render.add_argument(
        "-f",
        "--format",
        choices=("pdf", "docx", "both"),
        default="both",
        help=_("output format (default: both)"),
    )
    render.add_argument(
        "--pdf-variant",
        choices=("pdf/a-2b", "pdf/a-3b", "pdf/ua-1"),
        help=_("archival PDF variant, e.g. pdf/a-2b"),
    )
    render.set_defaults(handler=cmd_render)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in arguments:
        index = arguments.index("--lang")
        if index + 1 < len(arguments) and arguments[index + 1] in ("vi", "en"):
            set_language(arguments[index + 1])
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.lang:
        set_language(args.lang)
    handler: Command | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return handler(args)
    except InputError as error:
        report(error)
        return EXIT_INPUT
    except KeyboardInterrupt:
        sys.stderr.write(_("Interrupted.") + "\n")
        return 130
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
