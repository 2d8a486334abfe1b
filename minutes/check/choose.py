"""Which profile a document is measured against, and why: its heading names the family
(``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``: the State's; ``ĐẢNG CỘNG SẢN VIỆT NAM``: the Party's), its
date the version of the family's rules in force (each profile file says when its text applies:
``validity``). Nothing here knows a profile by name: a new profile file (the Party's rules of
2026) is chosen for the documents it applies to as soon as it exists.
"""

from __future__ import annotations

import datetime as dt

from minutes.check.forms import document_date
from minutes.check.layout import Layout
from minutes.check.report import Choice
from minutes.check.text import first_heading
from minutes.formatting import format_date_short
from minutes.i18n import _
from minutes.profiles import (
    Profile,
    all_profiles,
    builtin_profiles,
    families,
    in_force,
    resolve,
)


def lines_of(layout: Layout) -> list[str]:
    return [piece.text for piece in layout.body()]


def choose(layout: Layout, profile: str | Profile | None = None) -> Choice | None:
    """The profile for ``layout``: ``profile`` when given, else the one whose heading the
    document carries and whose text applies on its date; ``None`` when no heading is found."""
    lines = lines_of(layout)
    dated = document_date(lines)
    date, dated_by = dated if dated else (None, None)
    heading: str | None = None
    if profile is None:
        found = _by_heading(lines, builtin_profiles()) or _by_heading(lines, all_profiles())
        if found is None:
            return None
        heading, family = found
        chosen = in_force(family, date)
    else:
        chosen = resolve(profile, date) if isinstance(profile, str) else profile
    return Choice(
        chosen,
        detected=profile is None,
        heading=heading,
        date=format_date_short(date) if date else None,
        dated_by=dated_by,
        notes=tuple(_notes(chosen, date)),
    )


def _by_heading(lines: list[str], profiles: list[Profile]) -> tuple[str, list[Profile]] | None:
    """The heading the document carries, and the profiles of ``profiles`` that print it. The
    built-in profiles are tried first: an office's own profile on the State's heading (a
    company's) is measured against only when it is named."""
    found = first_heading(" ".join(lines[:40]), {p.id: p.wording.national_title for p in profiles})
    if found is None:
        return None
    heading = found[1]
    return heading, [p for p in profiles if p.wording.national_title == heading]


def _successor(profile: Profile, date: dt.date) -> Profile | None:
    """The profile of ``profile``'s family in force on ``date``, when it is another one."""
    members = families().get(profile.family or "", [])
    chosen = in_force(members, date) if members else None
    return chosen if chosen is not None and chosen.id != profile.id else None


def _notes(profile: Profile, date: dt.date | None) -> list[str]:
    validity = profile.validity
    if validity is None or date is None:
        return []
    if validity.until is not None and date >= validity.until:
        newer = validity.replaced_by or _("a newer text")
        until = format_date_short(validity.until)
        successor = _successor(profile, date)
        if successor is not None:
            return [
                _(
                    "{newer} replaced these rules from {until}: a document of this date follows "
                    "the profile {profile}"
                ).format(newer=newer, until=until, profile=successor.id)
            ]
        return [
            _(
                "{newer} replaced these rules from {until}; no profile follows it yet, so the "
                "document is measured against the rules it replaced"
            ).format(newer=newer, until=until)
        ]
    if validity.since is not None and date < validity.since:
        return [
            _(
                "dated before these rules took effect ({since}); the rules of its time may differ"
            ).format(since=format_date_short(validity.since))
        ]
    return []
