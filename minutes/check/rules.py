"""The rules a document is checked against, built from its profile.

Every expected value comes from the profile (``templates/profiles/*.yaml``): the page, the
margins, the font, and for each element its size, weight, slant, case, alignment, indent and the
rule under it, each as the range the official text allows (``size_range_pt: [12, 13]``) with the
profile's own value as the preferred point; each rule cites the clause the profile names for it.
A property the profile declares open (``unspecified``) is listed and not judged. Nothing here
knows a profile by name: a new profile file brings its rules with it.

Two levels. A *rule* of the official text fails the file when measured outside its tolerance.
*Advice* (how dates and numbers are best written in the text, district names after the 2025
reform, embedded fonts) is shown and counted apart; it fails the file only with ``--strict``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from minutes.check import advice
from minutes.check import tolerances as tol
from minutes.check.expect import (
    Between,
    Expectation,
    Family,
    Is,
    OneOf,
    Open,
    Paper,
    Problems,
    RuleUnder,
    Wording,
)
from minutes.check.forms import example_symbol
from minutes.i18n import N_, _
from minutes.profiles import Profile, Role

FORMATS = ("pdf", "docx")
RULE, ADVICE = "rule", "advice"

METRIC_COMPATIBLE = ("Times New Roman", "Liberation Serif", "Tinos")
"""Fonts with the advance widths of Times New Roman (the same line breaks): Liberation Serif
(SIL OFL, which our PDFs embed) and Tinos (its Chrome OS twin)."""


@dataclass(frozen=True)
class Rule:
    """One measurable rule: ``element.prop`` must meet ``expect``; ``clause`` is its source."""

    element: str
    prop: str
    clause: str
    expect: Expectation
    aggregate: str = "all"
    """How several instances of the element are judged: ``all`` must pass, or ``most`` (the
    value most of the text has, for body text with its bold words and headings)."""
    level: str = RULE
    """``rule`` (of the official text) or ``advice`` (the house's)."""

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
    ("doc-kind", N_("Document kind")),
    ("trich-yeu", N_("Summary (trích yếu)")),
    ("title-mark", N_("Dashes under the summary")),
    ("body", N_("Body text")),
    ("signer-title", N_("Signer titles")),
    ("signer-note", N_("Signature notes")),
    ("signer-name", N_("Signer names")),
    ("recipients-heading", N_("Recipients heading")),
    ("recipients-item", N_("Recipients")),
    ("page-number", N_("Page numbers")),
    ("dates", N_("Dates in the text")),
    ("numbers", N_("Numbers in the text")),
    ("districts", N_("Place names")),
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
    "first-page": N_("on page 1"),
    "other-pages": N_("from page 2"),
    "after-reform": N_("after 1 July 2025"),
}

POSITIONS = {
    "national-title": "header-right",
    "motto": "header-right",
    "place-date": "header-right",
    "parent-org": "header-left",
    "org": "header-left",
    "org-mark": "header-left",
    "number": "header-left",
    "signer-title": "signature-columns",
    "signer-name": "under-title",
}
"""Where each element stands (PL I, IV: ô 1 Quốc hiệu right, ô 2-3 body and number left, ô 4
place and date right; HD 36 alike; the signatures as Mẫu 1.9 and HD 16 draw them)."""

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

FLAGS = {
    "bold": ("bold", "regular"),
    "italic": ("italic", "upright"),
    "underline": ("underlined", "not underlined"),
}
"""How a yes/no property reads."""

OPEN_AS = {"case": "caps", "position": "align"}
"""The role property that declares a rule's property open, where their names differ."""


def size_expectation(role: Role) -> Expectation:
    if "size" in role.unspecified:
        return Open()
    low, high = role.size_range_pt or (role.size_pt, role.size_pt)
    return Between(low, high, role.size_pt, tol.SIZE_PT, "pt")


def _rule_under(role: Role) -> Expectation:
    if role.rule is None:
        return RuleUnder(None, None, None, tol.RULE_LENGTH, tol.RULE_CENTRE_MM)
    low, high = role.rule_range or (role.rule, role.rule)
    return RuleUnder(low, high, role.rule, tol.RULE_LENGTH, tol.RULE_CENTRE_MM)


def _indent(role: Role) -> Expectation:
    options = role.indent_first_options_mm or (role.indent_first_mm,)
    return OneOf(tuple(options), role.indent_first_mm, tol.INDENT_MM, "mm")


def _flag(prop: str) -> Callable[[Role, str], Expectation]:
    def build(role: Role, _element: str) -> Expectation:
        yes, no = FLAGS[prop]
        return Is(yes if getattr(role, prop) else no)

    return build


