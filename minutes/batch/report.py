"""The record of one batch run as JSON (``minutes batch --report``), for the office's own tools
and for support.

It belongs to the library, not to the command, so a program that runs a :class:`Batch` itself
gets the same record: one entry per input, in the order the inputs were found, ``cancelled`` for
those an interruption left undone, then the counts and the problems of no one input.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from minutes import __version__
from minutes.batch.engine import Batch
from minutes.batch.plan import Outcome
from minutes.files import write_atomic

STATUSES = ("done", "skipped", "failed", "cancelled")
"""Every status an input can have in the record, in the order of its summary."""


def report_document(
    batch: Batch, outcomes: Sequence[Outcome], seconds: float, interrupted: bool
) -> dict[str, Any]:
    """The record as a JSON-ready dictionary."""
    by_source = {str(outcome.source): outcome for outcome in outcomes}
    entries: list[dict[str, Any]] = []
    for source in batch.plan.inputs:
        outcome = by_source.get(str(source))
        if outcome is None:
            entries.append({"input": str(source), "status": "cancelled", "outputs": []})
            continue
        entries.append(
            {
                "input": str(source),
                "status": outcome.status,
                "outputs": [str(path) for path in outcome.outputs],
                "error": "\n".join(str(problem) for problem in outcome.problems) or None,
                "problems": [problem.as_dict() for problem in outcome.problems],
                "seconds": round(outcome.seconds, 3),
            }
        )
    return {
        "tool": f"minutes {__version__}",
        "output": str(batch.options.out_dir),
        "formats": list(batch.options.formats),
        "interrupted": interrupted,
        "seconds": round(seconds, 3),
        "summary": {
            status: sum(1 for entry in entries if entry["status"] == status) for status in STATUSES
        },
        "inputs": entries,
        "problems": [problem.as_dict() for problem in batch.problems],
    }


def write_report(
    path: Path, batch: Batch, outcomes: Sequence[Outcome], seconds: float, interrupted: bool
) -> None:
    """Write the record to ``path`` atomically (an :class:`OSError` is the caller's to say)."""
    document = report_document(batch, outcomes, seconds, interrupted)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"  # a person reads it too
    write_atomic(path, text.encode("utf-8", "backslashreplace"))
