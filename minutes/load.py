"""YAML or JSON text → :class:`~minutes.model.Minutes`, with errors that point at file:line:column.

ruamel.yaml is used (not PyYAML) because its round-trip loader keeps the line and column of every
key and list item, so a pydantic error on ``agenda[2].votes.for`` can say *where* in the file it is.
It constructs only plain data (no Python objects). Timestamps are kept as text and parsed by
pydantic, so an impossible date such as ``2018-02-30`` is reported at its line, as a field error,
instead of escaping as a bare ``ValueError`` from the YAML parser.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from minutes.errors import InputError, Problem
from minutes.i18n import _
from minutes.model import Minutes, nearest_position

Path_ = tuple[str | int, ...]
MAX_INPUT_BYTES = 8 * 1024 * 1024
"""Inputs larger than this are refused before parsing (a biên bản is a few kilobytes)."""


class _PlainConstructor(RoundTripConstructor):
    """Round-trip constructor that leaves timestamps as text for pydantic to parse and check."""


_PlainConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str
)


def _yaml() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _PlainConstructor
    yaml.allow_duplicate_keys = False
    return yaml


@dataclass(frozen=True)
class Parsed:
    """Plain data read from a file, with the position of each key and item in it."""

    data: Any
    positions: dict[Path_, tuple[int, int]]
    source: str


def parse(text: str, source: str = "<input>") -> Parsed:
    """Read YAML (or JSON, which is YAML) into plain Python data and a map of positions."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_INPUT_BYTES:
        raise InputError(
            Problem(
                _("The file is too large (more than {limit} MB).").format(
                    limit=MAX_INPUT_BYTES // (1024 * 1024)
                ),
                file=source,
            )
        )
    try:
        tree = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InputError(
            Problem(
                _("YAML syntax error: {problem}.").format(problem=exc.problem or exc.context),
                file=source,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
                hint=_syntax_hint(text, mark.line if mark else None),
            )
        ) from None
    except YAMLError as exc:
        raise InputError(
            Problem(_("YAML syntax error: {problem}.").format(problem=exc), file=source)
        ) from None
    if tree is None:
        raise InputError(Problem(_("The file is empty."), file=source, line=1))
    if not isinstance(tree, CommentedMap):
        raise InputError(
            Problem(
                _(
                    "The file must be a mapping of fields (profile: …, title: …), not a list."
                ),
                file=source,
                line=1,
            )
        )
    positions: dict[Path_, tuple[int, int]] = {}
    return Parsed(_plain(tree, (), positions), positions, source)


def _syntax_hint(text: str, line: int | None) -> str | None:
    if line is None:
        return None
    lines = text.splitlines()
    if 0 <= line < len(lines) and "\t" in lines[line]:
        return _("YAML does not allow tabs for indentation: use spaces.")
    return _("Check the indentation and the colon after each field name.")


def _plain(node: Any, path: Path_, positions: dict[Path_, tuple[int, int]]) -> Any:
    """CommentedMap/Seq → dict/list, recording (line, column) of every key and item."""
    if isinstance(node, CommentedMap):
        result: dict[str, Any] = {}
        for key, value in node.items():
            try:
                line, column = node.lc.key(key)
            except (KeyError, TypeError):
                line, column = node.lc.line, node.lc.col
            child = (*path, str(key))
            positions[child] = (line + 1, column + 1)
            result[str(key)] = _plain(value, child, positions)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            child = (*path, index)
            try:
                line, column = node.lc.item(index)
            except (KeyError, TypeError, IndexError):
                line, column = node.lc.line, node.lc.col
            positions[child] = (line + 1, column + 1)
            items.append(_plain(value, child, positions))
        return items
    if isinstance(node, str):
        return str(node)
    return node


