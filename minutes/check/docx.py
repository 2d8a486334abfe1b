"""Measure a DOCX: the section, and each paragraph's look as Word resolves it.

A paragraph's look is resolved the way Word does it, most specific first: the run's own
properties, its character style and the styles it is based on, the paragraph's style and the
styles it is based on, then the document defaults (and the theme's fonts). So a file made by
Word or by hand, with direct formatting instead of styles, is measured the same as ours.

Elements are found by their style where they have one of ours (``BB Quốc hiệu`` …), otherwise by
their words (Quốc hiệu, Tiêu ngữ, ``BIÊN BẢN``, the signer titles, ``Nơi nhận:``) and their place:
the header is the two-column table that holds the Quốc hiệu (or the Party heading), the bodies
are the left cell's lines above ``Số``, the trích yếu follows ``BIÊN BẢN``, the signatures are the
table that holds both signer titles.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from minutes.check import text as forms
from minutes.check.measure import (
    NO_RULE,
    Found,
    Measured,
    Piece,
    RuleMeasure,
    majority,
    mode,
    split_org_lines,
)
from minutes.errors import InputError, Problem
from minutes.i18n import _
from minutes.profiles import Profile

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
DEFAULT_CELL_MARGIN_MM = 108 * TWIP_MM
"""Word's default left and right cell margin (0.075 in)."""


