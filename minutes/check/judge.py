"""Rules × what was found → results. The same for a PDF and a DOCX."""

from __future__ import annotations

from typing import Any

from minutes.check.measure import Found, Piece
from minutes.check.report import Result, Status
from minutes.check.rules import Rule
from minutes.i18n import _


def judge(rules: list[Rule], found: Found) -> list[Result]:
    """The result of every rule."""
    return [_judge(rule, found) for rule in rules]


def _judge(rule: Rule, found: Found) -> Result:
    measured = found.values.get(rule.id)
    if measured is not None:
        if measured.value is None:
            note = measured.note or _("could not be measured")
            return Result(rule, Status.NOT_CHECKED, note=note, where=measured.where)
        status = Status.PASS if rule.expect.check(measured.value) else Status.FAIL
        return Result(rule, status, measured.value, measured.where, measured.note)
    pieces = found.elements.get(rule.element)
    if not pieces:
        reason = found.missing.get(rule.element) or _("not found in the document")
        return Result(rule, Status.NOT_CHECKED, note=reason)
    if rule.aggregate == "most":
        return _most(rule, pieces)
    return _all(rule, pieces)


def _all(rule: Rule, pieces: list[Piece]) -> Result:
    """Every piece must pass; the first failing one is shown (with where it is)."""
    values = [(piece, piece.value(rule.prop)) for piece in pieces]
    known = [(piece, value) for piece, value in values if value is not None]
    if not known:
        return Result(rule, Status.NOT_CHECKED, note=_("could not be measured"))
    for piece, value in known:
        if not rule.expect.check(value):
            return Result(rule, Status.FAIL, value, piece.where)
    shown = known[0]
    return Result(rule, Status.PASS, shown[1], shown[0].where)


def _most(rule: Rule, pieces: list[Piece]) -> Result:
    """The value most of the text has (weighted by characters) must pass."""
    tally: dict[Any, int] = {}
    for piece in pieces:
        value = piece.value(rule.prop)
        if value is None:
            continue
        hashable = round(value, 1) if isinstance(value, float) else value
        tally[hashable] = tally.get(hashable, 0) + max(piece.chars, 1)
    if not tally:
        return Result(rule, Status.NOT_CHECKED, note=_("could not be measured"))
    value, weight = max(tally.items(), key=lambda item: item[1])
    share = weight / sum(tally.values())
    note = _("{percent}% of the text").format(percent=round(share * 100))
    status = Status.PASS if rule.expect.check(value) else Status.FAIL
    return Result(rule, status, value, where=note)
