"""The bytes of a meeting file → text: UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM;
TCVN3, VNI and Windows-1258 recognised and named rather than misread; a picture, a Word file
or a special file (a pipe) refused before it is read."""

from __future__ import annotations

import codecs
import os
import re
import stat
import typing
import unicodedata
from pathlib import Path

from minutes.errors import InputError, Problem
from minutes.i18n import N_, _
from minutes.load.limits import DEFAULT_LIMITS, Limits, too_large


def read_source(path: str | Path, limits: Limits | None = None) -> str:
    """The text of an input file; a missing, unreadable, too large or non-UTF-8 file is an
    :class:`InputError` (shared by :func:`load` and ``minutes validate``, which needs the parsed
    data and its positions, not only the model). At most ``limits.max_bytes`` (+1) are read, so
    ``/dev/zero`` or a film renamed ``.yaml`` costs nothing."""
    limits = limits or DEFAULT_LIMITS
    path = Path(path)
    try:
        with _open_regular(path) as stream:
            raw = stream.read(limits.max_bytes + 1)
    except _NotAFile:
        raise InputError(
            Problem(
                _("This is not an ordinary file (a pipe, a socket or a device)."),
                file=str(path),
                hint=_("give the meeting's .yaml file itself"),
            )
        ) from None
    except FileNotFoundError:
        raise InputError(Problem(_("File not found."), file=str(path))) from None
    except IsADirectoryError:
        raise InputError(Problem(_("This is a folder, not a file."), file=str(path))) from None
    except OSError as exc:
        raise InputError(
            Problem(
                _("Cannot read the file: {reason}.").format(reason=exc.strerror), file=str(path)
            )
        ) from None
    return decode(raw, str(path), limits)


class _NotAFile(Exception):
    """The path names a pipe, a socket or a device, not a file."""


def _open_regular(path: Path) -> typing.BinaryIO:
    """``path`` opened for reading, if it is an ordinary file (or a character device such as
    ``/dev/zero``, which reads at once). A pipe or a socket named ``*.yaml`` would make a plain
    ``open()`` wait for a writer forever, so it is opened without waiting and refused."""
    descriptor = os.open(
        path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode)):
            raise _NotAFile(path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def decode(raw: bytes, source: str, limits: Limits | None = None) -> str:
    """UTF-8 (with or without BOM), or UTF-16 or UTF-32 with a BOM (Notepad's "Unicode"); anything
    else gets a message that says what it probably is and what to do."""
    limits = limits or DEFAULT_LIMITS
    if len(raw) > limits.max_bytes:
        raise too_large(source, limits, raw[: limits.max_bytes].count(b"\n") + 1)
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
    elif raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE …
        try:
            return raw.decode("utf-32")
        except UnicodeDecodeError:
            pass  # not really UTF-32: described below
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass  # not really UTF-16: described below
    kind = _binary_kind(raw)
    if kind is not None:
        nul = raw.find(b"\x00")
        raise InputError(
            Problem(
                _("This is not a text file: it looks like {kind}.").format(kind=kind),
                file=source,
                line=raw[: max(nul, 0)].count(b"\n") + 1,
                hint=_("give the meeting's .yaml file (text), not a document, picture or archive"),
            )
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        legacy = guess_legacy_encoding(raw)
        if legacy is not None:
            raise InputError(
                Problem(
                    _(
                        "The file is not UTF-8 text: it looks like {encoding}, an old Vietnamese "
                        "encoding."
                    ).format(encoding=legacy),
                    file=source,
                    line=line,
                    hint=_(
                        "convert it to Unicode: in UniKey's converter (Ctrl+Shift+F6) choose "
                        "source {encoding}, destination Unicode; then save the file as UTF-8"
                    ).format(encoding=legacy),
                )
            ) from None
        raise InputError(
            Problem(
                _(
                    "The file is not UTF-8 text (it may be in an old Vietnamese encoding such as "
                    "TCVN3, VNI or Windows-1258, or not text at all)."
                ),
                file=source,
                line=line,
                hint=_("convert it to Unicode UTF-8, e.g. with UniKey's converter, and save again"),
            )
        ) from None


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", N_("a ZIP archive or a Word (.docx) document")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("an old Word (.doc) or Excel (.xls) document")),
    (b"%PDF", N_("a PDF document")),
    (b"{\\rtf", N_("an RTF document")),
    (b"\x89PNG", N_("a PNG picture")),
    (b"\xff\xd8\xff", N_("a JPEG picture")),
    (b"GIF8", N_("a GIF picture")),
    (b"\x1f\x8b", N_("a gzip archive")),
)


def _binary_kind(raw: bytes) -> str | None:
    """What ``raw`` looks like if it is not text at all (a document, a picture, raw bytes)."""
    for magic, kind in _SIGNATURES:
        if raw.startswith(magic):
            return _(kind)  # RTF is text, but not ours, and its escapes would only confuse
    head = raw[:65536]
    controls = sum(1 for byte in head if byte < 0x20 and byte not in b"\t\n\r\x0b\x0c")
    if b"\x00" in raw or controls > len(head) // 100:
        return _("binary data")
    return None


# The old Vietnamese encodings, as far as needed to tell them apart: each one decodes the bytes,
# and the one whose result is most plainly Vietnamese letters wins.
_TONES = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
_TCVN3_ROWS = {  # TCVN3 (ABC): each vowel with each tone is one byte
    "a": "a\xb8\xb5\xb6\xb7\xb9", "ă": "\xa8\xbe\xbb\xbc\xbd\xc6", "â": "\xa9\xca\xc7\xc8\xc9\xcb",
    "e": "e\xd0\xcc\xce\xcf\xd1", "ê": "\xaa\xd5\xd2\xd3\xd4\xd6", "i": "i\xdd\xd7\xd8\xdc\xde",
    "o": "o\xe3\xdf\xe1\xe2\xe4", "ô": "\xab\xe8\xe5\xe6\xe7\xe9", "ơ": "\xac\xed\xea\xeb\xec\xee",
    "u": "u\xf3\xef\xf1\xf2\xf4", "ư": "\xad\xf8\xf5\xf6\xf7\xf9", "y": "y\xfd\xfa\xfb\xfc\xfe",
}  # fmt: skip
_TCVN3 = {
    code: unicodedata.normalize("NFC", base + tone)
    for base, codes in _TCVN3_ROWS.items()
    for code, tone in zip(codes, ("", *_TONES), strict=True)
    if code >= "\x80"
} | dict(zip("\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xae", "ĂÂÊÔƠƯĐđ", strict=True))
_VNI = {  # VNI: an ASCII vowel, then a byte for its marks (or one byte for ơ, ư, đ, i with a tone)
    "\xe2": "\u0302", "\xe1": "\u0302\u0301", "\xe0": "\u0302\u0300", "\xe5": "\u0302\u0309",
    "\xe3": "\u0302\u0303", "\xe4": "\u0302\u0323", "\xea": "\u0306", "\xe9": "\u0306\u0301",
    "\xe8": "\u0306\u0300", "\xfa": "\u0306\u0309", "\xfc": "\u0306\u0303", "\xeb": "\u0306\u0323",
    "\xf9": "\u0301", "\xf8": "\u0300", "\xfb": "\u0309", "\xf5": "\u0303", "\xef": "\u0323",
    "\xf4": "ơ", "\xf6": "ư", "\xf1": "đ", "\xed": "í", "\xec": "ì", "\xe6": "ỉ", "\xf3": "ĩ",
    "\xf2": "ị", "\xee": "ỵ",
}  # fmt: skip
_VNI |= {code.upper(): text.upper() for code, text in _VNI.items()}
_VIETNAMESE = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for tone in ("", *_TONES)
) | frozenset("đĐ")


