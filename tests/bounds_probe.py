"""The process of ``test_fuzz_bounds.py`` that handles one hostile file at a time and says what it
cost (kept apart from the test module, so that the process imports only ``minutes``)."""

from __future__ import annotations

import multiprocessing.connection
import resource
import time
from pathlib import Path
from typing import Any


def _peak_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM")


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # the peak becomes the current size


def _handle(raw: bytes, pdf: bool) -> str:
    """What a user's command does with the file: read it, validate it (expressions included),
    and render it if it is valid. Returns the outcome."""
    import minutes
    from minutes.load import decode
    from minutes.validate import validate_text

    try:
        text = decode(raw, "fuzz.yaml")
    except minutes.InputError as error:
        return _refused(error.problems)
    problems = validate_text(text, "fuzz.yaml")
    if problems:
        return _refused(problems)
    try:
        meeting = minutes.loads(text, "fuzz.yaml")
        minutes.render_docx(meeting)
        if pdf:
            minutes.render_pdf(meeting)
    except minutes.InputError as error:
        return _refused(error.problems)
    return "rendered"


def _refused(problems: list[Any]) -> str:
    longest = max((len(str(p)) for p in problems), default=0)
    if longest > 2000:
        return f"a message of {longest} characters"
    return f"refused ({len(problems)} problems)"


def probe_main(
    connection: multiprocessing.connection.Connection, address_space: int, base: str
) -> None:
    """The probe process: handles each file sent, replies (outcome, peak MB, CPU s, wall s)."""
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    from minutes.i18n import set_language

    set_language("en")
    _handle(base.encode("utf-8"), pdf=True)  # warm: imports, fonts, the template
    while True:
        message = connection.recv()
        if message is None:
            return
        raw, pdf = message
        _reset_peak()
        started_cpu, started = time.process_time(), time.perf_counter()
        try:
            outcome = _handle(raw, pdf)
        except MemoryError:
            outcome = "MemoryError"
        except Exception as error:  # anything but a MinutesError is a failure
            outcome = f"{type(error).__name__}: {str(error)[:300]}"
        connection.send(
            (
                outcome,
                _peak_kb() / 1024,
                time.process_time() - started_cpu,
                time.perf_counter() - started,
            )
        )
