"""The body of the minutes in the clerk's order: agenda items, their parts, sessions.

A real item is not always "content, figures, discussion, conclusion, votes": a chi bộ votes
before the chair concludes, a congress lists a vote and then a ballot. So an item holds a list of
*parts*, each a one-key mapping (``- text: …``, ``- vote: {…}``), printed in the order written.
The v1 fields of an item (``content``, ``figures``, ``discussion``, ``conclusion``, ``votes``)
stay as its short form and print first, in their v1 order.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BeforeValidator, Discriminator, Field, Tag, field_validator
from pydantic_core import PydanticCustomError

from minutes.model.people import People
from minutes.model.tables import Figure, Table
from minutes.model.text import Markdown, Strict, Text, one_or_many
from minutes.model.votes import Ballot, Election, Vote
from minutes.model.when import Moment, end_not_before_start


class TextPart(Strict):
    text: Markdown


class TablePart(Strict):
    table: Table


class DiscussionPart(Strict):
    discussion: Markdown
    label: Text | None = Field(default=None, min_length=1)


class ConclusionPart(Strict):
    conclusion: Markdown
    label: Text | None = Field(default=None, min_length=1)


class VotePart(Strict):
    vote: Vote


class BallotPart(Strict):
    ballot: Ballot


class ElectionPart(Strict):
    election: Election


PART_KINDS: dict[str, type[Strict]] = {
    "text": TextPart,
    "table": TablePart,
    "discussion": DiscussionPart,
    "conclusion": ConclusionPart,
    "vote": VotePart,
    "ballot": BallotPart,
    "election": ElectionPart,
}
"""Each kind of part, by the key that names it."""


def _kind_of(value: Any) -> str | None:
    """The kind of a part: the one key of :data:`PART_KINDS` its mapping holds."""
    if isinstance(value, Strict):
        return next(key for key, model in PART_KINDS.items() if isinstance(value, model))
    if not isinstance(value, dict):
        return None
    kinds = [key for key in value if key in PART_KINDS]
    return kinds[0] if len(kinds) == 1 else None


def _one_kind(value: Any) -> Any:
    """A part must name exactly one kind; say which are possible when it does not."""
    if isinstance(value, Strict):
        return value
    if not isinstance(value, dict):
        raise PydanticCustomError("part_type", "a part is a mapping")
    kinds = [key for key in value if key in PART_KINDS]
    if len(kinds) != 1:
        raise PydanticCustomError(
            "part_kind",
            "a part has one kind",
            {"kinds": ", ".join(PART_KINDS), "found": ", ".join(kinds) or "—"},
        )
    return value


Part = Annotated[
    Annotated[TextPart, Tag("text")]
    | Annotated[TablePart, Tag("table")]
    | Annotated[DiscussionPart, Tag("discussion")]
    | Annotated[ConclusionPart, Tag("conclusion")]
    | Annotated[VotePart, Tag("vote")]
    | Annotated[BallotPart, Tag("ballot")]
    | Annotated[ElectionPart, Tag("election")],
    Discriminator(_kind_of),
    BeforeValidator(_one_kind),
]
"""One part of an item, a session or the meeting."""


class AgendaItem(Strict):
    """One item of the agenda, in the order it was taken."""

    title: Text = Field(min_length=1)
    presenter: People = Field(default_factory=list)
    content: Markdown | None = None
    figures: list[Figure] = Field(default_factory=list)
    figures_caption: Text | None = None
    discussion: Markdown | None = None
    conclusion: Markdown | None = None
    votes: Annotated[list[Vote], BeforeValidator(one_or_many)] = Field(default_factory=list)
    parts: list[Part] = Field(default_factory=list)


class Session(Strict):
    """One session of a meeting held over several (phiên trù bị, phiên chính thức, day 2 …)."""

    title: Text = Field(min_length=1)
    start: Moment | None = None
    end: dt.datetime | dt.time | None = None
    location: Text | None = Field(default=None, min_length=1)
    chair: People = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    parts: list[Part] = Field(default_factory=list)

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, value: Any, info: Any) -> Any:
        return end_not_before_start(info.data.get("start"), value)
