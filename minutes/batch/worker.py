"""What a worker process does: start (signals held, the parent watched, a warm renderer), then
render one input at a time, writing every output only once all of them are made."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

from minutes.api import Format, Renderer, settle_after_warm_up
from minutes.batch.plan import Outcome, Task, failed
from minutes.errors import InputError, Problem
from minutes.files import output_problem, remove_unfinished, write_atomic
from minutes.i18n import _, set_language
from minutes.load import loads, read_source
from minutes.manifest import input_digest
from minutes.signals import HELD_SIGNALS

_renderer: Renderer | None = None
_settled = False


def init_worker(lang: str) -> None:
    """Runs once in each worker: ignore Ctrl-C and SIGTERM (the parent decides when to stop,
    and a worker killed mid-write would leave a temporary file), exit with the parent, speak
    the parent's language, warm up."""
    for number in HELD_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # blocked at spawn (see minutes.signals); now ignored
        signal.pthread_sigmask(signal.SIG_UNBLOCK, set(HELD_SIGNALS))
    exit_with_parent()
    set_language(lang)
    global _renderer
    _renderer = Renderer()


def exit_with_parent() -> None:
    """Leave as soon as the parent process is gone. A pool's worker waits for work on a queue
    that it holds both ends of, so it would never notice on its own: after ``kill -9`` of the
    command, the workers (about 100 MB each) and the resource tracker would run on forever.
    The worker ends itself as the parent's death would have ended it (SIGKILL; SIGTERM, which
    is TerminateProcess, on Windows): it has nothing to save, and first removes the temporary
    file of an output it is writing (:func:`~minutes.files.remove_unfinished`)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        remove_unfinished()
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))

    threading.Thread(target=watch, name="minutes-exit-with-parent", daemon=True).start()


def render_task(task: Task, variant: str | None) -> Outcome:
    """Load, render every stale output in memory, then write them (so a failure in the second
    format never leaves a fresh first one beside a stale second one). The text is hashed
    again here: what is recorded is what was rendered."""
    started = time.perf_counter()
    renderer = _renderer or Renderer()
    try:
        text = read_source(task.source)
        sha256 = input_digest(task.source, text)
        meeting = loads(text, str(task.source))
        made = renderer.render_all(meeting, [format_of(output) for output in task.stale], variant)
        rendered = [(output, made[format_of(output)]) for output in task.stale]
    except InputError as error:
        return failed(task.source, error.problems, time.perf_counter() - started)
    except Exception as error:  # a bug: reported for this file, the batch goes on
        return failed(task.source, [internal_problem(task, error)], time.perf_counter() - started)
    global _settled
    if not _settled:  # the first file warmed the renderer up
        _settled = True
        settle_after_warm_up()
    for output, data in rendered:
        try:
            write_atomic(output, data)
        except OSError as error:  # the output folder: full, read-only, gone
            problem = output_problem(error, output, str(task.source))
            return failed(task.source, [problem], time.perf_counter() - started)
    return Outcome(
        task.source, "done", task.outputs, seconds=time.perf_counter() - started, sha256=sha256
    )


def internal_problem(task: Task, error: BaseException) -> Problem:
    message = _("Internal error ({kind}): {detail}. Please report it with the input file.")
    return Problem(message.format(kind=type(error).__name__, detail=error), file=str(task.source))


def format_of(output: Path) -> Format:
    return "pdf" if output.suffix == ".pdf" else "docx"


Worker = Callable[[Task, str | None], Outcome]
"""The function a worker runs for each task (replaceable, for tests of crashes)."""
