"""Output files: written atomically (:mod:`minutes.atomic`, whose names are passed on from here),
under names that are safe on every system, and the operating system's refusals said in words a
clerk can act on.

Below :mod:`minutes.api` (whose ``write`` uses it), the batch, the manifest and the CLI: each
writes files, none should have to import the library's public face to do it.
"""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from pathlib import Path

from minutes.atomic import TEMPORARY_NAME_BYTES as TEMPORARY_NAME_BYTES
from minutes.atomic import TEMPORARY_SUFFIX as TEMPORARY_SUFFIX
from minutes.atomic import remove_unfinished as remove_unfinished
from minutes.atomic import temporary_prefix as temporary_prefix
from minutes.atomic import write_atomic as write_atomic
from minutes.errors import Problem
from minutes.i18n import _


def name_limit(folder: Path) -> int:
    """The longest file name, in bytes, the disk of ``folder`` takes (255 on the usual file
    systems; asked of the system where it can say)."""
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        return int(os.pathconf(probe, "PC_NAME_MAX"))
    except (AttributeError, OSError, ValueError):  # Windows, or a system that does not say
        return 255


def too_long_name(path: Path) -> Problem | None:
    """A problem when the name of ``path`` is longer than its folder's disk takes: checked
    before anything is written, so no command writes the PDF and then fails on the DOCX."""
    size, limit = len(os.fsencode(path.name)), name_limit(path.parent)
    if size <= limit:
        return None
    return Problem(
        _("The output name {name} is too long ({size} bytes; the disk takes {limit}).").format(
            name=_short(path.name), size=size, limit=limit
        ),
        hint=_("give the input file a shorter name"),
    )


def _short(name: str, limit: int = 60) -> str:
    return name if len(name) <= limit else f"{name[: limit // 2]}…{name[-limit // 2 :]}"


def os_reason(error: OSError) -> tuple[str, str | None]:
    """What went wrong with a file, in the user's words, and what to do about it; the system's
    own text only for a case not foreseen here."""

    reasons: dict[int, tuple[str, str | None]] = {
        errno.ENOSPC: (_("the disk is full"), _("free some space, or choose another folder")),
        errno.EROFS: (
            _("the disk or folder is read-only"),
            _("choose another folder (with -o), or make this one writable"),
        ),
        errno.EACCES: (
            _("you are not allowed to write there"),
            _("choose a folder of yours (with -o), or ask for permission"),
        ),
        errno.EPERM: (
            _("you are not allowed to write there"),
            _("choose a folder of yours (with -o), or ask for permission"),
        ),
        errno.ENOENT: (
            _("the folder does not exist and cannot be made"),
            _("check the folder's name"),
        ),
        errno.ENOTDIR: (
            _("a part of the path is a file, not a folder"),
            _("choose a folder (with -o)"),
        ),
        errno.EEXIST: (
            _("a file of that name is in the way of the folder"),
            _("choose another folder (with -o)"),
        ),
        errno.EISDIR: (
            _("a folder of the same name is in the way"),
            _("rename or move that folder"),
        ),
        errno.ENAMETOOLONG: (_("the name is too long"), _("give the input file a shorter name")),
        errno.EIO: (
            _("the disk reported an error"),
            _("check the disk (or the network drive), or choose another folder"),
        ),
        errno.EMFILE: (_("too many files are open"), _("close other programs, then try again")),
        errno.ENFILE: (_("too many files are open"), _("close other programs, then try again")),
        errno.EFBIG: (_("the file is too large for this disk"), _("choose another folder")),
    }
    quota = getattr(errno, "EDQUOT", None)
    if quota is not None:
        reasons[quota] = (_("your disk quota is used up"), _("free some space"))
    known = reasons.get(error.errno or -1)
    if known is not None:
        return known
    return (error.strerror or type(error).__name__), None


def output_problem(error: OSError, target: Path, source: str | None = None) -> Problem:
    """``Cannot write OUT/bien-ban.pdf: the disk is full (free some space …)``, for the input
    ``source``: the output the user asked for is named, never the temporary file."""
    reason, hint = os_reason(error)
    return Problem(
        _("Cannot write {path}: {reason}.").format(path=target, reason=reason),
        file=source,
        hint=hint,
    )


MAX_NAME_BYTES = 120
"""The longest file name :func:`safe_output_name` makes, in bytes of UTF-8: with a suffix and
the temporary name of :func:`write_atomic` it stays under the 255 bytes every file system takes."""

_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{kind}{n}" for kind in ("COM", "LPT") for n in "0123456789¹²³"}
)
_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*]+')
_SPACES = re.compile(r"\s+")


def safe_output_name(text: str, fallback: str = "bien-ban") -> str:
    """A file name made from ``text`` (a title, a symbol, a name from the data) that is one plain
    name on every system, so a file written under it stays in its folder.

    Path separators and the characters Windows forbids become ``-``; control, format (bidi
    overrides, zero-width) and private-use characters go; spaces are collapsed; leading and
    trailing dots, dashes and spaces go (no ``..``, no hidden file, no option-like name); a name
    Windows reserves (``CON``, ``nul.txt``, ``COM1`` …) gets a ``_`` in front; the result is cut to
    :data:`MAX_NAME_BYTES`. What is left empty becomes ``fallback``. Vietnamese letters stay (NFC).

    >>> safe_output_name("../../etc/passwd")
    'etc-passwd'
    >>> safe_output_name("Biên bản họp: 07/3/2018")
    'Biên bản họp- 07-3-2018'
    """
    name = unicodedata.normalize("NFC", str(text))
    name = "".join(" " if ch.isspace() else ch for ch in name if ch.isspace() or not _hidden(ch))
    name = _NOT_IN_NAMES.sub("-", name)
    name = _SPACES.sub(" ", name).strip(" .-")
    encoded = name.encode("utf-8")
    if len(encoded) > MAX_NAME_BYTES:
        name = encoded[:MAX_NAME_BYTES].decode("utf-8", "ignore").rstrip(" .-")
    if name.split(".", 1)[0].rstrip(" ").upper() in _WINDOWS_RESERVED:
        name = f"_{name}"
    return name or fallback


def _hidden(ch: str) -> bool:
    """Control, format, surrogate, private-use and unassigned characters (category ``C*``)."""
    return unicodedata.category(ch).startswith("C")


def safe_output_path(folder: str | Path, text: str, suffix: str) -> Path:
    """``folder / (safe_output_name(text) + suffix)``, checked to lie directly in ``folder``."""
    folder = Path(folder)
    if not re.fullmatch(r"\.[A-Za-z0-9]{1,10}", suffix):
        raise ValueError(f"not a file suffix: {suffix!r}")
    path = folder / f"{safe_output_name(text)}{suffix}"
    if path.parent != folder or path.name in (".", "..") or os.sep in path.name:
        raise ValueError(f"{text!r} does not make a file name inside {folder}")
    return path
