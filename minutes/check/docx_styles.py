"""How Word resolves the look of a DOCX paragraph and its runs: the formatting it applies.

Most specific first: the run's own properties, its character style and the styles it is based
on, the paragraph's style and the styles it is based on, then the document defaults and the
theme's fonts; for a paragraph, its own properties, its list level, its style chain and the
defaults, attribute by attribute for indents and spacing. So a file typed by hand with direct
formatting is read the same as one made with styles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
TWIP_MM = 25.4 / 1440
EMU_MM = 1 / 36000
DEFAULT_SIZE_PT = 10.0
"""Word's size when nothing names one."""

_ALIGN = {
    "both": "justify",
    "distribute": "justify",
    "justify": "justify",
    "center": "center",
    "left": "left",
    "start": "left",
    "right": "right",
    "end": "right",
}


def q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def on(element: Any) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``); ``None`` when absent."""
    if element is None:
        return None
    return element.get(q("w:val"), "true").lower() not in ("0", "false", "off", "none")


def twips(element: Any, attribute: str) -> float | None:
    """An attribute in twips, as millimetres; ``None`` when absent or not a number."""
    value = element.get(q(attribute)) if element is not None else None
    try:
        return float(value) * TWIP_MM if value is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class RunLook:
    size: float
    bold: bool
    italic: bool
    underline: bool
    caps: bool
    font: str
    hidden: bool


@dataclass
class ParaLook:
    """A paragraph's resolved properties (lengths in mm, spacing in pt)."""

    style_name: str | None
    align: str = "left"
    left: float = 0.0
    right: float = 0.0
    first: float = 0.0
    """The first line's indent from ``left`` (negative: hanging)."""
    before_pt: float = 0.0
    after_pt: float = 0.0
    line: tuple[str, float] = ("auto", 1.0)
    """``("auto", multiple)``, ``("exact", pt)`` or ``("atLeast", pt)``."""
    top_border: bool = False
    bottom_border: bool = False
    tabs: list[tuple[float, str]] = field(default_factory=list)
    """Custom tab stops: ``(position mm from the text's left edge, left|center|right)``."""
    label: str = ""
    """The list label Word shows before the text (``-``, ``1.``)."""
    mark: RunLook | None = None
    """The look of the paragraph mark (the height of an empty paragraph)."""


