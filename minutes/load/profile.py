"""The profile a meeting file names, found as the file is read, and what that profile asks of
the meeting (a layout that prints the place and date needs ``place``).

A profile file named by the meeting (``profile: ho-so/doan-tncs.yaml``) is found relative to the
meeting's folder. A host that reads meetings from strangers (the web app) sets
:attr:`~minutes.load.limits.Limits.profile_files` to ``False``: the name is then looked up among
the built-in profiles and the office's (``MINUTES_PROFILES``) only, never as a path on its disk.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from minutes.errors import InputError, Problem
from minutes.i18n import _
from minutes.load.reader import Parsed
from minutes.model import Minutes
from minutes.paths import nearest_position
from minutes.profiles import Profile, resolve


def profile_of(minutes: Minutes, parsed: Parsed) -> Profile:
    """The profile ``minutes`` names; a name that finds none is a problem at the ``profile``
    line (a problem inside a profile file keeps its own file and line)."""
    try:
        return resolve(
            minutes.profile,
            minutes.date,
            folder_of(parsed.source),
            files=parsed.limits.profile_files,
        )
    except InputError as error:
        line, column = nearest_position(parsed.positions, ("profile",))
        raise InputError(
            [
                problem
                if problem.file
                else replace(problem, file=parsed.source, line=line, column=column)
                for problem in error.problems
            ]
        ) from None


def folder_of(source: str | None) -> Path | None:
    """The folder of the meeting file ``source`` (``None`` for text that came from no file)."""
    if not source:
        return None
    path = Path(source)
    return path.parent if path.is_file() else None


def profile_problems(minutes: Minutes, profile: Profile, parsed: Parsed) -> list[Problem]:
    """What the profile asks of the meeting and the file does not give."""
    problems = []
    prints_place = (
        minutes.place_date if minutes.place_date is not None else (profile.wording.show_place_date)
    )
    if prints_place and not minutes.place:
        line, column = nearest_position(parsed.positions, ("place",))
        if line is None:
            line, column = nearest_position(parsed.positions, ("date",))
        problems.append(
            Problem(
                _("This layout prints the place and date, so it needs `place` (địa danh)."),
                file=parsed.source,
                line=line,
                column=column,
                field="place",
                hint=_("e.g. place: Thái Bình; or place_date: false to leave the line out"),
            )
        )
    return problems
