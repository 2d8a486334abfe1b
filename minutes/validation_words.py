"""pydantic's validation errors in the clerk's words: what is wrong and what to write.

pydantic says "Input should be 'state' or 'party'" or "Extra inputs are not permitted", in English
and in a programmer's terms, for any model. Both of the files a clerk writes are validated by
pydantic models (the meeting, :class:`minutes.model.Minutes`; an office's profile,
:class:`minutes.profiles.model.Profile`), so their errors are put into words here, once: the
kinds of error pydantic itself raises (a missing or unknown field, with the field meant; a wrong
type; a number out of range; a choice not offered), and any kinds a caller adds for its own
checks. Where the message goes (the file, the line) is the caller's.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from minutes.errors import clip
from minutes.i18n import N_, _
from minutes.paths import Path_

Words = Callable[[dict[str, Any], Any], tuple[str, str | None]]
"""A kind's message and hint, from pydantic's error (its ``ctx`` and the whole error)."""


def words(
    error: Any, root: type[BaseModel], loc: Path_, kinds: Mapping[str, Words] | None = None
) -> tuple[str, str | None]:
    """The message and the hint for pydantic's ``error`` in a file validated by ``root``; ``loc``
    is where it is, as the file writes it. ``kinds`` words the caller's own kinds of error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        hint = _("add `{name}: …` here").format(name=loc[-1]) if loc else None
        return _("This field is required but missing."), hint
    if kind == "extra_forbidden" and loc:
        return _unknown_field(root, loc)
    if kind == "value_error" and isinstance(ctx.get("error"), ValueError):
        return str(ctx["error"]), None  # our own validators' words, already translated
    worder = (kinds or {}).get(kind) or PYDANTIC_KINDS.get(kind, _generic)
    return worder(ctx, error)


def _unknown_field(root: type[BaseModel], loc: Path_) -> tuple[str, str | None]:
    name = str(loc[-1])
    message = _("Unknown field `{name}`.").format(name=clip(name))
    model = model_at(root, loc[:-1])
    choices = field_names(model) if model else []
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    if " " in name:
        return message, _(
            "inside { … } a comma separates fields: put text that has a comma in quotes"
        )
    if close:
        return message, _("did you mean `{name}`?").format(name=close[0])
    if choices:
        return message, _("allowed fields: {names}").format(names=", ".join(choices))
    return message, None


def model_at(root: type[BaseModel], loc: Path_) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping at ``loc`` under ``root`` (to suggest
    field names)."""
    model: Any = root
    keyed = False  # the part after a field that maps names to models is a name
    for part in loc:
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        field = model.model_fields.get(part)
        if field is None:
            field = next((f for f in model.model_fields.values() if f.alias == part), None)
        if field is None:
            return None
        keyed = typing.get_origin(field.annotation) is dict
        model = _inner_model(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    for candidate in _flatten(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _flatten(annotation: Any) -> Iterator[Any]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, tuple, dict, typing.Annotated):
        for arg in typing.get_args(annotation):
            yield from _flatten(arg)
    else:
        yield annotation


def field_names(model: type[BaseModel]) -> list[str]:
    """The names a user writes for ``model``'s fields (aliases where there are some)."""
    return [f.alias or name for name, f in model.model_fields.items()]


def _generic(ctx: dict[str, Any], error: Any) -> tuple[str, str | None]:
    return _("Invalid value: {detail}.").format(detail=clip(str(error.get("msg", "")), 200)), None


def _choices(expected: str) -> str:
    """pydantic's ``'a', 'b' or 'c'``, with the last "or" in the language of the messages."""
    head, joint, last = expected.rpartition(" or ")
    return f"{head}{_(' or ')}{last}" if joint else expected


def worded(message: str, hint: str | None = None) -> Words:
    """A kind worded by a message and a hint (marked with ``N_``), filled from pydantic's
    ``ctx``."""
    return lambda ctx, error: (
        _(message).format(**ctx),
        _(hint).format(**ctx) if hint else None,
    )


PYDANTIC_KINDS: dict[str, Words] = {
    "string_type": worded(N_("Expected text."), N_("write the value as text")),
    "string_too_short": worded(N_("This text must not be empty.")),
    "int_type": worded(N_("Expected a whole number."), N_("write digits only, e.g. 5")),
    "int_parsing": worded(N_("Expected a whole number."), N_("write digits only, e.g. 5")),
    "int_from_float": worded(N_("Expected a whole number, not a fraction.")),
    "float_type": worded(N_("Expected a number."), N_("e.g. 317.35")),
    "float_parsing": worded(N_("Expected a number."), N_("e.g. 317.35")),
    "greater_than_equal": worded(N_("The number must be at least {ge}.")),
    "greater_than": worded(N_("The number must be greater than {gt}.")),
    "too_short": worded(N_("The list must have at least {min_length} item(s).")),
    "list_type": worded(
        N_("Expected a list."), N_("write each item on its own line starting with `- `")
    ),
    "dict_type": worded(N_("Expected a group of fields (a mapping).")),
    "model_type": worded(N_("Expected a group of fields (a mapping).")),
    "model_attributes_type": worded(N_("Expected a group of fields (a mapping).")),
    "literal_error": lambda ctx, error: (
        _("Must be one of: {expected}.").format(expected=_choices(str(ctx.get("expected", "")))),
        None,
    ),
    "bool_type": worded(N_("Expected yes or no (true/false).")),
    "date_type": worded(N_("Expected a date."), N_("write it as YYYY-MM-DD, e.g. 2018-03-07")),
    "date_parsing": worded(
        N_("This is not a valid date."), N_("write it as YYYY-MM-DD, e.g. 2018-03-07")
    ),
    "date_from_datetime_parsing": worded(
        N_("This is not a valid date."), N_("write it as YYYY-MM-DD, e.g. 2018-03-07")
    ),
    "date_from_datetime_inexact": worded(
        N_("Expected a date without a time."), N_("write it as YYYY-MM-DD, e.g. 2018-03-07")
    ),
    "datetime_type": worded(
        N_("Expected a date and time."), N_("write it as YYYY-MM-DD HH:MM, e.g. 2018-03-07 08:00")
    ),
    "datetime_parsing": worded(
        N_("This is not a valid date and time."),
        N_("write it as YYYY-MM-DD HH:MM, e.g. 2018-03-07 08:00"),
    ),
    "datetime_from_date_parsing": worded(
        N_("This is not a valid date and time."),
        N_("write it as YYYY-MM-DD HH:MM, e.g. 2018-03-07 08:00"),
    ),
    "time_parsing": worded(
        N_("This is not a valid date and time."), N_("write it as YYYY-MM-DD HH:MM or HH:MM")
    ),
    "time_type": worded(
        N_("This is not a valid date and time."), N_("write it as YYYY-MM-DD HH:MM or HH:MM")
    ),
    "less_than_equal": worded(N_("The number must be at most {le}.")),
    "less_than": worded(N_("The number must be less than {lt}.")),
    "too_long": worded(N_("The list must have at most {max_length} item(s).")),
    "tuple_type": worded(
        N_("Expected a list."), N_("write each item on its own line starting with `- `")
    ),
}
"""The kinds of error pydantic raises, in words."""