class Styles:
    """The document's styles, defaults, theme fonts and lists, resolved as Word does."""

    def __init__(self, document: Any) -> None:
        root = document.styles.element
        self.by_id: dict[str, Any] = {}
        self.default_paragraph: str | None = None
        for style in root.findall(q("w:style")):
            style_id = style.get(q("w:styleId"))
            self.by_id[style_id] = style
            if style.get(q("w:default")) in ("1", "true") and style.get(q("w:type")) == "paragraph":
                self.default_paragraph = style_id
        defaults = root.find(q("w:docDefaults"))
        self.run_defaults = None
        self.paragraph_defaults = None
        if defaults is not None:
            self.run_defaults = defaults.find(f"{q('w:rPrDefault')}/{q('w:rPr')}")
            self.paragraph_defaults = defaults.find(f"{q('w:pPrDefault')}/{q('w:pPr')}")
        self.theme = _theme_fonts(document)
        self.lists = Lists(document)

    def chain(self, style_id: str | None) -> list[Any]:
        """The style and those it is based on, most specific first."""
        found: list[Any] = []
        while style_id and style_id in self.by_id and len(found) < 20:
            style = self.by_id[style_id]
            found.append(style)
            based = style.find(q("w:basedOn"))
            style_id = based.get(q("w:val")) if based is not None else None
        return found

    def name(self, style_id: str | None) -> str | None:
        style = self.by_id.get(style_id or "")
        element = style.find(q("w:name")) if style is not None else None
        return None if element is None else element.get(q("w:val"))

    def paragraph_style(self, paragraph: Any) -> str | None:
        ppr = paragraph.find(q("w:pPr"))
        styled = ppr.find(q("w:pStyle")) if ppr is not None else None
        return styled.get(q("w:val")) if styled is not None else self.default_paragraph

    # -- runs -------------------------------------------------------------------------------------

    def run_levels(self, rpr: Any, paragraph_style: str | None) -> list[Any]:
        """The ``rPr`` elements that apply to a run with properties ``rpr``, most specific
        first."""
        levels = []
        if rpr is not None:
            levels.append(rpr)
            char_style = rpr.find(q("w:rStyle"))
            if char_style is not None:
                levels.extend(s.find(q("w:rPr")) for s in self.chain(char_style.get(q("w:val"))))
        levels.extend(s.find(q("w:rPr")) for s in self.chain(paragraph_style))
        levels.append(self.run_defaults)
        return [level for level in levels if level is not None]

    def look(self, rpr: Any, paragraph_style: str | None) -> RunLook:
        levels = self.run_levels(rpr, paragraph_style)
        size = first_found(levels, "w:sz")
        underline = first_found(levels, "w:u")
        caps = on(first_found(levels, "w:caps")) or on(first_found(levels, "w:smallCaps"))
        return RunLook(
            size=float(size.get(q("w:val"))) / 2 if size is not None else DEFAULT_SIZE_PT,
            bold=bool(on(first_found(levels, "w:b"))),
            italic=bool(on(first_found(levels, "w:i"))),
            underline=underline is not None
            and underline.get(q("w:val"), "single") not in ("none", "0"),
            caps=bool(caps),
            font=self._font(levels) or "",
            hidden=bool(on(first_found(levels, "w:vanish"))),
        )

    def _font(self, levels: list[Any]) -> str | None:
        for level in levels:
            fonts = level.find(q("w:rFonts"))
            if fonts is None:
                continue
            for attribute in ("w:ascii", "w:hAnsi"):
                if fonts.get(q(attribute)):
                    return str(fonts.get(q(attribute)))
            for attribute in ("w:asciiTheme", "w:hAnsiTheme"):
                theme = fonts.get(q(attribute))
                if theme:
                    return self.theme.get("major" if theme.startswith("major") else "minor")
        return None

    # -- paragraphs -------------------------------------------------------------------------------

    def paragraph(self, element: Any) -> ParaLook:
        style_id = self.paragraph_style(element)
        ppr = element.find(q("w:pPr"))
        styles = [s.find(q("w:pPr")) for s in self.chain(style_id)]
        numbering = self._numbering(ppr, styles)
        levels = [ppr, numbering, *styles, self.paragraph_defaults]
        levels = [level for level in levels if level is not None]
        look = ParaLook(self.name(style_id))
        jc = first_found(levels, "w:jc")
        look.align = _ALIGN.get(jc.get(q("w:val")) if jc is not None else "left", "left")
        _indents(look, levels)
        _spacing(look, levels)
        borders = first_found(levels, "w:pBdr")
        look.top_border = _has_border(borders, "top")
        look.bottom_border = _has_border(borders, "bottom")
        look.tabs = _tabs(levels)
        if numbering is not None:
            look.label = self.lists.label(ppr, styles)
        mark = ppr.find(q("w:rPr")) if ppr is not None else None
        look.mark = self.look(mark, style_id)
        return look

    def _numbering(self, ppr: Any, styles: list[Any]) -> Any:
        """The ``pPr`` of the list level a paragraph is in (its indents), or ``None``."""
        return self.lists.level_properties(ppr, styles)


def _indents(look: ParaLook, levels: list[Any]) -> None:
    values = {"left": 0.0, "right": 0.0, "firstLine": 0.0, "hanging": 0.0}
    for level in reversed(levels):  # later levels override earlier ones attribute by attribute
        ind = level.find(q("w:ind"))
        for name, attributes in (
            ("firstLine", ("w:firstLine",)),
            ("hanging", ("w:hanging",)),
            ("left", ("w:left", "w:start")),
            ("right", ("w:right", "w:end")),
        ):
            for attribute in attributes:
                value = twips(ind, attribute)
                if value is not None:
                    values[name] = value
                    if name in ("firstLine", "hanging"):  # the one excludes the other
                        values["hanging" if name == "firstLine" else "firstLine"] = 0.0
    look.left, look.right = values["left"], values["right"]
    look.first = values["firstLine"] - values["hanging"]


