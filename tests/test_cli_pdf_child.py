"""A one-file ``minutes render`` of both formats makes its PDF in a forked child
(minutes/cli/pdf_child.py): the files are the ones a single process makes, the child's PDF is
really used, and a child that makes none leaves the PDF to the parent."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from conftest import FLAGSHIP, ROOT

import minutes
from minutes.cli import pdf_child

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the child is forked on Linux only")

RENDER = """\
import sys
from minutes.cli.dispatch import main
{before}
code = main(["render", {meeting!r}, "-o", {out!r}])
print(code, "weasyprint" in sys.modules)
"""

FORK_WATCHED = """\
import os, sys
fork = os.fork
def watched_fork():
    pid = fork()
    if pid:
        print("forked with", [m for m in ("pydantic", "jinja2") if m in sys.modules])
    return pid
os.fork = watched_fork
"""

NO_PDF_FROM_THE_CHILD = """\
import os
from minutes.cli import pdf_child
pdf_child._render_and_send = lambda *arguments: os._exit(1)
"""


def _render_in_a_fresh_process(out: Path, before: str = "") -> list[str]:
    code = RENDER.format(before=before, meeting=str(FLAGSHIP), out=str(out))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[-1].split()  # after the lines that say what was written


def _document_xml(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return package.read("word/document.xml")


@pytest.fixture(scope="module")
def one_process() -> dict[str, bytes]:
    """The flagship's two files as one process makes them."""
    meeting = minutes.load(FLAGSHIP)
    renderer = minutes.Renderer()
    return {"pdf": renderer.render(meeting, "pdf"), "docx": renderer.render(meeting, "docx")}


@pytest.mark.parametrize("child", ["makes the PDF", "makes none"])
def test_the_files_are_those_of_one_process(
    tmp_path: Path, one_process: dict[str, bytes], child: str
) -> None:
    before = "" if child == "makes the PDF" else NO_PDF_FROM_THE_CHILD
    code, parent_imported_weasyprint = _render_in_a_fresh_process(tmp_path, before)
    assert code == "0"
    # with a PDF from the child, the parent never needed WeasyPrint; without, it made the PDF
    assert parent_imported_weasyprint == str(child == "makes none")
    pdf = (tmp_path / f"{FLAGSHIP.stem}.pdf").read_bytes()
    docx = (tmp_path / f"{FLAGSHIP.stem}.docx").read_bytes()
    assert pdf == one_process["pdf"]  # WeasyPrint's PDF of one tree is the same to the byte
    assert _document_xml(docx) == _document_xml(one_process["docx"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"{FLAGSHIP.stem}.docx",
        f"{FLAGSHIP.stem}.pdf",
    ]


def test_the_child_is_forked_before_the_library_is_imported(tmp_path: Path) -> None:
    """So that the child's imports (the PDF writer, WeasyPrint) and the command's (the reader,
    the model's validators, the template) run side by side from the start."""
    code = RENDER.format(before=FORK_WATCHED, meeting=str(FLAGSHIP), out=str(tmp_path))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "forked with []" in done.stdout.splitlines()


def test_a_child_is_forked_only_in_a_cold_process_with_one_thread_and_two_cores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    minutes.Renderer().render(minutes.load(FLAGSHIP), "pdf")  # this process is warm now
    assert not pdf_child.can_fork()
    monkeypatch.delitem(sys.modules, "weasyprint")  # as if it were cold
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    assert pdf_child.can_fork()
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3})  # one core: nothing to gain
    assert not pdf_child.can_fork()
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(threading, "active_count", lambda: 2)  # a server's thread, a test's
    assert not pdf_child.can_fork()


CHILDREN = """\
import threading
from minutes.cli.pdf_child import PdfChild
def ready():
    pass
def broken(document):
    raise ValueError("broken")
def child(render, document="tree"):
    made = PdfChild(ready, render)
    made.send(document)
    return made.result()
print(child(lambda document: b"%PDF-1.7 " + document.encode()))
print(child(lambda document: b"half a file"))
print(child(broken))
print(child(lambda document: b"%PDF-1.7", document=threading.Lock()))  # cannot be pickled
running = PdfChild(lambda: threading.Event().wait(60), lambda document: b"%PDF-")
running.stop()
print(running.result())
waiting = PdfChild(ready, lambda document: b"%PDF-")  # its parent sends nothing: a bad file
waiting.stop()
print(waiting.result())
"""


def test_only_a_whole_pdf_from_a_child_that_ended_well_is_taken() -> None:
    """In a fresh process, with one thread, as the command forks."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", CHILDREN], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:6] == ["b'%PDF-1.7 tree'", *["None"] * 5]
    assert done.stderr == ""  # the failing child said nothing
