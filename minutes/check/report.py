"""The result of checking one file: one :class:`Result` per rule, in a :class:`Report`.

A rule of the official text passes (*đạt*), fails (*không đạt*), or is *not checked* (*chưa
kiểm tra*: the element was not found, the value could not be measured, or the clause leaves it
open); house advice that is not followed is *lưu ý*, shown and counted apart. A rule the checker
could not check never counts as passed. Nothing here prints; the CLI turns a report into a table
or JSON, in the reader's language (:meth:`Result.row`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from minutes.check.rules import Rule
from minutes.i18n import N_, _
from minutes.profiles import Profile


class Status(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    ADVICE = "advice"
    NOT_CHECKED = "not-checked"

    @property
    def words(self) -> str:
        return _(STATUS_WORDS[self.value])


STATUS_WORDS = {
    "pass": N_("pass"),
    "fail": N_("fail"),
    "advice": N_("advice"),
    "not-checked": N_("not checked"),
}


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
        if self.status is Status.NOT_CHECKED and self.measured is None:
            measured = self.note
        else:
            measured = self.rule.expect.show(self.measured)
            if self.where:
                measured += f" ({self.where})"
            if self.note:
                measured += f"; {self.note}"
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
            "level": self.rule.level,
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
class Choice:
    """Which profile a document was measured against, and why."""

    profile: Profile
    detected: bool
    heading: str | None = None
    """The heading the profile was told from (``None``: named by the caller)."""
    date: str | None = None
    """The document's date as the report shows it (``07/3/2018``)."""
    dated_by: str | None = None
    """Where the date was read: ``place-date`` or ``text``."""
    notes: tuple[str, ...] = field(default_factory=tuple)

    def reason(self) -> str:
        """Why this profile, in a sentence."""
        if self.heading is not None:
            parts = [_("told from the heading “{heading}”").format(heading=self.heading)]
        else:
            parts = [_("named by the user")]
        if self.date is not None:
            where = _("its place and date line") if self.dated_by == "place-date" else _("its text")
            parts.append(_("dated {date} ({where})").format(date=self.date, where=where))
        else:
            parts.append(_("its date was not found"))
        parts.extend(self.notes)
        return "; ".join(parts)

    def as_json(self) -> dict[str, Any]:
        return {
            "profile": self.profile.id,
            "version": self.profile.version,
            "name": self.profile.name,
            "detected": self.detected,
            "heading": self.heading,
            "date": self.date,
            "dated_by": self.dated_by,
            "reason": self.reason(),
        }


@dataclass(frozen=True)
class Report:
    """Every rule's result for one file."""

    file: str
    format: str
    choice: Choice
    pages: int
    results: tuple[Result, ...]

    @property
    def profile(self) -> Profile:
        return self.choice.profile

    @property
    def profile_detected(self) -> bool:
        return self.choice.detected

    @property
    def passed(self) -> bool:
        """No rule failed (rules not checked do not fail the file, and do not pass it either:
        they are listed; advice does not fail it)."""
        return not self.failures

    def passed_strictly(self) -> bool:
        """No rule failed and every piece of advice is followed."""
        return self.passed and not self.advice

    @property
    def failures(self) -> list[Result]:
        return [r for r in self.results if r.status is Status.FAIL]

    @property
    def advice(self) -> list[Result]:
        return [r for r in self.results if r.status is Status.ADVICE]

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
            "measured_against": self.choice.as_json(),
            "pages": self.pages,
            "passed": self.passed,
            "counts": self.counts(),
            "results": [r.as_json(self.profile) for r in self.results],
        }


def _plain(value: Any) -> Any:
    """A measured value as JSON can hold it."""
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 3)
    return value
