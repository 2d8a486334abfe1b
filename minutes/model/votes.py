"""How a meeting decided: shows of hands, secret ballots, elections.

Only what the clerk writes is kept: a count left out is unknown (``None``), never 0, so the
minutes never print a result nobody gave. The arithmetic between the counts is checked in
:mod:`minutes.facts`, where the base of each vote is known.
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from minutes.model.text import Count, Decimals, Strict, Text

ShareOf = Literal["valid", "returned", "issued"] | Count
"""What a share is counted on: the valid ballots (the default), those returned, those issued,
or a number the clerk gives."""


class VoteLabels(Strict):
    """Other words for the three answers (``nhất trí``; ``không có ý kiến`` in a company)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    for_: Text | None = Field(default=None, alias="for", min_length=1)
    against: Text | None = Field(default=None, min_length=1)
    abstain: Text | None = Field(default=None, min_length=1)
    invalid: Text | None = Field(default=None, min_length=1)


class Vote(Strict):
    """A show of hands on one question. ``for`` is a Python keyword, hence the alias."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    question: Text = Field(min_length=1)
    for_: Count = Field(alias="for")
    against: Count | None = None
    abstain: Count | None = None
    invalid: Count | None = None
    """Votes that count for nothing (an AGM's invalid ballots or cards)."""
    base: Count | None = None
    """Who may vote; by default the members' ``voters``, else those present."""
    base_label: Text | None = Field(default=None, min_length=1)
    unit: Text | None = Field(default=None, min_length=1)
    share_of: Count | None = Field(default=None, ge=1)
    """The whole the shares are of, when not the base (a People's Council: all its delegates)."""
    share_label: Text | None = Field(default=None, min_length=1)
    """What that whole is, printed after each share (``tổng số đại biểu``)."""
    decimals: Decimals | None = None
    labels: VoteLabels | None = None


class BallotOption(Strict):
    """One answer of a secret ballot and the ballots it got."""

    label: Text = Field(min_length=1)
    votes: Count


class Ballot(Strict):
    """A secret ballot on one question (phiếu kín)."""

    question: Text = Field(min_length=1)
    issued: Count | None = None
    returned: Count | None = None
    valid: Count | None = None
    invalid: Count | None = None
    options: list[BallotOption] = Field(default_factory=list)
    share_of: ShareOf = "valid"
    share_label: Text | None = Field(default=None, min_length=1)
    decimals: Decimals | None = None
    unit: Text | None = Field(default=None, min_length=1)


class ElectionLabels(Strict):
    """Other words for the outcome (``Được đề nghị``, ``Không được đề nghị``)."""

    elected: Text | None = Field(default=None, min_length=1)
    not_elected: Text | None = Field(default=None, min_length=1)


class Candidate(Strict):
    """A candidate of an election, the ballots for them and, if the clerk says, the outcome."""

    name: Text = Field(min_length=1)
    position: Text | None = Field(default=None, min_length=1)
    """The candidate's post or unit, printed in a column of its own."""
    votes: Count
    elected: bool | None = None
    outcome: Text | None = Field(default=None, min_length=1)
    """The outcome in the clerk's words (``Trúng cử đại biểu dự khuyết``)."""


class Election(Strict):
    """An election by secret ballot: the ballots, then the candidates."""

    title: Text = Field(min_length=1)
    seats: Count | None = None
    issued: Count | None = None
    returned: Count | None = None
    valid: Count | None = None
    invalid: Count | None = None
    candidates: list[Candidate] = Field(min_length=1)
    share_of: ShareOf = "valid"
    share_label: Text | None = Field(default=None, min_length=1)
    decimals: Decimals | None = None
    order: Literal["result", "written"] = "result"
    cumulative: bool = False
    """Cumulative voting (a company): a ballot may give all its votes to one candidate."""
    unit: Text | None = Field(default=None, min_length=1)
    """What the votes are counted in (``phiếu``, ``cổ phần``)."""
    labels: ElectionLabels | None = None
