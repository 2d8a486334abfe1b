"""How a command ends: its exit codes, and the one exception that means "wrong arguments"."""

from __future__ import annotations

import argparse
from collections.abc import Callable

EXIT_OK = 0
EXIT_INPUT = 1
"""A file the clerk can fix: its problems are listed, each with its line and what to do."""
EXIT_USAGE = 2
"""The command line itself is wrong (argparse's own code)."""
EXIT_INTERNAL = 3
"""A bug in minutes: one line asks for a report."""
EXIT_SETUP = 4
"""This computer lacks something the command needs (Pango, the ``web`` extra): install it."""
EXIT_INTERRUPTED = 130
"""Ctrl-C, after a clean stop (the shells' 128 + SIGINT)."""

Command = Callable[[argparse.Namespace], int]
"""What runs one command: its parsed arguments in, its exit code out."""


class UsageError(Exception):
    """A command found its arguments unusable after parsing (exit code 2)."""
