"""YAML read fast: libyaml's C parser (PyYAML's ``CParser``) gives the events with their lines
and columns, and :func:`read` builds plain data and the position of every key and item from them,
counting values, depth and items as the events arrive.

ruamel.yaml in pure Python, which reads meetings and profiles otherwise, costs ≈25 ms for a
meeting file; this costs ≈1 ms. It takes only what it is sure to read exactly as ruamel's
round-trip loader does: YAML 1.2 with ruamel's own resolvers, every value built by the caller's
``construct`` (ruamel's own code). Anything else (a syntax error, a tag, an anchor or an alias, a
key written twice or not a text, ``<<``, a directive, a second document, a byte order mark, a
tab, a limit reached) makes :func:`read` answer ``None``, and the caller reads the file again
with ruamel, whose messages, lines and columns are then the user's: ``minutes/load/fast.py`` for
meetings, ``minutes/profiles/registry.py`` for profiles. No input costs more than the limits
before that: the values are counted one event at a time, the depth is checked before each level,
and an alias is never followed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import StreamMark
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from minutes.paths import Path_

try:  # libyaml's parser; PyYAML without it (a platform with no wheel) would be no faster
    import yaml
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - the wheels of every platform we support carry it
    CParser = None

AVAILABLE = CParser is not None
"""Whether libyaml is there; without it every file is read by ruamel."""

Text = Callable[[str, Path_, tuple[int, int]], str]
"""The caller's check and clean-up of one text (key or value), at its path and 0-based place."""
Construct = Callable[[str, str], Any]
"""The value of a plain scalar that ruamel resolves to ``tag`` (not ``str``), as ruamel builds
it; raises :class:`Fallback` for what it does not build."""

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
TIMESTAMP = "tag:yaml.org,2002:timestamp"

_RESOLVER = VersionedResolver(version=(1, 2))
_BY_FIRST: dict[str, list[tuple[str, Any]]] = {
    first: list(resolvers) for first, resolvers in _RESOLVER.versioned_resolver.items() if first
}
"""ruamel's own YAML 1.2 implicit resolvers, by the first character of a plain scalar."""
_EMPTY = list(_RESOLVER.versioned_resolver.get("", []))
if _RESOLVER.versioned_resolver.get(None):  # pragma: no cover - ruamel 0.18/0.19 have none
    raise ImportError("ruamel.yaml resolves some scalars by any first character")


class _RoundTrip(RoundTripConstructor):
    """ruamel's round-trip constructor with no loader, at YAML 1.2: its scalar builders are the
    very code the ruamel path runs (``010`` a ``ScalarInt`` of width 3, ``1.50`` a
    ``ScalarFloat``, a date a ``TimeStamp``)."""

    resolver = _RESOLVER

    def __init__(self) -> None:  # no loader, no comments: only the scalar builders are used
        pass

    def construct_scalar(self, node: Any) -> Any:
        return node.value


ROUND_TRIP: Any = _RoundTrip()
_NOWHERE = StreamMark("<input>", 0, 0, 0)
BOOLS = {"true": True, "false": False}


def scalar_node(tag: str, value: str) -> Any:
    """A ruamel node of a plain scalar, for :data:`ROUND_TRIP`'s builders."""
    return ScalarNode(tag, value, _NOWHERE, _NOWHERE)


class Fallback(Exception):
    """Not sure to read this as ruamel does: let ruamel read the file."""


@dataclass(frozen=True)
class Bounds:
    """Refuse (fall back) past these: values (keys included), depth, items of one list or mapping;
    counted as ruamel's composer in ``minutes/load/constructors.py`` counts them."""

    max_nodes: int
    max_depth: int
    max_items: int
    blocks: bool = True
    """Whether a block scalar (``|``, ``>``) is read as text (ruamel's round-trip loader builds
    a ``LiteralScalarString`` that keeps its comment: the meeting's reader takes its text, the
    profiles' keeps the object, so that it falls back)."""


def read(
    text: str,
    bounds: Bounds,
    construct: Construct,
    positions: dict[Path_, tuple[int, int]],
    text_of: Text,
) -> dict[str, Any] | None:
    """The mapping ``text`` holds, with the 1-based (line, column) of each key and item added to
    ``positions``, as ruamel gives them; ``None`` when ruamel must read it (``positions`` then
    holds a part, to be thrown away). ``text_of`` and ``construct`` may raise
    :class:`Fallback`."""
    if CParser is None or "\ufeff" in text or "\t" in text:
        return None  # ruamel counts a byte order mark as a column, refuses tabs where libyaml not
    parser = CParser(text)
    try:
        return _Build(parser, bounds, construct, positions, text_of).document()
    except (
        Fallback,
        yaml.YAMLError,
        RecursionError,
    ):  # the last: a host's max_depth past the stack
        return None
    finally:
        parser.dispose()