def field_path(loc: Path_) -> str:
    """``('agenda', 2, 'votes')`` → ``agenda[3].votes`` (1-based, as a reader counts)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


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
    loc: Path_ = tuple(part for part in error["loc"] if not _is_tag(part))
    kind = error["type"]
    ctx = error.get("ctx") or {}
    line, column = _position(parsed, loc)
    field = field_path(loc) or None
    hint: str | None = None
    if kind == "missing":
        message = _("This field is required but missing.")
        hint = _("add `{name}: …` here").format(name=loc[-1]) if loc else None
        line, column = _position(parsed, loc[:-1])
    elif kind == "extra_forbidden":
        message = _("Unknown field `{name}`.").format(name=loc[-1])
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


def _generic(ctx: dict[str, Any], error: Any) -> tuple[str, str | None]:
    return _("Invalid value: {detail}.").format(detail=error.get("msg", "")), None


def _msg(message: str, hint: str | None = None) -> Any:
    return lambda ctx, error: (
        _(message).format(**ctx),
        _(hint).format(**ctx) if hint else None,
    )


_MESSAGES: dict[str, Any] = {
    "string_type": _msg("Expected text.", "write the value as text"),
    "string_too_short": _msg("This text must not be empty."),
    "int_type": _msg("Expected a whole number.", "write digits only, e.g. 5"),
    "int_parsing": _msg("Expected a whole number.", "write digits only, e.g. 5"),
    "int_from_float": _msg("Expected a whole number, not a fraction."),
    "float_type": _msg("Expected a number.", "e.g. 317.35"),
    "float_parsing": _msg("Expected a number.", "e.g. 317.35"),
    "greater_than_equal": _msg("The number must be at least {ge}."),
    "greater_than": _msg("The number must be greater than {gt}."),
    "too_short": _msg("The list must have at least {min_length} item(s)."),
    "list_type": _msg("Expected a list.", "write each item on its own line starting with `- `"),
    "dict_type": _msg("Expected a group of fields (a mapping)."),
    "model_type": _msg("Expected a group of fields (a mapping)."),
    "model_attributes_type": _msg("Expected a group of fields (a mapping)."),
    "literal_error": _msg("Must be one of: {expected}."),
    "bool_type": _msg("Expected yes or no (true/false)."),
    "date_type": _msg("Expected a date.", "write it as YYYY-MM-DD, e.g. 2018-03-07"),
    "date_parsing": _msg("This is not a valid date.", "write it as YYYY-MM-DD, e.g. 2018-03-07"),
    "date_from_datetime_parsing": _msg(
        "This is not a valid date.", "write it as YYYY-MM-DD, e.g. 2018-03-07"
    ),
    "date_from_datetime_inexact": _msg(
        "Expected a date without a time.", "write it as YYYY-MM-DD, e.g. 2018-03-07"
    ),
    "datetime_type": _msg(
        "Expected a date and time.", "write it as YYYY-MM-DD HH:MM, e.g. 2018-03-07 08:00"
    ),
    "datetime_parsing": _msg(
        "This is not a valid date and time.", "write it as YYYY-MM-DD HH:MM, e.g. 2018-03-07 08:00"
    ),
    "datetime_from_date_parsing": _msg(
        "This is not a valid date and time.", "write it as YYYY-MM-DD HH:MM, e.g. 2018-03-07 08:00"
    ),
    "time_parsing": _msg(
        "This is not a valid date and time.", "write it as YYYY-MM-DD HH:MM or HH:MM"
    ),
    "time_type": _msg(
        "This is not a valid date and time.", "write it as YYYY-MM-DD HH:MM or HH:MM"
    ),
    "missing_name": _msg("A person needs a `name`.", "or write a group as plain text"),
    "symbol_spaces": _msg("The symbol must not contain spaces.", "e.g. BB-UBND or BB/TU"),
    "party_needs_place": _msg(
        "A Party document needs `place` (địa danh).", "e.g. place: Thái Bình"
    ),
    "end_before_start": _msg("The meeting ends before it starts.", "check `start` and `end`"),
    "attendance_exceeds_total": _msg(
        "Present and absent members ({counted}) are more than `members_total` ({total})."
    ),
    "votes_exceed_present": _msg(
        "Agenda item {item}: {votes} votes, but only {present} members are present."
    ),
}


def validate_data(parsed: Parsed) -> Minutes:
    """Validate parsed data; raise :class:`InputError` listing every problem found."""
    if not isinstance(parsed.data, dict):
        raise InputError(Problem(_("The file must be a mapping of fields."), file=parsed.source))
    try:
        return Minutes.model_validate(parsed.data).with_origin(parsed.source, parsed.positions)
    except ValidationError as exc:
        problems = [_problem(parsed, error) for error in exc.errors(include_url=False)]
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise InputError(problems) from None


def loads(text: str | bytes, source: str = "<input>") -> Minutes:
    """Read meeting data from YAML or JSON text."""
    if isinstance(text, bytes):
        text = decode(text, source)
    return validate_data(parse(text, source))


def load(path: str | Path) -> Minutes:
    """Read meeting data from a ``.yaml``, ``.yml`` or ``.json`` file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(_("File not found."), file=str(path))) from None
    except IsADirectoryError:
        raise InputError(Problem(_("This is a folder, not a file."), file=str(path))) from None
    except OSError as exc:
        raise InputError(
            Problem(
                _("Cannot read the file: {reason}.").format(reason=exc.strerror), file=str(path)
            )
        ) from None
    return loads(raw, str(path))


def decode(raw: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) only; anything else gets a message that says what to do."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            Problem(
                _(
                    "The file is not UTF-8 text (it may be in an old Vietnamese encoding such as "
                    "TCVN3, VNI or Windows-1258, or not text at all)."
                ),
                file=source,
                line=line,
                hint=_("convert it to Unicode UTF-8, e.g. with UniKey's converter, and save again"),
            )
        ) from None
