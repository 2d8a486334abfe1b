"""Where profiles come from, and which one a meeting gets.

A profile is a data file. The built-in ones are ``templates/profiles/<name>.yaml``; an office adds
its own, as a file beside its meetings (``profile: ho-so/doan-tncs.yaml``, relative to the
meeting's folder) or in a folder named by ``MINUTES_PROFILES`` (several joined with ``:``, ``;`` on
Windows), where it is found by name like a built-in one. Nothing in the code knows a profile by
name: every list of profiles (the command's choices, the JSON Schema, the web form, the checker)
is read from here.

A profile may ``extends:`` another, by name or by path (relative to its own file), and change any
value: mappings merge key by key (a role may change one property, ``wording`` one line), lists and
plain values are replaced, ``null`` removes an element that allows it (``motto: null``). A file's
``id``, ``family`` and ``validity`` are its own, never inherited: an office's profile that
extends the Party's rules of 2026 is not itself one of the Party's rules.

A *family* (``family: party``) is the profiles one kind of document has had over time, each with
the dates its text applied (``validity``). A meeting that names the family gets the member in force
on the meeting's date: minutes of 2025 follow Hướng dẫn 36 (``party-2018``), those of July 2026
its successor (``party-2026``); the checker does the same with a document's date.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from minutes import yaml_events
from minutes.errors import InputError, Problem
from minutes.i18n import _
from minutes.paths import field_path
from minutes.profiles.model import ROLES, Profile
from minutes.resources import profiles_dir
from minutes.validation_words import words

ENVIRONMENT = "MINUTES_PROFILES"
"""The variable naming an office's folders of profiles, found by name like the built-in ones."""
OWN_KEYS = ("id", "family", "validity", "extends")
"""What a profile file says of itself only: never taken from the profile it extends."""
MAX_CHAIN = 8
"""How many profiles one may extend through (a loop is refused long before)."""
SUFFIXES = (".yaml", ".yml")

Where = tuple[str, int | None]
"""A file and a line."""


@dataclass(frozen=True)
class Found:
    """A profile file found by name."""

    name: str
    path: Path
    builtin: bool


def office_dirs() -> list[Path]:
    """The folders of ``MINUTES_PROFILES`` that exist."""
    value = os.environ.get(ENVIRONMENT, "")
    return [Path(part) for part in value.split(os.pathsep) if part and Path(part).is_dir()]


def found_profiles() -> dict[str, Found]:
    """Every profile that can be named: the built-in ones, then an office's (a name already
    taken is not taken again: the built-in profile wins)."""
    found: dict[str, Found] = {}
    for folder, builtin in [(profiles_dir(), True), *((d, False) for d in office_dirs())]:
        for path in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES):
            found.setdefault(path.stem, Found(path.stem, path, builtin))
    return found


def available_profiles() -> list[str]:
    """The names of the profiles that can be named, in order."""
    return sorted(found_profiles())


def all_profiles() -> list[Profile]:
    """Every profile that can be named, read."""
    return [read_profile(found.path) for found in found_profiles().values()]


def builtin_profiles() -> list[Profile]:
    """The profiles that come with minutes."""
    return [read_profile(found.path) for found in found_profiles().values() if found.builtin]


def families() -> dict[str, list[Profile]]:
    """The families, each with its members, newest first."""
    grouped: dict[str, list[Profile]] = {}
    for profile in all_profiles():
        if profile.family:
            grouped.setdefault(profile.family, []).append(profile)
    return {name: sorted(members, key=_since, reverse=True) for name, members in grouped.items()}


def profile_names() -> list[str]:
    """What ``profile:`` may say by name: every profile and every family."""
    return sorted({*found_profiles(), *families()})


def load_profile(name: str) -> Profile:
    """The profile called ``name``; a family's name gives its newest member."""
    return resolve(name)


def resolve(
    name: str, date: dt.date | None = None, base: Path | None = None, files: bool = True
) -> Profile:
    """The profile a meeting dated ``date`` gets when it says ``profile: name``: a file (a name
    ending in ``.yaml``, relative to ``base``, the meeting's folder) when ``files`` allows, a
    profile by name, or the member of a family in force on ``date``. Raises :class:`InputError`
    (for the field ``profile``) when there is none."""
    if looks_like_file(name):
        if not files:
            raise InputError(
                Problem(
                    _("This service does not read profile files: `{name}`.").format(name=name),
                    field="profile",
                    hint=_("name a profile: {names}").format(names=", ".join(profile_names())),
                )
            )
        path = Path(name)
        path = path if path.is_absolute() else (base or Path.cwd()) / path
        if not path.is_file():
            raise InputError(
                Problem(
                    _("The profile file {path} does not exist.").format(path=path),
                    field="profile",
                    hint=_("write its path relative to the meeting's folder"),
                )
            )
        return read_profile(path)
    found = found_profiles().get(name)
    if found is not None:
        return read_profile(found.path)
    members = families().get(name)
    if members:
        return in_force(members, date)
    raise InputError(
        Problem(
            _("Unknown profile `{name}`.").format(name=name),
            field="profile",
            hint=_("one of: {names}; or a profile file (.yaml) beside the meeting").format(
                names=", ".join(profile_names())
            ),
        )
    )


