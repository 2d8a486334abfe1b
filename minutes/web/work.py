"""Rendering in worker processes, a few documents at a time, each request within one time limit.

WeasyPrint holds a core for a tenth of a second to a few seconds, and Python's threads share one
lock (the GIL), so on the event loop or in threads one heavy document would stall every other
request and serialise every PDF. So every piece of work that reads, checks, composes or renders a
meeting runs in a pool of *processes*:

- **Sized to the cores, started warm.** One worker per core this process may use (at most
  :data:`MAX_WORKERS`), started with the app (:meth:`WorkPool.start`, from the app's lifespan).
  Each builds a :class:`~minutes.api.Renderer` and renders a small document once
  (:func:`minutes.web.jobs.warm_up`) before it says it is ready, so no request pays for loading
  the fonts, and none is given to a worker that is still starting.
- **One limit per request.** A request gets a :class:`Deadline` when it starts; waiting for a
  free worker and the work itself both count against it, so a request waits at most its
  time limit in all, as documented (``--render-timeout``, :data:`DEFAULT_TIMEOUT`).
- **Stopped, not abandoned.** Work past its deadline, or whose client has hung up, is cancelled:
  a job still waiting for a worker never starts, and a running one has its worker killed
  (SIGKILL: a layout deep in C code would not notice a gentler signal) and replaced by a new one.
- **No orphans.** A worker leaves as soon as the app's process is gone.

Why by hand: :class:`concurrent.futures.ProcessPoolExecutor` cannot stop one task (killing a
worker breaks the whole pool and fails every request in flight), and ``pebble.ProcessPool``,
which can, hands each task to a pipe shared by all its workers as soon as it is scheduled: a task
cancelled before a worker took it (a request that timed out while the workers were still
warming up) is still taken, and then costs that worker's life; measured, a burst of such
requests kept the workers restarting. Here each worker has a pipe of its own, the queue is the
parent's, and a job is sent only to a worker that is idle and warm.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from minutes.i18n import _, current_language, language

T = TypeVar("T")

log = logging.getLogger("minutes.web")

DEFAULT_TIMEOUT = 30.0
"""Seconds a request may take in all: 50 times the flagship's render time."""
MAX_WORKERS = 8
"""Worker processes at most, whatever the cores (each holds about 100 MB)."""
START_TIMEOUT = 120.0
"""Seconds a new worker may take to start and warm up before it is given up."""


class TooSlow(Exception):
    """The work did not finish in the time allowed; it was stopped."""


class Abandoned(Exception):
    """The client hung up before the work was done; the work was stopped."""


class WorkerDied(Exception):
    """The worker process ended while it held this work (a crash in a C library, the
    out-of-memory killer); another worker takes its place."""


def worker_died_message() -> str:
    """What the clerk reads when a worker ended under their document."""
    return _(
        "The worker process stopped while making this document (out of memory?). "
        "Another has taken its place: try again, or make the document smaller."
    )


class WorkFailed(Exception):
    """The work raised an exception in its worker (a bug): its type, message and traceback."""


def default_workers() -> int:
    """One worker per core this process may use, at most :data:`MAX_WORKERS`."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cores))


class Deadline:
    """The moment a request must be answered by."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def left(self) -> float:
        return self.at - time.monotonic()


# -- the worker side ------------------------------------------------------------------------------


def _worker_main(connection: multiprocessing.connection.Connection) -> None:
    """A worker: warm up, say so, then run each job sent until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's: it stops us
    from minutes.batch import exit_with_parent
    from minutes.web import jobs

    exit_with_parent()

    jobs.warm_up()
    connection.send(("ready", os.getpid()))
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        lang, function, args = message
        try:
            with language(lang):
                reply: tuple[str, Any] = ("ok", function(*args))
        except Exception as error:
            reply = ("error", (type(error).__name__, str(error)[:1000], traceback.format_exc()))
        try:
            connection.send(reply)
        except (EOFError, OSError):
            return
        except Exception as error:  # the result cannot be pickled: a bug
            connection.send(("error", (type(error).__name__, str(error)[:1000], "")))


# -- the parent side ------------------------------------------------------------------------------


@dataclass(eq=False)
class _Worker:
    process: Any  # multiprocessing's SpawnProcess
    connection: multiprocessing.connection.Connection

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.connection.close()


def _spawn() -> _Worker:
    """Start a worker and wait until it is warm (in a thread of the pool: it blocks)."""
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe(duplex=True)
    process = context.Process(
        target=_worker_main, args=(theirs,), name="minutes-render", daemon=True
    )
    process.start()
    theirs.close()
    worker = _Worker(process, ours)
    ready = multiprocessing.connection.wait([ours, process.sentinel], START_TIMEOUT)
    if ours not in ready:
        worker.kill()
        raise WorkerDied
    try:
        message = ours.recv()
    except (EOFError, OSError):
        worker.kill()
        raise WorkerDied from None
    if not (isinstance(message, tuple) and message[:1] == ("ready",)):
        worker.kill()
        raise WorkerDied
    return worker


def _exchange(worker: _Worker, message: Any) -> tuple[str, Any]:
    """Send a job and wait for its reply, or for the worker's end (in a thread of the pool)."""
    try:
        worker.connection.send(message)
        ready = multiprocessing.connection.wait([worker.connection, worker.process.sentinel])
        if worker.connection in ready:
            reply: tuple[str, Any] = worker.connection.recv()
            return reply
    except (EOFError, OSError):
        pass
    worker.process.join(1)
    return ("died", worker.process.exitcode)


