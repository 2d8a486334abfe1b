r"""pydantic's errors, and the numbers that do not add up, as :class:`~minutes.errors.Problem`\s
that name the file, the line, the field and what to write (:func:`validate_data`)."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from minutes.errors import InputError, Problem, clip
from minutes.facts import Finding, findings_of
from minutes.i18n import N_, _
from minutes.load.profile import profile_of, profile_problems
from minutes.load.reader import Parsed
from minutes.model import PART_KINDS, Minutes
from minutes.paths import Path_, field_path, nearest_position


def _position(parsed: Parsed, loc: Path_) -> tuple[int | None, int | None]:
    return nearest_position(parsed.positions, loc)


def _model_at(loc: Path_) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping at ``loc`` (to suggest field names)."""
    model: Any = Minutes
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        field = model.model_fields.get(part)
        if field is None:
            field = next((f for f in model.model_fields.values() if f.alias == part), None)
        if field is None:
            return None
        model = _inner_model(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    for candidate in _flatten(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _flatten(annotation: Any) -> Iterator[Any]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            yield from _flatten(arg)
    else:
        yield annotation


def field_names(model: type[BaseModel]) -> list[str]:
    """The names a user writes for ``model``'s fields (aliases where there are some)."""
    return [f.alias or name for name, f in model.model_fields.items()]


def _problem(parsed: Parsed, error: Any) -> Problem:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    loc = _as_written(parsed.data, _without_tags(error["loc"]))
    if "field" in ctx:  # a check of two fields that is about one of them
        loc = (str(ctx["field"]),)
    line, column = _position(parsed, loc)
    field = field_path(loc) or None
    hint: str | None = None
    if kind == "missing":
        message = _("This field is required but missing.")
        hint = _("add `{name}: …` here").format(name=loc[-1]) if loc else None
        line, column = _position(parsed, loc[:-1])
    elif kind == "extra_forbidden":
        message = _("Unknown field `{name}`.").format(name=clip(str(loc[-1])))
        model = _model_at(loc[:-1])
        choices = field_names(model) if model else []
        close = difflib.get_close_matches(str(loc[-1]), choices, n=1, cutoff=0.6)
        if " " in str(loc[-1]):
            hint = _("inside { … } a comma separates fields: put text that has a comma in quotes")
        elif close:
            hint = _("did you mean `{name}`?").format(name=close[0])
        elif choices:
            hint = _("allowed fields: {names}").format(names=", ".join(choices))
    else:
        message, hint = _MESSAGES.get(kind, _generic)(ctx, error)
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


def _generic(ctx: dict[str, Any], error: Any) -> tuple[str, str | None]:
    return _("Invalid value: {detail}.").format(detail=clip(str(error.get("msg", "")), 200)), None


def _msg(message: str, hint: str | None = None) -> Any:
    return lambda ctx, error: (
        _(message).format(**ctx),
        _(hint).format(**ctx) if hint else None,
    )


_MESSAGES: dict[str, Any] = {
    "string_type": _msg(N_("Expected text."), N_("write the value as text")),
    "string_too_short": _msg(N_("This text must not be empty.")),
    "int_type": _msg(N_("Expected a whole number."), N_("write digits only, e.g. 5")),
    "int_parsing": _msg(N_("Expected a whole number."), N_("write digits only, e.g. 5")),
    "int_from_float": _msg(N_("Expected a whole number, not a fraction.")),
    "float_type": _msg(N_("Expected a number."), N_("e.g. 317.35")),
    "float_parsing": _msg(N_("Expected a number."), N_("e.g. 317.35")),
    "greater_than_equal": _msg(N_("The number must be at least {ge}.")),
    "greater_than": _msg(N_("The number must be greater than {gt}.")),
    "too_short": _msg(N_("The list must have at least {min_length} item(s).")),
    "list_type": _msg(
        N_("Expected a list."), N_("write each item on its own line starting with `- `")
    ),
    "dict_type": _msg(N_("Expected a group of fields (a mapping).")),
    "model_type": _msg(N_("Expected a group of fields (a mapping).")),
    "model_attributes_type": _msg(N_("Expected a group of fields (a mapping).")),
    "literal_error": _msg(N_("Must be one of: {expected}.")),
    "bool_type": _msg(N_("Expected yes or no (true/false).")),
    "date_type": _msg(N_("Expected a date."), N_("write it as YYYY-MM-DD, e.g. 2018-03-07")),
    "date_parsing": _msg(
        N_("This is not a valid date."), N_("write it as YYYY-MM-DD, e.g. 2018-03-07")
    ),
    "date_from_datetime_parsing": _msg(
        N_("This is not a valid date."), N_("write it as YYYY-MM-DD, e.g. 2018-03-07")
    ),
    "date_from_datetime_inexact": _msg(
        N_("Expected a date without a time."), N_("write it as YYYY-MM-DD, e.g. 2018-03-07")
    ),
    "datetime_type": _msg(
        N_("Expected a date and time."), N_("write it as YYYY-MM-DD HH:MM, e.g. 2018-03-07 08:00")
    ),
    "datetime_parsing": _msg(
        N_("This is not a valid date and time."),
        N_("write it as YYYY-MM-DD HH:MM, e.g. 2018-03-07 08:00"),
    ),
    "datetime_from_date_parsing": _msg(
        N_("This is not a valid date and time."),
        N_("write it as YYYY-MM-DD HH:MM, e.g. 2018-03-07 08:00"),
    ),
    "time_parsing": _msg(
        N_("This is not a valid date and time."), N_("write it as YYYY-MM-DD HH:MM or HH:MM")
    ),
    "time_type": _msg(
        N_("This is not a valid date and time."), N_("write it as YYYY-MM-DD HH:MM or HH:MM")
    ),
    "missing_name": _msg(N_("A person needs a `name`."), N_("or write a group as plain text")),
    "symbol_spaces": _msg(N_("The symbol must not contain spaces."), N_("e.g. BB-UBND or BB/TU")),
    "end_before_start": _msg(
        N_("The meeting ends before it starts."), N_("check `start` and `end`")
    ),
    "attendance_exceeds_total": _msg(
        N_("Present and absent members ({counted}) are more than `members_total` ({total}).")
    ),
    "votes_exceed_present": _msg(
        N_("Agenda item {item}: {votes} votes, but only {present} members are present.")
    ),
    "agenda_or_sessions": _msg(
        N_("The agenda must have at least 1 item."),
        N_("write the items under `agenda`, or the sessions of the meeting under `sessions`"),
    ),
    "missing_start": _msg(
        N_("This field is required but missing."),
        N_("add `start: …` (e.g. 2025-11-20 08:00), or give each session its `start`"),
    ),
    "missing_chair": _msg(
        N_("This field is required but missing."),
        N_("add `chair: …`, or the presidium under `presidium`"),
    ),
    "members_twice": _msg(
        N_("`{old}` and `{new}` are the same count, given twice."),
        N_("keep one of them"),
    ),
    "count_without_line": _msg(
        N_("`count` belongs to a group line, not to a named person."),
        N_("write the group as `{{line: …, count: …}}`"),
    ),
    "part_type": _msg(
        N_("A part is a field such as `text: …` or `vote: {{…}}`."),
        N_("start the part with `- text:`, `- table:`, `- vote:` …"),
    ),
    "part_kind": _msg(
        N_("A part has exactly one of: {kinds} (found: {found})."),
        N_("put each part on its own `- ` line"),
    ),
    "row_length": _msg(
        N_("Row {row} has {cells} cells, but the table has {columns} columns."),
        N_('write one cell per column; an empty cell is ""'),
    ),
    "sum_of_text": _msg(
        N_("Row {row} of the summed column `{column}` holds text: {cell}."),
        N_('write a number, "-" for none, or remove `sum: true` from the column'),
    ),
    "total_without_sum": _msg(
        N_("`total` adds a row of sums, but no column has `sum: true`."),
        N_("mark the columns to add up with `sum: true`"),
    ),
    "empty_signer": _msg(
        N_("A signer needs an `authority`, a `title` or a `name`."),
    ),
    "empty_appendix": _msg(
        N_("An appendix needs `content`, a `table` or `parts`."),
    ),
    "number_not_writable": _msg(
        N_("This number cannot be written in the document: {detail}."),
        N_("write a finite number below 10^40, or write the value as text in quotes"),
    ),
}


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
