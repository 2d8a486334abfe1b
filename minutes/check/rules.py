"""The rules a document is checked against, built from the profile the writers use.

Every expected value comes from the profile (``templates/profiles/*.yaml``): the page, the margins,
the font, and for each element its size, weight, slant, case, alignment, the rule under it; the
clause each rule cites is the profile value's ``source``. What the profile does not hold is
written here once, with its clause: the written forms (:mod:`minutes.check.text`), the fonts
metric-compatible with Times New Roman, and the tolerances of measurement.

Tolerances (see ``docs/fidelity.md``): sizes ±0.3 pt; margins ±0.5 mm (in a PDF the top margin is
read from the first line's box, which sits up to 1.5 mm below the margin: −0.5/+1.5 mm; the bottom
margin of a PDF is only "text never in the margin", since a page may end early); rules ±5 % of
the text's length and centred within 1.5 mm; header and signature text centred in its cell within
3 mm; cell widths ±5 mm (Mẫu 1.9 gives them as "about").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from minutes.check.measure import FLAGS, NO_RULE
from minutes.check.text import clean, key
from minutes.i18n import N_, _, current_language
from minutes.profiles import Profile

FORMATS = ("pdf", "docx")

METRIC_COMPATIBLE = ("Times New Roman", "Liberation Serif", "Tinos")
"""Fonts with the advance widths of Times New Roman (the same line breaks): Liberation Serif
(SIL OFL, which our PDFs embed) and Tinos (its Chrome OS twin)."""

SIZE_TOLERANCE_PT = 0.3
MARGIN_TOLERANCE_MM = 0.5
PDF_TOP_SLACK_MM = 1.5
RULE_TOLERANCE = 0.05
RULE_CENTRE_MM = 1.5
CELL_CENTRE_MM = 3.0
CELL_WIDTH_MM = 5.0
"""Mẫu 1.9 gives the header cells as *about* 6.75 and 10 cm: the profile's widths ±5 mm."""

NUMBERS_CLAUSE = "CLDR vi; FORMAT-RULES: '.' nhóm nghìn, ',' thập phân (12.181; 317,35; 59,7%)"
DATES_CLAUSE = "PL I, II.4.b: ngày < 10 và tháng 1, 2 thêm số 0 (ngày 07 tháng 3 năm 2018)"
NUMBER_CLAUSE = {
    "state": "PL I, II.3.c: Số: 05/BB-UBND (dấu hai chấm; số 0 trước số < 10; '/' rồi '-')",
    "party": "HD 36: Số 05-BB/TU (không dấu hai chấm; '-' trước loại, '/' trước cơ quan)",
}
PAGE_NUMBER_CLAUSE = "PL I, I.7 / HD 36: không hiển thị số trang thứ nhất"


# -- how values read -------------------------------------------------------------------------------


