"""The web app's worker processes (``minutes/web/work.py``): work runs in parallel, a job past its
deadline or whose client hung up is stopped (its worker killed and replaced), the deadline counts
the wait for a worker too, a crash or a bug in a job is one failed request, and no worker outlives
the app's process."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_support import busy_job, crash_job, failing_job, pid_job, sleep_job

from minutes.web.work import (
    Abandoned,
    Deadline,
    TooSlow,
    WorkerDied,
    WorkFailed,
    WorkPool,
    default_workers,
)

TESTS = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkPool]:
    workers = WorkPool(workers=2)
    workers.start()
    asyncio.run(ready(workers))
    yield workers
    workers.close()


async def ready(pool: WorkPool) -> set[int]:
    """The workers' process ids, once all of them are up and warm (a minute at most)."""
    deadline = time.monotonic() + 60
    while len(pool.pids()) < pool.workers and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    assert len(pool.pids()) == pool.workers, "the workers did not start"
    await pool.run(Deadline(60), pid_job)
    return set(pool.pids())


class HangsUp:
    """A request whose client disconnects after ``after`` seconds."""

    def __init__(self, after: float) -> None:
        self.after = after

    async def receive(self) -> dict[str, Any]:
        await asyncio.sleep(self.after)
        return {"type": "http.disconnect"}


def alive(pid: int) -> bool:
    """Whether the process runs (a zombie, ended but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    if sys.platform == "linux":
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        return state not in ("Z", "X")
    return True


def test_the_pool_is_sized_to_the_cores() -> None:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert default_workers() == max(1, min(8, cores or 1))
    assert WorkPool().workers == default_workers()


def test_jobs_run_in_parallel_in_other_processes(pool: WorkPool) -> None:
    """Two jobs that each hold a core (the GIL throughout) for 0.8 s of CPU: two processes.
    Measured as CPU time, not wall time, so a busy machine cannot fake it: each job's CPU is
    its own worker's, and the two workers are different processes."""

    async def both() -> list[int]:
        return await asyncio.gather(
            pool.run(Deadline(60), busy_job, 0.8), pool.run(Deadline(60), busy_job, 0.8)
        )

    started = time.process_time()
    pids = asyncio.run(both())
    assert len(set(pids)) == 2 and os.getpid() not in pids
    assert time.process_time() - started < 0.5, "the work ran in this process"


def test_a_job_past_its_deadline_is_stopped_and_its_worker_replaced(
    pool: WorkPool, tmp_path: Path
) -> None:
    marker = tmp_path / "started"
    replaced = pool.replaced
    started = time.monotonic()
    with pytest.raises(TooSlow):
        asyncio.run(pool.run(Deadline(1.0), sleep_job, 60, str(marker)))
    assert time.monotonic() - started < 3
    worker = int(marker.read_text())
    deadline = time.monotonic() + 5
    while alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(worker), "the worker still runs the job"
    assert pool.replaced == replaced + 1
    assert worker not in asyncio.run(ready(pool))  # a new worker took its place


def test_the_deadline_counts_the_wait_for_a_worker(pool: WorkPool, tmp_path: Path) -> None:
    """Both workers busy for 1.5 s; a request with 1 s in all is answered at 1 s and its job,
    still waiting for a worker, never starts."""
    marker = tmp_path / "never"

    async def scenario() -> tuple[float, BaseException | None]:
        busy = [asyncio.ensure_future(pool.run(Deadline(30), sleep_job, 1.5)) for _ in range(2)]
        await asyncio.sleep(0.2)
        started = time.monotonic()
        error: BaseException | None = None
        try:
            await pool.run(Deadline(1.0 - 0.0), sleep_job, 0.1, str(marker))
        except TooSlow as caught:
            error = caught
        took = time.monotonic() - started
        await asyncio.gather(*busy)
        return took, error

    took, error = asyncio.run(scenario())
    assert isinstance(error, TooSlow)
    assert 0.9 < took < 2.5  # about 1 s; the margin is for a busy machine
    time.sleep(0.3)
    assert not marker.exists()


def test_an_abandoned_job_waiting_for_a_worker_never_starts(pool: WorkPool, tmp_path: Path) -> None:
    marker = tmp_path / "never"

    async def scenario() -> BaseException | None:
        busy = [asyncio.ensure_future(pool.run(Deadline(30), sleep_job, 1.0)) for _ in range(2)]
        await asyncio.sleep(0.2)
        try:
            await pool.run(Deadline(30), sleep_job, 0.1, str(marker), request=HangsUp(0.2))
        except Abandoned as caught:
            return caught
        finally:
            await asyncio.gather(*busy)
        return None

    assert isinstance(asyncio.run(scenario()), Abandoned)
    time.sleep(0.3)
    assert not marker.exists()


def test_an_abandoned_running_job_is_stopped(pool: WorkPool, tmp_path: Path) -> None:
    marker = tmp_path / "started"
    with pytest.raises(Abandoned):
        asyncio.run(pool.run(Deadline(30), sleep_job, 60, str(marker), request=HangsUp(1.0)))
    worker = int(marker.read_text())
    deadline = time.monotonic() + 5
    while alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(worker)


def test_a_crashing_worker_fails_one_request_and_is_replaced(pool: WorkPool) -> None:
    before = asyncio.run(ready(pool))
    with pytest.raises(WorkerDied):
        asyncio.run(pool.run(Deadline(30), crash_job))
    after = asyncio.run(ready(pool))
    assert len(after) == 2 and len(after - before) == 1


def test_an_error_in_a_job_is_a_failure_of_that_job_only(
    pool: WorkPool, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(WorkFailed, match="RuntimeError"):
        asyncio.run(pool.run(Deadline(30), failing_job))
    assert "secret detail of the server 42" in caplog.text  # in the log, for the operator
    assert isinstance(asyncio.run(pool.run(Deadline(30), pid_job)), int)


_ORPHAN = textwrap.dedent(
    """
    import asyncio, os, sys
    sys.path.insert(0, {tests!r})
    from web_support import pid_job, sleep_job
    from minutes.web.work import Deadline, WorkPool

    pool = WorkPool(workers=2)

    async def main():
        pool.start()
        while len(pool.pids()) < 2:
            await asyncio.sleep(0.1)
        await pool.run(Deadline(120), sleep_job, 0.1)
        print(" ".join(map(str, pool.pids())), flush=True)
        os._exit(9)  # as kill -9 would: nothing is closed

    asyncio.run(main())
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="process ids checked through os.kill")
def test_no_worker_outlives_the_app_process() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _ORPHAN.format(tests=str(TESTS))],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pids = [int(word) for word in result.stdout.split()]
    assert len(pids) == 2, result.stderr
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in pids), "a worker outlived its parent"
