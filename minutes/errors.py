"""The error classes of ``minutes``.

One base class, :class:`MinutesError`, so a host program can catch everything the library raises on
purpose. :class:`InputError` and its subclasses are the user's to fix (bad YAML, a wrong field, an
impossible date); the CLI turns them into a message and an exit code, never a traceback.
:class:`SetupError` means this computer lacks something a command needs (a system library such as
Pango, an optional package): neither the input nor a bug, so it says what to install.
:class:`InternalError` means a bug in ``minutes`` or in its templates and profiles.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_QUOTED = 80
"""The most characters of the user's own text (a key, a name) that a message quotes."""


def clip(text: str, limit: int = MAX_QUOTED) -> str:
    """``text`` cut to ``limit`` characters, with ``…``: a message quotes the user's data only
    so far, however long the data (a key of 100,000 characters stays a line of the report)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


MAX_MESSAGE_CHARS = 600
"""The longest message or hint a :class:`Problem` keeps (and 200 characters of field path).
Messages quote the user's data only in short (``minutes.load.clip``); this is the last guard, so
that no input, however hostile, makes a report line of megabytes."""
MAX_FIELD_CHARS = 200


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is, which field, what is wrong and how to fix it."""

    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str | None = None  # dotted path, e.g. ``agenda[2].votes.for``
    hint: str | None = None

    def __post_init__(self) -> None:
        for name, limit in (
            ("message", MAX_MESSAGE_CHARS),
            ("hint", MAX_MESSAGE_CHARS),
            ("field", MAX_FIELD_CHARS),
        ):
            value = getattr(self, name)
            if value is not None and len(value) > limit:
                object.__setattr__(self, name, value[: limit - 1] + "…")

    def location(self) -> str:
        """``file:line:column``, with the parts that are known."""
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def as_dict(self) -> dict[str, str | int]:
        """The parts that are known, for JSON (the batch report, the HTTP API)."""
        return {
            key: value
            for key, value in (
                ("message", self.message),
                ("file", self.file),
                ("line", self.line),
                ("column", self.column),
                ("field", self.field),
                ("hint", self.hint),
            )
            if value is not None
        }

    def __str__(self) -> str:
        text = f"{self.location()}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class MinutesError(Exception):
    """Base class of every error ``minutes`` raises on purpose."""


class InputError(MinutesError, ValueError):
    """The input is wrong; the user can fix it. Carries one or more :class:`Problem`."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class FormattingError(InputError):
    """A value cannot be written the Vietnamese way (not a number, NaN, out of range …)."""


class TemplateDataError(InputError):
    """A ``{{ … }}`` expression in the data is invalid, unsafe, or names something unknown."""


class SetupError(MinutesError):
    """This computer lacks something the work needs: a system library (Pango, for the PDF) or an
    optional package (the ``web`` extra). The user, or whoever looks after the computer, can fix
    it by installing what :attr:`steps` say; it is not a mistake in the input and not a bug, so it
    is never reported as either (no "please report it", no ``file:line``).

    ``message`` says what cannot be done and why, ``steps`` how to fix it (one line each, commands
    as they are typed), ``docs`` where the instructions are written out in full.
    """

    def __init__(self, message: str, steps: tuple[str, ...] = (), docs: str | None = None) -> None:
        self.message = message
        self.steps = tuple(steps)
        self.docs = docs
        super().__init__("\n".join([message, *self.steps, *([docs] if docs else [])]))


class InternalError(MinutesError, RuntimeError):
    """A bug in ``minutes``, its templates or its profiles, not in the user's data."""