def q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def on(element: Any) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``); ``None`` when absent."""
    if element is None:
        return None
    return element.get(q("w:val"), "true").lower() not in ("0", "false", "off", "none")


@dataclass
class Look:
    """The resolved look of a run."""

    size: float | None
    bold: bool
    italic: bool
    underline: bool
    caps: bool
    font: str | None


@dataclass
class Para:
    """One paragraph, resolved."""

    index: int
    element: Any
    container: tuple[Any, ...]
    runs: list[tuple[str, Look]]
    style_id: str | None
    style_name: str | None
    align: str
    first_indent_mm: float
    left_mm: float
    right_mm: float
    top_border: bool
    bottom_border: bool
    available_mm: float
    drawings: list[float] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(t.upper() if look.caps else t for t, look in self.runs)

    @property
    def plain(self) -> str:
        return forms.clean(self.text)

    @property
    def squeezed(self) -> str:
        return forms.key(self.text).replace(" ", "")

    @property
    def where(self) -> str:
        return _("paragraph {number}").format(number=self.index + 1)


def measure_docx(data: bytes, profile: Profile) -> Found:
    """Everything measurable in the DOCX ``data``, against ``profile``."""
    document = open_docx(data)
    return _Measurer(document, profile).run()


def open_docx(data: bytes) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(
            Problem(_("This is not a DOCX file that can be read: {detail}.").format(detail=exc))
        ) from None


def text_of_docx(data: bytes) -> str:
    """All the text of the body (to tell which profile a document follows)."""
    document = open_docx(data)
    return "\n".join(node.text or "" for node in document.element.body.iter(q("w:t")))


# -- resolving styles ------------------------------------------------------------------------------


class Styles:
    """The document's styles and defaults, resolved as Word does."""

    def __init__(self, document: Any) -> None:
        root = document.styles.element
        self.by_id: dict[str, Any] = {}
        self.default_paragraph: str | None = None
        self.default_character: str | None = None
        for style in root.findall(q("w:style")):
            style_id = style.get(q("w:styleId"))
            self.by_id[style_id] = style
            if style.get(q("w:default")) in ("1", "true"):
                kind = style.get(q("w:type"))
                if kind == "paragraph":
                    self.default_paragraph = style_id
                elif kind == "character":
                    self.default_character = style_id
        defaults = root.find(q("w:docDefaults"))
        self.run_defaults = None
        self.paragraph_defaults = None
        if defaults is not None:
            self.run_defaults = defaults.find(f"{q('w:rPrDefault')}/{q('w:rPr')}")
            self.paragraph_defaults = defaults.find(f"{q('w:pPrDefault')}/{q('w:pPr')}")
        self.theme = _theme_fonts(document)

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
        if style is None:
            return None
        element = style.find(q("w:name"))
        return None if element is None else element.get(q("w:val"))

    def run_levels(self, run: Any, paragraph_style: str | None) -> list[Any]:
        """The ``rPr`` elements that apply to ``run``, most specific first."""
        levels = []
        rpr = run.find(q("w:rPr"))
        if rpr is not None:
            levels.append(rpr)
            char_style = rpr.find(q("w:rStyle"))
            if char_style is not None:
                levels.extend(s.find(q("w:rPr")) for s in self.chain(char_style.get(q("w:val"))))
        levels.extend(s.find(q("w:rPr")) for s in self.chain(paragraph_style))
        levels.append(self.run_defaults)
        return [level for level in levels if level is not None]

    def paragraph_levels(self, paragraph: Any, style_id: str | None) -> list[Any]:
        levels = [paragraph.find(q("w:pPr"))]
        levels.extend(s.find(q("w:pPr")) for s in self.chain(style_id))
        levels.append(self.paragraph_defaults)
        return [level for level in levels if level is not None]

    def look(self, run: Any, paragraph_style: str | None) -> Look:
        levels = self.run_levels(run, paragraph_style)

        def first(name: str) -> Any:
            return first_found(levels, name)

        size = first("w:sz")
        underline = first("w:u")
        return Look(
            size=float(size.get(q("w:val"))) / 2 if size is not None else 10.0,
            bold=bool(on(first("w:b"))),
            italic=bool(on(first("w:i"))),
            underline=underline is not None
            and underline.get(q("w:val"), "single") not in ("none", "0"),
            caps=bool(on(first("w:caps"))),
            font=self._font(levels),
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


# -- the measurer ----------------------------------------------------------------------------------


class _Measurer:
    def __init__(self, document: Any, profile: Profile) -> None:
        self.document = document
        self.profile = profile
        self.styles = Styles(document)
        self.found = Found("docx", 0)
        self.paras: list[Para] = []
        self.tables: list[Any] = []
        self.roles = _role_styles()
        section = document.sections[0]
        self.text_width_mm = (
            float(section.page_width or 0)
            - float(section.left_margin or 0)
            - float(section.right_margin or 0)
        ) * EMU_MM

    def run(self) -> Found:
        self._read(self.document.element.body, ("body",))
        self.found.text = "\n".join(p.text for p in self.paras)
        self._section()
        self._fonts()
        header = self._header()
        title_end = self._title(header)
        signatures = self._signatures()
        self._recipients()
        self._body(title_end, signatures)
        self._page_numbers()
        self.found.values["dates.form"] = Measured(forms.date_problems(self.found.text))
        self.found.values["numbers.form"] = Measured(forms.number_problems(self.found.text))
        return self.found

    # -- reading ----------------------------------------------------------------------------------

    def _read(self, parent: Any, container: tuple[Any, ...], width_mm: float | None = None) -> None:
        for child in parent:
            if child.tag == q("w:p"):
                self.paras.append(self._para(child, container, width_mm or self.text_width_mm))
            elif child.tag == q("w:tbl"):
                self._read_table(child)
            elif child.tag in (q("w:sdt"), q("w:customXml")):
                content = child.find(q("w:sdtContent"))
                self._read(content if content is not None else child, container, width_mm)

    def _read_table(self, table: Any) -> None:
        index = len(self.tables)
        self.tables.append(table)
        grid = [
            float(col.get(q("w:w"), 0)) * TWIP_MM
            for col in table.findall(f"{q('w:tblGrid')}/{q('w:gridCol')}")
        ]
        margins = _cell_margins(table.find(q("w:tblPr")))
        for r, row in enumerate(table.findall(q("w:tr"))):
            column = 0
            for cell in row.findall(q("w:tc")):
                props = cell.find(q("w:tcPr"))
                span = 1
                width = None
                if props is not None:
                    grid_span = props.find(q("w:gridSpan"))
                    span = int(grid_span.get(q("w:val"), 1)) if grid_span is not None else 1
                    tc_width = props.find(q("w:tcW"))
                    if tc_width is not None and tc_width.get(q("w:type"), "dxa") == "dxa":
                        width = float(tc_width.get(q("w:w"), 0)) * TWIP_MM
                if width is None or width == 0:
                    width = sum(grid[column : column + span]) or self.text_width_mm / 2
                cell_margins = _cell_margins(props) or margins
                left, right = cell_margins or (DEFAULT_CELL_MARGIN_MM, DEFAULT_CELL_MARGIN_MM)
                self._read(cell, ("table", index, r, column), width - left - right)
                column += span

    def _para(self, element: Any, container: tuple[Any, ...], available_mm: float) -> Para:
        ppr = element.find(q("w:pPr"))
        style_id = None
        if ppr is not None and ppr.find(q("w:pStyle")) is not None:
            style_id = ppr.find(q("w:pStyle")).get(q("w:val"))
        style_id = style_id or self.styles.default_paragraph
        levels = self.styles.paragraph_levels(element, style_id)

        def first(name: str) -> Any:
            return first_found(levels, name)

        jc = first("w:jc")
        align = _ALIGN.get(jc.get(q("w:val")) if jc is not None else "left", "left")
        indent = {"firstLine": 0.0, "hanging": 0.0, "left": 0.0, "right": 0.0}
        for level in reversed(levels):  # later levels override earlier ones attribute by attribute
            ind = level.find(q("w:ind"))
            if ind is None:
                continue
            for name, attributes in (
                ("firstLine", ("w:firstLine",)),
                ("hanging", ("w:hanging",)),
                ("left", ("w:left", "w:start")),
                ("right", ("w:right", "w:end")),
            ):
                for attribute in attributes:
                    if ind.get(q(attribute)) is not None:
                        indent[name] = float(ind.get(q(attribute))) * TWIP_MM
        borders = first("w:pBdr")
        runs: list[tuple[str, Look]] = []
        drawings: list[float] = []
        for run in _runs(element):
            text = _run_text(run)
            if text:
                runs.append((text, self.styles.look(run, style_id)))
            drawings.extend(_drawn_lines(run))
        return Para(
            index=len(self.paras),
            element=element,
            container=container,
            runs=runs,
            style_id=style_id,
            style_name=self.styles.name(style_id),
            align=align,
            first_indent_mm=indent["firstLine"] - indent["hanging"],
            left_mm=indent["left"],
            right_mm=indent["right"],
            top_border=_has_border(borders, "top"),
            bottom_border=_has_border(borders, "bottom"),
            available_mm=available_mm,
            drawings=drawings,
        )

    # -- page -------------------------------------------------------------------------------------

    def _section(self) -> None:
        values = self.found.values
        sections = list(self.document.sections)
        expected = self.profile.page
        chosen = sections[0]
        for section in sections:
            width = float(section.page_width or 0) * EMU_MM
            if abs(width - expected.width_mm) > 1:
                chosen = section
        where = _("section {number}").format(number=sections.index(chosen) + 1)
        width = float(chosen.page_width or 0) * EMU_MM
        height = float(chosen.page_height or 0) * EMU_MM
        values["page.paper"] = Measured((width, height), where=where)
        for side in ("top", "bottom", "left", "right"):
            worst = max(
                sections,
                key=lambda s: abs(
                    float(getattr(s, f"{side}_margin") or 0) * EMU_MM
                    - getattr(expected, f"margin_{side}_mm")
                ),
            )
            value = float(getattr(worst, f"{side}_margin") or 0) * EMU_MM
            gutter = float(worst.gutter or 0) * EMU_MM if side == "left" else 0.0
            label = _("section {number}").format(number=sections.index(worst) + 1)
            values[f"page.margin-{side}"] = Measured(value + gutter, where=label)

    def _fonts(self) -> None:
        families: list[str] = []
        for para in self.paras:
            for text, look in para.runs:
                if text.strip() and look.font and look.font not in families:
                    families.append(look.font)
        unknown = any(look.font is None for p in self.paras for t, look in p.runs if t.strip())
        if not families:
            note = _("no font named") if unknown else _("not found in the document")
            self.found.values["font.family"] = Measured(None, note=note)
        else:
            self.found.values["font.family"] = Measured(families)

    # -- header -----------------------------------------------------------------------------------

    def _by_role(self, role: str, paras: list[Para] | None = None) -> list[Para]:
        names = self.roles.get(role, set())
        return [p for p in (paras or self.paras) if {p.style_id, p.style_name} & names]

    def _header(self) -> tuple[Any, ...] | None:
        """Find the header (its table, or its paragraphs); returns the header table's container
        prefix, if there is a table."""
        wording = self.profile.wording
        target = _squeeze(wording.national_title)
        title = self._by_role("national-title") or [
            p for p in self.paras[:60] if p.squeezed == target
        ]
        if not title:
            for element in ("national-title", "motto", "org", "number", "parent-org"):
                self.found.missing[element] = _("no header found (no national title)")
            self.found.values["header.widths"] = Measured(None, note=_("no header table found"))
            return None
        anchor = title[0]
        if anchor.container[0] != "table":
            self._add("national-title", [anchor], position="body")
            self.found.values["header.widths"] = Measured(None, note=_("no header table found"))
            for element in ("org", "number", "parent-org"):
                self.found.missing[element] = _("the header is not a table")
            return None
        table = anchor.container[1]
        cells = [p for p in self.paras if p.container[:2] == ("table", table)]
        widths = _grid_widths(self.tables[table])
        if len(widths) == 2:
            self.found.values["header.widths"] = Measured(tuple(widths))
        else:
            self.found.values["header.widths"] = Measured(
                None, note=_("the header table has {count} columns").format(count=len(widths))
            )
        left = [p for p in cells if p.container[3] == 0 and p.plain]
        right = [p for p in cells if p.container[3] >= 1 and p.plain]
        rest = list(right)
        for element, words in (
            ("national-title", wording.national_title),
            ("motto", wording.motto),
        ):
            if words is None:
                continue
            styled = self._by_role(element, cells)
            match = styled or [p for p in cells if p.squeezed == _squeeze(words)]
            if match:
                self._add_header(element, match[:1], cells)
                rest = [p for p in rest if p not in match]
        if wording.show_place_date:
            dated = self._by_role("place-date", cells) or [
                p for p in rest if forms.looks_like_date_line(p.plain)
            ]
            if dated:
                self._add_header("place-date", dated[:1], cells)
                self.found.values["place-date.form"] = Measured(
                    forms.place_date_problems(dated[0].plain), where=dated[0].where
                )
        number = self._by_role("number", cells) or [
            p for p in left if forms.key(p.plain).startswith("số")
        ]
        above = [p for p in left if not number or p.index < number[0].index]
        stars = self._by_role("org-mark", cells) or [p for p in above if p.plain == "*"]
        named = [p for p in above if p not in stars and set(p.plain) - set("-_*. ")]
        parent_styled, org_styled = self._by_role("parent-org", cells), self._by_role("org", cells)
        if parent_styled or org_styled:
            parent, org = parent_styled, org_styled
        else:
            parent_at, org_at = split_org_lines([(p.plain, _bold(p)) for p in named])
            parent, org = [named[i] for i in parent_at], [named[i] for i in org_at]
        if parent:
            self._add_header("parent-org", parent, cells)
        else:
            self.found.missing["parent-org"] = _("no parent body (it is optional)")
        if org:
            self._add_header("org", org, cells)
        if self.profile.wording.org_mark is not None:
            if stars:
                self._add_header("org-mark", stars[:1], cells)
            self.found.values["org-mark.present"] = Measured(
                "present" if stars else "absent", where=stars[0].where if stars else ""
            )
        if number:
            self._add_header("number", number[:1], cells)
            self.found.values["number.form"] = Measured(
                forms.number_line_problems(number[0].plain, wording.number, wording.number_blank),
                where=number[0].where,
            )
        return ("table", table)

    def _add_header(self, element: str, paras: list[Para], cells: list[Para]) -> None:
        position = "header-left" if paras[0].container[3] == 0 else "header-right"
        rule = (
            self._rule_under(paras, cells)
            if element in ("national-title", "motto", "org")
            else None
        )
        self._add(element, paras, position=position, rule=rule)

    # -- title ------------------------------------------------------------------------------------

    def _title(self, header: tuple[Any, ...] | None) -> int:
        """Find the document kind, the trích yếu and the mark under it; return the index of the
        last paragraph of the title block."""
        wording = self.profile.wording
        start = 0
        if header is not None:
            start = max(p.index for p in self.paras if p.container[:2] == header) + 1
        kind = self._by_role("doc-kind") or [
            p
            for p in self.paras[start : start + 30]
            if p.squeezed == _squeeze(wording.doc_kind) and p.container == ("body",)
        ]
        if not kind:
            self.found.missing["doc-kind"] = _("not found in the document")
            self.found.missing["trich-yeu"] = _("not found in the document")
            return start
        self._add("doc-kind", kind[:1])
        end = kind[0].index
        summary = self._by_role("trich-yeu")
        if not summary:
            following = [p for p in self.paras[end + 1 : end + 6] if p.container == ("body",)]
            for para in following:
                if not para.plain:
                    if summary:
                        break
                    continue
                dashes = re.fullmatch(r"[-_–—.\s]{3,}", para.plain) is not None
                if dashes or (summary and para.align != summary[0].align):
                    break
                summary.append(para)
                if len(summary) == 2:
                    break
        if summary:
            body = [p for p in self.paras if p.container == ("body",)]
            self._add("trich-yeu", summary, rule=self._rule_under(summary, body))
            end = summary[-1].index
        else:
            self.found.missing["trich-yeu"] = _("no summary under the document kind")
        if wording.title_mark is not None:
            after = [p for p in self.paras[end + 1 : end + 4] if p.plain]
            mark = after[0] if after else None
            dashes = mark is not None and bool(
                re.fullmatch(r"[-–—]{3,}", mark.plain.replace(" ", ""))
            )
            self.found.values["title-mark.present"] = Measured(
                "present" if dashes else "absent", where=mark.where if mark and dashes else ""
            )
            if mark is not None and dashes:
                end = mark.index
        for para in self.paras[end + 1 : end + 3]:  # the rule paragraph under the trích yếu
            if not para.plain and (para.top_border or para.drawings):
                end = para.index
        return end

    # -- signatures and recipients ----------------------------------------------------------------

    def _signatures(self) -> int | None:
        """Find the signature table; return the index of its first paragraph."""
        wording = self.profile.wording
        left_title, right_title = _squeeze(wording.secretary_title), _squeeze(
            wording.chair_title.replace("{KIND}", "HỘI NGHỊ")
        )
        titles = self._by_role("signer-title")
        if not titles:
            titles = [
                p
                for p in self.paras
                if p.squeezed in (left_title, right_title) and p.container[0] == "table"
            ]
        if not titles:
            for element in ("signer-title", "signer-note", "signer-name"):
                self.found.missing[element] = _("no signature block (the signer titles) found")
            self.found.values["signatures.widths"] = Measured(
                None, note=_("no signature table found")
            )
            return None
        table = titles[-1].container[1] if titles[-1].container[0] == "table" else None
        if table is None:
            for para in titles:
                self._add("signer-title", [para], position=None)
            return titles[0].index
        cells = [p for p in self.paras if p.container[:2] == ("table", table)]
        titles = [p for p in titles if p.container[:2] == ("table", table)]
        widths = _grid_widths(self.tables[table])
        self.found.values["signatures.widths"] = Measured(
            tuple(widths) if len(widths) == 2 else None,
            note=""
            if len(widths) == 2
            else _("the signature table has {count} columns").format(count=len(widths)),
        )
        under_title: list[bool] = []
        for title in titles:
            column = title.container[3]
            below = [
                p for p in cells if p.container[3] == column and p.index > title.index and p.plain
            ]
            self._add("signer-title", [title])
            if below:
                name = below[-1]
                notes = below[:-1]
                if notes:
                    self._add("signer-note", notes)
                self._add("signer-name", [name])
                under_title.append(name.align == "center" and title.align == "center")
        by_words = {p.squeezed: p for p in titles}
        secretary, chair = by_words.get(left_title), by_words.get(right_title)
        if secretary is not None and chair is not None:
            side_by_side = (
                secretary.container[2] == chair.container[2]
                and secretary.container[3] < chair.container[3]
            )
            self.found.values["signer-title.position"] = Measured(
                "signature-columns" if side_by_side else _("not side by side"),
                where=secretary.where,
            )
        if under_title:
            self.found.values["signer-name.position"] = Measured(
                "under-title" if all(under_title) else _("not centred under its title")
            )
        if "signer-note" not in self.found.elements and (
            wording.secretary_note or wording.chair_note
        ):
            self.found.missing["signer-note"] = _("no signature notes found")
        return min(p.index for p in cells)

    def _recipients(self) -> None:
        heading_words = _squeeze(self.profile.wording.recipients_heading).rstrip(":")
        headings = self._by_role("recipients-heading") or [
            p for p in self.paras if p.squeezed.startswith(heading_words)
        ]
        if not headings:
            self.found.missing["recipients-heading"] = _("not found in the document")
            self.found.missing["recipients-item"] = _("not found in the document")
            return
        heading = headings[-1]
        self._add("recipients-heading", [heading])
        items = self._by_role("recipients-item")
        if not items:
            for para in self.paras[heading.index + 1 :]:
                if para.container != heading.container:
                    break
                if not para.plain:
                    if items:
                        break
                    continue
                if items or para.plain[:1] in "-–+•":
                    items.append(para)
        for item in items:
            self._add("recipients-item", [item])
        if not items:
            self.found.missing["recipients-item"] = _("no lines under the recipients heading")

    # -- body -------------------------------------------------------------------------------------

    def _body(self, title_end: int, signatures: int | None) -> None:
        styled = self._by_role("body")
        if styled:
            paras = styled
        else:
            end = signatures if signatures is not None else len(self.paras)
            known = {id(p) for pieces in self.found.elements.values() for p in pieces}
            paras = [
                p
                for p in self.paras[title_end + 1 : end]
                if p.container == ("body",) and p.plain and id(p) not in known
            ]
        if not paras:
            self.found.missing["body"] = _("no body text found")
            return
        for para in paras:
            piece = self._add("body", [para])
            piece.indent = round(para.first_indent_mm, 1)

    # -- page numbers -----------------------------------------------------------------------------

    def _page_numbers(self) -> None:
        values = self.found.values
        section = self.document.sections[0]
        sectpr = section._sectPr
        title_page = on(sectpr.find(q("w:titlePg"))) is True
        default = section.header if not section.header.is_linked_to_previous else None
        default_number = default is not None and _has_page_field(default._element)
        if title_page:
            first = section.first_page_header
            first_number = not first.is_linked_to_previous and (
                _has_page_field(first._element) or bool(re.search(r"\d", _all_text(first._element)))
            )
        else:
            first_number = default_number
        values["page-number.first-page"] = Measured("present" if first_number else "absent")
        problems: list[str] = []
        if not default_number:
            footer = section.footer
            if not footer.is_linked_to_previous and _has_page_field(footer._element):
                problems.append(_("the page number is in the footer, not the header"))
            else:
                problems.append(_("no page number field in the header"))
            values["page-number.other-pages"] = Measured(problems)
            values["page-number.size"] = Measured(None, note=_("no page numbers found"))
            return
        assert default is not None
        paragraphs = [p for p in default._element.iter(q("w:p")) if _has_page_field(p)]
        para = self._para(paragraphs[0], ("header",), self.text_width_mm)
        if para.align != "center":
            problems.append(_("the page number is not centred"))
        field_looks = [look for _t, look in para.runs] or [
            self.styles.look(run, para.style_id) for run in _runs(paragraphs[0])
        ]
        size = field_looks[0].size if field_looks else None
        distance = float(section.header_distance or 0) * EMU_MM
        line = (size or 12) * 1.15 * 25.4 / 72
        top = float(section.top_margin or 0) * EMU_MM
        if distance + line > top + 0.5:
            problems.append(
                _("the page number reaches below the top margin ({distance} mm + one line)").format(
                    distance=round(distance, 1)
                )
            )
        values["page-number.other-pages"] = Measured(problems)
        values["page-number.size"] = Measured(size)

    # -- helpers ----------------------------------------------------------------------------------

    def _add(self, element: str, paras: list[Para], **extra: Any) -> Piece:
        runs = [(t, look) for p in paras for t, look in p.runs if t.strip()]
        weights = [(look, sum(1 for c in t if not c.isspace())) for t, look in runs]
        aligns = {p.align for p in paras}
        piece = Piece(
            text=forms.clean(" ".join(p.text for p in paras)),
            where=paras[0].where,
            chars=sum(w for _look, w in weights),
            size=mode([(look.size, w) for look, w in weights if look.size], step=0.1),
            bold=majority([(look.bold, w) for look, w in weights]),
            italic=majority([(look.italic, w) for look, w in weights]),
            underline=majority([(look.underline, w) for look, w in weights]),
            align=aligns.pop() if len(aligns) == 1 else ", ".join(sorted(aligns)),
        )
        for name, value in extra.items():
            setattr(piece, name, value)
        self.found.add(element, piece)
        return piece

    def _rule_under(self, paras: list[Para], siblings: list[Para]) -> RuleMeasure | str:
        """A rule under the text of ``paras``: the next paragraph of the same cell, empty, with
        a top border (or a drawn line, or underscores); or a bottom border on the text itself."""
        from minutes.writers.metrics import text_width_pt

        last = paras[-1]
        container = last.container
        after = [p for p in siblings if p.container == container and p.index > last.index]
        widths: list[float] = []
        for para in paras:
            if not para.runs:
                continue
            look = para.runs[0][1]
            for line in para.text.split("\n"):
                width = text_width_pt(line, look.size or 12, look.bold, look.italic, _fonts())
                widths.append(width * 25.4 / 72)
        if not widths:
            return NO_RULE
        text_width = min(max(widths), last.available_mm)
        text_centre = (last.left_mm + last.available_mm - last.right_mm) / 2
        following = after[0] if after else None
        if following is not None and not following.plain and following.top_border:
            length = following.available_mm - following.left_mm - following.right_mm
            centre = (following.left_mm + following.available_mm - following.right_mm) / 2
            return (length / text_width, centre - text_centre)
        if last.bottom_border:
            return ((last.available_mm - last.left_mm - last.right_mm) / text_width, 0.0)
        for candidate in (last, following):
            if candidate is not None and candidate.drawings:
                return (max(candidate.drawings) / text_width, None)
        if following is not None and re.fullmatch(r"_{3,}", following.plain.replace(" ", "")):
            look = following.runs[0][1]
            length = text_width_pt(following.plain, look.size or 12, False, False, _fonts())
            return (length * 25.4 / 72 / text_width, 0.0 if following.align == "center" else None)
        return NO_RULE


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


def _role_styles() -> dict[str, set[str | None]]:
    """``role → {style id, style name}`` of the styles our writer makes."""
    from minutes.writers.docx import STYLE_NAMES, style_id

    return {role: {name, style_id(role)} for role, name in STYLE_NAMES.items()}


def _fonts() -> Any:
    from minutes.resources import fonts_dir

    return fonts_dir()


def _runs(paragraph: Any) -> list[Any]:
    """The runs of a paragraph that show (not deleted text, not text boxes' own paragraphs)."""
    found = []
    for run in paragraph.iter(q("w:r")):
        ancestor = run.getparent()
        hidden = False
        while ancestor is not None and ancestor is not paragraph:
            if ancestor.tag in (q("w:del"), q("w:txbxContent")):
                hidden = True
                break
            ancestor = ancestor.getparent()
        if not hidden:
            found.append(run)
    return found


def _run_text(run: Any) -> str:
    parts = []
    for node in run:
        if node.tag == q("w:t"):
            parts.append(node.text or "")
        elif node.tag in (q("w:br"), q("w:cr")):
            parts.append("\n")
        elif node.tag == q("w:tab"):
            parts.append(" ")
    return "".join(parts)


def _all_text(element: Any) -> str:
    return "".join(node.text or "" for node in element.iter(q("w:t")))


def _has_page_field(element: Any) -> bool:
    for simple in element.iter(q("w:fldSimple")):
        if re.search(r"\bPAGE\b", simple.get(q("w:instr"), "")):
            return True
    return any(re.search(r"\bPAGE\b", node.text or "") for node in element.iter(q("w:instrText")))


def _has_border(borders: Any, side: str) -> bool:
    if borders is None:
        return False
    edge = borders.find(q(f"w:{side}"))
    return edge is not None and edge.get(q("w:val"), "nil") not in ("nil", "none")


def _drawn_lines(run: Any) -> list[float]:
    """The lengths (mm) of straight horizontal lines drawn in ``run`` (DrawingML or VML)."""
    lengths = []
    for shape in run.iter(q("wps:wsp")):
        geometry = shape.find(f".//{q('a:prstGeom')}")
        if geometry is None or geometry.get("prst") not in ("line", "straightConnector1"):
            continue
        extent = shape.find(f".//{q('a:ext')}")
        if extent is not None and int(extent.get("cy", "0")) < 36000:
            lengths.append(int(extent.get("cx", "0")) * EMU_MM)
    for line in run.iter(q("v:line")):
        start = _points(line.get("from", "0,0"))
        end = _points(line.get("to", "0,0"))
        if start and end and abs(end[1] - start[1]) < 1:
            lengths.append(abs(end[0] - start[0]) * 25.4 / 72)
    return lengths


def _points(text: str) -> tuple[float, float] | None:
    values = []
    for part in text.split(","):
        match = re.fullmatch(r"\s*(-?[\d.]+)\s*(pt|in|mm|cm|px)?\s*", part)
        if match is None:
            return None
        factor = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 720 / 25.4, "px": 0.75, None: 1.0}
        values.append(float(match.group(1)) * factor[match.group(2)])
    return (values[0], values[1]) if len(values) == 2 else None


