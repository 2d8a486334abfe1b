"""The numbers of a vote, a secret ballot or an election, on the base the meeting gives.

Who may vote is not always everyone present: in a chi bộ only full members vote, a People's
Council counts its delegates, a company its shares. The base of a show of hands is, in this
order, the vote's own ``base``, the members' ``voters``, those present; a ballot's or an
election's shares are of the valid ballots unless ``share_of`` says otherwise. A share is written
by :func:`~minutes.formatting.format_share` (never 100% for less than the whole).
"""

from __future__ import annotations

from dataclasses import dataclass

from minutes.facts.attendance import Attendance
from minutes.facts.findings import Findings, Path_
from minutes.formatting import format_number, format_share
from minutes.i18n import _
from minutes.model import Ballot, Election, Vote

DEFAULT_DECIMALS = 1
"""Decimals of a percentage when the clerk asks for none."""


@dataclass(frozen=True)
class Count:
    """One count as printed: the number and, when the base is known, its share."""

    number: str
    share: str | None


@dataclass(frozen=True)
class VoteFacts:
    """A show of hands: each answer's count (``None`` for an answer not given) on its base."""

    base: str | None
    base_label: str | None
    unit: str
    for_: Count
    against: Count | None
    abstain: Count | None
    invalid: Count | None
    share_label: str | None


def _count(value: int, base: int | None, decimals: int | None) -> Count:
    share = None
    if base:
        share = format_share(value, base, DEFAULT_DECIMALS if decimals is None else decimals)
    return Count(format_number(value), share)


def vote_facts(vote: Vote, path: Path_, attendance: Attendance, findings: Findings) -> VoteFacts:
    """The printed numbers of ``vote``; sums that do not add up go to ``findings``."""
    base, label, origin = vote.base, vote.base_label, "base"
    if base is None and attendance.voters is not None:
        base, label, origin = attendance.voters, label or attendance.voters_label, "voters"
    elif base is None:
        base, origin = attendance.present, "present"
    _check_vote(vote, path, base, origin, findings)
    decimals = vote.decimals
    whole = vote.share_of if vote.share_of is not None else base

    def maybe(value: int | None) -> Count | None:
        return None if value is None else _count(value, whole, decimals)

    return VoteFacts(
        base=format_number(base) if base is not None else None,
        base_label=label,
        unit=vote.unit or attendance.unit,
        for_=_count(vote.for_, whole, decimals),
        against=maybe(vote.against),
        abstain=maybe(vote.abstain),
        invalid=maybe(vote.invalid),
        share_label=vote.share_label,
    )


def _check_vote(vote: Vote, path: Path_, base: int | None, origin: str, findings: Findings) -> None:
    if base is None:
        return
    named = {"base": "`base`", "voters": "`members.voters`", "present": _("those present")}[origin]
    counts = [("for", vote.for_), ("against", vote.against), ("abstain", vote.abstain)]
    if vote.invalid is not None:
        counts.append(("invalid", vote.invalid))
    for key, value in counts:
        if value is not None and value > base:
            findings.add(
                (*path, key),
                _("{value} votes, but the base is {base} ({named}).").format(
                    value=value, base=base, named=named
                ),
                _hint(origin),
            )
            return
    given = [value for _key, value in counts if value is not None]
    cast = sum(given)
    answers = 4 if vote.invalid is not None else 3
    if cast > base or (len(given) == answers and cast != base):
        findings.add(
            path,
            _("{counts} = {cast}, but the base is {base} ({named}).").format(
                counts=" + ".join(str(value) for value in given),
                cast=cast,
                base=base,
                named=named,
            ),
            _hint(origin),
        )


def _hint(origin: str) -> str:
    if origin == "present":
        return _(
            "if only some of those present may vote (e.g. full members), write "
            "`members.voters` or the vote's `base`; otherwise correct the counts"
        )
    return _("correct the counts, or the vote's `base`")


@dataclass(frozen=True)
class BallotCounts:
    """The ballots of a secret ballot or an election, as printed (``None``: not given)."""

    issued: str | None
    returned: str | None
    valid: str | None
    invalid: str | None


@dataclass(frozen=True)
class BallotFacts:
    ballots: BallotCounts
    unit: str
    options: tuple[Count, ...]
    share_label: str | None


@dataclass(frozen=True)
class CandidateFacts:
    index: int
    """The candidate's place in the file (the result may be printed in another order)."""
    votes: Count


@dataclass(frozen=True)
class ElectionFacts:
    ballots: BallotCounts
    seats: str | None
    candidates: tuple[CandidateFacts, ...]
    """In the order printed: the result's (most votes first) or as written."""
    shows_outcome: bool
    shows_position: bool
    unit: str
    share_label: str | None


def _number(value: int | None) -> str | None:
    return None if value is None else format_number(value)


