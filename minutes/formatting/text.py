"""Text pasted from Word or the web, cleaned before it is printed: one form of each letter (NFC),
no invisible characters, Word's line breaks as line breaks, spaces as a reader means them."""

from __future__ import annotations

import re
import unicodedata

from minutes.errors import FormattingError
from minutes.formatting.values import _shown
from minutes.i18n import _

# --- text ---------------------------------------------------------------------------------------

_INVISIBLE = frozenset("\u200b\u200c\u200d\ufeff\u2060\u00ad")  # zero-width and soft hyphen
_LINE_BREAKS = frozenset("\x0b\x85\u2028\u2029")  # Word's line break, NEL, LS, PS
_EMOJI_MODIFIERS = frozenset(["\ufe0f", *(chr(c) for c in range(0x1F3FB, 0x1F400))])
_SPACES_BEFORE_NEWLINE = re.compile(r" +(?=\n|\Z)")
_SPACE_RUNS = re.compile(r" {2,}")


def _joins_emoji(text: str, index: int) -> bool:
    """Whether the zero-width joiner at ``index`` glues two emoji (👨‍👩‍👧), so must stay.

    >>> _joins_emoji("👨\\u200d👩", 1), _joins_emoji("a\\u200db", 1)
    (True, False)
    """
    before = index - 1
    while before >= 0 and text[before] in _EMOJI_MODIFIERS:
        before -= 1
    after = index + 1
    return (
        before >= 0
        and after < len(text)
        and unicodedata.category(text[before]) == "So"
        and unicodedata.category(text[after]) == "So"
    )


def normalize_text(s: str) -> str:
    """Clean text pasted from Word, old input tools or the web.

    * NFC: old Vietnamese input tools write decomposed letters (``e`` + U+0301);
    * zero-width characters (U+200B, U+200C, U+200D, U+FEFF, U+2060) and the soft hyphen are
      removed (a U+200D inside an emoji sequence such as 👨‍👩‍👧 is kept);
    * ``\\r\\n`` and ``\\r``, Word's line break ``\\x0b``, NEL, U+2028 and U+2029 become ``\\n``;
    * other control characters (the page break ``\\x0c`` …) are removed, except ``\\n`` and ``\\t``;
    * tabs, non-breaking and other Unicode spaces become a plain space; runs of spaces become one;
      spaces at the end of a line are removed (so indentation is not kept).

    Everything else, emoji included, is kept.

    >>> normalize_text("Bie\\u0302n ba\\u0309n")
    'Biên bản'
    >>> normalize_text("a\\u00a0\\u00a0b\\tc  \\r\\nd\\x0be\\x0cf\\u200b")
    'a b c\\nd\\nef'
    """
    if not isinstance(s, str):
        raise FormattingError(_("{value} is not text").format(value=_shown(s)))
    text = s.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for index, char in enumerate(text):
        if char == "\n" or char in _LINE_BREAKS:
            out.append("\n")
        elif char == "\t":
            out.append(" ")
        elif char in _INVISIBLE:
            if char == "\u200d" and _joins_emoji(text, index):
                out.append(char)
        else:
            category = unicodedata.category(char)
            if category == "Zs":
                out.append(" ")
            elif category != "Cc":
                out.append(char)
    text = _SPACE_RUNS.sub(" ", "".join(out))
    text = _SPACES_BEFORE_NEWLINE.sub("", text)
    return unicodedata.normalize("NFC", text)
