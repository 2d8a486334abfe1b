"""Raw OOXML, where python-docx has no API: runs built directly (python-docx's run API examines
the text one character at a time), fonts for every script, the language, the PAGE field, and
property elements put in the child order Word expects (ECMA-376 Part 1)."""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from minutes.errors import InternalError

# -- raw OOXML, where python-docx has no API -------------------------------------------------------


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def append_run(p: Any, text: str, bold: bool, italic: bool, underline: bool) -> None:
    """``<w:r>`` with ``<w:t>``, built directly: python-docx's run API examines the text one
    character at a time and was a third of the writer's time. A line break in the text becomes
    ``<w:br/>``, as python-docx would make it."""
    run = OxmlElement("w:r")
    if bold or italic or underline:
        properties = OxmlElement("w:rPr")  # children in schema order: b, i, u
        if bold:
            properties.append(OxmlElement("w:b"))
        if italic:
            properties.append(OxmlElement("w:i"))
        if underline:
            mark = OxmlElement("w:u")
            mark.set(qn("w:val"), "single")
            properties.append(mark)
        run.append(properties)
    for index, line in enumerate(text.split("\n")):
        if index:
            run.append(OxmlElement("w:br"))
        if line:
            piece = OxmlElement("w:t")
            piece.text = line
            if line != line.strip():
                piece.set(_XML_SPACE, "preserve")
            run.append(piece)
    p.append(run)


def append_break(p: Any) -> None:
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:br"))
    p.append(run)


def set_fonts(style_element: Any, family: str) -> None:
    """Name the font for every script (Word picks ``w:cs`` / ``w:eastAsia`` for some letters)."""
    rpr = style_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), family)


def set_language(docx: Any, language: str) -> None:
    """Mark the text as Vietnamese in the document defaults (spell-checking, hyphenation)."""
    styles = docx.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
    if rpr is None:
        raise InternalError("the DOCX template has no run defaults")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), "ar-SA")


def add_page_field(paragraph: Any) -> None:
    """A PAGE field: Word and LibreOffice fill in the page number."""
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            value = OxmlElement("w:t")
            value.text = text
            run._r.append(value)


# Child order of the property elements (ECMA-376 Part 1, §17.3.1.26 pPr, §17.4.60 tblPr,
# §17.4.82 trPr). Word refuses, or "repairs", a file whose children are out of this order.
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
).split()
TBLPR_ORDER = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
).split()
TRPR_ORDER = (
    "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
    "tblCellSpacing jc hidden"
).split()


def put(parent: Any, child: Any, order: list[str]) -> None:
    """Insert ``child`` into ``parent`` at its place in ``order``, replacing one of its kind."""
    name = child.tag.split("}")[-1]
    existing = parent.find(qn(f"w:{name}"))
    if existing is not None:
        parent.remove(existing)
    later = set(order[order.index(name) + 1 :])
    for index, sibling in enumerate(parent):
        if sibling.tag.split("}")[-1] in later:
            parent.insert(index, child)
            return
    parent.append(child)


def set_top_border(paragraph: Any, width_pt: float) -> None:
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), str(max(2, round(width_pt * 8))))  # eighths of a point
    top.set(qn("w:space"), "0")
    top.set(qn("w:color"), "000000")
    borders.append(top)
    put(paragraph._p.get_or_add_pPr(), borders, PPR_ORDER)


def twips(mm: float) -> str:
    return str(round(mm / 25.4 * 1440))


def set_fixed_layout(
    table: Any, widths_mm: tuple[float, ...], cell_margin_mm: float, vertical_mm: float = 0.0
) -> None:
    """Fixed column widths (Word otherwise re-fits columns to their text) and cell margins."""
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), twips(sum(widths_mm)))
    total.set(qn("w:type"), "dxa")
    put(tbl_pr, total, TBLPR_ORDER)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    put(tbl_pr, layout, TBLPR_ORDER)
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), twips(cell_margin_mm if side in ("left", "right") else vertical_mm))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    put(tbl_pr, margins, TBLPR_ORDER)
    grid = tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        column.set(qn("w:w"), twips(width))


