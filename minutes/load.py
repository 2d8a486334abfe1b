"""YAML or JSON text → :class:`~minutes.model.Minutes`, with errors that point at file:line:column.

ruamel.yaml is used (not PyYAML) because its round-trip loader keeps the line and column of every
key and list item, so a pydantic error on ``agenda[2].votes.for`` can say *where* in the file it is.
It constructs only plain data (no Python objects). Timestamps are kept as text and parsed by
pydantic, so an impossible date such as ``2018-02-30`` is reported at its line, as a field error,
instead of escaping as a bare ``ValueError`` from the YAML parser.

Input is not trusted (the library also runs inside web services), so reading it is bounded by
:class:`Limits`: the size of the file, the number of values (counted again after YAML aliases are
expanded, which stops "billion laughs"), the nesting depth, the items of one list and the length
of one text. Each is checked while the file is read, so a hostile file is refused in a fraction of
a second with a message that names its line, never a ``RecursionError`` or a full memory. Tags
(``!!python/object``, ``!!binary``, ``!foo``) are refused, not constructed. Control characters
pasted from Word (``\x0b``, ``\x0c``), which YAML itself forbids, are let through to the text
fields, where :func:`~minutes.formatting.normalize_text` cleans them.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import stat
import types
import typing
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from minutes.errors import InputError, Problem
from minutes.facts import Finding, findings_of
from minutes.i18n import N_, _
from minutes.model import PART_KINDS, Minutes, nearest_position

Path_ = tuple[str | int, ...]

MAX_QUOTED = 80
"""The most characters of the user's own text (a key, a name) that a message quotes."""


