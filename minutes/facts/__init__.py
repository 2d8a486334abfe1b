"""Every number the minutes derive, worked out once, and the checks that they add up.

The template prints; it does not count. Attendance, the base and the shares of each vote, the
ballots and the order of an election's result are computed here from the validated meeting, so
the PDF, the DOCX, ``minutes validate`` and the web form's checks agree on them. Each vote,
ballot and election is found by its path in the file (``agenda[2].parts[3].vote``), so a
:class:`~minutes.facts.findings.Finding` can name its line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel

from minutes.facts.attendance import Attendance, attendance
from minutes.facts.findings import Finding, Findings, Path_
from minutes.facts.votes import (
    BallotFacts,
    ElectionFacts,
    VoteFacts,
    ballot_facts,
    election_facts,
    vote_facts,
)
from minutes.model import Ballot, Election, Minutes, Vote

__all__ = [
    "Attendance",
    "BallotFacts",
    "ElectionFacts",
    "Facts",
    "Finding",
    "VoteFacts",
    "derive",
    "findings_of",
]

PartFacts = VoteFacts | BallotFacts | ElectionFacts


@dataclass(frozen=True)
class Facts:
    """What the minutes print that the file does not say in so many words."""

    attendance: Attendance
    parts: dict[Path_, PartFacts] = field(default_factory=dict)
    """The facts of each vote, ballot and election, by its path in the file."""
    findings: tuple[Finding, ...] = ()


def derive(minutes: Minutes, unit: str = "", exempt_label: str = "") -> Facts:
    """The facts of ``minutes``; ``unit`` and ``exempt_label`` are the profile's words for a
    member (``đồng chí``, ``người``) and for members who need not attend."""
    findings = Findings()
    present = attendance(minutes, unit, exempt_label, findings)
    parts: dict[Path_, PartFacts] = {}
    for path, node in _decisions(minutes, ()):
        if isinstance(node, Vote):
            parts[path] = vote_facts(node, path, present, findings)
        elif isinstance(node, Ballot):
            parts[path] = ballot_facts(node, path, findings)
        else:
            parts[path] = election_facts(node, path, findings)
    return Facts(present, parts, tuple(findings))


def findings_of(minutes: Minutes) -> tuple[Finding, ...]:
    """The numbers of ``minutes`` that do not add up (see :func:`derive`)."""
    return derive(minutes).findings


def _decisions(node: BaseModel, path: Path_) -> Iterator[tuple[Path_, Vote | Ballot | Election]]:
    """Every vote, ballot and election in ``node``, with its path, in the order of the file."""
    for name in type(node).model_fields:
        value = getattr(node, name)
        key = "for" if name == "for_" else name
        if isinstance(value, (Vote, Ballot, Election)):
            yield (*path, key), value
        elif isinstance(value, BaseModel):
            yield from _decisions(value, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, (Vote, Ballot, Election)):
                    yield (*path, key, index), item
                elif isinstance(item, BaseModel):
                    yield from _decisions(item, (*path, key, index))
