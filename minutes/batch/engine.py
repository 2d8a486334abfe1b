"""The parent side of a batch: the pool of workers, the files in flight, crashes survived, the
manifest saved as work completes, and no temporary file left behind (see :mod:`minutes.batch`
for why it is built so)."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import time
from collections import deque
from collections.abc import Generator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from minutes.batch.plan import Options, Outcome, Task, default_jobs, failed, make_plan
from minutes.batch.worker import Worker, init_worker, internal_problem, render_task
from minutes.errors import Problem
from minutes.files import TEMPORARY_SUFFIX, os_reason, temporary_prefix
from minutes.i18n import _, current_language
from minutes.manifest import MANIFEST_NAME, SAVE_EVERY_S, Manifest, fingerprint
from minutes.signals import signals_held

IN_FLIGHT_PER_WORKER = 2
MAX_CONSECUTIVE_CRASHES = 3
"""After this many files crash their worker one after the other, the rest are not tried: the
fault is in the installation, not in the files."""


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
        self._sweep()  # what a run killed outright (kill -9, a power cut) left
        jobs = max(1, min(self.options.jobs or default_jobs(), len(self.plan.tasks)))
        queue = deque(self.plan.tasks)
        suspects: deque[Task] = deque()
        crashes = 0
        executor: cf.ProcessPoolExecutor | None = None
        try:
            while queue or suspects or self._in_flight:
                if crashes >= MAX_CONSECUTIVE_CRASHES:
                    for task in (*suspects, *queue):
                        yield failed(task.source, [self._crash_problem(task)])
                    return
                if executor is None:
                    executor = self._executor(jobs)
                with signals_held():
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
                        outcome = failed(task.source, [self._crash_problem(task)])
                    except Exception as error:  # the worker function itself failed: a bug
                        outcome = failed(task.source, [internal_problem(task, error)])
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
            initializer=init_worker,
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
        """Remove temporary files a killed worker or run may have left for our outputs."""
        folder = self.options.out_dir
        if not folder.is_dir():
            return
        prefixes = tuple(temporary_prefix(o.name) for task in self.plan.tasks for o in task.stale)
        if not prefixes:
            return
        prefixes += (temporary_prefix(MANIFEST_NAME),)  # a command killed while saving it
        for leftover in folder.glob(f".*{TEMPORARY_SUFFIX}"):
            if leftover.name.startswith(prefixes):  # ".<name>.<random>.part"
                leftover.unlink(missing_ok=True)
