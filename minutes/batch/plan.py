"""The plan of a batch: which inputs there are, what each becomes, and which outputs are already
up to date (the manifest says so) or cannot be written (two inputs, one output name; a name the
disk cannot take). Everything decided here is decided before any worker starts."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from minutes.api import Format
from minutes.errors import InputError, Problem
from minutes.files import too_long_name
from minutes.i18n import _
from minutes.inputs import find_inputs
from minutes.load import read_source
from minutes.manifest import Manifest, fingerprint, input_digest

Status = Literal["done", "skipped", "failed"]


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


def failed(source: Path, problems: Sequence[Problem], seconds: float = 0.0) -> Outcome:
    return Outcome(source, "failed", problems=tuple(problems), seconds=seconds)


def make_plan(names: Sequence[str | Path], options: Options, manifest: Manifest) -> Plan:
    """Find the inputs, read and hash each (unreadable ones fail here), detect output-name
    collisions, and decide which outputs are already up to date."""
    found = find_inputs(names, exclude=[options.out_dir, *options.exclude])
    plan = Plan(settled=[failed(Path(p.file or "?"), [p]) for p in found.problems])
    plan.inputs = [outcome.source for outcome in plan.settled] + list(found.files)
    claimed: dict[str, Path] = {}  # output name (case-folded, for Windows/macOS) → its input
    for source in found.files:
        outputs = output_paths(source, options)
        keys = [output.name.casefold() for output in outputs]
        other = next((claimed[key] for key in keys if key in claimed), None)
        if other is not None:
            plan.settled.append(failed(source, [_collision(source, other, outputs[0])]))
            continue
        claimed.update(dict.fromkeys(keys, source))
        too_long = next((p for p in map(too_long_name, outputs) if p is not None), None)
        if too_long is not None:
            plan.settled.append(failed(source, [replace(too_long, file=str(source))]))
            continue
        try:
            sha256 = input_digest(source, read_source(source))
        except InputError as error:
            plan.settled.append(failed(source, error.problems))
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
