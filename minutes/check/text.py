"""Text as the checker compares it: one form for every way of typing the same words.

Pure functions, no I/O. The readers hand over the text they read; these say whether two texts
are the same words (spaces, dashes, Unicode forms, the old and new places of the tone mark,
letter spacing aside) and where a document's heading stands.
"""

from __future__ import annotations

import re
import unicodedata

_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_OLD_TONES = {
    # the "old" placement of the tone mark (hoà, thuỷ) and the "new" one (hòa, thủy) are the same
    # word; NĐ 30 writes the new one
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile("|".join(_OLD_TONES))


def clean(text: str) -> str:
    """``text`` in NFC, with every run of whitespace one space and typographic dashes as ``-``."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_DASHES).split())


def key(text: str) -> str:
    """A form of ``text`` for finding it: :func:`clean`, case-folded, tone marks placed alike."""
    folded = clean(text).casefold()
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(0)], folded)


def squeeze(text: str) -> str:
    """:func:`key` without spaces: ``C Ộ N G  H Ò A`` and ``CỘNG HÒA`` are the same."""
    return key(text).replace(" ", "")


def case_of(text: str) -> str | None:
    """``"upper"`` when every letter is a capital, ``"mixed"`` otherwise; ``None`` without
    letters (``*``, ``-----``)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    return "upper" if all(c == c.upper() for c in letters) else "mixed"


def first_heading(text: str, titles: dict[str, str]) -> tuple[str, str] | None:
    """The heading (``{name: title}``) that appears first in ``text``, as ``(name, title)``.

    The first four words of each title are enough (``CỘNG HÒA XÃ HỘI``, ``ĐẢNG CỘNG SẢN VIỆT``):
    a narrow header cell may break the title over two lines, and text read from a PDF may put
    the other column's words between them.
    """
    haystack = key(text)
    found = []
    for name, title in titles.items():
        words = key(title).split()[:4]
        match = re.search(r"\s+".join(re.escape(w) for w in words), haystack)
        if match is not None:
            found.append((match.start(), name, title))
    if not found:
        return None
    _start, name, title = min(found)
    return name, title


def detect_profile(text: str, titles: dict[str, str]) -> str | None:
    """The name of the heading of :func:`first_heading`, or ``None``."""
    found = first_heading(text, titles)
    return None if found is None else found[0]


def is_rule_text(text: str) -> bool:
    """A line of underscores (a rule typed on the keyboard)."""
    return re.fullmatch(r"_{3,}", text.replace(" ", "")) is not None


def is_dashes(text: str) -> bool:
    """A line of dashes (``-----``, the Party's mark under the trích yếu)."""
    return re.fullmatch(r"[-–—]{3,}", text.replace(" ", "")) is not None