def number(value: float, decimals: int = 1) -> str:
    """``value`` as the reader writes it: ``30,5`` in Vietnamese, ``30.5`` in English; no
    trailing ``,0`` for whole numbers."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if current_language() == "vi" else text


WORDS: dict[object, str] = {
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
    "body": N_("body"),
    "signature-columns": N_("secretary left, chair right, on one line"),
    "under-title": N_("under its title, centred"),
    "present": N_("present"),
    "absent": N_("absent"),
    "embedded": N_("all embedded"),
}


def word(value: object) -> str:
    """A measured or expected token in words (tokens this module does not know stay as they
    are: they are text read from the document)."""
    text = WORDS.get(value) if isinstance(value, str) else None
    return _(text) if text is not None else str(value)


def listing(items: list[str], limit: int = 4) -> str:
    if not items:
        return _("none wrong")
    shown = "; ".join(items[:limit])
    if len(items) > limit:
        shown += " " + _("(and {count} more)").format(count=len(items) - limit)
    return shown


# -- expectations ----------------------------------------------------------------------------------


class Expectation:
    """What a rule expects, how to judge a measured value, and how both read."""

    def check(self, value: Any) -> bool:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError

    def show(self, value: Any) -> str:
        return word(value)

    def as_json(self) -> dict[str, Any]:
        raise NotImplementedError


@dataclass(frozen=True)
class Near(Expectation):
    """A length or size within ``below``/``above`` of ``value``."""

    value: float
    below: float
    above: float
    unit: str

    def check(self, value: Any) -> bool:
        return bool(
            self.value - self.below - 1e-9 <= float(value) <= self.value + self.above + 1e-9
        )

    def describe(self) -> str:
        if self.below == self.above:
            spread = f"±{number(self.below, 2)}"
        else:
            spread = f"−{number(self.below, 2)}/+{number(self.above, 2)}"
        return f"{number(self.value, 2)} {self.unit} ({spread})"

    def show(self, value: Any) -> str:
        return f"{number(float(value), 1)} {self.unit}"

    def as_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "min": self.value - self.below,
            "max": self.value + self.above,
            "unit": self.unit,
        }


@dataclass(frozen=True)
class AtLeast(Expectation):
    value: float
    unit: str

    def check(self, value: Any) -> bool:
        return float(value) >= self.value - 1e-9

    def describe(self) -> str:
        return f"≥ {number(self.value, 2)} {self.unit}"

    def show(self, value: Any) -> str:
        return f"{number(float(value), 1)} {self.unit}"

    def as_json(self) -> dict[str, Any]:
        return {"min": self.value, "unit": self.unit}


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
        return f"{number(self.width)} × {number(self.height)} mm (±{number(self.tolerance)})"

    def show(self, value: Any) -> str:
        width, height = value
        return f"{number(width)} × {number(height)} mm"

    def as_json(self) -> dict[str, Any]:
        return {
            "width": self.width,
            "height": self.height,
            "tolerance": self.tolerance,
            "unit": "mm",
        }


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
    """A solid rule under the text, ``fraction`` of its length (``None``: no rule), centred."""

    fraction: float | None
    tolerance: float = RULE_TOLERANCE
    centre_mm: float = RULE_CENTRE_MM

    def check(self, value: Any) -> bool:
        if self.fraction is None:
            return bool(value == NO_RULE)
        if value == NO_RULE:
            return False
        ratio, offset = value
        if abs(ratio - self.fraction) > self.tolerance + 1e-9:
            return False
        return offset is None or abs(offset) <= self.centre_mm

    def describe(self) -> str:
        if self.fraction is None:
            return _("no rule")
        return _("{percent}% of the text's length (±{tolerance}), centred").format(
            percent=number(self.fraction * 100, 0), tolerance=number(self.tolerance * 100, 0)
        )

    def show(self, value: Any) -> str:
        if value == NO_RULE:
            return _("no rule")
        ratio, offset = value
        text = _("{percent}% of the text's length").format(percent=number(ratio * 100, 1))
        if offset is not None and abs(offset) > self.centre_mm:
            text += ", " + _("{offset} mm off centre").format(offset=number(offset, 1))
        return text

    def as_json(self) -> dict[str, Any]:
        return {"fraction": self.fraction, "tolerance": self.tolerance, "centre_mm": self.centre_mm}


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
class Widths(Expectation):
    """Two column widths in mm."""

    left: float
    right: float
    tolerance: float = CELL_WIDTH_MM

    def check(self, value: Any) -> bool:
        left, right = value
        slack = self.tolerance + 0.02  # a twip is 0.018 mm: widths stored in twips round
        return bool(abs(left - self.left) <= slack and abs(right - self.right) <= slack)

    def describe(self) -> str:
        return f"{number(self.left)} + {number(self.right)} mm (±{number(self.tolerance)})"

    def show(self, value: Any) -> str:
        left, right = value
        return f"{number(left)} + {number(right)} mm"

    def as_json(self) -> dict[str, Any]:
        return {"left": self.left, "right": self.right, "tolerance": self.tolerance, "unit": "mm"}


# -- the rules -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One measurable rule: ``element.prop`` must meet ``expect``; ``clause`` is its source."""

    element: str
    prop: str
    clause: str
    expect: Expectation
    aggregate: str = "all"
    """How several pieces of the element are judged: ``all`` must pass, or ``most`` (the
    value most of the text has, for body text with its bold words and headings)."""

    @property
    def id(self) -> str:
        return f"{self.element}.{self.prop}"

    @property
    def clause_reference(self) -> str:
        """The clause without its wording: ``PL I, II.1.a`` of ``PL I, II.1.a: in hoa, …``."""
        return self.clause.split(": ", 1)[0]

    def label(self, profile: Profile) -> str:
        names = dict(ELEMENTS)
        if self.element == "national-title" and profile.wording.motto is None:
            element = _("Party heading")
        else:
            element = _(names[self.element])
        return f"{element}: {_(PROPERTIES[self.prop])}"


