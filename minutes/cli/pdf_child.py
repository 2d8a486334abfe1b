"""The PDF of a one-file ``minutes render`` made in a child process while this one makes the DOCX.

A cold ``minutes render`` of both formats spends most of its time on the PDF's side: importing
WeasyPrint (Pango through cffi), setting up the fonts and laying out the pages, about half a
second on the 2-core machine of ``docs/performance.md``, while the DOCX takes a tenth of one.
On Linux the command therefore forks first, before it imports the library: the child imports
only the PDF writer, WeasyPrint and the fonts, while this process imports the reader, the model's
validators and the template, then reads, validates and composes the meeting; the tree is
sent to the child (pickled, through a pipe: 40 kB, 2 ms), which renders the PDF while this
process renders the DOCX, and the PDF comes back through another pipe. Two cores work instead
of one, and both files come from the same tree, so they are what one process makes
(``tests/test_cli_pdf_child.py`` compares the PDF byte for byte).

The child answers with a whole PDF or with nothing: it writes no file, and anything else (an
error of the writer, no Pango, a signal) makes this process render the PDF itself, the ordinary
way, so every message and exit code stays what a single process gives. Taken only where a fork
is safe and pays: on Linux (macOS's system libraries are not safe to use in a forked child),
with two cores or more to run on (on one, the child's imports would only add to the command's),
with one thread, and before WeasyPrint is imported (a warm process renders faster alone).
Written by hand because :mod:`multiprocessing`'s ways of starting a process either start a
fresh interpreter (which imports everything again) or, with ``fork``, add helper threads and
processes of their own, for one child that lives a second.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, NoReturn

from minutes.signals import signals_held

PDF_SIGNATURE = b"%PDF-"

PIPE_BYTES = 1 << 20
"""The room asked for in the pipe to the child (Linux's most, unless raised by root): the
pickled tree is written at once, while the child is still importing WeasyPrint, instead of
waiting for it to read (the flagship's tree is 40 kB; Linux's default room is 64 kB)."""


def can_fork() -> bool:
    """Whether a child may render the PDF here (see the module's docstring)."""
    return (
        sys.platform == "linux"
        and hasattr(os, "fork")
        and len(os.sched_getaffinity(0)) > 1
        and threading.active_count() == 1
        and "weasyprint" not in sys.modules
    )


class PdfChild:
    """A child process that sets up the PDF writer at once (``warm_up``), then renders the one
    document it is sent with ``render``."""

    def __init__(self, warm_up: Callable[[], None], render: Callable[[Any], bytes]) -> None:
        from_parent, to_child = os.pipe()
        from_child, to_parent = os.pipe()
        with contextlib.suppress(AttributeError, OSError):  # room for the whole tree at once
            fcntl.fcntl(to_child, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        with signals_held():  # a Ctrl-C now reaches each process once it is ready for it
            pid = os.fork()
            if pid == 0:  # the child: Ctrl-C, sent to the terminal's whole group, ends it silently
                signal.signal(signal.SIGINT, signal.SIG_DFL)
        if pid == 0:
            os.close(to_child)
            os.close(from_child)
            _render_and_send(warm_up, render, from_parent, to_parent)
        os.close(from_parent)
        os.close(to_parent)
        self._pid = pid
        self._to_child: int | None = to_child
        self._from_child: int | None = from_child

    def send(self, document: Any) -> None:
        """Give the child the document to render, pickled (the pipe carries bytes). A tree that
        cannot be pickled, or a child already gone, sends nothing: the child then ends and
        :meth:`result` is ``None``."""
        if self._to_child is None:
            return
        pipe, self._to_child = self._to_child, None
        with contextlib.suppress(Exception), os.fdopen(pipe, "wb") as stream:
            stream.write(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))

    def result(self) -> bytes | None:
        """The child's PDF once it has ended, or ``None`` when it made none."""
        if self._from_child is None:
            return None
        pipe, self._from_child = self._from_child, None
        with os.fdopen(pipe, "rb") as stream:
            data = stream.read()
        _pid, status = os.waitpid(self._pid, 0)
        self._pid = 0
        if os.waitstatus_to_exitcode(status) != 0 or not data.startswith(PDF_SIGNATURE):
            return None
        return data

    def stop(self) -> None:
        """End the child if it still runs (this process is leaving early: an error, Ctrl-C)."""
        for pipe in (self._to_child, self._from_child):
            if pipe is not None:
                os.close(pipe)
        self._to_child = self._from_child = None
        if self._pid:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            self._pid = 0


def _render_and_send(
    warm_up: Callable[[], None], render: Callable[[Any], bytes], source: int, answer: int
) -> NoReturn:
    """The child's whole life: set up, read the document, render, send, leave without running
    the parent's exit handlers or flushing its buffers (``os._exit``). Ctrl-C ends it at once
    and silently (see :class:`PdfChild`): the parent says what happened. A parent that sends
    nothing (its meeting was refused) ends it too."""
    code = 1
    try:
        warm_up()
        with os.fdopen(source, "rb") as stream:
            sent = stream.read()
        if sent:
            data = render(pickle.loads(sent))  # our own parent's tree
            with os.fdopen(answer, "wb") as stream:
                stream.write(data)
            code = 0
    except BaseException:  # any failure: the parent renders the PDF itself
        pass
    finally:
        os._exit(code)
