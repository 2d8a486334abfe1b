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


def _handle(raw: bytes) -> tuple[str, Any]:
    """What a user's command does with the file: read it, validate it (expressions included),
    and, if it is valid, make its DOCX. Returns the outcome, and the meeting if valid."""
    import minutes
    from minutes.load import decode
    from minutes.validate import validate_text

    try:
        text = decode(raw, "fuzz.yaml")
    except minutes.InputError as error:
        return _refused(error.problems), None
    problems = validate_text(text, "fuzz.yaml")
    if problems:
        return _refused(problems), None
    try:
        meeting = minutes.loads(text, "fuzz.yaml")
        minutes.render_docx(meeting)
    except minutes.InputError as error:
        return _refused(error.problems), None
    return "rendered", meeting


def _pdf(meeting: Any) -> str | None:
    """The PDF of a valid meeting; ``None`` when it is made, else what went wrong."""
    import minutes

    try:
        minutes.render_pdf(meeting)
    except minutes.InputError as error:
        return _refused(error.problems)
    return None


def _refused(problems: list[Any]) -> str:
    longest = max((len(str(p)) for p in problems), default=0)
    if longest > 2000:
        return f"a message of {longest} characters"
    return f"refused ({len(problems)} problems)"


def probe_main(
    connection: multiprocessing.connection.Connection, address_space: int, base: str
) -> None:
    """The probe process: handles each file sent and replies (outcome, peak MB, CPU seconds of
    reading, validating and the DOCX, wall seconds, CPU seconds of the PDF when asked for)."""
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    from minutes.i18n import set_language

    set_language("en")
    _outcome, warm = _handle(base.encode("utf-8"))  # imports, fonts, the template
    _pdf(warm)
    while True:
        try:
            message = connection.recv()
        except MemoryError:  # the file itself could not be received: say so, and go on
            connection.send(("MemoryError while receiving the file", _peak_kb() / 1024, 0, 0, 0))
            continue
        if message is None:
            return
        raw, pdf = message
        _reset_peak()
        started_cpu, started = time.process_time(), time.perf_counter()
        pdf_cpu = 0.0
        try:
            outcome, meeting = _handle(raw)
            cpu = time.process_time() - started_cpu
            if pdf and meeting is not None:
                before_pdf = time.process_time()
                outcome = _pdf(meeting) or outcome
                pdf_cpu = time.process_time() - before_pdf
        except MemoryError:
            outcome, cpu = "MemoryError", time.process_time() - started_cpu
        except Exception as error:  # anything but a MinutesError is a failure
            outcome = f"{type(error).__name__}: {str(error)[:300]}"
            cpu = time.process_time() - started_cpu
        connection.send((outcome, _peak_kb() / 1024, cpu, time.perf_counter() - started, pdf_cpu))
