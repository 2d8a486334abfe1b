"""argparse's own words ("usage:", "error:", "the following arguments are required"), translated.

argparse translates its messages through the module-level names ``argparse._`` and
``argparse.ngettext`` (gettext's global domain). Binding a system-wide ``argparse`` catalog would
change every program in the process and needs a ``.mo`` on disk; instead :func:`speaking` routes
those two names to the ``minutes`` catalog *while the CLI parses and prints help*, then puts
argparse back as it was. The msgids below are argparse's own English strings (Python 3.10-3.13),
marked with :func:`N_` so Babel extracts them into our catalog; a string that a future Python adds
stays English until it is added here.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from minutes.i18n import N_, ngettext, translations

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("optional arguments"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
"""The argparse messages a user can meet, as msgids of our catalog."""


def plural_messages(n: int) -> list[str]:
    """argparse's plural messages for ``n`` arguments, in the current language (written as
    ``ngettext`` calls so that Babel extracts them as plural entries)."""
    return [ngettext("expected %s argument", "expected %s arguments", n)]


def _gettext(message: str) -> str:
    return translations().gettext(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return translations().ngettext(singular, plural, n)


@contextmanager
def speaking() -> Iterator[None]:
    """Within the block, argparse writes its messages in the current language."""
    saved: dict[str, Callable[..., Any]] = {}
    for name, replacement in (("_", _gettext), ("ngettext", _ngettext)):
        if hasattr(argparse, name):
            saved[name] = getattr(argparse, name)
            setattr(argparse, name, replacement)
    try:
        yield
    finally:
        for name, original in saved.items():
            setattr(argparse, name, original)
