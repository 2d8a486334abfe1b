"""``minutes batch``: many files, in parallel, incrementally, and never a half-written file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from cli_support import (
    EXAMPLES,
    MINIMAL_PARTY,
    MINIMAL_STATE,
    ROOT,
    broken_copy,
    copy_meetings,
    default_language,  # noqa: F401  (an autouse fixture)
    line_of,
    process_env,
    run_main,
    run_process,
    started_as_in_a_terminal,
)

from minutes.batch import Batch, Options, Outcome, Task, render_task
from minutes.files import TEMPORARY_SUFFIX, temporary_prefix
from minutes.manifest import MANIFEST_NAME


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder of three small good meetings, one in a subfolder."""
    folder = tmp_path / "in"
    copy_meetings(
        folder,
        {
            "a-state.yaml": MINIMAL_STATE,
            "b-party.yaml": MINIMAL_PARTY,
            "thang-9/c-state.yaml": MINIMAL_STATE,
        },
    )
    return folder


def read_report(path: Path) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return report


def statuses(report: dict[str, Any]) -> dict[str, str]:
    return {Path(entry["input"]).name: entry["status"] for entry in report["inputs"]}


def assert_complete(path: Path) -> None:
    """A whole file: a PDF that ends with its trailer, or a DOCX that opens as a zip."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), path
    else:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, path
            assert "word/document.xml" in archive.namelist()


def test_converts_a_folder_recursively_with_a_report(
    capsys: pytest.CaptureFixture[str], inputs: Path, tmp_path: Path
) -> None:
    out, report = tmp_path / "out", tmp_path / "report.json"
    run = run_main(capsys, "batch", inputs, "-o", out, "-j", "2", "--report", report)
    assert run.code == 0, run.err
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [MANIFEST_NAME]
        + [f"{stem}.{ext}" for stem in ("a-state", "b-party", "c-state") for ext in ("pdf", "docx")]
    )
    for path in out.glob("*.*"):
        if path.suffix in (".pdf", ".docx"):
            assert_complete(path)
    assert "Kết quả" in run.out and "Đã xong" in run.out
    data = read_report(report)
    assert statuses(data) == {
        "a-state.yaml": "done",
        "b-party.yaml": "done",
        "c-state.yaml": "done",
    }
    assert data["summary"] == {"done": 3, "skipped": 0, "failed": 0, "cancelled": 0}
    for entry in data["inputs"]:
        assert entry["error"] is None and entry["problems"] == []
        assert len(entry["outputs"]) == 2 and all(Path(o).is_file() for o in entry["outputs"])
        assert entry["seconds"] > 0


def test_second_run_skips_what_is_up_to_date_and_force_redoes_it(
    capsys: pytest.CaptureFixture[str], inputs: Path, tmp_path: Path
) -> None:
    out, report = tmp_path / "out", tmp_path / "report.json"
    assert run_main(capsys, "batch", inputs, "-o", out, "-j", "2", "-f", "pdf").code == 0
    first = {p.name: p.stat().st_mtime_ns for p in out.glob("*.pdf")}

    run = run_main(capsys, "batch", inputs, "-o", out, "-j", "2", "-f", "pdf", "--report", report)
    assert run.code == 0
    assert set(statuses(read_report(report)).values()) == {"skipped"}
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.pdf")} == first

    # a changed input is redone, and only it
    changed = inputs / "b-party.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "# sửa\n", encoding="utf-8")
    run_main(capsys, "batch", inputs, "-o", out, "-j", "2", "-f", "pdf", "--report", report)
    assert statuses(read_report(report)) == {
        "a-state.yaml": "skipped",
        "b-party.yaml": "done",
        "c-state.yaml": "skipped",
    }
    # a new format is made for every input, the existing one is kept
    run_main(capsys, "batch", inputs, "-o", out, "-j", "2", "--report", report)
    assert set(statuses(read_report(report)).values()) == {"done"}
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("a-state.pdf")} == {
        "a-state.pdf": first["a-state.pdf"]
    }

    run = run_main(capsys, "batch", inputs, "-o", out, "-j", "2", "--force", "--report", report)
    assert run.code == 0
    assert set(statuses(read_report(report)).values()) == {"done"}
    assert out.joinpath("a-state.pdf").stat().st_mtime_ns != first["a-state.pdf"]


def test_a_bad_file_among_good_ones(
    capsys: pytest.CaptureFixture[str], inputs: Path, tmp_path: Path
) -> None:
    bad = broken_copy(MINIMAL_STATE, inputs / "hong.yaml")
    out, report = tmp_path / "out", tmp_path / "report.json"
    run = run_main(capsys, "batch", inputs, "-o", out, "-j", "2", "--report", report)
    assert run.code == 1
    assert len(list(out.glob("*.pdf"))) == 3 and not list(out.glob("hong.*"))
    # the summary names the file, the line and what to do
    typo_line = line_of(bad, "secetary:")
    assert f"hong.yaml:{typo_line}:1" in run.out
    assert "có phải ý bạn là `secretary`?" in run.out
    assert "Bị lỗi" in run.out
    data = read_report(report)
    assert data["summary"]["failed"] == 1 and data["summary"]["done"] == 3
    entry = next(e for e in data["inputs"] if e["input"].endswith("hong.yaml"))
    assert entry["status"] == "failed" and entry["outputs"] == []
    fields = {p["field"] for p in entry["problems"]}
    assert {"secetary", "secretary", "date"} <= fields
    assert all(p["line"] >= 1 for p in entry["problems"])
    assert "secetary" in entry["error"]


def test_two_inputs_with_one_output_name_are_reported_not_overwritten(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copy_meetings(
        tmp_path / "in",
        {"thang-8/bien-ban.yaml": MINIMAL_STATE, "thang-9/bien-ban.yaml": MINIMAL_PARTY},
    )
    out, report = tmp_path / "out", tmp_path / "report.json"
    args = ["batch", tmp_path / "in", "-o", out, "-f", "docx", "--report", report]
    run = run_main(capsys, "--lang", "en", *args)
    assert run.code == 1
    assert "writes the same output file bien-ban.docx" in run.out
    data = read_report(report)
    first, second = data["inputs"]
    assert first["input"].endswith("thang-8/bien-ban.yaml") and first["status"] == "done"
    assert second["status"] == "failed" and "thang-8" in second["error"]
    # the output is the first input's (the state document), not overwritten by the second's
    with zipfile.ZipFile(out / "bien-ban.docx") as archive:
        assert "BB-UBND" in archive.read("word/document.xml").decode("utf-8")


def test_missing_paths_and_empty_folders(
    capsys: pytest.CaptureFixture[str], inputs: Path, tmp_path: Path
) -> None:
    run = run_main(capsys, "batch", inputs, tmp_path / "khong-co.yaml", "-o", tmp_path / "out")
    assert run.code == 1
    assert "khong-co.yaml" in run.out and "Không tìm thấy tệp" in run.out

    empty = tmp_path / "trong"
    empty.mkdir()
    run = run_main(capsys, "batch", empty, "-o", tmp_path / "out2")
    assert run.code == 2
    assert "Không tìm thấy tệp .yaml" in run.err


def test_the_report_is_never_an_input(
    capsys: pytest.CaptureFixture[str], inputs: Path, tmp_path: Path
) -> None:
    """``minutes batch . -o out --report bao-cao.json``, twice: the report of the first run lies
    among the inputs of the second, and must not be taken for a meeting file."""
    report = inputs / "bao-cao.json"
    args = ["batch", inputs, "-o", tmp_path / "out", "-f", "docx", "--report", report]
    assert run_main(capsys, *args).code == 0
    assert run_main(capsys, *args).code == 0
    assert "bao-cao.json" not in statuses(read_report(report))


def test_globs_select_files(
    capsys: pytest.CaptureFixture[str], inputs: Path, tmp_path: Path
) -> None:
    out, report = tmp_path / "out", tmp_path / "report.json"
    pattern = str(inputs / "*-state.yaml")
    run = run_main(capsys, "batch", pattern, "-o", out, "-f", "docx", "--report", report)
    assert run.code == 0
    assert statuses(read_report(report)) == {"a-state.yaml": "done"}
    assert sorted(p.name for p in out.glob("*.docx")) == ["a-state.docx"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["batch", "x.yaml"], "thiếu tham số bắt buộc: -o/--output"),
        (["batch", "x.yaml", "-o", "out", "-j", "0"], "phải là số nguyên từ 1 trở lên"),
        (["batch", "x.yaml", "-o", "out", "-f", "odt"], "lựa chọn không hợp lệ: 'odt'"),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    run = run_main(capsys, *args)
    assert run.code == 2
    assert run.err.startswith("cách dùng: minutes batch")
    assert message in run.err
    assert "Traceback" not in run.err


def test_through_the_real_entry_point(inputs: Path, tmp_path: Path) -> None:
    run = run_process("batch", inputs, "-o", tmp_path / "out", "-j", "2", lang="en_US.UTF-8")
    assert run.code == 0, run.err
    assert "Summary" in run.out and "Done" in run.out
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 3
    assert run.err == ""


def test_interrupt_stops_cleanly_and_leaves_no_partial_file(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    copy_meetings(inputs, {f"bb-{i:02}.yaml": EXAMPLES[i % len(EXAMPLES)] for i in range(16)})
    out = tmp_path / "out"
    process = started_as_in_a_terminal("batch", inputs, "-o", out, "-j", "2")
    try:
        deadline = time.monotonic() + 120
        while not [p for p in out.glob("*.*") if p.suffix in (".pdf", ".docx")]:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no output appeared"
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode in (130, 1), stderr
    assert "Traceback" not in stderr
    assert "Đã dừng theo yêu cầu" in stdout
    assert not list(out.glob("*.part")) and not list(out.glob(".*.part"))
    written = [p for p in out.iterdir() if p.suffix in (".pdf", ".docx")]
    assert 1 <= len(written) < 32
    for path in written:
        assert_complete(path)
    # what was finished is remembered: the next run does only the rest
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert set(manifest["outputs"]) == {p.name for p in written}


# -- the engine, for what the command line cannot provoke ------------------------------------------


def crash_on_bomb(task: Task, variant: str | None) -> Outcome:
    """A worker that dies (as a crash in a C library would) on ``bomb.yaml``."""
    if task.source.name == "bomb.yaml":
        os._exit(70)
    return render_task(task, variant)


def test_a_crashing_worker_fails_only_its_file(inputs: Path, tmp_path: Path) -> None:
    copy_meetings(inputs, {"bomb.yaml": MINIMAL_STATE})
    batch = Batch([inputs], Options(out_dir=tmp_path / "out", formats=("docx",), jobs=2))
    outcomes = {o.source.name: o for o in batch.run(worker=crash_on_bomb)}
    assert outcomes["bomb.yaml"].status == "failed"
    assert "Tiến trình xử lý dừng đột ngột" in outcomes["bomb.yaml"].problems[0].message
    others = {name: o.status for name, o in outcomes.items() if name != "bomb.yaml"}
    assert others == {"a-state.yaml": "done", "b-party.yaml": "done", "c-state.yaml": "done"}


# -- what issue #19 found: the record, odd names, special files, killed batches -------------------


def test_a_manifest_that_cannot_be_saved_is_a_problem_in_the_report(
    capsys: pytest.CaptureFixture[str],
    inputs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    import minutes.manifest

    def full(self: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(self.path))

    monkeypatch.setattr(minutes.manifest.Manifest, "save", full)
    out, report = tmp_path / "out", tmp_path / "report.json"
    run = run_main(capsys, "batch", inputs, "-o", out, "-f", "docx", "--report", report)
    assert run.code == 1
    assert "Lỗi nội bộ" not in run.out + run.err and "Traceback" not in run.err
    assert "Không lưu được bản ghi" in run.out and "ổ đĩa đã đầy" in run.out
    data = read_report(report)
    assert data["summary"]["done"] == 3  # the files were made and are reported
    (problem,) = data["problems"]
    assert problem["file"].endswith(MANIFEST_NAME) and problem["hint"]
    assert len(list(out.glob("*.docx"))) == 3


@pytest.mark.skipif(sys.platform != "linux", reason="a name of bytes that are not UTF-8")
def test_a_file_name_that_is_not_text_is_a_problem_not_a_crash(
    capsys: pytest.CaptureFixture[str], inputs: Path, tmp_path: Path
) -> None:
    odd = os.fsdecode(bytes(inputs) + b"/bi\xean-b\xe1n.yaml")  # Latin-1 bytes from an old disk
    Path(odd).write_bytes(MINIMAL_STATE.read_bytes())
    out, report = tmp_path / "out", tmp_path / "report.json"
    for _run in range(2):  # nor does it spoil the next run
        run = run_main(capsys, "batch", inputs, "-o", out, "-f", "docx", "--report", report)
        assert run.code == 1, run.err
        assert "Lỗi nội bộ" not in run.out + run.err
        assert "Tên tệp không phải là văn bản hợp lệ" in run.out
        assert "bi\\xean-b\\xe1n.yaml" in run.out  # shown, the stray bytes escaped
        data = read_report(report)
        assert data["summary"] == {
            "done": 3 - 3 * _run,
            "skipped": 3 * _run,
            "failed": 1,
            "cancelled": 0,
        }
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert len(manifest["outputs"]) == 3


def test_an_unreadable_folder_is_reported(
    capsys: pytest.CaptureFixture[str],
    inputs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The folder is made unreadable by refusing to list it (the tests may run as root, whom
    permissions do not stop)."""
    locked = inputs / "thang-9"
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    run = run_main(capsys, "batch", inputs, "-o", tmp_path / "out", "-f", "docx")
    assert run.code == 1
    assert "Không đọc được thư mục này: bạn không có quyền đọc" in run.out
    assert "thang-9" in run.out
    assert len(list((tmp_path / "out").glob("*.docx"))) == 2  # the others are done


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_named_like_a_meeting_file_is_reported_not_waited_for(
    inputs: Path, tmp_path: Path
) -> None:
    os.mkfifo(inputs / "ong-dan.yaml")
    run = run_process("batch", inputs, "-o", tmp_path / "out", "-f", "docx", timeout=120)
    assert run.code == 1
    assert "ong-dan.yaml" in run.out and "không phải là tệp thông thường" in run.out
    assert len(list((tmp_path / "out").glob("*.docx"))) == 3