def _cell_margins(properties: Any) -> tuple[float, float] | None:
    if properties is None:
        return None
    margins = properties.find(q("w:tblCellMar"))
    if margins is None:
        margins = properties.find(q("w:tcMar"))
    if margins is None:
        return None
    values = []
    for names in (("w:left", "w:start"), ("w:right", "w:end")):
        value = DEFAULT_CELL_MARGIN_MM
        for name in names:
            edge = margins.find(q(name))
            if edge is not None and edge.get(q("w:type"), "dxa") == "dxa":
                value = float(edge.get(q("w:w"), 0)) * TWIP_MM
        values.append(value)
    return (values[0], values[1])


def _grid_widths(table: Any) -> list[float]:
    """The column widths (mm): the first row's cell widths where they are given in twips (what
    Word and LibreOffice lay out), otherwise the table grid."""
    grid = [
        float(col.get(q("w:w"), 0)) * TWIP_MM
        for col in table.findall(f"{q('w:tblGrid')}/{q('w:gridCol')}")
    ]
    row = table.find(q("w:tr"))
    cells = row.findall(q("w:tc")) if row is not None else []
    widths = []
    for cell in cells:
        width = cell.find(f"{q('w:tcPr')}/{q('w:tcW')}")
        if width is None or width.get(q("w:type"), "dxa") != "dxa" or not width.get(q("w:w")):
            return grid
        widths.append(float(width.get(q("w:w"))) * TWIP_MM)
    return widths if len(widths) == len(grid) else grid


def _bold(para: Para) -> bool | None:
    return majority([(look.bold, len(t)) for t, look in para.runs])


def _squeeze(text: str) -> str:
    return forms.key(text).replace(" ", "")


def first_found(levels: list[Any], name: str) -> Any:
    """The first ``name`` element in ``levels``, which go from the most specific formatting
    (the run or paragraph) to the document defaults: the value Word applies."""
    for level in levels:
        found = level.find(q(name))
        if found is not None:
            return found
    return None
