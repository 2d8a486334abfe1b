"""The batch engine: many meeting files → PDF/DOCX in one folder, in parallel, incrementally.

No printing here (the CLI prints): a :class:`Batch` is planned from the names the user gave and
then iterated; each input comes back once as an :class:`Outcome` (done, skipped or failed), in
the order the work finishes, so a caller can draw progress and a summary.

Why it is built this way:

* **Processes, not threads.** WeasyPrint's layout is not thread-safe, and rendering is CPU work.
  Each worker process builds one :class:`~minutes.api.Renderer` in its initializer and keeps it
  warm (template parsed, fonts and stylesheets loaded) for every file it gets. Workers are
  *spawned*, not forked: forking a process that runs a progress thread can deadlock, and spawn
  behaves the same on Linux, macOS and Windows.
* **One bad file never stops the others.** Every error in a worker becomes a failed outcome. A
  worker that dies (a crash in a C library, the out-of-memory killer) breaks the pool; the files
  it may have been holding are retried one at a time in a fresh pool, so only the culprit fails.
* **Never a half-written file.** Workers write with :func:`~minutes.files.write_atomic`
  (temporary name, then rename) and ignore SIGINT and SIGTERM, so Ctrl-C (or a ``kill``, which
  the command turns into the same clean stop) lets each finish the file in hand, queued files
  are cancelled, and any stray temporary file is swept up. An output name the disk cannot take
  is refused before anything is written.
* **No orphans.** Each worker watches its parent and exits the moment the parent is gone
  (``kill -9``, a crash), instead of waiting forever for work that will never come.
* **Incremental, and the record is never lost.** An output whose input and fingerprint match
  the manifest is skipped (see :mod:`minutes.manifest`); two inputs that would write the same
  output are reported instead of overwriting each other. The manifest is saved as work
  completes (every :data:`~minutes.manifest.SAVE_EVERY_S` seconds and at the end); a manifest
  that cannot be saved is a problem in the report (:attr:`Batch.problems`), not a crash. What
  is recorded is the hash of the text the worker actually rendered, so a file edited during the
  run is seen as changed next time.
* **Bounded memory.** At most two files per worker are in flight, and outcomes are handed on as
  they arrive, so memory does not grow with the number of files.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from minutes.api import Format, Renderer
from minutes.errors import InputError, Problem
from minutes.files import (
    TEMPORARY_SUFFIX,
    os_reason,
    output_problem,
    temporary_prefix,
    too_long_name,
    write_atomic,
)
from minutes.i18n import _, current_language, set_language
from minutes.inputs import find_inputs
from minutes.load import loads, read_source
from minutes.manifest import SAVE_EVERY_S, Manifest, digest, fingerprint

Status = Literal["done", "skipped", "failed"]
IN_FLIGHT_PER_WORKER = 2
MAX_CONSECUTIVE_CRASHES = 3
"""After this many files crash their worker one after the other, the rest are not tried: the
fault is in the installation, not in the files."""


@dataclass(frozen=True)
class Options:
    """What to make and where."""

    out_dir: Path
    formats: tuple[Format, ...] = ("pdf", "docx")
    jobs: int | None = None  # worker processes; None: one per core
    force: bool = False  # redo outputs even when they are up to date
    variant: str | None = None  # PDF variant, e.g. "pdf/a-2b"
    exclude: tuple[Path, ...] = ()  # never inputs, though found in a folder (the JSON report)


@dataclass(frozen=True)
class Task:
    """One input to render: ``outputs`` are all its files, ``stale`` those to (re)write."""

    source: Path
    outputs: tuple[Path, ...]
    stale: tuple[Path, ...]
    sha256: str


@dataclass(frozen=True)
class Outcome:
    """What became of one input."""

    source: Path
    status: Status
    outputs: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()
    seconds: float = 0.0
    sha256: str | None = None
    """Of the text that was rendered (read again by the worker: it may differ from the text
    hashed when the batch was planned, if the file was edited meanwhile)."""


@dataclass
class Plan:
    """Inputs whose fate is known before rendering (``settled``) and those to render."""

    settled: list[Outcome] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    inputs: list[Path] = field(default_factory=list)  # every input, in the order found

    @property
    def total(self) -> int:
        """The number of inputs."""
        return len(self.settled) + len(self.tasks)


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def output_paths(source: Path, options: Options) -> tuple[Path, ...]:
    """The files ``source`` becomes: ``OUTDIR/<name>.pdf`` and/or ``.docx``."""
    return tuple(options.out_dir / f"{source.stem}.{fmt}" for fmt in options.formats)


def _failed(source: Path, problems: Sequence[Problem], seconds: float = 0.0) -> Outcome:
    return Outcome(source, "failed", problems=tuple(problems), seconds=seconds)


def make_plan(names: Sequence[str | Path], options: Options, manifest: Manifest) -> Plan:
    """Find the inputs, read and hash each (unreadable ones fail here), detect output-name
    collisions, and decide which outputs are already up to date."""
    found = find_inputs(names, exclude=[options.out_dir, *options.exclude])
    plan = Plan(settled=[_failed(Path(p.file or "?"), [p]) for p in found.problems])
    plan.inputs = [outcome.source for outcome in plan.settled] + list(found.files)
    claimed: dict[str, Path] = {}  # output name (case-folded, for Windows/macOS) → its input
    for source in found.files:
        outputs = output_paths(source, options)
        keys = [output.name.casefold() for output in outputs]
        other = next((claimed[key] for key in keys if key in claimed), None)
        if other is not None:
            plan.settled.append(_failed(source, [_collision(source, other, outputs[0])]))
            continue
        claimed.update(dict.fromkeys(keys, source))
        too_long = next((p for p in map(too_long_name, outputs) if p is not None), None)
        if too_long is not None:
            plan.settled.append(_failed(source, [replace(too_long, file=str(source))]))
            continue
        try:
            sha256 = digest(read_source(source).encode("utf-8"))
        except InputError as error:
            plan.settled.append(_failed(source, error.problems))
            continue
        stale = tuple(
            output
            for output in outputs
            if options.force
            or not manifest.is_current(
                output, source, sha256, fingerprint(output.suffix[1:], options.variant)
            )
        )
        if stale:
            plan.tasks.append(Task(source, outputs, stale, sha256))
        else:
            plan.settled.append(Outcome(source, "skipped", outputs=outputs))
    return plan


def _collision(source: Path, other: Path, output: Path) -> Problem:
    message = _(
        "Another input, {other}, writes the same output file {name}; this one was not converted."
    )
    return Problem(
        message.format(other=other, name=output.name),
        file=str(source),
        hint=_("rename one of the two files"),
    )


# -- the worker side ------------------------------------------------------------------------------

_renderer: Renderer | None = None


def _init_worker(lang: str) -> None:
    """Runs once in each worker: ignore Ctrl-C and SIGTERM (the parent decides when to stop,
    and a worker killed mid-write would leave a temporary file), exit with the parent, speak
    the parent's language, warm up."""
    for number in _HELD_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # blocked at spawn (see _signals_held); now ignored
        signal.pthread_sigmask(signal.SIG_UNBLOCK, set(_HELD_SIGNALS))
    exit_with_parent()
    set_language(lang)
    global _renderer
    _renderer = Renderer()