def _ballot_counts(ballot: Ballot | Election) -> BallotCounts:
    return BallotCounts(
        _number(ballot.issued),
        _number(ballot.returned),
        _number(ballot.valid),
        _number(ballot.invalid),
    )


def _share_base(ballot: Ballot | Election) -> int | None:
    if isinstance(ballot.share_of, int):
        return ballot.share_of
    return {"valid": ballot.valid, "returned": ballot.returned, "issued": ballot.issued}[
        ballot.share_of
    ]


def _check_ballots(ballot: Ballot | Election, path: Path_, findings: Findings) -> None:
    issued, returned, valid, invalid = ballot.issued, ballot.returned, ballot.valid, ballot.invalid
    if issued is not None and returned is not None and returned > issued:
        findings.add(
            (*path, "returned"),
            _("{returned} ballots returned, but only {issued} issued.").format(
                returned=returned, issued=issued
            ),
            _("check `issued` and `returned`"),
        )
    if returned is not None and valid is not None and invalid is not None:
        if valid + invalid != returned:
            findings.add(
                path,
                _(
                    "{valid} valid + {invalid} invalid = {sum}, but {returned} were returned."
                ).format(valid=valid, invalid=invalid, sum=valid + invalid, returned=returned),
                _("valid and invalid ballots together are the ballots returned"),
            )
    elif returned is not None and valid is not None and valid > returned:
        findings.add(
            (*path, "valid"),
            _("{valid} valid ballots, but only {returned} returned.").format(
                valid=valid, returned=returned
            ),
            _("check `valid` and `returned`"),
        )


def ballot_facts(ballot: Ballot, path: Path_, findings: Findings) -> BallotFacts:
    """The printed numbers of a secret ballot; counts that do not add up go to ``findings``."""
    _check_ballots(ballot, path, findings)
    base = _share_base(ballot)
    limit = ballot.valid if ballot.valid is not None else ballot.returned
    if limit is not None:
        cast = sum(option.votes for option in ballot.options)
        if cast > limit:
            findings.add(
                (*path, "options"),
                _("The options have {cast} ballots, more than the {limit} counted.").format(
                    cast=cast, limit=limit
                ),
                _("each valid ballot counts for one option at most"),
            )
    return BallotFacts(
        ballots=_ballot_counts(ballot),
        unit=ballot.unit or "phiếu",
        options=tuple(_count(o.votes, base, ballot.decimals) for o in ballot.options),
        share_label=ballot.share_label,
    )


def election_facts(election: Election, path: Path_, findings: Findings) -> ElectionFacts:
    """The printed numbers of an election, candidates in the order of the result."""
    _check_ballots(election, path, findings)
    limit = election.valid if election.valid is not None else election.returned
    if election.cumulative:  # each ballot's votes may all go to one candidate
        limit = limit * election.seats if limit is not None and election.seats else None
    for index, candidate in enumerate(election.candidates):
        if limit is not None and candidate.votes > limit:
            findings.add(
                (*path, "candidates", index, "votes"),
                _("{name}: {votes} votes, more than the {limit} ballots counted.").format(
                    name=candidate.name, votes=candidate.votes, limit=limit
                ),
                _("check the votes and `valid`"),
            )
    cast = sum(candidate.votes for candidate in election.candidates)
    counted = election.valid if election.valid is not None else election.returned
    most = counted * election.seats if counted is not None and election.seats else None
    if most is not None and not election.cumulative and cast > most:
        findings.add(
            (*path, "candidates"),
            _(
                "The candidates have {cast} votes, more than {counted} ballots × {seats} "
                "seats = {most}."
            ).format(cast=cast, counted=counted, seats=election.seats, most=most),
            _("each ballot votes for at most `seats` candidates: check the votes"),
        )
    elected = sum(1 for candidate in election.candidates if candidate.elected)
    if election.seats is not None and elected > election.seats:
        findings.add(
            (*path, "seats"),
            _("{elected} are marked elected, but there are {seats} seats.").format(
                elected=elected, seats=election.seats
            ),
            _("check `elected` and `seats`"),
        )
    base = _share_base(election)
    order = list(enumerate(election.candidates))
    if election.order == "result":
        order.sort(key=lambda pair: -pair[1].votes)  # stable: ties keep the file's order
    return ElectionFacts(
        ballots=_ballot_counts(election),
        seats=_number(election.seats),
        candidates=tuple(
            CandidateFacts(index, _count(candidate.votes, base, election.decimals))
            for index, candidate in order
        ),
        shows_outcome=any(
            candidate.elected is not None or candidate.outcome is not None
            for candidate in election.candidates
        ),
        shows_position=any(candidate.position for candidate in election.candidates),
        unit=election.unit or "phiếu",
        share_label=election.share_label,
    )