def test_an_output_name_the_disk_cannot_take_is_refused_before_anything_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    long = "d" * 251  # the input's 251 + ".yml" fits in 255 bytes, the output's + ".docx" not
    inputs = tmp_path / "in"
    inputs.mkdir()
    try:
        (inputs / f"{long}.yml").write_bytes(MINIMAL_STATE.read_bytes())
    except OSError:
        pytest.skip("this file system takes no such name at all")
    out = tmp_path / "out"
    run = run_main(capsys, "batch", inputs, "-o", out)
    assert run.code == 1
    assert "quá dài" in run.out
    assert not [p for p in out.iterdir() if p.name != MANIFEST_NAME]  # neither PDF nor DOCX


def test_what_is_recorded_is_what_was_rendered(tmp_path: Path) -> None:
    """An input edited after the batch hashed it and before a worker read it: the output holds
    the edit, so the record must say so, and putting the file back makes it stale again."""
    inputs = tmp_path / "in"
    (path,) = copy_meetings(inputs, {"a.yaml": MINIMAL_STATE}).values()
    original = path.read_text(encoding="utf-8")
    options = Options(out_dir=tmp_path / "out", formats=("docx",), jobs=1)
    batch = Batch([inputs], options)  # planned: hashed now
    path.write_text(original.replace("title: ", "title: ĐÃ SỬA ", 1), encoding="utf-8")
    (outcome,) = list(batch.run())
    assert outcome.status == "done"
    with zipfile.ZipFile(tmp_path / "out" / "a.docx") as archive:
        assert "ĐÃ SỬA" in archive.read("word/document.xml").decode("utf-8")
    path.write_text(original, encoding="utf-8")  # put back
    again = Batch([inputs], options)
    assert [task.source.name for task in again.plan.tasks] == ["a.yaml"]


