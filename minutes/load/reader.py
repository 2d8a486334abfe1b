"""YAML or JSON text → plain data and the line and column of every key and item (:func:`parse`).

Two ways through, one result. The fast one (:mod:`minutes.load.fast`: libyaml's C parser, the
data built from its events) reads a meeting file in 1–4 ms and takes the files it is sure to
read exactly as ruamel.yaml does: plain YAML 1.2 without tags, anchors or keys written twice,
within the limits. Anything else falls back to ruamel.yaml in pure Python (10–50 ms for a
meeting file; :mod:`minutes.load.constructors` shapes it), which reads every file as before and
gives every error message, line, column, field and hint, so a user never sees the fast path's
own. The tests hold the two to the same data and positions for every file of the project and
for generated documents (``tests/test_load_fast.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from minutes.errors import InputError, Problem, clip
from minutes.i18n import _
from minutes.load import fast
from minutes.load.constructors import Refused, Rejected, make_yaml, too_many_fields, too_many_items
from minutes.load.limits import DEFAULT_LIMITS, Limits, too_large
from minutes.paths import Path_, field_path

# Characters YAML forbids in a file (C0 and C1 controls but tab and line ends, lone surrogates,
# U+FFFE/U+FFFF) or takes for line ends where a clerk's text means a line break inside a value
# (NEL, U+2028, U+2029). Word pastes \x0b (line break) and \x0c (page break) into text. Before
# parsing each becomes a stand-in from a private use plane (one character for one, so lines and
# columns stay true), and back in the values after: the text fields then clean them. The stand-ins
# come from the first plane (private use planes 16 and 15 first, then 14 down to 1) none of whose
# stand-ins the text itself holds, so that a real character is never taken for one.
# The ranges are written out (not found by trying the pattern on every code, which cost 25 ms of
# every start), and a plane's table of stand-ins is built when a text first needs it.
_SHIELDED_RANGES = (
    (0x00, 0x08),
    (0x0B, 0x0C),
    (0x0E, 0x1F),
    (0x7F, 0x9F),
    (0x2028, 0x2029),
    (0xD800, 0xDFFF),
    (0xFFFE, 0xFFFF),
)
_SHIELDED = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _SHIELDED_RANGES) + "]")
_SHIELDED_CODES = frozenset(code for a, b in _SHIELDED_RANGES for code in range(a, b + 1))
_STAND_INS = tuple(plane << 16 for plane in range(16, 0, -1))
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_COMMENT_LINE = re.compile(r"CommentToken\(.*?line: (\d+)")


def _shield(text: str) -> tuple[str, dict[int, int] | None]:
    """``text`` with its shielded characters replaced, and the table that puts them back
    (``None`` when there were none)."""
    if not _SHIELDED.search(text):
        return text, None
    used = {ord(ch) for ch in _ASTRAL.findall(text)}
    base = next(
        (b for b in _STAND_INS if not any(code - b in _SHIELDED_CODES for code in used)),
        _STAND_INS[0],
    )
    return _SHIELDED.sub(lambda m: chr(base + ord(m.group())), text), _unshield_table(base)


@cache
def _unshield_table(base: int) -> dict[int, int]:
    """Stand-in → character, for the stand-ins of the plane starting at ``base``."""
    return {base + code: code for code in _SHIELDED_CODES}


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
    limits: Limits = DEFAULT_LIMITS
    """What it was read under (what is read next from it, the profile, stays within them)."""


def parse(
    text: str, source: str = "<input>", limits: Limits | None = None, *, quick: bool = True
) -> Parsed:
    """Read YAML (or JSON, which is YAML) into plain Python data and a map of positions.
    ``quick=False`` reads with ruamel.yaml only (the tests compare the two ways)."""
    limits = limits or DEFAULT_LIMITS
    if len(text) > limits.max_bytes or len(text.encode("utf-8", "surrogatepass")) > (
        limits.max_bytes
    ):
        encoded = text.encode("utf-8", "surrogatepass")[: limits.max_bytes]
        raise too_large(source, limits, encoded.count(b"\n") + 1)
    shielded, unshield = _shield(text)
    if quick and (parsed := _quick(shielded, unshield, source, limits)) is not None:
        return parsed
    try:
        tree = make_yaml(limits).load(shielded)
    except Refused as exc:
        raise refused_error(exc, source) from None
    except NotImplementedError as exc:  # ruamel: "overlap in comment [CommentToken(…, line: 97, …"
        found = _COMMENT_LINE.search(str(exc))
        raise InputError(
            Problem(
                _("A comment here cannot be read in its place."),
                file=source,
                line=int(found.group(1)) + 1 if found else 1,
                hint=_("put the comment (`# …`) on a line of its own, or remove it"),
            )
        ) from None
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
    except Refused as exc:
        raise refused_error(exc, source) from None
    return Parsed(data, walk.positions, source, limits)


def parse_fast(text: str, source: str = "<input>", limits: Limits | None = None) -> Parsed | None:
    """What :func:`parse` makes of ``text`` by the fast path alone; ``None`` where it falls back
    to ruamel.yaml (the tests hold the two to the same result). The size is not checked here."""
    limits = limits or DEFAULT_LIMITS
    return _quick(*_shield(text), source, limits)


def _quick(
    shielded: str, unshield: dict[int, int] | None, source: str, limits: Limits
) -> Parsed | None:
    walk = _Walk(limits, unshield)
    data = fast.read(
        shielded, limits, walk.positions, lambda value, path, at: _text(value, walk, path, at)
    )
    return None if data is None else Parsed(data, walk.positions, source, limits)


def refused_error(exc: Refused, source: str) -> InputError:
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
        raise Refused(
            _("With its aliases (`*name`) expanded, the data has more than {limit} values.").format(
                limit=limits.max_nodes
            ),
            _("write the data out instead of repeating it with `&name` and `*name`"),
            *at,
            path,
        )
    if len(path) > limits.max_depth:
        raise Refused(
            _("The data is nested more than {limit} levels deep.").format(limit=limits.max_depth),
            _("check the indentation and the brackets [ ] and { }"),
            *at,
            path,
        )
    if isinstance(node, Rejected):
        raise Refused(node.message, node.hint, node.line, node.column, path)
    if isinstance(node, CommentedMap):
        if len(node) > limits.max_items:
            raise Refused(*too_many_fields(limits.max_items), *at, path)
        result: dict[str, Any] = {}
        for key, value in node.items():
            try:
                line, column = node.lc.key(key)
            except (KeyError, TypeError):
                line, column = node.lc.line, node.lc.col
            if isinstance(key, Rejected):
                raise Refused(key.message, key.hint, key.line, key.column, path)
            name = _text(str(key), walk, path, (line, column))
            child = (*path, name)
            walk.positions[child] = (line + 1, column + 1)
            result[name] = _plain(value, child, walk, (line, column))
        return result
    if isinstance(node, CommentedSeq):
        if len(node) > limits.max_items:
            raise Refused(*too_many_items(limits.max_items), *at, path)
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
        raise Refused(
            _("This text is too long ({length} characters; at most {limit}).").format(
                length=len(value), limit=limits.max_text
            ),
            _("split it, or attach the full text as a document and summarise it here"),
            *at,
            path,
        )
    walk.chars += len(value)
    if walk.chars > limits.max_bytes:  # only aliases make the text longer than the file
        raise Refused(
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
