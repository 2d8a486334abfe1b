"""Rules × measurements → results. The same for every file: the judge knows nothing of the
format, only what was measured (:mod:`minutes.check.measure`) and what the rules allow."""

from __future__ import annotations

from collections import Counter

from minutes.check.measure import Measured, Measurements, Sample
from minutes.check.report import Result, Status
from minutes.check.rules import ADVICE, Rule
from minutes.i18n import _


def judge(rules: list[Rule], measured: Measurements) -> list[Result]:
    """The result of every rule."""
    return [_judge(rule, measured) for rule in rules]


def _missed(rule: Rule) -> Status:
    """What a value outside the rule is: a failure, or advice for a rule of the house."""
    return Status.ADVICE if rule.level == ADVICE else Status.FAIL


def _judge(rule: Rule, measured: Measurements) -> Result:
    if not rule.expect.judged:
        return Result(rule, Status.NOT_CHECKED, note=_("the clause leaves it open"))
    value = measured.values.get(rule.id)
    if value is not None:
        return _one(rule, value)
    samples = measured.samples.get(rule.element)
    if not samples:
        reason = measured.missing.get(rule.element) or _("not found in the document")
        return Result(rule, Status.NOT_CHECKED, note=reason)
    if rule.aggregate == "most":
        return _most(rule, samples)
    return _all(rule, samples)


def _one(rule: Rule, measured: Measured) -> Result:
    if measured.value is None:
        note = measured.note or _("could not be measured")
        return Result(rule, Status.NOT_CHECKED, note=note, where=measured.where)
    if measured.bound == "upper":  # the true value is at most this: only "too low" is certain
        if rule.expect.too_low(measured.value):
            return Result(rule, _missed(rule), measured.value, measured.where)
        if not rule.expect.check(measured.value):
            note = measured.note or _("could not be measured")
            return Result(rule, Status.NOT_CHECKED, measured.value, measured.where, note)
    status = Status.PASS if rule.expect.check(measured.value) else _missed(rule)
    return Result(rule, status, measured.value, measured.where)


def _all(rule: Rule, samples: list[Sample]) -> Result:
    """Every instance must pass; the first failing one is shown (with where it is)."""
    known = [(s, s.value(rule.prop)) for s in samples if s.value(rule.prop) is not None]
    if not known:
        return Result(rule, Status.NOT_CHECKED, note=_("could not be measured"))
    for sample, value in known:
        if not rule.expect.check(value):
            return Result(rule, _missed(rule), value, sample.where)
    sample, value = known[0]
    return Result(rule, Status.PASS, value, sample.where)


def _most(rule: Rule, samples: list[Sample]) -> Result:
    """The value most of the text has (weighted by characters) must pass."""
    tally: Counter[object] = Counter()
    for sample in samples:
        value = sample.value(rule.prop)
        if value is not None:
            tally[round(value, 1) if isinstance(value, float) else value] += max(sample.chars, 1)
    if not tally:
        return Result(rule, Status.NOT_CHECKED, note=_("could not be measured"))
    value, weight = tally.most_common(1)[0]
    share = _("{percent}% of the text").format(percent=round(100 * weight / sum(tally.values())))
    status = Status.PASS if rule.expect.check(value) else _missed(rule)
    return Result(rule, status, value, where=share)
