"""Who was there, in numbers: what the file says, what follows from it, and nothing more.

A count is known when the clerk wrote it, or when it follows by plain arithmetic from what was
written: those present, from a list of attendees in which every line is a named person or a group
line with its count (the chair added when not listed, unless ``include_chair: false``); the
absent, from the absentees listed the same way, or from ``excused + unexcused``. A list that
holds a group line without a count gives no number: "Các đồng chí Ủy viên Ban Chấp hành" could be
any number of people, and the minutes print no number rather than a wrong one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from minutes.facts.findings import Findings
from minutes.formatting import format_number, format_share
from minutes.i18n import _
from minutes.model import Minutes, Person
from minutes.model.people import Represented


@dataclass(frozen=True)
class Category:
    """One kind of member and its counts (``None``: not given)."""

    label: str
    total: int | None
    present: int | None


@dataclass(frozen=True)
class Attendance:
    """The counts of the members, each ``None`` when it is not known."""

    label: str | None
    unit: str
    total: int | None
    categories: tuple[Category, ...]
    exempt: int | None
    exempt_label: str
    present: int | None
    absent: int | None
    excused: int | None
    unexcused: int | None
    voters: int | None
    voters_label: str | None
    represented: Represented | None = None

    @property
    def expected(self) -> int | None:
        """The ``y`` of ``có mặt x/y``: the total, when it is a plain total (no exempt members,
        no categories); without a total, those present plus those absent."""
        if self.categories or self.exempt is not None:
            return None
        if self.total is not None:
            return self.total
        if self.present is not None and self.absent is not None:
            return self.present + self.absent
        return None

    def count(self, number: int) -> str:
        """``21 đồng chí``."""
        return f"{format_number(number)} {self.unit}"

    def summary(self) -> str:
        """What is known of the members, as a clause: ``tổng số 27 đồng chí (chính thức 25, dự bị
        2); miễn sinh hoạt 3 đồng chí; có mặt 21 đồng chí (chính thức 19, dự bị 2)``, or
        ``có mặt 15/17 đồng chí``; empty when nothing is known."""
        clauses: list[str] = []
        if self.total is not None and self.expected is None:
            clauses.append(f"tổng số {self.count(self.total)}{self._by_category('total')}")
        if self.exempt is not None:
            clauses.append(f"{self.exempt_label} {self.count(self.exempt)}")
        if self.present is not None:
            expected = self.expected
            if expected is not None:
                shown = f"{format_number(self.present)}/{format_number(expected)} {self.unit}"
            else:
                shown = self.count(self.present)
            clauses.append(f"có mặt {shown}{self._by_category('present')}")
            if self.represented is not None:
                clauses[-1] += f", {self._represented(self.represented)}"
        return "; ".join(clauses)

    @staticmethod
    def _represented(held: Represented) -> str:
        """``đại diện cho 1.615.500/2.021.900 cổ phần có quyền biểu quyết (79,9%)``."""
        shown = format_number(held.present)
        if held.total is not None:
            shown += f"/{format_number(held.total)}"
        shown += f" {held.unit}" + (f" {held.label}" if held.label else "")
        if held.total:
            shown += f" ({format_share(held.present, held.total)})"
        return f"đại diện cho {shown}"

    def absent_summary(self) -> str:
        """The absent, as a clause: ``3 đồng chí (có lý do: 2, không có lý do: 1)``; empty when
        their number is not known."""
        if self.absent is None:
            return ""
        reasons = []
        if self.excused is not None:
            reasons.append(f"có lý do: {format_number(self.excused)}")
        if self.unexcused is not None:
            reasons.append(f"không có lý do: {format_number(self.unexcused)}")
        detail = f" ({', '.join(reasons)})" if reasons else ""
        return f"{self.count(self.absent)}{detail}"

    def _by_category(self, which: str) -> str:
        parts = [
            f"{category.label} {format_number(value)}"
            for category in self.categories
            if (value := getattr(category, which)) is not None
        ]
        return f" ({', '.join(parts)})" if parts else ""


def attendance(minutes: Minutes, unit: str, exempt_label: str, findings: Findings) -> Attendance:
    """The attendance of ``minutes`` (``unit``, ``exempt_label``: the profile's words, used when
    the file gives none), with every count that does not add up reported to ``findings``."""
    given = minutes.counted
    present = given.present
    if present is None:
        present = _present_from_list(minutes)
    absent = given.absent
    if absent is None and given.excused is not None and given.unexcused is not None:
        absent = given.excused + given.unexcused
    if absent is None:
        absent = _counted(minutes.absent)
    result = Attendance(
        label=given.label,
        unit=given.unit or unit,
        total=given.total,
        categories=tuple(Category(c.label, c.total, c.present) for c in given.categories),
        exempt=given.exempt,
        exempt_label=given.exempt_label or exempt_label,
        present=present,
        absent=absent,
        excused=given.excused,
        unexcused=given.unexcused,
        voters=given.voters,
        voters_label=given.voters_label,
        represented=given.represented,
    )
    _check(minutes, result, findings)
    return result


def _same(a: Person, b: Person) -> bool:
    return a.name is not None and b.name is not None and a.name.casefold() == b.name.casefold()


def _counted(people: Sequence[Person]) -> int | None:
    """How many ``people`` stand for: the named ones plus the counts of the group lines; ``None``
    for an empty list or a group line without a count."""
    if not people or any(p.is_group and p.count is None for p in people):
        return None
    return sum((p.count or 0) if p.is_group else 1 for p in people)


def _present_from_list(minutes: Minutes) -> int | None:
    listed = minutes.attendees
    count = _counted(listed)
    if count is None:
        return None
    given = minutes.counted
    extra: list[Person] = []
    if given.include_chair:
        extra += list(minutes.chair)
    if given.include_secretary:
        extra += list(minutes.secretary)
    for person in extra:
        if person.is_group:
            return None  # a chair written as a group line: how many is not known
        if not any(_same(person, other) for other in listed + extra[: extra.index(person)]):
            count += 1
    return count


def _check(minutes: Minutes, facts: Attendance, findings: Findings) -> None:
    given = minutes.counted
    if minutes.members is not None:
        where: tuple[str, ...] = ("members",)
    else:
        where = ("members_total",) if minutes.members_total is not None else ("members_present",)
    total, present, absent, exempt = facts.total, facts.present, facts.absent, facts.exempt
    if total is not None and present is not None and present > total:
        findings.add(
            where,
            _("{present} present is more than the total of {total}.").format(
                present=present, total=total
            ),
            _("check `members.present` (or `members_present`) and `members.total`"),
        )
    elif total is not None and present is not None and absent is not None:
        counted = present + absent + (exempt or 0)
        explicit = given.absent is not None or given.excused is not None
        if counted > total or (explicit and exempt is not None and counted != total):
            findings.add(
                where,
                _(
                    "{present} present + {absent} absent{exempt} = {counted}, but the total is "
                    "{total}."
                ).format(
                    present=present,
                    absent=absent,
                    exempt=_(" + {exempt} exempt").format(exempt=exempt)
                    if exempt is not None
                    else "",
                    counted=counted,
                    total=total,
                ),
                _(
                    "correct the counts; members who need not attend (miễn sinh hoạt) go in "
                    "`members.exempt`"
                ),
            )
    _check_categories(facts, findings)
    _check_absent(minutes, facts, findings)
    held = facts.represented
    if held is not None and held.total is not None and held.present > held.total:
        findings.add(
            ("members", "represented", "present"),
            _("{present} {unit} present is more than the total of {total}.").format(
                present=held.present, unit=held.unit, total=held.total
            ),
            _("check `members.represented`"),
        )
    if facts.voters is not None and present is not None and facts.voters > present:
        findings.add(
            ("members", "voters"),
            _("{voters} may vote, but only {present} are present.").format(
                voters=facts.voters, present=present
            ),
            _("`members.voters` counts those present who may vote"),
        )


def _check_categories(facts: Attendance, findings: Findings) -> None:
    for which, known in (("total", facts.total), ("present", facts.present)):
        values = [getattr(category, which) for category in facts.categories]
        if known is None or not values or any(value is None for value in values):
            continue
        if sum(values) != known:
            findings.add(
                ("members", "categories"),
                _("The categories add up to {sum}, but `members.{which}` is {known}.").format(
                    sum=sum(values), which=which, known=known
                ),
                _("each member belongs to one category: correct the counts"),
            )
    for index, category in enumerate(facts.categories):
        total, present = category.total, category.present
        if total is not None and present is not None and present > total:
            findings.add(
                ("members", "categories", index),
                _("{label}: {present} present of {total}.").format(
                    label=category.label, present=present, total=total
                ),
                _("`present` of a category cannot be more than its `total`"),
            )


def _check_absent(minutes: Minutes, facts: Attendance, findings: Findings) -> None:
    given = minutes.counted
    absent, excused, unexcused = given.absent, given.excused, given.unexcused
    known = absent is not None and excused is not None and unexcused is not None
    if known and excused + unexcused != absent:  # type: ignore[operator]
        findings.add(
            ("members", "absent"),
            _("{excused} with a reason + {unexcused} without = {sum}, not {absent}.").format(
                excused=excused,
                unexcused=unexcused,
                sum=excused + unexcused,  # type: ignore[operator]
                absent=absent,
            ),
            _("`members.excused + members.unexcused` must be `members.absent`"),
        )
    listed = _counted(minutes.absent)
    if given.absent is not None and listed is not None and listed > given.absent:
        findings.add(
            ("absent",),
            _("{listed} absent are listed, but `members.absent` is {absent}.").format(
                listed=listed, absent=given.absent
            ),
            _("correct `members.absent`, or the list"),
        )
