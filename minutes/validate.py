"""Check a meeting file without rendering it, and report *every* problem, not just the first.

A clerk who fixes one error, re-runs, and meets the next one ten times will stop using the tool;
so ``minutes validate`` lists everything at once. The loader already collects every field problem
pydantic finds. The ``{{ … }}`` expressions inside the text are checked by composing the document
tree (:func:`minutes.compose.compose`, which evaluates them but draws no PDF or DOCX). Composing
stops at the first bad expression, so each one found is replaced by a placeholder and the tree is
composed again, until it composes cleanly: every bad expression is reported once, at its line.

A file with field problems cannot be composed as it is, yet its expressions deserve checking in
the same run. So the fields at fault are *stood in for*: each takes the value
:mod:`minutes.standins` has at the same place, or is removed when it has none there (a misspelt
field); the stand-in copy is composed, and the expression problems it shows are reported beside
the field problems. When even the stand-in cannot be validated (problems that depend on several
fields at once), only the field problems are reported.

A valid file has been read, validated and composed on the way: :func:`check_text` hands the
meeting and its document tree back (:class:`Validation`), so a caller that goes on to render (the
web form's preview) draws that tree instead of reading and composing the text a second time.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from minutes.compose import compose
from minutes.errors import InputError, Problem, TemplateDataError
from minutes.load import Limits, Parsed, parse, read_source, validate_data
from minutes.model import Minutes
from minutes.paths import Path_, field_tuple
from minutes.standins import stand_ins
from minutes.tree import Document

_PLACEHOLDER = "…"


def validate_file(path: str | Path) -> list[Problem]:
    """Every problem in the meeting file at ``path``; an empty list means it will render."""
    try:
        text = read_source(path)
    except InputError as error:
        return list(error.problems)
    return validate_text(text, str(path))


def validate_text(
    text: str, source: str = "<input>", limits: Limits | None = None
) -> list[Problem]:
    """Every problem in meeting data given as YAML or JSON text (read within ``limits``)."""
    return check_text(text, source, limits).problems


@dataclass(frozen=True)
class Validation:
    """What checking a meeting found: every problem and, when there is none, the meeting and its
    composed document tree, ready for a writer."""

    problems: list[Problem] = field(default_factory=list)
    meeting: Minutes | None = None
    document: Document | None = None


def check_text(text: str, source: str = "<input>", limits: Limits | None = None) -> Validation:
    """Check meeting data given as YAML or JSON text; ``limits`` bound what is read (as for
    :func:`minutes.load.loads`)."""
    try:
        parsed = parse(text, source, limits)
    except InputError as error:
        return Validation(list(error.problems))
    return check_parsed(parsed)


def check_parsed(parsed: Parsed) -> Validation:
    """:func:`check_text` of data already read (what an upload read for its boxes is checked
    without reading it again)."""
    try:
        meeting = validate_data(parsed)
    except InputError as error:
        return Validation(_sorted([*error.problems, *_expressions_despite(parsed, error.problems)]))
    problems, document = _compose_every_expression(meeting, parsed.positions)
    if problems:
        return Validation(problems)
    return Validation([], meeting, document)


def _expressions_despite(parsed: Parsed, problems: list[Problem]) -> list[Problem]:
    """The expression problems of ``parsed``, whose fields at ``problems`` are stood in for."""
    paths = [path for path in (field_tuple(p.field) for p in problems) if path]
    if len(paths) < len(problems) or any(path[0] == "data" for path in paths):
        return []  # a problem without a field, or in `data` itself: expressions would only echo it
    data = copy.deepcopy(parsed.data)
    donor = stand_ins()
    for path in sorted(paths, key=len, reverse=True):
        _stand_in(data, path, donor)
    try:
        meeting = validate_data(replace(parsed, data=data))
    except InputError:
        return []
    found = expression_problems(meeting, parsed.positions)
    return [
        problem
        for problem in found
        if not any(_starts_with(field_tuple(problem.field), path) for path in paths)
    ]


def _stand_in(data: Any, path: Path_, donor: Any) -> None:
    """Put the stand-in's value at ``path`` in ``data``, or remove what is there if it has none."""
    value = _at(donor, path)
    parent = _at(data, path[:-1])
    key = path[-1]
    if isinstance(parent, dict) and isinstance(key, str):
        if value is None:
            parent.pop(key, None)
        else:
            parent[key] = copy.deepcopy(value)
    elif isinstance(parent, list) and isinstance(key, int) and key < len(parent) and value:
        parent[key] = copy.deepcopy(value)


def _at(node: Any, path: Path_) -> Any:
    """The value at ``path`` (a list index past the end takes the last item), or ``None``."""
    for part in path:
        if isinstance(part, int) and isinstance(node, dict):
            continue  # one mapping where a list may stand (`votes: {…}`) is its item 0
        if isinstance(part, int) and isinstance(node, list) and node:
            node = node[min(part, len(node) - 1)]
        elif isinstance(part, str) and isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return node


def _starts_with(path: Path_ | None, prefix: Path_) -> bool:
    return path is not None and path[: len(prefix)] == prefix


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def expression_problems(
    meeting: Minutes, positions: dict[Path_, tuple[int, int]] | None = None
) -> list[Problem]:
    """The problems found while composing ``meeting`` (bad ``{{ … }}`` expressions, values a
    formatting filter cannot write), each expression reported once."""
    return _compose_every_expression(meeting, positions)[0]


def _compose_every_expression(
    meeting: Minutes, positions: dict[Path_, tuple[int, int]] | None
) -> tuple[list[Problem], Document | None]:
    """Compose ``meeting`` until every bad expression is found; the tree when there was none."""
    problems: list[Problem] = []
    seen: set[Path_] = set()
    while True:
        try:
            document = compose(meeting)
            if not problems:
                return [], document
            break
        except TemplateDataError as error:
            problems.extend(error.problems)
            path = field_tuple(error.problems[0].field)
            if path is None or path in seen:
                break
            seen.add(path)
            try:
                meeting = _with_placeholder(meeting, path, positions or {})
            except (InputError, LookupError, TypeError):
                break
        except InputError as error:
            problems.extend(error.problems)
            break
    return _sorted(problems), None


def _with_placeholder(
    meeting: Minutes, path: Path_, positions: dict[Path_, tuple[int, int]]
) -> Minutes:
    """A copy of ``meeting`` with the text at ``path`` replaced by a harmless placeholder."""
    data: Any = meeting.model_dump(by_alias=True)
    container = data
    for part in path[:-1]:
        container = container[part]
    if not isinstance(container[path[-1]], str):
        raise TypeError(path)
    container[path[-1]] = _PLACEHOLDER
    copy_ = Minutes.model_validate(data).with_origin(meeting.source or "<input>", positions)
    return copy_.with_profile(meeting.format_profile)
