"""The result of checking one file: one :class:`Result` per rule, in a :class:`Report`.

A rule passes, fails, or is *not checked* (the element was not found, or the value could not be
measured): a rule the checker could not check never counts as passed. Nothing here prints; the
CLI turns a report into a table or JSON, in the reader's language (:meth:`Result.row`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from minutes.check.rules import Rule
from minutes.i18n import N_, _
from minutes.profiles import Profile


class Status(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    NOT_CHECKED = "not-checked"

    @property
    def words(self) -> str:
        return _(STATUS_WORDS[self.value])


STATUS_WORDS = {"pass": N_("pass"), "fail": N_("fail"), "not-checked": N_("not checked")}


@dataclass(frozen=True)
class Result:
    """One rule, what was measured, and the verdict."""

    rule: Rule
    status: Status
    measured: Any = None
    where: str = ""
    note: str = ""

    def row(self, profile: Profile) -> dict[str, str]:
        """The result in words: rule, clause, expected, measured, status."""
        if self.status is Status.NOT_CHECKED:
            measured = self.note
        else:
            measured = self.rule.expect.show(self.measured)
            if self.where:
                measured += f" ({self.where})"
        return {
            "rule": self.rule.label(profile),
            "clause": self.rule.clause_reference,
            "expected": self.rule.expect.describe(),
            "measured": measured,
            "status": self.status.words,
        }

    def as_json(self, profile: Profile) -> dict[str, Any]:
        row = self.row(profile)
        return {
            "rule": self.rule.id,
            "element": self.rule.element,
            "property": self.rule.prop,
            "label": row["rule"],
            "clause": row["clause"],
            "source": self.rule.clause,
            "expected": row["expected"],
            "expected_value": self.rule.expect.as_json(),
            "measured": row["measured"],
            "measured_value": _plain(self.measured),
            "where": self.where,
            "note": self.note,
            "status": self.status.value,
        }


@dataclass(frozen=True)
class Report:
    """Every rule's result for one file."""

    file: str
    format: str
    profile: Profile
    profile_detected: bool
    pages: int
    results: tuple[Result, ...]

    @property
    def passed(self) -> bool:
        """No rule failed (rules not checked do not fail the file, and do not pass it either:
        they are listed)."""
        return not self.failures

    @property
    def failures(self) -> list[Result]:
        return [r for r in self.results if r.status is Status.FAIL]

    def counts(self) -> dict[str, int]:
        return {s.value: sum(1 for r in self.results if r.status is s) for s in Status}

    def result(self, rule_id: str) -> Result:
        """The result of the rule called ``rule_id`` (``page.margin-left``)."""
        for result in self.results:
            if result.rule.id == rule_id:
                return result
        raise KeyError(rule_id)

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "format": self.format,
            "profile": self.profile.id,
            "profile_version": self.profile.version,
            "profile_detected": self.profile_detected,
            "pages": self.pages,
            "passed": self.passed,
            "counts": self.counts(),
            "results": [r.as_json(self.profile) for r in self.results],
        }


def _plain(value: Any) -> Any:
    """A measured value as JSON can hold it."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 3)
    return value
