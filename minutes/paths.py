"""Where a value stands in a meeting file: its path, written the reader's way and back.

A path is the keys and list indexes from the top of the file to a value: ``("agenda", 1,
"votes", 0, "for")`` in code (0-based), ``agenda[2].votes[1].for`` in a message (1-based, as a
reader counts). The loader records the line and column of every path; everything that reports
a problem (the loader, the composer, the validator, the web app mapping a problem back to its
box) names the field this way. A module of its own, below all of them, so that none has to
import another to spell a path.
"""

from __future__ import annotations

import re

Path_ = tuple[str | int, ...]
Positions = dict[Path_, tuple[int, int]]
"""Line and column (1-based) of every key and list item of a file, by path."""

_FIELD_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def field_path(loc: Path_) -> str:
    """``('agenda', 2, 'votes')`` → ``agenda[3].votes`` (1-based, as a reader counts)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


def field_tuple(field: str | None) -> Path_ | None:
    """``agenda[2].content`` (as :func:`field_path` writes it) → ``("agenda", 1, "content")``."""
    if not field:
        return None
    parts: list[str | int] = []
    for name, index in _FIELD_PART.findall(field):
        parts.append(int(index) - 1 if index else name)
    return tuple(parts)


def nearest_position(positions: Positions, path: Path_) -> tuple[int | None, int | None]:
    """The position of ``path`` in its file, or of the closest enclosing field that has one."""
    # A single mapping accepted where a list is expected (``votes: {…}``) is item 0 of a list
    # that the file does not have: look the rest of the path up without that index.
    kept: list[str | int] = []
    for part in path:
        if part == 0 and isinstance(part, int) and (*kept, part) not in positions:
            continue
        kept.append(part)
    path = tuple(kept)
    for end in range(len(path), 0, -1):
        found = positions.get(path[:end])
        if found:
            return found
    return (1, 1) if positions else (None, None)
