"""Rendering off the event loop, a few documents at a time, each within a time limit.

WeasyPrint holds a core for a tenth of a second to a few seconds; on the event loop that would
stall every other request, the live preview included. So renders run in a small pool of threads
(as many as the machine has cores, at most 4) and the request waits for its result at most
``timeout`` seconds. A render past its time cannot be stopped inside a thread, so it finishes in
the background while the client already has its answer (503), and its thread is not free for
another document until then: the pool's size, not the number of requests, bounds the work.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

DEFAULT_TIMEOUT = 30.0
"""Seconds a request waits for its document: 50 times the flagship's render time."""


class TooSlow(Exception):
    """The work did not finish in the time allowed."""


class WorkPool:
    """Threads for rendering, shared by every request of one app."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT, workers: int | None = None) -> None:
        self.timeout = timeout
        self.workers = workers or max(1, min(4, os.cpu_count() or 1))
        self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="minutes-render")

    async def run(self, work: Callable[..., T], *args: object) -> T:
        """``work(*args)`` in a pool thread, in the caller's context (its message language);
        :class:`TooSlow` after :attr:`timeout` seconds."""
        context = contextvars.copy_context()
        future = self._executor.submit(context.run, functools.partial(work, *args))
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except asyncio.TimeoutError:
            future.cancel()  # still queued: it never starts
            raise TooSlow from None

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
