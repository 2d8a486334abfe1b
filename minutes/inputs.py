"""Which files a command works on: files, folders (searched recursively) and glob patterns.

Clerks name what they have at hand (``bien-ban/``, ``*.yaml``, one file), so every command that
takes many inputs (``batch``, ``validate``) resolves them the same way, here. A name that matches
nothing, or a file that is not YAML/JSON, is not a reason to stop: it comes back as a
:class:`~minutes.errors.Problem` beside the files that were found.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from minutes.errors import Problem
from minutes.i18n import _

SUFFIXES = (".yaml", ".yml", ".json")
"""The file names a folder or a pattern contributes (compared without regard to case)."""

_GLOB_CHARACTERS = frozenset("*?[")


@dataclass
class Found:
    """The input files, each once, in the order named; and what could not be used."""

    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def is_input_name(path: Path) -> bool:
    """Whether ``path`` has a suffix of an input file."""
    return path.suffix.lower() in SUFFIXES


def _inside(path: Path, folders: Sequence[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder) for folder in folders)


def shown_name(path: str | Path) -> str:
    """``path`` as text that can always be printed and written to JSON: a name whose bytes are
    not UTF-8 (a file copied from an old system) keeps its readable part, and each stray byte
    shows as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _odd_name(path: Path) -> Problem | None:
    """A problem for a name that is not text (bytes that are not UTF-8): such a name cannot be
    printed, written to the report or recorded in the manifest, so the file is refused with a
    message instead of stopping the whole command."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return Problem(
            _("The file name is not valid text (it has bytes that are not UTF-8)."),
            file=shown_name(path),
            hint=_("rename the file, e.g. with letters, digits and -"),
        )
    return None


def _not_a_file(path: Path) -> Problem:
    return Problem(
        _("This is not an ordinary file (a pipe, a socket or a device)."),
        file=shown_name(path),
        hint=_("give the meeting's .yaml file itself"),
    )


def _walk(folder: Path, exclude: Sequence[Path], problems: list[Problem]) -> Iterable[Path]:
    """The input files below ``folder``, sorted, skipping hidden and excluded files and folders.
    A folder that cannot be read and an input name that is not an ordinary file (a pipe named
    ``*.yaml`` would hang the reader) go to ``problems``: nothing is skipped silently."""
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        if isinstance(error, PermissionError):
            reason = _("you are not allowed to read it")
        else:
            reason = error.strerror or type(error).__name__
        problems.append(
            Problem(
                _("Cannot read this folder: {reason}.").format(reason=reason),
                file=shown_name(error.filename or folder),
                hint=_("ask for permission to read it, or leave it out"),
            )
        )

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        here = Path(root)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not _inside(here / d, exclude)
        )
        for name in sorted(files):
            path = here / name
            if (
                name.startswith(".")
                or not is_input_name(Path(name))
                or (exclude and _inside(path, exclude))
            ):
                continue
            try:
                regular = stat.S_ISREG(path.stat().st_mode)
            except OSError:  # a broken link: reported when it is read
                regular = True
            if regular:
                found.append(path)
            else:
                problems.append(_not_a_file(path))
    return found


def find_inputs(names: Sequence[str | Path], exclude: Sequence[Path] = ()) -> Found:
    """Resolve ``names`` (files, folders, glob patterns) into input files.

    ``exclude`` lists folders never searched and files never taken (the batch output folder and
    report, which may sit inside the input folder). A file named explicitly is taken whatever
    its folder; a file found by a folder or a pattern must have a :data:`SUFFIXES` suffix.
    """
    excluded = [Path(folder).resolve() for folder in exclude]
    found = Found()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        odd = _odd_name(path)
        if odd is not None:
            found.problems.append(odd)
            return
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.files.append(path)

    for name in names:
        text = str(name)
        path = Path(text)
        if path.is_dir():
            for item in _walk(path, excluded, found.problems):
                add(item)
        elif path.exists() and not path.is_file():
            found.problems.append(_not_a_file(path))
        elif path.is_file():
            if is_input_name(path):
                add(path)
            else:
                found.problems.append(
                    Problem(
                        _("Not a meeting file: the name must end in .yaml, .yml or .json."),
                        file=shown_name(text),
                    )
                )
        elif _GLOB_CHARACTERS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            before = len(found.files)
            for match in matches:
                candidate = Path(match)
                if candidate.is_dir():
                    for item in _walk(candidate, excluded, found.problems):
                        add(item)
                elif is_input_name(candidate) and not _inside(candidate, excluded):
                    add(candidate)
            if len(found.files) == before and not matches:
                found.problems.append(
                    Problem(_("No file matches this pattern."), file=shown_name(text))
                )
        else:
            found.problems.append(Problem(_("File not found."), file=shown_name(text)))
    return found
