"""Ctrl-C, at any moment of a command: "Đã dừng theo yêu cầu.", exit code 130, no traceback, no
file. Also when a library swallowed the interrupt or made an error of it
(:mod:`minutes.cli.interrupts`), and while the command line is still being imported
(:func:`minutes.cli.command`)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import (
    EXAMPLES,
    ROOT,
    default_language,  # noqa: F401  (an autouse fixture)
    process_env,
    run_main,
    started_as_in_a_terminal,
)
from conftest import FLAGSHIP

from minutes.cli import EXIT_INTERRUPTED, interrupts, render

STOPPED = "Đã dừng theo yêu cầu.\n"


@pytest.fixture
def listening() -> Iterator[None]:
    """The program's handler installed in this process, as :func:`minutes.cli.command` does, and
    this process's own handling given back afterwards."""
    previous = signal.getsignal(signal.SIGINT)
    interrupts.listen_for_interrupts()
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        interrupts._pressed = False


def _ctrl_c() -> None:
    """Ctrl-C pressed now: the handler raises :class:`KeyboardInterrupt` in the sleep."""
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(1)


def _ctrl_c_swallowed() -> None:
    """Ctrl-C pressed while a library runs that lets no exception through."""
    with contextlib.suppress(KeyboardInterrupt):
        _ctrl_c()


@pytest.mark.parametrize("delay", [0.2, 0.35, 0.5])
def test_ctrl_c_while_the_command_imports_is_a_clean_stop(tmp_path: Path, delay: float) -> None:
    """The first half second of a cold ``minutes render`` is imports: the validators built by
    pydantic-core, which turns a Ctrl-C into a ``SchemaError``, or loses it."""
    out = tmp_path / "out"
    process = started_as_in_a_terminal("render", FLAGSHIP, "-o", out)
    time.sleep(delay)
    if process.poll() is not None:  # a machine fast enough to be done already
        process.communicate()
        pytest.skip(f"the render was over in {delay} s")
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert stderr == STOPPED
    assert stdout == ""
    # 130, or the same as the shell sees it: CPython ends by SIGINT itself when the Ctrl-C came
    # inside code run by exec() (a dataclass being made), even though it was handled
    assert process.returncode in (EXIT_INTERRUPTED, -signal.SIGINT)
    assert not out.exists() or not list(out.iterdir())


def test_a_ctrl_c_a_library_swallowed_still_stops_before_any_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    listening: None,
) -> None:
    checked = render._check_names

    def check_names_while_ctrl_c_is_swallowed(source: Path, targets: list[Path]) -> None:
        _ctrl_c_swallowed()
        checked(source, targets)

    monkeypatch.setattr(render, "_check_names", check_names_while_ctrl_c_is_swallowed)
    run = run_main(capsys, "render", FLAGSHIP, "-o", tmp_path)
    assert (run.code, run.out, run.err) == (EXIT_INTERRUPTED, "", STOPPED)
    assert list(tmp_path.iterdir()) == []


def test_an_error_a_library_made_of_ctrl_c_is_said_as_the_interrupt(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    listening: None,
) -> None:
    def schema_error(source: Path, targets: list[Path]) -> None:
        try:
            _ctrl_c()
        except KeyboardInterrupt as interrupt:  # what pydantic-core does while it builds
            raise RuntimeError("SchemaError: KeyboardInterrupt") from interrupt

    monkeypatch.setattr(render, "_check_names", schema_error)
    run = run_main(capsys, "render", FLAGSHIP, "-o", tmp_path)
    assert (run.code, run.err) == (EXIT_INTERRUPTED, STOPPED)


def test_without_a_ctrl_c_the_same_error_is_a_bug_report(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    listening: None,
) -> None:
    def broken(source: Path, targets: list[Path]) -> None:
        raise RuntimeError("a real bug")

    monkeypatch.setattr(render, "_check_names", broken)
    run = run_main(capsys, "render", EXAMPLES[0], "-o", tmp_path)
    assert run.code == 3
    assert "Lỗi nội bộ (RuntimeError): a real bug" in run.err


def test_the_program_leaves_the_collector_frozen_and_keeps_its_exit_codes() -> None:
    """:func:`minutes.cli.command` freezes the heap before the interpreter's last walk over it
    (0.15–0.2 s of a cold render); the exit code is still the command's."""
    program = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0))\n"
        "sys.argv = ['minutes', *sys.argv[1:]]\n"
        "from minutes.cli import command\n"
        "command()\n"
    )
    for args, code in ((["--version"], 0), (["--no-such-option"], 2)):
        done = subprocess.run(
            [sys.executable, "-c", program, *args],
            capture_output=True,
            text=True,
            env=process_env(),
            cwd=ROOT,
            timeout=60,
        )
        assert done.returncode == code, done.stderr
        assert done.stdout.endswith("frozen True\n")
        assert "Traceback" not in done.stderr
