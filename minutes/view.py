"""What the template prints, worked out in Python: the meeting's data with its derived facts.

The template lays out; this module decides. It takes the meeting's data (plain, its ``{{ … }}``
evaluated) and adds, under keys that start with ``_`` (no field of the file does), what a reader
sees that the file does not say in so many words: the numbers of each vote, ballot and election
(:mod:`minutes.facts`), each table's cells as printed (:mod:`minutes.facts.tables`), who signs
and under which lines, the recipients with their punctuation, the number line, the times. The
words come from the profile, so an office's own profile changes them without code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from minutes.facts import BallotFacts, ElectionFacts, Facts, VoteFacts, derive
from minutes.facts.tables import TableView, election_view, figures_view, table_view
from minutes.formatting import format_date, format_time, to_roman
from minutes.markdown import to_inline
from minutes.model import Minutes, Person
from minutes.profiles import Profile, SignerPreset, Wording

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class SignerView:
    authority: str | None
    title: str | None
    note: str | None
    name: str | None


@dataclass(frozen=True)
class AppendixView:
    label: str
    reference: str


def build(minutes: Minutes, data: dict[str, Any], profile: Profile) -> dict[str, Any]:
    """The template's context for ``minutes`` (``data``: its plain data, expressions evaluated)."""
    wording = profile.wording
    facts = derive(minutes, wording.people_unit, wording.exempt_label)
    _attach(data, facts, profile)
    kind = minutes.kind or ("hội nghị" if wording.body_style == "party" else "cuộc họp")
    number_line = profile.format_number(minutes.number, minutes.symbol)
    return {
        "m": data,
        "w": wording,
        "facts": facts,
        "kind": kind,
        "number_line": number_line,
        "start_text": moment_text(minutes.first_start, wording.time_blank),
        "end": minutes.end_datetime,
        "m_start_date": _day(minutes.first_start),
        "signatures": signature_tables(signature_rows(signers(minutes, data, profile, kind))),
        "recipients": recipient_lines(minutes, data, profile),
        "appendices": appendix_views(minutes, data, profile),
        "attachments_line": attachments_line(minutes, data, profile),
        "sessions_time": [session_time(s, wording.time_blank) for s in minutes.sessions],
    }


def _day(moment: dt.date) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


# -- facts of the parts ----------------------------------------------------------------------------