def test_the_manifest_is_saved_while_the_batch_runs(tmp_path: Path) -> None:
    """Not only at the end: a batch killed with kill -9 keeps the record of what it finished."""
    inputs = tmp_path / "in"
    copy_meetings(inputs, {f"bb-{i:02}.yaml": EXAMPLES[i % len(EXAMPLES)] for i in range(12)})
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "minutes", "batch", str(inputs), "-o", str(out), "-j", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=process_env(),
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 180
        while not (out / MANIFEST_NAME).exists():
            assert process.poll() is None, "the batch ended before its first save"
            assert time.monotonic() < deadline, "no manifest while the batch ran"
            time.sleep(0.05)
        process.kill()
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
    recorded = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["outputs"]
    assert recorded
    for name in recorded:  # every recorded output is there and complete
        assert_complete(out / name)


def _processes_with(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker.encode() in environ and state not in ("Z", "X"):
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="processes found through /proc")
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_a_killed_batch_leaves_no_process_behind(tmp_path: Path, stop: int) -> None:
    inputs = tmp_path / "in"
    copy_meetings(inputs, {f"bb-{i:02}.yaml": EXAMPLES[i % len(EXAMPLES)] for i in range(16)})
    out, report = tmp_path / "out", tmp_path / "report.json"
    marker = f"MINUTES_TEST_MARKER_{os.getpid()}_{stop}"
    command = [sys.executable, "-m", "minutes", "batch", str(inputs), "-o", str(out)]
    process = subprocess.Popen(
        [*command, "-j", "2", "--report", str(report)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**process_env(), marker: "1"},
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 180
        while not [p for p in out.glob("*.*") if p.suffix in (".pdf", ".docx")]:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no output appeared"
            time.sleep(0.02)
        assert len(_processes_with(marker)) >= 3  # the command, its workers (and the tracker)
        process.send_signal(stop)
        _stdout, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    deadline = time.monotonic() + 15
    while _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_with(marker) == [], "a worker or the resource tracker was left running"
    unfinished = [p.name for p in out.glob(f".*{TEMPORARY_SUFFIX}")]
    if stop == signal.SIGKILL:
        # The command itself cannot clean up after kill -9: a manifest it was saving may stay
        # half-written under its temporary name (never an output's: the workers remove theirs),
        # and the next run sweeps it away, then finishes the work.
        assert all(name.startswith(temporary_prefix(MANIFEST_NAME)) for name in unfinished)
        again = subprocess.run(command, capture_output=True, text=True, env=process_env(), cwd=ROOT)
        assert again.returncode == 0, again.stderr
        assert not list(out.glob(f".*{TEMPORARY_SUFFIX}"))
        assert len(list(out.glob("*.pdf"))) == len(list(out.glob("*.docx"))) == 16
    else:
        assert unfinished == []
    if stop == signal.SIGTERM:  # a clean stop, as after Ctrl-C: the record and the report
        assert process.returncode == 128 + signal.SIGTERM, stderr
        assert "Traceback" not in stderr
        assert read_report(report)["interrupted"] is True
        recorded = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))["outputs"]
        written = {p.name for p in out.iterdir() if p.suffix in (".pdf", ".docx")}
        assert set(recorded) == written


