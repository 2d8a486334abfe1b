"""What a profile holds, as validated data: the page, the font, the layout of the header and
signature blocks, the wording that differs between families, and for every *role* of the document
tree its size, weight, slant, case, alignment, indent, spacing and the rule drawn under it.

Both writers read the same profile, so the PDF and the DOCX cannot disagree. Every value names its
source. Where profiles come from, and which a meeting gets, is :mod:`minutes.profiles.registry`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from minutes.errors import InternalError
from minutes.i18n import _

Align = Literal["left", "center", "right", "justify"]

ROLES: tuple[str, ...] = (
    "parent-org",
    "org",
    "org-mark",
    "number",
    "confidential",
    "national-title",
    "motto",
    "place-date",
    "doc-kind",
    "trich-yeu",
    "title-mark",
    "body",
    "heading-1",
    "heading-2",
    "heading-3",
    "list-item",
    "table-caption",
    "table-head",
    "table-cell",
    "table-center",
    "table-number",
    "table-note",
    "signer-authority",
    "signer-title",
    "signer-position",
    "signer-note",
    "signer-name",
    "recipients-heading",
    "recipients-item",
    "appendix-label",
    "appendix-title",
    "appendix-reference",
    "page-number",
)
"""Every paragraph role of the document tree. A profile must style each one."""


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Span = tuple[float, float]
"""A range the official text allows, ``[low, high]`` (``[12, 13]`` for "cỡ chữ từ 12 đến 13")."""

CHECKABLE = ("size", "bold", "italic", "underline", "caps", "align", "indent", "rule")
"""The properties of a role a profile can declare open (:attr:`Role.unspecified`)."""


def _inside(value: float | None, span: Span | None, what: str) -> None:
    """A profile's own value must be one the official text allows."""
    if span is None:
        return
    low, high = span
    if low > high:
        raise ValueError(
            _("`{field}`: the range {low:g}–{high:g} runs backwards.").format(
                field=what, low=low, high=high
            )
        )
    if value is not None and not low - 1e-9 <= value <= high + 1e-9:
        raise ValueError(
            _("{value:g} is outside the range {low:g}–{high:g} that `{field}` gives.").format(
                value=value, low=low, high=high, field=what
            )
        )


class Role(_Data):
    """How the text of one role looks. Lengths carry their unit in the name (``_pt``, ``_mm``)."""

    size_pt: float = Field(gt=0)
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False
    align: Align = "left"
    indent_first_mm: float = 0
    space_before_pt: float = 0
    space_after_pt: float = 0
    line_spacing: float | None = Field(default=None, ge=1, le=3)
    """Line spacing as a multiple of single spacing; ``None`` is single."""
    line_exact_pt: float | None = Field(default=None, gt=0)
    """An exact line height, when the rule asks for one (overrides ``line_spacing``)."""
    keep_with_next: bool = False
    rule: float | None = Field(default=None, gt=0, le=1)
    """A solid rule under the text, as a fraction of the text's length (1.0: all of it)."""
    rule_width_pt: float = 0.75
    rule_below_mm: float | None = Field(default=None, gt=0, le=10)
    """How far under the baseline of the text's last line the rule lies (the middle of its
    stroke), the same in both writers; a ruled role must say (Mẫu 1.9 as printed: 3.5-3.9 mm, a
    white gap of 2.4-2.8 mm under the descenders)."""
    source: str
    # What the official text allows, when it gives more than the one value the profile prints.
    # The checker accepts the whole range; the profile's own value is the preferred point in it.
    size_range_pt: Span | None = None
    """The sizes the clause allows (PL I, II.1.a: "cỡ chữ từ 12 đến 13"); ``None``: ``size_pt``
    alone."""
    rule_range: Span | None = None
    """The lengths of the rule under the text the clause allows, as fractions of the text's
    length (PL I, II.2.b: "từ 1/3 đến 1/2"); ``None``: ``rule`` alone."""
    indent_first_options_mm: tuple[float, ...] | None = None
    """The first-line indents the clause allows (PL I, II.6.e: "1 cm hoặc 1,27 cm")."""
    unspecified: tuple[str, ...] = ()
    """Properties the clause leaves open (of :data:`CHECKABLE`): the checker does not judge
    them and says so."""
    form_source: str | None = None
    """The clause on how the text itself is written (the number's form, the date's zeros), when
    it is not ``source``."""

    @model_validator(mode="after")
    def _ranges_hold_the_value(self) -> Role:
        if self.rule is not None and self.rule_below_mm is None:
            raise ValueError(
                _("A role with a `rule` says how far under the baseline it lies: `rule_below_mm`.")
            )
        _inside(self.size_pt, self.size_range_pt, "size_range_pt")
        _inside(self.rule, self.rule_range, "rule_range")
        unknown = [name for name in self.unspecified if name not in CHECKABLE]
        if unknown:
            known = ", ".join(CHECKABLE)
            raise ValueError(
                _(
                    "`unspecified` names unknown properties: {unknown}; it may name: {known}."
                ).format(unknown=", ".join(unknown), known=known)
            )
        return self


