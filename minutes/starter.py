"""The starter meeting files ``minutes new`` writes: one per common kind of meeting.

A clerk learns the format by editing a file that already works, not by reading a reference: each
starter renders as it is, shows the fields its kind of meeting uses (optional ones say so and may
be deleted), and its comments say what goes where in the words of the office (trích yếu, chủ
trì, nơi nhận). Its first line names the JSON Schema, so an editor with the YAML extension
completes and checks the file from the first keystroke (see ``docs/editor.md``).

The starters are data, ``templates/starters/<kind>.yaml``: a new kind of meeting is a new file.
Each begins with ``# starter: <what it is for>``; its ``profile:`` line says its layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from minutes.errors import InputError, Problem
from minutes.formatting import format_date_short
from minutes.i18n import _
from minutes.profiles import Profile, families, profile_names, resolve
from minutes.resources import templates_dir
from minutes.schema import SCHEMA_FILE_NAME

DEFAULT_KINDS = {"state": "cuoc-hop", "party": "hoi-nghi"}
"""The general starter of each layout of the body (a profile's ``wording.body_style``): what
``minutes new --profile NAME`` writes, for that profile."""

_HEAD = """\
# yaml-language-server: $schema={schema}
#
# {title}
# {layout}
# Sửa các giá trị sau dấu hai chấm cho đúng cuộc họp của cơ quan, rồi chạy:
#     minutes validate {example}     (kiểm tra, chưa tạo tệp)
#     minutes render {example}       (tạo tệp PDF và DOCX)
# Dòng bắt đầu bằng dấu # là ghi chú, không in ra biên bản. Thụt lề bằng dấu cách, không dùng
# phím Tab. Trường ghi "không bắt buộc" có thể xóa cả dòng khi không dùng.
"""

_TITLE = re.compile(r"#\s*starter:\s*(.+)")
_PROFILE = re.compile(r"^profile:\s*([\w.-]+)", re.MULTILINE)


@dataclass(frozen=True)
class Starter:
    """One starter file: its kind (the file name), what it is for, its layout, its body."""

    kind: str
    title: str
    profile: str
    body: str


@cache
def starters() -> dict[str, Starter]:
    """Every starter shipped with the tool, by kind, in the order of their names."""
    found: dict[str, Starter] = {}
    for path in sorted((templates_dir() / "starters").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        first, _newline, body = text.partition("\n")
        title = _TITLE.fullmatch(first.strip())
        profile = _PROFILE.search(body)
        if title is None or profile is None:
            raise ValueError(f"{path}: a starter begins with '# starter: …' and has 'profile:'")
        found[path.stem] = Starter(path.stem, title.group(1), profile.group(1), body)
    return found


def starter(
    kind: str = "state", schema: str = SCHEMA_FILE_NAME, example: str = "bien-ban.yaml"
) -> str:
    """The starter file of ``kind``: a kind of :func:`starters`, or the name of a profile for
    the general starter of its layout, written for that profile. ``schema`` is the path or URL
    the editor finds the JSON Schema at (relative to the file); ``example`` the file name the
    comments use."""
    chosen = starters().get(kind)
    body = chosen.body if chosen is not None else ""
    if chosen is None:
        profile = _profile_named(kind)
        chosen = starters()[DEFAULT_KINDS[profile.wording.body_style]]
        body = _PROFILE.sub(f"profile: {kind}", chosen.body, count=1)
    match = _PROFILE.search(body)
    named = match.group(1) if match else chosen.profile
    head = _HEAD.format(
        schema=schema, title=chosen.title, layout=layout_line(named), example=example
    )
    return head + "\n" + body


def _profile_named(kind: str) -> Profile:
    try:
        return resolve(kind)
    except InputError:
        raise InputError(
            Problem(
                _("There is no starter or profile called `{kind}`.").format(kind=kind),
                field="kind",
                hint=_("kinds: {kinds}; profiles: {profiles}").format(
                    kinds=", ".join(starters()), profiles=", ".join(profile_names())
                ),
            )
        ) from None


def layout_line(name: str) -> str:
    """What the head of a starter says of its layout (in Vietnamese, like every comment of the
    file): the profile's own name, or for a family the rules of each period."""
    members = families().get(name)
    if not members:
        return f"Biên bản theo thể thức: {resolve(name).name}."
    lines = ["Biên bản theo thể thức còn hiệu lực vào ngày họp:"]
    for member in reversed(members):  # oldest first
        validity = member.validity
        since = validity.since if validity else None
        lines.append(f"  - {member.name}" + (f", từ {format_date_short(since)}" if since else ""))
    return "\n# ".join(lines)