def test_the_cache_key_holds_the_tools_version_and_code_and_the_profiles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue #17: after an upgrade of minutes (a new version, or new code under the same
    version number) or a change of a profile, every output is made again."""
    import minutes
    import minutes.manifest as manifest

    def key() -> str:
        manifest._base_fingerprint.cache_clear()
        return manifest.fingerprint("pdf")

    original = key()
    monkeypatch.setattr(minutes, "__version__", "99.0")
    assert key() != original
    monkeypatch.undo()
    assert key() == original
    monkeypatch.setattr(manifest, "_code_digest", lambda package: "other code")
    assert key() != original
    monkeypatch.undo()
    monkeypatch.setattr(manifest, "_profile_versions", lambda: "state nd30-2020-bis")
    assert key() != original
    monkeypatch.undo()
    assert key() == original
    assert "state nd30-2020" in manifest._profile_versions()


def test_an_upgrade_redoes_every_output(
    capsys: pytest.CaptureFixture[str],
    inputs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import minutes.manifest as manifest

    out, report = tmp_path / "out", tmp_path / "report.json"
    args = ["batch", inputs, "-o", out, "-f", "docx", "--report", report]
    assert run_main(capsys, *args).code == 0
    assert run_main(capsys, *args).code == 0
    assert set(statuses(read_report(report)).values()) == {"skipped"}
    manifest._base_fingerprint.cache_clear()
    monkeypatch.setattr(manifest, "_code_digest", lambda package: "the next version's code")
    try:
        assert run_main(capsys, *args).code == 0
        assert set(statuses(read_report(report)).values()) == {"done"}
    finally:
        monkeypatch.undo()
        manifest._base_fingerprint.cache_clear()
    data = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert data["tool"].startswith("minutes ") and "state" in data["profiles"]
