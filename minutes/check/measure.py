"""Measure what was found: each element's size, weight, slant, case, alignment, position and the
rule under it; the body's alignment and indent; the written forms. The page, the fonts, the page
numbers and the advice on the text are in :mod:`minutes.check.measure_page`.

The result, :class:`Measurements`, is what the judge (:mod:`minutes.check.judge`) compares with
the rules. A value that could not be taken is ``None`` with a note; an element not found is
absent, with the reason: both are reported as *not checked*, never as passed.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from minutes.check import forms
from minutes.check import geometry as geo
from minutes.check import tolerances as tol
from minutes.check.layout import Look, Piece, most_common
from minutes.check.locate import Found, Instance
from minutes.check.text import case_of, clean
from minutes.i18n import _
from minutes.profiles import Profile

RULED = ("national-title", "motto", "org", "trich-yeu")
"""The elements a rule may be drawn under."""


@dataclass(frozen=True)
class Measured:
    """The measured value of one rule; ``value`` ``None`` means it could not be measured.

    ``bound`` is ``exact``, or ``upper`` when the true value is at most ``value`` (a margin seen
    where the text stops: the text may just not reach it)."""

    value: Any
    where: str = ""
    note: str = ""
    bound: str = "exact"


@dataclass
class Sample:
    """One instance of an element, as measured: ``values`` by property."""

    text: str
    where: str
    chars: int
    values: dict[str, Any] = field(default_factory=dict)

    def value(self, prop: str) -> Any:
        return self.text if prop == "text" else self.values.get(prop)


@dataclass
class Measurements:
    """Everything measured in one file, for the judge."""

    format: str
    pages: int
    samples: dict[str, list[Sample]] = field(default_factory=dict)
    values: dict[str, Measured] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)


def measure(found: Found, profile: Profile) -> Measurements:
    """Measure every element found in a layout."""
    from minutes.check.measure_page import advice, fonts, margins, page_numbers

    layout = found.layout
    result = Measurements(layout.format, layout.pages, missing=dict(found.missing))
    for element, instances in found.elements.items():
        samples = [sample(found, element, instance) for instance in instances]
        if element == "body":
            samples = [s for inst in instances for s in _line_samples(inst)]
        result.samples[element] = samples
    _forms(found, result, profile)
    _signature_rows(found, result)
    _body(found, result)
    margins(found, result, profile)
    fonts(found, result)
    page_numbers(found, result, profile)
    advice(found, result)
    return result


def looks_of(pieces: list[Piece]) -> Counter[Look]:
    tally: Counter[Look] = Counter()
    for piece in pieces:
        tally.update(piece.looks)
    return tally


def _majority(tally: Counter[Look], attribute: str) -> bool | None:
    known = [(getattr(look, attribute), n) for look, n in tally.items()]
    known = [(flag, n) for flag, n in known if flag is not None]
    if not known:
        return None
    yes = sum(n for flag, n in known if flag)
    return yes * 2 > sum(n for _flag, n in known)


def look_values(pieces: list[Piece], strokes: list[Any]) -> dict[str, Any]:
    """Size (the most common, by characters), weight, slant and underline (what most of the
    characters have) of ``pieces``."""
    tally = looks_of(pieces)
    sizes: Counter[float] = Counter()
    for look, count in tally.items():
        sizes[round(look.size, 1)] += count
    underline: Counter[bool] = Counter()
    for piece in pieces:
        underline[geo.underlined(piece, strokes)] += piece.chars
    bold, italic = _majority(tally, "bold"), _majority(tally, "italic")
    return {
        "size": most_common(sizes),
        "bold": None if bold is None else ("bold" if bold else "regular"),
        "italic": None if italic is None else ("italic" if italic else "upright"),
        "underline": "underlined" if most_common(underline) else "not underlined",
    }


def sample(found: Found, element: str, instance: Instance) -> Sample:
    pieces = instance.pieces
    text = clean(" ".join(p.text for p in pieces))
    values = look_values(pieces, found.layout.strokes)
    values["case"] = case_of(text)
    values["align"] = geo.align_in(pieces, instance.column, instance.box)
    values["position"] = instance.position
    if element in RULED:
        values["rule"] = geo.rule_under(pieces, instance.column, found.layout.strokes)
    return Sample(text, pieces[0].where, sum(p.chars for p in pieces), values)


def _line_samples(instance: Instance) -> list[Sample]:
    """The body, line by line (its looks are judged by what most of its text has)."""
    out = []
    for piece in instance.pieces:
        values = look_values([piece], [])
        out.append(Sample(piece.text, piece.where, piece.chars, values))
    return out


# -- written forms, marks, positions ---------------------------------------------------------------


def _forms(found: Found, result: Measurements, profile: Profile) -> None:
    wording = profile.wording
    number = found.first("number")
    if number is not None:
        problems = forms.number_line_problems(
            number.pieces[0].text, wording.number, wording.number_blank
        )
        result.values["number.form"] = Measured(problems, where=number.pieces[0].where)
    place_date = found.first("place-date")
    if place_date is not None:
        text = place_date.pieces[0].text
        where = place_date.pieces[0].where
        result.values["place-date.form"] = Measured(forms.place_date_problems(text), where=where)
    elif not wording.show_place_date:
        result.missing["place-date"] = _("no place and date line (optional in this format)")
    for element in ("org-mark", "title-mark"):
        instance = found.first(element)
        where = instance.pieces[0].where if instance else ""
        result.values[f"{element}.present"] = Measured(
            "present" if instance else "absent", where=where
        )


def _signature_rows(found: Found, result: Measurements) -> None:
    """Signers side by side: their first lines on one baseline, left to right."""
    row = found.signer_row
    if len(row) < 2:
        return
    first = row[0]
    same_row = all(
        abs(p.baseline - first.baseline) <= 0.2 * first.size * tol.MM_PER_PT for p in row
    )
    ordered = all(a.x1 <= b.x0 for a, b in itertools.pairwise(row))
    side = "signature-columns" if same_row and ordered else "not-side-by-side"
    result.values["signer-title.position"] = Measured(side, where=first.where)


# -- the body --------------------------------------------------------------------------------------


def _body(found: Found, result: Measurements) -> None:
    lines = found.body
    if not lines:
        return
    right = geo.right_edge(lines)
    paragraphs = geo.paragraphs(lines, right)
    left = _left_edge(lines, paragraphs)
    tally: Counter[str] = Counter()
    for paragraph in paragraphs:
        align = geo.paragraph_align(paragraph, right)
        if align is not None:
            tally[align] += paragraph.chars
    if tally:
        align, weight = tally.most_common(1)[0]
        share = _("{percent}% of the text").format(
            percent=round(100 * weight / sum(tally.values()))
        )
        result.values["body.align"] = Measured(align, where=share)
    else:
        result.values["body.align"] = Measured(None, note=_("too few lines to tell"))
    indents: Counter[float] = Counter()
    for paragraph in paragraphs:
        if paragraph.first.align not in ("center", "right"):
            indents[round(geo.first_line_indent(paragraph, left) * 2) / 2] += 1
    indent = most_common(indents)
    result.values["body.indent"] = Measured(
        indent, note="" if indent is not None else _("no paragraphs")
    )
    result.values["body.right-edge"] = Measured(right)


def _left_edge(lines: list[Piece], paragraphs: list[geo.Paragraph]) -> float:
    """Where the body's lines start when they are not indented: where the second and later lines
    of justified or left-aligned paragraphs start (a short document may have one such line among
    many indented first lines), else the most common start."""
    wrapped = [
        line
        for paragraph in paragraphs
        if paragraph.first.align not in ("center", "right")
        for line in paragraph.lines[1:]
    ]
    if wrapped:
        return min(Counter(round(p.x0 * 2) / 2 for p in wrapped).most_common(3))[0]
    starts: Counter[float] = Counter(round(p.x0 * 2) / 2 for p in lines)
    common = [start for start, count in starts.most_common(3) if count >= 2]
    return min(common) if common else min(p.x0 for p in lines)