class _Build:
    """One pass over the events, building the data."""

    def __init__(
        self,
        parser: Any,
        bounds: Bounds,
        construct: Construct,
        positions: dict[Path_, tuple[int, int]],
        text_of: Text,
    ) -> None:
        self.next = parser.get_event
        self.bounds = bounds
        self.construct = construct
        self.positions = positions
        self.text_of = text_of
        self.count = 0

    def document(self) -> dict[str, Any]:
        events = yaml.events
        if type(self.next()) is not events.StreamStartEvent:  # pragma: no cover - always first
            raise Fallback
        start = self.next()
        if type(start) is not events.DocumentStartEvent or start.version or start.tags:
            raise Fallback  # empty, or a %YAML or %TAG directive
        root = self.next()
        if type(root) is not events.MappingStartEvent:
            raise Fallback  # a list or a single value: ruamel's path says what is wrong
        data = self.mapping(root, (), 0)
        if type(self.next()) is not events.DocumentEndEvent:  # pragma: no cover - libyaml
            raise Fallback
        if type(self.next()) is not events.StreamEndEvent:
            raise Fallback  # a second document
        return data

    def node(self, event: Any, path: Path_, depth: int) -> Any:
        kind = type(event)
        if kind is yaml.events.ScalarEvent:
            self.counted(depth)
            value = self.scalar(event)
            if type(value) is str:
                mark = event.start_mark
                return self.text_of(value, path, (mark.line, mark.column))
            return value
        if kind is yaml.events.MappingStartEvent:
            return self.mapping(event, path, depth)
        if kind is yaml.events.SequenceStartEvent:
            return self.sequence(event, path, depth)
        raise Fallback  # an alias

    def counted(self, depth: int) -> None:
        """One more value (or key) at ``depth``: past ``max_nodes`` values, or at ``max_depth``,
        ruamel's path refuses it."""
        self.count += 1
        if self.count > self.bounds.max_nodes or depth >= self.bounds.max_depth:
            raise Fallback

    def mapping(self, event: Any, path: Path_, depth: int) -> dict[str, Any]:
        self.counted(depth)
        if event.anchor is not None or event.tag is not None:
            raise Fallback
        result: dict[str, Any] = {}
        max_items = self.bounds.max_items
        scalar_event = yaml.events.ScalarEvent
        end = yaml.events.MappingEndEvent
        while True:
            key = self.next()
            kind = type(key)
            if kind is end:
                return result
            if kind is not scalar_event or len(result) >= max_items:
                raise Fallback  # a list or mapping as key, an alias; too many fields
            self.counted(depth + 1)
            value = self.scalar(key)
            if type(value) is not str:
                raise Fallback  # 1:, true:, null: … (ruamel's keys 1 and true are the same)
            mark = key.start_mark
            name = self.text_of(value, path, (mark.line, mark.column))
            if name in result:
                raise Fallback  # written twice
            child = (*path, name)
            self.positions[child] = (mark.line + 1, mark.column + 1)
            result[name] = self.node(self.next(), child, depth + 1)

    def sequence(self, event: Any, path: Path_, depth: int) -> list[Any]:
        self.counted(depth)
        if event.anchor is not None or event.tag is not None:
            raise Fallback
        items: list[Any] = []
        max_items = self.bounds.max_items
        end = yaml.events.SequenceEndEvent
        positions = self.positions
        while True:
            item = self.next()
            if type(item) is end:
                return items
            if len(items) >= max_items:
                raise Fallback
            child = (*path, len(items))
            mark = item.start_mark
            positions[child] = (mark.line + 1, mark.column + 1)
            items.append(self.node(item, child, depth + 1))

    def scalar(self, event: Any) -> Any:
        """The value of a scalar as ruamel builds it (texts unchecked, for the caller)."""
        if event.anchor is not None or event.tag is not None:
            raise Fallback
        value: str = event.value
        if event.style:  # quoted or a block: always text
            if event.style in "|>" and not self.bounds.blocks:
                raise Fallback
            return value
        for tag, pattern in _BY_FIRST.get(value[0], ()) if value else _EMPTY:
            if pattern.match(value):
                return self.construct(tag, value)
        return value
