"""The meeting, as validated data (pydantic). No I/O here: :mod:`minutes.load` reads files.

Field names are the public YAML contract (v1): other tools write them, so a name never changes
meaning. ``extra="forbid"`` everywhere, because a typo (``secetary``) must fail loudly rather than
vanish from the minutes. Every text field passes through
:func:`minutes.formatting.normalize_text` (NFC, control characters from Word, stray spaces).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from minutes.errors import FormattingError
from minutes.formatting import format_number, normalize_text

PROFILES = ("state", "party")
ProfileName = Literal["state", "party"]


_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """:func:`~minutes.formatting.normalize_text`, then what no document may hold: a lone
    surrogate (broken UTF-16, e.g. ``"\\ud800"`` in JSON) becomes U+FFFD, the replacement
    character, and the non-characters U+FFFE and U+FFFF go (neither XML nor PDF text takes them).
    Used for every text field and for the result of every ``{{ … }}`` in the data."""
    return _NOT_XML.sub(_replacement, normalize_text(value))


def _replacement(match: re.Match[str]) -> str:
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else ""


def _normalize(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def _text_or_number(value: Any) -> Any:
    """YAML reads ``title: 100`` as a number; a text field takes it as the text ``100``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return _normalize(value)


def _not_a_bool(value: Any) -> Any:
    """``true``/``false`` are not counts: pydantic would take them as 1 and 0 without a word."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "a yes/no is not a whole number")
    return value


WholeNumber = Annotated[int, BeforeValidator(_not_a_bool)]
"""A count or a number: digits (or a number as text, ``"5"``), never ``true``/``false``."""

Text = Annotated[str, BeforeValidator(_text_or_number)]
"""A line of text: normalised, never empty."""

Markdown = Annotated[str, BeforeValidator(_text_or_number)]
"""Paragraphs with light Markdown (bold, italic, lists) and ``{{ … }}`` over ``data``."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Organization(_Strict):
    """The issuing body and, optionally, the body above it (cơ quan chủ quản / cấp ủy cấp trên)."""

    name: Text = Field(min_length=1)
    parent: Text | None = None


class Person(_Strict):
    """A person, ``{name, position}``; or, written as a plain string, a group line."""

    name: Text | None = Field(default=None, min_length=1)
    position: Text | None = None
    line: Text | None = Field(default=None, min_length=1)

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
        return self

    @property
    def is_group(self) -> bool:
        """A group line ("Lãnh đạo các sở, ban, ngành liên quan") names no single person."""
        return self.line is not None


class AbsentPerson(Person):
    """An absent member, with the reason if one was given."""

    reason: Text | None = None


class Figure(_Strict):
    """One row of a figures table: ``{label, value, unit}``. ``value`` may be a number or text."""

    label: Text = Field(min_length=1)
    value: int | Annotated[float, Field(allow_inf_nan=False)] | Text = Field(
        union_mode="left_to_right"
    )
    unit: Text | None = None

    @field_validator("value", mode="before")
    @classmethod
    def _value_is_not_a_bool_or_infinite(cls, value: Any) -> Any:
        """``true`` is no figure; ``.inf``/``.nan`` (real numbers) are an error here, while the
        *text* ``"nan"`` or ``"inf"`` stays text (it is not taken for a float)."""
        if isinstance(value, bool):
            raise PydanticCustomError("float_type", "a yes/no is not a figure")
        if isinstance(value, float) and not math.isfinite(value):
            raise PydanticCustomError(
                "number_not_writable",
                "cannot write {detail}",
                {"detail": f"{value} is not a finite number"},
            )
        return value

    @field_validator("value")
    @classmethod
    def _value_can_be_written(cls, value: int | float | str) -> int | float | str:
        """A number the document cannot write (``.inf``, ``.nan``, 10⁵⁰) is the user's error here,
        at its line, rather than later, from the template, where no line is known."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                format_number(value)
            except FormattingError as exc:
                detail = exc.problems[0].message if exc.problems else str(exc)
                raise PydanticCustomError(
                    "number_not_writable", "cannot write {detail}", {"detail": detail}
                ) from None
        return value


class Vote(_Strict):
    """A vote on one question. ``for`` is a Python keyword, hence the alias."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    question: Text = Field(min_length=1)
    for_: WholeNumber = Field(alias="for", ge=0)
    against: WholeNumber = Field(default=0, ge=0)
    abstain: WholeNumber = Field(default=0, ge=0)

    @property
    def total(self) -> int:
        return self.for_ + self.against + self.abstain


def nearest_position(
    positions: dict[tuple[str | int, ...], tuple[int, int]], path: tuple[str | int, ...]
) -> tuple[int | None, int | None]:
    """The position of ``path`` in its file, or of the closest enclosing field that has one."""
    # A single mapping accepted where a list is expected (``votes: {…}``) is item 0 of a list
    # that the file does not have: look the rest of the path up without that index.
    kept: list[str | int] = []
    for part in path:
        if part == 0 and isinstance(part, int) and (*kept, part) not in positions:
            continue
        kept.append(part)
    path = tuple(kept)
    for end in range(len(path), 0, -1):
        found = positions.get(path[:end])
        if found:
            return found
    return (1, 1) if positions else (None, None)


def _named(people: list[Person]) -> int:
    return sum(1 for p in people if not p.is_group)