def looks_like_file(name: str) -> bool:
    """``ho-so/doan.yaml`` names a file; ``party-2026`` a profile."""
    return name.lower().endswith(SUFFIXES) or "/" in name or "\\" in name


def in_force(members: list[Profile], date: dt.date | None) -> Profile:
    """The member whose text applies on ``date``: the last to take effect on or before it. A date
    before them all gets the oldest (the nearest rules in time), no date the newest."""
    oldest_first = sorted(members, key=_since)
    if date is None:
        return oldest_first[-1]
    chosen = oldest_first[0]
    for profile in oldest_first:
        if _since(profile) <= date:
            chosen = profile
    return chosen


def applies(profile: Profile, date: dt.date) -> bool:
    """Whether the text ``profile`` follows was in force on ``date``."""
    validity = profile.validity
    if validity is None:
        return True
    after = validity.since is None or date >= validity.since
    before = validity.until is None or date < validity.until
    return after and before


def _since(profile: Profile) -> dt.date:
    validity = profile.validity
    return validity.since if validity and validity.since else dt.date.min


# -- reading a file, and the files it extends ----------------------------------------------------


def read_profile(path: Path) -> Profile:
    """The profile in the file at ``path``, with what it extends merged in; read again only when
    one of its files changes."""
    path = path.resolve()
    chain = list(_chain(path))
    return _read_chain(tuple((p, p.stat().st_mtime_ns) for p in chain))


@dataclass(frozen=True)
class _Raw:
    """One file's data, plain, with the line of every key."""

    data: dict[str, Any]
    lines: dict[tuple[str | int, ...], int]
    extends: str | None


def _chain(path: Path) -> Iterator[Path]:
    """``path`` and every file it extends, the nearest first."""
    seen: list[Path] = []
    current: Path | None = path
    while current is not None:
        if current in seen or len(seen) >= MAX_CHAIN:
            raise InputError(
                Problem(
                    _("The profiles extend one another in a loop: {chain}.").format(
                        chain=" → ".join(p.name for p in [*seen, current])
                    ),
                    file=str(path),
                    field="extends",
                )
            )
        seen.append(current)
        yield current
        extends = _raw(current, current.stat().st_mtime_ns).extends
        current = _extended(extends, current) if extends else None


def _extended(name: str, by: Path) -> Path:
    """The file ``by`` extends when it says ``extends: name``."""
    if looks_like_file(name):
        path = Path(name)
        path = path if path.is_absolute() else by.parent / path
        if path.is_file():
            return path.resolve()
    else:
        found = found_profiles().get(name)
        if found is not None:
            return found.path.resolve()
    raise InputError(
        Problem(
            _("`extends` names no profile: `{name}`.").format(name=name),
            file=str(by),
            line=_raw(by, by.stat().st_mtime_ns).lines.get(("extends",)),
            field="extends",
            hint=_("one of: {names}; or a profile file (.yaml) relative to this one").format(
                names=", ".join(available_profiles())
            ),
        )
    )


