"""``{{ … }}`` written inside the clerk's text fields: checked, evaluated, bounded.

That is data, not our template, so it is evaluated in Jinja's immutable sandbox, after a check
that it holds nothing but expressions over ``data`` and the meeting's fields with the formatting
filters (no statements, no calls, no ``include``): the only thing a clerk needs is
``{{ data.doanh_thu | money('tỷ đồng') }}``.

The data may come from the web, so the sandbox is narrowed further (see ``docs/security.md``):
names are only ``data`` and the meeting's fields (none of Jinja's globals: ``range``, ``lipsum``
…); ``*`` and ``%`` cannot repeat or format text (``'x' * 10**9`` would fill the memory) nor build
giant numbers; a value that is a method or a class is not printed; an expression may nest only so
deep and produce only so much text; and what it produces is cleaned like any text field.

The text budget is checked *before* the work it bounds, for a result of any shape: the size of a
value is counted (:func:`_size`, which stops counting past the limit) before it is turned into
text, before ``+`` joins two texts or lists, and before a filter receives it. A tuple of two
thousand references to one large value (``{{ (data.t, data.t, …) }}``) is refused after counting
a few of them, instead of being written out into gigabytes.

An :class:`Expander` is built once and reused (compiled expressions are kept); it holds no
per-document state, so one instance serves many threads.
"""

from __future__ import annotations

import contextvars
import decimal
import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jinja2 import StrictUndefined, Undefined, nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from minutes import formatting
from minutes.errors import MinutesError, Problem, TemplateDataError, clip
from minutes.i18n import _
from minutes.model import Minutes, clean_text
from minutes.paths import field_path

_ALLOWED_NODES: tuple[type[nodes.Node], ...] = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.Name,
    nodes.Getattr,
    nodes.Getitem,
    nodes.Filter,
    nodes.Const,
    nodes.Keyword,
    nodes.Add,
    nodes.Sub,
    nodes.Mul,
    nodes.Div,
    nodes.FloorDiv,
    nodes.Mod,
    nodes.Neg,
    nodes.Pos,
    nodes.Tuple,
    nodes.Slice,
)
_EXPRESSION_MARKERS = ("{{", "{%", "{#")
_COMPILED_KEPT = 1024
"""Compiled data expressions kept per composer (oldest dropped first)."""
_HARMLESS_FILTERS = ("round", "abs", "int", "float", "upper", "lower", "capitalize", "trim")
"""Jinja built-ins a clerk may use in data beside ours: pure functions of one value."""

MAX_EXPRESSION_DEPTH = 40
"""How deeply one ``{{ … }}`` may nest (brackets, operators, filters); far more than a clerk
writes, far less than what overflows Jinja's recursive compiler."""
MAX_EXPANDED_CHARS = 1_000_000
"""How much text all the ``{{ … }}`` of one document may produce together."""
MAX_FIELD_CHARS = 100_000
"""How much text the expressions of one field may make: what the loader lets a text typed in the
file be (``Limits.max_text``), so that an expression cannot make a title of a million characters
that a file could not hold."""
MAX_PRODUCT_BITS = 400
"""A product of whole numbers may have at most this many bits (about 120 digits)."""


class _TooLong(Exception):
    """A value is larger than the text the expressions may still produce."""


_remaining: contextvars.ContextVar[int] = contextvars.ContextVar(
    "minutes_expression_budget", default=0
)
"""Characters the expressions of the document being composed may still produce (set by
:meth:`Composer._run` around each expression)."""


def _budget_left() -> int:
    return _remaining.get() or MAX_EXPANDED_CHARS


def _size(value: Any, limit: int) -> int:
    """At least the length of ``str(value)`` (an upper bound for text inside a list or a tuple,
    whose quotes and escapes ``repr`` adds), counted without building it, and only until the
    count passes ``limit``: the cost is bounded by the limit, not by the value."""
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if item is value:
                total += len(item)
            elif item.isprintable():
                total += len(item) + item.count("\\") + item.count("'") + 2
            else:  # \U000f0000: ten characters for one
                total += 10 * len(item) + 2
        elif isinstance(item, (list, tuple)):
            total += 2 + 2 * len(item)
            stack.extend(item)
        elif isinstance(item, dict):
            total += 2 + 4 * len(item)
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, int) and not isinstance(item, bool):
            total += item.bit_length() * 31 // 100 + 2  # decimal digits, and a sign
        else:
            total += len(repr(item))
        if total > limit:
            break
    return total


def _check_size(value: Any) -> Any:
    if _size(value, _budget_left()) > _budget_left():
        raise _TooLong
    return value