class Page(_Data):
    width_mm: float
    height_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    header_distance_mm: float
    source: str
    margin_top_range_mm: Span | None = None
    """The margins the official text allows (PL I, I.3: "20 - 25 mm" …); ``None``: the
    profile's margin alone."""
    margin_bottom_range_mm: Span | None = None
    margin_left_range_mm: Span | None = None
    margin_right_range_mm: Span | None = None
    margins_source: str | None = None
    """The clause on the margins, when it is not ``source``."""

    @model_validator(mode="after")
    def _ranges_hold_the_margins(self) -> Page:
        for side in ("top", "bottom", "left", "right"):
            value = getattr(self, f"margin_{side}_mm")
            _inside(value, getattr(self, f"margin_{side}_range_mm"), f"margin_{side}_range_mm")
        return self

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.margin_left_mm - self.margin_right_mm


class Font(_Data):
    family: str
    source: str


class Layout(_Data):
    header_left_mm: float
    header_right_mm: float
    signature_left_mm: float
    signature_right_mm: float
    recipients_position: Literal["below"] = "below"
    source: str


class SignerPreset(_Data):
    """One signer of a preset: its lines, and whose name is printed under them."""

    authority: str | None = None
    title: str | None = None
    note: str | None = None
    person: Literal["chair", "secretary", "presidium"] | None = None


class When(_Data):
    """What a meeting must be for a preset to sign it (every condition given must hold)."""

    organization: str | None = None
    """A regular expression the issuing body's name must match (``^Chi bộ``)."""
    kind: str | None = None
    """A regular expression the meeting's ``kind`` must match (``^kỳ họp``)."""
    chair_position: str | None = None
    """A regular expression the (first) chair's position must match (``^Bí thư``)."""
    presidium: bool | None = None
    """Whether the meeting has a presidium (Đoàn Chủ tịch)."""
    several_secretaries: bool | None = None
    """Whether more than one secretary kept the minutes (Đoàn Thư ký)."""

    def matches(
        self, organization: str, kind: str, chair_position: str, presidium: bool, secretaries: int
    ) -> bool:
        tests = (
            (self.organization, organization),
            (self.kind, kind),
            (self.chair_position, chair_position),
        )
        if any(
            pattern is not None and not re.search(pattern, value, re.IGNORECASE)
            for pattern, value in tests
        ):
            return False
        if self.several_secretaries is not None and self.several_secretaries != (secretaries > 1):
            return False
        return self.presidium is None or self.presidium == presidium


class SignaturePreset(_Data):
    """How a kind of meeting signs (a chi bộ: ``T/M CHI BỘ`` / ``BÍ THƯ``)."""

    when: When
    signers: list[SignerPreset] = Field(min_length=1)
    source: str


class ArchiveLine(_Data):
    """The archive line of a body whose name matches ``match`` (a chi bộ: ``Lưu Chi bộ.``)."""

    match: str
    text: str


