"""One :class:`minutes.Renderer` shared by many threads gives each caller exactly the document it
would have got alone (a web service renders this way)."""

from __future__ import annotations

import io
import re
import threading
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile import pdf_pages, pdf_text

import minutes

DATA = Path(__file__).resolve().parent / "data"
THREADS = 8
DOCUMENTS = 50
DISTINCT = 10
"""50 renderings of 10 different meetings: each meeting is in flight several times at once, and
beside the others, so a result that took another's text would be caught."""


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    docx: bytes

    @property
    def document_xml(self) -> bytes:
        with zipfile.ZipFile(io.BytesIO(self.docx)) as archive:
            return archive.read("word/document.xml")

    @property
    def docx_parts(self) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(self.docx)) as archive:
            return {name: archive.read(name) for name in archive.namelist()}


def _meetings() -> list[minutes.Minutes]:
    """Ten small meetings, state and Party, each with its own number, title, people and figures."""
    state = (DATA / "minimal-state.yaml").read_text(encoding="utf-8")
    party = (DATA / "minimal-party.yaml").read_text(encoding="utf-8")
    made = []
    for index in range(DISTINCT):
        text = state if index % 2 == 0 else party
        text = re.sub(r"(?m)^number: \d+$", f"number: {index + 1}", text)
        text = text.replace("title: ", f"title: Phiên số {index + 1} - ", 1)
        text = re.sub(r"(?m)^  name: (.*)$", rf"  name: \1 {index + 1}", text)
        made.append(minutes.loads(text, f"meeting-{index + 1}.yaml"))
    return made


def _render(renderer: minutes.Renderer, meeting: minutes.Minutes) -> Rendered:
    return Rendered(renderer.render_pdf(meeting), renderer.render_docx(meeting))


@pytest.mark.slow
def test_one_renderer_shared_by_eight_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # fixed timestamps in both files
    meetings = _meetings()
    assert len({m.title for m in meetings}) == DISTINCT

    alone = minutes.Renderer()
    expected = [_render(alone, m) for m in meetings]
    again = _render(alone, meetings[0])
    deterministic_pdf = again.pdf == expected[0].pdf

    shared = minutes.Renderer()  # cold: the threads race to build its writers too
    jobs = [index % DISTINCT for index in range(DOCUMENTS)]
    go = threading.Event()
    threads_used: set[int] = set()

    def work(index: int) -> Rendered:
        threads_used.add(threading.get_ident())
        go.wait(timeout=60)  # every job is queued before the first starts
        return _render(shared, meetings[index])

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(work, index) for index in jobs]
        go.set()
        results = [future.result(timeout=300) for future in futures]

    assert len(threads_used) == THREADS
    for job, (index, got) in enumerate(zip(jobs, results, strict=True)):
        want = expected[index]
        assert got.document_xml == want.document_xml, f"job {job}: DOCX document.xml differs"
        assert got.docx_parts == want.docx_parts, f"job {job}: a DOCX part differs"
        assert pdf_pages(got.pdf) == pdf_pages(want.pdf), f"job {job}: PDF page count differs"
        assert pdf_text(got.pdf) == pdf_text(want.pdf), f"job {job}: PDF text differs"
        if deterministic_pdf:
            assert got.pdf == want.pdf, f"job {job}: PDF bytes differ"
        assert f"Phiên số {index + 1} -" in pdf_text(got.pdf)