def _guarded(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (a filter), refusing arguments larger than the text budget before it runs:
    ``upper`` or ``money`` would turn a tuple of a million characters into text."""

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        for argument in (*args, *kwargs.values()):
            _check_size(argument)
        return function(*args, **kwargs)

    return guarded


class _DataSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with the operators that could exhaust memory or time checked:
    ``*`` repeats no text or list and builds no giant number, ``%`` formats no text, ``+`` joins
    no texts or lists longer together than the text budget."""

    intercepted_binops = frozenset({"*", "%", "+"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "+":
            if isinstance(left, (str, list, tuple)) or isinstance(right, (str, list, tuple)):
                limit = _budget_left()
                if _size(left, limit) + _size(right, limit) > limit:
                    raise _TooLong
        elif operator == "*":
            if not _is_number(left) or not _is_number(right):
                raise SecurityError("repeating text or lists is not allowed")
            if _bits(left) + _bits(right) > MAX_PRODUCT_BITS:
                raise OverflowError("the product is too large")
        elif operator == "%" and not (_is_number(left) and _is_number(right)):
            raise SecurityError("formatting text with % is not allowed")
        return super().call_binop(context, operator, left, right)


def _bits(value: Any) -> int:
    """The size of a whole number in bits (0 for anything else: floats saturate at ``inf``)."""
    return abs(value).bit_length() if isinstance(value, int) else 0


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def _printable(value: Any) -> Any:
    """``finalize`` of the sandbox: a method or a class would print as ``<built-in method …>``."""
    if isinstance(value, Undefined):
        return value  # printing it raises the UndefinedError that names the missing name
    if callable(value) or isinstance(value, type):
        raise SecurityError("a method or a class is not a value")
    return _check_size(value)  # before Jinja turns it into text


def _nesting(node: nodes.Node, limit: int) -> int:
    """How deep ``node``'s tree goes (without recursion: the tree may be deeper than the stack);
    stops counting past ``limit``."""
    deepest = 0
    stack = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            break
        stack.extend((child, depth + 1) for child in current.iter_child_nodes())
    return deepest


@dataclass
class _Budget:
    """Text the expressions of one document may still produce."""

    chars: int = MAX_EXPANDED_CHARS


class Expander:
    """Evaluates the expressions inside a meeting's text. Build once, use from any thread."""

    def __init__(self) -> None:
        self._sandbox = _DataSandbox(
            undefined=StrictUndefined, autoescape=False, finalize=_printable
        )
        self._sandbox.globals.clear()  # no range, lipsum, cycler, joiner, namespace, dict
        self._sandbox.filters.update(formatting.FILTERS)
        self.filters = (*formatting.FILTERS, *_HARMLESS_FILTERS)
        """The filters an expression may use."""
        for name in self.filters:
            self._sandbox.filters[name] = _guarded(self._sandbox.filters[name])
        self._lock = threading.Lock()
        self._compiled: dict[str, Any] = {}

    def expand(self, minutes: Minutes) -> dict[str, Any]:
        """The meeting as plain data, with every ``{{ … }}`` in its text evaluated."""
        plain = minutes.model_dump(by_alias=False)
        names = {key: value for key, value in plain.items()}
        budget = _Budget()
        return {
            key: (value if key == "data" else self._walk(value, (key,), names, minutes, budget))
            for key, value in plain.items()
        }

    def _walk(
        self,
        value: Any,
        path: tuple[str | int, ...],
        names: dict[str, Any],
        minutes: Minutes,
        budget: _Budget,
    ) -> Any:
        if isinstance(value, str):
            if any(marker in value for marker in _EXPRESSION_MARKERS):
                return self._evaluate(value, path, names, minutes, budget)
            return value
        if isinstance(value, dict):
            return {k: self._walk(v, (*path, k), names, minutes, budget) for k, v in value.items()}
        if isinstance(value, list):
            return [self._walk(v, (*path, i), names, minutes, budget) for i, v in enumerate(value)]
        return value

    def _evaluate(
        self,
        text: str,
        path: tuple[str | int, ...],
        names: dict[str, Any],
        minutes: Minutes,
        budget: _Budget,
    ) -> str:
        def fail(message: str, hint: str | None = None) -> TemplateDataError:
            line, column = minutes.position_of(path)
            return TemplateDataError(
                Problem(
                    message,
                    file=minutes.source,
                    line=line,
                    column=column,
                    field=field_path(path),
                    hint=hint,
                )
            )

        with self._lock:
            cached = self._compiled.get(text)
        template = cached if cached is not None else self._check_and_compile(text, names, fail)
        return self._run(template, names, budget, fail)

    def _check_and_compile(
        self, text: str, names: dict[str, Any], fail: Callable[..., TemplateDataError]
    ) -> Any:
        """Parse ``text``, refuse anything but allowed expressions, compile it once. Compiling
        costs milliseconds and the same texts recur in every document of a batch, so compiled
        expressions are kept (the checks depend only on the text: the names allowed are the
        meeting's field names, the same for every meeting)."""
        try:
            ast = self._sandbox.parse(text)
        except TemplateSyntaxError as exc:
            raise fail(
                _("Invalid expression: {detail}.").format(
                    detail=clip((exc.message or "").rstrip("."), 160)
                )
            ) from None
        except RecursionError:
            raise fail(_("The expression is nested too deeply.")) from None
        except ValueError:  # Python reads no literal number of more than 4,300 digits
            raise fail(_("A number in the expression has too many digits.")) from None
        if _nesting(ast, MAX_EXPRESSION_DEPTH) > MAX_EXPRESSION_DEPTH:
            raise fail(_("The expression is nested too deeply."))
        for node in ast.find_all(nodes.Node):
            if not isinstance(node, _ALLOWED_NODES):
                raise fail(
                    _(
                        "Only {{ … }} expressions over `data` with formatting filters are allowed "
                        "in the text."
                    ),
                    _("e.g. {{ data.doanh_thu | money('tỷ đồng') }}"),
                )
        for name_node in ast.find_all(nodes.Name):
            if name_node.name not in names:  # Jinja's globals (range, lipsum, self …) included
                raise fail(
                    _("Unknown name in expression: {detail}.").format(detail=clip(name_node.name)),
                    _("names come from `data` or the meeting's fields"),
                )
        for filter_node in ast.find_all(nodes.Filter):
            if filter_node.name not in self.filters:
                raise fail(
                    _("Unknown filter `{name}`.").format(name=clip(filter_node.name)),
                    _("available filters: {names}").format(names=", ".join(self.filters)),
                )
        with self._lock:  # compiling in the sandbox touches shared caches
            template = self._sandbox.from_string(ast)
            if len(self._compiled) >= _COMPILED_KEPT:
                self._compiled.pop(next(iter(self._compiled)))
            self._compiled[text] = template
        return template

    def _run(
        self,
        template: Any,
        names: dict[str, Any],
        budget: _Budget,
        fail: Callable[..., TemplateDataError],
    ) -> str:
        token = _remaining.set(max(1, budget.chars))
        try:
            parts: list[str] = []
            for part in template.generate(names):
                budget.chars -= len(part)
                if budget.chars < 0:
                    raise fail(
                        _(
                            "The expressions of this document produce more than {limit} characters."
                        ).format(limit=MAX_EXPANDED_CHARS)
                    )
                parts.append(part)
            text = "".join(parts)
            if len(text) > MAX_FIELD_CHARS:  # as much as a text typed in the file, no more
                raise fail(
                    _("The expressions of this text produce more than {limit} characters.").format(
                        limit=MAX_FIELD_CHARS
                    )
                )
            return clean_text(text)
        except TemplateDataError:
            raise
        except _TooLong:
            raise fail(
                _("The expressions of this document produce more than {limit} characters.").format(
                    limit=MAX_EXPANDED_CHARS
                )
            ) from None
        except UndefinedError as exc:
            raise fail(
                _("Unknown name in expression: {detail}.").format(
                    detail=clip(str(exc.message), 160)
                ),
                _("names come from `data` or the meeting's fields"),
            ) from None
        except SecurityError:
            raise fail(_("This expression is not allowed.")) from None
        except MinutesError as exc:
            raise fail(str(exc).split(": ", 1)[-1]) from None
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise fail(
                _("The expression cannot be evaluated: {detail}.").format(detail=_why(exc))
            ) from None
        except RecursionError:
            raise fail(_("The expression is nested too deeply.")) from None
        finally:
            _remaining.reset(token)


def _why(error: Exception) -> str:
    """Why a calculation failed, in the user's words (Python's own are English, and
    ``decimal``'s are ``[<class 'decimal.DivisionByZero'>]``)."""
    if isinstance(error, ZeroDivisionError):
        return _("division by zero")
    if isinstance(error, decimal.InvalidOperation):
        return _("the result is not a number")
    if isinstance(error, (OverflowError, decimal.Overflow)):
        return _("the number is too large")
    if isinstance(error, ArithmeticError):
        return _("the calculation cannot be done")
    if isinstance(error, TypeError):
        return _(
            "a value is of the wrong kind for this calculation (text where a number is needed?)"
        )
    return _("a value cannot be used in this calculation")