def _spacing(look: ParaLook, levels: list[Any]) -> None:
    before, after, line, rule = 0.0, 0.0, 240.0, "auto"  # twentieths of a point; 240ths of a line
    for level in reversed(levels):
        spacing = level.find(q("w:spacing"))
        if spacing is None:
            continue
        before = _float(spacing.get(q("w:before")), before)
        after = _float(spacing.get(q("w:after")), after)
        if spacing.get(q("w:line")) is not None:
            line = _float(spacing.get(q("w:line")), line)
            rule = spacing.get(q("w:lineRule"), "auto")
    look.before_pt, look.after_pt = before / 20, after / 20
    look.line = ("auto", line / 240) if rule == "auto" else (rule, line / 20)


def _float(text: str | None, default: float) -> float:
    try:
        return float(text) if text is not None else default
    except ValueError:
        return default


def _tabs(levels: list[Any]) -> list[tuple[float, str]]:
    stops: dict[float, str] = {}
    for level in reversed(levels):
        tabs = level.find(q("w:tabs"))
        for tab in tabs.findall(q("w:tab")) if tabs is not None else []:
            position = twips(tab, "w:pos")
            if position is None:
                continue
            kind = tab.get(q("w:val"), "left")
            if kind == "clear":
                stops.pop(round(position, 1), None)
            else:
                stops[round(position, 1)] = _ALIGN.get(kind, "left")
    return sorted(stops.items())


def _has_border(borders: Any, side: str) -> bool:
    if borders is None:
        return False
    edge = borders.find(q(f"w:{side}"))
    return edge is not None and edge.get(q("w:val"), "nil") not in ("nil", "none")


class Lists:
    """Word's numbering: the label a list paragraph shows, and its level's indents."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, str], Any] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(q("w:abstractNumId")): a for a in root.findall(q("w:abstractNum"))}
        for num in root.findall(q("w:num")):
            ref = num.find(q("w:abstractNumId"))
            definition = abstract.get(ref.get(q("w:val")) if ref is not None else None)
            for level in definition.findall(q("w:lvl")) if definition is not None else []:
                self.levels[(num.get(q("w:numId")), level.get(q("w:ilvl")))] = level

    def _which(self, ppr: Any, styles: list[Any]) -> tuple[str, str] | None:
        for properties in (ppr, *styles):
            numpr = properties.find(q("w:numPr")) if properties is not None else None
            if numpr is None:
                continue
            num, level = numpr.find(q("w:numId")), numpr.find(q("w:ilvl"))
            num_id = num.get(q("w:val")) if num is not None else None
            ilvl = level.get(q("w:val")) if level is not None else "0"
            return (num_id, ilvl) if num_id not in (None, "0") else None
        return None

    def level_properties(self, ppr: Any, styles: list[Any]) -> Any:
        which = self._which(ppr, styles)
        level = self.levels.get(which) if which else None
        return level.find(q("w:pPr")) if level is not None else None

    def label(self, ppr: Any, styles: list[Any]) -> str:
        which = self._which(ppr, styles)
        level = self.levels.get(which) if which else None
        if which is None or level is None:
            return ""
        num_id, ilvl = which[0], int(which[1])
        counters = self.counters.setdefault(num_id, {})
        if ilvl not in counters:
            start = level.find(q("w:start"))
            counters[ilvl] = (
                int(_float(start.get(q("w:val")) if start is not None else None, 1)) - 1
            )
        counters[ilvl] += 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt = level.find(q("w:numFmt"))
        text = level.find(q("w:lvlText"))
        pattern = text.get(q("w:val"), "") if text is not None else ""
        if fmt is not None and fmt.get(q("w:val")) == "bullet":
            return pattern if pattern.isprintable() and pattern.strip() else "•"
        for index in range(9):
            pattern = pattern.replace(f"%{index + 1}", str(counters.get(index, 1)))
        return pattern


def _theme_fonts(document: Any) -> dict[str, str]:
    """The theme's Latin fonts: ``{"major": …, "minor": …}``."""
    from docx.oxml import parse_xml

    fonts: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/theme") and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            for kind in ("major", "minor"):
                latin = root.find(f".//{q('a:' + kind + 'Font')}/{q('a:latin')}")
                if latin is not None and latin.get("typeface"):
                    fonts[kind] = latin.get("typeface")
    return fonts


def first_found(levels: list[Any], name: str) -> Any:
    """The first ``name`` element in ``levels``, which go from the most specific formatting
    (the run or paragraph) to the document defaults: the value Word applies."""
    for level in levels:
        found = level.find(q(name))
        if found is not None:
            return found
    return None
