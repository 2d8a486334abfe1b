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
from minutes.profiles import Profile, available_profiles, load_profile


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
        profiles = [load_profile(name) for name in available_profiles()]
        found = first_heading(
            " ".join(lines[:40]), {p.id: p.wording.national_title for p in profiles}
        )
        if found is None:
            return None
        _name, heading = found
        family = [p for p in profiles if p.wording.national_title == heading]
        chosen = _in_force(family, date)
    else:
        chosen = load_profile(profile) if isinstance(profile, str) else profile
    return Choice(
        chosen,
        detected=profile is None,
        heading=heading,
        date=format_date_short(date) if date else None,
        dated_by=dated_by,
        notes=tuple(_notes(chosen, date)),
    )


def _applies(profile: Profile, date: dt.date) -> bool:
    validity = profile.validity
    if validity is None:
        return True
    after = validity.since is None or date >= validity.since
    before = validity.until is None or date < validity.until
    return after and before


def _in_force(family: list[Profile], date: dt.date | None) -> Profile:
    """The profile of the family whose text applies on ``date``; without a date, or when none
    applies, the newest (the one that took effect last)."""

    def since(profile: Profile) -> dt.date:
        validity = profile.validity
        return validity.since if validity and validity.since else dt.date.min

    newest = sorted(family, key=since, reverse=True)
    if date is not None:
        for profile in newest:
            if _applies(profile, date):
                return profile
    return newest[0]


def _notes(profile: Profile, date: dt.date | None) -> list[str]:
    validity = profile.validity
    if validity is None or date is None:
        return []
    if validity.until is not None and date >= validity.until:
        return [
            _(
                "{newer} replaced these rules from {until}; no profile follows it yet, so the "
                "document is measured against the rules it replaced"
            ).format(
                newer=validity.replaced_by or _("a newer text"),
                until=format_date_short(validity.until),
            )
        ]
    if validity.since is not None and date < validity.since:
        return [
            _(
                "dated before these rules took effect ({since}); the rules of its time may differ"
            ).format(since=format_date_short(validity.since))
        ]
    return []
