"""What a rule expects, how a measured value is judged against it, and how both read.

A range comes from the official text (``12–13 pt``, ``20–25 mm``, ``1/3–1/2`` of the text), the
profile's own value is its preferred point, and the tolerance of measuring widens it on both
sides. Nothing here knows the file's format or the profile: the rules
(:mod:`minutes.check.rules`) give each expectation its numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from minutes.check.geometry import NO_RULE
from minutes.check.text import clean, key
from minutes.i18n import N_, _, decimal_text

EPSILON = 1e-9


WORDS: dict[str, str] = {
    "bold": N_("bold"),
    "regular": N_("regular"),
    "italic": N_("italic"),
    "upright": N_("upright"),
    "underlined": N_("underlined"),
    "not underlined": N_("not underlined"),
    "upper": N_("capitals"),
    "mixed": N_("lower case"),
    "center": N_("centred"),
    "justify": N_("justified"),
    "left": N_("left"),
    "right": N_("right"),
    "header-left": N_("left header cell"),
    "header-right": N_("right header cell"),
    "signature-columns": N_("secretary left, chair right, on one line"),
    "not-side-by-side": N_("not side by side"),
    "under-title": N_("under its title, centred"),
    "not-under-title": N_("not centred under its title"),
    "present": N_("present"),
    "absent": N_("absent"),
    "embedded": N_("all embedded"),
}


def word(value: object) -> str:
    """A measured or expected token in words (tokens this module does not know stay as they
    are: they are text read from the document)."""
    if isinstance(value, str) and value.startswith("off-centre:"):
        offset = float(value.split(":", 1)[1])
        return _("{offset} mm off centre").format(offset=decimal_text(offset, 1))
    text = WORDS.get(value) if isinstance(value, str) else None
    return _(text) if text is not None else str(value)


def listing(items: list[str], limit: int = 4) -> str:
    if not items:
        return _("none wrong")
    shown = "; ".join(items[:limit])
    if len(items) > limit:
        shown += " " + _("(and {count} more)").format(count=len(items) - limit)
    return shown


class Expectation:
    """What a rule expects, how to judge a measured value, and how both read."""

    judged = True
    """``False``: the clause leaves the property open; the rule is listed, not judged."""

    def check(self, value: Any) -> bool:
        raise NotImplementedError

    def too_low(self, value: Any) -> bool:
        """For a value known only as an upper bound (a margin seen where text stops): whether
        even the bound is below what the rule allows."""
        return not self.check(value)

    def describe(self) -> str:
        raise NotImplementedError

    def show(self, value: Any) -> str:
        return word(value)

    def as_json(self) -> dict[str, Any]:
        raise NotImplementedError


@dataclass(frozen=True)
class Between(Expectation):
    """A length or size within ``[low, high]`` (± ``tolerance``); ``preferred`` is the profile's
    own value."""

    low: float
    high: float
    preferred: float
    tolerance: float
    unit: str

    def check(self, value: Any) -> bool:
        return (
            self.low - self.tolerance - EPSILON
            <= float(value)
            <= self.high + self.tolerance + EPSILON
        )

    def too_low(self, value: Any) -> bool:
        return float(value) < self.low - self.tolerance - EPSILON

    def describe(self) -> str:
        if self.low == self.high:
            return f"{decimal_text(self.low, 2)} {self.unit} (±{decimal_text(self.tolerance, 2)})"
        return _("{low}–{high} {unit} (profile: {preferred})").format(
            low=decimal_text(self.low, 2),
            high=decimal_text(self.high, 2),
            unit=self.unit,
            preferred=decimal_text(self.preferred, 2),
        )

    def show(self, value: Any) -> str:
        return f"{decimal_text(float(value), 1)} {self.unit}"

    def as_json(self) -> dict[str, Any]:
        return {
            "min": self.low,
            "max": self.high,
            "preferred": self.preferred,
            "tolerance": self.tolerance,
            "unit": self.unit,
        }


@dataclass(frozen=True)
class OneOf(Expectation):
    """One of a few lengths (``1 cm hoặc 1,27 cm``), each ± ``tolerance``."""

    values: tuple[float, ...]
    preferred: float
    tolerance: float
    unit: str

    def check(self, value: Any) -> bool:
        return any(abs(float(value) - v) <= self.tolerance + EPSILON for v in self.values)

    def describe(self) -> str:
        shown = _(" or ").join(decimal_text(v, 2) for v in self.values)
        return f"{shown} {self.unit} (±{decimal_text(self.tolerance, 2)})"

    def show(self, value: Any) -> str:
        return f"{decimal_text(float(value), 1)} {self.unit}"

    def as_json(self) -> dict[str, Any]:
        return {"one_of": list(self.values), "preferred": self.preferred, "unit": self.unit}


@dataclass(frozen=True)
class Paper(Expectation):
    width: float
    height: float
    tolerance: float

    def check(self, value: Any) -> bool:
        width, height = value
        return bool(
            abs(width - self.width) <= self.tolerance
            and abs(height - self.height) <= self.tolerance
        )

    def describe(self) -> str:
        size = f"{decimal_text(self.width, 1)} × {decimal_text(self.height, 1)} mm"
        return f"{size} (±{decimal_text(self.tolerance, 1)})"

    def show(self, value: Any) -> str:
        width, height = value
        return f"{decimal_text(width, 1)} × {decimal_text(height, 1)} mm"

    def as_json(self) -> dict[str, Any]:
        return {"width": self.width, "height": self.height, "tolerance": self.tolerance}


@dataclass(frozen=True)
class Is(Expectation):
    """A token: ``bold``, ``center``, ``upper``, ``header-left`` …"""

    value: str

    def check(self, value: Any) -> bool:
        return bool(value == self.value)

    def describe(self) -> str:
        return word(self.value)

    def as_json(self) -> dict[str, Any]:
        return {"value": self.value}


@dataclass(frozen=True)
class Wording(Expectation):
    """The exact words (spaces and dashes normalised)."""

    value: str

    def check(self, value: Any) -> bool:
        return clean(str(value)) == clean(self.value)

    def describe(self) -> str:
        return self.value

    def show(self, value: Any) -> str:
        return clean(str(value))

    def as_json(self) -> dict[str, Any]:
        return {"value": self.value}


@dataclass(frozen=True)
class RuleUnder(Expectation):
    """A solid rule under the text, ``low``–``high`` of its length (``None``: no rule), centred
    within ``centre_mm``; ``tolerance`` is a share of those lengths (0.1: 10 % either way)."""

    low: float | None
    high: float | None
    preferred: float | None
    tolerance: float
    centre_mm: float

    def check(self, value: Any) -> bool:
        if self.low is None or self.high is None:
            return bool(value == NO_RULE)
        if value == NO_RULE:
            return False
        ratio, offset = value
        low, high = self.low * (1 - self.tolerance), self.high * (1 + self.tolerance)
        inside = low - EPSILON <= ratio <= high + EPSILON
        return inside and (offset is None or abs(offset) <= self.centre_mm)

    def describe(self) -> str:
        if self.low is None or self.high is None:
            return _("no rule")
        if self.low == self.high:
            span = decimal_text(self.low * 100, 0) + "%"
        else:
            span = f"{decimal_text(self.low * 100, 0)}–{decimal_text(self.high * 100, 0)}%"
        return _("{span} of the text's length (±{tolerance}%), centred").format(
            span=span, tolerance=decimal_text(self.tolerance * 100, 0)
        )

    def show(self, value: Any) -> str:
        if value == NO_RULE:
            return _("no rule")
        ratio, offset = value
        text = _("{percent}% of the text's length").format(percent=decimal_text(ratio * 100, 1))
        if offset is not None and abs(offset) > self.centre_mm:
            text += ", " + _("{offset} mm off centre").format(offset=decimal_text(offset, 1))
        return text

    def as_json(self) -> dict[str, Any]:
        return {
            "min": self.low,
            "max": self.high,
            "preferred": self.preferred,
            "tolerance": self.tolerance,
            "centre_mm": self.centre_mm,
        }


@dataclass(frozen=True)
class Family(Expectation):
    """Every font of the text is ``family`` or metric-compatible with it."""

    family: str
    compatible: tuple[str, ...]

    def check(self, value: Any) -> bool:
        allowed = {key(name).replace(" ", "") for name in (self.family, *self.compatible)}
        return bool(value) and all(key(name).replace(" ", "") in allowed for name in value)

    def describe(self) -> str:
        others = ", ".join(name for name in self.compatible if name != self.family)
        return _("{family} (or metric-compatible: {others})").format(
            family=self.family, others=others
        )

    def show(self, value: Any) -> str:
        return ", ".join(value) if value else _("none")

    def as_json(self) -> dict[str, Any]:
        return {"family": self.family, "compatible": list(self.compatible)}


@dataclass(frozen=True)
class Problems(Expectation):
    """No problems: the measured value is the list of what is wrong (empty passes)."""

    form: str

    def check(self, value: Any) -> bool:
        return not value

    def describe(self) -> str:
        return self.form

    def show(self, value: Any) -> str:
        return listing([str(v) for v in value])

    def as_json(self) -> dict[str, Any]:
        return {"problems": [], "form": self.form}


@dataclass(frozen=True)
class Open(Expectation):
    """A property the clause leaves open: listed, not judged."""

    judged = False

    def check(self, value: Any) -> bool:
        return True

    def describe(self) -> str:
        return _("not fixed by the clause")

    def as_json(self) -> dict[str, Any]:
        return {"open": True}