class WorkPool:
    """Worker processes for rendering, shared by every request of one app (or several apps:
    the first to start it runs it; it is tied to no event loop)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or default_workers()
        self._all: set[_Worker] = set()
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[_Worker]]] = []
        self._started = False
        self._closed = False
        self.replaced = 0
        """Workers started in place of one that was stopped or died (for tests and logs)."""

    def pids(self) -> list[int]:
        """The process ids of the workers that are up (warm)."""
        with self._lock:
            return sorted(w.process.pid for w in self._all if w.process.is_alive())

    def start(self) -> None:
        """Start the workers now; they warm up in the background."""
        with self._lock:
            if self._started or self._closed:
                return
            self._started = True
        for _number in range(self.workers):
            _thread(self._add_worker)

    def _add_worker(self) -> None:
        try:
            worker = _spawn()
        except Exception:
            if not self._closed:
                log.exception("a render worker could not start")
            return
        with self._lock:
            self._all.add(worker)
        self._give_back(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            closed = self._closed
            if not closed:
                self.replaced += 1
        _thread(self._reap_and_add, worker, not closed)

    def _reap_and_add(self, worker: _Worker, add: bool) -> None:
        with contextlib.suppress(Exception):
            worker.process.join(10)
        if add:
            self._add_worker()

    def _give_back(self, worker: _Worker) -> None:
        """``worker`` is idle: hand it to the oldest request waiting, or keep it."""
        with self._lock:
            if self._closed:
                worker.kill()
                return
            while self._waiters:
                loop, future = self._waiters.pop(0)
                if future.done():
                    continue
                loop.call_soon_threadsafe(self._hand_over, future, worker)
                return
            self._idle.append(worker)

    def _hand_over(self, future: asyncio.Future[_Worker], worker: _Worker) -> None:
        if future.done():  # cancelled meanwhile (a deadline, a hang-up): the next one gets it
            self._give_back(worker)
        else:
            future.set_result(worker)

    async def _take(self) -> _Worker:
        loop = asyncio.get_running_loop()
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
                _thread(self._replace, worker)  # died while idle
            future: asyncio.Future[_Worker] = loop.create_future()
            self._waiters.append((loop, future))
        try:
            return await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self._give_back(future.result())
            raise

    async def run(
        self,
        deadline: Deadline,
        function: Callable[..., T],
        *args: Any,
        request: Any = None,
    ) -> T:
        """``function(*args)`` in a worker, in the caller's language. :class:`TooSlow` when the
        deadline passes first, :class:`Abandoned` when ``request``'s client hangs up first (the
        work is stopped in both cases), :class:`WorkerDied` if the worker ends under it,
        :class:`WorkFailed` if the function raises."""
        self.start()
        worker = await _race(self._take(), deadline, request, on_late=self._give_back)
        exchange = _in_thread(_exchange, worker, (current_language(), function, args))
        try:
            status, value = await _race(exchange, deadline, request)
        except BaseException:  # past the deadline, hung up, or the server stopping
            self._replace(worker)  # kills it; the exchange's thread then returns
            raise
        if status == "died":
            log.error("a render worker ended (exit code %s)", value)
            self._replace(worker)
            raise WorkerDied
        self._give_back(worker)
        if status == "error":
            kind, message, trace = value
            log.error("error in a render worker: %s: %s\n%s", kind, message, trace)
            raise WorkFailed(f"{kind}: {message}")
        result: T = value
        return result

    def close(self) -> None:
        """Stop every worker (those rendering are killed)."""
        with self._lock:
            self._closed = True
            workers, self._all, self._idle = self._all, set(), []
            waiters, self._waiters = self._waiters, []
        for worker in workers:
            worker.kill()
        for worker in workers:
            with contextlib.suppress(Exception):
                worker.process.join(5)
        for loop, future in waiters:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(future.cancel)


def _thread(function: Callable[..., Any], *args: Any) -> None:
    """``function(*args)`` in a daemon thread: starting a worker and waiting on one block, and
    a daemon thread never holds the interpreter's exit."""
    threading.Thread(target=function, args=args, name="minutes-pool", daemon=True).start()


def _in_thread(function: Callable[..., T], *args: Any) -> asyncio.Future[T]:
    """``function(*args)`` in a daemon thread, as a future of the running event loop."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(value: Any, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)

    def work() -> None:
        try:
            value, error = function(*args), None
        except BaseException as caught:
            value, error = None, caught
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits
            loop.call_soon_threadsafe(settle, value, error)

    _thread(work)
    return future


async def _race(
    work: Any,
    deadline: Deadline,
    request: Any,
    on_late: Callable[[Any], None] | None = None,
) -> Any:
    """Await ``work`` until ``deadline``, or until ``request``'s client hangs up; on either,
    ``work`` is cancelled and :class:`TooSlow` or :class:`Abandoned` raised. ``on_late`` gets a
    result that came in the same instant, which is then not used."""
    task = asyncio.ensure_future(work)
    watcher = asyncio.ensure_future(_hung_up(request)) if request is not None else None
    waiting = {task} if watcher is None else {task, watcher}
    try:
        done, _pending = await asyncio.wait(
            waiting, timeout=max(0.0, deadline.left()), return_when=asyncio.FIRST_COMPLETED
        )
    except BaseException:
        task.cancel()
        raise
    finally:
        if watcher is not None:
            watcher.cancel()
            with contextlib.suppress(BaseException):
                await watcher
    if task in done:
        return task.result()
    task.cancel()
    with contextlib.suppress(BaseException):
        await task
    if task.done() and not task.cancelled() and task.exception() is None and on_late:
        on_late(task.result())
    if watcher is not None and watcher in done:
        raise Abandoned
    raise TooSlow


async def _hung_up(request: Any) -> None:
    """Return when the client of ``request`` (a Starlette request whose body has been read)
    disconnects: the server then sends ``http.disconnect``."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return
