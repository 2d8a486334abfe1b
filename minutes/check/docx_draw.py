"""Lines drawn in a DOCX (a DrawingML shape, a VML line): where they lie, as strokes.

Offices draw the rules under the header lines with Word's line tool as often as with a paragraph
border. A shape anchored to its paragraph or column is placed from its offsets; one placed in a
way this does not follow keeps its length only (``x0`` unknown), so that its length is still
judged but not its centring.
"""

from __future__ import annotations

import re
from typing import Any

from minutes.check.docx_styles import EMU_MM, q
from minutes.check.layout import Stroke

FLAT_EMU = 36000
"""A shape less than 1 mm high is a line."""


def drawn_strokes(run: Any, box: tuple[float, float], top: float, page: int | None) -> list[Stroke]:
    """The straight horizontal lines drawn in ``run``, a run of a paragraph whose column is
    ``box`` and whose top is ``top`` (mm)."""
    found = [_drawing(shape, box, top, page) for shape in run.iter(q("wps:wsp"))]
    found.extend(_vml(line, box, top, page) for line in run.iter(q("v:line")))
    return [stroke for stroke in found if stroke is not None]


def _drawing(shape: Any, box: tuple[float, float], top: float, page: int | None) -> Stroke | None:
    geometry = shape.find(f".//{q('a:prstGeom')}")
    if geometry is None or geometry.get("prst") not in ("line", "straightConnector1"):
        return None
    extent = shape.find(f".//{q('a:ext')}")
    if extent is None or int(extent.get("cy", "0")) >= FLAT_EMU:
        return None
    length = int(extent.get("cx", "0")) * EMU_MM
    anchor = shape
    while anchor is not None and anchor.tag not in (q("wp:anchor"), q("wp:inline")):
        anchor = anchor.getparent()
    if anchor is None or anchor.tag == q("wp:inline"):
        return Stroke(page, top, None, length)
    x0 = _horizontal(anchor, box, length)
    y = top + _offset(anchor.find(q("wp:positionV")))
    return Stroke(page, y, x0, length)


def _horizontal(anchor: Any, box: tuple[float, float], length: float) -> float | None:
    position = anchor.find(q("wp:positionH"))
    if position is None or position.get("relativeFrom") not in ("column", "margin"):
        return None
    align = position.find(q("wp:align"))
    if align is not None:
        places = {
            "left": box[0],
            "center": (box[0] + box[1] - length) / 2,
            "right": box[1] - length,
        }
        return places.get(align.text or "")
    return box[0] + _offset(position)


def _offset(position: Any) -> float:
    offset = position.find(q("wp:posOffset")) if position is not None else None
    try:
        return int(offset.text or "0") * EMU_MM if offset is not None else 0.0
    except ValueError:
        return 0.0


def _vml(line: Any, box: tuple[float, float], top: float, page: int | None) -> Stroke | None:
    start, end = _point(line.get("from", "0,0")), _point(line.get("to", "0,0"))
    if start is None or end is None or abs(end[1] - start[1]) > 1:
        return None
    length = abs(end[0] - start[0]) * 25.4 / 72
    style = dict(
        (part.split(":", 1)[0].strip(), part.split(":", 1)[1].strip())
        for part in line.get("style", "").split(";")
        if ":" in part
    )
    left = _length(style.get("margin-left", "0"))
    if left is None or style.get("mso-position-horizontal-relative", "text") not in (
        "text",
        "margin",
    ):
        return Stroke(page, top, None, length)
    x0 = box[0] + left + min(start[0], end[0]) * 25.4 / 72
    y = top + (_length(style.get("margin-top", "0")) or 0.0) + start[1] * 25.4 / 72
    return Stroke(page, y, x0, length)


_UNITS = {"pt": 25.4 / 72, "in": 25.4, "mm": 1.0, "cm": 10.0, "px": 25.4 / 96, "": 25.4 / 72}


def _length(text: str) -> float | None:
    """A CSS length of VML, in mm (``3pt``, ``1.5cm``; bare numbers are points)."""
    match = re.fullmatch(r"\s*(-?[\d.]+)\s*(pt|in|mm|cm|px)?\s*", text)
    if match is None:
        return None
    return float(match.group(1)) * _UNITS[match.group(2) or ""]


def _point(text: str) -> tuple[float, float] | None:
    """A VML point (``10pt,0``), in points."""
    values = []
    for part in text.split(","):
        length = _length(part)
        if length is None:
            return None
        values.append(length * 72 / 25.4)
    return (values[0], values[1]) if len(values) == 2 else None
