"""``minutes render`` when the machine says no: a full disk, a folder that cannot be written or
made, ``-o`` naming a file, an output name too long for the disk. Each is a clear message in
Vietnamese that names the output and what to do, exit code 1 (2 for a usage error), never
"internal error", and never a half-written file or a temporary name."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_support import (
    MINIMAL_STATE,
    default_language,  # noqa: F401  (an autouse fixture)
    run_main,
)

import minutes.api
import minutes.files
from minutes.files import TEMPORARY_SUFFIX


def no_stray_files(folder: Path) -> bool:
    return not [p for p in folder.glob("*") if p.name.endswith(TEMPORARY_SUFFIX)]


def test_a_full_disk_is_a_clear_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = minutes.files.write_atomic

    def full_for_docx(path: Path, data: bytes) -> None:
        if path.suffix == ".docx":
            raise OSError(errno.ENOSPC, "No space left on device", f"{path}.x1y2.part")
        real(path, data)

    monkeypatch.setattr(minutes.files, "write_atomic", full_for_docx)
    run = run_main(capsys, "render", MINIMAL_STATE, "-o", tmp_path)
    assert run.code == 1
    expected = tmp_path / f"{MINIMAL_STATE.stem}.docx"
    assert f"Không ghi được {expected}: ổ đĩa đã đầy." in run.err
    assert "hãy giải phóng bớt dung lượng" in run.err
    for unwanted in ("Lỗi nội bộ", "Errno", ".part", "Traceback"):
        assert unwanted not in run.err
    assert (tmp_path / f"{MINIMAL_STATE.stem}.pdf").is_file()  # the other one was written


@contextlib.contextmanager
def mounted(folder: Path, options: str) -> Iterator[None]:
    """A tmpfs at ``folder`` (root only; the test is skipped where mounting is not allowed)."""
    if not shutil.which("mount") or os.geteuid() != 0:
        pytest.skip("needs root to mount a small file system")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"mounting is not allowed here: {done.stderr.decode(errors='replace')}")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.mark.skipif(sys.platform != "linux", reason="a tmpfs")
def test_a_really_full_disk(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "nho"
    with mounted(folder, "size=16k"):
        run = run_main(capsys, "render", MINIMAL_STATE, "-o", folder)
        assert run.code == 1
        assert "ổ đĩa đã đầy" in run.err and "Lỗi nội bộ" not in run.err
        assert no_stray_files(folder)


@pytest.mark.skipif(sys.platform != "linux", reason="a read-only tmpfs, or permissions")
def test_a_folder_that_cannot_be_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "chi-doc"
    if os.geteuid() != 0:
        folder.mkdir()
        folder.chmod(0o555)
        reason = "bạn không có quyền ghi vào đó"
        context: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
    else:
        reason = "ổ đĩa hoặc thư mục chỉ cho phép đọc"
        context = mounted(folder, "ro,size=64k")
    with context:
        run = run_main(capsys, "render", MINIMAL_STATE, "-o", folder)
    assert run.code == 1
    assert reason in run.err
    assert f"Không ghi được {folder / MINIMAL_STATE.stem}.pdf" in run.err
    assert "Lỗi nội bộ" not in run.err


@pytest.mark.skipif(sys.platform != "linux", reason="/proc takes no new folder")
def test_a_folder_that_cannot_be_made(capsys: pytest.CaptureFixture[str]) -> None:
    run = run_main(capsys, "render", MINIMAL_STATE, "-o", "/proc/khong/co")
    assert run.code == 1
    assert "thư mục không tồn tại và không tạo được" in run.err
    assert "Lỗi nội bộ" not in run.err


def test_output_naming_a_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a_file = tmp_path / "ket-qua.pdf"
    a_file.write_bytes(b"")
    run = run_main(capsys, "render", MINIMAL_STATE, "-o", a_file)
    assert run.code == 2
    assert "là một tệp, không phải thư mục" in run.err
    assert "Lỗi nội bộ" not in run.err


def test_an_output_name_too_long_is_refused_before_anything_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / ("d" * 251 + ".yml")  # fits; its DOCX (251 + ".docx") does not
    try:
        source.write_bytes(MINIMAL_STATE.read_bytes())
    except OSError:
        pytest.skip("this file system takes no such name at all")
    out = tmp_path / "out"
    run = run_main(capsys, "render", source, "-o", out)
    assert run.code == 1
    assert "quá dài (256 byte; ổ đĩa chỉ nhận 255)" in run.err
    assert "hãy đặt tên ngắn hơn cho tệp dữ liệu" in run.err
    assert not out.exists() or not list(out.iterdir())  # not even the PDF, which would fit


def test_an_os_error_no_command_expected_is_still_a_clear_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(minutes.files, "write_atomic", refuse)
    run = run_main(capsys, "schema", "-o", tmp_path / "schema.json")
    assert run.code == 1
    assert "bạn không có quyền ghi vào đó" in run.err and "schema.json" in run.err
    assert "Lỗi nội bộ" not in run.err
