"""The fast way through :func:`~minutes.load.reader.parse`: :func:`minutes.yaml_events.read`
(libyaml's events) with the meeting's rules, those of ``minutes/load/constructors.py``:
timestamps kept as text, numbers built by the same code (a giant number, ``12.000``, falls back
to ruamel, which refuses it at its line), the limits of :class:`~minutes.load.limits.Limits`
(a text too long, too many values: ruamel says so)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from minutes import yaml_events as events
from minutes.load.constructors import Refused, Rejected, _construct_float, _construct_int
from minutes.load.limits import Limits
from minutes.paths import Path_

AVAILABLE = events.AVAILABLE


def _construct(tag: str, value: str) -> Any:
    if tag == events.TIMESTAMP:  # kept as text, for pydantic to read and check
        return value
    if tag == events.NULL:
        return None
    if tag == events.BOOL:
        return events.BOOLS[value.lower()]
    if tag == events.INT:
        built = _construct_int(events.ROUND_TRIP, events.scalar_node(tag, value))
    elif tag == events.FLOAT:
        built = _construct_float(events.ROUND_TRIP, events.scalar_node(tag, value))
    else:
        raise events.Fallback  # << (merge), = (value)
    if isinstance(built, Rejected):
        raise events.Fallback
    return built


def read(
    text: str,
    limits: Limits,
    positions: dict[Path_, tuple[int, int]],
    text_of: Callable[[str, Path_, tuple[int, int]], str],
) -> dict[str, Any] | None:
    """The meeting's data and positions as the ruamel path gives them, or ``None`` where that
    path must read it. ``text`` is the shielded text (:func:`~minutes.load.reader.parse`);
    ``text_of`` checks a text's length and puts its shielded characters back."""

    def checked(value: str, path: Path_, at: tuple[int, int]) -> str:
        try:
            return text_of(value, path, at)
        except Refused:
            raise events.Fallback from None

    bounds = events.Bounds(limits.max_nodes, limits.max_depth, limits.max_items)
    return events.read(text, bounds, _construct, positions, checked)
