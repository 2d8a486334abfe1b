"""Helpers for the CLI tests: run the real entry point, in-process or as a subprocess, in a known
language, on small meeting files made from ``tests/data``."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import with_impossible_date

from minutes.cli import main
from minutes.i18n import set_language

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
DATA = TESTS / "data"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
MINIMAL_STATE = DATA / "minimal-state.yaml"
MINIMAL_PARTY = DATA / "minimal-party.yaml"
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "MINUTES_LANG")


@pytest.fixture(autouse=True)
def default_language(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every CLI test starts from a neutral environment (Vietnamese, the default), whatever the
    developer's own ``LANG``, and leaves no chosen language behind."""
    for variable in LANGUAGE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "400")  # tables as wide as a log: no cell is broken over lines
    set_language(None)
    yield
    set_language(None)


@dataclass
class Run:
    """What a run of the command printed, and how it ended."""

    code: int
    out: str
    err: str


def run_main(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Run:
    """``minutes ARGS`` through :func:`minutes.cli.main`, in this process."""
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def run_process(*args: str | Path, lang: str = "C.UTF-8", timeout: float = 300) -> Run:
    """``python -m minutes ARGS`` in a fresh process, with ``LANG=lang``."""
    done = subprocess.run(
        [sys.executable, "-m", "minutes", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=process_env(lang),
        cwd=ROOT,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def process_env(lang: str = "C.UTF-8") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in LANGUAGE_VARIABLES}
    env["LANG"] = lang
    env.pop("MINUTES_DEBUG", None)
    return env


def ctrl_c_as_in_a_terminal() -> None:
    """For ``preexec_fn``: the command gets Ctrl-C as a terminal gives it, whatever this test run
    inherited: a run started as a background job of a script (``./dev test &``) ignores SIGINT,
    and so would the command (an ignored signal stays ignored across ``exec``, as ``nohup``
    relies on)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def started_as_in_a_terminal(*args: str | Path) -> subprocess.Popen[str]:
    """``python -m minutes ARGS`` started in a fresh process that gets Ctrl-C as a terminal
    gives it (:func:`ctrl_c_as_in_a_terminal`), its output and errors read as text."""
    return subprocess.Popen(
        [sys.executable, "-m", "minutes", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=process_env(),
        cwd=ROOT,
        preexec_fn=ctrl_c_as_in_a_terminal,
    )


def copy_meetings(folder: Path, names: dict[str, Path]) -> dict[str, Path]:
    """Copy ``{new name: source}`` into ``folder`` (created); returns the new paths."""
    folder.mkdir(parents=True, exist_ok=True)
    result = {}
    for name, source in names.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        result[name] = target
    return result


def broken_copy(source: Path, target: Path) -> Path:
    """A copy of ``source`` with a misspelt field (``secetary``) and an impossible date."""
    text = with_impossible_date(source.read_text(encoding="utf-8"))
    text = text.replace("secretary:", "secetary:", 1)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def line_of(path: Path, fragment: str) -> int:
    """The 1-based number of the first line of ``path`` containing ``fragment``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in {path}")