def _decode_legacy(raw: bytes, encoding: str) -> str:
    if encoding == "Windows-1258":
        text = raw.decode("cp1258", "replace")
    else:
        table = _TCVN3 if encoding == "TCVN3" else _VNI
        text = "".join(table.get(ch, ch) for ch in raw.decode("latin-1"))
    return unicodedata.normalize("NFC", text)


def guess_legacy_encoding(raw: bytes) -> str | None:
    """Which pre-Unicode Vietnamese encoding ``raw`` is probably in (``"TCVN3"``, ``"VNI"`` or
    ``"Windows-1258"``), or ``None`` when no guess is good. Each is tried; a word that comes out
    with letters beyond ASCII counts for the encoding if they are all Vietnamese letters with at
    most one tone mark between them (a syllable has one), and against it otherwise."""
    scores: dict[str, int] = {}
    for encoding in ("TCVN3", "VNI", "Windows-1258"):
        score = 0
        for word in _WORDS.findall(_decode_legacy(raw[:65536], encoding)):
            if word.isascii():
                continue
            score += 1 if _is_syllable(word) else -2
        scores[encoding] = score
    best = max(scores, key=lambda name: scores[name])
    ranked = sorted(scores.values(), reverse=True)
    return best if ranked[0] > 0 and ranked[0] > ranked[1] else None


def _is_syllable(word: str) -> bool:
    """Whether ``word`` can be one Vietnamese syllable: Vietnamese letters only, one tone mark at
    most, and its vowels one of the language's vowel groups (``Biên``, not ``Bieõn``)."""
    if not all(ch.isascii() or ch in _VIETNAMESE for ch in word):
        return False
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in _TONES for ch in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    if bare.startswith("qu") or (bare.startswith("gi") and bare[2:3] in _VOWEL_LETTERS):
        bare = bare[0] + bare[2:]  # the u of qu and the i of gi belong to the consonant
    vowels = "".join(ch for ch in bare if ch in _VOWEL_LETTERS)
    return vowels in _VOWEL_GROUPS


_VOWEL_LETTERS = frozenset("aăâeêioôơuưy")
_VOWEL_GROUPS = frozenset(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô "
    "uơ ưa ưi ưu ươ uy yê iêu yêu oai oao oay oeo uây uôi uyê uya uyu ươi ươu".split()
)
_WORDS = re.compile(r"[^\s\d!-/:-@\[-`{-~]+")
"""Runs of anything but spaces, digits and ASCII punctuation (a stray mark stays in its word)."""
