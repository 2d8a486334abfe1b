r"""pydantic's errors, and the numbers that do not add up, as :class:`~minutes.errors.Problem`\s
that name the file, the line, the field and what to write (:func:`validate_data`)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from minutes.errors import InputError, Problem
from minutes.facts import Finding, findings_of
from minutes.i18n import N_, _
from minutes.load.profile import profile_of, profile_problems
from minutes.load.reader import Parsed
from minutes.model import PART_KINDS, Minutes
from minutes.paths import Path_, field_path, nearest_position
from minutes.validation_words import Words, worded, words


def _position(parsed: Parsed, loc: Path_) -> tuple[int | None, int | None]:
    return nearest_position(parsed.positions, loc)


def _problem(parsed: Parsed, error: Any) -> Problem:
    ctx = error.get("ctx") or {}
    loc = _as_written(parsed.data, _without_tags(error["loc"]))
    if "field" in ctx:  # a check of two fields that is about one of them
        loc = (str(ctx["field"]),)
    message, hint = words(error, Minutes, loc, MEETING_KINDS)
    # a missing field is placed where it belongs: under the mapping that lacks it
    line, column = _position(parsed, loc[:-1] if error["type"] == "missing" else loc)
    field = field_path(loc) or None
    return Problem(message, file=parsed.source, line=line, column=column, field=field, hint=hint)


def _is_tag(part: Any) -> bool:
    """pydantic adds union member names (``function-before[…]``) to ``loc``; readers skip them."""
    return isinstance(part, str) and ("[" in part or part in ("str", "int", "float", "Person"))


def _without_tags(loc: Any) -> Path_:
    """``loc`` without the names pydantic adds for the members of a union: the type names, and
    the kind of a part (``parts[3].table.table.rows`` → ``parts[3].table.rows``)."""
    parts = [part for part in loc if not _is_tag(part)]
    kept: list[str | int] = []
    for index, part in enumerate(parts):
        after_item = index >= 2 and parts[index - 2] in PART_LISTS
        doubled = index + 1 < len(parts) and parts[index + 1] == part
        if after_item and isinstance(parts[index - 1], int) and part in PART_KINDS and doubled:
            continue
        kept.append(part)
    return tuple(kept)


PART_LISTS = ("parts",)


def _as_written(data: Any, loc: Path_) -> Path_:
    """``loc`` as the file writes it: a single item where a list may stand (``chair: {…}`` for
    a list of chairs, ``votes: {…}``) has no index in the file, so none in the message."""
    kept: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(part, int):
            if isinstance(node, list):
                node = node[part] if part < len(node) else None
                kept.append(part)
            elif node is not None and part != 0:
                kept.append(part)
            continue
        kept.append(part)
        node = node.get(part) if isinstance(node, dict) else None
    return tuple(kept)


MEETING_KINDS: dict[str, Words] = {
    "missing_name": worded(N_("A person needs a `name`."), N_("or write a group as plain text")),
    "symbol_spaces": worded(N_("The symbol must not contain spaces."), N_("e.g. BB-UBND or BB/TU")),
    "end_before_start": worded(
        N_("The meeting ends before it starts."), N_("check `start` and `end`")
    ),
    "attendance_exceeds_total": worded(
        N_("Present and absent members ({counted}) are more than `members_total` ({total}).")
    ),
    "votes_exceed_present": worded(
        N_("Agenda item {item}: {votes} votes, but only {present} members are present.")
    ),
    "agenda_or_sessions": worded(
        N_("The agenda must have at least 1 item."),
        N_("write the items under `agenda`, or the sessions of the meeting under `sessions`"),
    ),
    "missing_start": worded(
        N_("This field is required but missing."),
        N_("add `start: …` (e.g. 2025-11-20 08:00), or give each session its `start`"),
    ),
    "missing_chair": worded(
        N_("This field is required but missing."),
        N_("add `chair: …`, or the presidium under `presidium`"),
    ),
    "members_twice": worded(
        N_("`{old}` and `{new}` are the same count, given twice."),
        N_("keep one of them"),
    ),
    "count_without_line": worded(
        N_("`count` belongs to a group line, not to a named person."),
        N_("write the group as `{{line: …, count: …}}`"),
    ),
    "part_type": worded(
        N_("A part is a field such as `text: …` or `vote: {{…}}`."),
        N_("start the part with `- text:`, `- table:`, `- vote:` …"),
    ),
    "part_kind": worded(
        N_("A part has exactly one of: {kinds} (found: {found})."),
        N_("put each part on its own `- ` line"),
    ),
    "row_length": worded(
        N_("Row {row} has {cells} cells, but the table has {columns} columns."),
        N_('write one cell per column; an empty cell is ""'),
    ),
    "sum_of_text": worded(
        N_("Row {row} of the summed column `{column}` holds text: {cell}."),
        N_('write a number, "-" for none, or remove `sum: true` from the column'),
    ),
    "total_without_sum": worded(
        N_("`total` adds a row of sums, but no column has `sum: true`."),
        N_("mark the columns to add up with `sum: true`"),
    ),
    "empty_signer": worded(
        N_("A signer needs an `authority`, a `title` or a `name`."),
    ),
    "empty_appendix": worded(
        N_("An appendix needs `content`, a `table` or `parts`."),
    ),
    "number_not_writable": worded(
        N_("This number cannot be written in the document: {detail}."),
        N_("write a finite number below 10^40, or write the value as text in quotes"),
    ),
}
"""The kinds of error the meeting's own checks raise, in words."""


def validate_data(parsed: Parsed) -> Minutes:
    """Validate parsed data; raise :class:`InputError` listing every problem found: the fields
    that are wrong, then (when every field is right) the numbers that do not add up."""
    if not isinstance(parsed.data, dict):
        raise InputError(Problem(_("The file must be a mapping of fields."), file=parsed.source))
    try:
        minutes = Minutes.model_validate(parsed.data).with_origin(parsed.source, parsed.positions)
    except ValidationError as exc:
        problems = [_problem(parsed, error) for error in exc.errors(include_url=False)]
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise InputError(problems) from None
    profile = profile_of(minutes, parsed)
    problems = [_finding(parsed, finding) for finding in findings_of(minutes)]
    problems += profile_problems(minutes, profile, parsed)
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise InputError(problems)
    return minutes.with_profile(profile)


def _finding(parsed: Parsed, finding: Finding) -> Problem:
    loc = _as_written(parsed.data, finding.path)
    line, column = _position(parsed, loc)
    return Problem(
        finding.message,
        file=parsed.source,
        line=line,
        column=column,
        field=field_path(loc),
        hint=finding.hint,
    )