def set_cant_split(row: Any) -> None:
    put(row._tr.get_or_add_trPr(), OxmlElement("w:cantSplit"), TRPR_ORDER)


def set_header_row(row: Any) -> None:
    """Repeat this row at the top of each page the table runs onto."""
    put(row._tr.get_or_add_trPr(), OxmlElement("w:tblHeader"), TRPR_ORDER)


def restart_page_numbers(section: Any) -> None:
    """Number the pages of ``section`` from 1 (``<w:pgNumType w:start="1"/>``)."""
    sect_pr = section._sectPr
    existing = sect_pr.find(qn("w:pgNumType"))
    if existing is not None:
        sect_pr.remove(existing)
    number_type = OxmlElement("w:pgNumType")
    number_type.set(qn("w:start"), "1")
    put(sect_pr, number_type, SECTPR_ORDER)


# ECMA-376 Part 1, §17.6.17 sectPr: the child order Word expects.
SECTPR_ORDER = (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders "
    "lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter "
    "docGrid printerSettings sectPrChange"
).split()


# -- what the file says of itself ------------------------------------------------------------------

WORD_NS = "http://schemas.microsoft.com/office/word"
COMPATIBILITY_MODE = "15"
"""Word 2013 and later: a file marked 14 (python-docx's template) opens in compatibility mode."""


def set_compatibility(settings: Any, language: str) -> None:
    """Mark the file as current Word's (compatibility mode 15), drop the template's East Asian
    layout and revision ids, and name the document's language for its theme fonts."""
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        settings.append(compat)
    for child in list(compat):
        if child.tag == qn("w:useFELayout"):
            compat.remove(child)
    mode = next(
        (
            c
            for c in compat.findall(qn("w:compatSetting"))
            if c.get(qn("w:name")) == "compatibilityMode"
        ),
        None,
    )
    if mode is None:
        mode = OxmlElement("w:compatSetting")
        mode.set(qn("w:name"), "compatibilityMode")
        mode.set(qn("w:uri"), WORD_NS)
        compat.insert(0, mode)
    mode.set(qn("w:val"), COMPATIBILITY_MODE)
    for tag in ("w:rsids", "w:savePreviewPicture", "w:proofState"):
        for child in settings.findall(qn(tag)):
            settings.remove(child)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.attrib.clear()
        theme_lang.set(qn("w:val"), language)


def set_default_fonts(styles: Any, family: str) -> None:
    """The document defaults name ``family`` for every script (python-docx's template names the
    theme's Calibri/Cambria and, for East Asian text, a Japanese font) and single spacing."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        raise InternalError("the DOCX template has no document defaults")
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if fonts is not None:
        fonts.attrib.clear()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), family)
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    if spacing is not None:
        spacing.attrib.clear()
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")


def set_outline_level(style_element: Any, level: int) -> None:
    """Word's outline level (0 = level 1): the heading shows in the navigation pane."""
    ppr = style_element.get_or_add_pPr()
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    put(ppr, outline, PPR_ORDER)


def theme_with_font(blob: bytes, family: str) -> bytes:
    """The theme part with ``family`` as its heading and body font (the template's names Calibri,
    Cambria and a font for each of thirty scripts, a Japanese one for East Asian text)."""
    text = blob.decode("utf-8")
    text = re.sub(r"<a:font script=\"[^\"]*\" typeface=\"[^\"]*\"/>\s*", "", text)
    text = re.sub(r"<a:latin typeface=\"[^\"]*\"", f'<a:latin typeface="{family}"', text)
    return text.encode("utf-8")


def font_table(family: str) -> bytes:
    """A font table that names the one font the document uses."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<w:fonts xmlns:w="{w}"><w:font w:name="{family}">'
        '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
        '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>'
    ).encode()


def app_properties(application: str) -> bytes:
    """``docProps/app.xml``: what made the file, and nothing the template claimed (a Macintosh
    Word, a page and word count of an empty document)."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Properties xmlns="{ns}"><Application>{application}</Application>'
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()
