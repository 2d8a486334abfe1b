"""The meeting, as validated data (pydantic). No I/O here: :mod:`minutes.load` reads files.

One module per kind of thing a meeting file holds: values (:mod:`.text`), times (:mod:`.when`),
people and counts (:mod:`.people`), votes, ballots and elections (:mod:`.votes`), tables
(:mod:`.tables`), the body's items, parts and sessions (:mod:`.parts`), and the whole meeting
(:mod:`.meeting`). ``extra="forbid"`` everywhere: a typo (``secetary``) must fail loudly rather
than vanish from the minutes.
"""

from __future__ import annotations

from minutes.model.meeting import Appendix, Minutes, Organization, ProfileName, Signer
from minutes.model.parts import (
    PART_KINDS,
    AgendaItem,
    BallotPart,
    ConclusionPart,
    DiscussionPart,
    ElectionPart,
    Part,
    Session,
    TablePart,
    TextPart,
    VotePart,
)
from minutes.model.people import AbsentPerson, MemberCategory, Members, Person
from minutes.model.tables import BLANK_CELLS, Column, Figure, Table
from minutes.model.text import clean_text
from minutes.model.votes import Ballot, BallotOption, Candidate, Election, Vote, VoteLabels
from minutes.model.when import as_datetime

__all__ = [
    "BLANK_CELLS",
    "PART_KINDS",
    "AbsentPerson",
    "AgendaItem",
    "Appendix",
    "Ballot",
    "BallotOption",
    "BallotPart",
    "Candidate",
    "Column",
    "ConclusionPart",
    "DiscussionPart",
    "Election",
    "ElectionPart",
    "Figure",
    "MemberCategory",
    "Members",
    "Minutes",
    "Organization",
    "Part",
    "Person",
    "ProfileName",
    "Session",
    "Signer",
    "Table",
    "TablePart",
    "TextPart",
    "Vote",
    "VoteLabels",
    "VotePart",
    "as_datetime",
    "clean_text",
]
