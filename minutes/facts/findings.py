"""A fact that does not add up, found while working out the numbers of a meeting.

The checks of :mod:`minutes.facts` report what is wrong *and what to write to fix it*, at the
field it is about, so the loader can give the line of the file. They run only where the numbers
are known: a count the clerk did not give is never assumed to be 0.
"""

from __future__ import annotations

from dataclasses import dataclass

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """A number that does not agree with another: where, what, and how to fix it."""

    path: Path_
    message: str
    hint: str


class Findings(list[Finding]):
    """The findings of one meeting, in the order found."""

    def add(self, path: Path_, message: str, hint: str) -> None:
        self.append(Finding(path, message, hint))
