"""Arguments more than one command takes, and the types that check them as argparse reads them."""

from __future__ import annotations

import argparse

from minutes.i18n import _


def format_options(command: argparse.ArgumentParser) -> None:
    """``-f pdf|docx|both`` and ``--pdf-variant`` (``render`` and ``batch``)."""
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


def formats(choice: str) -> tuple[str, ...]:
    """The formats ``-f`` asks for, in the order they are made."""
    return ("pdf", "docx") if choice == "both" else (choice,)


def positive(text: str) -> int:
    """A whole number of at least 1 (``-j``, ``--render-timeout``)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("must be a whole number of at least 1, not {value!r}").format(value=text)
        )
    return value


def port(text: str) -> int:
    """A TCP port."""
    value = positive(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(
            _("a port is a number from 1 to 65535, not {value!r}").format(value=text)
        )
    return value
