"""The meeting and its minutes: the whole file.

Field names are the public YAML contract: other tools write them, so a name never changes
meaning. The v1 fields (``members_label``, ``members_present``, ``members_total``, an item's
``content``/``figures``/``votes``…) keep theirs; the v2 fields say more of a real meeting
(``members``, ``parts``, ``sessions``, ``signatures``, ``appendices``). The arithmetic across
fields (counts within totals, votes within their base) is checked in :mod:`minutes.facts`, where
each message can name the field to write; here only what one field, or a pair, must satisfy.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from minutes.model.parts import AgendaItem, Part, Session
from minutes.model.people import AbsentPerson, Board, Members, People, Person
from minutes.model.tables import Table
from minutes.model.text import Markdown, Strict, Text, WholeNumber
from minutes.model.when import Moment, as_datetime, end_not_before_start
from minutes.paths import Positions, nearest_position
from minutes.profiles import Profile, resolve

ProfileName = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^\S(.*\S)?$")]
"""A profile's name (``state``, ``party``, ``party-2026``) or a profile file (``doan.yaml``): what
it names is looked up when the meeting is read (:func:`minutes.profiles.resolve`)."""


class Organization(Strict):
    """The issuing body and, optionally, the body above it (cơ quan chủ quản / cấp ủy cấp trên)."""

    name: Text = Field(min_length=1)
    parent: Text | None = None


class Signer(Strict):
    """One signature: the authority line (``T/M CHI BỘ``, ``TM. ỦY BAN NHÂN DÂN``), the title
    (``BÍ THƯ``, ``THƯ KÝ``), an optional note in italics, and the printed name."""

    authority: Text | None = Field(default=None, min_length=1)
    title: Text | None = Field(default=None, min_length=1)
    note: Text | None = Field(default=None, min_length=1)
    name: Text | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _says_something(self) -> Signer:
        if self.authority is None and self.title is None and self.name is None:
            raise PydanticCustomError("empty_signer", "a signer needs a title or a name")
        return self


class Appendix(Strict):
    """An appendix (phụ lục), printed after the signatures on pages of its own."""

    title: Text = Field(min_length=1)
    content: Markdown | None = None
    table: Table | None = None
    parts: list[Part] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_content(self) -> Appendix:
        if self.content is None and self.table is None and not self.parts:
            raise PydanticCustomError("empty_appendix", "an appendix needs content")
        return self


class Minutes(Strict):
    """A meeting and its minutes: the whole YAML file."""

    profile: ProfileName
    organization: Organization
    number: WholeNumber | None = Field(default=None, ge=1)
    symbol: Text | None = Field(default=None, min_length=1)
    confidential: Text | None = Field(default=None, min_length=1)
    place: Text | None = None
    date: dt.date
    place_date: bool | None = None
    """Print the place and date line (the Party profile does; the state's Mẫu 1.9 does not)."""
    title: Text = Field(min_length=1)
    kind: Text | None = None
    start: Moment | None = None
    end: dt.datetime | dt.time | None = None
    location: Text | None = Field(default=None, min_length=1)
    chair: People = Field(default_factory=list)
    secretary: People = Field(min_length=1)
    presidium: list[Person] = Field(default_factory=list, validate_default=True)
    counting_board: list[Person] = Field(default_factory=list)
    boards: list[Board] = Field(default_factory=list)
    members: Members | None = None
    members_label: Text | None = None
    attendees: list[Person] = Field(default_factory=list)
    absent: list[AbsentPerson] = Field(default_factory=list)
    members_present: WholeNumber | None = Field(default=None, ge=0)
    members_total: WholeNumber | None = Field(default=None, ge=1)
    invited: list[Person] = Field(default_factory=list)
    documents: list[Text] = Field(default_factory=list)
    other_info: Markdown | None = None
    agenda: list[AgendaItem] = Field(default_factory=list)
    sessions: list[Session] = Field(default_factory=list, validate_default=True)
    discussion: Markdown | None = None
    conclusion: Markdown | None = None
    parts: list[Part] = Field(default_factory=list)
    closing: Markdown | None = None
    closing_line: Text | None = Field(default=None, min_length=1)
    """The last line, in the clerk's words, instead of "… kết thúc vào …"."""
    attachments: list[Text] = Field(default_factory=list)
    appendices: list[Appendix] = Field(default_factory=list)
    signatures: list[Signer] = Field(default_factory=list)
    recipients: list[Text] = Field(default_factory=list)
    data: dict[str, Any] = Field(default_factory=dict)

    _source: str | None = PrivateAttr(default=None)
    _positions: Positions = PrivateAttr(default_factory=dict)
    _profile: Profile | None = PrivateAttr(default=None)

    def with_origin(self, source: str, positions: Positions) -> Minutes:
        """Remember the file this came from and where each field is in it (for later errors)."""
        self._source = source
        self._positions = positions
        return self

    def with_profile(self, profile: Profile) -> Minutes:
        """Remember the profile ``profile:`` named, found when the file was read."""
        self._profile = profile
        return self

    @property
    def format_profile(self) -> Profile:
        """The profile the minutes are drawn in: the one found when the file was read, else the
        one ``profile`` names (a file relative to the working folder)."""
        if self._profile is None:
            source = Path(self._source) if self._source else None
            folder = source.parent if source is not None and source.is_file() else None
            self._profile = resolve(self.profile, self.date, folder)
        return self._profile

    @property
    def source(self) -> str | None:
        """The file the data was read from, if it was read from one."""
        return self._source

    @property
    def positions(self) -> Positions:
        """Line and column (1-based) of every field of the file, by path."""
        return self._positions

    def position_of(self, path: tuple[str | int, ...]) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the field at ``path``, or of its nearest parent."""
        return nearest_position(self._positions, path)

    @field_validator("symbol")
    @classmethod
    def _symbol_has_no_spaces(cls, value: str | None) -> str | None:
        if value is not None and " " in value:
            raise PydanticCustomError("symbol_spaces", "symbol has spaces")
        return value

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, value: Any, info: ValidationInfo) -> Any:
        return end_not_before_start(info.data.get("start"), value)

    @field_validator("presidium")
    @classmethod
    def _someone_chairs(cls, value: list[Person], info: ValidationInfo) -> list[Person]:
        """A chair, or a presidium (a field check, so it is reported with the others)."""
        if not value and "chair" in info.data and not info.data["chair"]:
            raise PydanticCustomError("missing_chair", "chair is missing", {"field": "chair"})
        return value

    @field_validator("sessions")
    @classmethod
    def _agenda_and_start(cls, value: list[Session], info: ValidationInfo) -> list[Session]:
        """Items in ``agenda`` or in sessions; a start, the meeting's or its first session's."""
        if not value and "agenda" in info.data and not info.data["agenda"]:
            raise PydanticCustomError(
                "agenda_or_sessions", "agenda or sessions", {"field": "agenda"}
            )
        no_start = "start" in info.data and info.data["start"] is None
        if no_start and not any(session.start for session in value):
            raise PydanticCustomError("missing_start", "start is missing", {"field": "start"})
        return value

    @model_validator(mode="after")
    def _members_once(self) -> Minutes:
        """``members_present`` and ``members.present`` (and the other two) are one count: a file
        may give it either way, not both."""
        if self.members is None:
            return self
        for old, new in (
            ("members_label", "label"),
            ("members_present", "present"),
            ("members_total", "total"),
        ):
            if getattr(self, old) is not None and getattr(self.members, new) is not None:
                raise PydanticCustomError(
                    "members_twice",
                    "members twice",
                    {"old": old, "new": f"members.{new}", "field": old},
                )
        return self

    # What every writer agrees on, worked out once.

    @property
    def counted(self) -> Members:
        """The members' counts, with the v1 fields merged in."""
        members = self.members or Members()
        update = {
            "label": self.members_label if members.label is None else members.label,
            "present": self.members_present if members.present is None else members.present,
            "total": self.members_total if members.total is None else members.total,
        }
        return members.model_copy(update=update)

    @property
    def first_start(self) -> dt.date:
        """When the meeting began: ``start``, or its first session's start."""
        if self.start is not None:
            return self.start
        return next(session.start for session in self.sessions if session.start is not None)

    @property
    def end_datetime(self) -> dt.datetime | None:
        """When the meeting ended: ``end`` (a bare time is on the day it started), or the end of
        its last session; ``None`` when the file does not say."""
        if self.end is not None:
            return as_datetime(self.first_start, self.end)
        if self.sessions:
            last = self.sessions[-1]
            return as_datetime(last.start or self.first_start, last.end)
        return None

    @property
    def chairs(self) -> list[Person]:
        """Who chaired: ``chair``, or else the presidium."""
        return list(self.chair) or list(self.presidium)
