"""Which files a command works on: files, folders (searched recursively) and glob patterns.

Clerks name what they have at hand (``bien-ban/``, ``*.yaml``, one file), so every command that
takes many inputs (``batch``, ``validate``) resolves them the same way, here. A name that matches
nothing, or a file that is not YAML/JSON, is not a reason to stop: it comes back as a
:class:`~minutes.errors.Problem` beside the files that were found.
"""

from __future__ import annotations

import glob
import os
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


def _walk(folder: Path, exclude: Sequence[Path]) -> Iterable[Path]:
    """The input files below ``folder``, sorted, skipping hidden and excluded files and folders."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not _inside(here / d, exclude)
        )
        found.extend(
            here / name
            for name in sorted(files)
            if not name.startswith(".")
            and is_input_name(Path(name))
            and not (exclude and _inside(here / name, exclude))
        )
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
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.files.append(path)

    for name in names:
        text = str(name)
        path = Path(text)
        if path.is_dir():
            for item in _walk(path, excluded):
                add(item)
        elif path.is_file():
            if is_input_name(path):
                add(path)
            else:
                found.problems.append(
                    Problem(
                        _("Not a meeting file: the name must end in .yaml, .yml or .json."),
                        file=text,
                    )
                )
        elif _GLOB_CHARACTERS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            before = len(found.files)
            for match in matches:
                candidate = Path(match)
                if candidate.is_dir():
                    for item in _walk(candidate, excluded):
                        add(item)
                elif is_input_name(candidate) and not _inside(candidate, excluded):
                    add(candidate)
            if len(found.files) == before and not matches:
                found.problems.append(Problem(_("No file matches this pattern."), file=text))
        else:
            found.problems.append(Problem(_("File not found."), file=text))
    return found