def exit_with_parent() -> None:
    """Leave as soon as the parent process is gone. A pool's worker waits for work on a queue
    that it holds both ends of, so it would never notice on its own: after ``kill -9`` of the
    command, the workers (about 100 MB each) and the resource tracker would run on forever.
    The worker ends itself as the parent's death would have ended it (SIGKILL; SIGTERM, which
    is TerminateProcess, on Windows): it has nothing to save."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
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
        sha256 = digest(text.encode("utf-8"))
        meeting = loads(text, str(task.source))
        rendered = [
            (output, renderer.render(meeting, _format_of(output), variant=variant))
            for output in task.stale
        ]
    except InputError as error:
        return _failed(task.source, error.problems, time.perf_counter() - started)
    except Exception as error:  # a bug: reported for this file, the batch goes on
        return _failed(task.source, [_internal_problem(task, error)], time.perf_counter() - started)
    for output, data in rendered:
        try:
            write_atomic(output, data)
        except OSError as error:  # the output folder: full, read-only, gone
            problem = output_problem(error, output, str(task.source))
            return _failed(task.source, [problem], time.perf_counter() - started)
    return Outcome(
        task.source, "done", task.outputs, seconds=time.perf_counter() - started, sha256=sha256
    )


def _internal_problem(task: Task, error: BaseException) -> Problem:
    message = _("Internal error ({kind}): {detail}. Please report it with the input file.")
    return Problem(message.format(kind=type(error).__name__, detail=error), file=str(task.source))


def _format_of(output: Path) -> Format:
    return "pdf" if output.suffix == ".pdf" else "docx"


Worker = Callable[[Task, str | None], Outcome]
"""The function a worker runs for each task (replaceable, for tests of crashes)."""


# -- the parent side ------------------------------------------------------------------------------


_HELD_SIGNALS = tuple(
    number for number in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if number is not None
)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C (and SIGTERM) back in this thread while work is submitted (submitting may
    spawn a worker).

    The signal mask survives ``fork`` and ``exec``, so a worker spawned now starts with the
    signals blocked, and cannot be killed with a traceback while it is still importing; its
    initializer then ignores them and unblocks them. A signal meanwhile is not lost: it stays
    pending here and is raised as soon as the block ends. (No signal masks on Windows: nothing
    to do.)
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, set(_HELD_SIGNALS))
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class Batch:
    """One batch conversion. Build it (it plans at once), then iterate :meth:`run`.

    Workers are spawned, so a script that runs a batch must guard its entry point with
    ``if __name__ == "__main__":`` (the rule of :mod:`multiprocessing`); the ``minutes`` command
    does.
    """

    def __init__(self, names: Sequence[str | Path], options: Options) -> None:
        self.options = options
        self.manifest = Manifest(options.out_dir)
        self.plan = make_plan(names, options, manifest=self.manifest)
        self._in_flight: dict[cf.Future[Outcome], tuple[Task, bool]] = {}
        self.late: list[Outcome] = []
        """Outcomes of files finished after the iteration was stopped early (Ctrl-C)."""
        self.problems: list[Problem] = []
        """Problems of no one input: the manifest could not be saved."""
        self._saved_at = time.monotonic()

    @property
    def total(self) -> int:
        """The number of inputs (the length of the iteration)."""
        return self.plan.total

    @property
    def in_hand(self) -> list[Path]:
        """The inputs being rendered now, oldest first."""
        return [task.source for task, _retry in self._in_flight.values()]

    def run(self, worker: Worker = render_task) -> Generator[Outcome, None, None]:
        """Yield one :class:`Outcome` per input. Closing the iterator early (Ctrl-C, ``break``)
        cancels what has not started, waits for what has, and leaves no partial file."""
        yield from self.plan.settled
        if not self.plan.tasks:
            return
        jobs = max(1, min(self.options.jobs or default_jobs(), len(self.plan.tasks)))
        queue = deque(self.plan.tasks)
        suspects: deque[Task] = deque()
        crashes = 0
        executor: cf.ProcessPoolExecutor | None = None
        try:
            while queue or suspects or self._in_flight:
                if crashes >= MAX_CONSECUTIVE_CRASHES:
                    for task in (*suspects, *queue):
                        yield _failed(task.source, [self._crash_problem(task)])
                    return
                if executor is None:
                    executor = self._executor(jobs)
                with _signals_held():
                    if suspects:  # after a crash: one at a time, to find the culprit
                        if not self._in_flight:
                            self._submit(executor, worker, suspects.popleft(), retry=True)
                    else:
                        while queue and len(self._in_flight) < jobs * IN_FLIGHT_PER_WORKER:
                            self._submit(executor, worker, queue.popleft(), retry=False)
                done, _pending = cf.wait(self._in_flight, return_when=cf.FIRST_COMPLETED)
                broken = False
                for future in [f for f in self._in_flight if f in done]:
                    task, retry = self._in_flight.pop(future)
                    try:
                        outcome = future.result()
                    except BrokenProcessPool:
                        broken = True
                        if not retry:
                            suspects.append(task)
                            continue
                        crashes += 1
                        outcome = _failed(task.source, [self._crash_problem(task)])
                    except Exception as error:  # the worker function itself failed: a bug
                        outcome = _failed(task.source, [_internal_problem(task, error)])
                    else:
                        crashes = 0
                        self._remember(task, outcome)
                    yield outcome
                self._save(final=False)
                if broken:
                    # the whole pool is gone: every file it held is a suspect
                    cf.wait(self._in_flight)
                    for task, _retry in self._in_flight.values():
                        suspects.append(task)
                    self._in_flight.clear()
                    executor.shutdown(wait=True)
                    executor = None
        finally:
            if executor is not None:
                executor.shutdown(wait=True, cancel_futures=True)
            self._harvest()
            self._sweep()
            self._save(final=True)

    def _save(self, final: bool) -> None:
        """Save the manifest, at most every :data:`SAVE_EVERY_S` seconds while the batch runs
        (so a killed batch keeps its record) and at the end. A manifest that cannot be written
        becomes one problem in :attr:`problems`: the outputs are complete, and the next run
        only converts them again."""
        if not self.manifest.unsaved:
            return
        if not final and time.monotonic() - self._saved_at < SAVE_EVERY_S:
            return
        try:
            self.manifest.save()
        except (OSError, ValueError) as error:
            if final:
                self.problems.append(self._manifest_problem(error))
            return
        finally:
            self._saved_at = time.monotonic()

    def _manifest_problem(self, error: OSError | ValueError) -> Problem:
        reason, hint = os_reason(error) if isinstance(error, OSError) else (str(error), None)
        return Problem(
            _(
                "Cannot save the record of what was converted: {reason}. The files were "
                "written; the next run will convert them again."
            ).format(reason=reason),
            file=str(self.manifest.path),
            hint=hint,
        )

    def _harvest(self) -> None:
        """After an early stop, keep the files the workers finished anyway (they are complete:
        written atomically) as :attr:`late` outcomes, and in the manifest."""
        for future, (task, _retry) in self._in_flight.items():
            if future.done() and not future.cancelled() and future.exception() is None:
                outcome = future.result()
                self._remember(task, outcome)
                self.late.append(outcome)
        self._in_flight.clear()

    def _executor(self, jobs: int) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(current_language(),),
        )

    def _submit(
        self, executor: cf.ProcessPoolExecutor, worker: Worker, task: Task, *, retry: bool
    ) -> None:
        future = executor.submit(worker, task, self.options.variant)
        self._in_flight[future] = (task, retry)

    def _remember(self, task: Task, outcome: Outcome) -> None:
        if outcome.status != "done":
            return
        for output in task.stale:
            self.manifest.record(
                output,
                task.source,
                outcome.sha256 or task.sha256,
                fingerprint(output.suffix[1:], self.options.variant),
            )

    @staticmethod
    def _crash_problem(task: Task) -> Problem:
        return Problem(
            _("The worker process stopped while rendering this file (out of memory?)."),
            file=str(task.source),
        )

    def _sweep(self) -> None:
        """Remove temporary files a killed worker may have left for our outputs."""
        folder = self.options.out_dir
        if not folder.is_dir():
            return
        prefixes = tuple(temporary_prefix(o.name) for task in self.plan.tasks for o in task.stale)
        if not prefixes:
            return
        for leftover in folder.glob(f".*{TEMPORARY_SUFFIX}"):
            if leftover.name.startswith(prefixes):  # ".<name>.<random>.part"
                leftover.unlink(missing_ok=True)