def _one_or_many(value: Any) -> Any:
    """``votes:`` may be one vote (a mapping) or a list of them."""
    return [value] if isinstance(value, dict) else value


class AgendaItem(_Strict):
    """One item of the agenda, in the order it was taken."""

    title: Text = Field(min_length=1)
    presenter: Person | None = None
    content: Markdown | None = None
    figures: list[Figure] = Field(default_factory=list)
    figures_caption: Text | None = None
    discussion: Markdown | None = None
    conclusion: Markdown | None = None
    votes: Annotated[list[Vote], BeforeValidator(_one_or_many)] = Field(default_factory=list)


class Minutes(_Strict):
    """A meeting and its minutes: the whole YAML file."""

    profile: ProfileName
    organization: Organization
    number: WholeNumber | None = Field(default=None, ge=1)
    symbol: Text = Field(min_length=1)
    place: Text | None = Field(default=None, validate_default=True)
    date: dt.date
    title: Text = Field(min_length=1)
    kind: Text | None = None
    start: dt.datetime
    end: dt.datetime | dt.time | None = None
    location: Text = Field(min_length=1)
    chair: Person
    secretary: Person
    members_label: Text | None = None
    attendees: list[Person] = Field(default_factory=list)
    absent: list[AbsentPerson] = Field(default_factory=list)
    members_present: WholeNumber | None = Field(default=None, ge=0)
    members_total: WholeNumber | None = Field(default=None, ge=1)
    invited: list[Person] = Field(default_factory=list)
    documents: list[Text] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(min_length=1)
    closing: Markdown | None = None
    recipients: list[Text] = Field(default_factory=list)
    data: dict[str, Any] = Field(default_factory=dict)

    _source: str | None = PrivateAttr(default=None)
    _positions: dict[tuple[str | int, ...], tuple[int, int]] = PrivateAttr(default_factory=dict)

    def with_origin(
        self, source: str, positions: dict[tuple[str | int, ...], tuple[int, int]]
    ) -> Minutes:
        """Remember the file this came from and where each field is in it (for later errors)."""
        self._source = source
        self._positions = positions
        return self

    @property
    def source(self) -> str | None:
        """The file the data was read from, if it was read from one."""
        return self._source

    def position_of(self, path: tuple[str | int, ...]) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the field at ``path``, or of its nearest parent."""
        return nearest_position(self._positions, path)

    @field_validator("symbol")
    @classmethod
    def _symbol_has_no_spaces(cls, value: str) -> str:
        if " " in value:
            raise PydanticCustomError("symbol_spaces", "symbol has spaces")
        return value

    @field_validator("place")
    @classmethod
    def _party_needs_place(cls, value: str | None, info: ValidationInfo) -> str | None:
        if not value and info.data.get("profile") == "party":
            raise PydanticCustomError("party_needs_place", "a Party document needs place")
        return value

    @field_validator("end")
    @classmethod
    def _end_after_start(
        cls, value: dt.datetime | dt.time | None, info: ValidationInfo
    ) -> dt.datetime | dt.time | None:
        start = info.data.get("start")
        if value is None or not isinstance(start, dt.datetime):
            return value
        end = dt.datetime.combine(start.date(), value) if isinstance(value, dt.time) else value
        if (end.tzinfo is None) != (start.tzinfo is None):  # one with a UTC offset, one without:
            end, start = end.replace(tzinfo=None), start.replace(tzinfo=None)  # clock times
        if end < start:
            raise PydanticCustomError("end_before_start", "end before start")
        return value

    @field_validator("members_total")
    @classmethod
    def _total_covers_attendance(cls, value: int | None, info: ValidationInfo) -> int | None:
        present = info.data.get("members_present")
        if present is None:
            present = _named(info.data.get("attendees", []))
        counted = present + _named(info.data.get("absent", []))
        if value is not None and counted > value:
            raise PydanticCustomError(
                "attendance_exceeds_total",
                "attendance exceeds total",
                {"counted": counted, "total": value},
            )
        return value

    @field_validator("agenda")
    @classmethod
    def _votes_within_present(
        cls, value: list[AgendaItem], info: ValidationInfo
    ) -> list[AgendaItem]:
        present = info.data.get("members_present")
        if present is None:
            present = _named(info.data.get("attendees", []))
        if not present:
            return value
        for index, item in enumerate(value, start=1):
            for vote in item.votes:
                if vote.total > present:
                    raise PydanticCustomError(
                        "votes_exceed_present",
                        "votes exceed present",
                        {"item": index, "votes": vote.total, "present": present},
                    )
        return value

    # Derived facts, computed here so every template and writer agrees on them.

    @property
    def end_datetime(self) -> dt.datetime | None:
        """``end`` as a date-time: a bare time means the day the meeting started."""
        if isinstance(self.end, dt.time):
            return dt.datetime.combine(self.start.date(), self.end)
        return self.end

    @property
    def present_count(self) -> int:
        """Members present: ``members_present`` if given, else the named attendees (a group line
        such as "Các đồng chí Ủy viên Ban Thường vụ" names no number and is not counted)."""
        if self.members_present is not None:
            return self.members_present
        return _named(self.attendees)

    @property
    def absent_count(self) -> int:
        return _named(list(self.absent))

    @property
    def expected_count(self) -> int:
        """Members expected: ``members_total`` if given, otherwise present + absent."""
        return self.members_total or (self.present_count + self.absent_count)