BUILDERS: dict[str, Callable[[Role, str], Expectation]] = {
    "size": lambda role, _e: size_expectation(role),
    "bold": _flag("bold"),
    "italic": _flag("italic"),
    "underline": _flag("underline"),
    "case": lambda role, _e: Is("upper" if role.caps else "mixed"),
    "align": lambda role, _e: Is(role.align),
    "position": lambda _r, element: Is(POSITIONS[element]),
    "indent": lambda role, _e: _indent(role),
    "rule": lambda role, _e: _rule_under(role),
    "present": lambda _r, _e: Is("present"),
}


def _element_rules(profile: Profile) -> list[Rule]:
    wording = profile.wording
    present = {
        "motto": wording.motto is not None,
        "org-mark": wording.org_mark is not None,
        "title-mark": wording.title_mark is not None,
        # signer-note: optional (a note the clerk asks for), checked where there is one
    }
    rules: list[Rule] = []
    for element, props in PROPS.items():
        if not present.get(element, True):
            continue
        role = profile.role(element)
        aggregate = "most" if element == "body" else "all"
        for prop in props:
            clause = (
                profile.layout.source
                if element == "signer-title" and prop == "position"
                else role.source
            )
            rules.append(
                Rule(element, prop, clause, _expect(profile, role, element, prop), aggregate)
            )
    return rules


def _expect(profile: Profile, role: Role, element: str, prop: str) -> Expectation:
    if OPEN_AS.get(prop, prop) in role.unspecified:
        return Open()
    if prop == "text":
        return Wording(_wording_of(profile, element))
    if prop == "form":
        if element == "number":
            symbol = example_symbol(profile.wording.number)
            return Problems(profile.format_number(5, symbol))
        return Problems(_("Place, ngày 07 tháng 3 năm 2018"))
    return BUILDERS[prop](role, element)


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


def _with_form_clauses(profile: Profile, rules: list[Rule]) -> list[Rule]:
    """The form rules cite the clause on how the text is written (``form_source``)."""
    out = []
    for rule in rules:
        if rule.prop == "form":
            role = profile.role(rule.element)
            rule = Rule(rule.element, rule.prop, role.form_source or role.source, rule.expect)
        out.append(rule)
    return out


def _page_rules(profile: Profile, fmt: str) -> list[Rule]:
    page, font = profile.page, profile.font
    rules = [Rule("page", "paper", page.source, Paper(page.width_mm, page.height_mm, tol.PAPER_MM))]
    for side in ("top", "bottom", "left", "right"):
        value = getattr(page, f"margin_{side}_mm")
        low, high = getattr(page, f"margin_{side}_range_mm") or (value, value)
        expect = Between(low, high, value, tol.MARGIN_MM, "mm")
        rules.append(Rule("page", f"margin-{side}", page.margins_source or page.source, expect))
    rules.append(Rule("font", "family", font.source, Family(font.family, METRIC_COMPATIBLE)))
    if fmt == "pdf":  # a DOCX names its fonts; the reader's machine supplies them
        rules.append(Rule("font", "embedded", font.source, Is("embedded"), level=ADVICE))
    return rules


def _closing_rules(profile: Profile) -> list[Rule]:
    number = profile.role("page-number")
    dates_clause = profile.role("place-date").form_source or profile.role("place-date").source
    return [
        Rule("page-number", "first-page", number.source, Is("absent")),
        Rule(
            "page-number",
            "other-pages",
            number.source,
            Problems(_("the page's number, centred in the top margin")),
        ),
        Rule("page-number", "size", number.source, size_expectation(number)),
        Rule(
            "dates",
            "form",
            dates_clause,
            Problems(_("as the document's own date is written: 07/3/2018, ngày 07 tháng 3")),
            level=ADVICE,
        ),
        Rule(
            "numbers",
            "form",
            advice.NUMBERS_CLAUSE,
            Problems("12.181; 317,35; 59,7%"),
            level=ADVICE,
        ),
        Rule(
            "districts",
            "after-reform",
            advice.DISTRICTS_CLAUSE,
            Problems(_("no district-level names (provinces, communes, wards only)")),
            level=ADVICE,
        ),
    ]


def rules_for(profile: Profile, fmt: str) -> list[Rule]:
    """Every rule of ``profile`` that can be measured in a ``fmt`` (``pdf``/``docx``) file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    rules = [
        *_page_rules(profile, fmt),
        *_with_form_clauses(profile, _element_rules(profile)),
        *_closing_rules(profile),
    ]
    order = {name: index for index, (name, _label) in enumerate(ELEMENTS)}
    return sorted(rules, key=lambda rule: order[rule.element])
