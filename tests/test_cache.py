"""The cache of what a fresh process would build again (minutes/cache.py): an entry read back
gives the same files, and a cache that is off, broken or unwritable is no cache, never an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FLAGSHIP

import minutes
from minutes import cache
from minutes.writers.docx import DocxWriter


def _docx_text(data: bytes) -> list[str]:
    import io

    import docx

    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_a_cached_base_document_gives_the_same_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINUTES_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    document = minutes.Renderer().compose(minutes.load(FLAGSHIP))
    first = DocxWriter().render(document)  # builds the base and keeps it
    entries = list((tmp_path / "docx-base").iterdir())
    assert len(entries) == 1
    second = DocxWriter().render(document)  # reads it
    assert second == first
    monkeypatch.setenv("MINUTES_CACHE_DIR", "off")
    assert DocxWriter().render(document) == first


def test_a_broken_entry_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MINUTES_CACHE_DIR", str(tmp_path))
    document = minutes.Renderer().compose(minutes.load(FLAGSHIP))
    expected = _docx_text(DocxWriter().render(document))
    for entry in (tmp_path / "docx-base").iterdir():
        entry.write_bytes(b"not a document")
    assert _docx_text(DocxWriter().render(document)) == expected


def test_no_usable_folder_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("MINUTES_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be
    assert cache.cache_dir() is None
    assert cache.read("docx-base", "x") is None
    cache.write("docx-base", "x", b"data")  # silently nothing
    assert minutes.render_docx(minutes.load(FLAGSHIP)).startswith(b"PK")
    monkeypatch.setenv("MINUTES_CACHE_DIR", "off")
    assert cache.cache_dir() is None


def test_entries_differ_when_what_makes_them_differs() -> None:
    assert cache.digest("a", "bc") != cache.digest("ab", "c")
    assert cache.digest("a") == cache.digest(b"a")
