"""What the writers and the checker must both know, below both: the font files and how wide a
text set in them is, and how high Word makes a single line.

The writers draw with these facts (a rule as long as its text, the same line breaks in the PDF
and the DOCX); the checker measures with them (how wide the text of a DOCX paragraph is, where a
DOCX line lies). Neither imports the other: both import this module.

Liberation Serif has the advance widths of Times New Roman, the font the DOCX names, so a width
measured with it is the width Word lays out. Kerning is ignored (below 0.5 % on these lines).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

Face = tuple[str, str]
"""A face by (weight, style): ``("bold", "italic")``."""

FONT_FILES: dict[Face, str] = {
    ("normal", "normal"): "LiberationSerif-Regular.ttf",
    ("bold", "normal"): "LiberationSerif-Bold.ttf",
    ("normal", "italic"): "LiberationSerif-Italic.ttf",
    ("bold", "italic"): "LiberationSerif-BoldItalic.ttf",
}
"""The embedded font files by (weight, style): Liberation Serif, the metric twin of Times New
Roman, in ``fonts/``."""

TIMES_FILES: dict[Face, str] = {
    ("normal", "normal"): "times.ttf",
    ("bold", "normal"): "timesbd.ttf",
    ("normal", "italic"): "timesi.ttf",
    ("bold", "italic"): "timesbi.ttf",
}
"""Times New Roman as Windows names its files (``C:\\Windows\\Fonts``): a folder of the clerk's
own that holds them (``MINUTES_FONTS``) has the PDF embed the licensed font instead."""


@lru_cache(maxsize=8)
def font_files(folder: Path) -> dict[Face, str]:
    """The four files of ``folder``: Liberation Serif's names, else Windows's Times New Roman
    (any case); empty when it holds neither set whole (read once per folder)."""
    present = {path.name.lower(): path.name for path in folder.glob("*") if path.is_file()}
    for names in (FONT_FILES, TIMES_FILES):
        found = {face: present.get(name.lower()) for face, name in names.items()}
        if all(found.values()):
            return {face: name for face, name in found.items() if name}
    return {}


def require_fonts(folder: Path) -> None:
    """Raise :class:`~minutes.errors.SetupError` when ``folder`` lacks a whole set of files (a
    folder of the clerk's own, named by ``MINUTES_FONTS``, that is wrong)."""
    if font_files(folder):
        return
    from minutes.errors import SetupError
    from minutes.i18n import _
    from minutes.resources import FONTS_ENVIRONMENT, docs_link

    raise SetupError(
        _("The font folder {folder} lacks the four font files of one family.").format(
            folder=folder
        ),
        (
            _(
                "Copy Times New Roman's times.ttf, timesbd.ttf, timesi.ttf and timesbi.ttf "
                "(C:\\Windows\\Fonts) into it, or unset {variable} to embed Liberation Serif."
            ).format(variable=FONTS_ENVIRONMENT),
        ),
        docs_link("fidelity.md", "fonts"),
    )


def font_path(bold: bool, italic: bool, folder: Path) -> Path:
    """The file of one face in ``folder`` (Liberation Serif's name when the folder has none)."""
    face = ("bold" if bold else "normal", "italic" if italic else "normal")
    return folder / (font_files(folder).get(face) or FONT_FILES[face])


@dataclass(frozen=True)
class FontFacts:
    """What the writers and the checker read from one font file: its name for the PDF, the
    advance width of each character, and the vertical metrics of its lines."""

    family: str
    """``Liberation Serif v2.1.5`` (see :func:`font_family`)."""
    widths: dict[int, int]
    """Advance width of each character (by code point), in font units."""
    units: int
    """Font units per em."""
    fallback: int
    """The advance of a character the font lacks (that of ``.notdef``)."""
    vertical: tuple[float, float, float]
    """Ascent, descent and line gap, in em (``hhea``)."""


FACTS_FORMAT = "1"
"""Part of a kept entry's name: a change to what :func:`_measured` reads changes it."""

_lock = threading.Lock()


@lru_cache(maxsize=8)
def font_facts(path: Path) -> FontFacts:
    """The facts of the font file ``path``. Reading them with fontTools costs about 0.1 s in a
    fresh process (the ``name`` table's module alone imports all of fontTools' OpenType
    tables), which a cold ``minutes render`` would pay for every font; so what it found is kept
    in the cache (:mod:`minutes.cache`) under a digest of the file's bytes: the same file gives
    the same entry, another file (a clerk's Times New Roman, a new version) its own."""
    from minutes import cache

    data = path.read_bytes()
    name = cache.digest(data, FACTS_FORMAT) + ".json"
    kept = cache.read("font-facts", name)
    if kept is not None:
        with contextlib.suppress(ValueError, KeyError, TypeError):
            return _facts_from_json(kept)
    facts = _measured(data, path.stem)
    cache.write("font-facts", name, _facts_to_json(facts))
    return facts


def _measured(data: bytes, stem: str) -> FontFacts:
    from fontTools.ttLib import TTFont  # lazy: only the writers and the checker need it

    with _lock:
        font = TTFont(io.BytesIO(data), lazy=True)
        names = font["name"]
        family = names.getDebugName(16) or names.getDebugName(1) or stem
        version = names.getDebugName(5) or ""
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        widths = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
        units = font["head"].unitsPerEm
        fallback = hmtx[".notdef"][0] if ".notdef" in hmtx.metrics else units // 2
        hhea = font["hhea"]
        vertical = (hhea.ascent / units, -hhea.descent / units, hhea.lineGap / units)
        font.close()
    number = re.search(r"\d+(?:\.\d+)+", version)
    named = f"{family} v{number.group()}" if number else f"{family} Embedded"
    return FontFacts(named, widths, units, fallback, vertical)


def _facts_to_json(facts: FontFacts) -> bytes:
    record = {
        "family": facts.family,
        "widths": [[code, width] for code, width in sorted(facts.widths.items())],
        "units": facts.units,
        "fallback": facts.fallback,
        "vertical": list(facts.vertical),
    }
    return json.dumps(record, separators=(",", ":")).encode("utf-8")


def _facts_from_json(data: bytes) -> FontFacts:
    record = json.loads(data)
    ascent, descent, gap = (float(value) for value in record["vertical"])
    return FontFacts(
        family=str(record["family"]),
        widths={int(code): int(width) for code, width in record["widths"]},
        units=int(record["units"]),
        fallback=int(record["fallback"]),
        vertical=(ascent, descent, gap),
    )


def font_family(regular: Path) -> str:
    """What the font of ``regular`` is, by its own name table: ``Liberation Serif 2.1.5``. The
    PDF names its embedded font so (``ABCDEF+Liberation-Serif-v2.1.5-Bold``): a reviewer sees what
    it is, and the version keeps the name apart from a font installed on the computer (the PDF
    never takes a machine's font in place of its own)."""
    return font_facts(regular).family


CELL_PADDING_MM = 1.0
"""Left and right padding inside the header and signature cells (Word's cell margin)."""

SINGLE_LINE = 1.15
"""Word's "single" line spacing for Times New Roman (ascent + descent + line gap ≈ 1.15 em);
used for the PDF too, so both writers break lines and pages alike."""


def vertical_metrics(bold: bool, italic: bool, fonts: Path) -> tuple[float, float, float]:
    """The font's ascent, descent and line gap, in em (``hhea``: what Word, LibreOffice and
    WeasyPrint place a line by)."""
    return font_facts(font_path(bold, italic, fonts)).vertical


def text_width_pt(text: str, size_pt: float, bold: bool, italic: bool, fonts: Path) -> float:
    """The width of ``text`` set in one line at ``size_pt`` (in points)."""
    facts = font_facts(font_path(bold, italic, fonts))
    widths, fallback = facts.widths, facts.fallback
    total = sum(widths.get(ord(char), fallback) for char in text)
    return total * size_pt / facts.units
