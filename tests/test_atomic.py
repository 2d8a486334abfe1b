"""Files written by minutes/atomic.py: whole or not at all, and a process that ends itself
mid-write removes its temporary file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from minutes import atomic
from minutes.atomic import TEMPORARY_SUFFIX, remove_unfinished, temporary_prefix, write_atomic


def _unfinished_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMPORARY_SUFFIX))


def test_a_written_file_is_whole_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "bien-ban.pdf"
    write_atomic(target, b"%PDF-1.7 ...")
    assert target.read_bytes() == b"%PDF-1.7 ..."
    assert _unfinished_in(tmp_path) == []
    assert atomic._unfinished == set()


def test_remove_unfinished_takes_away_what_is_being_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The moment a batch worker learns its command was killed: another thread is writing."""
    writing, ended = threading.Event(), threading.Event()
    real_fsync = atomic.os.fsync

    def slow_fsync(descriptor: int) -> None:
        writing.set()
        ended.wait(10)
        real_fsync(descriptor)

    monkeypatch.setattr(atomic.os, "fsync", slow_fsync)
    target = tmp_path / "bien-ban.docx"
    failures: list[BaseException] = []

    def write() -> None:
        try:
            write_atomic(target, b"PK...")
        except OSError as error:  # its temporary file was taken away before the rename
            failures.append(error)

    thread = threading.Thread(target=write)
    thread.start()
    assert writing.wait(10)
    assert [
        name.startswith(temporary_prefix(target.name)) for name in _unfinished_in(tmp_path)
    ] == [True]
    remove_unfinished()
    assert _unfinished_in(tmp_path) == []
    ended.set()
    thread.join(10)
    assert not target.exists() and len(failures) == 1  # no output, no half of one
    assert _unfinished_in(tmp_path) == []
