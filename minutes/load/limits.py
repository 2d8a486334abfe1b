"""How much input the loader accepts (:class:`Limits`), checked while the file is read."""

from __future__ import annotations

from dataclasses import dataclass

from minutes.errors import InputError, Problem
from minutes.i18n import _, decimal_text


@dataclass(frozen=True)
class Limits:
    """How much input :func:`load` and :func:`loads` accept; anything beyond is an
    :class:`InputError` that names the line. The defaults are far above any real biên bản (the
    largest example is 12 kB with about 400 values) and keep loading under a second.

    >>> Limits(max_items=5000)  # a host that lists the delegates of a large congress
    Limits(max_bytes=1048576, max_nodes=10000, max_depth=32, max_items=5000, max_text=100000)
    """

    max_bytes: int = 1024 * 1024
    """Size of the file, in bytes of UTF-8."""
    max_nodes: int = 10_000
    """Values in the file (keys included), each use of an alias counting in full."""
    max_depth: int = 32
    """Levels of nesting (the meeting's own fields use four)."""
    max_items: int = 1_000
    """Items in one list (attendees, agenda …) or fields in one mapping."""
    max_text: int = 100_000
    """Characters in one text (about 30 pages)."""
    profile_files: bool = True
    """Whether ``profile:`` may name a profile file on this computer (``ho-so/doan.yaml``). A
    host that reads meetings from strangers says ``False``: names are then looked up among the
    built-in profiles and the office's folders (``MINUTES_PROFILES``) only."""

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_nodes", "max_depth", "max_items", "max_text"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"Limits.{name} must be a whole number of at least 1: {value!r}")


DEFAULT_LIMITS = Limits()
MAX_INPUT_BYTES = DEFAULT_LIMITS.max_bytes
"""Inputs larger than this are refused before parsing (a biên bản is a few kilobytes)."""

MAX_INT_DIGITS = 100
"""A YAML integer with more digits than this is refused (Python refuses to read one of more than
4,300 digits at all, with a ``ValueError`` the user could not place)."""


def too_large(source: str, limits: Limits, line: int) -> InputError:
    return InputError(
        Problem(
            _("The file is too large (more than {limit} MB).").format(
                limit=decimal_text(limits.max_bytes / (1024 * 1024), 2)
            ),
            file=source,
            line=line,
            hint=_("a biên bản is a few kilobytes of text: is this the right file?"),
        )
    )
