"""Writing a file so that no one ever sees half of it: a temporary file beside the target, then
a rename. Below everything that writes (the outputs, the manifest, the cache), and needing
nothing of the package, so that the cache, which the lowest modules use, can use it too.
:mod:`minutes.files` adds the names and the messages.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from pathlib import Path


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()
"""Read once at import: ``os.umask`` can only be read by setting it, which is not thread-safe."""

TEMPORARY_SUFFIX = ".part"
"""The suffix of the temporary file :func:`write_atomic` writes before the rename."""


TEMPORARY_NAME_BYTES = 100
"""How much of the output's name the temporary name repeats (in bytes of UTF-8): with the dot,
the random part and :data:`TEMPORARY_SUFFIX` it stays far under the 255 bytes of a name, so any
output name the disk takes can be written atomically."""


def temporary_prefix(name: str) -> str:
    """The start of the temporary name :func:`write_atomic` uses for an output called
    ``name`` (``.bien-ban.pdf.``), also to find strays a killed process left."""
    encoded = name.encode("utf-8", "surrogateescape")
    if len(encoded) > TEMPORARY_NAME_BYTES:
        name = encoded[:TEMPORARY_NAME_BYTES].decode("utf-8", "ignore")
    return f".{name}."


_unfinished: set[str] = set()
_unfinished_lock = threading.Lock()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename: never a half file.

    The file gets the permissions a plain ``open()`` would give it (``mkstemp`` makes it private
    to its owner, which hides the minutes from colleagues on a shared office folder). While it is
    written its temporary name is known to :func:`remove_unfinished`.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=temporary_prefix(path.name), suffix=TEMPORARY_SUFFIX, dir=path.parent
    )
    with _unfinished_lock:
        _unfinished.add(temporary)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(handle, 0o666 & ~_UMASK)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    finally:
        with _unfinished_lock:
            _unfinished.discard(temporary)


def remove_unfinished() -> None:
    """Remove the temporary files being written now, for a process about to end itself in the
    middle (a batch worker whose command was killed): it leaves no ``.part`` file behind."""
    with _unfinished_lock:
        for temporary in _unfinished:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        _unfinished.clear()