ELEMENTS: tuple[tuple[str, str], ...] = (
    ("page", N_("Page")),
    ("font", N_("Font")),
    ("national-title", N_("National title")),
    ("motto", N_("Motto")),
    ("parent-org", N_("Parent body")),
    ("org", N_("Issuing body")),
    ("org-mark", N_("Star under the issuing body")),
    ("number", N_("Number and symbol")),
    ("place-date", N_("Place and date")),
    ("header", N_("Header cells")),
    ("doc-kind", N_("Document kind")),
    ("trich-yeu", N_("Summary (trích yếu)")),
    ("title-mark", N_("Dashes under the summary")),
    ("body", N_("Body text")),
    ("signer-title", N_("Signer titles")),
    ("signer-note", N_("Signature notes")),
    ("signer-name", N_("Signer names")),
    ("signatures", N_("Signature columns")),
    ("recipients-heading", N_("Recipients heading")),
    ("recipients-item", N_("Recipients")),
    ("page-number", N_("Page numbers")),
    ("dates", N_("Dates")),
    ("numbers", N_("Numbers")),
)
"""Every element the checker knows, in the order of the report."""

PROPERTIES: dict[str, str] = {
    "paper": N_("paper size"),
    "margin-top": N_("top margin"),
    "margin-bottom": N_("bottom margin"),
    "margin-left": N_("left margin"),
    "margin-right": N_("right margin"),
    "family": N_("family"),
    "embedded": N_("embedded"),
    "text": N_("wording"),
    "size": N_("size"),
    "bold": N_("weight"),
    "italic": N_("slant"),
    "underline": N_("underline"),
    "case": N_("case"),
    "align": N_("alignment"),
    "position": N_("position"),
    "indent": N_("first-line indent"),
    "rule": N_("rule under it"),
    "present": N_("present"),
    "form": N_("form"),
    "widths": N_("widths"),
    "first-page": N_("on page 1"),
    "other-pages": N_("from page 2"),
}

POSITIONS = {
    "national-title": "header-right",
    "motto": "header-right",
    "place-date": "header-right",
    "parent-org": "header-left",
    "org": "header-left",
    "org-mark": "header-left",
    "number": "header-left",
}
"""Where each header element stands (PL I, IV: ô 1 Quốc hiệu right, ô 2-3 body and number left,
ô 4 place and date right; HD 36 alike)."""

LOOK = ("size", "bold", "italic")
PROPS: dict[str, tuple[str, ...]] = {
    "national-title": ("text", *LOOK, "case", "align", "position", "rule"),
    "motto": ("text", *LOOK, "case", "align", "position", "rule"),
    "parent-org": (*LOOK, "case", "align", "position"),
    "org": (*LOOK, "case", "align", "position", "rule"),
    "org-mark": ("present", "position"),
    "number": (*LOOK, "align", "position", "form"),
    "place-date": (*LOOK, "align", "position", "form"),
    "doc-kind": ("text", *LOOK, "case", "align"),
    "trich-yeu": (*LOOK, "case", "align", "rule"),
    "title-mark": ("present",),
    "body": (*LOOK, "align", "indent"),
    "signer-title": (*LOOK, "case", "align", "position"),
    "signer-note": (*LOOK, "align"),
    "signer-name": (*LOOK, "case", "align", "position"),
    "recipients-heading": ("text", *LOOK, "underline", "align"),
    "recipients-item": LOOK,
}
"""The properties checked per element (what PL I and HD 36 prescribe for it)."""


