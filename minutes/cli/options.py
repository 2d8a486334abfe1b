"""Arguments more than one command takes, and the types that check them as argparse reads them."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable, Collection, Iterable, Iterator

from minutes.i18n import _


class ChoicesReadWhenAsked(Collection[str]):
    """An argument's ``choices`` read only when argparse asks for them: to check a value given,
    or to print the help (whose ``%(choices)s`` lists them).

    ``minutes new`` offers the profiles and the starters, which are files: naming the profiles'
    families reads every profile with its validators (0.3 s). Read while the parser is built,
    they made every command, ``minutes --version`` included, pay for them, and held Ctrl-C
    back meanwhile."""

    def __init__(self, read: Callable[[], Iterable[str]]) -> None:
        self._read = read

    @functools.cached_property
    def _names(self) -> tuple[str, ...]:
        return tuple(self._read())

    def __contains__(self, value: object) -> bool:
        return value in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


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