def clip(text: str, limit: int = MAX_QUOTED) -> str:
    """``text`` cut to ``limit`` characters, with ``…``: a message quotes the user's data only
    so far, however long the data (a key of 100,000 characters stays a line of the report)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Limits:
    """How much input :func:`load` and :func:`loads` accept; anything beyond is an
    :class:`InputError` that names the line. The defaults are far above any real biên bản (the
    largest example is 12 kB with about 400 values) and keep loading under a second.

    >>> Limits(max_items=5000)  # a host that lists the delegates of a large congress
    Limits(max_bytes=1048576, max_nodes=10000, max_depth=32, max_items=5000, max_text=100000)
    """

    max_bytes: int = 1024 * 1024
    """Size of the file, in bytes of UTF-8."""
    max_nodes: int = 10_000
    """Values in the file (keys included), each use of an alias counting in full."""
    max_depth: int = 32
    """Levels of nesting (the meeting's own fields use four)."""
    max_items: int = 1_000
    """Items in one list (attendees, agenda …) or fields in one mapping."""
    max_text: int = 100_000
    """Characters in one text (about 30 pages)."""

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_nodes", "max_depth", "max_items", "max_text"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"Limits.{name} must be a whole number of at least 1: {value!r}")


DEFAULT_LIMITS = Limits()
MAX_INPUT_BYTES = DEFAULT_LIMITS.max_bytes
"""Inputs larger than this are refused before parsing (a biên bản is a few kilobytes)."""

MAX_INT_DIGITS = 100
"""A YAML integer with more digits than this is refused (Python refuses to read one of more than
4,300 digits at all, with a ``ValueError`` the user could not place)."""


class _Refused(Exception):
    """Raised while reading when the input breaks a limit or uses a refused feature; :func:`parse`
    turns it into an :class:`InputError` at ``line``/``column`` (0-based here, as ruamel counts)."""

    def __init__(
        self,
        message: str,
        hint: str | None = None,
        line: int | None = None,
        column: int | None = None,
        path: Path_ | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.line = line
        self.column = column
        self.path = path


@dataclass(frozen=True)
class _Rejected:
    """Stands in for a value the constructor refused to build (a tag, a giant number);
    :func:`_plain`, which knows the field, reports it."""

    message: str
    hint: str | None
    line: int
    column: int


def _reject_tag(constructor: RoundTripConstructor, node: Any) -> _Rejected:
    tag = str(getattr(node, "tag", "") or "")
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return _Rejected(
        _("The YAML tag `{tag}` is not allowed.").format(tag=shown),
        _("remove the tag: a meeting file holds only text, numbers, dates, lists and fields"),
        node.start_mark.line,
        node.start_mark.column,
    )


def _construct_int(constructor: RoundTripConstructor, node: Any) -> Any:
    digits = sum(ch.isdigit() for ch in str(node.value))
    if digits > MAX_INT_DIGITS:
        return _Rejected(
            _("This number has too many digits ({digits}).").format(digits=digits),
            _("a number in a biên bản has at most {limit} digits").format(limit=MAX_INT_DIGITS),
            node.start_mark.line,
            node.start_mark.column,
        )
    return RoundTripConstructor.construct_yaml_int(constructor, node)


_THOUSANDS_WITH_DOTS = re.compile(r"[-+]?[1-9][0-9]{0,2}(\.[0-9]{3})+")


def float_text(value: float) -> str:
    """``value`` written so that :func:`loads` reads it back: ``repr``, with a ``0`` added when
    the digits after the point would look like thousands (``1.234`` → ``1.2340``)."""
    text = repr(value)
    return text + "0" if _THOUSANDS_WITH_DOTS.fullmatch(text) else text


def _construct_float(constructor: RoundTripConstructor, node: Any) -> Any:
    """YAML reads ``12.000`` as the number twelve; a Vietnamese clerk wrote twelve thousand. A
    number written with groups of three digits after a dot is refused rather than printed as 12."""
    text = str(node.value)
    if _THOUSANDS_WITH_DOTS.fullmatch(text):
        digits = text.replace(".", "")
        return _Rejected(
            _("`{text}` is ambiguous: YAML reads it as {value}, not {digits}.").format(
                text=text, value=format(float(text), "g"), digits=digits
            ),
            _(
                "write numbers without thousands separators ({digits}); a decimal number with a "
                'dot (12.5); or the text to print, in quotes ("{text}")'
            ).format(digits=digits, text=text),
            node.start_mark.line,
            node.start_mark.column,
        )
    return RoundTripConstructor.construct_yaml_float(constructor, node)


class _PlainConstructor(RoundTripConstructor):
    """Round-trip constructor that leaves timestamps as text for pydantic to parse and check,
    and builds nothing but plain data: any tag beyond the plain ones is refused."""

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        """A key written twice is refused here, with a message of our own: ruamel's puts
        ``str()`` of both values in its message, and a value made of aliases can expand to
        gigabytes of text before any limit is checked (the limits count it later, in
        :func:`_plain`). Only the key, cut short, is shown."""
        if key in mapping:
            first = mapping.lc.key(key)[0] + 1 if key in mapping.lc.data else None
            composer = getattr(self.loader, "composer", None)
            where = getattr(composer, "paths", {}).get(id(node), ())
            raise _Refused(
                _("The field `{name}` is written twice.").format(name=clip(str(key))),
                _("keep one of the two; the first is on line {line}").format(line=first)
                if first is not None
                else _("keep one of the two"),
                key_node.start_mark.line,
                key_node.start_mark.column,
                (*where, clip(str(key))),
            )
        return True

    def check_set_key(self, node: Any, key_node: Any, setting: Any, key: Any) -> None:
        if key in setting:  # sets are refused as tags anyway; never build ruamel's message
            raise _Refused(
                _("The field `{name}` is written twice.").format(name=clip(str(key))),
                _("keep one of the two"),
                key_node.start_mark.line,
                key_node.start_mark.column,
            )


_PlainConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str
)
_PlainConstructor.add_constructor("tag:yaml.org,2002:int", _construct_int)
_PlainConstructor.add_constructor("tag:yaml.org,2002:float", _construct_float)
for _tag in ("binary", "set", "pairs"):
    _PlainConstructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _reject_tag)
_PlainConstructor.add_constructor(None, _reject_tag)  # !foo, !!python/object …


