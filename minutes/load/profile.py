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

from minutes.errors import InputError, Problem, clip
from minutes.i18n import _, decimal_text
from minutes.load.reader import Parsed
from minutes.model import Minutes
from minutes.paths import nearest_position
from minutes.profiles import Profile, resolve
from minutes.resources import fonts_dir
from minutes.vocabulary import CELL_PADDING_MM, font_files, text_width_pt


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
    """What the profile asks of the meeting and the file does not give, and a name its header
    cell cannot hold."""
    problems = _names_that_cannot_fit(minutes, profile, parsed)
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


def _names_that_cannot_fit(minutes: Minutes, profile: Profile, parsed: Parsed) -> list[Problem]:
    """A word of the issuing body's name (or of the body above it) wider than the header cell,
    in the cell's letters: no line break can hold it, so it would be printed cut or across the
    Quốc hiệu. Said here rather than printed broken."""
    fonts = fonts_dir()
    if not font_files(fonts):
        return []  # the set-up message comes with the render
    cell_pt = (profile.layout.header_left_mm - 2 * CELL_PADDING_MM) * 72 / 25.4
    problems = []
    names = (
        ("name", "org", minutes.organization.name),
        ("parent", "parent-org", minutes.organization.parent),
    )
    for key, role_name, text in names:
        if not text:
            continue
        role = profile.role(role_name)
        for word in text.split():
            shown = word.upper() if role.caps else word
            width = text_width_pt(shown, role.size_pt, role.bold, role.italic, fonts)
            if width > cell_pt:
                line, column = nearest_position(parsed.positions, ("organization", key))
                problems.append(
                    Problem(
                        _(
                            "`{word}` is {width} mm wide in the heading, wider than its cell "
                            "({cell} mm): it cannot be printed whole."
                        ).format(
                            word=clip(word, 40),
                            width=decimal_text(width * 25.4 / 72, 1),
                            cell=decimal_text(cell_pt * 25.4 / 72, 1),
                        ),
                        file=parsed.source,
                        line=line,
                        column=column,
                        field=f"organization.{key}",
                        hint=_("write it with spaces or its usual abbreviation"),
                    )
                )
                break
    return problems