@cache
def _raw(path: Path, _mtime: int) -> _Raw:
    """The data of one profile file, and the line of each key (the modification time is part of
    the key of the cache: an edited file is read again)."""
    try:
        text = path.read_text(encoding="utf-8")
        positions: dict[tuple[str | int, ...], tuple[int, int]] = {}
        fast = yaml_events.read(text, _BOUNDS, _construct, positions, _as_is)
        if fast is not None:  # what ruamel gives, read by libyaml (minutes/yaml_events.py)
            extends = fast.get("extends")
            return _Raw(
                fast,
                {where: line for where, (line, _column) in positions.items()},
                extends if isinstance(extends, str) else None,
            )
        loaded = YAML(typ="rt").load(text)
    except (YAMLError, OSError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        raise InputError(
            Problem(
                _("The profile cannot be read: {reason}.").format(
                    reason=getattr(error, "problem", None) or error
                ),
                file=str(path),
                line=mark.line + 1 if mark is not None else None,
            )
        ) from None
    if not isinstance(loaded, CommentedMap):
        raise InputError(Problem(_("A profile is a mapping of fields."), file=str(path)))
    lines: dict[tuple[str | int, ...], int] = {}
    data = _plain(loaded, (), lines)
    extends = data.get("extends")
    return _Raw(data, lines, extends if isinstance(extends, str) else None)


_BOUNDS = yaml_events.Bounds(max_nodes=100_000, max_depth=100, max_items=10_000, blocks=False)
"""Where the fast path leaves a profile to ruamel (which reads it with no limits: a profile is the
office's own file)."""


def _construct(tag: str, value: str) -> Any:
    """A plain scalar as ruamel's round-trip loader builds it (a date a ``TimeStamp``)."""
    node = yaml_events.scalar_node(tag, value)
    if tag == yaml_events.TIMESTAMP:
        return yaml_events.ROUND_TRIP.construct_yaml_timestamp(node)
    if tag == yaml_events.NULL:
        return None
    if tag == yaml_events.BOOL:
        return yaml_events.BOOLS[value.lower()]
    if tag == yaml_events.INT:
        return yaml_events.ROUND_TRIP.construct_yaml_int(node)
    if tag == yaml_events.FLOAT:
        return yaml_events.ROUND_TRIP.construct_yaml_float(node)
    raise yaml_events.Fallback


def _as_is(value: str, path: tuple[str | int, ...], at: tuple[int, int]) -> str:
    return value


def _plain(node: Any, path: tuple[str | int, ...], lines: dict[tuple[str | int, ...], int]) -> Any:
    """ruamel's round-trip data as plain dicts and lists, noting each key's line."""
    if isinstance(node, CommentedMap):
        result = {}
        for key, value in node.items():
            where = (*path, key)
            lines[where] = node.lc.key(key)[0] + 1
            result[key] = _plain(value, where, lines)
        return result
    if isinstance(node, CommentedSeq):
        for index in range(len(node)):
            where = (*path, index)
            lines[where] = node.lc.item(index)[0] + 1
        return [_plain(value, (*path, index), lines) for index, value in enumerate(node)]
    return node


@cache
def _read_chain(chain: tuple[tuple[Path, int], ...]) -> Profile:
    """Merge the files of ``chain`` (the nearest first) and validate the result."""
    raws = [_raw(path, mtime) for path, mtime in chain]
    merged: dict[str, Any] = {}
    for raw in reversed(raws):
        inherited = {k: v for k, v in merged.items() if k not in OWN_KEYS}
        merged = merge(inherited, raw.data)
    own = chain[0][0]
    merged.setdefault("id", own.stem)
    try:
        profile = Profile.model_validate(merged)
    except ValidationError as error:
        raise InputError(
            [_problem(item, raws, [path for path, _m in chain]) for item in error.errors()]
        ) from None
    _check_roles(profile, own)
    return profile


def _check_roles(profile: Profile, path: Path) -> None:
    """Every role of the document tree styled, and no other."""
    missing = [role for role in ROLES if role not in profile.roles]
    unknown = [role for role in profile.roles if role not in ROLES]
    parts = []
    if missing:
        parts.append(_("missing: {names}").format(names=", ".join(missing)))
    if unknown:
        parts.append(_("unknown: {names}").format(names=", ".join(unknown)))
    if parts:
        raise InputError(
            Problem(
                _("The profile's roles are not the document's roles ({detail}).").format(
                    detail="; ".join(parts)
                ),
                file=str(path),
                field="roles",
                hint=_("extend a built-in profile (extends: state) and change only what differs"),
            )
        )


def merge(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``over`` on top of ``base``: mappings merged key by key, everything else replaced."""
    merged = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        if isinstance(value, Mapping) and isinstance(below, Mapping):
            merged[key] = merge(below, value)
        else:
            merged[key] = value
    return merged


def _problem(error: Any, raws: list[_Raw], paths: list[Path]) -> Problem:
    """A validation error of the merged profile, placed where the nearest file sets the key (or
    the nearest key above it)."""
    location = tuple(error["loc"])
    file, line = _where(location, raws, paths)
    message, hint = words(error, Profile, location)
    return Problem(message, file=file, line=line, field=field_path(location) or None, hint=hint)


def _where(location: tuple[str | int, ...], raws: list[_Raw], paths: list[Path]) -> Where:
    for depth in range(len(location), 0, -1):
        for raw, path in zip(raws, paths, strict=True):
            line = raw.lines.get(location[:depth])
            if line is not None:
                return str(path), line
    return str(paths[0]), None
