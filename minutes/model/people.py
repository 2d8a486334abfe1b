"""Who was there: people, group lines, and the counts of the members.

Clerks write attendance three ways, often in one document: named people (``{name, position}``),
group lines (``Các đồng chí Ủy viên Ban Chấp hành``, perhaps with how many they stand for), and
counts by category (``tổng số 27, chính thức 25, dự bị 2; có mặt 21``). The model keeps each as
written; :mod:`minutes.facts` works out what is known from it, and nothing else.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from minutes.model.text import Count, Strict, Text, one_or_many


class Person(Strict):
    """A person, ``{name, position}``; or, written as a plain string, a group line."""

    name: Text | None = Field(default=None, min_length=1)
    position: Text | None = None
    honorific: Text | None = None
    """``Ông``, ``Bà``…; the profile's own (``đồng chí``) when not given; ``""`` for none."""
    line: Text | None = Field(default=None, min_length=1)
    count: Count | None = None
    """How many people a group line stands for, when the clerk knows."""

    @model_validator(mode="before")
    @classmethod
    def _group_line(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"line": value}
        return value

    @model_validator(mode="after")
    def _name_or_line(self) -> Person:
        if self.name is None and self.line is None:
            raise PydanticCustomError("missing_name", "a person needs a name")
        if self.count is not None and self.line is None:
            raise PydanticCustomError("count_without_line", "count belongs to a group line")
        return self

    @property
    def is_group(self) -> bool:
        """A group line ("Lãnh đạo các sở, ban, ngành liên quan") names no single person."""
        return self.line is not None


class AbsentPerson(Person):
    """An absent member, with the reason if one was given."""

    reason: Text | None = None
    excused: bool | None = None
    """``false``: absent without a reason (vắng không có lý do)."""


People = Annotated[list[Person], BeforeValidator(one_or_many)]
"""One person or a list of them (``chair:``, ``secretary:``)."""


class MemberCategory(Strict):
    """One kind of member (đảng viên chính thức, dự bị …) with its counts."""

    label: Text = Field(min_length=1)
    total: Count | None = None
    present: Count | None = None


class Represented(Strict):
    """What the members present stand for, in another unit: the shares of an AGM's shareholders,
    the households of a hamlet's voters."""

    present: Count
    total: Count | None = None
    unit: Text = Field(min_length=1)
    label: Text | None = Field(default=None, min_length=1)
    """What the total is (``có quyền biểu quyết``), printed after the unit."""


class Board(Strict):
    """A named group of the meeting: Ban Thẩm tra tư cách đại biểu, Tổ kiểm phiếu, Ban bầu cử,
    người làm chứng …"""

    label: Text = Field(min_length=1)
    members: list[Person] = Field(min_length=1)


class Members(Strict):
    """The counts of the members, in the clerk's own terms; each optional."""

    label: Text | None = Field(default=None, min_length=1)
    unit: Text | None = Field(default=None, min_length=1)
    total: Count | None = None
    categories: list[MemberCategory] = Field(default_factory=list)
    exempt: Count | None = None
    exempt_label: Text | None = Field(default=None, min_length=1)
    present: Count | None = None
    absent: Count | None = None
    excused: Count | None = None
    unexcused: Count | None = None
    voters: Count | None = None
    voters_label: Text | None = Field(default=None, min_length=1)
    represented: Represented | None = None
    include_chair: bool = True
    include_secretary: bool = False
