"""The PDF of a one-file ``minutes render`` made in a child process while this one makes the DOCX.

A cold ``minutes render`` of both formats spends most of its time on the PDF's side: importing
WeasyPrint (Pango through cffi), setting up the fonts and laying out the pages, about half a
second on the 2-core machine of ``docs/performance.md``, while the DOCX takes a tenth of one.
On Linux the command therefore forks once the meeting is read, validated and composed: the child
shares the composed tree, imports WeasyPrint and renders the PDF, and this process renders the
DOCX meanwhile, then takes the PDF through a pipe. Two cores work instead of one, and both files
come from the same tree, so they are what one process makes (``tests/test_cli_render.py``
compares the PDF byte for byte).

The child answers with a whole PDF or with nothing: it writes no file, and anything else (an
error of the writer, no Pango, a signal) makes this process render the PDF itself, the ordinary
way, so every message and exit code stays what a single process gives. Taken only where a fork
is safe and pays: on Linux (macOS's system libraries are not safe to use in a forked child),
with one thread, and before WeasyPrint is imported (a warm process renders faster alone).
Written by hand because :mod:`multiprocessing` would pickle the tree and start its own helper
processes, which costs what the fork saves.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import NoReturn

PDF_SIGNATURE = b"%PDF-"


def can_fork() -> bool:
    """Whether a child may render the PDF here (see the module's docstring)."""
    return (
        sys.platform == "linux"
        and hasattr(os, "fork")
        and threading.active_count() == 1
        and "weasyprint" not in sys.modules
    )


class PdfChild:
    """A child process rendering one PDF with ``render``, started at once."""

    def __init__(self, render: Callable[[], bytes]) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read)
            _render_and_send(render, write)
        os.close(write)
        self._pid = pid
        self._pipe: int | None = read

    def result(self) -> bytes | None:
        """The child's PDF once it has ended, or ``None`` when it made none."""
        if self._pipe is None:
            return None
        with os.fdopen(self._pipe, "rb") as stream:
            self._pipe = None
            data = stream.read()
        _pid, status = os.waitpid(self._pid, 0)
        self._pid = 0
        if os.waitstatus_to_exitcode(status) != 0 or not data.startswith(PDF_SIGNATURE):
            return None
        return data

    def stop(self) -> None:
        """End the child if it still runs (this process is leaving early: an error, Ctrl-C)."""
        if self._pipe is not None:
            os.close(self._pipe)
            self._pipe = None
        if self._pid:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            self._pid = 0


def _render_and_send(render: Callable[[], bytes], pipe: int) -> NoReturn:
    """The child's whole life: render, send, leave without running the parent's exit handlers
    or flushing its buffers (``os._exit``). Ctrl-C, sent to the whole terminal's group, ends it
    at once and silently: the parent says what happened."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        data = render()
        with os.fdopen(pipe, "wb") as stream:
            stream.write(data)
        code = 0
    except BaseException:  # any failure: the parent renders the PDF itself
        pass
    finally:
        os._exit(code)