def _element_rules(profile: Profile, fmt: str) -> list[Rule]:
    wording = profile.wording
    present = {
        "motto": wording.motto is not None,
        "org-mark": wording.org_mark is not None,
        "place-date": wording.show_place_date,
        "title-mark": wording.title_mark is not None,
        "signer-note": bool(wording.secretary_note or wording.chair_note),
    }
    rules: list[Rule] = []
    for element, props in PROPS.items():
        if not present.get(element, True):
            continue
        role = profile.role(element)
        source = role.source
        for prop in props:
            expect: Expectation
            aggregate = "most" if element == "body" else "all"
            if prop == "text":
                expect = Wording(_wording_of(profile, element))
            elif prop == "size":
                expect = Near(role.size_pt, SIZE_TOLERANCE_PT, SIZE_TOLERANCE_PT, "pt")
            elif prop in FLAGS:
                yes, no = FLAGS[prop]
                expect = Is(yes if getattr(role, prop) else no)
            elif prop == "case":
                expect = Is("upper" if role.caps else "mixed")
            elif prop == "align":
                expect = Is(role.align)
            elif prop == "position":
                expect = Is(_position(element))
            elif prop == "indent":
                expect = Near(role.indent_first_mm, 1.0, 1.0, "mm")
            elif prop == "rule":
                expect = RuleUnder(role.rule)
            elif prop == "present":
                expect = Is("present")
            elif prop == "form":
                if element == "number":
                    source = NUMBER_CLAUSE.get(profile.id, source)
                    expect = Problems(profile.format_number(5, _symbol(profile)))
                else:
                    source = DATES_CLAUSE
                    expect = Problems(_("Place, ngày 07 tháng 3 năm 2018"))
            else:  # pragma: no cover - PROPS names only the properties above
                raise ValueError(prop)
            rules.append(Rule(element, prop, source, expect, aggregate))
    return rules


def _position(element: str) -> str:
    if element in POSITIONS:
        return POSITIONS[element]
    if element == "signer-title":
        return "signature-columns"
    return "under-title"


def _symbol(profile: Profile) -> str:
    return "BB-UBND" if profile.wording.number.count("/") else "BB/TU"


def _wording_of(profile: Profile, element: str) -> str:
    wording = profile.wording
    text = {
        "national-title": wording.national_title,
        "motto": wording.motto,
        "doc-kind": wording.doc_kind,
        "recipients-heading": wording.recipients_heading,
    }[element]
    assert text is not None
    return text


def rules_for(profile: Profile, fmt: str) -> list[Rule]:
    """Every rule of ``profile`` that can be measured in a ``fmt`` (``pdf``/``docx``) file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    page = profile.page
    rules = [Rule("page", "paper", page.source, Paper(page.width_mm, page.height_mm, 1.0))]
    for side in ("top", "bottom", "left", "right"):
        value = getattr(page, f"margin_{side}_mm")
        tolerance = MARGIN_TOLERANCE_MM
        expect: Expectation = Near(value, tolerance, tolerance, "mm")
        if fmt == "pdf" and side == "top":
            expect = Near(value, tolerance, PDF_TOP_SLACK_MM, "mm")
        elif fmt == "pdf" and side == "bottom":
            expect = AtLeast(value - tolerance, "mm")
        rules.append(Rule("page", f"margin-{side}", page.source, expect))
    font = profile.font
    rules.append(Rule("font", "family", font.source, Family(font.family, METRIC_COMPATIBLE)))
    if fmt == "pdf":
        rules.append(Rule("font", "embedded", "PDF/A; ARCHITECTURE: fonts", Is("embedded")))
    rules.extend(_element_rules(profile, fmt))
    layout = profile.layout
    if fmt == "docx":  # a PDF shows no cells: their effect is the alignment checked above
        header = Widths(layout.header_left_mm, layout.header_right_mm)
        rules.append(Rule("header", "widths", layout.source, header))
        signatures = Widths(layout.signature_left_mm, layout.signature_right_mm)
        rules.append(Rule("signatures", "widths", layout.source, signatures))
    number_role = profile.role("page-number")
    rules.append(Rule("page-number", "first-page", PAGE_NUMBER_CLAUSE, Is("absent")))
    rules.append(
        Rule(
            "page-number",
            "other-pages",
            number_role.source,
            Problems(_("the page's number, centred in the top margin")),
        )
    )
    rules.append(
        Rule(
            "page-number",
            "size",
            number_role.source,
            Near(number_role.size_pt, SIZE_TOLERANCE_PT, SIZE_TOLERANCE_PT, "pt"),
        )
    )
    rules.append(Rule("dates", "form", DATES_CLAUSE, Problems(_("ngày 07 tháng 3 năm 2018"))))
    rules.append(Rule("numbers", "form", NUMBERS_CLAUSE, Problems("12.181; 317,35; 59,7%")))
    order = {name: index for index, (name, _label) in enumerate(ELEMENTS)}
    return sorted(rules, key=lambda rule: order[rule.element])
