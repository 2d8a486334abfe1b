"""Ctrl-C and SIGTERM held back while a process is started, so that the new process cannot be
interrupted half-made (a traceback from a worker still importing, or from the child's fork
handlers) and the signal is not lost: it stays pending and is raised once the block ends.

Used by the batch when it may spawn a worker (:mod:`minutes.batch.engine`) and by the command
when it forks the PDF's child (:mod:`minutes.cli.pdf_child`)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

HELD_SIGNALS = tuple(
    number for number in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if number is not None
)
"""Ctrl-C, and SIGTERM where the system has it."""


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold :data:`HELD_SIGNALS` back in this thread for the block.

    The signal mask survives ``fork`` and ``exec``: a process started in the block starts with
    the signals blocked, and decides what they do to it before it lets them in. (No signal
    masks on Windows: nothing to do.)
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(HELD_SIGNALS))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
