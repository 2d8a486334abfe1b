"""ruamel.yaml taught to build plain data only, under :class:`~minutes.load.limits.Limits`: tags
refused, giant numbers and ``12.000`` refused at their line, a key written twice refused before
ruamel builds its (unbounded) message, the composer counting values, depth and items as it goes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from minutes.errors import clip
from minutes.i18n import _
from minutes.load.limits import DEFAULT_LIMITS, MAX_INT_DIGITS, Limits
from minutes.paths import Path_


class Refused(Exception):
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
class Rejected:
    """Stands in for a value the constructor refused to build (a tag, a giant number);
    :func:`_plain`, which knows the field, reports it."""

    message: str
    hint: str | None
    line: int
    column: int


def _reject_tag(constructor: RoundTripConstructor, node: Any) -> Rejected:
    tag = str(getattr(node, "tag", "") or "")
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return Rejected(
        _("The YAML tag `{tag}` is not allowed.").format(tag=shown),
        _("remove the tag: a meeting file holds only text, numbers, dates, lists and fields"),
        node.start_mark.line,
        node.start_mark.column,
    )


def _construct_int(constructor: RoundTripConstructor, node: Any) -> Any:
    digits = sum(ch.isdigit() for ch in str(node.value))
    if digits > MAX_INT_DIGITS:
        return Rejected(
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
        return Rejected(
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
        try:
            hash(key)
        except TypeError:  # `[[a]]: …`: ruamel makes the outer list a tuple, the inner one stays
            composer = getattr(self.loader, "composer", None)
            raise Refused(
                _("A field name must be a word, not a list: `{name}`.").format(name=clip(str(key))),
                _("write the field's name, a colon, then its value (`name: value`)"),
                key_node.start_mark.line,
                key_node.start_mark.column,
                getattr(composer, "paths", {}).get(id(node), ()),
            ) from None
        if key in mapping:
            first = mapping.lc.key(key)[0] + 1 if key in mapping.lc.data else None
            composer = getattr(self.loader, "composer", None)
            where = getattr(composer, "paths", {}).get(id(node), ())
            raise Refused(
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
            raise Refused(
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
                raise self._refuse(*too_many_items(limits.max_items))
        elif (
            isinstance(parent, MappingNode)
            and index is None
            and len(parent.value) >= limits.max_items
        ):
            raise self._refuse(*too_many_fields(limits.max_items))
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

    def _refuse(self, message: str, hint: str) -> Refused:
        mark = self.parser.peek_event().start_mark
        path = tuple(part for part in self.path if part is not None)
        return Refused(message, hint, mark.line, mark.column, path)


def too_many_fields(limit: int) -> tuple[str, str]:
    return (
        _("This group has more than {limit} fields.").format(limit=limit),
        _("a biên bản needs a few dozen at most; is this the right file?"),
    )


def too_many_items(limit: int) -> tuple[str, str]:
    return (
        _("This list has more than {limit} items.").format(limit=limit),
        _(
            "a biên bản names at most this many; write a group as one line (e.g. "
            "`Các đại biểu dự Đại hội`) and give the number in `members_present`"
        ),
    )


def make_yaml(limits: Limits) -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = _PlainConstructor
    yaml.Composer = _LimitedComposer
    yaml.allow_duplicate_keys = False
    yaml.minutes_limits = limits  # type: ignore[attr-defined]  # read by _LimitedComposer
    return yaml