def _at(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def _attach(data: dict[str, Any], facts: Facts, profile: Profile) -> None:
    """Put each part's facts and each table's view beside its data."""
    wording = profile.wording
    for path, part_facts in facts.parts.items():
        node = _at(data, path)
        node["_facts"] = part_facts
        if isinstance(part_facts, VoteFacts):
            node["_line"] = vote_sentence(node, part_facts, wording)
        elif isinstance(part_facts, BallotFacts):
            node["_line"] = ballot_sentence(node, part_facts, wording)
        else:
            node["_line"] = election_sentence(node, part_facts, wording)
            node["_view"] = election_view(node, part_facts, wording.elected, wording.not_elected)
    for node in _tables(data):
        node["_view"] = table_view(node)
    for item in _items(data):
        if item.get("figures"):
            item["_figures"] = figures_view(item["figures"], item.get("figures_caption"))


def _items(data: dict[str, Any]) -> list[dict[str, Any]]:
    items = list(data.get("agenda") or [])
    for session in data.get("sessions") or []:
        items.extend(session.get("agenda") or [])
    return items


def _tables(node: Any) -> list[dict[str, Any]]:
    """Every ``table`` of the data (parts and appendices), wherever it stands."""
    found: list[dict[str, Any]] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            for key, value in current.items():
                if key == "table" and isinstance(value, dict) and "columns" in value:
                    found.append(value)
                elif key != "data" and not key.startswith("_"):
                    stack.append(value)
        elif isinstance(current, list):
            stack.extend(current)
    return found


def is_table(value: Any) -> bool:
    """For the template: a prepared table view."""
    return isinstance(value, TableView)


# -- votes, ballots, elections ---------------------------------------------------------------------


def _with_share(number: str, label: str, share: str | None, of: str | None = None) -> str:
    if not share or number == "0":
        return f"{number} {label}"
    return f"{number} {label} ({share}{f' {of}' if of else ''})"


def vote_sentence(vote: dict[str, Any], facts: VoteFacts, wording: Wording) -> Markup:
    """``Biểu quyết thông qua …: 19/19 đồng chí đảng viên chính thức có mặt tán thành (100%);
    0 không tán thành; 0 không biểu quyết.`` (the answers given, on the base given)."""
    labels = vote.get("labels") or {}
    head = f"{facts.for_.number}/{facts.base}" if facts.base else facts.for_.number
    who = " ".join(filter(None, (head, facts.unit, facts.base_label)))
    of = f"{wording.share_of_word} {facts.share_label}" if facts.share_label else None
    first = f"{who} {labels.get('for_') or wording.vote_for}"
    if facts.for_.share:
        first += f" ({facts.for_.share}{f' {of}' if of else ''})"
    answers = [first]
    for count, label in (
        (facts.against, labels.get("against") or wording.vote_against),
        (facts.abstain, labels.get("abstain") or wording.vote_abstain),
        (facts.invalid, labels.get("invalid") or wording.vote_invalid),
    ):
        if count is not None:
            answers.append(_with_share(count.number, label, count.share, of))
    intro = escape(wording.vote_intro) + Markup(" ") + to_inline(str(vote["question"]))
    return intro + Markup(": ") + escape("; ".join(answers) + ".")


def _ballots(facts: BallotFacts | ElectionFacts) -> list[str]:
    counts = facts.ballots
    return [
        f"{label} {value}"
        for label, value in (
            ("số phiếu phát ra", counts.issued),
            ("số phiếu thu về", counts.returned),
            ("số phiếu hợp lệ", counts.valid),
            ("số phiếu không hợp lệ", counts.invalid),
        )
        if value is not None
    ]


def ballot_sentence(ballot: dict[str, Any], facts: BallotFacts, wording: Wording) -> Markup:
    """``Kết quả bỏ phiếu kín …: số phiếu phát ra 21, …; Đồng ý: 19 phiếu (90,5%); …``."""
    parts = [", ".join(_ballots(facts))] if _ballots(facts) else []
    of = f"{wording.share_of_word} {facts.share_label}" if facts.share_label else None
    for option, count in zip(ballot["options"], facts.options, strict=True):
        shown = _with_share(count.number, facts.unit, count.share, of)
        parts.append(f"{option['label']}: {shown}")
    intro = escape(wording.ballot_intro) + Markup(" ") + to_inline(str(ballot["question"]))
    return intro + (Markup(": ") + escape("; ".join(parts)) if parts else Markup("")) + "."


def election_sentence(election: dict[str, Any], facts: ElectionFacts, wording: Wording) -> Markup:
    """``Bầu …: số lượng bầu 3; số phiếu phát ra 120, …. Kết quả:`` (the table follows); what the
    shares are of, when it is not the valid ballots (``tỷ lệ so với tổng số đại biểu``)."""
    parts = [f"số lượng bầu {facts.seats}"] if facts.seats else []
    if _ballots(facts):
        parts.append(", ".join(_ballots(facts)))
    if facts.share_label:
        parts.append(f"tỷ lệ {wording.share_of_word} {facts.share_label}")
    text = to_inline(str(election["title"]))
    if parts:
        text += Markup(": ") + escape("; ".join(parts))
    return text + Markup(". Kết quả:")


# -- times -----------------------------------------------------------------------------------------


def moment_text(moment: dt.date, blank: str) -> str:
    """``8 giờ 00 phút, ngày 07 tháng 3 năm 2018``; a date alone leaves the time ``blank``."""
    if isinstance(moment, dt.datetime):
        return f"{format_time(moment)}, {format_date(moment)}"
    return f"{blank}, {format_date(moment)}"


def session_time(session: Any, blank: str) -> str:
    """``từ 14 giờ 00 phút đến 16 giờ 30 phút, ngày 10 tháng 7 năm 2025``, with what is known;
    ``""`` when the session has no start."""
    start, end = session.start, session.end
    if start is None:
        return ""
    if end is None:
        return moment_text(start, blank)
    begin = format_time(start) if isinstance(start, dt.datetime) else blank
    day = start.date() if isinstance(start, dt.datetime) else start
    if isinstance(end, dt.time) or end.date() == day:
        return f"từ {begin} đến {format_time(end)}, {format_date(start)}"
    return f"từ {moment_text(start, blank)} đến {moment_text(end, blank)}"


# -- signatures ------------------------------------------------------------------------------------


def _first(people: list[Person]) -> Person | None:
    return people[0] if people else None


def signers(
    minutes: Minutes, data: dict[str, Any], profile: Profile, kind: str
) -> list[SignerView]:
    """Who signs: the file's ``signatures``, or the profile's preset for this kind of meeting."""
    if minutes.signatures:
        return [
            SignerView(s.get("authority"), s.get("title"), s.get("note"), s.get("name"))
            for s in data["signatures"]
        ]
    wording = profile.wording
    chair = _first(minutes.chairs)
    position = chair.position if chair is not None and chair.position else ""
    for preset in wording.signature_presets:
        if preset.when.matches(
            minutes.organization.name,
            kind,
            position,
            bool(minutes.presidium),
            len(minutes.secretary),
        ):
            return [_signer(s, minutes, kind) for s in preset.signers]
    defaults = (
        SignerPreset(
            title=wording.secretary_title, note=wording.secretary_note, person="secretary"
        ),
        SignerPreset(title=wording.chair_title, note=wording.chair_note, person="chair"),
    )
    return [_signer(s, minutes, kind) for s in defaults]


def _signer(preset: SignerPreset, minutes: Minutes, kind: str) -> SignerView:
    people = {
        "chair": minutes.chairs,
        "secretary": list(minutes.secretary),
        "presidium": list(minutes.presidium) or minutes.chairs,
        None: [],
    }[preset.person]
    person = _first(people)
    name = person.name if person is not None else None

    def words(text: str | None) -> str | None:
        return text.replace("{KIND}", kind.upper()) if text else text

    return SignerView(words(preset.authority), words(preset.title), preset.note, name)


def signature_tables(
    rows: list[list[SignerView | None]],
) -> list[list[list[tuple[str, str]]]]:
    """Each row of signers as a table of lines, each line a ``(role, text)`` per column. A
    signer's lines stand from the top (``THƯ KÝ`` level with ``T/M CHI BỘ``, ``BÍ THƯ`` under
    it); the names share the last line, which holds the space for the signatures, so the names
    line up whatever the number of lines above them."""
    tables = []
    for row in rows:
        columns = [_lines(signer) for signer in row]
        height = max(len(lines) for lines in columns)
        table = [
            [lines[index] if index < len(lines) else ("signer-title", "") for lines in columns]
            for index in range(height)
        ]
        table.append([("signer-name", (s.name or "") if s else "") for s in row])
        tables.append(table)
    return tables


def _lines(signer: SignerView | None) -> list[tuple[str, str]]:
    if signer is None:
        return []
    lines = []
    if signer.authority:
        lines.append(("signer-authority", signer.authority))
    if signer.title:
        role = "signer-position" if signer.authority else "signer-title"
        lines.append((role, signer.title))
    if signer.note:
        lines.append(("signer-note", signer.note))
    return lines


def signature_rows(views: list[SignerView]) -> list[list[SignerView | None]]:
    """The signers in rows: one on the right; two or three side by side; four as two rows of
    two; more in rows of three. ``None`` is an empty column."""
    count = len(views)
    if count == 1:
        return [[None, views[0]]]
    width = 2 if count in (2, 4) else 3
    return [list(views[start : start + width]) for start in range(0, count, width)]


# -- recipients and appendices ---------------------------------------------------------------------


def recipient_lines(minutes: Minutes, data: dict[str, Any], profile: Profile) -> list[str]:
    """The lines under ``Nơi nhận:``, each ``- …;`` and the last ``- ….``; empty when the block
    is not printed. The profile's archive line comes only when the clerk wrote none."""
    wording = profile.wording
    lines = [str(line).rstrip(" ;.,") for line in data.get("recipients") or []]
    lines = [line for line in lines if line]
    if not any(line.casefold().startswith("lưu") for line in lines):
        archive = wording.recipients_archive
        for rule in wording.archive_by_organization:
            if re.search(rule.match, minutes.organization.name, re.IGNORECASE):
                archive = rule.text
                break
        if archive and (lines or wording.recipients_always):
            lines.append(archive.rstrip(" ;.,"))
    if not lines and not wording.recipients_always:
        return []
    return [f"- {line};" for line in lines[:-1]] + [f"- {lines[-1]}."] if lines else []


def appendix_views(minutes: Minutes, data: dict[str, Any], profile: Profile) -> list[AppendixView]:
    """``Phụ lục I`` … (a single appendix is ``Phụ lục``) and the line that ties each to the
    minutes: ``(Kèm theo Biên bản số 05/BB-UBND ngày 31 tháng 10 năm 2025 của …)``."""
    wording = profile.wording
    count = len(minutes.appendices)
    code = profile.number_code(minutes.number, minutes.symbol)
    document = wording.doc_kind.capitalize()
    if code:
        document += f" số {code}"
    document += f" {format_date(minutes.date)}"
    organization = " ".join(minutes.organization.name.split())
    reference = wording.appendix_reference.format(document=document, organization=organization)
    return [
        AppendixView(
            wording.appendix_label + (f" {to_roman(index)}" if count > 1 else ""), reference
        )
        for index in range(1, count + 1)
    ]


def attachments_line(minutes: Minutes, data: dict[str, Any], profile: Profile) -> str:
    """``Kèm theo biên bản: Phụ lục I. Danh sách …; Danh sách …`` (PL I, III.1.a: the text of a
    document names its appendices); ``""`` when nothing is attached."""
    named = [
        f"{view.label}. {' '.join(str(appendix['title']).split())}"
        for view, appendix in zip(
            appendix_views(minutes, data, profile), data.get("appendices") or [], strict=True
        )
    ]
    named += [str(item) for item in data.get("attachments") or []]
    if not named:
        return ""
    return f"{profile.wording.attachments_intro}: {'; '.join(named)}."
