"""What a fresh process would otherwise build again every time it starts: kept on disk.

A ``minutes render`` is a new process each time; building the DOCX writer's base document of a
profile (python-docx's template, pruned, with the profile's styles) and compiling the template
were a fifth of its time. Both are kept in the user's cache folder (``$XDG_CACHE_HOME/minutes``
or ``~/.cache/minutes``; ``~/Library/Caches/minutes`` on macOS, ``%LOCALAPPDATA%\\minutes\\cache``
on Windows; ``MINUTES_CACHE_DIR`` names another, and ``MINUTES_CACHE_DIR=off`` turns it off).

An entry's name is a digest of everything it was made from (the profile's data, the code that
made it, the versions of the libraries), so a changed profile or a new version never reads a
stale one. The cache is a convenience only: a folder that cannot be made or written, or an entry
that cannot be read, is the same as no cache, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from pathlib import Path

from minutes.atomic import write_atomic

OFF = ("", "0", "off", "no", "false")


def cache_dir() -> Path | None:
    """The cache folder (made if missing), or ``None`` when there is none to use."""
    named = os.environ.get("MINUTES_CACHE_DIR")
    if named is not None:
        if named.strip().lower() in OFF:
            return None
        folder = Path(named)
    elif sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        if not base:
            return None
        folder = Path(base) / "minutes" / "cache"
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Caches" / "minutes"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "minutes"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # RuntimeError: no home folder to expand
        return None
    return folder if os.access(folder, os.W_OK | os.X_OK) else None


def digest(*parts: str | bytes) -> str:
    """A name for what ``parts`` make (each part counts, and where it ends)."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()[:40]


def source_of(*files: str | Path) -> bytes:
    """The text of the code that makes an entry, for its digest (an edited module, a new
    version: another entry)."""
    return b"\0".join(Path(name).read_bytes() for name in files)


def read(kind: str, name: str) -> bytes | None:
    """The entry ``name`` of ``kind``, or ``None``."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / kind / name).read_bytes()
    except OSError:
        return None


def write(kind: str, name: str, data: bytes) -> None:
    """Keep ``data`` as the entry ``name`` of ``kind`` (atomically), if the cache can."""
    folder = cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        write_atomic(folder / kind / name, data)


def folder_of(kind: str) -> Path | None:
    """The folder of entries of ``kind`` (made if missing), for a library that keeps its own
    files (Jinja's bytecode), or ``None``."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        (folder / kind).mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None
    return folder / kind