class Wording(_Data):
    """Text that differs between families; ``None`` leaves the element out."""

    national_title: str
    motto: str | None
    doc_kind: str
    number: str
    number_blank: str
    number_code: str = "{number}/{symbol}"
    """The number and symbol as cited in the text (``05/BB-UBND``, ``05-BB/CB``)."""
    org_mark: str | None
    title_mark: str | None
    secretary_title: str
    secretary_note: str | None
    chair_title: str
    chair_note: str | None
    recipients_heading: str
    recipients_archive: str | None
    honorific: str | None
    people_unit: str
    show_place_date: bool
    body_style: Literal["state", "party"]
    """The order and labels of the body's opening: ``state`` is Mẫu 1.9's (Thời gian bắt đầu,
    Địa điểm, Thành phần tham dự …), ``party`` is HD 16's (1. Thành phần, 2. Diễn biến)."""
    default_kind: str = "cuộc họp"
    """What the meeting is called when the file gives no ``kind`` (``hội nghị`` for the Party)."""
    recipients_always: bool = True
    """``Nơi nhận:`` (with the archive line) even when the file lists no recipient."""
    archive_by_organization: list[ArchiveLine] = Field(default_factory=list)
    exempt_label: str = "miễn tham dự"
    vote_intro: str = "Biểu quyết"
    vote_for: str = "tán thành"
    vote_against: str = "không tán thành"
    vote_abstain: str = "không biểu quyết"
    vote_invalid: str = "không hợp lệ"
    share_of_word: str = "so với"
    """Between a share and what it is of: ``(93,33% so với tổng số đại biểu)``."""
    ballot_intro: str = "Kết quả bỏ phiếu kín"
    elected: str = "Trúng cử"
    not_elected: str = "Không trúng cử"
    time_blank: str = "…… giờ …… phút"
    """What stands for a time the file does not give, for the clerk to write by hand."""
    appendix_label: str = "Phụ lục"
    appendix_reference: str = "(Kèm theo {document} của {organization})"
    attachments_intro: str = "Kèm theo biên bản"
    signature_presets: list[SignaturePreset] = Field(default_factory=list)


class Validity(_Data):
    """When the text a profile follows applies: from the day it took effect to the day a newer
    text replaced it. The checker picks, among the profiles of a document's family, the one in
    force on the document's date, and says so."""

    since: dt.date | None = None
    until: dt.date | None = None
    replaced_by: str | None = None
    """The text that replaced it, as it is cited (``Hướng dẫn 05-HD/VPTW``)."""
    source: str


class Profile(_Data):
    id: str
    """The profile's name, as a meeting file gives it (``state``, ``party-2026``)."""
    family: str | None = None
    """The family of documents it belongs to (``party``), when several profiles follow its rules
    over time: a meeting that names the family gets the member in force on its date."""
    extends: str | None = None
    """The profile this one changes (by name, or a file relative to this one)."""
    version: str
    name: str
    """What it is, for people: ``Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)``."""
    page: Page
    font: Font
    layout: Layout
    wording: Wording
    roles: dict[str, Role]
    validity: Validity | None = None

    @model_validator(mode="after")
    def _columns_fit_the_text_width(self) -> Profile:
        """The header cells and the signature columns share the text width: wider, and the
        right cell runs into the margin (a profile that narrows a margin must narrow them)."""
        width = self.page.text_width_mm
        for pair in (
            ("header_left_mm", "header_right_mm"),
            ("signature_left_mm", "signature_right_mm"),
        ):
            total = sum(getattr(self.layout, name) for name in pair)
            if total > width + 0.05:
                raise ValueError(
                    _(
                        "`layout.{left}` + `layout.{right}` = {total:g} mm, wider than the text "
                        "width of the page ({width:g} mm = {page:g} − {margin_left:g} − "
                        "{margin_right:g}): narrow them."
                    ).format(
                        left=pair[0],
                        right=pair[1],
                        total=total,
                        width=width,
                        page=self.page.width_mm,
                        margin_left=self.page.margin_left_mm,
                        margin_right=self.page.margin_right_mm,
                    )
                )
        return self

    def role(self, name: str) -> Role:
        """The style of ``name``; an unknown role is a bug in a template, not a silent default."""
        try:
            return self.roles[name]
        except KeyError:
            raise InternalError(f"profile {self.id!r} has no role {name!r}") from None

    def format_number(self, number: int | None, symbol: str | None) -> str:
        """``Số: 05/BB-UBND`` (state) or ``Số 100-BB/TU`` (party); a blank for a missing number
        (its spaces kept: they are no-break spaces); ``""`` when neither is given (no line)."""
        if number is None and symbol is None:
            return ""
        if symbol is None:
            return self.wording.number.format(number=f"{number:02d}", symbol="").rstrip("-/")
        if number is None:
            return self.wording.number_blank.format(symbol=symbol).replace(" ", "\u00a0")
        return self.wording.number.format(number=f"{number:02d}", symbol=symbol)

    def number_code(self, number: int | None, symbol: str | None) -> str:
        """The number and symbol as the text cites them (``05/BB-UBND``); ``…`` for a blank
        number; ``""`` when neither is given."""
        if number is None and symbol is None:
            return ""
        shown = "…" if number is None else f"{number:02d}"
        return self.wording.number_code.format(number=shown, symbol=symbol or "").strip("-/")
