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

from minutes.batch.engine import Batch
from minutes.batch.plan import Options, Outcome, Plan, Status, Task, default_jobs, make_plan
from minutes.batch.worker import exit_with_parent, render_task

__all__ = [
    "Batch",
    "Options",
    "Outcome",
    "Plan",
    "Status",
    "Task",
    "default_jobs",
    "exit_with_parent",
    "make_plan",
    "render_task",
]