class _LimitedComposer(Composer):
    """ruamel's composer, counting as it goes: stops at the first node past a limit, so a huge
    or deeply nested file costs no more than reading up to the limit (and never overflows the
    stack). Tracks the path of the node being composed, to name the field in the error."""

    def __init__(self, loader: Any = None) -> None:
        super().__init__(loader=loader)
        self.warn_double_anchors = False  # a repeated anchor is legal YAML: the last one counts
        self.limits: Limits = getattr(loader, "minutes_limits", DEFAULT_LIMITS)
        self.count = 0
        self.path: list[str | int | None] = []
        self.parents: list[Any] = []
        self.paths: dict[int, Path_] = {}
        """The path of each mapping composed, by ``id`` of its node."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        limits = self.limits
        if self.parser.check_event(AliasEvent):
            anchor = self.parser.peek_event().anchor
            target = self.anchors.get(anchor)
            if target is not None and any(target is node for node in (*self.parents, parent)):
                raise self._refuse(
                    _("The alias `*{name}` is inside the value it stands for.").format(name=anchor),
                    _("a value cannot contain itself"),
                )
        self.count += 1
        if self.count > limits.max_nodes:
            raise self._refuse(
                _("The file has more than {limit} values.").format(limit=limits.max_nodes),
                _("a biên bản has a few hundred; is this the right file?"),
            )
        if len(self.path) >= limits.max_depth:
            raise self._refuse(
                _("The data is nested more than {limit} levels deep.").format(
                    limit=limits.max_depth
                ),
                _("check the indentation and the brackets [ ] and { }"),
            )
        if isinstance(parent, SequenceNode) and isinstance(index, int):
            if index >= limits.max_items:
                raise self._refuse(*_too_many_items(limits.max_items))
        elif (
            isinstance(parent, MappingNode)
            and index is None
            and len(parent.value) >= limits.max_items
        ):
            raise self._refuse(*_too_many_fields(limits.max_items))
        if isinstance(index, int):
            part: str | int | None = index
        elif isinstance(index, ScalarNode):
            part = str(index.value)
        else:
            part = None  # a key being composed
        self.path.append(part)
        self.parents.append(parent)
        try:
            node = super().compose_node(parent, index)
            if isinstance(node, MappingNode):  # for the constructor's messages: where it is
                self.paths.setdefault(id(node), tuple(p for p in self.path if p is not None))
            return node
        finally:
            self.path.pop()
            self.parents.pop()

    def _refuse(self, message: str, hint: str) -> _Refused:
        mark = self.parser.peek_event().start_mark
        path = tuple(part for part in self.path if part is not None)
        return _Refused(message, hint, mark.line, mark.column, path)


def _too_many_fields(limit: int) -> tuple[str, str]:
    return (
        _("This group has more than {limit} fields.").format(limit=limit),
        _("a biên bản needs a few dozen at most; is this the right file?"),
    )


def _too_many_items(limit: int) -> tuple[str, str]:
    return (
        _("This list has more than {limit} items.").format(limit=limit),
        _(
            "a biên bản names at most this many; write a group as one line (e.g. "
            "`Các đại biểu dự Đại hội`) and give the number in `members_present`"
        ),
    )


def _yaml(limits: Limits) -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _PlainConstructor
    yaml.Composer = _LimitedComposer
    yaml.allow_duplicate_keys = False
    yaml.minutes_limits = limits  # type: ignore[attr-defined]  # read by _LimitedComposer
    return yaml


# Characters YAML forbids in a file (C0 and C1 controls but tab and line ends, lone surrogates,
# U+FFFE/U+FFFF) or takes for line ends where a clerk's text means a line break inside a value
# (NEL, U+2028, U+2029). Word pastes \x0b (line break) and \x0c (page break) into text. Before
# parsing each becomes a stand-in from a private use plane (one character for one, so lines and
# columns stay true), and back in the values after: the text fields then clean them. The stand-ins
# come from the first plane (private use planes 16 and 15 first, then 14 down to 1) none of whose
# stand-ins the text itself holds, so that a real character is never taken for one.
_SHIELDED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_STAND_INS = tuple(plane << 16 for plane in range(16, 0, -1))
_SHIELDED_CODES = [code for code in range(0x10000) if _SHIELDED.match(chr(code))]
_UNSHIELD = {base: {base + code: code for code in _SHIELDED_CODES} for base in _STAND_INS}
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _shield(text: str) -> tuple[str, dict[int, int] | None]:
    """``text`` with its shielded characters replaced, and the table that puts them back
    (``None`` when there were none)."""
    if not _SHIELDED.search(text):
        return text, None
    used = {ord(ch) for ch in _ASTRAL.findall(text)}
    base = next((b for b in _STAND_INS if used.isdisjoint(_UNSHIELD[b])), _STAND_INS[0])
    return _SHIELDED.sub(lambda m: chr(base + ord(m.group())), text), _UNSHIELD[base]


@dataclass
class _Walk:
    """State of one :func:`_plain` walk: where things are, how many values so far."""

    limits: Limits
    unshield: dict[int, int] | None
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    count: int = 0
    chars: int = 0


@dataclass(frozen=True)
class Parsed:
    """Plain data read from a file, with the position of each key and item in it."""

    data: Any
    positions: dict[Path_, tuple[int, int]]
    source: str


def _too_large(source: str, limits: Limits, line: int) -> InputError:
    return InputError(
        Problem(
            _("The file is too large (more than {limit} MB).").format(
                limit=f"{limits.max_bytes / (1024 * 1024):g}"
            ),
            file=source,
            line=line,
            hint=_("a biên bản is a few kilobytes of text: is this the right file?"),
        )
    )


def parse(text: str, source: str = "<input>", limits: Limits | None = None) -> Parsed:
    """Read YAML (or JSON, which is YAML) into plain Python data and a map of positions."""
    limits = limits or DEFAULT_LIMITS
    if len(text) > limits.max_bytes or len(text.encode("utf-8", "surrogatepass")) > (
        limits.max_bytes
    ):
        encoded = text.encode("utf-8", "surrogatepass")[: limits.max_bytes]
        raise _too_large(source, limits, encoded.count(b"\n") + 1)
    shielded, unshield = _shield(text)
    try:
        tree = _yaml(limits).load(shielded)
    except _Refused as exc:
        raise _refused(exc, source) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context
        if (
            exc.problem
            and exc.context
            and exc.context_mark
            and ("end of stream" in exc.problem or "simple key" in exc.context)
        ):  # where the unclosed quote began, or the key that lacks its colon; not what came next
            mark = exc.context_mark
            problem = f"{exc.problem} ({exc.context})"
        raise InputError(
            Problem(
                _("YAML syntax error: {problem}.").format(problem=clip(str(problem), 200)),
                file=source,
                line=mark.line + 1 if mark else 1,
                column=mark.column + 1 if mark else None,
                hint=_syntax_hint(text, mark.line if mark else None),
            )
        ) from None
    except YAMLError as exc:
        position = getattr(exc, "position", None)
        line = text.count("\n", 0, position) + 1 if isinstance(position, int) else 1
        raise InputError(
            Problem(
                _("YAML syntax error: {problem}.").format(problem=clip(str(exc), 200)),
                file=source,
                line=line,
            )
        ) from None
    except RecursionError:  # only if a host raised max_depth past what Python's stack allows
        raise InputError(
            Problem(
                _("The data is nested more than {limit} levels deep.").format(
                    limit=limits.max_depth
                ),
                file=source,
                line=1,
            )
        ) from None
    if tree is None:
        raise InputError(Problem(_("The file is empty."), file=source, line=1))
    if not isinstance(tree, CommentedMap):
        raise InputError(
            Problem(
                _("The file must be a mapping of fields (profile: …, title: …), not a list.")
                if isinstance(tree, CommentedSeq)
                else _(
                    "The file must be a mapping of fields (profile: …, title: …), not a single "
                    "value."
                ),
                file=source,
                line=1,
            )
        )
    walk = _Walk(limits, unshield)
    try:
        data = _plain(tree, (), walk)
    except _Refused as exc:
        raise _refused(exc, source) from None
    return Parsed(data, walk.positions, source)


def _refused(exc: _Refused, source: str) -> InputError:
    return InputError(
        Problem(
            exc.message,
            file=source,
            line=exc.line + 1 if exc.line is not None else 1,
            column=exc.column + 1 if exc.column is not None else None,
            field=field_path(exc.path) if exc.path else None,
            hint=exc.hint,
        )
    )


def _syntax_hint(text: str, line: int | None) -> str | None:
    if line is None:
        return None
    lines = text.splitlines()
    if 0 <= line < len(lines) and "\t" in lines[line]:
        return _("YAML does not allow tabs for indentation: use spaces.")
    return _("Check the indentation and the colon after each field name.")


def _plain(node: Any, path: Path_, walk: _Walk, at: tuple[int, int] = (0, 0)) -> Any:
    """CommentedMap/Seq → dict/list, recording (line, column) of every key and item, and checking
    the limits on the data as it will be used: aliases expanded (each use counts in full), every
    list and text at its full length. ``at`` is the 0-based position of ``node``."""
    limits = walk.limits
    walk.count += 1
    if walk.count > limits.max_nodes:
        raise _Refused(
            _("With its aliases (`*name`) expanded, the data has more than {limit} values.").format(
                limit=limits.max_nodes
            ),
            _("write the data out instead of repeating it with `&name` and `*name`"),
            *at,
            path,
        )
    if len(path) > limits.max_depth:
        raise _Refused(
            _("The data is nested more than {limit} levels deep.").format(limit=limits.max_depth),
            _("check the indentation and the brackets [ ] and { }"),
            *at,
            path,
        )
    if isinstance(node, _Rejected):
        raise _Refused(node.message, node.hint, node.line, node.column, path)
    if isinstance(node, CommentedMap):
        if len(node) > limits.max_items:
            raise _Refused(*_too_many_fields(limits.max_items), *at, path)
        result: dict[str, Any] = {}
        for key, value in node.items():
            try:
                line, column = node.lc.key(key)
            except (KeyError, TypeError):
                line, column = node.lc.line, node.lc.col
            if isinstance(key, _Rejected):
                raise _Refused(key.message, key.hint, key.line, key.column, path)
            name = _text(str(key), walk, path, (line, column))
            child = (*path, name)
            walk.positions[child] = (line + 1, column + 1)
            result[name] = _plain(value, child, walk, (line, column))
        return result
    if isinstance(node, CommentedSeq):
        if len(node) > limits.max_items:
            raise _Refused(*_too_many_items(limits.max_items), *at, path)
        items = []
        for index, value in enumerate(node):
            child = (*path, index)
            try:
                line, column = node.lc.item(index)
            except (KeyError, TypeError, IndexError):
                line, column = node.lc.line, node.lc.col
            walk.positions[child] = (line + 1, column + 1)
            items.append(_plain(value, child, walk, (line, column)))
        return items
    if isinstance(node, str):
        return _text(str(node), walk, path, at)
    return node


_SURROGATES = re.compile("[\ud800-\udfff]")


def _text(value: str, walk: _Walk, path: Path_, at: tuple[int, int]) -> str:
    limits = walk.limits
    if len(value) > limits.max_text:
        raise _Refused(
            _("This text is too long ({length} characters; at most {limit}).").format(
                length=len(value), limit=limits.max_text
            ),
            _("split it, or attach the full text as a document and summarise it here"),
            *at,
            path,
        )
    walk.chars += len(value)
    if walk.chars > limits.max_bytes:  # only aliases make the text longer than the file
        raise _Refused(
            _(
                "With its aliases (`*name`) expanded, the data has more than {limit} characters "
                "of text."
            ).format(limit=limits.max_bytes),
            _("write the data out instead of repeating it with `&name` and `*name`"),
            *at,
            path,
        )
    if walk.unshield:
        value = value.translate(walk.unshield)
    if _SURROGATES.search(value):  # JSON writes 😀 as "\ud83d\ude00": join the pair
        value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return value


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
    "party_needs_place": _msg(
        N_("A Party document needs `place` (địa danh)."), N_("e.g. place: Thái Bình")
    ),
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
    findings = findings_of(minutes)
    if findings:
        raise InputError([_finding(parsed, finding) for finding in findings])
    return minutes


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


def loads(text: str | bytes, source: str = "<input>", limits: Limits | None = None) -> Minutes:
    """Read meeting data from YAML or JSON text (``bytes`` must be UTF-8, or UTF-16 with a BOM).
    ``limits`` bounds what is accepted (see :class:`Limits`)."""
    if isinstance(text, bytes):
        text = decode(text, source, limits)
    return validate_data(parse(text, source, limits))


def load(path: str | Path, limits: Limits | None = None) -> Minutes:
    """Read meeting data from a ``.yaml``, ``.yml`` or ``.json`` file."""
    return validate_data(parse(read_source(path, limits), str(path), limits))


def read_source(path: str | Path, limits: Limits | None = None) -> str:
    """The text of an input file; a missing, unreadable, too large or non-UTF-8 file is an
    :class:`InputError` (shared by :func:`load` and ``minutes validate``, which needs the parsed
    data and its positions, not only the model). At most ``limits.max_bytes`` (+1) are read, so
    ``/dev/zero`` or a film renamed ``.yaml`` costs nothing."""
    limits = limits or DEFAULT_LIMITS
    path = Path(path)
    try:
        with _open_regular(path) as stream:
            raw = stream.read(limits.max_bytes + 1)
    except _NotAFile:
        raise InputError(
            Problem(
                _("This is not an ordinary file (a pipe, a socket or a device)."),
                file=str(path),
                hint=_("give the meeting's .yaml file itself"),
            )
        ) from None
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
    return decode(raw, str(path), limits)


class _NotAFile(Exception):
    """The path names a pipe, a socket or a device, not a file."""


def _open_regular(path: Path) -> typing.BinaryIO:
    """``path`` opened for reading, if it is an ordinary file (or a character device such as
    ``/dev/zero``, which reads at once). A pipe or a socket named ``*.yaml`` would make a plain
    ``open()`` wait for a writer forever, so it is opened without waiting and refused."""
    descriptor = os.open(
        path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode)):
            raise _NotAFile(path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def decode(raw: bytes, source: str, limits: Limits | None = None) -> str:
    """UTF-8 (with or without BOM), or UTF-16 or UTF-32 with a BOM (Notepad's "Unicode"); anything
    else gets a message that says what it probably is and what to do."""
    limits = limits or DEFAULT_LIMITS
    if len(raw) > limits.max_bytes:
        raise _too_large(source, limits, raw[: limits.max_bytes].count(b"\n") + 1)
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
    elif raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE …
        try:
            return raw.decode("utf-32")
        except UnicodeDecodeError:
            pass  # not really UTF-32: described below
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass  # not really UTF-16: described below
    kind = _binary_kind(raw)
    if kind is not None:
        nul = raw.find(b"\x00")
        raise InputError(
            Problem(
                _("This is not a text file: it looks like {kind}.").format(kind=kind),
                file=source,
                line=raw[: max(nul, 0)].count(b"\n") + 1,
                hint=_("give the meeting's .yaml file (text), not a document, picture or archive"),
            )
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        legacy = guess_legacy_encoding(raw)
        if legacy is not None:
            raise InputError(
                Problem(
                    _(
                        "The file is not UTF-8 text: it looks like {encoding}, an old Vietnamese "
                        "encoding."
                    ).format(encoding=legacy),
                    file=source,
                    line=line,
                    hint=_(
                        "convert it to Unicode: in UniKey's converter (Ctrl+Shift+F6) choose "
                        "source {encoding}, destination Unicode; then save the file as UTF-8"
                    ).format(encoding=legacy),
                )
            ) from None
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


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", N_("a ZIP archive or a Word (.docx) document")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("an old Word (.doc) or Excel (.xls) document")),
    (b"%PDF", N_("a PDF document")),
    (b"{\\rtf", N_("an RTF document")),
    (b"\x89PNG", N_("a PNG picture")),
    (b"\xff\xd8\xff", N_("a JPEG picture")),
    (b"GIF8", N_("a GIF picture")),
    (b"\x1f\x8b", N_("a gzip archive")),
)


def _binary_kind(raw: bytes) -> str | None:
    """What ``raw`` looks like if it is not text at all (a document, a picture, raw bytes)."""
    for magic, kind in _SIGNATURES:
        if raw.startswith(magic):
            return _(kind)  # RTF is text, but not ours, and its escapes would only confuse
    head = raw[:65536]
    controls = sum(1 for byte in head if byte < 0x20 and byte not in b"\t\n\r\x0b\x0c")
    if b"\x00" in raw or controls > len(head) // 100:
        return _("binary data")
    return None


# The old Vietnamese encodings, as far as needed to tell them apart: each one decodes the bytes,
# and the one whose result is most plainly Vietnamese letters wins.
_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
_TCVN3_ROWS = {  # TCVN3 (ABC): each vowel with each tone is one byte
    "a": "a\xb8\xb5\xb6\xb7\xb9", "ă": "\xa8\xbe\xbb\xbc\xbd\xc6", "â": "\xa9\xca\xc7\xc8\xc9\xcb",
    "e": "e\xd0\xcc\xce\xcf\xd1", "ê": "\xaa\xd5\xd2\xd3\xd4\xd6", "i": "i\xdd\xd7\xd8\xdc\xde",
    "o": "o\xe3\xdf\xe1\xe2\xe4", "ô": "\xab\xe8\xe5\xe6\xe7\xe9", "ơ": "\xac\xed\xea\xeb\xec\xee",
    "u": "u\xf3\xef\xf1\xf2\xf4", "ư": "\xad\xf8\xf5\xf6\xf7\xf9", "y": "y\xfd\xfa\xfb\xfc\xfe",
}  # fmt: skip
_TCVN3 = {
    code: unicodedata.normalize("NFC", base + tone)
    for base, codes in _TCVN3_ROWS.items()
    for code, tone in zip(codes, ("", *_TONES), strict=True)
    if code >= "\x80"
} | dict(zip("\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xae", "ĂÂÊÔƠƯĐđ", strict=True))
_VNI = {  # VNI: an ASCII vowel, then a byte for its marks (or one byte for ơ, ư, đ, i with a tone)
    "\xe2": "\u0302", "\xe1": "\u0302\u0301", "\xe0": "\u0302\u0300", "\xe5": "\u0302\u0309",
    "\xe3": "\u0302\u0303", "\xe4": "\u0302\u0323", "\xea": "\u0306", "\xe9": "\u0306\u0301",
    "\xe8": "\u0306\u0300", "\xfa": "\u0306\u0309", "\xfc": "\u0306\u0303", "\xeb": "\u0306\u0323",
    "\xf9": "\u0301", "\xf8": "\u0300", "\xfb": "\u0309", "\xf5": "\u0303", "\xef": "\u0323",
    "\xf4": "ơ", "\xf6": "ư", "\xf1": "đ", "\xed": "í", "\xec": "ì", "\xe6": "ỉ", "\xf3": "ĩ",
    "\xf2": "ị", "\xee": "ỵ",
}  # fmt: skip
_VNI |= {code.upper(): text.upper() for code, text in _VNI.items()}
_VIETNAMESE = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for tone in ("", *_TONES)
) | frozenset("đĐ")


def _decode_legacy(raw: bytes, encoding: str) -> str:
    if encoding == "Windows-1258":
        text = raw.decode("cp1258", "replace")
    else:
        table = _TCVN3 if encoding == "TCVN3" else _VNI
        text = "".join(table.get(ch, ch) for ch in raw.decode("latin-1"))
    return unicodedata.normalize("NFC", text)


def guess_legacy_encoding(raw: bytes) -> str | None:
    """Which pre-Unicode Vietnamese encoding ``raw`` is probably in (``"TCVN3"``, ``"VNI"`` or
    ``"Windows-1258"``), or ``None`` when no guess is good. Each is tried; a word that comes out
    with letters beyond ASCII counts for the encoding if they are all Vietnamese letters with at
    most one tone mark between them (a syllable has one), and against it otherwise."""
    scores: dict[str, int] = {}
    for encoding in ("TCVN3", "VNI", "Windows-1258"):
        score = 0
        for word in _WORDS.findall(_decode_legacy(raw[:65536], encoding)):
            if word.isascii():
                continue
            score += 1 if _is_syllable(word) else -2
        scores[encoding] = score
    best = max(scores, key=lambda name: scores[name])
    ranked = sorted(scores.values(), reverse=True)
    return best if ranked[0] > 0 and ranked[0] > ranked[1] else None


def _is_syllable(word: str) -> bool:
    """Whether ``word`` can be one Vietnamese syllable: Vietnamese letters only, one tone mark at
    most, and its vowels one of the language's vowel groups (``Biên``, not ``Bieõn``)."""
    if not all(ch.isascii() or ch in _VIETNAMESE for ch in word):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in _TONES for ch in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    if bare.startswith("qu") or (bare.startswith("gi") and bare[2:3] in _VOWEL_LETTERS):
        bare = bare[0] + bare[2:]  # the u of qu and the i of gi belong to the consonant
    vowels = "".join(ch for ch in bare if ch in _VOWEL_LETTERS)
    return vowels in _VOWEL_GROUPS


_VOWEL_LETTERS = frozenset("aăâeêioôơuưy")
_VOWEL_GROUPS = frozenset(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô "
    "uơ ưa ưi ưu ươ uy yê iêu yêu oai oao oay oeo uây uôi uyê uya uyu ươi ươu".split()
)
_WORDS = re.compile(r"[^\s\d!-/:-@\[-`{-~]+")
"""Runs of anything but spaces, digits and ASCII punctuation (a stray mark stays in its word)."""
