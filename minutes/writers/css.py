"""Profile → CSS for the PDF writer.

Every number here comes from the profile; this module only spells it in CSS. Rules under a line
(Quốc hiệu, tên cơ quan, trích yếu) must be as long as the *text*, or a fraction of it, not of the
cell: the paragraph is shrink-wrapped (``display: table``) and the rule is its ``::after`` child,
whose percentage width is then a fraction of the text's width.
"""

from __future__ import annotations

from pathlib import Path

from minutes.profiles import Profile, Role
from minutes.writers.metrics import TABLE_PADDING_PT, rule_space_pt
from minutes.writers.shared import (
    CELL_PADDING_MM,
    CELL_PADDING_VERTICAL_PT,
    FONT_FILES,
    RULE_LINE_PT,
    SIGNATURE_PADDING_MM,
    SINGLE_LINE,
    TABLE_GAP_PT,
    font_family,
    font_path,
)


def embedded_family(fonts: Path) -> str:
    """The @font-face family of the embedded font files: the font's own name and version
    (``Liberation Serif v2.1.5``), what the PDF then calls it. A name no installed font has, so
    that none can stand in for it: the PDF looks the same everywhere."""
    return font_family(font_path(False, False, fonts))


def line_height(role: Role) -> str:
    if role.line_exact_pt is not None:
        return f"{role.line_exact_pt:g}pt"
    return f"{SINGLE_LINE * (role.line_spacing or 1.0):.4g}"


def role_css(name: str, role: Role, fonts: Path) -> str:
    """The declarations of one role (the paragraph's text style).

    The space before and after a paragraph are margins: between two paragraphs CSS keeps the
    larger of the two, as Word and LibreOffice do (measured: the space after a trích yếu and the
    space before the next paragraph are not added)."""
    declarations = [
        f"font-size: {role.size_pt:g}pt",
        f"font-weight: {'bold' if role.bold else 'normal'}",
        f"font-style: {'italic' if role.italic else 'normal'}",
        f"text-decoration: {'underline' if role.underline else 'none'}",
        f"text-transform: {'uppercase' if role.caps else 'none'}",
        f"text-align: {role.align}",
        f"text-indent: {role.indent_first_mm:g}mm",
        f"margin-top: {role.space_before_pt:g}pt",
        f"margin-bottom: {role.space_after_pt:g}pt",
        f"line-height: {line_height(role)}",
    ]
    if role.keep_with_next:
        declarations.append("break-after: avoid")
    rules = [f".{name} {{ {'; '.join(declarations)}; }}"]
    if role.rule is not None:
        rules.append(
            f".{name} {{ display: table; margin-left: auto; margin-right: auto; }}\n"
            f".{name}::after {{ content: ''; display: block; width: {role.rule * 100:g}%; "
            f"margin: {rule_space_pt(role, fonts, 'pdf'):.3f}pt auto {RULE_LINE_PT:g}pt; "
            f"border-top: {role.rule_width_pt:g}pt solid black; }}"
        )
    return "\n".join(rules)


_cache: dict[tuple[str, str, str], str] = {}


def stylesheet(profile: Profile, fonts: Path) -> str:
    """The whole stylesheet of ``profile``, with the font files in ``fonts`` (cached per profile
    id and version: a profile is immutable data)."""
    key = (profile.id, profile.version, str(fonts))
    if key not in _cache:
        _cache[key] = _build(profile, fonts)
    return _cache[key]


def _build(profile: Profile, fonts: Path) -> str:
    page = profile.page
    layout = profile.layout
    number = profile.role("page-number")
    family = embedded_family(fonts)
    sources = {
        face: font_path(face[0] == "bold", face[1] == "italic", fonts) for face in FONT_FILES
    }
    faces = "\n".join(
        f"@font-face {{ font-family: '{family}'; font-weight: {weight}; "
        f"font-style: {style}; src: url('{path.as_uri()}'); }}"
        for (weight, style), path in sources.items()
    )
    parts = [
        faces,
        f"""@page {{
  size: {page.width_mm:g}mm {page.height_mm:g}mm;
  margin: {page.margin_top_mm:g}mm {page.margin_right_mm:g}mm {page.margin_bottom_mm:g}mm
          {page.margin_left_mm:g}mm;
  @top-center {{
    content: counter(page);
    font-family: '{family}';
    font-size: {number.size_pt:g}pt;
    vertical-align: top;
    padding-top: {page.header_distance_mm:g}mm;
  }}
}}
@page :first {{ @top-center {{ content: none; }} }}
html {{ font-family: '{family}'; color: black; hyphens: manual; font-kerning: none; }}
body {{ margin: 0; }}
p {{ margin: 0; orphans: 2; widows: 2; }}
table {{ border-collapse: collapse; }}
td, th {{ padding: 0; vertical-align: top; }}
table.header {{ width: 100%; table-layout: fixed; }}
td.header-left, td.header-right {{ padding: 0 {CELL_PADDING_MM:g}mm; box-sizing: border-box; }}
td.signer {{ padding: 0 {SIGNATURE_PADDING_MM:g}mm; box-sizing: border-box; }}
td.header-left {{ width: {layout.header_left_mm:g}mm; }}
td.header-right {{ width: {layout.header_right_mm:g}mm; }}
table.data-table {{ width: 100%; table-layout: fixed; margin-top: {TABLE_GAP_PT:g}pt;
  break-inside: auto; }}
table.after-caption {{ margin-top: 0; }}
.data-cell {{ border: 0.5pt solid black;
  padding: {CELL_PADDING_VERTICAL_PT:g}pt {TABLE_PADDING_PT:g}pt; vertical-align: middle; }}
thead {{ display: table-header-group; }}
tr.data-row {{ break-inside: avoid; }}
tr.first-row {{ break-after: avoid; }}
tr.last-row {{ break-before: avoid; }}
table.signatures {{ width: 100%; table-layout: fixed; break-inside: avoid; }}
table.next-signatures {{ margin-top: {RULE_LINE_PT:g}pt; }}
tr.signature-row {{ break-inside: avoid; break-after: avoid; }}
td.signer-left {{
  width: {layout.signature_left_mm:g}mm; }}
td.signer-right {{ width: {layout.signature_right_mm:g}mm; }}
div.recipients {{ break-inside: avoid; }}
div.keep-together {{ break-inside: avoid; }}
div.appendix {{ break-before: page; }}""",
    ]
    parts.extend(_appendix_pages())
    parts.extend(role_css(name, role, fonts) for name, role in profile.roles.items())
    return "\n".join(parts) + "\n"


APPENDIX_PAGE_NAMES = 30
"""Appendices that get page names of their own (``appendix-1`` …); later ones share the last."""


def appendix_page(index: int) -> str:
    """The page name of the ``index``-th appendix (1-based)."""
    return f"appendix-{min(index, APPENDIX_PAGE_NAMES)}"


def _appendix_pages() -> list[str]:
    """Each appendix numbers its pages from 1 (PL I, III.1.đ), without a number on its first
    page (as the document's own first page, PL I, I.7). A page group starts where the page name
    changes, so each appendix needs a name of its own."""
    rules = []
    for index in range(1, APPENDIX_PAGE_NAMES + 1):
        name = appendix_page(index)
        rules.append(
            f"div.{name} {{ page: {name}; }}\n"
            f"@page :nth(1 of {name}) {{ counter-reset: page 1; @top-center {{ content: none; }} }}"
        )
    return rules
